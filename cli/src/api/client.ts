/**
 * The CLI's transport over a jsforce Connection: counts every API call (also
 * those jsforce makes for Bulk API 2.0), enforces `--max-api-calls`, retries
 * 5xx and timeouts with backoff, retries UNABLE_TO_LOCK_ROW record by record,
 * and stops cleanly on REQUEST_LIMIT_EXCEEDED or an interrupt (Ctrl-C)
 * between calls. Expired sessions are refreshed by jsforce's `refreshFn`
 * (set up by the target); a session still rejected after that is a UserError.
 *
 * It also chooses the transport by size, so callers never do: reads below the
 * bulk threshold page with query/queryMore, at or above it run a Bulk API 2.0
 * query (`reader`); writes use sObject Collections or Bulk 2.0 ingest (`write`).
 */
import type { Connection } from 'jsforce';
import { API_VERSION } from '../../../core/src/index';
import { bulkQuery, bulkWrite } from './bulk';
import { collectionsWrite } from './collections';
import type { SObjectRecord } from './csv';
import { errorCodeOf, isExpiredSession, isTransient, StopError, UserError } from './errors';

export interface ApiOptions {
    /** Stop before making more than this many API calls. */
    maxApiCalls?: number;
    /** Retries for 5xx, timeouts and locked rows (default 5). */
    retries?: number;
    /** Base backoff in ms (default 200; doubled per attempt). */
    backoffMs?: number;
    /** Longest wait between Bulk API 2.0 job polls in ms (default 5,000; ingest starts at 100). */
    pollIntervalMs?: number;
    /** Called with a short text when something is retried. */
    onRetry?: (what: string) => void;
    /** Rows per Bulk API 2.0 query results page (`maxRecords`; default: the org's own page size). */
    bulkQueryPageSize?: number;
}

export interface WriteOutcome {
    /** Index in the input → id of the record written. */
    ids: Map<number, string>;
    created: number;
    updated: number;
    failures: { index: number; errorCode: string; message: string }[];
}

export type WriteMode = 'create' | 'update' | 'upsert';

export type Transport = 'collections' | 'bulk';

/** Reads with the transport chosen for a size; records are REST-shaped either way. */
export interface Reader {
    transport: Transport;
    read(soql: string): Promise<SObjectRecord[]>;
}

export interface DescribeField {
    name: string;
    type: string;
    createable: boolean;
    updateable: boolean;
    externalId?: boolean;
    referenceTo?: string[];
}

export interface DescribeResult {
    name: string;
    fields: DescribeField[];
}

export class Api {
    /** API calls made through this client (every HTTP request to the org). */
    calls = 0;
    /** Records written (created or updated) through this client. */
    written = 0;
    private stopRequested = false;
    /** Pauses (backoff, job polls) in progress: a stop ends them at once. */
    private readonly pauses = new Set<() => void>();
    readonly retries: number;
    readonly backoffMs: number;
    readonly base = `/services/data/v${API_VERSION}`;

    constructor(
        readonly conn: Connection,
        readonly options: ApiOptions = {}
    ) {
        this.retries = options.retries ?? 5;
        this.backoffMs = options.backoffMs ?? 200;
        this.instrument();
    }

    /** Asks the run to stop before its next API call (Ctrl-C). */
    requestStop(): void {
        this.stopRequested = true;
        for (const end of [...this.pauses]) end();
    }

    /** Waits `ms` (a backoff or a poll interval), or less when a stop is requested. */
    pause(ms: number): Promise<void> {
        if (this.stopRequested) return Promise.resolve();
        return new Promise((resolve) => {
            const end = () => {
                clearTimeout(timer);
                this.pauses.delete(end);
                resolve();
            };
            const timer = setTimeout(end, ms);
            this.pauses.add(end);
        });
    }

    /** Counts each HTTP request and enforces the budget and stop flag before sending it. */
    private instrument(): void {
        const conn = this.conn as unknown as {
            _transport: { httpRequest: (...args: unknown[]) => unknown } & {
                __leadloop?: Api;
            };
        };
        const transport = conn._transport;
        // The newest client on a connection does the counting (the wrapper is installed once).
        const installed = transport.__leadloop !== undefined;
        transport.__leadloop = this;
        if (installed) return;
        const original = transport.httpRequest.bind(transport);
        transport.httpRequest = (...args: unknown[]) => {
            const api = transport.__leadloop!;
            const req = args[0] as { url?: string };
            const isToken = typeof req?.url === 'string' && req.url.includes('/oauth2/token');
            if (!isToken) {
                if (api.stopRequested) {
                    throw new StopError(
                        'INTERRUPTED',
                        'Interrupted: stopped before the next API call.'
                    );
                }
                const max = api.options.maxApiCalls;
                if (max !== undefined && api.calls >= max) {
                    throw new StopError(
                        'MAX_API_CALLS',
                        `Stopped at --max-api-calls ${max}: the next call would exceed it.`
                    );
                }
                api.calls += 1;
            }
            return original(...args);
        };
    }

