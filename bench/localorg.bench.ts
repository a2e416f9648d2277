/**
 * The local org's speed and memory, each against a baseline measured in the same run. The
 * org runs in its own process (bench/localorgProcess.ts), so the client's work and memory
 * are not counted as the org's.
 *   - SOQL reads (issue 17, target ≥ 0.3×): 5,000 leads with owner fields through query +
 *     queryMore, with jsforce and over raw HTTP, against one better-sqlite3 SELECT ... LEFT
 *     JOIN of the same rows, twice: from a minimal table (the issue's baseline) and from a
 *     copy of the org's own Lead and User tables (same schema, same rows, same columns and
 *     filter).
 *   - Bulk API 2.0 ingest (issue 17, target ≥ 0.25×): 100,000 leads, with jsforce
 *     (loadAndWaitForResults: its CSV, the upload, polls, the result files) and over raw
 *     HTTP (upload to JobComplete, the CSV made beforehand as the baseline's rows are),
 *     against one better-sqlite3 transaction inserting the same rows, twice: into a minimal
 *     table (the issue's baseline: 7 columns, 2 indexes) and into a copy of the org's own Lead
 *     table (its 80-odd columns and 8 indexes, the columns the org sets on a lead). Both
 *     ratios are printed; the target is the issue's, against the minimal table.
 *   - A 100 MB CSV through Bulk 2.0 (issue 12, bench/bigIngest.ts): the org's peak resident
 *     memory against its idle figure (target < 2×), and simple queries' latency during the
 *     job against idle.
 *   - The first `npm start` (issue 17, target < 10 s): a new org seeds and scores the 5,000
 *     demo leads (scripts/seedDemo.ts, in the org's process as `npm start` runs it; the
 *     one-time builds `npm start` does when its outputs are stale are not counted).
 *
 *   npx tsx bench/localorg.bench.ts [--leads 100000] [--demo-leads 5000] [--big-mb 100]
 *     [--skip-big] [--json]
 */
import jsforce, { type Connection } from 'jsforce';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cond, soql } from '../cli/src/api/soql';
import { API_VERSION } from '../core/src/index';
import { toCsv } from '../localorg/src/csv';
import { measureBigIngest, type BigIngestResult } from './bigIngest';
import { median, startOrgProcess, type OrgProcess } from './orgProcess';
import { SqliteBaseline, type BenchLead } from './sqliteBaseline';
import { arg } from './synthetic';

const LEADS = arg('leads', 100_000);
const DEMO_LEADS = arg('demo-leads', 5_000);
/** The big upload in MB (default: the org's whole 100 MB upload limit). */
const BIG_MB = arg('big-mb', 100);
const QUERY_ROWS = 5_000;
const RUNS = 7;
/**
 * Query runs before the measured ones, for every reader alike (org, jsforce, both SQLite
 * baselines): the first runs of a new query shape measure V8 compiling the code paths, not
 * their speed (the org's first 5,000-row read took 100-170 ms, its fifth 30 ms).
 */
const WARMUP_RUNS = 3;
const json = process.argv.includes('--json');
const log = (s: string) => {
    if (!json) console.error(s);
};

const dir = mkdtempSync(path.join(tmpdir(), 'leadloop-bench-'));
const baseline = new SqliteBaseline(dir);
const orgs: OrgProcess[] = [];
const startOrg = async (name: string, args: string[] = []) => {
    const org = await startOrgProcess(path.join(dir, name), args);
    orgs.push(org);
    return org;
};

function leadRow(i: number, prefix = 'bench'): BenchLead {
    return {
        LastName: `Bench${i}`,
        Company: `Company ${i % 997}`,
        Email: `lead${i}@example.org`,
        Status: i % 3 ? 'New' : 'Working',
        LL_Source_Id__c: `${prefix}-${i}`
    };
}

const perSecond = (rows: number, ms: number) => Math.round(rows / (ms / 1000));

