/**
 * jsforce 3.10.16's own Bulk API 1.0 scenarios (its repository's
 * test/bulk.test.ts), rewritten against a local org: unmodified jsforce
 * (`conn.bulk.load`, `conn.bulk.query`, `Query#update` / `Query#destroy`,
 * which use Bulk 1.0 above 200 records or below `bulkThreshold`), the same
 * assertions. Lead stands in for jsforce's BigTable__c; the CSV file
 * scenarios build their file from the fields the local org's Account has.
 */
import { Readable } from 'node:stream';
import jsforce, { type Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalOrg } from '../src/index';
import { staleConnection, startConformanceOrg } from './localOrg';

let org: LocalOrg;
let conn: Connection;
const BIG = 1_200;

beforeAll(async () => {
    ({ org, conn } = await startConformanceOrg(BIG));
    conn.bulk.pollInterval = 50;
});
// jsforce closes a load's job after answering (`cleanup` is not awaited): let those last
// requests land before the org goes away.
afterAll(async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await org.close();
});

type LoadResult = { id: string | null; success: boolean; created?: boolean; errors: string[] };

async function insertAccounts(id: string, qty = 20): Promise<LoadResult[]> {
    const rets = (await conn.bulk.load(
        'Account',
        'insert',
        Array.from({ length: qty }, (_, i) => ({ Name: `Bulk Account ${id} #${i + 1}` }))
    )) as LoadResult[];
    expect(rets).toHaveLength(qty);
    for (const r of rets) expect(r).toMatchObject({ success: true, created: true });
    expect(rets.every((r) => typeof r.id === 'string')).toBe(true);
    return rets;
}

/** A batch fed from a stream, as jsforce's file scenarios pipe a file into `batch.stream()`. */
function loadFromStream(operation: 'insert' | 'delete', csv: string): Promise<LoadResult[]> {
    const batch = conn.bulk.load('Account', operation);
    Readable.from([csv]).pipe(batch.stream());
    return new Promise((resolve, reject) => {
        batch.on('response', resolve);
        batch.on('error', reject);
    });
}

let seq = 0;
const uniqueId = () => `${Date.now()}-${++seq}`;

describe('bulk (API 1.0) load', () => {
    it('inserts 200 records and reports the one without Name as the platform does', async () => {
        const id = uniqueId();
        const records = [
            ...Array.from({ length: 200 }, (_, i) => ({
                Name: `Bulk Account ${id} #${i + 1}`,
                NumberOfEmployees: 300 * (i + 1)
            })),
            { BillingState: 'CA' }
        ];
        const rets = (await conn.bulk.load('Account', 'insert', records)) as LoadResult[];
        expect(rets).toHaveLength(201);
        for (const r of rets.slice(0, -1)) {
            expect(typeof r.id).toBe('string');
            expect(r.success).toBe(true);
        }
        expect(rets[200].id).toBeNull();
        expect(rets[200].success).toBe(false);
        expect(rets[200].errors[0]).toBe(
            'REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --'
        );
    });
    it('updates and returns the updated status', async () => {
        const id = uniqueId();
        await insertAccounts(id);
        const records = await conn
            .sobject('Account')
            .find({ Name: { $like: `Bulk Account ${id}%` } }, ['Id', 'Name'])
            .execute();
        const rets = (await conn.bulk.load(
            'Account',
            'update',
            records.map((r) => ({ ...r, Name: `${r.Name as string} (Updated)` }))
        )) as LoadResult[];
        expect(rets).toHaveLength(20);
        for (const r of rets) expect(r).toMatchObject({ success: true });
        const after = await conn
            .sobject('Account')
            .find({ Name: { $like: `Bulk Account ${id}%` } }, 'Name');
        expect(after.every((r) => String(r.Name).endsWith('(Updated)'))).toBe(true);
    });
    it('refuses an empty update with ClientInputError', async () => {
        await expect(conn.bulk.load('Account', 'update', [])).rejects.toMatchObject({
            name: 'ClientInputError'
        });
    });
    it('deletes and returns the deleted status', async () => {
        const id = uniqueId();
        await insertAccounts(id, 250);
        const records = await conn
            .sobject('Account')
            .find({ Name: { $like: `Bulk Account ${id}%` } })
            .execute();
        const rets = (await conn.bulk.load('Account', 'delete', records)) as LoadResult[];
        expect(rets).toHaveLength(250);
        expect(rets.every((r) => r.success && typeof r.id === 'string')).toBe(true);
        expect(
            await conn.sobject('Account').count({ Name: { $like: `Bulk Account ${id}%` } })
        ).toBe(0);
    });
    it('refuses an empty delete with ClientInputError', async () => {
        await expect(conn.bulk.load('Account', 'delete', [])).rejects.toMatchObject({
            name: 'ClientInputError'
        });
    });
});

