/**
 * SOQL over REST: `GET /query?q=`, `/queryAll?q=` and queryMore
 * (`/query/{locator}`), in pages of `Sforce-Query-Options: batchSize` (200–2,000).
 */
import { ApiError } from '../http/errors';
import type { Request } from '../http/request';
import { API, type Router } from '../http/router';
import { runSoql } from '../store/soql';
import type { RecordValues } from '../store/source';
import type { OrgContext } from './context';
import { BASE } from './limits';

interface Cursor {
    records: RecordValues[];
    offset: number;
    batch: number;
    created: number;
    totalSize: number;
}

/** Open cursors the platform would still answer (the newest 50, for 15 minutes). */
const MAX_CURSORS = 50;
const CURSOR_TTL_MS = 15 * 60_000;

export function register(router: Router, ctx: OrgContext): void {
    const cursors = new Map<string, Cursor>();

    const page = (r: Request, id: string, cursor: Cursor) => {
        const slice = cursor.records.slice(cursor.offset, cursor.offset + cursor.batch);
        cursor.offset += slice.length;
        const done = cursor.offset >= cursor.records.length;
        if (done) cursors.delete(id);
        r.send(200, {
            totalSize: cursor.totalSize,
            done,
            ...(done ? {} : { nextRecordsUrl: `${BASE}/query/${id}-${cursor.offset}` }),
            records: slice
        });
    };

    const query = (r: Request) => {
        const q = r.query('q');
        if (!q)
            throw new ApiError(400, 'MALFORMED_QUERY', 'A query is required: add ?q=SELECT ...');
        const result = runSoql(ctx.store, q);
        const batch = batchSize(r);
        if (result.records.length <= batch) {
            r.send(200, { totalSize: result.totalSize, done: true, records: result.records });
            return;
        }
        const id = ctx.nextId('01g');
        const cursor: Cursor = {
            records: result.records,
            offset: 0,
            batch,
            created: Date.now(),
            totalSize: result.totalSize
        };
        cursors.set(id, cursor);
        for (const [key, c] of cursors) {
            if (cursors.size <= MAX_CURSORS && Date.now() - c.created < CURSOR_TTL_MS) break;
            if (key !== id) cursors.delete(key);
        }
        page(r, id, cursor);
    };

    const queryMore = (r: Request) => {
        const id = r.params.locator.split('-')[0];
        const cursor = cursors.get(id);
        if (!cursor) throw new ApiError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
        page(r, id, cursor);
    };

    for (const resource of ['query', 'queryAll']) {
        router.get(`${API}/${resource}`, query);
        router.get(`${API}/${resource}/:locator`, queryMore);
    }
}

function batchSize(r: Request): number {
    const m = /batchSize=(\d+)/i.exec(r.header('sforce-query-options'));
    return m ? Math.min(2000, Math.max(200, Number(m[1]))) : 2000;
}
