/** Aggregate SOQL: ORDER BY / OFFSET / LIMIT apply to the groups; HAVING is refused, never ignored. */
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

    it('refuses HAVING rather than ignoring it', async () => {
        await expect(
            conn.query('SELECT Status, COUNT(Id) n FROM Lead GROUP BY Status HAVING COUNT(Id) > 2')
        ).rejects.toMatchObject({ errorCode: 'MALFORMED_QUERY' });
    });

    it('refuses to order by something neither grouped nor aggregated', async () => {
        await expect(
            conn.query('SELECT Status, COUNT(Id) n FROM Lead GROUP BY Status ORDER BY Company')
        ).rejects.toMatchObject({ errorCode: 'MALFORMED_QUERY' });
    });
});
