/**
 * jsforce 3.10.16's own integration scenarios (its repository's
 * test/connection-crud, query, sobject and bulk2 suites), rewritten against a
 * local org: the same client calls, unmodified jsforce, the same assertions.
 * jsforce's suites use its test package's objects (BigTable__c,
 * UpsertTable__c); here Lead stands in for the big table and
 * Account.LL_Source_Id__c (a unique external id) for the upsert field.
 * Scenarios the local org does not serve yet are listed in
 * localorg/README.md with the reason; they are not here.
 */
import { Writable } from 'node:stream';
import jsforce, { type Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalOrg } from '../src/index';
import { staleConnection, startConformanceOrg } from './localOrg';

let org: LocalOrg;
let conn: Connection;
const BIG = 2_500;

beforeAll(async () => {
    ({ org, conn } = await startConformanceOrg(BIG));
});
afterAll(() => org.close());

describe('connection-crud: single record', () => {
    let id = '';
    it('creates, retrieves, updates (also with request headers)', async () => {
        const created = await conn.sobject('Account').create({ Name: 'Hello' });
        expect(created.success).toBe(true);
        id = created.id!;
        const record = await conn.sobject('Account').retrieve(id);
        expect(record.Id).toBe(id);
        expect(record.attributes).toMatchObject({ type: 'Account' });
        expect((await conn.sobject('Account').record(id).update({ Name: 'Hello2' })).success).toBe(
            true
        );
        expect((await conn.sobject('Account').record(id).retrieve()).Name).toBe('Hello2');
        const options = { headers: { 'SForce-Auto-Assign': 'FALSE' } };
        expect(
            (await conn.sobject('Account').record(id).update({ Name: 'Hello3' }, options)).success
        ).toBe(true);
        expect((await conn.sobject('Account').record(id).retrieve(options)).Name).toBe('Hello3');
    });
});

describe('connection-crud: multiple records', () => {
    let ids: string[] = [];
    it('creates and retrieves several (retrieve-multiple Collections)', async () => {
        const rets = await conn
            .sobject('Account')
            .create([{ Name: 'Account #1' }, { Name: 'Account #2' }]);
        expect(rets.every((r) => r.success)).toBe(true);
        ids = rets.map((r) => r.id!);
        const records = await conn.sobject('Account').retrieve(ids);
        expect(records.map((r) => r.Name)).toEqual(['Account #1', 'Account #2']);
    });
    it('updates several and reads the change back', async () => {
        const rets = await conn
            .sobject('Account')
            .update(ids.map((Id, i) => ({ Id, Name: `Updated Account #${i + 1}` })));
        expect(rets.every((r) => r.success)).toBe(true);
        const records = await conn.sobject('Account').retrieve(ids);
        expect(records.map((r) => r.Name)).toEqual(['Updated Account #1', 'Updated Account #2']);
    });
    it('destroys several; retrieving them answers null each', async () => {
        const rets = await conn.sobject('Account').destroy(ids);
        expect(rets.every((r) => r.success)).toBe(true);
        expect(await conn.sobject('Account').retrieve(ids)).toEqual([null, null]);
    });
});

