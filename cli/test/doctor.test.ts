/**
 * `doctor` against a real local org: passes once the package and demo data are
 * there, fails with a clear message when a package field is gone, and refuses
 * to run without package metadata.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION } from '../../core/src/index';
import { startLocalOrg, type LocalOrg } from '../../localorg/src/index';
import { PROJECT_ROOT } from '../../localorg/src/store/org';
import { Api } from '../src/api';
import { doctor } from '../src/doctor';
import { generateDemoData, seedOrg } from '../src/seed/index';

const dataDir = mkdtempSync(path.join(tmpdir(), 'leadloop-cli-doctor-'));
let org: LocalOrg;
let api: Api;

beforeAll(async () => {
    org = await startLocalOrg({ dataDir, port: 0 });
    const conn = new jsforce.Connection({
        instanceUrl: org.instanceUrl,
        accessToken: org.accessToken,
        version: API_VERSION
    });
    await seedOrg(conn, generateDemoData({ leads: 300, now: new Date('2026-11-22T12:00:00Z') }));
    api = new Api(conn);
}, 120_000);

afterAll(async () => {
    await org.close();
    rmSync(dataDir, { recursive: true, force: true });
});

describe('doctor', () => {
    it('passes on the local org with the package and demo data, without writing', async () => {
        const before = api.calls;
        const result = await doctor(api, { projectRoot: PROJECT_ROOT });
        const failed = result.checks.filter((c) => c.status === 'fail');
        expect(failed).toEqual([]);
        expect(result.ok).toBe(true);
        const names = result.checks.map((c) => c.name);
        expect(names).toEqual(
            expect.arrayContaining([
                'object LL_Scoring_Model__c',
                'object LL_Settings__c',
                'fields Lead',
                'score fields editable',
                'queue LL_Marketing_Nurture',
                'settings',
                'scoring model'
            ])
        );
        expect(result.checks.find((c) => c.name === 'scoring model')?.status).toBe('pass');
        expect(api.calls).toBeGreaterThan(before);
    });

    it('fails naming the field when the org lacks a package field', async () => {
        // A copy of the project whose metadata has a field the org does not know.
        const copy = mkdtempSync(path.join(tmpdir(), 'leadloop-cli-meta-'));
        try {
            cpSync(
                path.join(PROJECT_ROOT, 'sfdx-project.json'),
                path.join(copy, 'sfdx-project.json')
            );
            cpSync(path.join(PROJECT_ROOT, 'force-app'), path.join(copy, 'force-app'), {
                recursive: true,
                filter: (src) => !src.includes('node_modules') && !src.includes('__tests__')
            });
            const fieldDir = path.join(copy, 'force-app/main/default/objects/Lead/fields');
            cpSync(
                path.join(fieldDir, 'LL_Score__c.field-meta.xml'),
                path.join(fieldDir, 'LL_Not_Deployed__c.field-meta.xml')
            );
            const { writeFileSync, readFileSync } = await import('node:fs');
            const f = path.join(fieldDir, 'LL_Not_Deployed__c.field-meta.xml');
            writeFileSync(f, readFileSync(f, 'utf8').replace(/LL_Score__c/g, 'LL_Not_Deployed__c'));
            const result = await doctor(api, { projectRoot: copy });
            expect(result.ok).toBe(false);
            const lead = result.checks.find((c) => c.name === 'fields Lead');
            expect(lead?.status).toBe('fail');
            expect(lead?.message).toMatch(/LL_Not_Deployed__c/);
        } finally {
            rmSync(copy, { recursive: true, force: true });
        }
    });

    it('refuses to run without package metadata', async () => {
        const empty = mkdtempSync(path.join(tmpdir(), 'leadloop-cli-nometa-'));
        try {
            await expect(doctor(api, { projectRoot: empty })).rejects.toThrow(
                /Cannot read the package metadata/
            );
        } finally {
            rmSync(empty, { recursive: true, force: true });
        }
    });
});
