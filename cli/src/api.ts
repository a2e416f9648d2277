/**
 * The CLI's transport over a jsforce Connection: counts every API call (also
 * those jsforce makes for Bulk API 2.0), enforces `--max-api-calls`, retries
 * 5xx and timeouts with backoff, retries UNABLE_TO_LOCK_ROW record by record,
 * and stops cleanly on REQUEST_LIMIT_EXCEEDED or an interrupt (Ctrl-C)
 * between calls. Expired sessions are refreshed by jsforce's `refreshFn`
 * (set up by the target); a session still rejected after that is a UserError.
 */
import type { Connection } from 'jsforce';
import { HttpApi } from 'jsforce/lib/http-api';
import { API_VERSION, reduceErrors } from '../../core/src/index';

export type SObjectRecord = Record<string, unknown>;

/** A failure of one record, as written to the report file. */
export interface RecordFailure {
    object: string;
    /** The record's key in the data set / LL_Source_Id__c, if any. */
    sourceId: string | null;
    id: string | null;
    errorCode: string;
    message: string;
}

/** Thrown to stop a run cleanly (the caller writes a checkpoint and exits non-zero). */
export class StopError extends Error {
    constructor(
        readonly reason: 'REQUEST_LIMIT_EXCEEDED' | 'MAX_API_CALLS' | 'INTERRUPTED',
        message: string
    ) {
        super(message);
        this.name = 'StopError';
    }
}

/** A failure the user must fix (bad session, flag, missing metadata): shown without a stack. */
export class UserError extends Error {
    constructor(
        message: string,
        readonly code = 'ERROR'
    ) {
        super(message);
        this.name = 'UserError';
    }
}

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

/** The fields of Bulk API 2.0 job info the CLI reads. */
interface JobInfo {
    state: string;
    errorMessage?: string;
    numberRecordsProcessed?: number;
    numberRecordsFailed?: number;
}

interface HttpError {
    errorCode?: string;
    statusCode?: number;
    name?: string;
    code?: string;
    message?: string;
}