describe('connection-crud: upsert', () => {
    const extId = `ID${Date.now()}`;
    let recId = '';
    it('creates when the external id is new, updates when it exists', async () => {
        const first = await conn
            .sobject('Account')
            .upsert({ Name: 'New Record', LL_Source_Id__c: extId }, 'LL_Source_Id__c');
        expect(first).toMatchObject({ success: true, created: true });
        recId = first.id!;
        const second = await conn
            .sobject('Account')
            .upsert({ Name: 'Updated Record', LL_Source_Id__c: extId }, 'LL_Source_Id__c');
        expect(second).toMatchObject({ success: true, created: false, id: recId });
        expect((await conn.sobject('Account').retrieve(recId)).Name).toBe('Updated Record');
    });
    it('upserts 5 records through sObject Collections', async () => {
        const records = Array.from({ length: 5 }, (_, i) => ({
            Name: `Upsert ${i}`,
            LL_Source_Id__c: `${extId}-${i}`
        }));
        const rets = await conn.sobject('Account').upsert(records, 'LL_Source_Id__c');
        expect(rets.map((r) => r.success)).toEqual([true, true, true, true, true]);
    });
    const makeRecords = (prefix: string, count: number): Record<string, unknown>[] =>
        Array.from({ length: count }, (_, i) => ({
            Name: `${prefix} #${i + 1}`,
            LL_Source_Id__c: `${prefix}_${extId}_${i}`
        }));
    it('upserts 5 records on API 45.0 (one request each) and 50.0 (Collections)', async () => {
        for (const version of ['45.0', '50.0']) {
            const versioned = new jsforce.Connection({
                instanceUrl: org.instanceUrl,
                accessToken: org.accessToken,
                version
            });
            const results = await versioned
                .sobject('Account')
                .upsert(makeRecords(`V${version}`, 5), 'LL_Source_Id__c');
            expect(results.map((r) => [r.success, typeof r.id])).toEqual(
                Array(5).fill([true, 'string'])
            );
        }
    });
    it('with allOrNone and one invalid owner, rolls back all with the platform codes', async () => {
        const records = makeRecords('AllOrNone', 5);
        records[2].OwnerId = 'INVALID_OWNER';
        const results = await conn
            .sobject('Account')
            .upsert(records, 'LL_Source_Id__c', { allOrNone: true });
        results.forEach((r, i) => {
            expect(r.success).toBe(false);
            expect(r.created).toBe(true);
            expect(
                r.errors.map((e) => (e as unknown as { statusCode: string }).statusCode)
            ).toContain(i === 2 ? 'MALFORMED_ID' : 'ALL_OR_NONE_OPERATION_ROLLED_BACK');
        });
        const found = await conn
            .sobject('Account')
            .find({ LL_Source_Id__c: { $in: records.map((r) => r.LL_Source_Id__c as string) } });
        expect(found).toHaveLength(0);
    });
});

describe('query', () => {
    it('queries accounts', async () => {
        const result = await conn.query('SELECT Id, Name FROM Account');
        expect(typeof result.totalSize).toBe('number');
    });
    it('queries with scanAll: deleted records come back with IsDeleted', async () => {
        const ret = await conn.sobject('Account').create({ Name: 'Deleting Account #1' });
        await conn.sobject('Account').record(ret.id!).destroy();
        const soql = 'SELECT Id, IsDeleted, Name FROM Account WHERE IsDeleted = true';
        const result = await conn.query(soql).run({ scanAll: true });
        expect(typeof result.totalSize).toBe('number');
        expect(result.totalSize).toBeGreaterThan(0);
        // Without scanAll the recycle bin is left out, as on the platform.
        expect((await conn.query(soql)).totalSize).toBe(0);
    });
    it('pages a big table with queryMore to the end', async () => {
        let result = await conn.query('SELECT Id, Name FROM Lead');
        expect(result.records).toHaveLength(2000);
        expect(result.done).toBe(false);
        let records = result.records;
        while (!result.done && result.nextRecordsUrl) {
            result = await conn.queryMore(result.nextRecordsUrl);
            records = [...records, ...result.records];
        }
        expect(records).toHaveLength(BIG);
    });
    it('autoFetch with maxFetch 2000 fetches one batch', async () => {
        let fetches = 0;
        const result = await conn
            .query('SELECT Id, Name FROM Lead', { autoFetch: true, maxFetch: 2000 })
            .on('fetch', () => fetches++);
        expect(result.records).toHaveLength(2000);
        expect(result.done).toBe(false);
        expect(fetches).toBe(1);
    });
    it('streams records without autoFetch (one batch) and with it (up to maxFetch)', async () => {
        const scan = (options: { autoFetch: boolean; maxFetch?: number }) =>
            new Promise<{ fetched: number; streamed: number }>((resolve, reject) => {
                let streamed = 0;
                const q = conn
                    .query('SELECT Id, Name FROM Lead')
                    .on('record', () => streamed++)
                    .on('end', () => resolve({ fetched: q.totalFetched, streamed }))
                    .on('error', reject);
                void q.run(options);
            });
        expect(await scan({ autoFetch: false })).toEqual({ fetched: 2000, streamed: 2000 });
        expect(await scan({ autoFetch: true, maxFetch: 5000 })).toEqual({
            fetched: BIG,
            streamed: BIG
        });
    });
    it('counts with responseTarget Count', async () => {
        const count = await conn.sobject('Lead').count({ Company: 'Big Co' });
        expect(count).toBe(BIG);
    });
    it('streams a query as CSV', async () => {
        let text = '';
        const out = new Writable({
            write(chunk: Buffer, _enc, next) {
                text += chunk.toString('utf8');
                next();
            }
        });
        await new Promise((resolve, reject) => {
            conn.query('SELECT Id, Name FROM Lead LIMIT 10')
                .stream('csv')
                .pipe(out)
                .on('finish', resolve)
                .on('error', reject);
        });
        const lines = text.trim().split('\n');
        expect(lines[0]).toBe('Id,Name');
        expect(lines).toHaveLength(11);
    });
});

