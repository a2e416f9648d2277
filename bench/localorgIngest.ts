/**
 * The local org's Bulk API 2.0 ingest of `leads` new leads (issue 17, target ≥ 0.25× plain
 * SQLite), each figure the median of RUNS jobs of distinct leads, as the baselines' are:
 *   - over raw HTTP: upload → JobComplete, the CSV made beforehand (as the baseline's rows are);
 *   - with jsforce (loadAndWaitForResults: its CSV, the upload, polls, the result files);
 *   - jsforce against a server that does no work (replayServer.ts, answering with the org's
 *     own recorded responses): jsforce's own share, the most its ratio can reach;
 *   - plain better-sqlite3 inserting the same leads in one transaction, into the minimal table
 *     and into a copy of the org's Lead table (sqliteBaseline.ts).
 */
import jsforce, { type Connection } from 'jsforce';
import { API_VERSION } from '../core/src/index';
import { toCsv } from '../localorg/src/csv';
import { median, type OrgProcess } from './orgProcess';
import { record, startReplayServer, type Recorded } from './replayServer';
import type { BenchLead, SqliteBaseline } from './sqliteBaseline';

const RUNS = 3;
const API = `/services/data/v${API_VERSION}`;

export interface IngestResult {
    leads: number;
    httpSeconds: number;
    jsforceSeconds: number;
    jsforceFloorSeconds: number;
    sqliteSeconds: number;
    sqliteOrgSchemaSeconds: number;
}

/** `count` new leads whose external ids start with `prefix` (which keeps runs apart). */
export type LeadsOf = (count: number, prefix: string) => BenchLead[];

export async function measureIngest(
    org: OrgProcess,
    conn: Connection,
    baseline: SqliteBaseline,
    orgDatabase: string,
    leads: number,
    leadsOf: LeadsOf
): Promise<IngestResult> {
    // Into an org that keeps every earlier run's leads (the baselines' tables start empty).
    const http: number[] = [];
    for (let run = 0; run < RUNS; run++)
        http.push(await rawIngest(org, leadsOf(leads, `raw${run}-`)));
    const viaJsforce: number[] = [];
    for (let run = 0; run < RUNS; run++) {
        const input = leadsOf(leads, `js${run}-`);
        const t = performance.now();
        await loadWithJsforce(conn, input);
        viaJsforce.push(performance.now() - t);
    }
    const floor = await jsforceFloor(org, leads, leadsOf);
    const input = leadsOf(leads, 'base-');
    return {
        leads,
        httpSeconds: median(http) / 1000,
        jsforceSeconds: median(viaJsforce) / 1000,
        jsforceFloorSeconds: floor / 1000,
        sqliteSeconds: baseline.insertMinimal(input, RUNS) / 1000,
        sqliteOrgSchemaSeconds: baseline.insertOrgSchema(orgDatabase, input, RUNS) / 1000
    };
}

/** ms from creating a job to seeing it JobComplete, the CSV made before the clock starts. */
async function rawIngest(org: OrgProcess, rows: BenchLead[]): Promise<number> {
    const csv = toCsv(
        Object.keys(rows[0]),
        rows.map((r) => Object.values(r))
    );
    const t = performance.now();
    const { id } = (await (
        await org.call('/jobs/ingest', {
            method: 'POST',
            body: JSON.stringify({ object: 'Lead', operation: 'insert', lineEnding: 'LF' })
        })
    ).json()) as { id: string };
    const put = await org.call(`/jobs/ingest/${id}/batches`, {
        method: 'PUT',
        headers: { 'Content-Type': 'text/csv' },
        body: csv
    });
    if (put.status !== 201) throw new Error(`upload answered ${put.status}`);
    await org.call(`/jobs/ingest/${id}`, {
        method: 'PATCH',
        body: JSON.stringify({ state: 'UploadComplete' })
    });
    for (;;) {
        const info = (await (await org.call(`/jobs/ingest/${id}`)).json()) as {
            state: string;
            numberRecordsProcessed: number;
        };
        if (info.state === 'JobComplete' && info.numberRecordsProcessed === rows.length) break;
        if (info.state !== 'InProgress' && info.state !== 'UploadComplete')
            throw new Error(`raw ingest ended ${info.state}`);
        await new Promise((r) => setTimeout(r, 20));
    }
    return performance.now() - t;
}

async function loadWithJsforce(conn: Connection, input: BenchLead[]): Promise<void> {
    const res = await conn.bulk2.loadAndWaitForResults({
        object: 'Lead',
        operation: 'insert',
        input,
        pollInterval: 50,
        pollTimeout: 1_200_000
    });
    if (res.successfulResults.length !== input.length)
        throw new Error(
            `bulk loaded ${res.successfulResults.length} of ${input.length} (${res.failedResults[0]?.sf__Error})`
        );
}

/**
 * ms jsforce takes for the same load against a server answering with the org's recorded
 * responses to its last jsforce job (the same result files, byte for byte): the median of RUNS.
 */
async function jsforceFloor(org: OrgProcess, leads: number, leadsOf: LeadsOf): Promise<number> {
    const jobs = (await (await org.call('/jobs/ingest')).json()) as {
        records: { id: string; numberRecordsProcessed: number }[];
    };
    const last = jobs.records.filter((j) => j.numberRecordsProcessed === leads).at(-1);
    if (!last) throw new Error('no jsforce job to record');
    const job = `${API}/jobs/ingest/${last.id}`;
    const complete = await record('GET', job, await org.call(`/jobs/ingest/${last.id}`));
    const inState = (state: string): Recorded => {
        const info = JSON.parse(complete.body.toString('utf8')) as Record<string, unknown>;
        return { ...complete, body: Buffer.from(JSON.stringify({ ...info, state })) };
    };
    const responses: Recorded[] = [
        { ...inState('Open'), method: 'POST', url: `${API}/jobs/ingest` },
        { ...inState('UploadComplete'), method: 'PATCH' },
        complete,
        {
            method: 'PUT',
            url: `${job}/batches`,
            status: 201,
            contentType: 'text/plain',
            body: Buffer.alloc(0)
        }
    ];
    for (const results of ['successfulResults', 'failedResults', 'unprocessedrecords'])
        responses.push(
            await record(
                'GET',
                `${job}/${results}`,
                await org.call(`/jobs/ingest/${last.id}/${results}`)
            )
        );
    const server = await startReplayServer(responses);
    try {
        const conn = new jsforce.Connection({
            instanceUrl: server.instanceUrl,
            accessToken: 'replay',
            version: API_VERSION
        });
        const times: number[] = [];
        for (let run = 0; run < RUNS; run++) {
            const input = leadsOf(leads, `floor${run}-`);
            const t = performance.now();
            await loadWithJsforce(conn, input);
            times.push(performance.now() - t);
        }
        return median(times);
    } finally {
        await server.close();
    }
}
