/**
 * One request as routes see it: the parsed URL, the route's parameters, body
 * readers that apply the org's one body limit and JSON rules, and writers for
 * JSON and CSV answers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './errors';

/** The largest request body any API accepts: a Bulk 2.0 upload's 100 MB, as the README says. */
export const MAX_BODY_BYTES = 100 * 1024 * 1024;

export class Request {
    readonly url: URL;
    readonly path: string;
    readonly method: string;
    /** Route parameters (`:name` in the pattern), URI-decoded. */
    params: Record<string, string> = {};

    constructor(
        readonly req: IncomingMessage,
        readonly res: ServerResponse,
        readonly maxBodyBytes = MAX_BODY_BYTES
    ) {
        // Repeated slashes are one, as on the platform (the sf CLI keeps the instance URL
        // with a trailing slash, so its paths start with `//services`); before parsing,
        // since `//host/...` would otherwise read as a host.
        const raw = req.url ?? '/';
        this.url = new URL(
            raw.replace(/^[^?]*/, (p) => p.replace(/\/{2,}/g, '/')),
            'http://127.0.0.1'
        );
        this.path = this.url.pathname.replace(/\/+$/, '') || '/';
        this.method = req.method ?? 'GET';
    }

    query(name: string): string | null {
        return this.url.searchParams.get(name);
    }

    header(name: string): string {
        const v = this.req.headers[name.toLowerCase()];
        return Array.isArray(v) ? v.join(',') : (v ?? '');
    }

    private tooLarge(): ApiError {
        return new ApiError(
            413,
            'REQUEST_TOO_LARGE',
            `The request body is larger than ${this.maxBodyBytes} bytes.`
        );
    }

    /** The body as it arrives, refused with 413 above the body limit (declared or counted). */
    async *chunks(): AsyncGenerator<Buffer> {
        if (Number(this.req.headers['content-length'] ?? 0) > this.maxBodyBytes)
            throw this.tooLarge();
        let size = 0;
        for await (const chunk of this.req) {
            size += (chunk as Buffer).length;
            if (size > this.maxBodyBytes) throw this.tooLarge();
            yield chunk as Buffer;
        }
    }

    /** The body as text, refused with 413 above the body limit. */
    async text(): Promise<string> {
        const chunks: Buffer[] = [];
        for await (const chunk of this.chunks()) chunks.push(chunk);
        return Buffer.concat(chunks).toString('utf8');
    }

    /** The body as JSON; an empty or malformed body is JSON_PARSER_ERROR. */
    async json(): Promise<unknown> {
        const text = await this.text();
        if (!text.trim())
            throw new ApiError(
                400,
                'JSON_PARSER_ERROR',
                'The request body is empty; a JSON body is required.'
            );
        try {
            return JSON.parse(text);
        } catch (e) {
            throw new ApiError(
                400,
                'JSON_PARSER_ERROR',
                `The request body is not valid JSON: ${(e as Error).message.slice(0, 200)}`
            );
        }
    }

    /** The body as a JSON object (not an array or a scalar). */
    async jsonObject(what = 'a JSON object'): Promise<Record<string, unknown>> {
        const body = await this.json();
        if (!body || typeof body !== 'object' || Array.isArray(body))
            throw new ApiError(400, 'JSON_PARSER_ERROR', `The request body must be ${what}.`);
        return body as Record<string, unknown>;
    }

    send(status: number, body: unknown, headers: Record<string, string> = {}): void {
        if (status === 204) {
            this.res.writeHead(204, headers).end();
            return;
        }
        this.sendJson(status, JSON.stringify(body), headers);
    }

    /**
     * An answer whose JSON is already written: as text, or as parts (text or UTF-8 bytes) sent
     * one after the other as they are, never copied into one.
     */
    sendJson(
        status: number,
        text: string | (string | Buffer)[],
        headers: Record<string, string> = {}
    ): void {
        const parts = typeof text === 'string' ? [text] : text;
        let length = 0;
        for (const part of parts) length += Buffer.byteLength(part);
        this.res.writeHead(status, {
            'Content-Type': 'application/json;charset=UTF-8',
            'Content-Length': String(length),
            ...headers
        });
        for (const part of parts.slice(0, -1)) this.res.write(part);
        this.res.end(parts[parts.length - 1]);
    }

    /**
     * Writes a part of an answer sent in parts (after `res.writeHead`), then lets other
     * requests in, and waits while the client has not read what was written, so a large
     * answer neither piles up in memory nor holds the org. Answers false when the client has
     * gone (nothing more need be written).
     */
    async writePart(text: string): Promise<boolean> {
        const res = this.res;
        if (res.destroyed) return false;
        if (!res.write(text))
            await new Promise<void>((resolve) => {
                const done = () => {
                    res.off('drain', done);
                    res.off('close', done);
                    resolve();
                };
                res.on('drain', done);
                res.on('close', done);
            });
        // A socket that took the text at once drains within this turn: wait for the next one.
        await new Promise((resolve) => setImmediate(resolve));
        return !res.destroyed;
    }

    sendCsv(csv: string, headers: Record<string, string> = {}): void {
        this.res.writeHead(200, { 'Content-Type': 'text/csv; charset=UTF-8', ...headers }).end(csv);
    }
}
