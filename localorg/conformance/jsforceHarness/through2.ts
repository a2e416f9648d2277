/**
 * `through2.obj`, which jsforce's query suite imports (through2 is not installed here): an
 * object-mode Transform with the same (transform, flush) arguments.
 */
import { Transform, type TransformCallback } from 'node:stream';

type TransformFn = (chunk: unknown, encoding: BufferEncoding, next: TransformCallback) => void;

function obj(transform: TransformFn, flush?: (done: TransformCallback) => void): Transform {
    return new Transform({ objectMode: true, transform, flush });
}

export default { obj };
