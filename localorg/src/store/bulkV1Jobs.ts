/**
 * Bulk API 1.0 jobs in the org's database, beside the Bulk 2.0 ones: a job and
 * the ids of its batches. An ingest batch is itself a Bulk 2.0 ingest job in
 * IngestJobStore (its upload, state and row results; `v1JobId` names its job),
 * so both APIs apply rows through one path. A query batch keeps its state here
 * and its result CSV as an upload of the Bulk 2.0 store.
 */
import type { Database } from 'better-sqlite3';

export const V1_INGEST_OPERATIONS = ['insert', 'update', 'upsert', 'delete', 'hardDelete'] as const;
export const V1_OPERATIONS = [...V1_INGEST_OPERATIONS, 'query', 'queryAll'] as const;
export type V1Operation = (typeof V1_OPERATIONS)[number];
export type V1ContentType = 'CSV' | 'XML' | 'JSON';

export interface V1Job {
    id: string;
    object: string;
    operation: V1Operation;
    externalIdFieldName?: string;
    contentType: V1ContentType;
    concurrencyMode: string;
    state: 'Open' | 'Closed' | 'Aborted' | 'Failed';
    createdDate: string;
    systemModstamp: string;
    /** Batch ids, in the order they were added. */
    batches: string[];
}

export type V1BatchState = 'Queued' | 'InProgress' | 'Completed' | 'Failed' | 'NotProcessed';

/** A query batch: its SOQL, state, and the id of its one result (the CSV it produced). */
export interface V1QueryBatch {
    id: string;
    jobId: string;
    query: string;
    state: V1BatchState;
    stateMessage?: string;
    createdDate: string;
    systemModstamp: string;
    records: number;
    resultId?: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS "_ll_bulk_v1_job" ("id" TEXT PRIMARY KEY, "job" TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS "_ll_bulk_v1_query_batch" ("id" TEXT PRIMARY KEY, "batch" TEXT NOT NULL);
`;

export class V1JobStore {
    constructor(private readonly db: Database) {
        db.exec(SCHEMA);
    }

    /** After a restart: a query batch that was queued or running failed with the org. */
    recover(): void {
        const rows = this.db.prepare('SELECT "batch" FROM "_ll_bulk_v1_query_batch"').all() as {
            batch: string;
        }[];
        for (const row of rows) {
            const batch = JSON.parse(row.batch) as V1QueryBatch;
            if (batch.state === 'Queued' || batch.state === 'InProgress')
                this.saveQueryBatch({
                    ...batch,
                    state: 'Failed',
                    stateMessage: 'InvalidBatch : The local org stopped while the batch ran.'
                });
        }
    }

    save(job: V1Job): void {
        this.db
            .prepare('INSERT OR REPLACE INTO "_ll_bulk_v1_job" ("id", "job") VALUES (?, ?)')
            .run(job.id, JSON.stringify({ ...job, systemModstamp: new Date().toISOString() }));
    }

    get(id: string): V1Job | undefined {
        const row = this.db
            .prepare('SELECT "job" FROM "_ll_bulk_v1_job" WHERE "id" = ?')
            .get(id) as { job: string } | undefined;
        return row ? (JSON.parse(row.job) as V1Job) : undefined;
    }

    saveQueryBatch(batch: V1QueryBatch): void {
        this.db
            .prepare(
                'INSERT OR REPLACE INTO "_ll_bulk_v1_query_batch" ("id", "batch") VALUES (?, ?)'
            )
            .run(batch.id, JSON.stringify({ ...batch, systemModstamp: new Date().toISOString() }));
    }

    queryBatch(id: string): V1QueryBatch | undefined {
        const row = this.db
            .prepare('SELECT "batch" FROM "_ll_bulk_v1_query_batch" WHERE "id" = ?')
            .get(id) as { batch: string } | undefined;
        return row ? (JSON.parse(row.batch) as V1QueryBatch) : undefined;
    }
}
