/**
 * SOQL over REST: `GET /query?q=` (`&columns=true`: the result's column metadata; `?explain=`: its plan), `/queryAll?q=` and queryMore
 * (`/query/{locator}`), in pages of `Sforce-Query-Options: batchSize` (200–2,000).
 */
import { ApiError } from '../http/errors';
import type { Request } from '../http/request';
import { API, type Router } from '../http/router';
import { runSoqlJson } from '../store/soqlRest';
import { queryColumns } from '../store/soqlColumns';
import type { OrgContext } from './context';
import { explainQuery } from './queryExplain';
import { BASE } from './limits';

/**
 * A query's rows, served a page at a time; a locator names the cursor and a position in it.
 * The records are kept a page at a time as the JSON they are sent as, in UTF-8: as objects
 * (or strings) they would live in the org's memory and its collector's work while the cursor
 * lasts; as bytes they are outside the collector's heap, and sent as they are.
 */
interface Cursor {
    /** JSON arrays of `batch` records each (the last may have fewer). */
    pages: Buffer[];
    size: number;
    batch: number;
    created: number;
    totalSize: number;
}

/** Open cursors the platform would still answer (the newest 50, for 15 minutes). */
const MAX_CURSORS = 50;
const CURSOR_TTL_MS = 15 * 60_000;

export function register(router: Router, ctx: OrgContext): void {
    const cursors = new Map<string, Cursor>();

    // A page never moves the cursor: reading the same locator twice answers the same rows.
    const page = (r: Request, id: string, cursor: Cursor, start: number) => {
        const next = Math.min(start + cursor.batch, cursor.size);
        const done = next >= cursor.size;
        const head = JSON.stringify({
            totalSize: cursor.totalSize,
            done,
            ...(done ? {} : { nextRecordsUrl: `${BASE}/query/${id}-${next}` })
        });
        r.sendJson(200, withRecords(head, recordsJson(cursor, start)));
    };

    const query = (r: Request, includeDeleted: boolean) => {
        const q = r.query('q');
        const explain = r.query('explain');
        if (!q && explain) {
            r.send(200, explainQuery(ctx.store, explain));
            return;
        }
        if (!q)
            throw new ApiError(400, 'MALFORMED_QUERY', 'A query is required: add ?q=SELECT ...');
        if (r.query('columns') === 'true') {
            r.send(200, queryColumns(ctx.store, q));
            return;
        }
        const batch = batchSize(r);
        // The first page's rows are read first; the others once it is on its way (below).
        const result = runSoqlJson(ctx.store, q, new Date(), { includeDeleted, firstRows: batch });
        if (result.size <= batch) {
            const head = JSON.stringify({ totalSize: result.totalSize, done: true });
            r.sendJson(200, withRecords(head, result.json(0, result.size)));
            return;
        }
        const id = ctx.nextId('01g');
        const pages = [result.json(0, batch)];
        const cursor: Cursor = {
            pages,
            size: result.size,
            batch,
            created: Date.now(),
            totalSize: result.totalSize
        };
        cursors.set(id, cursor);
        for (const [key, c] of cursors) {
            if (cursors.size <= MAX_CURSORS && Date.now() - c.created < CURSOR_TTL_MS) break;
            if (key !== id) cursors.delete(key);
        }
        page(r, id, cursor, 0);
        // The other pages are written once the first is on its way (the socket takes it at
        // once, as a rule), while the client reads it.
        try {
            for (let at = batch; at < result.size; at += batch)
                pages.push(result.json(at, at + batch));
        } catch (e) {
            cursors.delete(id);
            throw e;
        }
    };

    const queryMore = (r: Request) => {
        const m = /^([A-Za-z0-9]+)-(\d{1,9})$/.exec(r.params.locator);
        const cursor = m ? cursors.get(m[1]) : undefined;
        const start = m ? Number(m[2]) : NaN;
        if (!m || !cursor || start <= 0 || start >= cursor.size)
            throw new ApiError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
        page(r, m[1], cursor, start);
    };

    // queryAll also answers rows in the recycle bin (IsDeleted = true).
    for (const resource of ['query', 'queryAll']) {
        router.get(`${API}/${resource}`, (r) => query(r, resource === 'queryAll'));
        router.get(`${API}/${resource}/:locator`, queryMore);
    }
}

/**
 * The JSON of `{ totalSize, done, nextRecordsUrl?, records }` in parts, from the JSON of the
 * object without its records (`head`) and of the records.
 */
function withRecords(head: string, records: Buffer): (string | Buffer)[] {
    return [`${head.slice(0, -1)},"records":`, records, '}'];
}

/** The JSON array of the page of records from `start` (a page's start, or read from two). */
function recordsJson(cursor: Cursor, start: number): Buffer {
    const { batch, pages } = cursor;
    const page = Math.floor(start / batch);
    if (start % batch === 0) return pages[page];
    const records = [
        ...JSON.parse(pages[page].toString()),
        ...JSON.parse(pages[page + 1]?.toString() ?? '[]')
    ] as unknown[];
    const from = start % batch;
    return Buffer.from(JSON.stringify(records.slice(from, from + batch)));
}

function batchSize(r: Request): number {
    const m = /batchSize=(\d+)/i.exec(r.header('sforce-query-options'));
    return m ? Math.min(2000, Math.max(200, Number(m[1]))) : 2000;
}
