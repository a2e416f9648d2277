/**
 * Bulk API 2.0 ingest (`/jobs/ingest`): insert, update, upsert, delete and
 * hardDelete jobs; Open → UploadComplete → InProgress → JobComplete (or
 * Failed/Aborted); `successfulResults`, `failedResults`, `unprocessedrecords`.
 * Jobs, uploads and results live in the org's database (store/ingestJobs.ts),
 * so they survive a restart; ingestRun.ts runs a job.
 */
import { API_VERSION } from '../../../core/src/index';
import { COLUMN_DELIMITERS, LINE_ENDINGS, toCsvRows, type CsvFormat } from '../csv';
import { ApiError, notFound } from '../http/errors';
import type { Request } from '../http/request';
import { API, type Router } from '../http/router';
import { IngestJobStore, type IngestJob } from '../store/ingestJobs';
import type { OrgContext } from './context';
import { resultsWithValues } from './ingestRows';
import { headerOf, rowsOf, runJob } from './ingestRun';
import { externalField, objectNamed } from './records';

const OPERATIONS = ['insert', 'update', 'upsert', 'delete', 'hardDelete'] as const;
const JOBS = `${API}/jobs/ingest`;

export function register(router: Router, ctx: OrgContext): void {
    const jobs = new IngestJobStore(ctx.org.db);
    jobs.recover();
    const jobOf = (id: string) => {
        const job = jobs.get(id);
        // A Bulk API 1.0 batch is stored as an ingest job too; it is not a 2.0 job.
        if (!job || job.v1JobId) throw notFound();
        return job;
    };
    const info = (job: IngestJob) => jobInfo(ctx, job);
    const start = (id: string) => startIngestJob(ctx, jobs, id);

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
            ...csvFormat(body),
            processed: 0,
            failed: 0
        };
        jobs.save(job);
        r.send(200, info(job));
    });
    router.get(JOBS, (r) =>
        r.send(200, {
            done: true,
            records: jobs
                .all()
                .filter((j) => !j.v1JobId)
                .map(info),
            nextRecordsUrl: null
        })
    );
    router.put(`${JOBS}/:id/batches`, async (r) => {
        const job = jobOf(r.params.id);
        if (job.state !== 'Open')
            throw new ApiError(
                409,
                'INVALIDJOBSTATE',
                `Job is not open for uploads (state ${job.state}).`
            );
        await receiveUpload(jobs, job.id, r);
        r.send(201, null);
    });
    router.patch(`${JOBS}/:id`, async (r) => {
        const job = jobOf(r.params.id);
        const { state } = await r.jsonObject();
        if (state === 'UploadComplete' && job.state === 'Open') {
            jobs.save({ ...job, state: 'UploadComplete' });
            setImmediate(() => void start(job.id));
        } else if (
            state === 'Aborted' &&
            (job.state === 'Open' || job.state === 'UploadComplete' || job.state === 'InProgress')
        ) {
            // A running job stops before its next chunk; the rows after it are unprocessed.
            jobs.save({ ...job, state: 'Aborted' });
        } else {
            throw new ApiError(
                400,
                'INVALIDJOBSTATE',
                `Cannot change state from ${job.state} to ${String(state)}.`
            );
        }
        r.send(200, info(jobOf(job.id)));
    });
    router.get(`${JOBS}/:id`, (r) => r.send(200, info(jobOf(r.params.id))));
    router.delete(`${JOBS}/:id`, (r) => {
        jobs.delete(jobOf(r.params.id).id);
        r.send(204, null);
    });
    router.get(`${JOBS}/:id/:results`, async (r) => {
        const job = jobOf(r.params.id);
        // A job aborted before it read its header still lists its rows under it.
        const header = job.header ?? (job.state === 'Open' ? [] : headerOf(jobs, job.id));
        const kind = r.params.results;
        if (
            kind !== 'successfulResults' &&
            kind !== 'failedResults' &&
            kind !== 'unprocessedrecords'
        )
            throw notFound();
        r.res.writeHead(200, { 'Content-Type': 'text/csv; charset=UTF-8' });
        if (kind === 'unprocessedrecords') {
            r.res.write(toCsvRows([header], job));
            if (header.length) await writeUnprocessed(jobs, job, r);
        } else {
            const success = kind === 'successfulResults';
            r.res.write(
                toCsvRows([['sf__Id', success ? 'sf__Created' : 'sf__Error', ...header]], job)
            );
            for (const page of resultsWithValues(jobs, job.id, success))
                if (
                    !(await r.writePart(
                        toCsvRows(
                            page.map((x) => [x.id, x.detail, ...x.values]),
                            job
                        )
                    ))
                )
                    return;
        }
        r.res.end();
    });
}

