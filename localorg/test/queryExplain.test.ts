/** `GET /query?explain=`: one table-scan plan with the query's and the object's row counts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOrg, type LocalOrg } from '../src/index';
import { apiCall } from './http';

let org: LocalOrg;
beforeAll(async () => {
    org = await startLocalOrg({ dataDir: ':memory:' });
    for (const Name of ['Alpha', 'Beta', 'Gamma']) org.store.create('Account', { Name });
});
afterAll(() => org?.close());

const explain = (soql: string) => apiCall(org, `/query?explain=${encodeURIComponent(soql)}`);

describe('query plans', () => {
    it('answers the rows the query selects out of the rows the object has', async () => {
        const res = await explain("SELECT Id FROM account WHERE Name LIKE 'A%' OR Name = 'Beta'");
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({
            plans: [
                {
                    cardinality: 2,
                    fields: [],
                    leadingOperationType: 'TableScan',
                    notes: [],
                    relativeCost: 2 / 3,
                    sobjectCardinality: 3,
                    sobjectType: 'Account'
                }
            ],
            sourceQuery: "SELECT Id FROM account WHERE Name LIKE 'A%' OR Name = 'Beta'"
        });
    });

    it('refuses what is not a query of a known object', async () => {
        const bad = await explain('SELECT FROM');
        expect(bad.status).toBe(400);
        expect(((await bad.json()) as { errorCode: string }[])[0].errorCode).toBe(
            'MALFORMED_QUERY'
        );
        const unknown = await explain('SELECT Id FROM Nope__c');
        expect(unknown.status).toBe(400);
        expect(((await unknown.json()) as { errorCode: string }[])[0].errorCode).toBe(
            'INVALID_TYPE'
        );
    });
});
