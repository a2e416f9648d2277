/**
 * The package's reports are Report records in the local org (Id, DeveloperName, Name,
 * FolderName, Format from force-app/main/default/reports), read-only as on the platform.
 * `leadloop link-reports` reads them by DeveloperName over REST (cli/test/linkReports.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINKED_REPORTS } from '../../core/src/index';
import { readReports } from '../../metadata/src/index';
import { PROJECT_ROOT } from '../src/store/org';
import { startLocalOrg, type LocalOrg } from '../src/index';
import { apiCall } from './http';

let org: LocalOrg;
const reports = readReports(`${PROJECT_ROOT}/force-app/main/default`);

beforeAll(async () => {
    org = await startLocalOrg({ dataDir: ':memory:' });
});

afterAll(async () => {
    await org.close();
});

describe('Report records', () => {
    it('hold every report of the package metadata, with 00O ids', async () => {
        const res = await apiCall(
            org,
            `/query?q=${encodeURIComponent('SELECT Id, DeveloperName, Name, FolderName, Format FROM Report ORDER BY DeveloperName')}`
        );
        expect(res.status).toBe(200);
        const { records } = (await res.json()) as { records: Record<string, string>[] };
        expect(reports.length).toBeGreaterThanOrEqual(LINKED_REPORTS.length);
        expect(records.map((r) => r.DeveloperName)).toEqual(reports.map((r) => r.developerName));
        for (const r of records) expect(r.Id).toMatch(/^00O[0-9A-Za-z]{15}$/);
        const funnel = records.find((r) => r.DeveloperName === 'LL_Lead_Funnel_By_Status')!;
        expect(funnel.FolderName).toBe('LL_Lead_Loop');
        expect(funnel.Name).toBe(
            reports.find((r) => r.developerName === funnel.DeveloperName)!.name
        );
    });

    it('are read-only', async () => {
        const res = await apiCall(org, '/sobjects/Report', {
            method: 'POST',
            body: JSON.stringify({ DeveloperName: 'Mine' })
        });
        expect(res.status).toBe(400);
        expect((await res.json())[0].errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    });
});
