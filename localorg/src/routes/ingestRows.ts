/**
 * A Bulk 2.0 job's rows, read on demand from its stored uploads (csvReader.ts):
 * each upload's header checked against the first (UploadTable), data rows in
 * the first upload's column order. Reading is synchronous, a stored chunk at a
 * time, so a row is read in the same turn that uses it: rows never wait across
 * turns (where they would outlive the young generation and pile up in the org's
 * memory until a full collection).
 */
import { COLUMN_DELIMITERS, UploadTable, type CsvRow } from '../csv';
import { CsvReader } from '../csvReader';
import type { IngestJobStore, RowResult, StoredRowResult } from '../store/ingestJobs';

export class UploadRows {
    /** The header of the first upload, once read. */
    readonly table = new UploadTable();
    private readonly uploads: number[];
    private upload = 0;
    private reader?: CsvReader;
    private chunks?: Iterator<Buffer>;
    private records: string[][] = [];
    private at = 0;
    private headerNext = false;
    /** The job's column delimiter (COMMA unless the job chose another). */
    private readonly delimiter: string;

    constructor(
        private readonly jobs: IngestJobStore,
        private readonly id: string
    ) {
        this.uploads = jobs.uploads(id);
        this.delimiter = COLUMN_DELIMITERS[jobs.get(id)?.columnDelimiter ?? 'COMMA'];
    }

    /** The next data row, or undefined after the last; throws CsvError on malformed CSV. */
    next(): CsvRow | undefined {
        for (;;) {
            while (this.at < this.records.length) {
                const values = this.records[this.at++];
                if (!this.headerNext) return this.table.row(values);
                this.table.startUpload(values);
                this.headerNext = false;
            }
            if (!this.read()) return undefined;
        }
    }

    /** Reads the records of the next stored chunk (of this upload or the next); false at the end. */
    private read(): boolean {
        this.records = [];
        this.at = 0;
        while (this.upload < this.uploads.length) {
            if (!this.reader) {
                this.reader = new CsvReader(this.delimiter);
                this.chunks = this.jobs.chunks(this.id, this.uploads[this.upload]);
                this.headerNext = true;
            }
            const chunk = this.chunks!.next();
            if (chunk.done) {
                this.records = this.reader.end();
                this.reader = undefined;
                this.upload += 1;
            } else {
                this.records = this.reader.push(chunk.value);
            }
            if (this.records.length) return true;
        }
        return false;
    }
}

/**
 * A job's results of one kind with each row's values, a stored page at a time: the values are
 * read back from the job's upload (one pass, rows in order), not stored a second time with the
 * results (results stored before that carry their own).
 */
export function* resultsWithValues(
    jobs: IngestJobStore,
    id: string,
    success: boolean
): Generator<RowResult[]> {
    let rows: UploadRows | undefined;
    let next = 0;
    let current: string[] = [];
    const valuesOf = (row: number): string[] => {
        rows ??= new UploadRows(jobs, id);
        while (next <= row) {
            current = rows.next()?.values ?? [];
            next += 1;
        }
        return current;
    };
    for (const page of jobs.results(id, success))
        yield page.map((r: StoredRowResult) => ({ ...r, values: r.values ?? valuesOf(r.row) }));
}
