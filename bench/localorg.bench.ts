/**
 * The local org, as ratios against plain better-sqlite3 doing the same work in
 * the same run (the floor the local org builds on):
 *   - query throughput: jsforce query + queryMore of 5,000 leads with owner
 *     fields, against one SQLite SELECT ... LEFT JOIN of the same rows;
 *   - Bulk API 2.0 ingest of 100,000 leads through jsforce, against one
 *     SQLite transaction inserting the same rows;
 *   - peak memory (VmHWM) of the local org's own process after holding and
 *     ingesting 100,000 leads (target: under 500 MB); the org runs in a child
 *     process so the client's memory is not counted.
 *
 *   npx tsx bench/localorg.bench.ts [--leads 100000] [--json]
 */
import Database from 'better-sqlite3';
import jsforce from 'jsforce';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import readline from 'node:readline';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cond, soql } from '../cli/src/api/soql';
import { API_VERSION } from '../core/src/index';

function arg(name: string, fallback: number): number {
    const i = process.argv.indexOf(`--${name}`);
    const n = i >= 0 ? Number(process.argv[i + 1]) : fallback;
    return Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
}

function median(values: number[]): number {
    const s = [...values].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)];
}

const LEADS = arg('leads', 100_000);
const QUERY_ROWS = 5_000;
const RUNS = 5;

const dir = mkdtempSync(path.join(tmpdir(), 'leadloop-bench-'));
// Node itself with tsx's loader (not npx/tsx wrappers), so SIGTERM reaches the org process.
const child = spawn(
    process.execPath,
    [
        '--import',
        'tsx',
        path.join(import.meta.dirname, 'localorgProcess.ts'),
        path.join(dir, 'org')
    ],
    {
        stdio: ['ignore', 'pipe', 'inherit']
    }
);
const first = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`local org process exited (${code})`)));
});
const org = JSON.parse(first) as { instanceUrl: string; accessToken: string; pid: number };
function peakMB(): number {
    const status = readFileSync(`/proc/${org.pid}/status`, 'utf8');
    return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}
const conn = new jsforce.Connection({
    instanceUrl: org.instanceUrl,
    accessToken: org.accessToken,
    version: API_VERSION
});
const baseline = new Database(path.join(dir, 'baseline.sqlite'));
baseline.pragma('journal_mode = WAL');
baseline.pragma('synchronous = NORMAL');

function leadRow(i: number) {
    return {
        LastName: `Bench${i}`,
        Company: `Company ${i % 997}`,
        Email: `lead${i}@example.org`,
        Status: i % 3 ? 'New' : 'Working',
        LL_Source_Id__c: `bench-${i}`
    };
}

