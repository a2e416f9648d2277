/**
 * The CLI against real local orgs (started in-process): seeding is idempotent
 * (collections and Bulk 2.0), scoring writes only changes, sync is
 * idempotent, and with faults injected (locked rows, a token expiring mid-run,
 * the API limit hit mid-run then --resume) the data ends exactly as in a
 * fault-free org, with nothing written twice.
 */
import jsforce from 'jsforce';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION, leadApiNames, SCORE_FIELD_KEYS } from '../../core/src/index';
import { startLocalOrg } from '../../localorg/src/index';
import { Api } from '../src/api';
import { cli, closeEnv, newEnv as newEnvIn, type Env } from './orgEnv';
import { scoreOrg } from '../src/score';
import { demoCounts, generateDemoData, seedOrg } from '../src/seed/index';
import { syncLeads } from '../src/sync';
import { seedDemoIfEmpty } from '../../scripts/seedDemo';

const NOW = '2026-11-22T12:00:00.000Z';
const LEADS = 400;
const data = generateDemoData({ leads: LEADS, now: new Date(NOW) });
const counts = demoCounts(data);

const envs: Env[] = [];

async function newEnv(): Promise<Env> {
    const env = await newEnvIn();
    envs.push(env);
    return env;
}

async function count(env: Env, object: string): Promise<number> {
    const res = await env.conn().query(`SELECT COUNT() FROM ${object}`);
    return res.totalSize;
}

/** Lead score fields by source id (what a rescore may change), in a stable form. */
async function leadSnapshot(env: Env): Promise<Record<string, unknown>> {
    const fields = ['LL_Source_Id__c', 'Status', ...leadApiNames(SCORE_FIELD_KEYS)];
    const rows = (await new Api(env.conn()).query(
        `SELECT ${fields.join(', ')} FROM Lead`
    )) as Record<string, unknown>[];
    return Object.fromEntries(
        rows.map((r) => [String(r.LL_Source_Id__c), fields.slice(1).map((f) => r[f] ?? null)])
    );
}

let reference: Env;
let faulty: Env;
let referenceWrites = 0;

beforeAll(async () => {
    reference = await newEnv();
    faulty = await newEnv();
}, 60_000);

afterAll(async () => {
    for (const env of envs) await closeEnv(env);
});

describe('seed', () => {
    it('loads the data set once; a second run creates nothing (collections)', async () => {
        const first = await seedOrg(reference.conn(), data, { score: false });
        expect(first.failures).toEqual([]);
        for (const o of first.objects) {
            if (o.object !== 'Group') expect(o.created, o.object).toBe(o.total);
        }
        const second = await seedOrg(reference.conn(), data, { score: false });
        expect(second.objects.every((o) => o.created === 0)).toBe(true);
        expect(second.failures).toEqual([]);
        for (const object of [
            'Lead',
            'Account',
            'Contact',
            'Opportunity',
            'Campaign',
            'Task',
            'Event',
            'CampaignMember'
        ]) {
            expect(await count(reference, object), object).toBe(counts[object]);
        }
        // Re-generated for another day, activities still match (nothing twice).
        const later = generateDemoData({ leads: LEADS, now: new Date('2026-11-25T12:00:00Z') });
        const third = await seedOrg(reference.conn(), later, { score: false });
        expect(third.objects.filter((o) => o.created > 0).map((o) => o.object)).toEqual([]);
    }, 60_000);

    it('with locked rows and an expiring token, via Bulk 2.0, the CLI loads the same data', async () => {
        faulty.org.setFaults({ lockRowShare: 0.1, expireTokenAfterCalls: 12, seed: 7 });
        const res = await cli(faulty, [
            'seed',
            '--leads',
            String(LEADS),
            '--now',
            NOW,
            '--no-score',
            '--bulk-threshold',
            '150'
        ]);
        faulty.org.setFaults({});
        expect(res.code, res.err).toBe(0);
        expect(res.json.status).toBe(0);
        expect(res.json.warnings.join('\n')).toMatch(/retry/i);
        for (const object of ['Lead', 'Contact', 'Task', 'Event', 'CampaignMember']) {
            expect(await count(faulty, object), object).toBe(counts[object]);
        }
        const again = await cli(faulty, [
            'seed',
            '--leads',
            String(LEADS),
            '--now',
            NOW,
            '--no-score'
        ]);
        expect(again.code).toBe(0);
        const objects = again.json.result.objects as { object: string; created: number }[];
        expect(objects.filter((o) => o.created > 0)).toEqual([]);
    }, 90_000);
});