describe('bulk (API 1.0) from files and to files', () => {
    it('inserts 100 accounts from a CSV stream (quoted multi-line values, upper-case header)', async () => {
        const rows = Array.from(
            { length: 100 },
            (_, i) =>
                `Bulk Account from CSV - #${i + 1},"345 Shoreline Park\nMountain View, CA 94043\nUSA",CA,${i * 10}`
        );
        const csv = `NAME,BILLINGSTREET,BILLINGSTATE,NUMBEROFEMPLOYEES\n${rows.join('\n')}\n`;
        const rets = await loadFromStream('insert', csv);
        try {
            expect(rets).toHaveLength(100);
            expect(rets.every((r) => r.success && typeof r.id === 'string')).toBe(true);
            const one = await conn.sobject('Account').retrieve(rets[0].id!);
            expect(one.BillingStreet).toBe('345 Shoreline Park\nMountain View, CA 94043\nUSA');
        } finally {
            await conn.bulk.load(
                'Account',
                'delete',
                rets.map((r) => ({ Id: r.id ?? undefined }))
            );
        }
    });
    it('deletes from a CSV stream and closes the job', async () => {
        const id = uniqueId();
        await insertAccounts(id);
        const records = await conn
            .sobject('Account')
            .find({ Name: { $like: `Bulk Account ${id}%` } });
        expect(records).toHaveLength(20);
        const batch = conn.bulk.load('Account', 'delete');
        Readable.from([`Id\n${records.map((r) => r.Id).join('\n')}\n`]).pipe(batch.stream());
        const [rets] = await Promise.all([
            new Promise<LoadResult[]>((resolve, reject) => {
                batch.on('response', resolve);
                batch.on('error', reject);
            }),
            new Promise<void>((resolve) => batch.job.on('close', () => resolve()))
        ]);
        expect(rets).toHaveLength(20);
        expect(rets.every((r) => r.success)).toBe(true);
    });
    it('queries the big table into records and CSV', async () => {
        const count = await conn.sobject('Lead').count({});
        const stream = await conn.bulk.query('SELECT Id, Name FROM Lead');
        let csv = '';
        const records = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
            const recs: Record<string, unknown>[] = [];
            stream
                .on('record', (rec: Record<string, unknown>) => recs.push(rec))
                .on('error', reject)
                .stream()
                .on('data', (chunk: Buffer) => (csv += chunk.toString('utf8')))
                .on('end', () => resolve(recs));
        });
        expect(records).toHaveLength(count);
        expect(records.every((r) => typeof r.Id === 'string' && typeof r.Name === 'string')).toBe(
            true
        );
        expect(csv.replace(/[\r\n]+$/, '').split(/[\r\n]/)).toHaveLength(count + 1);
    });
});