async function measureQueries(org: OrgProcess, conn: Connection) {
    const created = (await conn.sobject('User').create(
        [0, 1, 2].map((i) => ({
            LastName: `Owner${i}`,
            Username: `owner${i}@bench.local`,
            IsActive: i !== 2
        }))
    )) as { id: string }[];
    const owners = created.map((c, i) => ({ id: c.id, name: `Owner${i}`, active: i !== 2 }));
    const leads = Array.from({ length: QUERY_ROWS }, (_, i) => ({
        ...leadRow(i, 'q'),
        OwnerId: owners[i % 3].id
    }));
    const seeded = await conn.bulk2.loadAndWaitForResults({
        object: 'Lead',
        operation: 'insert',
        input: leads,
        pollInterval: 100,
        pollTimeout: 120_000
    });
    if (seeded.successfulResults.length !== QUERY_ROWS) throw new Error('query rows did not load');
    const readMinimal = baseline.minimalReaderOf(leads, owners);
    const readOrgSchema = baseline.orgSchemaReaderOf(
        path.join(dir, 'query', 'org.sqlite'),
        'Bench%'
    );
    const query = soql({
        select: ['Id', 'Name', 'Company', 'Status', 'Owner.Name', 'Owner.IsActive'],
        from: 'Lead',
        where: [cond('LastName', 'LIKE', 'Bench%')]
    });
    const times = {
        jsforce: [] as number[],
        http: [] as number[],
        sqlite: [] as number[],
        orgSchema: [] as number[]
    };
    for (let run = -WARMUP_RUNS; run < RUNS; run++) {
        // Negative runs warm up: measured like the others, then dropped below.
        let t = performance.now();
        let page = await conn.query(query);
        let n = page.records.length;
        while (!page.done) {
            page = await conn.queryMore(page.nextRecordsUrl!);
            n += page.records.length;
        }
        times.jsforce.push(performance.now() - t);
        if (n !== QUERY_ROWS) throw new Error(`query returned ${n} rows, expected ${QUERY_ROWS}`);
        t = performance.now();
        let url = `/query?q=${encodeURIComponent(query)}`;
        for (n = 0; ;) {
            const body = (await (await org.call(url)).json()) as {
                records: unknown[];
                nextRecordsUrl?: string;
            };
            n += body.records.length;
            if (!body.nextRecordsUrl) break;
            url = body.nextRecordsUrl.replace(`/services/data/v${API_VERSION}`, '');
        }
        times.http.push(performance.now() - t);
        if (n !== QUERY_ROWS) throw new Error(`raw query returned ${n} rows`);
        t = performance.now();
        if (readMinimal() !== QUERY_ROWS) throw new Error('baseline row count');
        times.sqlite.push(performance.now() - t);
        t = performance.now();
        if (readOrgSchema() !== QUERY_ROWS) throw new Error('same-schema baseline row count');
        times.orgSchema.push(performance.now() - t);
    }
    for (const list of Object.values(times)) list.splice(0, WARMUP_RUNS);
    return {
        rows: QUERY_ROWS,
        jsforceRecordsPerSecond: perSecond(QUERY_ROWS, median(times.jsforce)),
        httpRecordsPerSecond: perSecond(QUERY_ROWS, median(times.http)),
        sqliteRecordsPerSecond: perSecond(QUERY_ROWS, median(times.sqlite)),
        sqliteOrgSchemaRecordsPerSecond: perSecond(QUERY_ROWS, median(times.orgSchema)),
        jsforceRatio: median(times.sqlite) / median(times.jsforce),
        httpRatio: median(times.sqlite) / median(times.http),
        jsforceOrgSchemaRatio: median(times.orgSchema) / median(times.jsforce),
        httpOrgSchemaRatio: median(times.orgSchema) / median(times.http)
    };
}

