/**
 * Bulk API 1.0 (`/services/async/66.0/job`), as jsforce's `conn.bulk` and the
 * Data Loader call it: jobs in XML or JSON (contentType CSV, XML or JSON),
 * batches added to an open job, batch info and lists, batch results, query
 * batches with result ids, close and abort. Requests sign with the
 * `X-SFDC-Session` header (the same tokens as the REST API's bearer); errors are
 * the platform's `exceptionCode` / `exceptionMessage` documents.
 *
 * An ingest batch is a Bulk 2.0 ingest job underneath (store/ingestJobs.ts,
 * run by ingestRun.ts), so both APIs apply rows one way and batches are as
 * durable as 2.0 jobs; query batches run through the Bulk 2.0 query's columns.
 */
import { API_VERSION, reduceErrors } from '../../../core/src/index';
import { toCsv } from '../csv';
import { ApiError } from '../http/errors';
import type { Request } from '../http/request';
import type { Router } from '../http/router';
import { runSoql } from '../store/soql';
import { IngestJobStore, type IngestJob, type RowResult } from '../store/ingestJobs';
import {
    V1_OPERATIONS,
    V1JobStore,
    type V1ContentType,
    type V1Job,
    type V1Operation,
    type V1QueryBatch
} from '../store/bulkV1Jobs';
import { bulkQueryColumns, bulkQueryRows } from './bulkQuery';
import { receiveUpload, startIngestJob } from './bulkIngest';
import { resultsWithValues } from './ingestRows';
import {
    batchInfo,
    BulkV1Error,
    bulkDocument,
    errorDocument,
    ingestBatchFacts,
    ingestResults,
    jobInfo,
    jsonBatchToCsv,
    queryBatchFacts,
    queryResultXml,
    readJobRequest,
    resultList,
    xmlBatchToCsv,
    type BatchFacts
} from './bulkV1Shapes';
import type { OrgContext } from './context';
import { externalField, objectNamed } from './records';

const JOBS = '/services/async/:version/job';
const CONTENT_TYPES: readonly string[] = ['CSV', 'XML', 'JSON'];
const QUERY_OPERATIONS: readonly string[] = ['query', 'queryAll'];

const isJsonRequest = (r: Request) => /^application\/json\b/i.test(r.header('content-type'));

/** Platform errors the shared pipeline raises (faults, limits), as Bulk 1.0 names them. */
const EXCEPTION_CODES: Record<string, string> = {
    INVALID_SESSION_ID: 'InvalidSessionId',
    REQUEST_LIMIT_EXCEEDED: 'ExceededQuota',
    REQUEST_TOO_LARGE: 'ExceededQuota',
    NOT_FOUND: 'InvalidEntity'
};

function asBulkError(e: unknown): BulkV1Error {
    if (e instanceof BulkV1Error) return e;
    if (e instanceof ApiError)
        return new BulkV1Error(
            EXCEPTION_CODES[e.errorCode] ?? e.errorCode,
            e.message,
            e.errorCode === 'INVALID_SESSION_ID' ? 400 : e.status
        );
    return new BulkV1Error('InternalServerError', reduceErrors(e)[0] ?? 'Internal error', 500);
}