    /** Runs one API request with retries for transient faults; classifies stop errors. */
    async call<T>(what: string, fn: () => Promise<T>): Promise<T> {
        for (let attempt = 0; ; attempt++) {
            try {
                return await fn();
            } catch (e) {
                if (e instanceof StopError || e instanceof UserError) throw e;
                const code = errorCodeOf(e);
                if (code === 'REQUEST_LIMIT_EXCEEDED') {
                    throw new StopError(
                        'REQUEST_LIMIT_EXCEEDED',
                        "The org's API request limit is exceeded (REQUEST_LIMIT_EXCEEDED)."
                    );
                }
                if (isExpiredSession(e)) {
                    throw new UserError(
                        `The session for this org expired and could not be refreshed (${code}). Log in again (sf org login web) or, for the local org, restart it with npm start.`,
                        'INVALID_SESSION_ID'
                    );
                }
                if (isTransient(e) && attempt < this.retries) {
                    this.options.onRetry?.(`${what}: ${code}, retry ${attempt + 1}`);
                    await this.pause(this.backoffMs * 2 ** attempt);
                    continue;
                }
                throw e;
            }
        }
    }

    request<T>(
        method: string,
        path: string,
        body?: unknown,
        headers?: Record<string, string>
    ): Promise<T> {
        return this.call(`${method} ${path.split('?')[0]}`, () =>
            this.conn.request<T>({
                method: method as 'GET',
                url: path.startsWith('/services') ? path : `${this.base}${path}`,
                body: body === undefined ? undefined : JSON.stringify(body),
                headers: { 'Content-Type': 'application/json', ...headers }
            })
        );
    }

    /** All records of a SOQL query, paged with queryMore (up to 2,000 per call). */
    query<T = SObjectRecord>(soql: string): Promise<T[]> {
        return this.restRead<T>(soql, null);
    }

    /**
     * A read whose size is not known beforehand: the first REST page tells it (`totalSize`);
     * the rest comes in REST pages, or from one Bulk API 2.0 query when the size reaches
     * `bulkThreshold` and that takes fewer calls than the pages left. At most one call more
     * than the cheaper transport alone, and no count query.
     */
    readBySize(soql: string, bulkThreshold: number): Promise<SObjectRecord[]> {
        return this.restRead<SObjectRecord>(soql, bulkThreshold);
    }

    private async restRead<T>(soql: string, bulkThreshold: number | null): Promise<T[]> {
        const page = await this.request<QueryPage<T>>(
            'GET',
            `/query?q=${encodeURIComponent(soql)}`
        );
        if (bulkThreshold !== null && !page.done && page.totalSize >= bulkThreshold) {
            const perPage = Math.max(1, page.records.length);
            const restLeft = Math.ceil((page.totalSize - page.records.length) / perPage);
            const bulkPage = this.options.bulkQueryPageSize ?? 50_000;
            const bulkCalls = 2 + Math.max(1, Math.ceil(page.totalSize / bulkPage));
            if (bulkCalls < restLeft) return (await this.bulkQuery(soql)) as T[];
        }
        return this.restFrom(page);
    }

    /** The records of a first REST page and of the pages after it (queryMore). */
    private async restFrom<T>(first: QueryPage<T>): Promise<T[]> {
        const out: T[] = [];
        for (let page = first; ;) {
            for (const r of page.records) out.push(stripAttributes(r as SObjectRecord) as T);
            if (page.done || !page.nextRecordsUrl) return out;
            page = await this.request<QueryPage<T>>('GET', page.nextRecordsUrl);
        }
    }

