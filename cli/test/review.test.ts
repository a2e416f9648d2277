/**
 * `leadloop review export` against a local org: one meeting as CSV, a period as JSON, and
 * bad input (both an id and a period, a malformed date, an unknown meeting) refused with
 * exit 2 / 1 and a clear message.
 */
import jsforce from 'jsforce';
import { rmSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION, REVIEW_EXPORT_COLUMNS } from '../../core/src/index';
import type { LocalOrg } from '../../localorg/src/index';
import { run } from '../src/bin';
import { localProject } from './support/localProject';

let org: LocalOrg;
let dir: string;
let root: string;
const ids: Record<string, string> = {};

async function cli(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await run([...args, '--target-org', 'local'], {
        root,
        out: (t) => out.push(t),
        err: (t) => err.push(t),
        progress: false
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
    ({ org, root, dir } = await localProject());
    const conn = new jsforce.Connection({
        instanceUrl: org.instanceUrl,
        accessToken: org.accessToken,
        version: API_VERSION
    });
    const created = async (object: string, fields: Record<string, unknown>) => {
        const res = (await conn.sobject(object).create(fields)) as { id: string; success: boolean };
        expect(res.success).toBe(true);
        return res.id;
    };
    ids.lead = await created('Lead', {
        LastName: 'Okafor',
        Company: 'O\'Brien, "Ltd"',
        Status: 'Working'
    });
    ids.m1 = await created('LL_Review_Meeting__c', {
        LL_Meeting_Date__c: '2026-11-13',
        LL_Status__c: 'Completed'
    });
    ids.m2 = await created('LL_Review_Meeting__c', {
        LL_Meeting_Date__c: '2026-11-20',
        LL_Status__c: 'In_Progress'
    });
    await created('LL_Review_Entry__c', {
        LL_Meeting__c: ids.m1,
        LL_Lead__c: ids.lead,
        LL_Progress__c: 'Said "call me", then, nothing',
        LL_Outcome__c: 'Reviewed',
        LL_Flags__c: 'dead-no-touch;owner-inactive',
        LL_Reviewed_At__c: '2026-11-13T10:00:00.000Z'
    });
    await created('LL_Review_Entry__c', {
        LL_Meeting__c: ids.m2,
        LL_Lead__c: ids.lead,
        LL_Next_Step__c: 'Send pricing',
        LL_Next_Step_Date__c: '2026-11-24',
        LL_Outcome__c: 'Next_Step',
        LL_Reviewed_At__c: '2026-11-20T10:00:00.000Z'
    });
}, 60_000);

afterAll(async () => {
    await org?.close();
    rmSync(dir, { recursive: true, force: true });
});

describe('leadloop review export', () => {
    it('prints one meeting as CSV, quoting what needs it', async () => {
        const { code, out } = await cli(['review', 'export', ids.m1, '--csv']);
        expect(code).toBe(0);
        const rows = parse(out, { columns: true }) as Record<string, string>[];
        expect(Object.keys(rows[0])).toEqual([...REVIEW_EXPORT_COLUMNS]);
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({
            meetingId: ids.m1,
            meetingDate: '2026-11-13',
            meetingStatus: 'Completed',
            leadId: ids.lead,
            outcome: 'Reviewed',
            flags: 'dead-no-touch;owner-inactive',
            progress: 'Said "call me", then, nothing',
            nextStep: ''
        });
    });

    it('prints every meeting of a period as JSON', async () => {
        const { code, out } = await cli(['review', 'export', '--from', '2026-11-14', '--json']);
        expect(code).toBe(0);
        const json = JSON.parse(out) as {
            status: number;
            result: { meetings: number; rows: Record<string, unknown>[] };
        };
        expect(json.status).toBe(0);
        expect(json.result.meetings).toBe(1);
        expect(
            json.result.rows.map((r) => [r.meetingId, r.nextStep, r.nextStepDate, r.outcome])
        ).toEqual([[ids.m2, 'Send pricing', '2026-11-24', 'Next_Step']]);
        const both = await cli([
            'review',
            'export',
            '--from',
            '2026-11-01',
            '--to',
            '2026-11-30',
            '--json'
        ]);
        expect((JSON.parse(both.out) as { result: { rows: unknown[] } }).result.rows).toHaveLength(
            2
        );
    });

    it('refuses unclear requests with a message and exit 2, an unknown meeting with exit 1', async () => {
        const both = await cli(['review', 'export', ids.m1, '--from', '2026-11-01']);
        expect(both.code).toBe(2);
        expect(both.err).toContain('Give a meeting id or a period (--from/--to), not both.');
        const none = await cli(['review', 'export']);
        expect(none.code).toBe(2);
        expect(none.err).toContain('Say which meetings: a meeting id, or --from and/or --to.');
        const bad = await cli(['review', 'export', '--from', '13/11/2026']);
        expect(bad.code).toBe(2);
        expect(bad.err).toContain('--from must be a date as YYYY-MM-DD, not "13/11/2026".');
        const hostile = await cli(['review', 'export', "x' OR Id != '"]);
        expect(hostile.code).toBe(2);
        const unknown = await cli(['review', 'export', 'a00000000000000AAA']);
        expect(unknown.code).toBe(1);
        expect(unknown.err).toContain('No review meeting a00000000000000AAA in this org');
    });
});