async function measureIngest(org: OrgProcess, conn: Connection) {
    // Raw HTTP: the CSV made beforehand (as the baseline's rows are), upload → JobComplete.
    const raw = Array.from({ length: LEADS }, (_, i) => leadRow(QUERY_ROWS + i, 'raw'));
    const csv = toCsv(
        Object.keys(raw[0]),
        raw.map((r) => Object.values(r))
    );
    let t = performance.now();
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
        if (info.state === 'JobComplete' && info.numberRecordsProcessed === LEADS) break;
        if (info.state !== 'InProgress' && info.state !== 'UploadComplete')
            throw new Error(`raw ingest ended ${info.state}`);
        await new Promise((r) => setTimeout(r, 20));
    }
    const httpMs = performance.now() - t;

    // jsforce, as a client runs it (its CSV, the upload, polls, both result files).
    const input = Array.from({ length: LEADS }, (_, i) => leadRow(QUERY_ROWS + i));
    t = performance.now();
    const res = await conn.bulk2.loadAndWaitForResults({
        object: 'Lead',
        operation: 'insert',
        input,
        pollInterval: 50,
        pollTimeout: 1_200_000
    });
    const jsforceMs = performance.now() - t;
    if (res.successfulResults.length !== LEADS)
        throw new Error(
            `bulk loaded ${res.successfulResults.length} of ${LEADS} (${res.failedResults[0]?.sf__Error})`
        );
    const sqliteMs = baseline.insertMinimal(input);
    const orgSchemaMs = baseline.insertOrgSchema(path.join(dir, 'query', 'org.sqlite'), input);
    return {
        leads: LEADS,
        jsforceSeconds: jsforceMs / 1000,
        httpSeconds: httpMs / 1000,
        sqliteSeconds: sqliteMs / 1000,
        sqliteOrgSchemaSeconds: orgSchemaMs / 1000,
        jsforceRatio: sqliteMs / jsforceMs,
        httpRatio: sqliteMs / httpMs,
        jsforceOrgSchemaRatio: orgSchemaMs / jsforceMs,
        httpOrgSchemaRatio: orgSchemaMs / httpMs,
        orgSchemaRatio: sqliteMs / orgSchemaMs
    };
}

try {
    log('queries and Bulk 2.0 ingest…');
    const org = await startOrg('query');
    const conn = new jsforce.Connection({
        instanceUrl: org.instanceUrl,
        accessToken: org.accessToken,
        version: API_VERSION
    });
    const query = await measureQueries(org, conn);
    const bulkIngest = await measureIngest(org, conn);
    await org.stop();

    let big: BigIngestResult | undefined;
    if (!process.argv.includes('--skip-big')) {
        log('100 MB ingest…');
        const bigOrg = await startOrg('big');
        big = await measureBigIngest(bigOrg, path.join(dir, 'big.csv'), BIG_MB, log);
        await bigOrg.stop();
    }

    log(`first start with ${DEMO_LEADS} demo leads…`);
    const seeded = await startOrg('demo', ['--seed-demo', String(DEMO_LEADS)]);
    const firstStart = {
        leads: DEMO_LEADS,
        startSeconds: Number(seeded.info.startMs) / 1000,
        seedAndScoreSeconds: Number(seeded.info.seedMs) / 1000,
        seedAndScoreCpuSeconds: Number(seeded.info.seedCpuMs) / 1000,
        targetSeconds: 10
    };
    await seeded.stop();

    const result = { query, bulkIngest, bigIngest: big, firstStart };
    if (json) {
        console.log(JSON.stringify(result, null, 2));
    } else {
        printTable(result);
    }
} finally {
    for (const org of orgs) await org.stop();
    baseline.close();
    rmSync(dir, { recursive: true, force: true });
}

