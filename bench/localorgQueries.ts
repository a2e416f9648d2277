/**
 * The local org's SOQL reads (issue 17, target ≥ 0.3× plain SQLite): ROWS leads with their
 * owners' fields through query + queryMore, with jsforce and over raw HTTP, against one
 * better-sqlite3 SELECT ... LEFT JOIN of the same rows from a minimal table (the issue's
 * baseline) and from a copy of the org's own Lead and User tables (same schema and rows).
 * Both clients are also timed against a server that does no work (replayServer.ts, answering
 * with the org's own recorded pages): each client's own share, the most its ratio can reach.
 */
import jsforce, { type Connection } from 'jsforce';
import { cond, soql } from '../cli/src/api/soql';
import { API_VERSION } from '../core/src/index';
import { median, type OrgProcess } from './orgProcess';
import { record, startReplayServer, type Recorded } from './replayServer';
import type { BenchLead, SqliteBaseline } from './sqliteBaseline';

const ROWS = 5_000;
const RUNS = 7;
/**
 * Query runs before the measured ones, for every reader alike (org, jsforce, both SQLite
 * baselines): the first runs of a new query shape measure V8 compiling the code paths, not
 * their speed (the org's first 5,000-row read took 100-170 ms, its fifth 30 ms).
 */
const WARMUP_RUNS = 3;
const API = `/services/data/v${API_VERSION}`;

export interface QueryResult {
    rows: number;
    /** Median ms of a whole read, per reader. */
    ms: {
        jsforce: number;
        http: number;
        jsforceFloor: number;
        httpFloor: number;
        sqlite: number;
        orgSchema: number;
    };
}

type Reader = () => Promise<number> | number;

/** Median ms of each reader over RUNS runs after WARMUP_RUNS, the readers taking turns. */
async function timeReaders<K extends string>(
    readers: Record<K, Reader>
): Promise<Record<K, number>> {
    const times = Object.fromEntries(
        Object.keys(readers).map((k) => [k, [] as number[]])
    ) as Record<K, number[]>;
    for (let run = -WARMUP_RUNS; run < RUNS; run++) {
        for (const name of Object.keys(readers) as K[]) {
            const t = performance.now();
            const n = await readers[name]();
            const ms = performance.now() - t;
            if (n !== ROWS) throw new Error(`${name} read ${n} rows, expected ${ROWS}`);
            if (run >= 0) times[name].push(ms);
        }
    }
    return Object.fromEntries(
        Object.entries(times).map(([k, list]) => [k, median(list as number[])])
    ) as Record<K, number>;
}

/** Reads every page of the query with jsforce; answers the rows. */
async function readWithJsforce(conn: Connection, query: string): Promise<number> {
    let page = await conn.query(query);
    let n = page.records.length;
    while (!page.done) {
        page = await conn.queryMore(page.nextRecordsUrl!);
        n += page.records.length;
    }
    return n;
}

/** Reads every page over plain fetch (each body parsed); answers the rows. */
async function readRaw(instanceUrl: string, token: string, query: string): Promise<number> {
    let url = `${API}/query?q=${encodeURIComponent(query)}`;
    let n = 0;
    for (;;) {
        const res = await fetch(`${instanceUrl}${url}`, {
            headers: { Authorization: `Bearer ${token}` }
        });
        const body = (await res.json()) as { records: unknown[]; nextRecordsUrl?: string };
        n += body.records.length;
        if (!body.nextRecordsUrl) return n;
        url = body.nextRecordsUrl;
    }
}

export async function measureQueries(
    org: OrgProcess,
    conn: Connection,
    baseline: SqliteBaseline,
    orgDatabase: string,
    leadsOf: (count: number, prefix: string) => BenchLead[]
): Promise<QueryResult> {
    const created = (await conn.sobject('User').create(
        [0, 1, 2].map((i) => ({
            LastName: `Owner${i}`,
            Username: `owner${i}@bench.local`,
            IsActive: i !== 2
        }))
    )) as { id: string }[];
    const owners = created.map((c, i) => ({ id: c.id, name: `Owner${i}`, active: i !== 2 }));
    const leads = leadsOf(ROWS, 'q').map((lead, i) => ({ ...lead, OwnerId: owners[i % 3].id }));
    const seeded = await conn.bulk2.loadAndWaitForResults({
        object: 'Lead',
        operation: 'insert',
        input: leads,
        pollInterval: 100,
        pollTimeout: 120_000
    });
    if (seeded.successfulResults.length !== ROWS) throw new Error('query rows did not load');
    const query = soql({
        select: ['Id', 'Name', 'Company', 'Status', 'Owner.Name', 'Owner.IsActive'],
        from: 'Lead',
        where: [cond('LastName', 'LIKE', 'Bench%')]
    });
    const replay = await startReplayServer(await recordPages(org, query));
    try {
        const floorConn = new jsforce.Connection({
            instanceUrl: replay.instanceUrl,
            accessToken: 'replay',
            version: API_VERSION
        });
        const readMinimal = baseline.minimalReaderOf(leads, owners);
        const readOrgSchema = baseline.orgSchemaReaderOf(orgDatabase, 'Bench%');
        const ms = await timeReaders({
            jsforce: () => readWithJsforce(conn, query),
            http: () => readRaw(org.instanceUrl, org.accessToken, query),
            jsforceFloor: () => readWithJsforce(floorConn, query),
            httpFloor: () => readRaw(replay.instanceUrl, 'replay', query),
            sqlite: readMinimal,
            orgSchema: readOrgSchema
        });
        return { rows: ROWS, ms };
    } finally {
        await replay.close();
    }
}

/** The org's pages of the query, recorded (as read, one cursor) for the replay server. */
async function recordPages(org: OrgProcess, query: string): Promise<Recorded[]> {
    const pages: Recorded[] = [];
    for (let url: string | undefined = `${API}/query?q=${encodeURIComponent(query)}`; url;) {
        const page = await record('GET', url, await org.call(url.slice(API.length)));
        pages.push(page);
        url = (JSON.parse(page.body.toString('utf8')) as { nextRecordsUrl?: string })
            .nextRecordsUrl;
    }
    return pages;
}