describe('bulk (API 1.0) sessions', () => {
    it('refreshes an invalid session through refreshFn and goes on', async () => {
        const inserted = (await conn.bulk.load(
            'Account',
            'insert',
            Array.from({ length: 100 }, (_, i) => ({ Name: `Session Expiry Test #${i}` }))
        )) as LoadResult[];
        let refreshed = false;
        const stale = staleConnection(org, () => (refreshed = true));
        stale.bulk.pollInterval = 50;
        const rets = (await stale.bulk.load(
            'Account',
            'delete',
            inserted.map((r) => ({ Id: r.id ?? undefined }))
        )) as LoadResult[];
        expect(refreshed).toBe(true);
        expect(rets).toHaveLength(100);
        expect(rets.every((r) => r.success)).toBe(true);
    });
    it('without refreshFn, an invalid session is InvalidSessionId', async () => {
        const stale = staleConnection(org);
        await expect(
            stale.bulk.load('Account', 'insert', [{ Name: 'Impossible Bulk Account #1' }])
        ).rejects.toMatchObject({ name: 'InvalidSessionId' });
    });
});

describe('bulk (API 1.0) through Query#update and Query#destroy', () => {
    const before1970 = { CreatedDate: { $lt: new jsforce.SfDate('1970-01-01T00:00:00Z') } };
    it('updates 250 records (over the 200 threshold, so through Bulk 1.0)', async () => {
        const id = uniqueId();
        await insertAccounts(id, 250);
        const rets = await conn
            .sobject('Account')
            .find({ Name: { $like: `Bulk Account ${id}%` } })
            .update({ Name: '${Name} (Updated)' });
        expect(rets).toHaveLength(250);
        expect(rets.every((r) => r.success && typeof r.id === 'string')).toBe(true);
        const records = await conn
            .sobject('Account')
            .find({ Name: { $like: `Bulk Account ${id}%` } }, 'Id, Name');
        expect(records).toHaveLength(250);
        expect(records.every((r) => String(r.Name).endsWith('(Updated)'))).toBe(true);
    });
    it('an update matching nothing answers no results', async () => {
        const rets = await conn
            .sobject('Account')
            .find(before1970)
            .update({ Name: '${Name} (Updated)', BillingState: null });
        expect(rets).toEqual([]);
    });
    it('destroys 250 records', async () => {
        const id = uniqueId();
        await insertAccounts(id, 250);
        const rets = await conn
            .sobject('Account')
            .find({ Name: { $like: `Bulk Account ${id}%` } })
            .destroy();
        expect(rets).toHaveLength(250);
        expect(rets.every((r) => r.success && typeof r.id === 'string')).toBe(true);
    });
    it('a destroy matching nothing answers no results', async () => {
        expect(await conn.sobject('Account').find(before1970).destroy()).toEqual([]);
    });
    it('updates 20 records through Bulk 1.0 with bulkThreshold 0', async () => {
        const id = uniqueId();
        const inserted = (await conn.bulk.load(
            'Account',
            'insert',
            Array.from({ length: 20 }, (_, i) => ({
                Name: `New Bulk Account ${id} #${i + 1}`,
                BillingState: 'CA',
                NumberOfEmployees: 300 * (i + 1)
            }))
        )) as LoadResult[];
        expect(inserted.every((r) => r.success)).toBe(true);
        const rets = await conn
            .sobject('Account')
            .find({ Name: { $like: `New Bulk Account ${id}%` } })
            .update({ Name: '${Name} (Updated)', BillingState: null }, { bulkThreshold: 0 });
        expect(rets).toHaveLength(20);
        expect(rets.every((r) => r.success)).toBe(true);
        const after = await conn
            .sobject('Account')
            .find({ Name: { $like: `New Bulk Account ${id}%` } }, 'Id, Name, BillingState');
        expect(
            after.every((r) => String(r.Name).endsWith('(Updated)') && r.BillingState === null)
        ).toBe(true);
    });
    it('destroys 20 records through Bulk 1.0 with bulkThreshold 0', async () => {
        const id = uniqueId();
        await insertAccounts(`New ${id}`);
        const rets = await conn
            .sobject('Account')
            .find({ Name: { $like: `Bulk Account New ${id}%` } })
            .destroy({ bulkThreshold: 0 });
        expect(rets).toHaveLength(20);
        expect(rets.every((r) => r.success)).toBe(true);
    });
});
