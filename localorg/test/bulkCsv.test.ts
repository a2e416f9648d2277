/**
 * Bulk 2.0 ingest reads the CSV by its header: a row with more or fewer values
 * than the header fails alone, a duplicated column fails the job, and a second
 * upload whose header lists the columns in another order is mapped by name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOrg, type LocalOrg } from '../src/index';
import { runIngest } from './http';

let org: LocalOrg;

beforeAll(async () => {
    org = await startLocalOrg({ dataDir: ':memory:' });
});

afterAll(async () => {
    await org.close();
});

function lead(lastName: string) {
    return org.store.find('Lead', {
        fields: ['LastName', 'Company'],
        where: { field: 'LastName', op: 'eq', value: lastName },
        limit: 2,
        offset: 0
    }).records;
}

describe('Bulk 2.0 CSV rows and headers', () => {
    it('fails a row with more or fewer values than the header, and only that row', async () => {
        const out = await runIngest(org, { object: 'Lead', operation: 'insert' }, [
            'LastName,Company\nRagged Ok,Acme\nRagged Long,Acme,Extra\nRagged Short\n'
        ]);
        expect(out.info).toMatchObject({
            state: 'JobComplete',
            numberRecordsProcessed: 3,
            numberRecordsFailed: 2
        });
        expect(out.successful.length).toBe(2);
        expect(out.failed[0]).toEqual(['sf__Id', 'sf__Error', 'LastName', 'Company']);
        const errors = out.failed.slice(1).map((r) => r[1]);
        expect(errors[0]).toMatch(/3 values.*header has 2 columns/);
        expect(errors[1]).toMatch(/1 value.*header has 2 columns/);
        expect(lead('Ragged Ok')).toHaveLength(1);
        expect(lead('Ragged Long')).toHaveLength(0);
        expect(lead('Ragged Short')).toHaveLength(0);
    });

    it('fails the job when the header names a column twice', async () => {
        const out = await runIngest(org, { object: 'Lead', operation: 'insert' }, [
            'LastName,Company,LastName\nTwice A,Acme,Twice B\n'
        ]);
        expect(out.info.state).toBe('Failed');
        expect(out.info.errorMessage).toMatch(/LastName.*more than once/);
        expect(lead('Twice A')).toHaveLength(0);
        expect(lead('Twice B')).toHaveLength(0);
    });

    it('maps a second upload by its own header, whatever the column order', async () => {
        const out = await runIngest(org, { object: 'Lead', operation: 'insert' }, [
            'LastName,Company\nOrder One,Company One\n',
            'Company,LastName\nCompany Two,Order Two\n'
        ]);
        expect(out.info).toMatchObject({ state: 'JobComplete', numberRecordsFailed: 0 });
        expect(lead('Order Two')).toEqual([
            expect.objectContaining({ LastName: 'Order Two', Company: 'Company Two' })
        ]);
        // Results list every row under the first upload's header.
        expect(out.successful.map((r) => r.slice(2))).toEqual([
            ['LastName', 'Company'],
            ['Order One', 'Company One'],
            ['Order Two', 'Company Two']
        ]);
    });

    it('fails the job when a later upload has other columns', async () => {
        const out = await runIngest(org, { object: 'Lead', operation: 'insert' }, [
            'LastName,Company\nColumns One,Acme\n',
            'LastName,Title\nColumns Two,CEO\n'
        ]);
        expect(out.info.state).toBe('Failed');
        expect(out.info.errorMessage).toMatch(/upload 2.*columns/i);
        expect(lead('Columns One')).toHaveLength(0);
    });
});
