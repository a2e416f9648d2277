/* eslint-disable @typescript-eslint/no-explicit-any -- tests walk untyped API JSON */
/**
 * `leadloop handback list` and `leadloop handback return` against a real local org
 * (started in-process, seeded with the demo data): the list says which nurtured leads are
 * ready and why (JSON and CSV), return previews without writing, --apply writes in batches
 * with a result per lead (the previous owner while active, the rule for a leaver), a
 * per-record failure exits 1 with the others written, and a re-run has nothing left to do.
 * The rescore marks nurtured leads ready to return, only when the mark changes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEAD_FIELDS, NURTURE_QUEUE_DEVELOPER_NAME } from '../../core/src/index';
import { Api } from '../src/api';
import { returnToSales } from '../src/handback';
import { scoreOrg } from '../src/score';
import { generateDemoData, seedOrg } from '../src/seed/index';
import { cli as runCli, closeEnv, newEnv, type Env } from './orgEnv';

const NOW = '2026-11-22T12:00:00.000Z';
const data = generateDemoData({ leads: 300, now: new Date(NOW) });

let env: Env;
const conn = () => env.conn();

async function cli(args: string[]) {
    const { code, json } = await runCli(env, [...args, '--now', NOW]);
    return { code, json: json as { result: Record<string, any> } };
}

/** Open leads in nurture: the nurturing status, or owned by the nurture queue (as the core says). */
async function nurtured() {
    const api = new Api(conn());
    const [queue] = (await api.query(
        `SELECT Id FROM Group WHERE DeveloperName = '${NURTURE_QUEUE_DEVELOPER_NAME}'`
    )) as Record<string, any>[];
    const fields =
        'Id, OwnerId, Status, LL_Ready_To_Return__c, LL_Previous_Owner__c, LL_Recycled_Count__c';
    const rows = [
        ...(await api.query(
            `SELECT ${fields} FROM Lead WHERE IsConverted = false AND Status = 'Nurturing'`
        )),
        ...(await api.query(
            `SELECT ${fields} FROM Lead WHERE IsConverted = false AND OwnerId = '${queue.Id}'`
        ))
    ] as Record<string, any>[];
    return [...new Map(rows.map((r) => [r.Id, r])).values()].sort((a, b) => (a.Id < b.Id ? -1 : 1));
}

beforeAll(async () => {
    env = await newEnv();
    const seeded = await seedOrg(conn(), data, { score: false });
    expect(seeded.failures).toEqual([]);
}, 90_000);

afterAll(async () => {
    if (env) await closeEnv(env);
});

