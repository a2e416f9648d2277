/**
 * Bulk API 1.0's documents as the platform writes and reads them, in XML or
 * JSON: job and batch info, errors (`exceptionCode`, `exceptionMessage`),
 * ingest results and query result lists; and the XML / JSON record batches a
 * job takes, read into CSV so every batch goes through the one Bulk apply path.
 */
import { API_VERSION } from '../../../core/src/index';
import { toCsv } from '../csv';
import type { IngestJob, RowResult } from '../store/ingestJobs';
import type { V1BatchState, V1Job, V1QueryBatch } from '../store/bulkV1Jobs';
import type { RecordValues } from '../store/source';
import { isNil, parseXml, xmlDocument, xmlFields, type XmlElement, type XmlFields } from '../xml';

export const DATALOAD_NS = 'http://www.force.com/2009/06/asyncapi/dataload';

/** An error Bulk API 1.0 answers: its status, `exceptionCode` and `exceptionMessage`. */
export class BulkV1Error extends Error {
    constructor(
        readonly exceptionCode: string,
        message: string,
        readonly status = 400
    ) {
        super(message);
    }
}

/** A document in the answer's format: XML under `root`, or the same fields as JSON. */
export function bulkDocument(json: boolean, root: string, fields: XmlFields): string {
    return json ? JSON.stringify(fields) : xmlDocument(root, DATALOAD_NS, fields);
}

export function errorDocument(json: boolean, e: BulkV1Error): string {
    return bulkDocument(json, 'error', {
        exceptionCode: e.exceptionCode,
        exceptionMessage: e.message
    });
}

/** A batch's state: a 1.0 ingest batch is a Bulk 2.0 job underneath. */
export function ingestBatchState(batch: IngestJob): V1BatchState {
    switch (batch.state) {
        case 'InProgress':
            return 'InProgress';
        case 'JobComplete':
            return 'Completed';
        case 'Failed':
            return 'Failed';
        case 'Aborted':
            return 'NotProcessed';
        default:
            return 'Queued';
    }
}

export interface BatchFacts {
    id: string;
    jobId: string;
    state: V1BatchState;
    stateMessage?: string;
    createdDate: string;
    systemModstamp: string;
    processed: number;
    failed: number;
}

export function ingestBatchFacts(batch: IngestJob): BatchFacts {
    return {
        id: batch.id,
        jobId: batch.v1JobId!,
        state: ingestBatchState(batch),
        stateMessage: batch.state === 'Failed' ? batch.errorMessage : undefined,
        createdDate: batch.createdDate,
        systemModstamp: new Date().toISOString(),
        processed: batch.processed,
        failed: batch.failed
    };
}

export function queryBatchFacts(batch: V1QueryBatch): BatchFacts {
    return { ...batch, processed: batch.records, failed: 0 };
}

export function batchInfo(b: BatchFacts): XmlFields {
    return {
        id: b.id,
        jobId: b.jobId,
        state: b.state,
        stateMessage: b.stateMessage,
        createdDate: b.createdDate,
        systemModstamp: b.systemModstamp,
        numberRecordsProcessed: b.processed,
        numberRecordsFailed: b.failed,
        totalProcessingTime: 0,
        apiActiveProcessingTime: 0,
        apexProcessingTime: 0
    };
}

export function jobInfo(job: V1Job, createdById: string, batches: BatchFacts[]): XmlFields {
    const count = (state: V1BatchState) => batches.filter((b) => b.state === state).length;
    const sum = (f: (b: BatchFacts) => number) => batches.reduce((n, b) => n + f(b), 0);
    return {
        id: job.id,
        operation: job.operation,
        object: job.object,
        createdById,
        createdDate: job.createdDate,
        systemModstamp: job.systemModstamp,
        state: job.state,
        externalIdFieldName: job.externalIdFieldName,
        concurrencyMode: job.concurrencyMode,
        contentType: job.contentType,
        numberBatchesQueued: count('Queued'),
        numberBatchesInProgress: count('InProgress'),
        numberBatchesCompleted: count('Completed'),
        numberBatchesFailed: count('Failed'),
        numberBatchesTotal: batches.length,
        numberRecordsProcessed: sum((b) => b.processed),
        numberRetries: 0,
        apiVersion: `${API_VERSION}`,
        numberRecordsFailed: sum((b) => b.failed),
        totalProcessingTime: 0,
        apiActiveProcessingTime: 0,
        apexProcessingTime: 0
    };
}

/** A job request's fields (`jobInfo` in XML, or a JSON object), as text. */
export function readJobRequest(body: string, json: boolean): Record<string, string> {
    if (json) {
        const parsed = readJson(body, 'InvalidJob', 'The job');
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
            throw new BulkV1Error('InvalidJob', 'The job must be a JSON object.');
        return Object.fromEntries(
            Object.entries(parsed).map(([k, v]) => [k, v === null ? '' : String(v)])
        );
    }
    const root = readXml(body, 'InvalidJob');
    if (root.name !== 'jobInfo')
        throw new BulkV1Error('InvalidJob', `Expected a <jobInfo> element, not <${root.name}>.`);
    return Object.fromEntries(root.children.map((c) => [c.name, c.text.trim()]));
}

function readJson(body: string, exceptionCode: string, what: string): unknown {
    try {
        return JSON.parse(body) as unknown;
    } catch (e) {
        throw new BulkV1Error(exceptionCode, `${what} is not valid JSON: ${(e as Error).message}`);
    }
}