/** Runs a job; anything unexpected fails the job (the org may be closing: it then recovers on restart). */
export function startIngestJob(ctx: OrgContext, jobs: IngestJobStore, id: string): Promise<void> {
    return runJob(ctx, jobs, id).catch((e: unknown) => {
        if (!ctx.org.db.open) return;
        const job = jobs.get(id);
        if (job)
            jobs.save({
                ...job,
                state: 'Failed',
                errorMessage: `InvalidBatch : ${(e as Error).message ?? 'the job failed'}`
            });
    });
}

/**
 * A job's `columnDelimiter` and `lineEnding` (COMMA and LF by default), refused as the
 * platform refuses an unknown value.
 */
export function csvFormat(body: Record<string, unknown>): Required<CsvFormat> {
    const columnDelimiter = String(body.columnDelimiter ?? 'COMMA');
    const lineEnding = String(body.lineEnding ?? 'LF');
    if (!Object.hasOwn(COLUMN_DELIMITERS, columnDelimiter))
        throw new ApiError(
            400,
            'INVALIDJOB',
            `InvalidJob : Invalid column delimiter: ${columnDelimiter.slice(0, 40)} (one of ${Object.keys(COLUMN_DELIMITERS).join(', ')})`
        );
    if (!Object.hasOwn(LINE_ENDINGS, lineEnding))
        throw new ApiError(
            400,
            'INVALIDJOB',
            `InvalidJob : Invalid line ending: ${lineEnding.slice(0, 40)} (LF or CRLF)`
        );
    return { columnDelimiter, lineEnding };
}

/** Upload bytes stored per row: the network's small chunks are joined up to this size. */
const STORED_CHUNK_BYTES = 64 * 1024;

/**
 * Stores an upload as it arrives (never whole in memory); an empty one adds nothing. Answers
 * whether it added one.
 */
export async function receiveUpload(
    jobs: IngestJobStore,
    id: string,
    r: Request
): Promise<boolean> {
    const upload = jobs.beginUpload(id);
    let seq = 0;
    let blank = true;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const store = () => {
        if (pending.length) jobs.addChunk(id, upload, seq++, Buffer.concat(pending));
        pending = [];
        pendingBytes = 0;
    };
    try {
        for await (const chunk of r.chunks()) {
            if (blank && chunk.toString('utf8').trim()) blank = false;
            pending.push(chunk);
            pendingBytes += chunk.length;
            if (pendingBytes >= STORED_CHUNK_BYTES) store();
        }
        store();
    } catch (e) {
        jobs.dropUpload(id, upload);
        throw e;
    }
    // An empty upload adds nothing (jsforce can send one before the data when it retries a
    // PUT); counting it would take the real upload's header for data.
    if (blank) jobs.dropUpload(id, upload);
    else jobs.completeUpload(id, upload);
    return !blank;
}

/** The rows a job did not process (after an abort, a failure or a restart), as uploaded. */
async function writeUnprocessed(jobs: IngestJobStore, job: IngestJob, r: Request): Promise<void> {
    if (job.state === 'Open' || job.state === 'JobComplete') return;
    let index = 0;
    let page: string[][] = [];
    try {
        for await (const row of rowsOf(jobs, job.id)) {
            if (index++ < job.processed) continue;
            page.push(row.values);
            if (page.length === 5_000) {
                if (!(await r.writePart(toCsvRows(page, job)))) return;
                page = [];
            }
        }
    } catch {
        // A file that does not parse has no rows to list past the point it breaks.
    }
    if (page.length) r.res.write(toCsvRows(page, job));
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
        columnDelimiter: job.columnDelimiter ?? 'COMMA',
        contentUrl: `services/data/v${API_VERSION}/jobs/ingest/${job.id}/batches`,
        numberRecordsProcessed: job.processed,
        numberRecordsFailed: job.failed,
        retries: 0,
        totalProcessingTime: 0,
        ...(job.errorMessage ? { errorMessage: job.errorMessage } : {})
    };
}