export function register(router: Router, ctx: OrgContext): void {
    const jobs = new IngestJobStore(ctx.org.db);
    const v1 = new V1JobStore(ctx.org.db);
    v1.recover();

    const jobOf = (id: string): V1Job => {
        const job = v1.get(id);
        if (!job) throw new BulkV1Error('InvalidJob', `Unable to find job: ${id}`);
        return job;
    };
    const factsOf = (id: string): BatchFacts | undefined => {
        const ingest = jobs.get(id);
        if (ingest?.v1JobId) return ingestBatchFacts(ingest);
        const query = v1.queryBatch(id);
        return query ? queryBatchFacts(query) : undefined;
    };
    const batchOf = (job: V1Job, id: string): BatchFacts => {
        const facts = job.batches.includes(id) ? factsOf(id) : undefined;
        if (!facts) throw new BulkV1Error('InvalidBatch', `Unable to find batch: ${id}`);
        return facts;
    };
    const info = (job: V1Job) =>
        jobInfo(
            job,
            ctx.org.adminUserId,
            job.batches.map((b) => factsOf(b)).filter((b) => b !== undefined)
        );

    /**
     * Every Bulk 1.0 call: the version, the session header, the API usage meter, then the
     * handler; any error answered as a Bulk 1.0 error document (XML unless the request or job
     * is JSON).
     */
    const handle =
        (handler: (r: Request) => Promise<void> | void) =>
        async (r: Request): Promise<void> => {
            try {
                const version = Number(r.params.version);
                if (
                    !/^\d+\.\d$/.test(r.params.version) ||
                    version < 31 ||
                    version > Number(API_VERSION)
                )
                    throw new BulkV1Error(
                        'InvalidVersion',
                        `API version ${r.params.version} is not served (31.0 to ${API_VERSION}).`,
                        404
                    );
                const authorization = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(r.header('authorization'));
                const session = r.header('x-sfdc-session') || authorization?.[1] || '';
                if (!ctx.sessions.isValid(session))
                    throw new BulkV1Error('InvalidSessionId', 'Invalid session id');
                await ctx.faults.meter(r, ctx.usage);
                await handler(r);
            } catch (e) {
                if (r.res.headersSent) {
                    r.res.end();
                    return;
                }
                const error = asBulkError(e);
                const job = r.params.id ? v1.get(r.params.id) : undefined;
                sendDocument(
                    r,
                    error.status,
                    job ? job.contentType === 'JSON' : isJsonRequest(r),
                    errorDocument(job ? job.contentType === 'JSON' : isJsonRequest(r), error)
                );
            }
        };
    const open = { auth: 'none' as const, metered: false };
    const sendInfo = (r: Request, status: number, job: V1Job, fields = info(job)) => {
        const json = job.contentType === 'JSON';
        if (json) fields.apiVersion = Number(API_VERSION);
        sendDocument(r, status, json, bulkDocument(json, 'jobInfo', fields));
    };
    const sendBatch = (r: Request, status: number, job: V1Job, facts: BatchFacts) =>
        sendDocument(
            r,
            status,
            job.contentType === 'JSON',
            bulkDocument(job.contentType === 'JSON', 'batchInfo', batchInfo(facts))
        );

    router.post(
        JOBS,
        handle(async (r) => sendInfo(r, 201, createJob(ctx, v1, await r.text(), isJsonRequest(r)))),
        open
    );
    router.get(
        `${JOBS}/:id`,
        handle((r) => sendInfo(r, 200, jobOf(r.params.id))),
        open
    );
    router.post(
        `${JOBS}/:id`,
        handle(async (r) => {
            const job = jobOf(r.params.id);
            const state = readJobRequest(await r.text(), isJsonRequest(r)).state;
            if (job.state !== 'Open' || (state !== 'Closed' && state !== 'Aborted'))
                throw new BulkV1Error(
                    'InvalidJobState',
                    `Cannot change the state of job ${job.id} from ${job.state} to ${state ?? '(none)'}.`
                );
            if (state === 'Aborted') abortBatches(jobs, v1, job);
            v1.save({ ...job, state });
            sendInfo(r, 200, jobOf(job.id));
        }),
        open
    );

    router.post(
        `${JOBS}/:id/batch`,
        handle(async (r) => {
            const job = jobOf(r.params.id);
            if (job.state !== 'Open')
                throw new BulkV1Error(
                    'InvalidJobState',
                    `Job ${job.id} is ${job.state}: batches can be added to an Open job only.`
                );
            const facts = QUERY_OPERATIONS.includes(job.operation)
                ? await addQueryBatch(ctx, jobs, v1, job, r)
                : await addIngestBatch(ctx, jobs, job, r);
            const current = jobOf(job.id);
            v1.save({ ...current, batches: [...current.batches, facts.id] });
            sendBatch(r, 201, job, facts);
        }),
        open
    );
    router.get(
        `${JOBS}/:id/batch`,
        handle((r) => {
            const job = jobOf(r.params.id);
            const list = job.batches.map((b) => factsOf(b)).filter((b) => b !== undefined);
            const json = job.contentType === 'JSON';
            sendDocument(
                r,
                200,
                json,
                bulkDocument(json, 'batchInfoList', { batchInfo: list.map(batchInfo) })
            );
        }),
        open
    );
    router.get(
        `${JOBS}/:id/batch/:batch`,
        handle((r) => {
            const job = jobOf(r.params.id);
            sendBatch(r, 200, job, batchOf(job, r.params.batch));
        }),
        open
    );
    router.get(
        `${JOBS}/:id/batch/:batch/result`,
        handle((r) => {
            const job = jobOf(r.params.id);
            const facts = batchOf(job, r.params.batch);
            if (facts.state === 'Queued' || facts.state === 'InProgress')
                throw new BulkV1Error('InvalidBatch', 'Batch not completed');
            const json = job.contentType === 'JSON';
            if (QUERY_OPERATIONS.includes(job.operation)) {
                const batch = v1.queryBatch(facts.id)!;
                sendDocument(
                    r,
                    200,
                    json,
                    resultList(json, batch.resultId ? [batch.resultId] : [])
                );
                return;
            }
            const body = ingestResults(job.contentType, batchResults(jobs, facts.id));
            if (job.contentType === 'CSV') r.sendCsv(body);
            else sendDocument(r, 200, json, body);
        }),
        open
    );
    router.get(
        `${JOBS}/:id/batch/:batch/result/:result`,
        handle((r) => {
            const job = jobOf(r.params.id);
            const facts = batchOf(job, r.params.batch);
            const batch = v1.queryBatch(facts.id);
            if (!batch?.resultId || batch.resultId !== r.params.result)
                throw new BulkV1Error('InvalidBatch', `Unable to find result: ${r.params.result}`);
            r.res.writeHead(200, { 'Content-Type': contentTypeOf(job.contentType) });
            for (const upload of jobs.uploads(batch.id))
                for (const chunk of jobs.chunks(batch.id, upload)) r.res.write(chunk);
            r.res.end();
        }),
        open
    );
}