describe('sobject: find and select', () => {
    beforeAll(async () => {
        const acme = await conn.sobject('Account').create({
            Name: 'Find Acme',
            NumberOfEmployees: 50,
            BillingState: 'CA',
            Type: 'Prospect'
        });
        await conn.sobject('Contact').create([
            { LastName: 'Coyote', AccountId: acme.id },
            { LastName: 'Runner', AccountId: acme.id }
        ]);
        await conn.sobject('Account').create({
            Name: 'Find Globex',
            NumberOfEmployees: 500,
            BillingState: 'NY',
            Type: 'Customer - Direct'
        });
    });
    it('find with conditions, sort and limit; findOne; count', async () => {
        const found = await conn
            .sobject('Account')
            .find({ Name: { $like: 'Find %' } }, 'Id, Name, NumberOfEmployees')
            .sort({ NumberOfEmployees: -1 })
            .limit(5);
        expect(found.map((r) => r.Name)).toEqual(['Find Globex', 'Find Acme']);
        const one = await conn
            .sobject('Account')
            .findOne({ BillingState: 'CA', Name: { $like: 'Find %' } }, 'Id, Name, Type');
        expect(one).toMatchObject({ Name: 'Find Acme', Type: 'Prospect' });
        expect(await conn.sobject('Account').count({ Name: { $like: 'Find %' } })).toBe(2);
    });
    it('select with multiple sort keys', async () => {
        const rows = await conn
            .sobject('Account')
            .select('Id, Name, BillingState')
            .where("Name LIKE 'Find %'")
            .sort({ BillingState: -1, Name: 1 });
        expect(rows.map((r) => r.BillingState)).toEqual(['NY', 'CA']);
    });
    it('select * (fields from describe) and child records through include', async () => {
        const all = await conn.sobject('Account').select('*').where("Name = 'Find Acme'");
        expect(all[0]).toMatchObject({
            Name: 'Find Acme',
            NumberOfEmployees: 50,
            BillingState: 'CA'
        });
        const withChildren = await conn
            .sobject('Account')
            .select('Id, Name')
            .where("Name = 'Find Acme'")
            .include('Contacts')
            .select('LastName')
            .sort({ LastName: 1 })
            .end();
        const contacts = (
            withChildren[0] as unknown as { Contacts: { records: { LastName: string }[] } }
        ).Contacts;
        expect(contacts.records.map((c) => c.LastName)).toEqual(['Coyote', 'Runner']);
    });
    it('Query#update with a ${field} template (sObject Collections, allowBulk false)', async () => {
        const rets = await conn
            .sobject('Account')
            .find({ Name: { $like: 'Find %' } })
            .update({ Name: '${Name} (Updated)', BillingState: null }, { allowBulk: false });
        expect(rets.every((r) => r.success)).toBe(true);
        const rows = await conn
            .sobject('Account')
            .find({ Name: { $like: 'Find %' } }, 'Name, BillingState');
        expect(
            rows.every((r) => String(r.Name).endsWith('(Updated)') && r.BillingState === null)
        ).toBe(true);
    });
    it('Query#destroy (allowBulk false)', async () => {
        const rets = await conn
            .sobject('Account')
            .find({ Name: { $like: 'Find %' } })
            .destroy({ allowBulk: false });
        expect(rets).toHaveLength(2);
        expect(await conn.sobject('Account').count({ Name: { $like: 'Find %' } })).toBe(0);
    });
});