describe('score', () => {
    it('writes every lead once, then nothing on a second run (full and incremental)', async () => {
        const api = new Api(reference.conn());
        const first = await scoreOrg(api, { full: true, now: new Date(NOW) });
        expect(first.failures).toEqual([]);
        expect(first.written).toBe(LEADS);
        referenceWrites = first.written;
        // Collections: 200 leads per call.
        const again = await scoreOrg(new Api(reference.conn()), { full: true, now: new Date(NOW) });
        expect(again.written).toBe(0);
        expect(again.leadsRead).toBe(LEADS);
        const incremental = await scoreOrg(new Api(reference.conn()), {
            since: first.watermark,
            now: new Date(NOW)
        });
        expect(incremental.mode).toBe('incremental');
        expect(incremental.written).toBe(0);
    }, 60_000);

    it('reads in Bulk 2.0 over many result pages: every lead once, values exact, nothing to write', async () => {
        // Small pages (maxRecords) so every object spans several pages, each with its own header.
        const api = new Api(reference.conn(), { bulkQueryPageSize: 97 });
        const bulk = await scoreOrg(api, { full: true, now: new Date(NOW), bulkThreshold: 50 });
        expect(bulk.transport).toBe('bulk');
        expect(bulk.leadsRead).toBe(LEADS);
        expect(bulk.written).toBe(0);

        // Every Bulk 2.0 delimiter, quotes and a line break survive the round trip.
        const subject = 'Call; no answer | left "msg", back ^ later `ok`\tthen\nline 2';
        const created = await reference.conn().sobject('Task').create({ Subject: subject });
        const id = (created as { id: string }).id;
        const rows = await new Api(reference.conn(), { bulkQueryPageSize: 5 }).bulkQuery(
            'SELECT Id, Subject FROM Task'
        );
        expect(rows.filter((r) => r.Id === id)).toEqual([{ Id: id, Subject: subject }]);
        expect(new Set(rows.map((r) => r.Id)).size).toBe(rows.length);
        expect(rows.length).toBe(await count(reference, 'Task'));
        await reference.conn().sobject('Task').destroy(id);
    }, 60_000);

    it('--dry-run writes nothing', async () => {
        const before = await leadSnapshot(faulty);
        const res = await cli(faulty, ['score', '--full', '--dry-run', '--now', NOW]);
        expect(res.code).toBe(0);
        expect(res.json.result.leadsChanged).toBe(LEADS);
        expect(res.json.result.written).toBe(0);
        expect(await leadSnapshot(faulty)).toEqual(before);
    }, 60_000);

    it('limit hit mid-run, then --resume with locked rows and an expiring token: same data, nothing twice', async () => {
        // Calls: model, settings, queues, count, leads, tasks, events, members, then writes of
        // 200: the 2nd write fails.
        faulty.org.setFaults({ failAfterCalls: 9, lockRowShare: 0.1, seed: 3 });
        const stopped = await cli(faulty, ['score', '--full', '--now', NOW]);
        expect(stopped.code).toBe(3);
        expect(stopped.json.result.stopped).toBe('REQUEST_LIMIT_EXCEEDED');
        const state = JSON.parse(
            readFileSync(path.join(faulty.root, '.leadloop', 'state', 'local.json'), 'utf8')
        ) as { checkpoint?: { command: string } };
        expect(state.checkpoint?.command).toBe('score');
        faulty.org.setFaults({});
        const writtenBefore = Object.values(await leadSnapshot(faulty)).filter(
            (v) => (v as unknown[])[1] !== null
        ).length;
        expect(writtenBefore).toBeGreaterThan(0);
        expect(writtenBefore).toBeLessThan(LEADS);

        const tokenBefore = faulty.org.accessToken;
        faulty.org.setFaults({ lockRowShare: 0.1, expireTokenAfterCalls: 3, seed: 5 });
        const resumed = await cli(faulty, ['score', '--resume']);
        faulty.org.setFaults({});
        expect(resumed.code, resumed.err).toBe(0);
        // The faults did happen: locked rows were retried and the token was refreshed.
        expect(resumed.json.warnings.join('\n')).toMatch(/locked row/);
        expect(faulty.org.accessToken).not.toBe(tokenBefore);
        expect(resumed.json.result.failures).toEqual([]);
        // Nothing written twice: both runs together wrote what one fault-free run wrote.
        expect(writtenBefore + Number(resumed.json.result.written)).toBe(referenceWrites);
        expect(await leadSnapshot(faulty)).toEqual(await leadSnapshot(reference));

        const again = await cli(faulty, ['score', '--now', NOW]);
        expect(again.code).toBe(0);
        expect(again.json.result.mode).toBe('incremental');
        expect(again.json.result.written).toBe(0);
        expect(Number((again.json.result.api as { calls: number }).calls)).toBeGreaterThan(0);
    }, 90_000);

    it('Bulk 2.0 updates with locked rows: every change written once, a rerun writes nothing', async () => {
        // A later clock: engagement decays, so many stored scores change.
        const later = '2026-12-20T12:00:00.000Z';
        const args = ['score', '--full', '--now', later, '--bulk-threshold', '50'];
        faulty.org.setFaults({ lockRowShare: 0.2, seed: 11 });
        const res = await cli(faulty, args);
        faulty.org.setFaults({});
        expect(res.code, res.err).toBe(0);
        expect(res.json.result.transport).toBe('bulk');
        expect(res.json.warnings.join('\n')).toMatch(/retry/i);
        const changed = Number(res.json.result.leadsChanged);
        expect(changed).toBeGreaterThan(LEADS / 4);
        expect(res.json.result.written).toBe(changed);
        expect(res.json.result.failures).toEqual([]);
        const again = await cli(faulty, args);
        expect(again.json.result.leadsChanged).toBe(0);
        expect(again.json.result.written).toBe(0);
        // Back to the reference clock, for the tests that follow.
        const back = await cli(faulty, ['score', '--full', '--now', NOW]);
        expect(back.code).toBe(0);
        // Same scores as the reference; only the previous score/tier now remember the detour.
        const current = (snap: Record<string, unknown>) =>
            Object.fromEntries(
                Object.entries(snap).map(([k, v]) => [k, (v as unknown[]).slice(0, -2)])
            );
        expect(current(await leadSnapshot(faulty))).toEqual(current(await leadSnapshot(reference)));
    }, 90_000);

    it('--resume without a stopped run says so', async () => {
        const res = await cli(faulty, ['score', '--resume']);
        expect(res.code).toBe(1);
        expect(JSON.stringify(res.json)).toMatch(/Nothing to resume/);
    }, 30_000);

    it('--max-api-calls stops cleanly before the budget is exceeded', async () => {
        const res = await cli(faulty, ['score', '--full', '--max-api-calls', '2', '--now', NOW]);
        expect(res.code).toBe(3);
        expect((res.json.result.api as { calls: number }).calls).toBe(2);
        const resumed = await cli(faulty, ['score', '--resume']);
        expect(resumed.code).toBe(0);
        expect(resumed.json.result.written).toBe(0);
    }, 30_000);
});

