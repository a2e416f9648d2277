/**
 * `leadloop audit` and `leadloop fix` against a real local org seeded with the demo data:
 * the audit finds the planted problems and records its run; --json / --csv shapes;
 * --fail-on and unknown checks exit as documented; a fix preview writes nothing; apply
 * reassigns and logs, skips a lead edited since the preview, and a second apply is a no-op;
 * undo restores, skipping a lead changed since the fix.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    AUDIT_RUN,
    auditLeads,
    CHANGED_SINCE_PREVIEW,
    FIX_LOG,
    SEVERITIES,
    type LeadLoopMetrics,
    type Severity
} from '../../core/src/index';
import { demoSnapshot } from '../../core/test/hygiene/demoSnapshot';
import { Api, cond, soql } from '../src/api/index';
import { applyFix, previewFix } from '../src/fix';
import { DEMO_SETTINGS, generateDemoData, seedOrg } from '../src/seed/index';
import { DEMO_PROBLEM_CHECKS as CHECK_FOR, DEMO_PROBLEMS } from '../src/seed/types';
import { cli, cliRaw, closeEnv, newEnv, type Env } from './orgEnv';

const NOW = '2026-11-22T12:00:00.000Z';
const data = generateDemoData({ leads: 300, now: new Date(NOW) });

interface FindingJson {
    leadId: string;
    checkId: string;
    severity: Severity;
    evidence: { dates: object; values: object; related: object[] };
}

let env: Env;
let api: Api;
/** Lead Id → its key in the data set (LL_Source_Id__c). */
const keyOf = new Map<string, string>();

beforeAll(async () => {
    env = await newEnv();
    const seeded = await seedOrg(env.conn(), data, {});
    expect(seeded.failures).toEqual([]);
    api = new Api(env.conn());
    for (const r of await api.query(soql({ select: ['Id', 'LL_Source_Id__c'], from: 'Lead' }))) {
        keyOf.set(String(r.Id), String(r.LL_Source_Id__c));
    }
}, 120_000);

afterAll(async () => {
    if (env) await closeEnv(env);
});

const count = async (object: string) => api.count(soql({ select: ['COUNT()'], from: object }));

