/**
 * Reading a zip archive (what a Metadata API deploy sends) with node:zlib:
 * the central directory, then each entry, stored or deflated. Refuses what it
 * cannot read (ZIP64, encryption, other methods) and archives that would
 * inflate beyond a limit, with a message saying so, rather than guessing.
 */
import { inflateRawSync } from 'node:zlib';

/** Raised for an archive that is not a zip this reader takes. */
export class ZipError extends Error {}

export interface ZipEntry {
    /** The entry's path inside the archive ('/' separated). */
    name: string;
    data: Buffer;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Every file entry of a zip (folders left out), refusing more than `maxBytes` inflated in all. */
export function readZip(zip: Buffer, maxBytes = 100 * 1024 * 1024): ZipEntry[] {
    // The end-of-central-directory record is in the last 22 + 65,535 bytes.
    let eocd = -1;
    for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
        if (zip.readUInt32LE(i) === EOCD) {
            eocd = i;
            break;
        }
    }
    if (eocd < 0)
        throw new ZipError('The file is not a zip archive (no end of central directory).');
    const count = zip.readUInt16LE(eocd + 10);
    let at = zip.readUInt32LE(eocd + 16);
    if (count === 0xffff || at === 0xffffffff)
        throw new ZipError('ZIP64 archives are not supported.');
    const entries: ZipEntry[] = [];
    let total = 0;
    for (let n = 0; n < count; n++) {
        if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL)
            throw new ZipError(`Zip central directory entry ${n + 1} is damaged.`);
        const flags = zip.readUInt16LE(at + 8);
        const method = zip.readUInt16LE(at + 10);
        const compressed = zip.readUInt32LE(at + 20);
        const size = zip.readUInt32LE(at + 24);
        const nameLength = zip.readUInt16LE(at + 28);
        const extraLength = zip.readUInt16LE(at + 30);
        const commentLength = zip.readUInt16LE(at + 32);
        const local = zip.readUInt32LE(at + 42);
        const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
        at += 46 + nameLength + extraLength + commentLength;
        if (name.endsWith('/')) continue;
        if (flags & 1) throw new ZipError(`${name}: encrypted entries are not supported.`);
        total += size;
        if (total > maxBytes)
            throw new ZipError(`The archive inflates to more than ${maxBytes} bytes.`);
        if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL)
            throw new ZipError(`${name}: the local header is damaged.`);
        const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
        const raw = zip.subarray(start, start + compressed);
        if (raw.length !== compressed) throw new ZipError(`${name}: the entry is truncated.`);
        let data: Buffer;
        if (method === 0) data = Buffer.from(raw);
        else if (method === 8) {
            try {
                data = inflateRawSync(raw, { maxOutputLength: Math.max(size, 1) });
            } catch (e) {
                throw new ZipError(`${name}: cannot be inflated (${(e as Error).message}).`);
            }
        } else throw new ZipError(`${name}: compression method ${method} is not supported.`);
        if (data.length !== size)
            throw new ZipError(`${name}: the size does not match its header.`);
        entries.push({ name, data });
    }
    return entries;
}
