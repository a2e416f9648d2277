/**
 * Bulk API 2.0: query jobs (fewest calls for big reads) and ingest jobs (big writes).
 * Job control goes through jsforce; every CSV body is read with csv-parse and written with
 * csv-stringify here (./csv), and rows come back in the REST shape.
 */
import { HttpApi } from 'jsforce/lib/http-api';
import type { Api, WriteMode, WriteOutcome } from './client';
import { fromCsv, restShape, toCsv, type SObjectRecord } from './csv';
import { errorCodeOf, isTransient, LOCK, StopError, UserError } from './errors';

/** The fields of Bulk API 2.0 job info the CLI reads. */
interface JobInfo {
    state: string;
    errorMessage?: string;
    numberRecordsProcessed?: number;
    numberRecordsFailed?: number;
}

/** GETs a CSV resource as text (counted, refreshed like any call); parses it; its locator. */
async function getCsv(
    api: Api,
    url: string
): Promise<{ rows: SObjectRecord[]; locator: string | null }> {
    const http = new HttpApi(api.conn, { responseType: 'text/plain' });
    let locator: string | null = null;
    http.on('response', (res: { headers?: Record<string, string | undefined> }) => {
        const value = res.headers?.['sforce-locator'];
        locator = value && value !== 'null' ? value : null;
    });
    const text = await http.request<string>({
        method: 'GET',
        url,
        headers: { Accept: 'text/csv' }
    });
    // An empty result is an empty body (no header row).
    return { rows: fromCsv(typeof text === 'string' ? text : ''), locator };
}

/**
 * A query job: create, poll like ingest jobs, then read the result pages one by one
 * following `Sforce-Locator`; each page is a CSV with its own header row, parsed on its own.
 * A failure while reading results starts a new job (never a half-read result twice).
 */
export function bulkQuery(api: Api, soql: string): Promise<SObjectRecord[]> {
    return api.call('bulk query', async () => {
        const info = await api.request<{ id: string }>('POST', '/jobs/query', {
            operation: 'query',
            query: soql
        });
        await waitForJob(api, api.conn.bulk2.job('query', { id: info.id }));
        const out: SObjectRecord[] = [];
        const resultsUrl = `${api.conn.instanceUrl}${api.base}/jobs/query/${encodeURIComponent(info.id)}/results`;
        const pageSize = api.options.bulkQueryPageSize;
        let locator: string | null = null;
        do {
            const params = new URLSearchParams();
            if (locator) params.set('locator', locator);
            if (pageSize) params.set('maxRecords', String(pageSize));
            const page = await getCsv(api, params.size ? `${resultsUrl}?${params}` : resultsUrl);
            for (const r of page.rows) out.push(restShape(r));
            locator = page.locator;
        } while (locator);
        return out;
    });
}

/** Ingest jobs; locked (or unprocessed) rows go again in a follow-up job. */
export async function bulkWrite(
    api: Api,
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
        const result = await runIngestJob(api, object, rows, columns, mode, externalIdField);
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
            api.written += 1;
        }
        const badItems = new Set<(typeof pending)[number]>();
        for (const row of [...result.failedResults, ...result.unprocessedRecords]) {
            const item = take(row);
            if (!item) continue;
            badItems.add(item);
            const text = String(row.sf__Error ?? 'UNPROCESSED:not processed');
            const [code, ...rest] = text.split(':');
            if ((code === LOCK || code === 'UNPROCESSED') && attempt < api.retries) {
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
                api.written += 1;
            }
        }
        if (locked.length) {
            api.options.onRetry?.(`${object}: ${locked.length} row(s) to retry (bulk)`);
            await api.pause(api.backoffMs * 2 ** attempt);
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
async function runIngestJob(
    api: Api,
    object: string,
    rows: SObjectRecord[],
    columns: string[],
    mode: WriteMode,
    externalIdField?: string
): Promise<{
    successfulResults: SObjectRecord[] | null;
    failedResults: SObjectRecord[];
    unprocessedRecords: SObjectRecord[];
}> {
    const operation = mode === 'create' ? 'insert' : mode;
    for (let attempt = 0; ; attempt++) {
        const job = api.conn.bulk2.createJob({
            object,
            operation,
            ...(externalIdField ? { externalIdFieldName: externalIdField } : {})
        });
        let closed = false;
        try {
            await api.call('bulk open', () => job.open());
            const jobUrl = `${api.base}/jobs/ingest/${encodeURIComponent(String(job.id))}`;
            await api.conn.request({
                method: 'PUT',
                url: `${jobUrl}/batches`,
                body: toCsv(rows, columns),
                headers: { 'Content-Type': 'text/csv' }
            });
            await api.call('bulk close', () => job.close());
            closed = true;
            const info = await waitForJob(api, job, rows.length);
            const failed = Number(info.numberRecordsFailed ?? 0);
            const processed = Number(info.numberRecordsProcessed ?? rows.length);
            const read = async (want: boolean, file: string) =>
                want
                    ? (
                          await api.call('bulk results', () =>
                              getCsv(api, `${api.conn.instanceUrl}${jobUrl}/${file}/`)
                          )
                      ).rows
                    : null;
            return {
                successfulResults: await read(mode !== 'update', 'successfulResults'),
                failedResults: (await read(failed > 0, 'failedResults')) ?? [],
                unprocessedRecords:
                    (await read(processed < rows.length, 'unprocessedrecords')) ?? []
            };
        } catch (e) {
            if (
                e instanceof StopError ||
                e instanceof UserError ||
                closed ||
                !isTransient(e) ||
                attempt >= api.retries
            ) {
                if (!closed) await job.abort().catch(() => undefined);
                throw e;
            }
            // Not closed: nothing ran. Abort and upload again in a new job.
            await job.abort().catch(() => undefined);
            api.options.onRetry?.(`bulk upload: ${errorCodeOf(e)}, retry ${attempt + 1}`);
            await api.pause(api.backoffMs * 2 ** attempt);
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
async function waitForJob(
    api: Api,
    job: { check(): Promise<JobInfo> },
    rows?: number
): Promise<JobInfo> {
    const max = api.options.pollIntervalMs ?? 5000;
    const longest = Math.max(max, 30_000);
    const started = Date.now();
    const deadline = started + 3_600_000;
    let wait = rows ? Math.min(Math.max(100, Math.round(rows / 20)), longest) : 0;
    if (rows) await api.pause(wait);
    for (;;) {
        const info = await api.call('bulk poll', () => job.check());
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
        await api.pause(wait);
    }
}

function norm(v: unknown): string {
    if (v === null || v === undefined || v === '' || v === '#N/A') return '';
    if (typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v)) {
        const t = Date.parse(v);
        if (!Number.isNaN(t)) return new Date(t).toISOString();
    }
    return String(v);
}