describe('sync', () => {
    it('copies only differences, idempotently', async () => {
        const a = () => new Api(reference.conn());
        const b = () => new Api(faulty.conn());
        const first = await syncLeads(a(), b(), {});
        expect(first.failures).toEqual([]);
        expect(first.read).toBe(LEADS);
        expect(first.created).toBe(0);
        const lead = (
            await reference
                .conn()
                .query<{ Id: string }>("SELECT Id FROM Lead WHERE LL_Source_Id__c = 'lead-000010'")
        ).records[0];
        await reference
            .conn()
            .sobject('Lead')
            .update({ Id: lead.Id, Title: 'Chief Revenue Officer' });
        const second = await syncLeads(a(), b(), {});
        expect(second.updated).toBe(1);
        const copied = await faulty
            .conn()
            .query<{ Title: string }>(
                "SELECT Title FROM Lead WHERE LL_Source_Id__c = 'lead-000010'"
            );
        expect(copied.records[0].Title).toBe('Chief Revenue Officer');
        const third = await syncLeads(a(), b(), {});
        expect(third.updated + third.created).toBe(0);
        expect(third.unchanged).toBe(LEADS);
    }, 60_000);

    it('creates missing leads in an empty org by source id', async () => {
        const empty = await newEnv();
        await seedOrg(
            empty.conn(),
            { ...data, steps: data.steps.filter((s) => s.object === 'User') },
            { score: false }
        );
        const res = await syncLeads(new Api(reference.conn()), new Api(empty.conn()), {
            bulkThreshold: 100
        });
        expect(res.failures).toEqual([]);
        expect(res.created).toBe(LEADS);
        expect(await count(empty, 'Lead')).toBe(LEADS);
        const again = await syncLeads(new Api(reference.conn()), new Api(empty.conn()), {});
        expect(again.created + again.updated).toBe(0);
    }, 60_000);
});

describe('doctor and flags', () => {
    it('doctor passes on the local org', async () => {
        const res = await cli(faulty, ['doctor']);
        expect(res.code).toBe(0);
        expect(res.json.result.ok).toBe(true);
    }, 30_000);

    it('bad flags give a clear message and exit 2, never a stack', async () => {
        const res = await cli(faulty, ['score', '--bulk-threshold', 'many']);
        expect(res.code).toBe(2);
        expect(JSON.stringify(res.json)).toMatch(/--bulk-threshold must be a whole number/);
        expect(JSON.stringify(res.json)).not.toMatch(/at .*\.ts:\d+/);
    });
});

describe('npm start on a new machine', () => {
    it('seeds and scores the demo data so that a rescore right after changes (almost) nothing', async () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'leadloop-start-'));
        const org = await startLocalOrg({ dataDir: dir, port: 0 });
        try {
            expect(await seedDemoIfEmpty(org, { leads: 300 })).toBe(true);
            const conn = new jsforce.Connection({
                instanceUrl: org.instanceUrl,
                accessToken: org.accessToken,
                version: API_VERSION
            });
            const run = await scoreOrg(new Api(conn), { full: true });
            // The demo set's converted leads are not scored.
            const converted = generateDemoData({ leads: 300 }).conversions.length;
            expect(converted).toBeGreaterThan(0);
            expect(run.leadsRead).toBe(300 - converted);
            // Seconds pass between the two clocks: decay may round a stray engagement value.
            expect(run.leadsChanged).toBeLessThanOrEqual(3);
        } finally {
            await org.close();
            rmSync(dir, { recursive: true, force: true });
        }
    }, 90_000);
});
