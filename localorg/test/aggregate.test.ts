/** Aggregate SOQL: ORDER BY / OFFSET / LIMIT and HAVING apply to the groups. */
import jsforce, { type Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION } from '../../core/src/index';
import { startLocalOrg, type LocalOrg } from '../src/index';

let org: LocalOrg;
let conn: Connection;

beforeAll(async () => {
    org = await startLocalOrg({ dataDir: ':memory:' });
    conn = new jsforce.Connection({
        instanceUrl: org.instanceUrl,
        accessToken: org.accessToken,
        version: API_VERSION
    });
    // 3 New, 2 Working, 1 Qualified.
    const statuses = ['New', 'New', 'New', 'Working', 'Working', 'Qualified'];
    await conn
        .sobject('Lead')
        .create(statuses.map((Status, i) => ({ LastName: `L${i}`, Company: 'Acme', Status })));
});

afterAll(async () => {
    await org.close();
});

type Row = { Status: string; n: number };

describe('aggregate queries', () => {
    it('orders groups by an aggregate, then pages them', async () => {
        const all = await conn.query<Row>(
            'SELECT Status, COUNT(Id) n FROM Lead GROUP BY Status ORDER BY COUNT(Id) DESC'
        );
        expect(all.records.map((r) => [r.Status, r.n])).toEqual([
            ['New', 3],
            ['Working', 2],
            ['Qualified', 1]
        ]);
        const page = await conn.query<Row>(
            'SELECT Status, COUNT(Id) n FROM Lead GROUP BY Status ORDER BY Status ASC LIMIT 1 OFFSET 1'
        );
        expect(page.records.map((r) => r.Status)).toEqual(['Qualified']);
        const fewest = await conn.query<Row>(
            'SELECT Status, COUNT(Id) n FROM Lead GROUP BY Status ORDER BY COUNT(Id) ASC LIMIT 2'
        );
        expect(fewest.records.map((r) => r.n)).toEqual([1, 2]);
    });

    it('keeps the groups HAVING passes, before ORDER BY and LIMIT', async () => {
        const many = await conn.query<Row>(
            'SELECT Status, COUNT(Id) n FROM Lead GROUP BY Status HAVING COUNT(Id) > 1 ORDER BY Status'
        );
        expect(many.records.map((r) => [r.Status, r.n])).toEqual([
            ['New', 3],
            ['Working', 2]
        ]);
        expect(many.totalSize).toBe(2);
        // An aggregate only HAVING names is computed, not returned; text compares without case.
        const some = await conn.query<{ Status: string }>(
            "SELECT Status FROM Lead GROUP BY Status HAVING (COUNT(Id) >= 2 AND Status != 'new') OR Status IN ('QUALIFIED') ORDER BY COUNT(Id) DESC LIMIT 5"
        );
        expect(some.records.map((r) => Object.keys(r).sort())).toEqual([
            ['Status', 'attributes'],
            ['Status', 'attributes']
        ]);
        expect(some.records.map((r) => r.Status)).toEqual(['Working', 'Qualified']);
        const one = await conn.query<Row>(
            "SELECT Status, COUNT(Id) n FROM Lead GROUP BY Status HAVING MAX(LastName) LIKE 'L5%'"
        );
        expect(one.records.map((r) => r.Status)).toEqual(['Qualified']);
    });

    it('refuses HAVING on what is neither grouped nor aggregated, or without GROUP BY', async () => {
        await expect(
            conn.query(
                "SELECT Status, COUNT(Id) n FROM Lead GROUP BY Status HAVING Company = 'Acme'"
            )
        ).rejects.toMatchObject({
            errorCode: 'MALFORMED_QUERY',
            message: expect.stringContaining('Field must be grouped or aggregated: Company')
        });
        await expect(
            conn.query('SELECT COUNT(Id) n FROM Lead HAVING COUNT(Id) > 1')
        ).rejects.toMatchObject({ errorCode: 'MALFORMED_QUERY' });
    });

    it('refuses to order by something neither grouped nor aggregated', async () => {
        await expect(
            conn.query('SELECT Status, COUNT(Id) n FROM Lead GROUP BY Status ORDER BY Company')
        ).rejects.toMatchObject({ errorCode: 'MALFORMED_QUERY' });
    });
});
