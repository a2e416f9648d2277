/**
 * Contract tests: unmodified jsforce against the local org, as against a real
 * org. Describe, CRUD, query/queryMore over 5,000 records, relationship fields,
 * aggregates, collections with per-record errors, Bulk API 2.0 load and query,
 * and the platform's errors — each failed write leaving the database unchanged.
 */
import jsforce, { type Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION } from '../../core/src/index';
import { startLocalOrg, type LocalOrg } from '../src/index';

let org: LocalOrg;
let conn: Connection;

async function leadCount(): Promise<number> {
    return (await conn.query('SELECT COUNT() FROM Lead')).totalSize;
}

async function expectError(p: PromiseLike<unknown>, errorCode: string): Promise<void> {
    await expect(Promise.resolve(p)).rejects.toMatchObject({ errorCode });
}

beforeAll(async () => {
    org = await startLocalOrg({ dataDir: ':memory:' });
    conn = new jsforce.Connection({
        instanceUrl: org.instanceUrl,
        accessToken: org.accessToken,
        version: API_VERSION
    });
    // 5,000 leads for paging, written through the store in one transaction.
    const queue = org.store.find('Group', {
        fields: ['Id'],
        where: { field: 'Type', op: 'eq', value: 'Queue' },
        limit: 1,
        offset: 0
    }).records[0].Id;
    org.store.transaction(() => {
        for (let i = 0; i < 5000; i++) {
            org.store.create('Lead', {
                LastName: `Page${i}`,
                Company: `Co ${i % 50}`,
                Status: i % 2 ? 'New' : 'Working',
                ...(i % 10 === 0 ? { OwnerId: queue } : {})
            });
        }
    });
});

afterAll(async () => {
    await org?.close();
});

describe('describe', () => {
    it('describes the org and the package fields', async () => {
        const global = await conn.describeGlobal();
        expect(global.sobjects.map((s) => s.name)).toEqual(
            expect.arrayContaining(['Lead', 'User', 'Group', 'Task', 'LL_Scoring_Model__c'])
        );
        const lead = await conn.describe('Lead');
        const tier = lead.fields.find((f) => f.name === 'LL_Tier__c')!;
        expect(tier.type).toBe('picklist');
        expect(tier.picklistValues!.map((p) => p.value)).toEqual(['Hot', 'Warm', 'Cool', 'Cold']);
        expect(lead.fields.find((f) => f.name === 'LL_Source_Id__c')).toMatchObject({
            externalId: true,
            unique: true,
            length: 80
        });
        await expectError(conn.describe('Nope__c'), 'NOT_FOUND');
    });
});