function readXml(body: string, exceptionCode: string): XmlElement {
    try {
        return parseXml(body);
    } catch (e) {
        throw new BulkV1Error(exceptionCode, `Unable to parse XML: ${(e as Error).message}`);
    }
}

/** A record's fields by `Parent.Field` paths: the columns a CSV upload would have. */
type FlatRecord = Map<string, string>;

function csvOf(records: FlatRecord[]): string {
    const header: string[] = [];
    for (const r of records) for (const k of r.keys()) if (!header.includes(k)) header.push(k);
    return toCsv(
        header,
        records.map((r) => header.map((h) => r.get(h) ?? ''))
    );
}

/** An XML batch (`<sObjects><sObject>…`) as CSV; `xsi:nil` fields are nulled (`#N/A`). */
export function xmlBatchToCsv(body: string): string {
    const root = readXml(body, 'InvalidBatch');
    if (root.name !== 'sObjects')
        throw new BulkV1Error(
            'InvalidBatch',
            `Expected an <sObjects> element, not <${root.name}>.`
        );
    const flatten = (e: XmlElement, prefix: string, out: FlatRecord): FlatRecord => {
        for (const f of e.children) {
            if (f.name === 'type' && !prefix) continue;
            if (f.children.length) flatten(f, `${prefix}${f.name}.`, out);
            else out.set(`${prefix}${f.name}`, isNil(f) ? '#N/A' : f.text);
        }
        return out;
    };
    const records = root.children.map((r, i) => {
        if (r.name !== 'sObject')
            throw new BulkV1Error(
                'InvalidBatch',
                `Element ${i + 1} is <${r.name}>, not <sObject>.`
            );
        return flatten(r, '', new Map());
    });
    return csvOf(records);
}

/** A JSON batch (an array of records) as CSV; nulls are nulled (`#N/A`). */
export function jsonBatchToCsv(body: string): string {
    const parsed = readJson(body, 'InvalidBatch', 'The batch');
    if (!Array.isArray(parsed))
        throw new BulkV1Error('InvalidBatch', 'A JSON batch must be an array of records.');
    const flatten = (o: Record<string, unknown>, prefix: string, out: FlatRecord): FlatRecord => {
        for (const [k, v] of Object.entries(o)) {
            if (k === 'attributes') continue;
            if (v && typeof v === 'object' && !Array.isArray(v))
                flatten(v as Record<string, unknown>, `${prefix}${k}.`, out);
            else out.set(`${prefix}${k}`, v === null ? '#N/A' : String(v));
        }
        return out;
    };
    return csvOf(
        parsed.map((r, i) => {
            if (!r || typeof r !== 'object' || Array.isArray(r))
                throw new BulkV1Error('InvalidBatch', `Record ${i + 1} is not a JSON object.`);
            return flatten(r as Record<string, unknown>, '', new Map());
        })
    );
}

/** A Bulk 2.0 sf__Error (`CODE:message:Field1,Field2 --`) as a 1.0 error's parts. */
function errorParts(detail: string): { statusCode: string; message: string; fields: string[] } {
    const m = /^([A-Z_]+):([\s\S]*?):(?:([^:]*?) )?-*$/.exec(detail);
    if (!m) return { statusCode: 'UNKNOWN_EXCEPTION', message: detail, fields: [] };
    return { statusCode: m[1], message: m[2], fields: m[3] ? m[3].split(',') : [] };
}

/** An ingest batch's results, one per row in order, in the job's content type. */
export function ingestResults(contentType: string, results: RowResult[]): string {
    if (contentType === 'CSV')
        return toCsv(
            ['Id', 'Success', 'Created', 'Error'],
            results.map((r) =>
                r.success ? [r.id, 'true', r.detail, ''] : [r.id, 'false', 'false', r.detail]
            )
        );
    const shaped = results.map((r) => ({
        id: r.id || null,
        success: r.success,
        created: r.success && r.detail === 'true',
        errors: r.success ? [] : [errorParts(r.detail)]
    }));
    if (contentType === 'JSON') return JSON.stringify(shaped);
    return xmlDocument('results', DATALOAD_NS, {
        result: shaped.map((r) => ({
            errors: r.errors.map((e) => ({
                fields: e.fields,
                message: e.message,
                statusCode: e.statusCode
            })),
            id: r.id,
            success: r.success,
            created: r.created
        }))
    });
}

/** A query batch's result list: the ids of its result sets. */
export function resultList(json: boolean, ids: string[]): string {
    return json ? JSON.stringify(ids) : xmlDocument('result-list', DATALOAD_NS, { result: ids });
}

/** A record's fields for XML: `attributes` becomes `type`, parents nest the same way. */
function xmlRecord(record: RecordValues): XmlFields {
    const out: XmlFields = {};
    for (const [k, v] of Object.entries(record)) {
        if (k === 'attributes') out.type = (v as { type?: string }).type;
        else if (v && typeof v === 'object' && !Array.isArray(v))
            out[k] = xmlRecord(v as RecordValues);
        else out[k] = v as XmlFields[string];
    }
    return out;
}

/** A query result set of an XML job: `<queryResult><records xsi:type="sObject">…`. */
export function queryResultXml(records: RecordValues[]): string {
    const body = records
        .map((r) => `<records xsi:type="sObject">${xmlFields(xmlRecord(r))}</records>`)
        .join('');
    return `<?xml version="1.0" encoding="UTF-8"?><queryResult xmlns="${DATALOAD_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${body}</queryResult>`;
}
