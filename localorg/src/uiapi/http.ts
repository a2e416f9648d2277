/**
 * HTTP routes BROWSER adds to the local org's server, as one Node request
 * handler (it answers `true` when it handled the request):
 *   GET  /, /index.html, /app.js, /assets/...   the browser build (browser/dist) + SLDS assets
 *   GET  /leadloop/session                      { accessToken, apiVersion, users, defaultUserId }
 *   POST /services/data/vXX.X/graphql           GraphQL (UI API shapes)
 *   /services/data/vXX.X/ui-api/...             UI API records, object-info, picklist values
 * API routes require `Authorization: Bearer <token>`; the header
 * `X-LeadLoop-Act-As: <User Id>` names the user the browser acts as.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_VERSION } from '../../../core/src/index';
import { executeGraphQL } from '../graphql/execute';
import type { RecordSource } from '../graphql/source';
import * as ui from './records';

export interface BrowserRoutesOptions {
    source: RecordSource;
    /** The token API calls must carry (a function when it can change, e.g. after a refresh). */
    accessToken: string | (() => string);
    /** Decides whether a request may use the API (default: it carries `Bearer <accessToken>`). */
    isAuthorized?: (req: IncomingMessage) => boolean;
    /** Defaults to browser/dist in this checkout. */
    distDir?: string;
    /** Which routes to answer (default: all): the GraphQL endpoint, the UI API, the app + session. */
    parts?: { graphql?: boolean; uiapi?: boolean; app?: boolean };
}

const MIME: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.woff2': 'font/woff2',
    '.woff': 'font/woff',
    '.map': 'application/json'
};

const MAX_BODY = 5 * 1024 * 1024;

export const DEFAULT_DIST_DIR = path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '../../../browser/dist'
);

function send(res: ServerResponse, status: number, body: unknown): void {
    if (status === 204) {
        res.writeHead(204).end();
        return;
    }
    const text = JSON.stringify(body);
    res.writeHead(status, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': Buffer.byteLength(text)
    });
    res.end(text);
}

async function readJson(
    req: IncomingMessage
): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > MAX_BODY) return { ok: false, message: 'The request body is larger than 5 MB.' };
        chunks.push(chunk as Buffer);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    if (!text) return { ok: true, value: null };
    try {
        return { ok: true, value: JSON.parse(text) };
    } catch {
        return { ok: false, message: 'The request body is not valid JSON.' };
    }
}

function serveStatic(res: ServerResponse, distDir: string, urlPath: string): boolean {
    let rel: string;
    try {
        rel = decodeURIComponent(urlPath);
    } catch {
        return false;
    }
    // Every Lightning URL (/lightning/n/..., /lightning/r/...) is the app's page, as in an org.
    if (rel === '/' || rel === '' || rel.startsWith('/lightning/')) rel = '/index.html';
    const root = path.resolve(distDir);
    const file = path.resolve(root, `.${path.posix.normalize(rel)}`);
    if (!file.startsWith(root + path.sep)) return false;
    if (!existsSync(file) || !statSync(file).isFile()) return false;
    res.writeHead(200, {
        'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
        'Content-Length': statSync(file).size,
        'Cache-Control': 'no-cache'
    });
    createReadStream(file).pipe(res);
    return true;
}

export function createBrowserRoutes(options: BrowserRoutesOptions) {
    const { source } = options;
    const token = () =>
        typeof options.accessToken === 'function' ? options.accessToken() : options.accessToken;
    const authorized = (req: IncomingMessage) =>
        options.isAuthorized
            ? options.isAuthorized(req)
            : req.headers.authorization === `Bearer ${token()}`;
    const distDir = options.distDir ?? DEFAULT_DIST_DIR;
    const base = `/services/data/v${API_VERSION}`;
    const parts = { graphql: true, uiapi: true, app: true, ...options.parts };

    function users() {
        const found = source.find('User', {
            fields: ['Id', 'Name', 'Title', 'Username'],
            where: { field: 'IsActive', op: 'eq', value: true },
            orderBy: [{ field: 'Name', direction: 'ASC' }],
            limit: 500,
            offset: 0
        }).records;
        return found.map((u) => ({
            Id: u.Id,
            Name: u.Name,
            Role: u.Title ?? null,
            Username: u.Username ?? null
        }));
    }

    return async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const method = req.method ?? 'GET';
        if (parts.app && url.pathname === '/leadloop/session' && method === 'GET') {
            const list = users();
            const admin = list.find((u) =>
                /admin/i.test(`${u.Role ?? ''} ${u.Username ?? ''} ${u.Name}`)
            );
            if (!authorized(req)) {
                send(res, 401, [
                    { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }
                ]);
                return true;
            }
            send(res, 200, {
                accessToken: token(),
                apiVersion: API_VERSION,
                users: list,
                defaultUserId: admin?.Id ?? list[0]?.Id ?? null
            });
            return true;
        }
        const isGraphql = parts.graphql && url.pathname === `${base}/graphql`;
        const isUi = parts.uiapi && url.pathname.startsWith(`${base}/ui-api/`);
        if (!isGraphql && !isUi) {
            if (parts.app && method === 'GET' && !url.pathname.startsWith('/services/')) {
                return serveStatic(res, distDir, url.pathname);
            }
            return false;
        }
        if (!authorized(req)) {
            send(res, 401, [
                { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }
            ]);
            return true;
        }
        const actAs = req.headers['x-leadloop-act-as'];
        const actorId =
            typeof actAs === 'string' && /^005[a-zA-Z0-9]{12,15}$/.test(actAs) ? actAs : undefined;
        let body: unknown = null;
        if (method === 'POST' || method === 'PATCH') {
            const parsed = await readJson(req);
            if (!parsed.ok) {
                send(res, 400, [{ message: parsed.message, errorCode: 'JSON_PARSER_ERROR' }]);
                return true;
            }
            body = parsed.value;
        }
        if (isGraphql) {
            if (method !== 'POST') {
                send(res, 405, [
                    { message: 'Use POST for GraphQL.', errorCode: 'METHOD_NOT_ALLOWED' }
                ]);
                return true;
            }
            const request = (body && typeof body === 'object' ? body : {}) as Record<
                string,
                unknown
            >;
            send(res, 200, executeGraphQL(source, request, actorId));
            return true;
        }
        let segments: string[];
        try {
            segments = url.pathname
                .slice(`${base}/ui-api/`.length)
                .split('/')
                .map((p) => decodeURIComponent(p));
        } catch {
            segments = [];
        }
        let answer: ui.ApiResponse | undefined;
        if (segments[0] === 'records' && segments.length === 1 && method === 'POST') {
            answer = ui.createRecord(source, body, actorId);
        } else if (segments[0] === 'records' && segments.length === 2) {
            if (method === 'GET') answer = ui.getRecord(source, segments[1], url.searchParams);
            else if (method === 'PATCH')
                answer = ui.updateRecord(
                    source,
                    segments[1],
                    body,
                    actorId,
                    req.headers['if-unmodified-since']
                );
            else if (method === 'DELETE') answer = ui.deleteRecord(source, segments[1]);
        } else if (segments[0] === 'object-info' && segments.length === 2 && method === 'GET') {
            answer = ui.objectInfo(source, segments[1]);
        } else if (
            segments[0] === 'object-info' &&
            segments.length === 5 &&
            segments[2] === 'picklist-values' &&
            method === 'GET'
        ) {
            answer = ui.picklistValues(source, segments[1], segments[3], segments[4]);
        }
        answer ??= {
            status: 404,
            body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]
        };
        send(res, answer.status, answer.body);
        return true;
    };
}
