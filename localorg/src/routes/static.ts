/**
 * The browser app: `GET /leadloop/session` (the token, API version and users
 * for the "Act as" picker, to a signed-in caller) and the build's files at `/`
 * (browser/dist by default), never anything outside it.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_VERSION } from '../../../core/src/index';
import { notFound } from '../http/errors';
import type { Request } from '../http/request';
import type { Router } from '../http/router';
import type { RecordSource } from '../store/source';
import type { AppContext } from './context';

export const DEFAULT_DIST_DIR = path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '../../../browser/dist'
);

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

export function register(router: Router, ctx: AppContext): void {
    router.get('/leadloop/session', (r) => {
        const list = activeUsers(ctx.store);
        const admin = list.find((u) =>
            /admin/i.test(`${u.Role ?? ''} ${u.Username ?? ''} ${u.Name}`)
        );
        r.send(200, {
            accessToken: ctx.sessions.current,
            apiVersion: API_VERSION,
            users: list,
            defaultUserId: admin?.Id ?? list[0]?.Id ?? null
        });
    });
    router.get('/*file', (r) => serveFile(r, ctx.distDir ?? DEFAULT_DIST_DIR), { auth: 'none' });
}

function activeUsers(store: RecordSource) {
    return store
        .find('User', {
            fields: ['Id', 'Name', 'Title', 'Username'],
            where: { field: 'IsActive', op: 'eq', value: true },
            orderBy: [{ field: 'Name', direction: 'ASC' }],
            limit: 500,
            offset: 0
        })
        .records.map((u) => ({
            Id: u.Id,
            Name: u.Name,
            Role: u.Title ?? null,
            Username: u.Username ?? null
        }));
}

function serveFile(r: Request, distDir: string): void {
    if (r.path.startsWith('/services/')) throw notFound();
    let rel: string;
    try {
        rel = decodeURIComponent(r.url.pathname);
    } catch {
        throw notFound();
    }
    // Every Lightning URL (/lightning/n/..., /lightning/r/...) is the app's page, as in an org.
    if (rel === '/' || rel === '' || rel.startsWith('/lightning/')) rel = '/index.html';
    const root = path.resolve(distDir);
    const file = path.resolve(root, `.${path.posix.normalize(rel)}`);
    if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile())
        throw notFound();
    r.res.writeHead(200, {
        'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
        'Content-Length': statSync(file).size,
        'Cache-Control': 'no-cache'
    });
    createReadStream(file).pipe(r.res);
}
