/**
 * Bulk 2.0 ingest jobs in the org's database, so a job survives the org: its
 * state, its uploads (kept as the chunks they arrived in, so an upload never
 * sits whole in memory) and a result for every processed row, stored per
 * applied chunk. A chunk of rows is applied in the same transaction as its
 * results and the job's count, so after a crash the job says exactly which
 * rows were applied.
 */
import type { Database, Statement } from 'better-sqlite3';

export type IngestState =
    'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';

export interface IngestJob {
    id: string;
    object: string;
    operation: 'insert' | 'update' | 'upsert' | 'delete' | 'hardDelete';
    externalIdFieldName?: string;
    state: IngestState;
    createdDate: string;
    lineEnding: string;
    /** Set when this is a Bulk API 1.0 batch: the 1.0 job it belongs to (store/bulkV1Jobs.ts). */
    v1JobId?: string;
    /** Bulk 2.0's `columnDelimiter` (COMMA when unset, as for jobs stored before it existed). */
    columnDelimiter?: string;
    /** The first upload's header, once the job has run. */
    header?: string[];
    processed: number;
    failed: number;
    errorMessage?: string;
}

/** One processed row: `success` with the record id and whether it was created, or its error. */
export interface RowOutcome {
    row: number;
    success: boolean;
    id: string;
    detail: string;
}

/** A processed row's outcome with the row's values as uploaded: a line of a result file. */
export interface RowResult extends RowOutcome {
    values: string[];
}

/**
 * A result as stored: without the row's values, which the job's upload holds (routes/ingestRows.ts
 * puts them back); results stored before that have them.
 */
export type StoredRowResult = RowOutcome & { values?: string[] };

const SCHEMA = `
CREATE TABLE IF NOT EXISTS "_ll_ingest_job" ("id" TEXT PRIMARY KEY, "job" TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS "_ll_ingest_upload" ("job" TEXT NOT NULL, "upload" INTEGER NOT NULL,
    "complete" INTEGER NOT NULL, PRIMARY KEY ("job", "upload"));
CREATE TABLE IF NOT EXISTS "_ll_ingest_chunk" ("job" TEXT NOT NULL, "upload" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL, "data" BLOB NOT NULL, PRIMARY KEY ("job", "upload", "seq"));
CREATE TABLE IF NOT EXISTS "_ll_ingest_result" ("job" TEXT NOT NULL, "row" INTEGER NOT NULL,
    "success" INTEGER NOT NULL, "id" TEXT NOT NULL, "detail" TEXT NOT NULL, "values" TEXT NOT NULL,
    PRIMARY KEY ("job", "row"));
CREATE TABLE IF NOT EXISTS "_ll_ingest_results" ("job" TEXT NOT NULL, "first" INTEGER NOT NULL,
    "success" INTEGER NOT NULL, "results" TEXT NOT NULL, PRIMARY KEY ("job", "success", "first"));
`;

/** Results stored per row of `_ll_ingest_results`. */
const RESULTS_PER_ROW = 250;

/**
 * A stored result: row number, record id, sf__Created or sf__Error (and the row's values, in
 * results stored before the upload was read back for them).
 */
type StoredResult = [number, string, string, string[]?];

export class IngestJobStore {
    constructor(private readonly db: Database) {
        db.exec(SCHEMA);
    }

    /**
     * After a restart: a job that was running (or about to) failed with the org; its applied
     * rows have their results, the others are its unprocessed records. Half-received uploads
     * are dropped.
     */
    recover(): void {
        for (const job of this.all()) {
            if (job.state === 'UploadComplete' || job.state === 'InProgress')
                this.save({
                    ...job,
                    state: 'Failed',
                    errorMessage:
                        'The local org stopped while the job ran: the rows in successfulResults and failedResults were processed, the rows in unprocessedrecords were not.'
                });
        }
        const incomplete = this.db
            .prepare('SELECT "job", "upload" FROM "_ll_ingest_upload" WHERE "complete" = 0')
            .all() as { job: string; upload: number }[];
        for (const u of incomplete) this.dropUpload(u.job, u.upload);
    }

    save(job: IngestJob): void {
        this.db
            .prepare('INSERT OR REPLACE INTO "_ll_ingest_job" ("id", "job") VALUES (?, ?)')
            .run(job.id, JSON.stringify(job));
    }

    get(id: string): IngestJob | undefined {
        const row = this.db.prepare('SELECT "job" FROM "_ll_ingest_job" WHERE "id" = ?').get(id) as
            { job: string } | undefined;
        return row ? (JSON.parse(row.job) as IngestJob) : undefined;
    }

    all(): IngestJob[] {
        return (
            this.db.prepare('SELECT "job" FROM "_ll_ingest_job" ORDER BY "id"').all() as {
                job: string;
            }[]
        ).map((r) => JSON.parse(r.job) as IngestJob);
    }

    delete(id: string): void {
        for (const table of [
            '_ll_ingest_job',
            '_ll_ingest_upload',
            '_ll_ingest_chunk',
            '_ll_ingest_result',
            '_ll_ingest_results'
        ])
            this.db
                .prepare(
                    `DELETE FROM "${table}" WHERE "${table === '_ll_ingest_job' ? 'id' : 'job'}" = ?`
                )
                .run(id);
    }

