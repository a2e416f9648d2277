/**
 * What jsforce's own suites need that Lead Loop's calls did not: the retrieve
 * of many records by POST (`{ ids, fields }`), and Bulk 2.0's `sf__Error` in
 * the platform's `CODE:message:Fields --` form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOrg, type LocalOrg } from '../src/index';
import { apiCall, runIngest } from './http';

let org: LocalOrg;
beforeAll(async () => {
    org = await startLocalOrg({ dataDir: ':memory:' });
});
afterAll(() => org.close());

describe('POST /composite/sobjects/{Object} (retrieve many)', () => {
    it('answers the records in order, null for ids without one', async () => {
        const a = org.store.create('Account', { Name: 'First', BillingState: 'CA' });
        const b = org.store.create('Account', { Name: 'Second', Type: 'Prospect' });
        org.store.delete('Account', b);
        const res = await apiCall(org, '/composite/sobjects/Account', {
            method: 'POST',
            body: JSON.stringify({ ids: [a, b], fields: ['Id', 'Name', 'BillingState'] })
        });
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual([
            {
                attributes: expect.objectContaining({ type: 'Account' }),
                Id: a,
                Name: 'First',
                BillingState: 'CA'
            },
            null
        ]);
    });

    it('refuses a body without ids or fields, and bad field names', async () => {
        const post = (body: unknown) =>
            apiCall(org, '/composite/sobjects/Account', {
                method: 'POST',
                body: JSON.stringify(body)
            });
        const missing = await post({ ids: ['001000000000000AAA'] });
        expect(missing.status).toBe(400);
        expect(((await missing.json()) as { errorCode: string }[])[0].errorCode).toBe(
            'JSON_PARSER_ERROR'
        );
        const bad = await post({ ids: ['001000000000000AAA'], fields: ['Name; DROP'] });
        expect(((await bad.json()) as { errorCode: string }[])[0].errorCode).toBe('INVALID_FIELD');
    });
});

describe('Bulk 2.0 failed results', () => {
    it('write sf__Error as CODE:message:Fields --', async () => {
        const out = await runIngest(org, { object: 'Account', operation: 'insert' }, [
            'Name,BillingState\nGood,CA\n,NY\n'
        ]);
        expect(out.failed[1].slice(0, 2)).toEqual([
            '',
            'REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --'
        ]);
    });
});