describe('records', () => {
    it('creates, reads, updates and deletes, maintaining system fields', async () => {
        const created = (await conn.sobject('Lead').create({
            FirstName: 'Ana',
            LastName: 'Ng',
            Company: 'Acme',
            Email: 'ana@acme.example'
        })) as { id: string; success: boolean };
        expect(created.success).toBe(true);
        expect(created.id).toMatch(/^00Q[a-zA-Z0-9]{15}$/);
        const rec = (await conn.sobject('Lead').retrieve(created.id)) as Record<string, unknown>;
        expect(rec).toMatchObject({ Name: 'Ana Ng', IsConverted: false, Status: 'New' });
        expect(rec.CreatedDate).toBeTruthy();
        expect(rec.LL_Status_Changed_At__c).toBeTruthy();
        // 15-character ids are accepted on input.
        await conn.sobject('Lead').update({ Id: created.id.slice(0, 15), Status: 'Working' });
        const after = (await conn.sobject('Lead').retrieve(created.id)) as Record<string, unknown>;
        expect(after.Status).toBe('Working');
        expect((after.LastModifiedDate as string) >= (rec.LastModifiedDate as string)).toBe(true);
        await conn.sobject('Lead').destroy(created.id);
        await expectError(conn.sobject('Lead').retrieve(created.id), 'NOT_FOUND');
        await expectError(
            conn.sobject('Lead').update({ Id: created.id, Status: 'New' }),
            'ENTITY_IS_DELETED'
        );
    });

    it('upserts by external id without duplicating', async () => {
        const first = await conn
            .sobject('Lead')
            .upsert({ LL_Source_Id__c: 'ext-1', LastName: 'Ext', Company: 'X' }, 'LL_Source_Id__c');
        const second = await conn
            .sobject('Lead')
            .upsert(
                { LL_Source_Id__c: 'ext-1', LastName: 'Ext2', Company: 'X' },
                'LL_Source_Id__c'
            );
        expect(first).toMatchObject({ success: true, created: true });
        expect(second).toMatchObject({ id: (first as { id: string }).id, created: false });
        const rows = await conn.query("SELECT LastName FROM Lead WHERE LL_Source_Id__c = 'ext-1'");
        expect(rows.records.map((r) => r.LastName)).toEqual(['Ext2']);
    });

    it('keeps LastActivityDate in step with tasks and events', async () => {
        const lead = (await conn.sobject('Lead').create({ LastName: 'Act', Company: 'A' })) as {
            id: string;
        };
        await conn.sobject('Task').create({
            Subject: 'Call',
            WhoId: lead.id,
            ActivityDate: '2026-10-01',
            Status: 'Completed'
        });
        await conn.sobject('Event').create({
            Subject: 'Demo',
            WhoId: lead.id,
            StartDateTime: '2026-10-05T10:00:00Z',
            EndDateTime: '2026-10-05T11:00:00Z'
        });
        const rec = (await conn.sobject('Lead').retrieve(lead.id)) as Record<string, unknown>;
        expect(rec.LastActivityDate).toBe('2026-10-05');
    });

    it('answers with the platform error codes and writes nothing', async () => {
        const before = await leadCount();
        const lead = conn.sobject('Lead');
        await expectError(lead.create({ Company: 'No last name' }), 'REQUIRED_FIELD_MISSING');
        await expectError(
            lead.create({ LastName: 'X', Company: 'Y', LL_Tier__c: 'Scorching' }),
            'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST'
        );
        await expectError(
            lead.create({ LastName: 'X'.repeat(81), Company: 'Y' }),
            'STRING_TOO_LONG'
        );
        await expectError(
            lead.create({ LastName: 'X', Company: 'Y', OwnerId: 'not-an-id' }),
            'MALFORMED_ID'
        );
        await expectError(
            lead.create({ LastName: 'X', Company: 'Y', Bogus__c: 1 }),
            'INVALID_FIELD'
        );
        await expectError(
            lead.create({ LastName: 'X', Company: 'Y', LL_Source_Id__c: 'ext-1' }),
            'DUPLICATE_VALUE'
        );
        await expectError(conn.sobject('Nope__c').create({ Name: 'x' }), 'NOT_FOUND');
        expect(await leadCount()).toBe(before);
    });
});