describe('connection-crud: search', () => {
    it('finds the 20 accounts it inserted by a quoted id in their names (SOSL)', async () => {
        // jsforce inserts them through Bulk API 1.0 (conn.bulk.load); here through Collections.
        const id = Date.now();
        const inserted = await conn
            .sobject('Account')
            .create(
                Array.from({ length: 20 }, (_, i) => ({ Name: `Bulk Account ${id} #${i + 1}` }))
            );
        expect(inserted.every((r) => r.success)).toBe(true);
        const { searchRecords } = await conn.search(
            `FIND {"${id}"} IN NAME FIELDS RETURNING Account(Id, Name)`
        );
        expect(searchRecords).toHaveLength(20);
        expect(searchRecords[0]).toMatchObject({
            attributes: { type: 'Account' },
            Name: expect.stringContaining(String(id))
        });
    });

    it('a malformed search rejects with MALFORMED_SEARCH', async () => {
        await expect(conn.search('FIND Acme')).rejects.toMatchObject({
            errorCode: 'MALFORMED_SEARCH'
        });
    });
});

describe("SOQL the platform serves beyond jsforce's suites", () => {
    // Contacts, so that the Lead big table keeps its count for the bulk2 scenarios.
    beforeAll(async () => {
        const called = await conn
            .sobject('Contact')
            .create({ LastName: 'Semi Called', Title: 'Semi' });
        await conn.sobject('Contact').create({ LastName: 'Semi Quiet', Title: 'Semi' });
        await conn.sobject('Task').create({ Subject: 'Semi call', WhoId: called.id });
    });

    it('semi-joins and anti-joins through conn.query, TYPEOF through sobject find', async () => {
        const called = await conn.query<{ LastName: string }>(
            "SELECT LastName FROM Contact WHERE Title = 'Semi' AND Id IN (SELECT WhoId FROM Task WHERE Subject = 'Semi call')"
        );
        expect(called.records.map((r) => r.LastName)).toEqual(['Semi Called']);
        const quiet = await conn.query<{ LastName: string }>(
            "SELECT LastName FROM Contact WHERE Title = 'Semi' AND Id NOT IN (SELECT WhoId FROM Task)"
        );
        expect(quiet.records.map((r) => r.LastName)).toEqual(['Semi Quiet']);
        const tasks = await conn
            .sobject('Task')
            .find({ Subject: 'Semi call' }, 'Subject, TYPEOF Who WHEN Contact THEN Title END');
        expect(tasks[0]).toMatchObject({
            Who: { attributes: { type: 'Contact' }, Title: 'Semi' }
        });
    });

    it("FIELDS() with the platform's LIMIT rule", async () => {
        const rows = await conn
            .sobject('Contact')
            .find({ Title: 'Semi' }, 'FIELDS(ALL)')
            .sort({ LastName: 1 })
            .limit(200);
        expect(rows[0]).toMatchObject({ LastName: 'Semi Called', Title: 'Semi' });
        await expect(conn.query('SELECT FIELDS(ALL) FROM Contact')).rejects.toMatchObject({
            errorCode: 'MALFORMED_QUERY'
        });
    });

    it('HAVING on groups', async () => {
        const groups = await conn.query<{ Company: string }>(
            'SELECT Company, COUNT(Id) n FROM Lead GROUP BY Company HAVING COUNT(Id) > 100'
        );
        expect(groups.records.map((r) => r.Company)).toEqual(['Big Co']);
    });
});