function printTable(r: {
    query: Awaited<ReturnType<typeof measureQueries>>;
    bulkIngest: Awaited<ReturnType<typeof measureIngest>>;
    bigIngest?: BigIngestResult;
    firstStart: {
        leads: number;
        startSeconds: number;
        seedAndScoreSeconds: number;
        seedAndScoreCpuSeconds: number;
    };
}): void {
    const { query: q, bulkIngest: b, bigIngest: big, firstStart: f } = r;
    const ingestRate = (s: number) => perSecond(b.leads, s * 1000);
    // Each of the org's figures against both baselines: the minimal table (the issue's
    // target) and the same schema as the org's (the floor for the org's own table).
    const against = (
        org: number,
        minimal: number,
        ratio: number,
        sameSchema: number,
        sameRatio: number,
        target: string
    ) => ({
        'local org': org,
        baseline: minimal,
        ratio: ratio.toFixed(3),
        'same-schema baseline': sameSchema,
        'ratio (same schema)': sameRatio.toFixed(3),
        target
    });
    const rows: Record<string, Record<string, string | number>> = {
        [`SOQL ${q.rows} leads + owner, jsforce (rec/s)`]: against(
            q.jsforceRecordsPerSecond,
            q.sqliteRecordsPerSecond,
            q.jsforceRatio,
            q.sqliteOrgSchemaRecordsPerSecond,
            q.jsforceOrgSchemaRatio,
            '≥ 0.3'
        ),
        [`SOQL ${q.rows} leads + owner, raw HTTP (rec/s)`]: against(
            q.httpRecordsPerSecond,
            q.sqliteRecordsPerSecond,
            q.httpRatio,
            q.sqliteOrgSchemaRecordsPerSecond,
            q.httpOrgSchemaRatio,
            '≥ 0.3'
        ),
        [`Bulk 2.0 ${b.leads} leads, jsforce (rec/s)`]: against(
            ingestRate(b.jsforceSeconds),
            ingestRate(b.sqliteSeconds),
            b.jsforceRatio,
            ingestRate(b.sqliteOrgSchemaSeconds),
            b.jsforceOrgSchemaRatio,
            '≥ 0.25'
        ),
        [`Bulk 2.0 ${b.leads} leads, upload → JobComplete (rec/s)`]: against(
            ingestRate(b.httpSeconds),
            ingestRate(b.sqliteSeconds),
            b.httpRatio,
            ingestRate(b.sqliteOrgSchemaSeconds),
            b.httpOrgSchemaRatio,
            '≥ 0.25'
        ),
        [`SQLite into a copy of the org's Lead table (rec/s)`]: {
            'local org': ingestRate(b.sqliteOrgSchemaSeconds),
            baseline: ingestRate(b.sqliteSeconds),
            ratio: b.orgSchemaRatio.toFixed(3),
            'same-schema baseline': '',
            'ratio (same schema)': '',
            target: '(the floor)'
        }
    };
    if (big) {
        rows[`peak RSS, ${big.csvMB.toFixed(0)} MB CSV ingest (MB)`] = {
            'local org': Math.round(big.peakRssMB),
            baseline: `${Math.round(big.idleRssMB)} idle`,
            ratio: (big.peakRssMB / big.idleRssMB).toFixed(2),
            target: '< 2'
        };
        rows['simple query during it, median (ms)'] = {
            'local org': big.ingestLatencyMs.median.toFixed(1),
            baseline: `${big.idleLatencyMs.median.toFixed(1)} idle`,
            ratio: (big.ingestLatencyMs.median / big.idleLatencyMs.median).toFixed(2),
            target: ''
        };
        rows['simple query during it, p95 (ms)'] = {
            'local org': big.ingestLatencyMs.p95.toFixed(1),
            baseline: `${big.idleLatencyMs.p95.toFixed(1)} idle`,
            ratio: (big.ingestLatencyMs.p95 / big.idleLatencyMs.p95).toFixed(2),
            target: `max ${big.ingestLatencyMs.max.toFixed(0)} ms`
        };
    }
    rows[`first start: seed + score ${f.leads} demo leads (s)`] = {
        'local org': f.seedAndScoreSeconds.toFixed(2),
        baseline: `${f.seedAndScoreCpuSeconds.toFixed(2)} CPU`,
        ratio: '',
        target: '< 10'
    };
    console.log(
        `local org against plain better-sqlite3 (baseline: a minimal table; same-schema baseline: a copy of the org's own tables) or itself idle, in the same run`
    );
    console.table(rows);
    if (big)
        console.log(
            `100 MB job: ${big.rows} rows; upload ${big.seconds.upload.toFixed(1)} s (VmRSS up to ${Math.round(big.phaseRssMB.upload)} MB), processing ${big.seconds.processing.toFixed(1)} s (${Math.round(big.phaseRssMB.processing)} MB), results ${big.seconds.results.toFixed(1)} s (${Math.round(big.phaseRssMB.results)} MB); ${big.ingestLatencyMs.samples} simple queries during it`
        );
}