function contentTypeOf(contentType: V1ContentType): string {
    if (contentType === 'CSV') return 'text/csv; charset=UTF-8';
    return contentType === 'JSON' ? 'application/json' : 'application/xml';
}

function sendDocument(r: Request, status: number, json: boolean, body: string): void {
    r.res
        .writeHead(status, {
            'Content-Type': json ? 'application/json' : 'application/xml',
            'Content-Length': String(Buffer.byteLength(body))
        })
        .end(body);
}

function createJob(ctx: OrgContext, v1: V1JobStore, body: string, json: boolean): V1Job {
    const request = readJobRequest(body, json);
    const operation = request.operation ?? '';
    if (!(V1_OPERATIONS as readonly string[]).includes(operation))
        throw new BulkV1Error('InvalidJob', `Invalid operation: ${operation.slice(0, 40)}`);
    const contentType = (request.contentType || 'CSV').toUpperCase();
    if (!CONTENT_TYPES.includes(contentType))
        throw new BulkV1Error(
            'InvalidJob',
            `Unsupported contentType ${contentType.slice(0, 40)}: the local org takes CSV, XML or JSON.`
        );
    const object = objectNamed(ctx, request.object ?? '').name;
    let externalIdFieldName: string | undefined;
    if (operation === 'upsert') {
        if (!request.externalIdFieldName)
            throw new BulkV1Error('InvalidJob', 'External ID was blank for an upsert job.');
        try {
            externalIdFieldName = externalField(ctx, object, request.externalIdFieldName);
        } catch (e) {
            throw new BulkV1Error('InvalidJob', (e as Error).message);
        }
    }
    const now = new Date().toISOString();
    const job: V1Job = {
        id: ctx.nextId('750'),
        object,
        operation: operation as V1Operation,
        externalIdFieldName,
        contentType: contentType as V1ContentType,
        concurrencyMode: request.concurrencyMode === 'Serial' ? 'Serial' : 'Parallel',
        state: 'Open',
        createdDate: now,
        systemModstamp: now,
        batches: []
    };
    v1.save(job);
    return job;
}

function emptyBatch(): BulkV1Error {
    return new BulkV1Error(
        'ClientInputError',
        'Failed to read any records from the batch: the request body is empty.'
    );
}