describe('leadloop audit', () => {
    let findings: FindingJson[];

    it('finds every planted problem by its check, as the core does over the same data', async () => {
        const { code, json } = await cli(env, ['audit', '--now', NOW, '--no-save']);
        expect(code).toBe(0);
        findings = json.result.findings as FindingJson[];
        const found = new Set(findings.map((f) => `${keyOf.get(f.leadId)}|${f.checkId}`));
        const missed: string[] = [];
        for (const problem of DEMO_PROBLEMS) {
            const check = CHECK_FOR[problem];
            if (!check) continue;
            for (const key of data.problems[problem]) {
                if (!found.has(`${key}|${check}`)) missed.push(`${problem}: ${key}`);
            }
        }
        expect(missed).toEqual([]);
        expect(json.result.leadsAudited).toBe(300);
        // A small org in the fewest calls: the lead count, settings, users and queues in one
        // composite call, then one REST page each for leads, contacts, accounts,
        // opportunities, tasks and events.
        expect((json.result.api as { calls: number }).calls).toBe(7);
        // The same counts as the core's audit of the generator's records (no API in between).
        const core = auditLeads(demoSnapshot(data), DEMO_SETTINGS, new Date(NOW));
        expect(json.result.countsByCheck).toEqual(core.countsByCheck);
        expect(await count(AUDIT_RUN.objectApiName)).toBe(0);
        for (const f of findings) {
            expect(Object.keys(f).sort()).toEqual([
                'checkId',
                'detail',
                'evidence',
                'fix',
                'leadId',
                'leadName',
                'severity',
                'title'
            ]);
            expect(Object.keys(f.evidence).sort()).toEqual(['dates', 'related', 'values']);
        }
    });

    it('prints one CSV row per finding', async () => {
        const { code, out, err } = await cliRaw(env, ['audit', '--now', NOW, '--csv', '--no-save']);
        expect(code).toBe(0);
        const rows = parse(out, { columns: true }) as Record<string, string>[];
        expect(Object.keys(rows[0])).toEqual([
            'leadId',
            'leadName',
            'checkId',
            'severity',
            'title',
            'detail',
            'fixKind',
            'fix',
            'evidence'
        ]);
        expect(rows.map((r) => `${r.leadId}|${r.checkId}`)).toEqual(
            findings.map((f) => `${f.leadId}|${f.checkId}`)
        );
        expect(JSON.parse(rows[0].evidence)).toEqual(findings[0].evidence);
        expect(err).toMatch(/^API calls: \d+/m);
    });

    it('--fail-on exits 1 when findings at or above exist, else 0', async () => {
        // nurture-date-passed is a low-severity check: only --fail-on low fails.
        const only = findings.filter((f) => f.checkId === 'nurture-date-passed');
        const codes: number[] = [];
        for (const s of SEVERITIES) {
            const { code, json } = await cli(env, [
                'audit',
                '--now',
                NOW,
                '--no-save',
                '--checks',
                'nurture-date-passed',
                '--fail-on',
                s
            ]);
            const expected = only.some(
                (f) => SEVERITIES.indexOf(f.severity) <= SEVERITIES.indexOf(s)
            );
            expect(code, s).toBe(expected ? 1 : 0);
            expect(json.status, s).toBe(code);
            codes.push(code);
        }
        expect(codes).toEqual([0, 0, 0, 1]);
    });

    it('an unknown check exits 2 and lists the known ones', async () => {
        const { code, json } = await cli(env, ['audit', '--checks', 'owner-inactive,nope']);
        expect(code).toBe(2);
        expect(json.message).toMatch(
            /Unknown check "nope"\. Known checks: hot-in-marketing-queue, /
        );
    });

    it('records the run with its counts (not with --dry-run)', async () => {
        await cli(env, ['audit', '--now', NOW, '--dry-run']);
        expect(await count(AUDIT_RUN.objectApiName)).toBe(0);
        const { json } = await cli(env, ['audit', '--now', NOW]);
        const f = AUDIT_RUN.fields;
        const [row] = await api.query(
            soql({ select: Object.values(f), from: AUDIT_RUN.objectApiName })
        );
        expect(row.Id).toBe(json.result.auditRunId);
        expect(row[f.leadsAudited]).toBe(300);
        expect(row[f.findings]).toBe(findings.length);
        expect(JSON.parse(String(row[f.countsByCheck]))).toEqual(json.result.countsByCheck);
        const high = findings.filter((x) => x.severity === 'high').length;
        expect(row[f.high]).toBe(high);
    });

    it('stores the figures the funnel page shows, equal to leadloop report --audit', async () => {
        const { json } = await cli(env, ['audit', '--now', NOW]);
        const f = AUDIT_RUN.fields;
        const [row] = await api.query(
            soql({
                select: Object.values(f),
                from: AUDIT_RUN.objectApiName,
                where: [cond('Id', '=', String(json.result.auditRunId))]
            })
        );
        // The other path: every lead field and activity as `report` reads them, its own metrics.
        const report = await cli(env, ['report', '--now', NOW, '--audit']);
        const m = report.json.result.metrics as LeadLoopMetrics;
        const round2 = (h: number | null) => (h === null ? null : Math.round(h * 100) / 100);
        const expected = {
            [f.handedToSales]: m.processDefects.defective.of,
            [f.defectiveLeads]: m.processDefects.defective.count,
            [f.firstTouchLeads]: m.speedToFirstTouch.leads,
            [f.firstTouchMedianHours]: round2(m.speedToFirstTouch.medianHours),
            [f.firstTouchP90Hours]: round2(m.speedToFirstTouch.p90Hours)
        };
        expect(row).toMatchObject(expected);
        expect(m.processDefects.defective.count).toBeGreaterThan(0);
        expect(m.speedToFirstTouch.leads).toBeGreaterThan(0);
        // Defects are leads handed to sales with a finding: never more than those with one.
        expect(row[f.defectiveLeads]).toBeLessThanOrEqual(Number(row[f.leadsWithFindings]));
        expect(json.result.figures).toEqual({
            handedToSales: expected[f.handedToSales],
            defective: expected[f.defectiveLeads],
            firstTouchLeads: expected[f.firstTouchLeads],
            firstTouchMedianHours: expected[f.firstTouchMedianHours],
            firstTouchP90Hours: expected[f.firstTouchP90Hours]
        });
    });
});

