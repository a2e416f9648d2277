/**
 * Runs a composite subrequest through the org's own router and pipeline, as if
 * it had arrived over HTTP with the outer request's credentials (so every
 * subrequest gets the same checks, errors and shapes as a direct call), and
 * captures its answer. Subrequests are not metered: the platform counts a
 * composite request as one call.
 */
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { Request } from '../http/request';
import { handleRequest } from '../http/server';
import type { Router } from '../http/router';
import type { OrgContext } from './context';

export interface SubResponse {
    status: number;
    headers: Record<string, string>;
    body: unknown;
}

/** The parts of ServerResponse the pipeline uses, kept in memory. */
class CapturedResponse {
    statusCode = 200;
    headersSent = false;
    readonly headers: Record<string, string> = {};
    private readonly chunks: Buffer[] = [];

    setHeader(name: string, value: string): this {
        this.headers[name.toLowerCase()] = String(value);
        return this;
    }
    writeHead(status: number, headers: Record<string, string> = {}): this {
        this.statusCode = status;
        for (const [k, v] of Object.entries(headers)) this.setHeader(k, v);
        this.headersSent = true;
        return this;
    }
    write(chunk: string | Buffer): boolean {
        this.headersSent = true;
        this.chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
        return true;
    }
    end(chunk?: string | Buffer): this {
        if (chunk !== undefined) this.write(chunk);
        return this;
    }
    text(): string {
        return Buffer.concat(this.chunks).toString('utf8');
    }
}

/** Headers a subrequest carries over from the outer request (credentials and origin). */
const CARRIED = ['authorization', 'cookie', 'origin', 'referer'];

export async function dispatch(
    router: Router,
    ctx: OrgContext,
    outer: Request,
    method: string,
    url: string,
    body: unknown,
    httpHeaders: Record<string, unknown> = {}
): Promise<SubResponse> {
    const payload = body === undefined || body === null ? '' : JSON.stringify(body);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(httpHeaders)) headers[k.toLowerCase()] = String(v);
    for (const name of CARRIED) if (outer.header(name)) headers[name] = outer.header(name);
    if (payload) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = String(Buffer.byteLength(payload));
    }
    const req = Object.assign(Readable.from(payload ? [Buffer.from(payload)] : []), {
        method: method.toUpperCase(),
        url,
        headers,
        socket: outer.req.socket
    }) as unknown as IncomingMessage;
    const res = new CapturedResponse();
    await handleRequest(
        { router, authorize: (r) => ctx.sessions.authorize(r) },
        req,
        res as unknown as Parameters<typeof handleRequest>[2]
    );
    const text = res.text();
    const isJson = (res.headers['content-type'] ?? '').startsWith('application/json');
    let parsed: unknown = text || null;
    if (isJson && text) parsed = JSON.parse(text) as unknown;
    const { 'content-type': _type, 'content-length': _length, ...rest } = res.headers;
    void _type;
    void _length;
    return { status: res.statusCode, headers: rest, body: parsed };
}
