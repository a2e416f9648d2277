/**
 * Bulk API 2.0 ingest (`/jobs/ingest`): insert, update, upsert, delete and
 * hardDelete jobs; Open → UploadComplete → InProgress → JobComplete (or
 * Failed/Aborted); `successfulResults`, `failedResults`, `unprocessedrecords`.
 */
import { API_VERSION } from '../../../core/src/index';
import { CsvError, readCsvUploads, toCsv, type CsvRow } from '../csv';
import { ApiError, isRecordError, notFound, recordError } from '../http/errors';
import { API, type Router } from '../http/router';
import { normalizeId } from '../store/ids';
import { SourceError, type RecordValues } from '../store/source';
import type { OrgContext } from './context';
import { externalField, objectNamed, upsertOne } from './records';

const OPERATIONS = ['insert', 'update', 'upsert', 'delete', 'hardDelete'] as const;
/** Rows applied per step; other requests are answered between steps. */
const CHUNK_ROWS = 5_000;

interface IngestJob {
    id: string;
    object: string;
    operation: (typeof OPERATIONS)[number];
    externalIdFieldName?: string;
    state: 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
    createdDate: string;
    csv: string[];
    lineEnding: string;
    header?: string[];
    success: unknown[][];
    failed: unknown[][];
    unprocessed: unknown[][];
    errorMessage?: string;
    processed: number;
}

const JOBS = `${API}/jobs/ingest`;

export function register(router: Router, ctx: OrgContext): void {
    const jobs = new Map<string, IngestJob>();
    const jobOf = (id: string) => {
        const job = jobs.get(id);
        if (!job) throw notFound();
        return job;
    };
    const info = (job: IngestJob) => jobInfo(ctx, job);

    router.post(JOBS, async (r) => {
        const body = await r.jsonObject();
        const operation = String(body.operation ?? '');
        if (!(OPERATIONS as readonly string[]).includes(operation))
            throw new ApiError(
                400,
                'INVALIDJOB',
                `InvalidJob : Invalid operation: ${operation.slice(0, 40)}`
            );
        const object = objectNamed(ctx, String(body.object ?? '')).name;
        const job: IngestJob = {
            id: ctx.nextId('750'),
            object,
            operation: operation as IngestJob['operation'],
            externalIdFieldName:
                operation === 'upsert'
                    ? externalField(ctx, object, String(body.externalIdFieldName ?? ''))
                    : undefined,
            state: 'Open',
            createdDate: new Date().toISOString(),
            csv: [],
            lineEnding: String(body.lineEnding ?? 'LF'),
            success: [],
            failed: [],
            unprocessed: [],
            processed: 0
        };
        jobs.set(job.id, job);
        r.send(200, info(job));
    });
    router.get(JOBS, (r) =>
        r.send(200, { done: true, records: [...jobs.values()].map(info), nextRecordsUrl: null })
    );
    router.put(`${JOBS}/:id/batches`, async (r) => {
        const job = jobOf(r.params.id);
        if (job.state !== 'Open')
            throw new ApiError(
                409,
                'INVALIDJOBSTATE',
                `Job is not open for uploads (state ${job.state}).`
            );
        // An empty upload adds nothing (jsforce can send one before the data when it
        // retries a PUT); counting it would take the real upload's header for data.
        const text = await r.text();
        if (text.trim()) job.csv.push(text);
        r.send(201, null);
    });
    router.patch(`${JOBS}/:id`, async (r) => {
        const job = jobOf(r.params.id);
        const { state } = await r.jsonObject();
        if (state === 'UploadComplete' && job.state === 'Open') {
            job.state = 'UploadComplete';
            setImmediate(() => processJob(ctx, job));
        } else if (
            state === 'Aborted' &&
            (job.state === 'Open' || job.state === 'UploadComplete' || job.state === 'InProgress')
        ) {
            // A running job stops before its next chunk; the rows after it are unprocessed.
            job.state = 'Aborted';
        } else {
            throw new ApiError(
                400,
                'INVALIDJOBSTATE',
                `Cannot change state from ${job.state} to ${String(state)}.`
            );
        }
        r.send(200, info(job));
    });
    router.get(`${JOBS}/:id`, (r) => r.send(200, info(jobOf(r.params.id))));
    router.delete(`${JOBS}/:id`, (r) => {
        jobs.delete(jobOf(r.params.id).id);
        r.send(204, null);
    });
    router.get(`${JOBS}/:id/:results`, (r) => {
        const job = jobOf(r.params.id);
        const header = job.header ?? [];
        const results = r.params.results;
        if (results === 'successfulResults')
            r.sendCsv(toCsv(['sf__Id', 'sf__Created', ...header], job.success));
        else if (results === 'failedResults')
            r.sendCsv(toCsv(['sf__Id', 'sf__Error', ...header], job.failed));
        else if (results === 'unprocessedrecords') r.sendCsv(toCsv(header, job.unprocessed));
        else throw notFound();
    });
}