describe('query', () => {
    it('pages 5,000 records with queryMore', async () => {
        const first = await conn.query("SELECT Id, Name FROM Lead WHERE LastName LIKE 'Page%'");
        expect(first.totalSize).toBe(5000);
        expect(first.done).toBe(false);
        expect(first.records).toHaveLength(2000);
        const ids = new Set(first.records.map((r) => r.Id));
        let page = first;
        while (!page.done) {
            page = await conn.queryMore(page.nextRecordsUrl!);
            page.records.forEach((r) => ids.add(r.Id));
        }
        expect(ids.size).toBe(5000);
    });

    it('follows parent relationships, including the polymorphic owner', async () => {
        const rows = await conn.query(
            "SELECT Id, Owner.Name, Owner.IsActive, Owner.Type FROM Lead WHERE LastName IN ('Page0', 'Page1') ORDER BY LastName"
        );
        const [queued, owned] = rows.records as Record<string, Record<string, unknown>>[];
        expect(queued.Owner).toMatchObject({
            attributes: { type: 'Group' },
            Name: 'Lead Loop Marketing Nurture',
            Type: 'Queue'
        });
        expect(owned.Owner).toMatchObject({
            attributes: { type: 'User' },
            Name: 'Ada Admin',
            IsActive: true,
            Type: 'User'
        });
    });

    it('filters with AND/OR/NOT/IN/LIKE/NULL and date literals, sorts, limits', async () => {
        const rows = await conn.query(
            "SELECT LastName FROM Lead WHERE (LastName LIKE 'Page1%' OR LastName = 'Page2') AND NOT Status IN ('New') AND Email = null AND CreatedDate = LAST_N_DAYS:1 ORDER BY LastName DESC LIMIT 3 OFFSET 1"
        );
        // 'Page2' sorts first (string order); OFFSET 1 skips it.
        expect(rows.records.map((r) => r.LastName)).toEqual(['Page1998', 'Page1996', 'Page1994']);
        const none = await conn.query('SELECT Id FROM Lead WHERE CreatedDate < LAST_N_DAYS:30');
        expect(none.totalSize).toBe(0);
    });

    it('counts and groups', async () => {
        expect(
            (await conn.query("SELECT COUNT() FROM Lead WHERE LastName LIKE 'Page%'")).totalSize
        ).toBe(5000);
        const grouped = await conn.query(
            "SELECT Status, COUNT(Id) n FROM Lead WHERE LastName LIKE 'Page%' GROUP BY Status"
        );
        const counts = Object.fromEntries(grouped.records.map((r) => [r.Status, r.n]));
        expect(counts).toEqual({ New: 2500, Working: 2500 });
    });

    it('returns child subqueries', async () => {
        const lead = (await conn.sobject('Lead').create({ LastName: 'Kids', Company: 'K' })) as {
            id: string;
        };
        await conn
            .sobject('Task')
            .create({ Subject: 'Email', WhoId: lead.id, ActivityDate: '2026-11-01' });
        const rows = await conn.query(
            `SELECT Id, (SELECT Subject FROM Tasks) FROM Lead WHERE Id = '${lead.id}'`
        );
        const tasks = rows.records[0].Tasks as {
            totalSize: number;
            records: { Subject: string }[];
        };
        expect(tasks.totalSize).toBe(1);
        expect(tasks.records[0].Subject).toBe('Email');
    });

    it('treats quotes in literals as data, never as SOQL', async () => {
        const before = await leadCount();
        const evil = "x' OR Name != 'y";
        const escaped = evil.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
        const rows = await conn.query(`SELECT Id FROM Lead WHERE LastName = '${escaped}'`);
        expect(rows.totalSize).toBe(0);
        await expectError(
            conn.query("SELECT Id FROM Lead WHERE LastName = 'x' OR 1=1"),
            'MALFORMED_QUERY'
        );
        await expectError(conn.query('SELECT Id FROM Lead; DELETE FROM Lead'), 'MALFORMED_QUERY');
        await expectError(conn.query('SELECT Nope FROM Lead'), 'INVALID_FIELD');
        await expectError(conn.query('SELECT Id FROM Nope__c'), 'INVALID_TYPE');
        expect(await leadCount()).toBe(before);
    });
});

