/**
 * The sf CLI's `sf org login access-token` path, through the same library the
 * CLI uses (@salesforce/core): the token's format, the OAuth userinfo call, the
 * User read under the CLI's own API version, the dev hub probe, and the
 * Organization query that `sf org display` runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOrg, type LocalOrg } from '../src/index';
import { ALIAS, startSfSession, type SfSession } from './sfCli';

const home = mkdtempSync(path.join(tmpdir(), 'leadloop-sfhome-'));
const dataDir = mkdtempSync(path.join(tmpdir(), 'leadloop-sfcli-'));
let org: LocalOrg;

beforeAll(async () => {
    // @salesforce/core keeps its state under HOME: never the user's own.
    process.env.HOME = home;
    process.env.SF_DISABLE_TELEMETRY = 'true';
    org = await startLocalOrg({ dataDir });
});

afterAll(async () => {
    await org.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
});

describe('sf org login access-token', () => {
    it('accepts the token and finds the user and the organization', async () => {
        const { AuthInfo } = await import('@salesforce/core');
        const auth = await AuthInfo.create({
            accessTokenOptions: {
                accessToken: org.accessToken,
                instanceUrl: org.instanceUrl,
                loginUrl: org.instanceUrl
            }
        });
        const fields = auth.getFields();
        expect(fields.username).toBe(org.username);
        expect(fields.orgId).toMatch(/^00D[0-9A-Za-z]{15}$/);
        // The token's prefix is the org's own id, as on the platform.
        expect(org.accessToken.split('!')[0]).toBe(fields.orgId!.slice(0, 15));
        expect(fields.isDevHub).toBe(false);

        const { Connection } = await import('@salesforce/core');
        const conn = await Connection.create({ authInfo: auth });
        const info = await conn.singleRecordQuery<Record<string, unknown>>(
            'SELECT Name, InstanceName, IsSandbox, TrialExpirationDate, NamespacePrefix FROM Organization'
        );
        expect(info).toMatchObject({
            Name: 'Lead Loop Local Org',
            InstanceName: 'LOCAL',
            IsSandbox: false,
            TrialExpirationDate: null,
            NamespacePrefix: null
        });
        // Records carry their url in attributes even when Id is not selected.
        expect(info.attributes).toMatchObject({
            type: 'Organization',
            url: expect.stringMatching(/\/sobjects\/Organization\/00D[0-9A-Za-z]{15}$/)
        });
    });

    it('refuses a token in the right format that is not the org’s', async () => {
        const { AuthInfo } = await import('@salesforce/core');
        await expect(
            AuthInfo.create({
                accessTokenOptions: {
                    accessToken: `00DLL0000000001!${'x'.repeat(40)}`,
                    instanceUrl: org.instanceUrl,
                    loginUrl: org.instanceUrl
                }
            })
        ).rejects.toThrow(/Session expired or invalid/);
    });

    it('keeps the organization facts read-only', async () => {
        const res = await fetch(
            `${org.instanceUrl}/services/data/v${org.apiVersion}/sobjects/Organization`,
            {
                method: 'POST',
                headers: {
                    Authorization: `Bearer ${org.accessToken}`,
                    'Content-Type': 'application/json'
                },
                body: JSON.stringify({ Name: 'Other', InstanceName: 'NA1' })
            }
        );
        expect(res.status).toBe(400);
        const body = (await res.json()) as { errorCode: string }[];
        expect(body[0].errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    });
});

/**
 * The real `sf` (a process per command): the fast subset `npm test` runs; every
 * data and sobject command is in localorg/conformance/sfcli.test.ts
 * (`npm run test:conformance`).
 */
describe('the sf CLI itself', () => {
    let s: SfSession;
    beforeAll(async () => {
        s = await startSfSession();
        s.org.store.create('Lead', { LastName: 'Lovelace', Company: 'Engines', Status: 'New' });
    }, 120_000);
    afterAll(() => s?.close());

    it('logs in, queries and creates a record (paths under the CLI’s trailing slash)', async () => {
        const query = await s.sf(['data', 'query', '-q', 'SELECT LastName FROM Lead', '-o', ALIAS]);
        expect(query.code).toBe(0);
        expect(query.json.result).toMatchObject({
            totalSize: 1,
            records: [{ LastName: 'Lovelace' }]
        });

        const created = await s.sf([
            'data',
            'create',
            'record',
            '-s',
            'Lead',
            '-v',
            'LastName=Hopper Company=Navy',
            '-o',
            ALIAS
        ]);
        expect(created.code).toBe(0);
        const { id } = created.json.result as { id: string };
        expect(s.org.store.get('Lead', id)).toMatchObject({ LastName: 'Hopper', Company: 'Navy' });
    }, 120_000);
});
