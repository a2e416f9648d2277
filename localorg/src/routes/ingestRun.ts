/**
 * Running a Bulk 2.0 ingest job: the uploads are read as they were stored
 * (ingestRows.ts), first to check every header and the CSV's syntax (a
 * malformed file fails the job before anything is written), then applied in
 * chunks that commit with their results; other requests are answered between
 * chunks, and an abort takes effect before the next chunk.
 */
import { CsvError, type CsvRow } from '../csv';
import { isRecordError, recordError } from '../http/errors';
import { normalizeId } from '../store/ids';
import type { IngestJob, IngestJobStore, RowOutcome } from '../store/ingestJobs';
import { namesOf, SourceError, type RecordValues } from '../store/source';
import type { OrgContext } from './context';
import { UploadRows } from './ingestRows';
import { upsertOne } from './records';

/** Rows applied per transaction at most; other requests are answered between chunks. */
const CHUNK_ROWS = 2_000;
/**
 * A chunk ends early once it has held the org this long (ms; what another request waits for)
 * and applied at least CHUNK_MIN_ROWS: clients estimate the time left from the progress, which
 * a tiny first chunk would make look slow.
 */
const CHUNK_MS = 25;
const CHUNK_MIN_ROWS = 500;

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** The job's data rows under the first upload's header, in order. */
export async function* rowsOf(jobs: IngestJobStore, id: string): AsyncGenerator<CsvRow> {
    const rows = new UploadRows(jobs, id);
    for (let n = 1; ; n++) {
        const row = rows.next();
        if (!row) return;
        yield row;
        if (n % CHUNK_ROWS === 0) await nextTurn();
    }
}

/** The first upload's header row (empty when the job has none or it does not parse). */
export function headerOf(jobs: IngestJobStore, id: string): string[] {
    const rows = new UploadRows(jobs, id);
    try {
        rows.next();
    } catch {
        // No header to give past the point the file breaks.
    }
    return rows.table.header;
}

/** Checks every upload (headers, syntax, the object's fields); answers the header or why not. */
async function check(ctx: OrgContext, jobs: IngestJobStore, job: IngestJob) {
    const rows = new UploadRows(jobs, job.id);
    try {
        for (let more = true; more; await nextTurn()) {
            const started = performance.now();
            for (let n = 1; (more = rows.next() !== undefined); n++)
                if (n % 256 === 0 && performance.now() - started > CHUNK_MS) break;
        }
    } catch (e) {
        return { error: e instanceof CsvError ? e.message : 'malformed CSV' };
    }
    const header = rows.table.header;
    // A job given no data (jsforce uploads nothing for an empty input) completes with no rows.
    if (!jobs.uploads(job.id).length) return { header, columns: [] };
    const { fields } = namesOf(ctx.store.objectInfo(job.object)!);
    const columns = header.map((h) => fields.get(h.trim().toLowerCase()));
    const unknown = header.find((_h, i) => !columns[i]);
    if (!header.length) return { header, error: 'The CSV has no header row.' };
    if (unknown !== undefined) return { header, error: `Field name not found : ${unknown}` };
    return { header, columns: columns.map((f) => ({ name: f!.name, kind: f!.kind })) };
}

export async function runJob(ctx: OrgContext, jobs: IngestJobStore, id: string): Promise<void> {
    // A running job is work under way: the log is not checkpointed between its chunks.
    ctx.org.idle.begin();
    try {
        await applyJob(ctx, jobs, id);
    } finally {
        ctx.org.idle.end();
    }
}

async function applyJob(ctx: OrgContext, jobs: IngestJobStore, id: string): Promise<void> {
    let job = jobs.get(id);
    if (!job || job.state !== 'UploadComplete') return;
    job = { ...job, state: 'InProgress' };
    jobs.save(job);
    const checked = await check(ctx, jobs, job);
    job = { ...jobs.get(id)!, header: checked.header };
    jobs.save(job);
    if (!checked.columns) {
        jobs.save({ ...job, state: 'Failed', errorMessage: `InvalidBatch : ${checked.error}` });
        return;
    }
    const columns = checked.columns;
    const rows = new UploadRows(jobs, id);
    let row = 0;
    let more = true;
    // Applies the next chunk of rows (read as it goes) with its results and the job's counts in
    // one transaction.
    const applyChunk = (): boolean => {
        if (!ctx.org.db.open) return false;
        const current = jobs.get(id);
        if (!current || current.state !== 'InProgress') return false;
        const results = jobs.resultWriter(id);
        let applied = 0;
        let failed = 0;
        ctx.store.transaction(() => {
            const started = performance.now();
            while (applied < CHUNK_ROWS) {
                const next = rows.next();
                if (!next) {
                    more = false;
                    break;
                }
                const result = applyRow(ctx, current, columns, next, row + applied);
                results.add(result);
                applied += 1;
                if (!result.success) failed += 1;
                if (
                    applied >= CHUNK_MIN_ROWS &&
                    applied % 64 === 0 &&
                    performance.now() - started > CHUNK_MS
                )
                    break;
            }
            results.flush();
            jobs.save({
                ...current,
                processed: current.processed + applied,
                failed: current.failed + failed
            });
        });
        row += applied;
        return true;
    };
    while (more) {
        if (!applyChunk()) return;
        await nextTurn();
    }
    if (!ctx.org.db.open || jobs.get(id)?.state !== 'InProgress') return;
    jobs.save({ ...jobs.get(id)!, state: 'JobComplete' });
}

/**
 * A CSV cell as the value the store checks: CSV has only text, so a checkbox reads `true` /
 * `false` (any case); anything else stays text for the store to refuse with the field's name.
 */
function cellValue(kind: string, text: string): unknown {
    if (kind === 'boolean' && /^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
    return text;
}

function applyRow(
    ctx: OrgContext,
    job: IngestJob,
    columns: { name: string; kind: string }[],
    { values: row, error }: CsvRow,
    index: number
): RowOutcome {
    if (error) return { row: index, success: false, id: '', detail: `INVALID_ROW:${error}:` };
    const values: RecordValues = {};
    for (let i = 0; i < columns.length; i++) {
        const v = row[i];
        if (v === undefined || v === '') continue;
        values[columns[i].name] = v === '#N/A' ? null : cellValue(columns[i].kind, v);
    }
    try {
        // One store write (each is atomic on its own): a row that fails leaves nothing behind.
        const out = write(ctx, job, values);
        return { row: index, success: true, id: out.id, detail: String(out.created) };
    } catch (e) {
        if (!isRecordError(e)) throw e;
        const { statusCode, message, fields } = recordError(e);
        return {
            row: index,
            success: false,
            id: String(values.Id ?? ''),
            // The platform's sf__Error: `CODE:message:Field1,Field2 --` (`CODE:message:--` without fields).
            detail: `${statusCode}:${message}:${fields.length ? `${fields.join(',')} ` : ''}--`
        };
    }
}

function missingId(): SourceError {
    return new SourceError('MALFORMED_ID', `Id in the record is missing or malformed`, ['Id']);
}

function write(ctx: OrgContext, job: IngestJob, values: RecordValues) {
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
