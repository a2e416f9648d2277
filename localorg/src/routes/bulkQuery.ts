/**
 * Bulk API 2.0 query (`/jobs/query`): a job runs the SOQL once and serves the
 * rows as CSV pages (`results?locator=&maxRecords=`, `Sforce-Locator`,
 * `Sforce-NumberOfRecords`).
 */
import { API_VERSION, reduceErrors } from '../../../core/src/index';
import { toCsv, type CsvFormat } from '../csv';
import { ApiError, notFound } from '../http/errors';
import { API, type Router } from '../http/router';
import { objectInfoOf, parseSoql, runSoql } from '../store/soql';
import { expandFields } from '../store/soqlSelect';
import { selectedCompound } from '../store/soqlWhere';
import type { RecordValues } from '../store/source';
import { csvFormat } from './bulkIngest';
import type { OrgContext } from './context';

interface QueryJob {
    id: string;
    query: string;
    operation: string;
    state: 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
    createdDate: string;
    header: string[];
    rows: unknown[][];
    format: Required<CsvFormat>;
    errorMessage?: string;
}

const JOBS = `${API}/jobs/query`;

export function register(router: Router, ctx: OrgContext): void {
    const jobs = new Map<string, QueryJob>();
    const jobOf = (id: string) => {
        const job = jobs.get(id);
        if (!job) throw notFound();
        return job;
    };
    const info = (job: QueryJob) => jobInfo(ctx, job);

    router.post(JOBS, async (r) => {
        const body = await r.jsonObject();
        const query = String(body.query ?? '');
        const header = bulkQueryColumns(ctx, query);
        const job: QueryJob = {
            id: ctx.nextId('750'),
            query,
            operation: String(body.operation ?? 'query'),
            state: 'UploadComplete',
            createdDate: new Date().toISOString(),
            header: [],
            rows: [],
            format: csvFormat(body)
        };
        jobs.set(job.id, job);
        setImmediate(() => {
            job.state = 'InProgress';
            try {
                job.rows = bulkQueryRows(ctx, query, header);
                job.header = header;
                job.state = 'JobComplete';
            } catch (e) {
                job.state = 'Failed';
                job.errorMessage = reduceErrors(e)[0];
            }
        });
        r.send(200, info(job));
    });
    router.get(`${JOBS}/:id`, (r) => r.send(200, info(jobOf(r.params.id))));
    router.delete(`${JOBS}/:id`, (r) => {
        jobs.delete(jobOf(r.params.id).id);
        r.send(204, null);
    });
    router.patch(`${JOBS}/:id`, (r) => {
        const job = jobOf(r.params.id);
        job.state = 'Aborted';
        r.send(200, info(job));
    });
    router.get(`${JOBS}/:id/results`, (r) => {
        const job = jobOf(r.params.id);
        if (job.state !== 'JobComplete')
            throw new ApiError(
                400,
                'INVALIDJOBSTATE',
                `Job is in state ${job.state}; results are available once it is JobComplete.`
            );
        const locator = r.query('locator');
        const start = Number(locator ? Buffer.from(locator, 'base64url').toString() : 0) || 0;
        const max = Math.max(
            1,
            Math.min(Number(r.query('maxRecords') ?? 50_000) || 50_000, 1_000_000)
        );
        const slice = job.rows.slice(start, start + max);
        const next = start + slice.length;
        r.sendCsv(toCsv(job.header, slice, job.format), {
            'Sforce-Locator':
                next < job.rows.length ? Buffer.from(String(next)).toString('base64url') : 'null',
            'Sforce-NumberOfRecords': String(slice.length)
        });
    });
}

/**
 * The columns a Bulk query's CSV has (fields as selected, `FIELDS()` expanded, `Owner.Name`
 * paths); Bulk (1.0 and 2.0) refuses subqueries, GROUP BY, OFFSET, TYPEOF and aggregates.
 */
export function bulkQueryColumns(ctx: OrgContext, query: string): string[] {
    const parsed = parseSoql(query);
    // FIELDS() stands for its fields, which become the CSV's columns.
    const info = objectInfoOf(ctx.store, parsed.sObject);
    const expanded = expandFields(ctx.store, info, parsed, { compounds: false });
    const selected = (expanded.fields ?? []) as unknown as {
        type: string;
        field?: string;
        rawValue?: string;
    }[];
    if (
        parsed.groupBy ||
        parsed.offset !== undefined ||
        selected.some(
            (f) =>
                f.type !== 'Field' && f.type !== 'FieldRelationship' && f.type !== 'FieldSubquery'
        )
    )
        throw new ApiError(
            400,
            'API_ERROR',
            'Bulk API 2.0 queries cannot use GROUP BY, OFFSET, TYPEOF or aggregate functions.'
        );
    if (selected.some((f) => f.type === 'FieldSubquery'))
        throw new ApiError(
            400,
            'API_ERROR',
            'Bulk API 2.0 queries cannot have subqueries (nested queries).'
        );
    const columns = selected.map((f) =>
        f.type === 'Field' ? String(f.field) : String(f.rawValue)
    );
    // A compound value has no CSV form: the platform refuses it, its parts are the columns.
    const compound = columns.find((c) => selectedCompound(ctx.store, info, c));
    if (compound)
        throw new ApiError(
            400,
            'API_ERROR',
            `Bulk queries cannot select the compound field ${compound}; select its parts (BillingCity, …) instead.`
        );
    return columns;
}

/** The query's rows, each as the values of these columns ('' for null). */
export function bulkQueryRows(ctx: OrgContext, query: string, header: string[]): unknown[][] {
    return runSoql(ctx.store, query).records.map((record) => {
        const flat = flatten(record);
        return header.map((h) => flat[h.toLowerCase()] ?? '');
    });
}

function jobInfo(ctx: OrgContext, job: QueryJob): Record<string, unknown> {
    return {
        id: job.id,
        operation: job.operation,
        object: '',
        createdById: ctx.org.adminUserId,
        createdDate: job.createdDate,
        systemModstamp: new Date().toISOString(),
        state: job.state,
        concurrencyMode: 'Parallel',
        contentType: 'CSV',
        apiVersion: Number(API_VERSION),
        jobType: 'V2Query',
        ...job.format,
        numberRecordsProcessed: job.rows.length,
        retries: 0,
        totalProcessingTime: 0,
        ...(job.errorMessage ? { errorMessage: job.errorMessage } : {})
    };
}

/** A REST record's values by lower-cased 'owner.name' style paths, for Bulk 2.0 query CSV. */
function flatten(
    record: RecordValues,
    prefix = '',
    out: Record<string, unknown> = {}
): Record<string, unknown> {
    for (const [k, v] of Object.entries(record)) {
        if (k === 'attributes') continue;
        if (v && typeof v === 'object' && !Array.isArray(v))
            flatten(v as RecordValues, `${prefix}${k}.`, out);
        else out[`${prefix}${k}`.toLowerCase()] = v;
    }
    return out;
}