function jobInfo(ctx: OrgContext, job: IngestJob): Record<string, unknown> {
    return {
        id: job.id,
        operation: job.operation,
        object: job.object,
        createdById: ctx.org.adminUserId,
        createdDate: job.createdDate,
        systemModstamp: new Date().toISOString(),
        state: job.state,
        externalIdFieldName: job.externalIdFieldName,
        concurrencyMode: 'Parallel',
        contentType: 'CSV',
        apiVersion: Number(API_VERSION),
        jobType: 'V2Ingest',
        lineEnding: job.lineEnding,
        columnDelimiter: 'COMMA',
        contentUrl: `services/data/v${API_VERSION}/jobs/ingest/${job.id}/batches`,
        numberRecordsProcessed: job.processed,
        numberRecordsFailed: job.failed.length,
        retries: 0,
        totalProcessingTime: 0,
        ...(job.errorMessage ? { errorMessage: job.errorMessage } : {})
    };
}

function processJob(ctx: OrgContext, job: IngestJob): void {
    if (job.state !== 'UploadComplete') return;
    job.state = 'InProgress';
    let header: string[];
    let rows: CsvRow[];
    try {
        ({ header, rows } = readCsvUploads(job.csv));
    } catch (e) {
        job.state = 'Failed';
        job.errorMessage = `InvalidBatch : ${e instanceof CsvError ? e.message : 'malformed CSV'}`;
        return;
    }
    job.csv = [];
    job.header = header;
    const fields = Object.values(ctx.store.objectInfo(job.object)!.fields);
    const columns = header.map(
        (h) => fields.find((x) => x.name.toLowerCase() === h.trim().toLowerCase())?.name
    );
    const kinds = columns.map((c) => fields.find((x) => x.name === c)?.kind);
    const unknown = header.filter((_h, i) => !columns[i]);
    if (!header.length || unknown.length) {
        job.state = 'Failed';
        job.errorMessage = header.length
            ? `InvalidBatch : Field name not found : ${unknown[0]}`
            : 'InvalidBatch : The CSV has no header row.';
        job.unprocessed = rows.map((r) => r.values);
        return;
    }
    const step = (start: number) => {
        if (job.state === 'Aborted') {
            job.unprocessed = rows.slice(start).map((r) => r.values);
            return;
        }
        const slice = rows.slice(start, start + CHUNK_ROWS);
        ctx.store.transaction(() => {
            for (const { values: row, error } of slice) {
                job.processed += 1;
                if (error) {
                    job.failed.push(['', `INVALID_ROW:${error}:`, ...row]);
                    continue;
                }
                const values: RecordValues = {};
                columns.forEach((c, i) => {
                    const v = row[i];
                    if (v === undefined || v === '') return;
                    values[c!] = v === '#N/A' ? null : cellValue(kinds[i], v);
                });
                try {
                    const out = ctx.store.transaction(() => applyRow(ctx, job, values));
                    job.success.push([out.id, out.created, ...row]);
                } catch (e) {
                    if (!isRecordError(e)) throw e;
                    const { statusCode, message, fields: errorFields } = recordError(e);
                    job.failed.push([
                        values.Id ?? '',
                        `${statusCode}:${message}:${errorFields.join(',')}`,
                        ...row
                    ]);
                }
            }
        });
        if (start + CHUNK_ROWS < rows.length) setImmediate(() => step(start + CHUNK_ROWS));
        else job.state = 'JobComplete';
    };
    step(0);
}

/**
 * A CSV cell as the value the store checks: CSV has only text, so a checkbox reads `true` /
 * `false` (any case); anything else stays text for the store to refuse with the field's name.
 */
function cellValue(kind: string | undefined, text: string): unknown {
    if (kind === 'boolean' && /^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
    return text;
}

function missingId(): SourceError {
    return new SourceError('MALFORMED_ID', `Id in the record is missing or malformed`, ['Id']);
}

function applyRow(
    ctx: OrgContext,
    job: IngestJob,
    values: RecordValues
): { id: string; created: boolean } {
    const { store, faults } = ctx;
    switch (job.operation) {
        case 'insert':
            faults.maybeLock(job.object, values);
            return { id: store.create(job.object, values), created: true };
        case 'upsert':
            return upsertOne(
                ctx,
                job.object,
                job.externalIdFieldName!,
                values[job.externalIdFieldName!],
                values
            );
        case 'update': {
            const id = normalizeId(values.Id);
            if (!id) throw missingId();
            faults.maybeLock(job.object, { Id: id });
            store.update(job.object, id, values);
            return { id, created: false };
        }
        default: {
            const id = normalizeId(values.Id);
            if (!id) throw missingId();
            faults.maybeLock(job.object, { Id: id });
            store.delete(job.object, id);
            return { id, created: false };
        }
    }
}