    /**
     * Small reads together: up to 5 SOQL queries in one composite request (the platform's cap
     * on query subrequests per request), so several reads of a few rows each (settings,
     * owners, a count) cost one API call; each is then read to its end with queryMore. A
     * query the org refuses fails the whole read with its error code and message.
     */
    async queries<T = SObjectRecord>(
        soqls: string[]
    ): Promise<{ totalSize: number; records: T[] }[]> {
        const out: { totalSize: number; records: T[] }[] = [];
        for (let at = 0; at < soqls.length; at += COMPOSITE_QUERIES) {
            const group = soqls.slice(at, at + COMPOSITE_QUERIES);
            const firsts = await this.call('composite query', async () => {
                const res = await this.conn.request<{ compositeResponse: SubAnswer[] }>({
                    method: 'POST',
                    url: `${this.base}/composite`,
                    body: JSON.stringify({
                        allOrNone: false,
                        compositeRequest: group.map((q, i) => ({
                            method: 'GET',
                            url: `${this.base}/query?q=${encodeURIComponent(q)}`,
                            referenceId: `q${i}`
                        }))
                    }),
                    headers: { 'Content-Type': 'application/json' }
                });
                return group.map((_, i) => {
                    const answer = res.compositeResponse.find((a) => a.referenceId === `q${i}`);
                    if (!answer || answer.httpStatusCode >= 400) throw subrequestError(answer);
                    return answer.body as QueryPage<T>;
                });
            });
            for (const first of firsts)
                out.push({ totalSize: first.totalSize, records: await this.restFrom(first) });
        }
        return out;
    }

    /** The `totalSize` of a `SELECT COUNT() …` query (one call, no records). */
    async count(soql: string): Promise<number> {
        const res = await this.request<{ totalSize: number }>(
            'GET',
            `/query?q=${encodeURIComponent(soql)}`
        );
        return res.totalSize;
    }

    /** Bulk API 2.0 query; rows in the REST shape (see ./bulk). */
    bulkQuery(soql: string): Promise<SObjectRecord[]> {
        return bulkQuery(this, soql);
    }

    /** The read transport for about `expected` records: Bulk 2.0 from `bulkThreshold`. */
    reader(expected: number, bulkThreshold: number): Reader {
        const bulk = expected >= bulkThreshold;
        return {
            transport: bulk ? 'bulk' : 'collections',
            read: (soql) => (bulk ? this.bulkQuery(soql) : this.query(soql))
        };
    }

    /** The org's daily API request limit as `/limits` reports it (null if unavailable). */
    async limits(): Promise<{ max: number; remaining: number } | null> {
        try {
            const l = await this.request<{
                DailyApiRequests?: { Max: number; Remaining: number };
            }>('GET', '/limits');
            return l.DailyApiRequests
                ? { max: l.DailyApiRequests.Max, remaining: l.DailyApiRequests.Remaining }
                : null;
        } catch (e) {
            if (e instanceof StopError || e instanceof UserError) throw e;
            return null;
        }
    }

    describe(object: string): Promise<DescribeResult> {
        return this.request<DescribeResult>(
            'GET',
            `/sobjects/${encodeURIComponent(object)}/describe`
        );
    }

    /** sObject Collections below `bulkThreshold` records, Bulk API 2.0 at or above it. */
    write(
        object: string,
        records: SObjectRecord[],
        mode: WriteMode,
        opts: {
            bulkThreshold: number;
            externalIdField?: string;
            onProgress?: (n: number) => void;
        }
    ): Promise<WriteOutcome> {
        if (records.length === 0) {
            return Promise.resolve({ ids: new Map(), created: 0, updated: 0, failures: [] });
        }
        return records.length >= opts.bulkThreshold
            ? bulkWrite(this, object, records, mode, opts.externalIdField)
            : collectionsWrite(this, object, records, mode, opts.externalIdField, opts.onProgress);
    }
}

export function stripAttributes(record: SObjectRecord): SObjectRecord {
    const out: SObjectRecord = {};
    for (const [k, v] of Object.entries(record)) {
        if (k === 'attributes') continue;
        out[k] =
            v && typeof v === 'object' && !Array.isArray(v)
                ? stripAttributes(v as SObjectRecord)
                : v;
    }
    return out;
}

/** Query subrequests per composite request, as the platform caps them. */
const COMPOSITE_QUERIES = 5;

/** A page of a REST query's answer. */
interface QueryPage<T> {
    records: T[];
    done: boolean;
    totalSize: number;
    nextRecordsUrl?: string;
}

/** One subrequest's answer in a composite response. */
interface SubAnswer {
    referenceId: string;
    httpStatusCode: number;
    body: unknown;
}

/** A refused subrequest as the error a REST call with its answer throws (code, status). */
function subrequestError(answer: SubAnswer | undefined): Error {
    const first = (Array.isArray(answer?.body) ? answer.body[0] : undefined) as
        { errorCode?: string; message?: string } | undefined;
    const code = first?.errorCode ?? 'ERROR';
    const err = new Error(
        first?.message ?? 'The org did not answer a query of the composite request.'
    ) as Error & { errorCode: string; statusCode?: number };
    err.name = code;
    err.errorCode = code;
    err.statusCode = answer?.httpStatusCode;
    return err;
}