/** Stores the batch's records (CSV as it arrives; XML and JSON read into CSV) and queues it. */
async function addIngestBatch(
    ctx: OrgContext,
    jobs: IngestJobStore,
    job: V1Job,
    r: Request
): Promise<BatchFacts> {
    const batch: IngestJob = {
        id: ctx.nextId('751'),
        v1JobId: job.id,
        object: job.object,
        operation: job.operation as IngestJob['operation'],
        externalIdFieldName: job.externalIdFieldName,
        state: 'Open',
        createdDate: new Date().toISOString(),
        lineEnding: 'LF',
        columnDelimiter: 'COMMA',
        processed: 0,
        failed: 0
    };
    jobs.save(batch);
    try {
        if (job.contentType === 'CSV') {
            if (!(await receiveUpload(jobs, batch.id, r))) throw emptyBatch();
        } else {
            const text = await r.text();
            if (!text.trim()) throw emptyBatch();
            const csv = job.contentType === 'XML' ? xmlBatchToCsv(text) : jsonBatchToCsv(text);
            const upload = jobs.beginUpload(batch.id);
            jobs.addChunk(batch.id, upload, 0, Buffer.from(csv, 'utf8'));
            jobs.completeUpload(batch.id, upload);
        }
    } catch (e) {
        jobs.delete(batch.id);
        throw e;
    }
    jobs.save({ ...batch, state: 'UploadComplete' });
    setImmediate(() => void startIngestJob(ctx, jobs, batch.id));
    return ingestBatchFacts(jobs.get(batch.id)!);
}

/** Queues a query batch (its body is the SOQL); it runs once and keeps its result. */
async function addQueryBatch(
    ctx: OrgContext,
    jobs: IngestJobStore,
    v1: V1JobStore,
    job: V1Job,
    r: Request
): Promise<BatchFacts> {
    const query = (await r.text()).trim();
    if (!query) throw emptyBatch();
    const now = new Date().toISOString();
    const batch: V1QueryBatch = {
        id: ctx.nextId('751'),
        jobId: job.id,
        query,
        state: 'Queued',
        createdDate: now,
        systemModstamp: now,
        records: 0
    };
    v1.saveQueryBatch(batch);
    setImmediate(() => runQueryBatch(ctx, jobs, v1, job, batch.id));
    return queryBatchFacts(batch);
}

function runQueryBatch(
    ctx: OrgContext,
    jobs: IngestJobStore,
    v1: V1JobStore,
    job: V1Job,
    id: string
): void {
    if (!ctx.org.db.open) return;
    const batch = v1.queryBatch(id);
    if (!batch || batch.state !== 'Queued') return;
    v1.saveQueryBatch({ ...batch, state: 'InProgress' });
    try {
        const { text, records } = queryResult(ctx, job, batch.query);
        const upload = jobs.beginUpload(id);
        jobs.addChunk(id, upload, 0, Buffer.from(text, 'utf8'));
        jobs.completeUpload(id, upload);
        v1.saveQueryBatch({
            ...batch,
            state: 'Completed',
            records,
            resultId: ctx.nextId('752')
        });
    } catch (e) {
        v1.saveQueryBatch({
            ...batch,
            state: 'Failed',
            stateMessage: `InvalidBatch : Failed to process query: ${reduceErrors(e)[0] ?? 'error'}`
        });
    }
}

/** A query's one result set in the job's content type, and how many records it has. */
function queryResult(
    ctx: OrgContext,
    job: V1Job,
    query: string
): { text: string; records: number } {
    const from = /\bFROM\s+(\w+)/i.exec(query.replace(/\([\s\S]*?\)/g, ''))?.[1] ?? '';
    if (from.toLowerCase() !== job.object.toLowerCase())
        throw new BulkV1Error(
            'InvalidBatch',
            `The query is not on the job's object ${job.object}.`
        );
    if (job.contentType === 'CSV') {
        const header = bulkQueryColumns(ctx, query);
        const rows = bulkQueryRows(ctx, query, header);
        return { text: toCsv(header, rows), records: rows.length };
    }
    const { records } = runSoql(ctx.store, query);
    return {
        text: job.contentType === 'JSON' ? JSON.stringify(records) : queryResultXml(records),
        records: records.length
    };
}

/** An abort stops the job's queued and running batches before their next chunk. */
function abortBatches(jobs: IngestJobStore, v1: V1JobStore, job: V1Job): void {
    for (const id of job.batches) {
        const ingest = jobs.get(id);
        if (ingest && ['Open', 'UploadComplete', 'InProgress'].includes(ingest.state))
            jobs.save({ ...ingest, state: 'Aborted' });
        const query = v1.queryBatch(id);
        if (query && query.state === 'Queued')
            v1.saveQueryBatch({ ...query, state: 'NotProcessed' });
    }
}

/** A batch's row results (successes and failures) in row order. */
function batchResults(jobs: IngestJobStore, id: string): RowResult[] {
    const all: RowResult[] = [];
    for (const success of [true, false])
        for (const page of resultsWithValues(jobs, id, success)) all.push(...page);
    return all.sort((a, b) => a.row - b.row);
}
