/**
 * `leadloop link-reports` against a real local org: the preview writes nothing, --apply
 * stores one LL_Report_Link__c per linked report with the id the org's Report record has
 * (read over REST), running it again changes nothing, and a link that went stale (the
 * report deployed again) is updated alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINKED_REPORTS, REPORT_LINK } from '../../core/src/index';
import { Api, cond, soql } from '../src/api/index';
import { cli, cliRaw, closeEnv, newEnv, type Env } from './orgEnv';

let env: Env;
let api: Api;
const f = REPORT_LINK.fields;

beforeAll(async () => {
    env = await newEnv();
    api = new Api(env.conn());
}, 60_000);

afterAll(async () => {
    if (env) await closeEnv(env);
});

/** The org's own report ids, by DeveloperName. */
async function reportIds(): Promise<Map<string, string>> {
    const rows = await api.query(soql({ select: ['Id', 'DeveloperName'], from: 'Report' }));
    return new Map(rows.map((r) => [String(r.DeveloperName), String(r.Id)]));
}

async function links(): Promise<Map<string, string>> {
    const rows = await api.query(
        soql({ select: [f.id, f.developerName, f.reportId], from: REPORT_LINK.objectApiName })
    );
    return new Map(rows.map((r) => [String(r[f.developerName]), String(r[f.reportId])]));
}

interface Row {
    report: string;
    reportId: string | null;
    action: string;
    result: string;
}

describe('leadloop link-reports', () => {
    it('previews the links without writing', async () => {
        const { code, json } = await cli(env, ['link-reports']);
        expect(code).toBe(0);
        const rows = json.result.rows as Row[];
        expect(rows.map((r) => r.report)).toEqual([...LINKED_REPORTS]);
        expect(rows.every((r) => r.result === 'would create')).toBe(true);
        expect((await links()).size).toBe(0);
    });

    it('stores each linked report’s id by its DeveloperName with --apply', async () => {
        const { code, json } = await cli(env, ['link-reports', '--apply']);
        expect(code).toBe(0);
        expect(json.result.written).toBe(LINKED_REPORTS.length);
        const ids = await reportIds();
        const stored = await links();
        expect([...stored.keys()].sort()).toEqual([...LINKED_REPORTS].sort());
        for (const name of LINKED_REPORTS) {
            expect(stored.get(name), name).toBe(ids.get(name));
            expect(stored.get(name)).toMatch(/^00O/);
        }
    });

    it('changes nothing when run again, and updates only a stale link', async () => {
        const again = await cli(env, ['link-reports', '--apply']);
        expect(again.json.result.written).toBe(0);
        expect((again.json.result.rows as Row[]).every((r) => r.result === 'unchanged')).toBe(true);
        const [stale] = await api.query(
            soql({
                select: [f.id],
                from: REPORT_LINK.objectApiName,
                where: [cond(f.developerName, '=', 'LL_Handback_Reasons')]
            })
        );
        await env
            .conn()
            .sobject(REPORT_LINK.objectApiName)
            .update({
                Id: String(stale.Id),
                [f.reportId]: '00O000000000000AAA'
            });
        const { code, out } = await cliRaw(env, ['link-reports', '--apply']);
        expect(code).toBe(0);
        expect(out).toMatch(/Linked 1 of 1 report\(s\) that changed/);
        expect(out).toMatch(/LL_Handback_Reasons\s+00O\w+\s+updated/);
        expect((await links()).get('LL_Handback_Reasons')).toBe(
            (await reportIds()).get('LL_Handback_Reasons')
        );
        expect((await links()).size).toBe(LINKED_REPORTS.length);
    });

    it('refuses --apply with --dry-run', async () => {
        const { code } = await cliRaw(env, ['link-reports', '--apply', '--dry-run']);
        expect(code).toBe(2);
    });
});