describe('leadloop handback', () => {
    it('the rescore marks nurtured leads past their date, and writes the mark only once', async () => {
        const first = await scoreOrg(new Api(conn()), { full: true, now: new Date(NOW) });
        expect(first.failures).toEqual([]);
        const marked = (await nurtured()).filter((l) => l.LL_Ready_To_Return__c);
        expect(first.readyToReturnChanged).toBe(marked.length);
        expect(marked.length).toBeGreaterThanOrEqual(data.problems.nurtureDatePassed.length);
        expect(
            marked.every((l) =>
                /Nurture date \d{4}-\d{2}-\d{2} passed|Hot/.test(l.LL_Ready_To_Return__c)
            )
        ).toBe(true);
        const again = await scoreOrg(new Api(conn()), { full: true, now: new Date(NOW) });
        expect(again.readyToReturnChanged).toBe(0);
        expect(again.written).toBe(0);
    }, 60_000);

    it('lists nurtured leads with reason, readiness and why, as JSON and CSV', async () => {
        const csv = path.join(path.dirname(env.root), 'nurtured.csv');
        const { code, json } = await cli(['handback', 'list', '--csv', csv]);
        expect(code).toBe(0);
        const leads = json.result.leads as Record<string, any>[];
        expect(leads.length).toBe((await nurtured()).length);
        expect(json.result.ready).toBeGreaterThanOrEqual(data.problems.nurtureDatePassed.length);
        const passed = leads.find((l) => l.ready && /passed/.test(l.why));
        expect(passed).toMatchObject({ ready: true, reason: expect.any(String) });
        expect(passed!.reason).not.toBe('');
        expect(passed!.daysInNurture).toBeGreaterThan(0);
        const lines = readFileSync(csv, 'utf8').trim().split('\n');
        expect(lines[0]).toBe(
            'id,name,company,reason,notes,handedBackAt,daysInNurture,nurtureUntil,tier,score,ready,why'
        );
        expect(lines).toHaveLength(leads.length + 1);
        const ready = await cli(['handback', 'list', '--ready']);
        expect(ready.json.result.count).toBe(json.result.ready);
    });

    it('previews by default and writes nothing', async () => {
        const before = await nurtured();
        const { code, json } = await cli(['handback', 'return']);
        expect(code).toBe(0);
        expect(json.result.applied).toBe(false);
        expect(json.result.rows.length).toBeGreaterThan(0);
        expect(
            json.result.rows.every((r: any) => r.result === 'preview' || r.result === 'refused')
        ).toBe(true);
        expect(await nurtured()).toEqual(before);
    });

    it('skips a lead changed since it was read, with that reason, and never overwrites it', async () => {
        const api = new Api(conn());
        const users = (await api.query('SELECT Id, IsActive FROM User')) as Record<string, any>[];
        const active = new Set(users.filter((u) => u.IsActive).map((u) => u.Id));
        const [first, second] = (await nurtured()).filter(
            (l) => l.LL_Ready_To_Return__c && active.has(l.LL_Previous_Owner__c)
        );
        let edited = false;
        const res = await returnToSales(api, {
            apply: true,
            now: new Date(NOW),
            ids: [first.Id, second.Id],
            batchSize: 1,
            bulkThreshold: Infinity,
            // Someone else saves the second lead while the first is being written.
            onProgress: async () => {
                if (edited) return;
                edited = true;
                await api.write(
                    'Lead',
                    [{ Id: second.Id, Company: 'Changed meanwhile' }],
                    'update',
                    {
                        bulkThreshold: Infinity
                    }
                );
            }
        });
        expect(res.rows.map((r) => [r.id, r.result])).toEqual([
            [first.Id, 'returned'],
            [second.Id, 'skipped']
        ]);
        expect(res.rows[1].message).toBe(
            'Not returned: changed by someone else since the preview.'
        );
        expect(res.skipped).toBe(1);
        expect(res.failures).toEqual([]);
        const [after] = (await api.query(
            `SELECT OwnerId, Status, Company FROM Lead WHERE Id = '${second.Id}'`
        )) as Record<string, any>[];
        expect(after).toMatchObject({
            OwnerId: second.OwnerId,
            Status: second.Status,
            Company: 'Changed meanwhile'
        });
    }, 60_000);

    it('applies in batches with a result per lead: previous owner while active, the rule for a leaver; a failure exits 1 and a re-run retries only it', async () => {
        const api = new Api(conn());
        const users = (await api.query('SELECT Id, IsActive FROM User')) as Record<string, any>[];
        const active = new Set(users.filter((u) => u.IsActive).map((u) => u.Id));
        const ready = (await nurtured()).filter((l) => l.LL_Ready_To_Return__c);
        const toLeaver = ready.find(
            (l) => l.LL_Previous_Owner__c && !active.has(l.LL_Previous_Owner__c)
        );
        const noOwner = ready.find((l) => !l.LL_Previous_Owner__c);
        const toOwner = ready.find((l) => active.has(l.LL_Previous_Owner__c));
        expect(toOwner).toBeDefined();
        // One lead that the org refuses: a status value that does not exist makes its write fail.
        // (A lead going back to its previous owner gets the status it had.)
        const broken = ready.find((l) => l !== toOwner && active.has(l.LL_Previous_Owner__c))!;
        await api.write(
            'Lead',
            [{ Id: broken.Id, [LEAD_FIELDS.previousStatus]: 'No Such Status' }],
            'update',
            { bulkThreshold: Infinity }
        );
        const { code, json } = await cli(['handback', 'return', '--apply', '--batch-size', '2']);
        const rows = json.result.rows as Record<string, any>[];
        expect(code).toBe(1);
        expect(rows.find((r) => r.id === broken.Id)?.result).toBe('failed');
        expect(json.result.returned).toBe(rows.filter((r) => r.result === 'returned').length);
        expect(json.result.returned).toBe(ready.length - 1);

        const after = (await api.query(
            `SELECT Id, OwnerId, Status, LL_Recycled_Count__c, LL_Ready_To_Return__c FROM Lead WHERE Id = '${toOwner!.Id}'`
        )) as Record<string, any>[];
        const owner = after.find((l) => l.Id === toOwner!.Id)!;
        expect(owner.OwnerId).toBe(toOwner!.LL_Previous_Owner__c);
        expect(owner.Status).toBe('Working');
        expect(owner.LL_Recycled_Count__c).toBe((toOwner!.LL_Recycled_Count__c ?? 0) + 1);
        expect(owner.LL_Ready_To_Return__c ?? null).toBe(null);
        // A lead whose previous owner left (or is not recorded) goes by the rule: round-robin.
        const byRule = [toLeaver, noOwner].filter((l) => l !== undefined);
        expect(byRule.length).toBeGreaterThan(0);
        for (const lead of byRule) {
            const [now] = (await api.query(
                `SELECT OwnerId FROM Lead WHERE Id = '${lead.Id}'`
            )) as Record<string, any>[];
            expect(active.has(now.OwnerId), lead.Id).toBe(true);
            expect(rows.find((r) => r.id === lead.Id)?.via).toBe('roundRobin');
        }

        // Fixed, a re-run returns only the lead that failed.
        await api.write(
            'Lead',
            [{ Id: broken.Id, [LEAD_FIELDS.previousStatus]: 'Working' }],
            'update',
            {
                bulkThreshold: Infinity
            }
        );
        const rerun = await cli(['handback', 'return', '--apply']);
        expect(rerun.code).toBe(0);
        expect(rerun.json.result.rows.map((r: any) => r.id)).toEqual([broken.Id]);
        expect(rerun.json.result.returned).toBe(1);
        const third = await cli(['handback', 'return', '--apply']);
        expect(third.json.result.rows).toEqual([]);
    }, 60_000);
});