describe('sObject Collections', () => {
    it('reports per-record errors and keeps the good records when allOrNone is false', async () => {
        const results = (await conn.sobject('Lead').create(
            [
                { LastName: 'C1', Company: 'C' },
                { LastName: 'C2', Company: 'C', Status: 'Bogus' },
                { LastName: 'C3', Company: 'C' }
            ],
            { allOrNone: false }
        )) as { success: boolean; errors: { statusCode?: string; errorCode?: string }[] }[];
        expect(results.map((r) => r.success)).toEqual([true, false, true]);
        const err = results[1].errors[0];
        expect(err.statusCode ?? err.errorCode).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
    });

    it('rolls everything back when allOrNone is true', async () => {
        const before = await leadCount();
        const results = (await conn
            .sobject('Lead')
            .create(
                [
                    { LastName: 'A1', Company: 'C' },
                    { LastName: 'A2', Company: 'C', Status: 'Bogus' }
                ],
                { allOrNone: true }
            )
            .catch((e) => e)) as unknown;
        expect(await leadCount()).toBe(before);
        expect(JSON.stringify(results)).toMatch(
            /ALL_OR_NONE_OPERATION_ROLLED_BACK|INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST/
        );
    });

    it('refuses more than 200 records per call', async () => {
        const res = await fetch(
            `${org.instanceUrl}/services/data/v${API_VERSION}/composite/sobjects`,
            {
                method: 'POST',
                headers: {
                    Authorization: `Bearer ${org.accessToken}`,
                    'Content-Type': 'application/json'
                },
                body: JSON.stringify({
                    allOrNone: false,
                    records: Array.from({ length: 201 }, (_, i) => ({
                        attributes: { type: 'Lead' },
                        LastName: `T${i}`,
                        Company: 'C'
                    }))
                })
            }
        );
        expect(res.status).toBe(400);
        expect((await res.json())[0].errorCode).toBe('EXCEEDED_ID_LIMIT');
    });
});

describe('Bulk API 2.0', () => {
    it('loads 10,000 leads and queries them back', async () => {
        const rows = Array.from({ length: 10_000 }, (_, i) => ({
            LastName: `Bulk${i}`,
            Company: 'Bulk, "Quoted" Inc',
            Status: i === 7 ? 'Bogus' : 'New',
            LL_Source_Id__c: `bulk-${i}`
        }));
        const res = await conn.bulk2.loadAndWaitForResults({
            object: 'Lead',
            operation: 'insert',
            input: rows,
            pollInterval: 200,
            pollTimeout: 120_000
        });
        expect(res.successfulResults).toHaveLength(9_999);
        expect(res.failedResults).toHaveLength(1);
        expect(res.failedResults[0].sf__Error).toMatch(/^INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST/);
        let n = 0;
        let sample: Record<string, unknown> | undefined;
        for await (const rec of await conn.bulk2.query(
            "SELECT Id, LastName, Company, Owner.Name FROM Lead WHERE LastName LIKE 'Bulk%'"
        )) {
            n++;
            sample ??= rec as Record<string, unknown>;
        }
        expect(n).toBe(9_999);
        expect(sample).toMatchObject({ Company: 'Bulk, "Quoted" Inc', 'Owner.Name': 'Ada Admin' });
    });

    it('fails a job with malformed CSV and writes nothing', async () => {
        const before = await leadCount();
        const base = `${org.instanceUrl}/services/data/v${API_VERSION}/jobs/ingest`;
        const headers = {
            Authorization: `Bearer ${org.accessToken}`,
            'Content-Type': 'application/json'
        };
        const job = await (
            await fetch(base, {
                method: 'POST',
                headers,
                body: JSON.stringify({ object: 'Lead', operation: 'insert' })
            })
        ).json();
        await fetch(`${base}/${job.id}/batches`, {
            method: 'PUT',
            headers: { ...headers, 'Content-Type': 'text/csv' },
            body: 'LastName,Company\n"Unclosed,Acme\n'
        });
        await fetch(`${base}/${job.id}`, {
            method: 'PATCH',
            headers,
            body: JSON.stringify({ state: 'UploadComplete' })
        });
        let info;
        for (let i = 0; i < 50; i++) {
            info = await (await fetch(`${base}/${job.id}`, { headers })).json();
            if (info.state === 'Failed' || info.state === 'JobComplete') break;
            await new Promise((r) => setTimeout(r, 50));
        }
        expect(info.state).toBe('Failed');
        expect(info.errorMessage).toMatch(/InvalidBatch/);
        expect(await leadCount()).toBe(before);
    });
});