describe('leadloop fix', () => {
    const orphanKeys = () => new Set(data.problems.ownerLeft);
    let repId: string;
    let repName: string;

    const owners = async () =>
        new Map(
            (
                await api.query(
                    soql({ select: ['Id', 'OwnerId', 'LL_Source_Id__c'], from: 'Lead' })
                )
            ).map((r) => [String(r.Id), String(r.OwnerId)])
        );

    beforeAll(async () => {
        const [rep] = await api.query(
            soql({
                select: ['Id', 'Name'],
                from: 'User',
                where: [cond('Username', '=', 'rep1@leadloop.demo')]
            })
        );
        repId = String(rep.Id);
        repName = String(rep.Name);
    });

    it('previews by default and writes nothing', async () => {
        const before = await owners();
        const { code, json } = await cli(env, [
            'fix',
            'owner-inactive',
            '--to',
            repName,
            '--now',
            NOW
        ]);
        expect(code).toBe(0);
        const plan = json.result.plan as { changes: { leadId: string; changes: unknown[] }[] };
        expect(plan.changes.length).toBeGreaterThanOrEqual(orphanKeys().size);
        for (const c of plan.changes) {
            expect(c.changes).toEqual([
                { field: 'OwnerId', from: before.get(c.leadId), to: repId }
            ]);
        }
        expect(await owners()).toEqual(before);
        expect(await count(FIX_LOG.objectApiName)).toBe(0);
    });

    it('skips a lead edited between preview and apply, applies and logs the rest', async () => {
        const preview = await previewFix(api, {
            target: 'owner-inactive',
            to: repName,
            now: new Date(NOW),
            bulkThreshold: 2000
        });
        const [raced, ...rest] = preview.plan.changes;
        await new Promise((r) => setTimeout(r, 1100)); // a later LastModifiedDate
        await env.conn().sobject('Lead').update({ Id: raced.leadId, Title: 'Edited meanwhile' });
        const applied = await applyFix(api, preview, {
            runId: 'FIX-RACE',
            now: new Date(),
            bulkThreshold: 2000
        });
        expect(applied.failures).toEqual([]);
        const result = new Map(applied.results.map((r) => [r.leadId, r]));
        expect(result.get(raced.leadId)).toMatchObject({
            result: 'Skipped',
            message: CHANGED_SINCE_PREVIEW
        });
        const now = await owners();
        expect(now.get(raced.leadId)).toBe(raced.changes[0].from);
        for (const c of rest) {
            expect(result.get(c.leadId)?.result).toBe('Applied');
            expect(now.get(c.leadId)).toBe(repId);
        }
        const f = FIX_LOG.fields;
        const log = await api.query(
            soql({
                select: Object.values(f),
                from: FIX_LOG.objectApiName,
                where: [cond(f.runId, '=', 'FIX-RACE')]
            })
        );
        expect(log.filter((r) => r[f.status] === 'Applied')).toHaveLength(rest.length);
        expect(log.filter((r) => r[f.status] === 'Skipped').map((r) => r[f.leadId])).toEqual([
            raced.leadId
        ]);
    });

    it('apply through the CLI, then a second apply finds nothing to do, then undo restores', async () => {
        const before = await owners();
        const first = await cli(env, ['fix', 'owner-inactive', '--to', repName, '--apply']);
        expect(first.code).toBe(0);
        const runId = String(first.json.result.runId);
        expect(first.json.result.counts).toEqual({ Applied: 1 }); // the raced lead is left
        const logRows = await count(FIX_LOG.objectApiName);

        const second = await cli(env, ['fix', 'owner-inactive', '--to', repName, '--apply']);
        expect(second.code).toBe(0);
        expect(second.json.result.runId).toBe(null);
        expect(second.json.result.kind).toBe(null);
        expect(await count(FIX_LOG.objectApiName)).toBe(logRows);

        const undo = await cli(env, ['fix', '--undo', runId]);
        expect(undo.code).toBe(0);
        expect(undo.json.result.counts).toEqual({ Undone: 1 });
        expect(await owners()).toEqual(before);
        // Undone once: a second undo has nothing left to revert.
        const again = await cli(env, ['fix', '--undo', runId]);
        expect(again.json.result.counts).toEqual({});
    });

    it('undo skips a lead changed since the fix', async () => {
        const f = FIX_LOG.fields;
        const applied = await api.query(
            soql({
                select: [f.leadId],
                from: FIX_LOG.objectApiName,
                where: [cond(f.runId, '=', 'FIX-RACE'), cond(f.status, '=', 'Applied')]
            })
        );
        const [changed, ...others] = applied.map((r) => String(r[f.leadId]));
        await new Promise((r) => setTimeout(r, 1100));
        await env.conn().sobject('Lead').update({ Id: changed, Title: 'Edited after the fix' });
        const { code, json } = await cli(env, ['fix', '--undo', 'FIX-RACE']);
        expect(code).toBe(0);
        const results = json.result.results as {
            leadId: string;
            result: string;
            message: string;
        }[];
        expect(results.find((r) => r.leadId === changed)).toMatchObject({ result: 'Refused' });
        expect(results.find((r) => r.leadId === changed)!.message).toMatch(
            /^changed since the fix/
        );
        const now = await owners();
        expect(now.get(changed)).toBe(repId);
        for (const id of others) expect(now.get(id)).not.toBe(repId);
    });

    it('refuses an unknown fix target, a missing owner and a closed master with a clear message', async () => {
        const bad = await cli(env, ['fix', 'nope']);
        expect(bad.code).toBe(2);
        expect(bad.json.message).toMatch(/^Unknown check or fix "nope"\. Fixes: reassign, close/);
        const advice = await cli(env, ['fix', 'qualified-not-worked']);
        expect(advice.code).toBe(2);
        expect(advice.json.message).toBe(
            "The findings of qualified-not-worked call for a rep's action (work-it), not a change the CLI can apply. Fixes: reassign, close, merge-duplicate, mark-moved-on."
        );
        const noOwner = await cli(env, ['fix', 'reassign', '--to', 'Nobody Here']);
        expect(noOwner.code).toBe(2);
        expect(noOwner.json.message).toMatch(/--to "Nobody Here" is neither a user/);
        const none = await cli(env, ['fix', 'reassign']);
        expect(none.json.message).toBe(
            'Reassign needs a new owner: a user, a queue, or round-robin over active reps.'
        );
        const [closed] = await api.query(
            soql({
                select: ['Id'],
                from: 'Lead',
                where: [cond('Status', '=', 'Unqualified')],
                limit: 1
            })
        );
        const master = await cli(env, ['fix', 'duplicate-email', '--master', String(closed.Id)]);
        expect(master.code).toBe(2);
        expect(master.json.message).toMatch(
            /is itself closed \(Unqualified\); choose an open lead as the master\.$/
        );
    });
});
