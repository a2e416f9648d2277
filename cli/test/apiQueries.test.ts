/**
 * `Api.queries`: small reads together in composite requests against a real local org. The
 * answers are those of the same queries read one by one; five queries cost one API call (the
 * platform's cap on query subrequests), a sixth a second; a query with more rows than a page
 * is read to its end; a refused query fails the read with the org's error code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, cond, soql } from '../src/api/index';
import { closeEnv, newEnv, type Env } from './orgEnv';

let env: Env;
const LEADS = 2_150;

beforeAll(async () => {
    env = await newEnv();
    for (let i = 0; i < LEADS; i++)
        env.org.store.create('Lead', {
            LastName: `Composite${String(i).padStart(4, '0')}`,
            Company: i % 2 ? 'Odd Co' : 'Even Co',
            Status: 'New'
        });
}, 120_000);

afterAll(async () => {
    if (env) await closeEnv(env);
});

const QUERIES = [
    soql({ select: ['COUNT()'], from: 'Lead' }),
    soql({ select: ['Id', 'Name', 'IsActive'], from: 'User' }),
    soql({ select: ['Id', 'Name'], from: 'Group', where: [cond('Type', '=', 'Queue')] }),
    soql({
        select: ['LastName', 'Company'],
        from: 'Lead',
        where: [cond('Company', '=', 'Odd Co')],
        orderBy: 'LastName'
    }),
    soql({ select: ['Id', 'LastName'], from: 'Lead', orderBy: 'LastName' }),
    soql({ select: ['LastName'], from: 'Lead', where: [cond('LastName', '=', "O'Hara")] })
];

describe('Api.queries', () => {
    it('answers as the queries one by one, five per call, every row past the first page', async () => {
        const one = new Api(env.conn());
        const alone = [];
        for (const q of QUERIES.slice(1)) alone.push(await one.query(q));
        const api = new Api(env.conn());
        const together = await api.queries(QUERIES);
        expect(together[0]).toEqual({ totalSize: LEADS, records: [] });
        expect(together.slice(1).map((r) => r.records)).toEqual(alone);
        expect(together[4].records).toHaveLength(LEADS);
        expect(together[4].totalSize).toBe(LEADS);
        expect(together[5].records).toEqual([]);
        // Queries 1-5 in one composite call, 6 in a second; the 2,150 leads' second page
        // (queryMore) one more.
        expect(api.calls).toBe(3);
    });

    it('costs one call for up to five small reads', async () => {
        const api = new Api(env.conn());
        await api.queries(QUERIES.slice(0, 4));
        expect(api.calls).toBe(1);
    });

    it('fails with the org refusing a query: its code and message, and no answers', async () => {
        const api = new Api(env.conn());
        const read = api.queries([QUERIES[0], 'SELECT NoSuchField__c FROM Lead']);
        await expect(read).rejects.toMatchObject({
            errorCode: 'INVALID_FIELD',
            message: expect.stringMatching(/NoSuchField__c/) as unknown
        });
        expect(api.calls).toBe(1);
    });
});