try {
    // --- query throughput (5,000 leads with owner fields) ---
    const created = (await conn.sobject('User').create(
        [0, 1, 2].map((i) => ({
            LastName: `Owner${i}`,
            Username: `owner${i}@bench.local`,
            IsActive: i !== 2
        }))
    )) as { id: string }[];
    const owners = created.map((c) => c.id);
    const seeded = await conn.bulk2.loadAndWaitForResults({
        object: 'Lead',
        operation: 'insert',
        input: Array.from({ length: QUERY_ROWS }, (_, i) => ({
            ...leadRow(i),
            LL_Source_Id__c: `q-${i}`,
            OwnerId: owners[i % 3]
        })),
        pollInterval: 100,
        pollTimeout: 120_000
    });
    if (seeded.successfulResults.length !== QUERY_ROWS) throw new Error('query rows did not load');
    baseline.exec(
        'CREATE TABLE "User" ("Id" TEXT PRIMARY KEY, "Name" TEXT, "IsActive" INTEGER); CREATE TABLE "Lead" ("Id" TEXT PRIMARY KEY, "LastName" TEXT, "Company" TEXT, "Email" TEXT, "Status" TEXT, "OwnerId" TEXT, "LL_Source_Id__c" TEXT UNIQUE)'
    );
    const insertUser = baseline.prepare('INSERT INTO "User" VALUES (?, ?, ?)');
    const insertLead = baseline.prepare('INSERT INTO "Lead" VALUES (?, ?, ?, ?, ?, ?, ?)');
    baseline.transaction(() => {
        owners.forEach((id, i) => insertUser.run(id, `Owner${i}`, i !== 2 ? 1 : 0));
        for (let i = 0; i < QUERY_ROWS; i++) {
            const r = leadRow(i);
            insertLead.run(
                `q${i}`,
                r.LastName,
                r.Company,
                r.Email,
                r.Status,
                owners[i % 3],
                `q-${i}`
            );
        }
    })();
    const query = soql({
        select: ['Id', 'Name', 'Company', 'Status', 'Owner.Name', 'Owner.IsActive'],
        from: 'Lead',
        where: [cond('LastName', 'LIKE', 'Bench%')]
    });
    const orgTimes: number[] = [];
    const sqlTimes: number[] = [];
    const select = baseline.prepare(
        'SELECT l."Id", l."LastName", l."Company", l."Status", u."Name", u."IsActive" FROM "Lead" l LEFT JOIN "User" u ON u."Id" = l."OwnerId"'
    );
    for (let run = 0; run < RUNS; run++) {
        let t = performance.now();
        let page = await conn.query(query);
        let n = page.records.length;
        while (!page.done) {
            page = await conn.queryMore(page.nextRecordsUrl!);
            n += page.records.length;
        }
        if (n !== QUERY_ROWS) throw new Error(`query returned ${n} rows, expected ${QUERY_ROWS}`);
        orgTimes.push(performance.now() - t);
        t = performance.now();
        const rows = select.all();
        void query;
        if (rows.length !== QUERY_ROWS) throw new Error('baseline row count');
        sqlTimes.push(performance.now() - t);
    }
    const orgQps = QUERY_ROWS / (median(orgTimes) / 1000);
    const sqlQps = QUERY_ROWS / (median(sqlTimes) / 1000);

    // --- Bulk 2.0 ingest of LEADS leads ---
    const input = Array.from({ length: LEADS }, (_, i) => leadRow(QUERY_ROWS + i));
    let t = performance.now();
    const res = await conn.bulk2.loadAndWaitForResults({
        object: 'Lead',
        operation: 'insert',
        input,
        pollInterval: 250,
        pollTimeout: 600_000
    });
    const bulkMs = performance.now() - t;
    if (res.successfulResults.length !== LEADS)
        throw new Error(
            `bulk loaded ${res.successfulResults.length} of ${LEADS} (${res.failedResults[0]?.sf__Error})`
        );
    baseline.exec('DELETE FROM "Lead"');
    t = performance.now();
    baseline.transaction(() => {
        for (let i = 0; i < LEADS; i++) {
            const r = input[i];
            insertLead.run(
                `b${i}`,
                r.LastName,
                r.Company,
                r.Email,
                r.Status,
                null,
                r.LL_Source_Id__c
            );
        }
    })();
    const sqlInsertMs = performance.now() - t;
    const peakRss = peakMB();

    const result = {
        query: {
            rows: QUERY_ROWS,
            localOrgRecordsPerSecond: Math.round(orgQps),
            sqliteRecordsPerSecond: Math.round(sqlQps),
            ratio: orgQps / sqlQps
        },
        bulkIngest: {
            leads: LEADS,
            localOrgSeconds: bulkMs / 1000,
            localOrgRecordsPerSecond: Math.round(LEADS / (bulkMs / 1000)),
            sqliteSeconds: sqlInsertMs / 1000,
            ratio: sqlInsertMs / bulkMs
        },
        peakRssMB: peakRss,
        peakRssTargetMB: 500
    };
    if (process.argv.includes('--json')) {
        console.log(JSON.stringify(result, null, 2));
    } else {
        console.log(
            `local org (median of ${RUNS} runs for queries; ratios against plain better-sqlite3 in the same run)`
        );
        console.table({
            'query 5,000 leads + owner (records/s)': {
                'local org': result.query.localOrgRecordsPerSecond,
                sqlite: result.query.sqliteRecordsPerSecond,
                ratio: result.query.ratio.toFixed(3)
            },
            [`Bulk 2.0 ingest ${LEADS} leads (records/s)`]: {
                'local org': result.bulkIngest.localOrgRecordsPerSecond,
                sqlite: Math.round(LEADS / result.bulkIngest.sqliteSeconds),
                ratio: result.bulkIngest.ratio.toFixed(3)
            },
            'peak RSS (MB)': {
                'local org': result.peakRssMB,
                sqlite: '',
                ratio: `${(result.peakRssMB / 500).toFixed(2)} of the 500 MB target`
            }
        });
    }
} finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    baseline.close();
    rmSync(dir, { recursive: true, force: true });
}
