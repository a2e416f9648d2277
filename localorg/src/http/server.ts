/**
 * The one HTTP pipeline every API goes through: parse the request, check the
 * API version, find the route, check the token, count the call (faults and the
 * daily limit), run the handler, and answer any error in the platform's shape.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { API_VERSION } from '../../../core/src/index';
import { checkBrowserWrite, type Credentials } from './auth';
import { ApiError, errorResponse, invalidSession, notFound } from './errors';
import { Request, MAX_BODY_BYTES } from './request';
import type { Router } from './router';

export interface PipelineOptions {
    router: Router;
    /** The request's credentials when they carry a valid token. */
    authorize(req: IncomingMessage): Credentials | undefined;
    /** Runs before every metered route (counting, limits, faults); throws to refuse the call. */
    meter?(r: Request): Promise<void>;
    maxBodyBytes?: number;
    /** Told when each request starts and ends (the org checkpoints its log between them). */
    activity?: { begin(): void; end(): void };
}

/** The oldest API version the platform still serves (Summer '14); the newest is the org's own. */
export const OLDEST_API_VERSION = 31;

const VERSIONED = /^\/services\/data\/v(\d+\.\d)(?:\/|$)/;

function checkVersion(path: string): void {
    const m = VERSIONED.exec(path);
    if (m && (Number(m[1]) > Number(API_VERSION) || Number(m[1]) < OLDEST_API_VERSION))
        throw notFound(
            `API version ${m[1]} is not supported by the local org (it serves up to ${API_VERSION}).`
        );
}

/** Routes one request; never throws (errors are answered). */
export async function handleRequest(
    options: PipelineOptions,
    req: IncomingMessage,
    res: ServerResponse
): Promise<void> {
    const r = new Request(req, res, options.maxBodyBytes ?? MAX_BODY_BYTES);
    options.activity?.begin();
    try {
        checkVersion(r.path);
        const match = options.router.match(r.method, r.path);
        const isApi = r.path.startsWith('/services/') || r.path.startsWith('/leadloop/');
        if (!match || 'methodNotAllowed' in match) {
            if (isApi && !options.authorize(req)) throw invalidSession();
            if (match)
                throw new ApiError(
                    405,
                    'METHOD_NOT_ALLOWED',
                    `HTTP method '${r.method}' not allowed.`
                );
            throw notFound();
        }
        r.params = match.params;
        const { route } = match;
        if (route.auth === 'token') {
            const c = options.authorize(req);
            if (!c) throw invalidSession();
            checkBrowserWrite(req, c);
        }
        if (route.metered && options.meter) await options.meter(r);
        await route.handler(r);
    } catch (e) {
        if (res.headersSent) {
            res.end();
            return;
        }
        const { status, body } = errorResponse(e);
        r.send(status, body);
    } finally {
        options.activity?.end();
    }
}

export async function listen(server: http.Server, port: number): Promise<string> {
    // The platform gives a request 10 minutes. A Bulk API 2.0 upload may be up to 100 MB of
    // CSV (a 100,000-lead rescore is one), and on a busy machine receiving it took longer than
    // the 2 minutes this used to allow, so the org refused a legal upload.
    server.requestTimeout = 600_000;
    // Longer than clients keep idle sockets (undici: 4 s), so the server never closes a socket
    // a client is reusing at that moment (the client would see "other side closed").
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => resolve());
    });
    return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

export function createHttpServer(options: PipelineOptions): http.Server {
    return http.createServer((req, res) => void handleRequest(options, req, res));
}