describe('auth and hostile input', () => {
    const url = () => `${org.instanceUrl}/services/data/v${API_VERSION}/sobjects/Lead`;

    it('needs the token', async () => {
        expect((await fetch(url())).status).toBe(401);
        const wrong = await fetch(url(), {
            headers: { Authorization: 'Bearer 00DLL0000000001!wrong' }
        });
        expect(wrong.status).toBe(401);
        expect((await wrong.json())[0].errorCode).toBe('INVALID_SESSION_ID');
    });

    it('rejects malformed JSON and huge bodies without writing', async () => {
        const before = await leadCount();
        const headers = {
            Authorization: `Bearer ${org.accessToken}`,
            'Content-Type': 'application/json'
        };
        const bad = await fetch(url(), { method: 'POST', headers, body: '{"LastName": "x",' });
        expect(bad.status).toBe(400);
        expect((await bad.json())[0].errorCode).toBe('JSON_PARSER_ERROR');
        const notObject = await fetch(url(), { method: 'POST', headers, body: '[1,2]' });
        expect(notObject.status).toBe(400);
        const huge = await fetch(url(), {
            method: 'POST',
            headers,
            body: JSON.stringify({ LastName: 'x'.repeat(151 * 1024 * 1024), Company: 'y' })
        }).catch(() => null);
        if (huge) expect(huge.status).toBe(413);
        expect(await leadCount()).toBe(before);
    });
});

describe('faults', () => {
    it('locks a share of rows once, so a retry succeeds', async () => {
        org.setFaults({ lockRowShare: 0.5, seed: 7 });
        try {
            const rows = await conn.query(
                "SELECT Id FROM Lead WHERE LastName LIKE 'Page1%' LIMIT 100"
            );
            const updates = rows.records.map((r) => ({ Id: r.Id as string, Title: 'Locked?' }));
            const first = (await conn.sobject('Lead').update(updates, { allOrNone: false })) as {
                success: boolean;
                errors: { statusCode?: string; errorCode?: string }[];
            }[];
            const locked = first.filter((r) => !r.success);
            expect(locked.length).toBeGreaterThan(20);
            expect(
                locked.every(
                    (r) =>
                        (r.errors[0].statusCode ?? r.errors[0].errorCode) === 'UNABLE_TO_LOCK_ROW'
                )
            ).toBe(true);
            const retry = updates.filter((_u, i) => !first[i].success);
            const second = (await conn.sobject('Lead').update(retry, { allOrNone: false })) as {
                success: boolean;
            }[];
            expect(second.every((r) => r.success)).toBe(true);
        } finally {
            org.setFaults({});
        }
    });

    it('hits the request limit after N calls, and expires the token until refreshed', async () => {
        org.setFaults({ failAfterCalls: 2 });
        await conn.query('SELECT Id FROM Lead LIMIT 1');
        await conn.query('SELECT Id FROM Lead LIMIT 1');
        await expectError(conn.query('SELECT Id FROM Lead LIMIT 1'), 'REQUEST_LIMIT_EXCEEDED');
        org.setFaults({ expireTokenAfterCalls: 1 });
        await conn.query('SELECT Id FROM Lead LIMIT 1');
        await expectError(conn.query('SELECT Id FROM Lead LIMIT 1'), 'INVALID_SESSION_ID');
        const token = await (
            await fetch(`${org.instanceUrl}/services/oauth2/token`, {
                method: 'POST',
                headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
                body: new URLSearchParams({
                    grant_type: 'refresh_token',
                    refresh_token: org.refreshToken
                })
            })
        ).json();
        const fresh = new jsforce.Connection({
            instanceUrl: org.instanceUrl,
            accessToken: token.access_token,
            version: API_VERSION
        });
        expect((await fresh.query('SELECT COUNT() FROM Lead')).totalSize).toBeGreaterThan(5000);
        conn = fresh;
        org.setFaults({});
    });

    it('counts API calls in /limits', async () => {
        const limits = (await conn.request(`/services/data/v${API_VERSION}/limits`)) as {
            DailyApiRequests: { Max: number; Remaining: number };
        };
        expect(limits.DailyApiRequests.Max).toBe(100_000);
        expect(limits.DailyApiRequests.Remaining).toBeLessThan(100_000 - 20);
    });
});
