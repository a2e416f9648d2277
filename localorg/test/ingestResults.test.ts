/**
 * Bulk 2.0 results carry each row's values as uploaded, read back from the job's upload rather
 * than stored twice: across uploads, with failures in between, and results stored by an
 * earlier version (with their values) are served as they were stored.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOrg, type LocalOrg } from '../src/index';
import { apiCall, runIngest } from './http';

let org: LocalOrg;
let dataDir: string;
let db: Database.Database;

beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'leadloop-results-'));
    org = await startLocalOrg({ dataDir });
    // A second connection to the org's database, to look at how results are stored.
    db = new Database(path.join(dataDir, 'org.sqlite'));
});

afterAll(async () => {
    db.close();
    await org.close();
    rmSync(dataDir, { recursive: true, force: true });
});

const stored = (job: string) =>
    (
        db.prepare('SELECT "results" FROM "_ll_ingest_results" WHERE "job" = ?').all(job) as {
            results: string;
        }[]
    ).flatMap((r) => JSON.parse(r.results) as unknown[][]);

describe('Bulk 2.0 results and the rows they came from', () => {
    it('lists every row with its own values, failures between successes, across uploads', async () => {
        const out = await runIngest(org, { object: 'Lead', operation: 'insert' }, [
            'LastName,Company,Status\nRes A,Acme A,New\nRes B,Acme B,Bogus\nRes C,Acme C,Working\n',
            'Company,Status,LastName\nAcme D,Bogus,Res D\nAcme E,New,Res E\n'
        ]);
        expect(out.info).toMatchObject({
            state: 'JobComplete',
            numberRecordsProcessed: 5,
            numberRecordsFailed: 2
        });
        expect(out.successful.map((r) => r.slice(1))).toEqual([
            ['sf__Created', 'LastName', 'Company', 'Status'],
            ['true', 'Res A', 'Acme A', 'New'],
            ['true', 'Res C', 'Acme C', 'Working'],
            ['true', 'Res E', 'Acme E', 'New']
        ]);
        expect(out.successful.slice(1).every((r) => /^00Q\w{15}$/.test(r[0]))).toBe(true);
        expect(out.failed.map((r) => r.slice(2))).toEqual([
            ['LastName', 'Company', 'Status'],
            ['Res B', 'Acme B', 'Bogus'],
            ['Res D', 'Acme D', 'Bogus']
        ]);
        expect(out.failed[1][1]).toMatch(/^INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST:/);
        // Stored: row, id and outcome only; the values stay in the upload alone.
        const results = stored(out.info.id);
        expect(results).toHaveLength(5);
        expect(results.every((r) => r.length === 3)).toBe(true);
    });

    it('serves results stored with their values (an earlier version’s) as they were stored', async () => {
        const out = await runIngest(org, { object: 'Lead', operation: 'insert' }, [
            'LastName,Company\nOld A,Acme\nOld B,Acme\n'
        ]);
        const rows = db
            .prepare(
                'SELECT "first", "success", "results" FROM "_ll_ingest_results" WHERE "job" = ?'
            )
            .all(out.info.id) as { first: number; success: number; results: string }[];
        const update = db.prepare(
            'UPDATE "_ll_ingest_results" SET "results" = ? WHERE "job" = ? AND "first" = ? AND "success" = ?'
        );
        for (const r of rows) {
            const withValues = (JSON.parse(r.results) as unknown[][]).map((x) => [
                ...x,
                [`Stored ${String(x[0])}`, 'As stored']
            ]);
            update.run(JSON.stringify(withValues), out.info.id, r.first, r.success);
        }
        const text = await (
            await apiCall(org, `/jobs/ingest/${out.info.id}/successfulResults`)
        ).text();
        const lines = text.trim().split('\n');
        expect(lines[0]).toBe('"sf__Id","sf__Created","LastName","Company"');
        expect(lines.slice(1).map((l) => l.split(',').slice(2).join(','))).toEqual([
            '"Stored 0","As stored"',
            '"Stored 1","As stored"'
        ]);
    });
});
