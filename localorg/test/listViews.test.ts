/**
 * List views: every object has its "All" view (the name field and audit dates, ordered by
 * name), described, run a page at a time, and explained through `/query?explain={id}`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOrg, type LocalOrg } from '../src/index';
import { apiCall } from './http';

let org: LocalOrg;
beforeAll(async () => {
    org = await startLocalOrg({ dataDir: ':memory:' });
    for (const Name of ['Gamma', 'Alpha', 'Beta']) org.store.create('Account', { Name });
});
afterAll(() => org?.close());

const json = async <T>(path: string, status = 200): Promise<T> => {
    const res = await apiCall(org, path);
    expect(res.status).toBe(status);
    return (await res.json()) as T;
};

describe('list views', () => {
    it('lists, describes and runs the All view of an object', async () => {
        const list = await json<{ listviews: { id: string; label: string; resultsUrl: string }[] }>(
            '/sobjects/account/listviews'
        );
        expect(list.listviews).toHaveLength(1);
        const [view] = list.listviews;
        expect(view.label).toBe('All Accounts');
        expect(view.id).toMatch(/^00B[0-9A-Za-z]{15}$/);

        const described = await json<{ query: string; columns: { fieldNameOrPath: string }[] }>(
            `/sobjects/Account/listviews/${view.id}/describe`
        );
        expect(described.columns.map((c) => c.fieldNameOrPath)).toEqual([
            'Name',
            'CreatedDate',
            'LastModifiedDate'
        ]);
        expect(described.query).toMatch(
            /^SELECT Name, CreatedDate, LastModifiedDate, Id FROM Account ORDER BY Name ASC/
        );

        const page = await json<{
            done: boolean;
            size: number;
            records: { columns: { fieldNameOrPath: string; value: string | null }[] }[];
        }>(`/sobjects/Account/listviews/${view.id.slice(0, 15)}/results?limit=2`);
        expect(page.size).toBe(2);
        expect(page.done).toBe(false);
        expect(page.records.map((r) => r.columns[0].value)).toEqual(['Alpha', 'Beta']);
        const rest = await json<{ done: boolean; records: unknown[] }>(
            `/sobjects/Account/listviews/${view.id}/results?limit=2&offset=2`
        );
        expect(rest).toMatchObject({ done: true, records: [expect.anything()] });

        const plan = await json<{ plans: { cardinality: number; sobjectType: string }[] }>(
            `/query?explain=${view.id}`
        );
        expect(plan.plans[0]).toMatchObject({ cardinality: 3, sobjectType: 'Account' });
    });

    it("refuses another object's view, unknown ids and bad paging", async () => {
        const { listviews } = await json<{ listviews: { id: string }[] }>(
            '/sobjects/Account/listviews'
        );
        await json(`/sobjects/Contact/listviews/${listviews[0].id}/describe`, 404);
        await json('/sobjects/Account/listviews/00B000000000001/results', 404);
        await json(`/sobjects/Account/listviews/${listviews[0].id}/results?limit=-1`, 400);
        await json('/sobjects/Nope__c/listviews', 404);
    });
});