describe('bulk2', () => {
    const tag = `Bulk Account ${Date.now()}`;
    it('inserts 200 good records and reports the one without Name as the platform does', async () => {
        const records = [
            ...Array.from({ length: 200 }, (_, i) => ({
                Name: tag,
                NumberOfEmployees: 300 * (i + 1)
            })),
            { BillingState: 'CA' }
        ];
        const res = await conn.bulk2.loadAndWaitForResults({
            object: 'Account',
            operation: 'insert',
            input: records
        });
        expect(res.successfulResults).toHaveLength(200);
        expect(res.successfulResults.every((r) => r.sf__Created === 'true')).toBe(true);
        expect(res.failedResults).toHaveLength(1);
        expect(res.failedResults[0].sf__Id).toBe('');
        expect(res.failedResults[0].sf__Error).toBe(
            'REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --'
        );
        expect(res.unprocessedRecords).toHaveLength(0);
    });
    it('updates and deletes what it inserted', async () => {
        const rows = await conn.sobject('Account').find({ Name: tag }, 'Id');
        const updated = await conn.bulk2.loadAndWaitForResults({
            object: 'Account',
            operation: 'update',
            input: rows.map((r) => ({ Id: r.Id, Name: `${tag} (Updated)` }))
        });
        expect(updated.successfulResults).toHaveLength(200);
        expect(updated.successfulResults.every((r) => r.sf__Created === 'false')).toBe(true);
        const deleted = await conn.bulk2.loadAndWaitForResults({
            object: 'Account',
            operation: 'delete',
            input: rows.map((r) => ({ Id: r.Id }))
        });
        expect(deleted.successfulResults).toHaveLength(200);
        expect(await conn.sobject('Account').count({ Name: { $like: `${tag}%` } })).toBe(0);
    });
    it('takes an empty input as a job with no records', async () => {
        const empty = await conn.bulk2.loadAndWaitForResults({
            object: 'Account',
            operation: 'insert',
            input: []
        });
        expect(empty.successfulResults).toHaveLength(0);
        expect(empty.failedResults).toHaveLength(0);
    });
    it('upserts by Id from CSV with a backquote delimiter', async () => {
        const created = await conn
            .sobject('Account')
            .create(Array.from({ length: 3 }, (_, i) => ({ Name: `Tick ${i}` })));
        const csv = ['Id`Name', ...created.map((c, i) => `${c.id}\`Tock ${i}`)].join('\n') + '\n';
        const res = await conn.bulk2.loadAndWaitForResults({
            object: 'Account',
            operation: 'upsert',
            externalIdFieldName: 'Id',
            columnDelimiter: 'BACKQUOTE',
            lineEnding: 'LF',
            input: csv
        });
        expect(res.failedResults).toEqual([]);
        expect(res.successfulResults).toHaveLength(3);
        expect((await conn.sobject('Account').retrieve(created[0].id!)).Name).toBe('Tock 0');
    });
    it('queries the big table', async () => {
        const records = await (await conn.bulk2.query('SELECT Id, Name FROM Lead')).toArray();
        expect(records).toHaveLength(BIG);
        expect(records.every((r) => typeof r.Id === 'string' && typeof r.Name === 'string')).toBe(
            true
        );
    });
    it('Query#update and Query#destroy through Bulk 2.0 (250 records)', async () => {
        const name = `Bulk Q ${Date.now()}`;
        await conn.bulk2.loadAndWaitForResults({
            object: 'Account',
            operation: 'insert',
            input: Array.from({ length: 250 }, (_, i) => ({
                Name: `${name} #${i}`,
                BillingState: 'CA'
            }))
        });
        const rets = await conn
            .sobject('Account')
            .find({ Name: { $like: `${name}%` } })
            .update({ Name: '${Name} (Updated)', BillingState: null }, { bulkApiVersion: 2 });
        expect(rets).toHaveLength(250);
        expect(rets.every((r) => r.success)).toBe(true);
        const after = await conn
            .sobject('Account')
            .find({ Name: { $like: `${name}%` } }, 'Name, BillingState');
        expect(
            after.every((r) => String(r.Name).endsWith('(Updated)') && r.BillingState === null)
        ).toBe(true);
        const gone = await conn
            .sobject('Account')
            .find({ Name: { $like: `${name}%` } })
            .destroy({ bulkApiVersion: 2 });
        expect(gone).toHaveLength(250);
        expect(await conn.sobject('Account').count({ Name: { $like: `${name}%` } })).toBe(0);
    });
    it('refreshes an invalid session through refreshFn and goes on', async () => {
        const inserted = await conn.bulk2.loadAndWaitForResults({
            object: 'Account',
            operation: 'insert',
            input: Array.from({ length: 100 }, (_, i) => ({ Name: `Session Expiry Test #${i}` }))
        });
        let refreshed = false;
        const stale = staleConnection(org, () => (refreshed = true));
        const deleted = await stale.bulk2.loadAndWaitForResults({
            object: 'Account',
            operation: 'delete',
            input: inserted.successfulResults.map((r) => ({ Id: r.sf__Id }))
        });
        expect(refreshed).toBe(true);
        expect(deleted.successfulResults).toHaveLength(100);
    });
    it('without refreshFn, an invalid session is INVALID_SESSION_ID', async () => {
        const stale = staleConnection(org);
        await expect(
            stale.bulk2.loadAndWaitForResults({
                object: 'Account',
                operation: 'insert',
                input: [{ Name: 'Impossible Bulk Account #1' }]
            })
        ).rejects.toMatchObject({ name: 'INVALID_SESSION_ID' });
    });
});