    /** Starts an upload; answers its number. */
    beginUpload(job: string): number {
        const row = this.db
            .prepare(
                'SELECT COALESCE(MAX("upload"), 0) + 1 AS n FROM "_ll_ingest_upload" WHERE "job" = ?'
            )
            .get(job) as { n: number };
        this.db
            .prepare(
                'INSERT INTO "_ll_ingest_upload" ("job", "upload", "complete") VALUES (?, ?, 0)'
            )
            .run(job, row.n);
        return row.n;
    }

    addChunk(job: string, upload: number, seq: number, data: Buffer): void {
        this.db
            .prepare(
                'INSERT INTO "_ll_ingest_chunk" ("job", "upload", "seq", "data") VALUES (?, ?, ?, ?)'
            )
            .run(job, upload, seq, data);
    }

    completeUpload(job: string, upload: number): void {
        this.db
            .prepare(
                'UPDATE "_ll_ingest_upload" SET "complete" = 1 WHERE "job" = ? AND "upload" = ?'
            )
            .run(job, upload);
    }

    dropUpload(job: string, upload: number): void {
        this.db
            .prepare('DELETE FROM "_ll_ingest_chunk" WHERE "job" = ? AND "upload" = ?')
            .run(job, upload);
        this.db
            .prepare('DELETE FROM "_ll_ingest_upload" WHERE "job" = ? AND "upload" = ?')
            .run(job, upload);
    }

    /** The job's complete uploads, in order. */
    uploads(job: string): number[] {
        return (
            this.db
                .prepare(
                    'SELECT "upload" FROM "_ll_ingest_upload" WHERE "job" = ? AND "complete" = 1 ORDER BY "upload"'
                )
                .all(job) as { upload: number }[]
        ).map((u) => u.upload);
    }

    /** An upload's chunks, one at a time (never the whole upload in memory). */
    *chunks(job: string, upload: number): Generator<Buffer> {
        const next = this.db.prepare(
            'SELECT "data" FROM "_ll_ingest_chunk" WHERE "job" = ? AND "upload" = ? AND "seq" = ?'
        );
        for (let seq = 0; ; seq++) {
            const row = next.get(job, upload, seq) as { data: Buffer } | undefined;
            if (!row) return;
            yield row.data;
        }
    }

    /**
     * A writer of an applied chunk's results (in its transaction), stored as they come in rows
     * of RESULTS_PER_ROW of a kind (the rest when the chunk ends), not one row per result.
     */
    resultWriter(job: string): ResultWriter {
        return new ResultWriter(
            this.db.prepare(
                'INSERT INTO "_ll_ingest_results" ("job", "first", "success", "results") VALUES (?, ?, ?, ?)'
            ),
            job
        );
    }

    /** Results of one kind, in row order, a stored row at a time. */
    *results(job: string, success: boolean): Generator<StoredRowResult[]> {
        yield* this.resultsStoredPerRow(job, success);
        const select = this.db.prepare(
            'SELECT "first", "results" FROM "_ll_ingest_results" WHERE "job" = ? AND "success" = ? AND "first" > ? ORDER BY "first" LIMIT 1'
        );
        for (let after = -1; ;) {
            const chunk = select.get(job, success ? 1 : 0, after) as
                { first: number; results: string } | undefined;
            if (!chunk) return;
            after = chunk.first;
            yield (JSON.parse(chunk.results) as StoredResult[]).map(
                ([row, id, detail, values]) => ({
                    row,
                    success,
                    id,
                    detail,
                    values
                })
            );
        }
    }

    /** Results of jobs run before results were stored per chunk, a page at a time. */
    private *resultsStoredPerRow(
        job: string,
        success: boolean,
        page = 5_000
    ): Generator<RowResult[]> {
        const select = this.db.prepare(
            'SELECT "row", "id", "detail", "values" FROM "_ll_ingest_result" WHERE "job" = ? AND "success" = ? AND "row" > ? ORDER BY "row" LIMIT ?'
        );
        for (let after = -1; ;) {
            const rows = select.all(job, success ? 1 : 0, after, page) as {
                row: number;
                id: string;
                detail: string;
                values: string;
            }[];
            if (!rows.length) return;
            after = rows[rows.length - 1].row;
            yield rows.map((r) => ({
                row: r.row,
                success,
                id: r.id,
                detail: r.detail,
                values: JSON.parse(r.values) as string[]
            }));
        }
    }
}

/**
 * Stores results a stored row at a time as soon as it is full: only a row's worth of a kind waits
 * in memory, so a chunk's results do not outlive the young generation (copied at every minor
 * collection and promoted, they cost a Bulk job about a tenth of its time). Every row holds
 * RESULTS_PER_ROW results of a kind, in row order; a chunk's last row of a kind fewer.
 */
export class ResultWriter {
    /** The results waiting, failed ones at 0 and successful ones at 1. */
    private readonly parts: [StoredResult[], StoredResult[]] = [[], []];

    constructor(
        private readonly insert: Statement,
        private readonly job: string
    ) {}

    /** Stores a result without the row's values: the upload has them already. */
    add(r: RowOutcome): void {
        const kind = r.success ? 1 : 0;
        this.parts[kind].push([r.row, r.id, r.detail]);
        if (this.parts[kind].length === RESULTS_PER_ROW) this.store(kind);
    }

    /** Stores what waits (at the end of a chunk). */
    flush(): void {
        for (const kind of [1, 0]) if (this.parts[kind].length) this.store(kind);
    }

    private store(kind: number): void {
        const part = this.parts[kind];
        this.insert.run(this.job, part[0][0], kind, JSON.stringify(part));
        this.parts[kind] = [];
    }
}
