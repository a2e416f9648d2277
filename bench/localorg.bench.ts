/**
 * The local org's speed and memory, each against a baseline measured in the same run. The
 * org runs in its own process (bench/localorgProcess.ts), so the client's work and memory
 * are not counted as the org's.
 *   - SOQL reads (issue 17, target ≥ 0.3×; localorgQueries.ts): 5,000 leads with owner fields
 *     through query + queryMore, with jsforce and over raw HTTP, against one better-sqlite3
 *     SELECT ... LEFT JOIN of the same rows from a minimal table (the issue's baseline) and
 *     from a copy of the org's own Lead and User tables.
 *   - Bulk API 2.0 ingest (issue 17, target ≥ 0.25×; localorgIngest.ts): 100,000 leads over raw
 *     HTTP (upload → JobComplete) and with jsforce (loadAndWaitForResults), against one
 *     better-sqlite3 transaction inserting the same rows into a minimal table (the issue's
 *     baseline: 7 columns, 2 indexes) and into a copy of the org's own Lead table.
 *   - For both, each client against a server that does no work (replayServer.ts: the org's
 *     recorded responses): the client's own share of the time, the most its ratio can reach.
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
import jsforce from 'jsforce';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { API_VERSION } from '../core/src/index';
import { measureBigIngest, type BigIngestResult } from './bigIngest';
import { measureIngest, type IngestResult } from './localorgIngest';
import { measureQueries, type QueryResult } from './localorgQueries';
import { startOrgProcess, type OrgProcess } from './orgProcess';
import { SqliteBaseline, type BenchLead } from './sqliteBaseline';
import { arg } from './synthetic';

const LEADS = arg('leads', 100_000);
const DEMO_LEADS = arg('demo-leads', 5_000);
/** The big upload in MB (default: the org's whole 100 MB upload limit). */
const BIG_MB = arg('big-mb', 100);
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

/** `count` leads, each with its own external id `<prefix>-<n>` and email. */
function leadsOf(count: number, prefix: string): BenchLead[] {
    return Array.from({ length: count }, (_, i) => ({
        LastName: `Bench${i}`,
        Company: `Company ${i % 997}`,
        Email: `lead${i}@example.org`,
        Status: i % 3 ? 'New' : 'Working',
        LL_Source_Id__c: `${prefix}-${i}`
    }));
}

const perSecond = (rows: number, ms: number) => Math.round(rows / (ms / 1000));

try {
    log('queries and Bulk 2.0 ingest…');
    const org = await startOrg('query');
    const conn = new jsforce.Connection({
        instanceUrl: org.instanceUrl,
        accessToken: org.accessToken,
        version: API_VERSION
    });
    const orgDatabase = path.join(dir, 'query', 'org.sqlite');
    const query = await measureQueries(org, conn, baseline, orgDatabase, leadsOf);
    const bulkIngest = await measureIngest(org, conn, baseline, orgDatabase, LEADS, leadsOf);
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
    const firstStart: FirstStart = {
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

type FirstStart = {
    leads: number;
    startSeconds: number;
    seedAndScoreSeconds: number;
    seedAndScoreCpuSeconds: number;
    targetSeconds: number;
};

/**
 * One client's figure against both baselines (the minimal table, the issue's; the org's own
 * schema, the floor for the org's table) and its own share: the client against a server doing
 * no work, whose ratio is the most the client's can reach.
 */
function against(
    rows: number,
    orgMs: number,
    minimalMs: number,
    sameSchemaMs: number,
    target: string,
    clientAloneMs?: number
): Record<string, string | number> {
    return {
        'local org': perSecond(rows, orgMs),
        baseline: perSecond(rows, minimalMs),
        ratio: (minimalMs / orgMs).toFixed(3),
        'same-schema baseline': perSecond(rows, sameSchemaMs),
        'ratio (same schema)': (sameSchemaMs / orgMs).toFixed(3),
        'client alone': clientAloneMs === undefined ? '' : perSecond(rows, clientAloneMs),
        'its ratio (the most)':
            clientAloneMs === undefined ? '' : (minimalMs / clientAloneMs).toFixed(3),
        target
    };
}

function printTable(r: {
    query: QueryResult;
    bulkIngest: IngestResult;
    bigIngest?: BigIngestResult;
    firstStart: FirstStart;
}): void {
    const { query: q, bulkIngest: b, bigIngest: big, firstStart: f } = r;
    const ms = (seconds: number) => seconds * 1000;
    const rows: Record<string, Record<string, string | number>> = {
        [`SOQL ${q.rows} leads + owner, jsforce (rec/s)`]: against(
            q.rows,
            q.ms.jsforce,
            q.ms.sqlite,
            q.ms.orgSchema,
            '≥ 0.3',
            q.ms.jsforceFloor
        ),
        [`SOQL ${q.rows} leads + owner, raw HTTP (rec/s)`]: against(
            q.rows,
            q.ms.http,
            q.ms.sqlite,
            q.ms.orgSchema,
            '≥ 0.3',
            q.ms.httpFloor
        ),
        [`Bulk 2.0 ${b.leads} leads, jsforce (rec/s)`]: against(
            b.leads,
            ms(b.jsforceSeconds),
            ms(b.sqliteSeconds),
            ms(b.sqliteOrgSchemaSeconds),
            '≥ 0.25',
            ms(b.jsforceFloorSeconds)
        ),
        [`Bulk 2.0 ${b.leads} leads, upload → JobComplete (rec/s)`]: against(
            b.leads,
            ms(b.httpSeconds),
            ms(b.sqliteSeconds),
            ms(b.sqliteOrgSchemaSeconds),
            '≥ 0.25'
        ),
        [`SQLite into a copy of the org's Lead table (rec/s)`]: {
            'local org': perSecond(b.leads, ms(b.sqliteOrgSchemaSeconds)),
            baseline: perSecond(b.leads, ms(b.sqliteSeconds)),
            ratio: (b.sqliteSeconds / b.sqliteOrgSchemaSeconds).toFixed(3),
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
        `local org against plain better-sqlite3 (baseline: a minimal table; same-schema baseline: a copy of the org's own tables) or itself idle, in the same run; client alone: the client against a server answering with the org's recorded responses and doing no work`
    );
    console.table(rows);
    if (big)
        console.log(
            `100 MB job: ${big.rows} rows; upload ${big.seconds.upload.toFixed(1)} s (VmRSS up to ${Math.round(big.phaseRssMB.upload)} MB), processing ${big.seconds.processing.toFixed(1)} s (${Math.round(big.phaseRssMB.processing)} MB), results ${big.seconds.results.toFixed(1)} s (${Math.round(big.phaseRssMB.results)} MB); ${big.ingestLatencyMs.samples} simple queries during it`
        );
}