const LOCK = 'UNABLE_TO_LOCK_ROW';
const TRANSIENT_NET = new Set([
    'ETIMEDOUT',
    'ECONNRESET',
    'ECONNREFUSED',
    'EPIPE',
    'UND_ERR_SOCKET'
]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function errorCodeOf(e: unknown): string {
    const err = e as HttpError;
    if (typeof err?.errorCode === 'string') return err.errorCode;
    if (typeof err?.name === 'string' && /^[A-Z_]+$/.test(err.name)) return err.name;
    if (typeof err?.code === 'string') return err.code;
    return 'ERROR';
}

function isTransient(e: unknown): boolean {
    const err = e as HttpError;
    const code = errorCodeOf(e);
    if (code === LOCK || code === 'SERVER_UNAVAILABLE') return true;
    if (typeof err?.statusCode === 'number' && err.statusCode >= 500) return true;
    if (TRANSIENT_NET.has(code)) return true;
    if (/^ERROR_HTTP_5\d\d$/.test(code)) return true;
    return /timed? ?out|socket hang up|ECONNRESET/i.test(err?.message ?? '');
}

/** The sObject Collections per-record result. */
interface SaveResult {
    id?: string;
    success: boolean;
    created?: boolean;
    errors?: { statusCode?: string; errorCode?: string; message: string; fields?: string[] }[];
}

export interface WriteOutcome {
    /** Index in the input → id of the record written. */
    ids: Map<number, string>;
    created: number;
    updated: number;
    failures: { index: number; errorCode: string; message: string }[];
}

export type WriteMode = 'create' | 'update' | 'upsert';

export class Api {
    /** API calls made through this client (every HTTP request to the org). */
    calls = 0;
    /** Records written (created or updated) through this client. */
    written = 0;
    private stopRequested = false;
    private readonly retries: number;
    private readonly backoffMs: number;
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
                if (
                    code === 'INVALID_SESSION_ID' ||
                    code === 'invalid_grant' ||
                    /expired access\/refresh token/i.test(String((e as HttpError)?.message))
                ) {
                    throw new UserError(
                        `The session for this org expired and could not be refreshed (${code}). Log in again (sf org login web) or, for the local org, restart it with npm start.`,
                        'INVALID_SESSION_ID'
                    );
                }
                if (isTransient(e) && attempt < this.retries) {
                    this.options.onRetry?.(`${what}: ${code}, retry ${attempt + 1}`);
                    await sleep(this.backoffMs * 2 ** attempt);
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
    async query<T = SObjectRecord>(soql: string): Promise<T[]> {
        const out: T[] = [];
        let page = await this.request<{ records: T[]; done: boolean; nextRecordsUrl?: string }>(
            'GET',
            `/query?q=${encodeURIComponent(soql)}`
        );
        for (;;) {
            for (const r of page.records) out.push(stripAttributes(r as SObjectRecord) as T);
            if (page.done || !page.nextRecordsUrl) return out;
            page = await this.request('GET', page.nextRecordsUrl);
        }
    }

    /**
     * Bulk API 2.0 query (fewest calls for big reads): create the job, poll it like ingest
     * jobs, then read the result pages one by one, following `Sforce-Locator`. Each page is
     * a CSV with its own header row, so each is parsed on its own (jsforce's `job.result()`
     * pipes every page into one parser, which reads page 2's header as a record and can
     * interleave pages). Values come back as CSV text. A failure while reading results
     * starts a new job (never a half-read result twice).
     */
    async bulkQuery(soql: string): Promise<SObjectRecord[]> {
        return this.call('bulk query', async () => {
            const info = await this.request<{ id: string }>('POST', '/jobs/query', {
                operation: 'query',
                query: soql
            });
            await this.waitForJob(this.conn.bulk2.job('query', { id: info.id }));
            const out: SObjectRecord[] = [];
            const resultsUrl = `${this.conn.instanceUrl}${this.base}/jobs/query/${encodeURIComponent(info.id)}/results`;
            const pageSize = this.options.bulkQueryPageSize;
            let locator: string | null = null;
            do {
                const page = new HttpApi(this.conn, { responseType: 'text/csv' });
                let next: string | null = null;
                page.on('response', (res: { headers?: Record<string, string | undefined> }) => {
                    const value = res.headers?.['sforce-locator'];
                    next = value && value !== 'null' ? value : null;
                });
                const params = new URLSearchParams();
                if (locator) params.set('locator', locator);
                if (pageSize) params.set('maxRecords', String(pageSize));
                const rows = await page.request<SObjectRecord[] | string>({
                    method: 'GET',
                    url: params.size ? `${resultsUrl}?${params}` : resultsUrl,
                    headers: { Accept: 'text/csv' }
                });
                // An empty result is an empty body (no header row): jsforce gives back ''.
                if (Array.isArray(rows)) for (const r of rows) out.push(r);
                locator = next;
            } while (locator);
            return out;
        });
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

    /**
     * Writes with sObject Collections, 200 per call, `allOrNone: false`. Records
     * failing with UNABLE_TO_LOCK_ROW are retried (only those) with backoff.
     */
    async collectionsWrite(
        object: string,
        records: SObjectRecord[],
        mode: WriteMode,
        externalIdField?: string,
        onProgress?: (done: number) => void
    ): Promise<WriteOutcome> {
        const outcome: WriteOutcome = { ids: new Map(), created: 0, updated: 0, failures: [] };
        for (let start = 0; start < records.length; start += 200) {
            let pending = records
                .slice(start, start + 200)
                .map((r, i) => ({ r, index: start + i }));
            for (let attempt = 0; pending.length; attempt++) {
                const body = {
                    allOrNone: false,
                    records: pending.map(({ r }) => ({ attributes: { type: object }, ...r }))
                };
                const path =
                    mode === 'upsert'
                        ? `/composite/sobjects/${encodeURIComponent(object)}/${encodeURIComponent(externalIdField ?? '')}`
                        : '/composite/sobjects';
                const results = await this.request<SaveResult[]>(
                    mode === 'create' ? 'POST' : 'PATCH',
                    path,
                    body
                );
                const locked: typeof pending = [];
                results.forEach((res, i) => {
                    const item = pending[i];
                    if (res.success) {
                        outcome.ids.set(item.index, res.id ?? String(item.r.Id ?? ''));
                        if (mode === 'create' || res.created) outcome.created += 1;
                        else outcome.updated += 1;
                        this.written += 1;
                        return;
                    }
                    const err = res.errors?.[0];
                    const code = err?.statusCode ?? err?.errorCode ?? 'ERROR';
                    if (code === LOCK && attempt < this.retries) {
                        locked.push(item);
                        return;
                    }
                    outcome.failures.push({
                        index: item.index,
                        errorCode: code,
                        message: err?.message ?? 'Unknown error'
                    });
                });
                if (locked.length) {
                    this.options.onRetry?.(
                        `${object}: ${locked.length} locked row(s), retry ${attempt + 1}`
                    );
                    await sleep(this.backoffMs * 2 ** attempt);
                }
                pending = locked;
            }
            onProgress?.(Math.min(records.length, start + 200));
        }
        return outcome;
    }

    /** Writes with Bulk API 2.0 ingest jobs; locked rows go again in a follow-up job. */
    async bulkWrite(
        object: string,
        records: SObjectRecord[],
        mode: WriteMode,
        externalIdField?: string
    ): Promise<WriteOutcome> {
        const outcome: WriteOutcome = { ids: new Map(), created: 0, updated: 0, failures: [] };
        // Uniform columns: a field a record lacks is left as is (''), an explicit null clears it (#N/A).
        const columns = [...new Set(records.flatMap((r) => Object.keys(r)))];
        let pending = records.map((r, index) => ({ r, index }));
        for (let attempt = 0; pending.length; attempt++) {
            const rows = pending.map(({ r }) =>
                Object.fromEntries(
                    columns.map((c) => [c, r[c] === undefined ? '' : r[c] === null ? '#N/A' : r[c]])
                )
            );
            const result = await this.runIngestJob(object, rows, mode, externalIdField);
            // Results come back in any order: map them to inputs by their column values.
            const byKey = (row: SObjectRecord): string =>
                JSON.stringify(columns.map((c) => norm(row[c])));
            const indexByKey = new Map<string, (typeof pending)[number][]>();
            pending.forEach((p, i) => {
                const k = byKey(rows[i]);
                const list = indexByKey.get(k);
                if (list) list.push(p);
                else indexByKey.set(k, [p]);
            });
            const take = (row: SObjectRecord) => indexByKey.get(byKey(row))?.shift();
            const locked: typeof pending = [];
            for (const ok of result.successfulResults ?? []) {
                const item = take(ok);
                if (!item) continue;
                outcome.ids.set(item.index, String(ok.sf__Id));
                if (String(ok.sf__Created) === 'true') outcome.created += 1;
                else outcome.updated += 1;
                this.written += 1;
            }
            const bad = [...result.failedResults, ...result.unprocessedRecords];
            const badItems = new Set<(typeof pending)[number]>();
            for (const row of bad) {
                const item = take(row);
                if (!item) continue;
                badItems.add(item);
                const text = String(row.sf__Error ?? 'UNPROCESSED:not processed');
                const [code, ...rest] = text.split(':');
                if ((code === LOCK || code === 'UNPROCESSED') && attempt < this.retries) {
                    locked.push(item);
                } else {
                    outcome.failures.push({
                        index: item.index,
                        errorCode: code,
                        message: rest.join(':').trim() || text
                    });
                }
            }
            if (result.successfulResults === null) {
                // Updates: successful results were not read; every row not failed or
                // unprocessed was written (the job counted them as processed).
                for (const item of pending) {
                    if (badItems.has(item)) continue;
                    outcome.ids.set(item.index, String(item.r.Id ?? ''));
                    outcome.updated += 1;
                    this.written += 1;
                }
            }
            if (locked.length) {
                this.options.onRetry?.(`${object}: ${locked.length} row(s) to retry (bulk)`);
                await sleep(this.backoffMs * 2 ** attempt);
            }
            pending = locked;
        }
        return outcome;
    }

    /**
     * One ingest job: open, upload, close, wait, then read only the result files that can
     * hold something: successful results when ids are needed (create/upsert), failed
     * results when the job counted failures, unprocessed records when it did not process
     * every row. `successfulResults` is null when it was not read.
     */
    private async runIngestJob(
        object: string,
        rows: SObjectRecord[],
        mode: WriteMode,
        externalIdField?: string
    ): Promise<{
        successfulResults: SObjectRecord[] | null;
        failedResults: SObjectRecord[];
        unprocessedRecords: SObjectRecord[];
    }> {
        const operation = mode === 'create' ? 'insert' : mode;
        for (let attempt = 0; ; attempt++) {
            const job = this.conn.bulk2.createJob({
                object,
                operation,
                ...(externalIdField ? { externalIdFieldName: externalIdField } : {})
            });
            let closed = false;
            try {
                await this.call('bulk open', () => job.open());
                // The CSV is written here, not by jsforce's uploadData: that streams the array
                // through csv-stringify and lost the header row on a ~90 MB upload.
                await this.conn.request({
                    method: 'PUT',
                    url: `${this.base}/jobs/ingest/${encodeURIComponent(String(job.id))}/batches`,
                    body: uploadCsv(rows),
                    headers: { 'Content-Type': 'text/csv' }
                });
                await this.call('bulk close', () => job.close());
                closed = true;
                const info = await this.waitForJob(job, rows.length);
                const failed = Number(info.numberRecordsFailed ?? 0);
                const processed = Number(info.numberRecordsProcessed ?? rows.length);
                const read = async (want: boolean, get: () => Promise<unknown>) =>
                    want ? ((await this.call('bulk results', get)) as SObjectRecord[]) : null;
                return {
                    successfulResults: await read(mode !== 'update', () =>
                        job.getSuccessfulResults()
                    ),
                    failedResults: (await read(failed > 0, () => job.getFailedResults())) ?? [],
                    unprocessedRecords:
                        (await read(processed < rows.length, () => job.getUnprocessedRecords())) ??
                        []
                };
            } catch (e) {
                if (
                    e instanceof StopError ||
                    e instanceof UserError ||
                    closed ||
                    !isTransient(e) ||
                    attempt >= this.retries
                ) {
                    if (!closed) await job.abort().catch(() => undefined);
                    throw e;
                }
                // Not closed: nothing ran. Abort and upload again in a new job.
                await job.abort().catch(() => undefined);
                this.options.onRetry?.(`bulk upload: ${errorCodeOf(e)}, retry ${attempt + 1}`);
                await sleep(this.backoffMs * 2 ** attempt);
            }
        }
    }

    /**
     * Polls a job until it is done. Query jobs: at once, then after 100 ms doubling up to
     * `pollIntervalMs` (default 5 s). Ingest jobs (`rows` given): first after about half the
     * time the platform takes for that many rows (~10,000 a second); then, once the job
     * reports progress (`numberRecordsProcessed`), when that progress says it will be done;
     * without progress yet, after twice the previous wait. A long job costs a few polls.
     */
    private async waitForJob(job: { check(): Promise<JobInfo> }, rows?: number): Promise<JobInfo> {
        const max = this.options.pollIntervalMs ?? 5000;
        const longest = Math.max(max, 30_000);
        const started = Date.now();
        const deadline = started + 3_600_000;
        let wait = rows ? Math.min(Math.max(100, Math.round(rows / 20)), longest) : 0;
        if (rows) await sleep(wait);
        for (;;) {
            const info = await this.call('bulk poll', () => job.check());
            if (info.state === 'JobComplete') return info;
            if (info.state === 'Failed' || info.state === 'Aborted') {
                throw new Error(
                    `Bulk API 2.0 job ${info.state.toLowerCase()}: ${info.errorMessage ?? 'no reason given'}`
                );
            }
            if (Date.now() > deadline) throw new Error('Bulk API 2.0 job still running after 1 h.');
            const processed = Number(info.numberRecordsProcessed ?? 0);
            if (rows && processed > 0 && processed < rows) {
                // The time left at the rate so far, plus a tenth.
                const elapsed = Date.now() - started;
                wait = Math.round(((elapsed * (rows - processed)) / processed) * 1.1);
                wait = Math.min(longest, Math.max(100, wait));
            } else if (rows) {
                wait = Math.min(wait * 2, longest);
            } else {
                wait = wait ? Math.min(wait * 2, max) : Math.min(100, max);
            }
            await sleep(wait);
        }
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
            ? this.bulkWrite(object, records, mode, opts.externalIdField)
            : this.collectionsWrite(object, records, mode, opts.externalIdField, opts.onProgress);
    }
}

/** Bulk API 2.0 takes up to 100 MB of CSV per ingest upload; the margin covers the columns
 * that other rows of a job add to a row (`csvRowBytes` counts only the row's own values). */
export const MAX_INGEST_CSV_BYTES = 95 * 1024 * 1024;

/** An ingest CSV value: quoted only when it holds a comma, quote, line break or edge spaces. */
function csvCell(v: unknown): string {
    const text = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The bytes a record takes as a row of the ingest CSV (`#N/A` for nulls, as bulkWrite sends). */
export function csvRowBytes(record: SObjectRecord): number {
    let bytes = 0;
    for (const v of Object.values(record)) {
        bytes += Buffer.byteLength(csvCell(v === null ? '#N/A' : v)) + 1;
    }
    return bytes;
}

/**
 * Ingest CSV as Bulk API 2.0 documents it (comma, LF): a header of every column, then the
 * rows. Rows must be uniform (bulkWrite makes them so: '' leaves a field as is, #N/A clears it).
 */
function uploadCsv(rows: SObjectRecord[]): string {
    const columns = Object.keys(rows[0] ?? {});
    const lines = [columns.map(csvCell).join(',')];
    for (const r of rows) lines.push(columns.map((c) => csvCell(r[c])).join(','));
    return lines.join('\n') + '\n';
}

function norm(v: unknown): string {
    if (v === null || v === undefined || v === '' || v === '#N/A') return '';
    if (typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v)) {
        const t = Date.parse(v);
        if (!Number.isNaN(t)) return new Date(t).toISOString();
    }
    return String(v);
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

export function messageOf(e: unknown): string {
    return reduceErrors(e).join('; ') || 'Unknown error';
}
