/**
 * What the local org serves through unmodified jsforce beyond jsforce's own integration
 * suites (which run as they are, in jsforce/test, against jsforce's test package): SOSL's
 * refusal of a malformed search, semi-/anti-joins, TYPEOF, FIELDS() and HAVING.
 */
import { type Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalOrg } from '../src/index';
import { startConformanceOrg } from './localOrg';

let org: LocalOrg;
let conn: Connection;
/** Leads of one company, more than the HAVING scenario's threshold. */
const LEADS = 150;

beforeAll(async () => {
    ({ org, conn } = await startConformanceOrg(LEADS));
});
afterAll(() => org.close());

describe('search', () => {
    it('a malformed search rejects with MALFORMED_SEARCH', async () => {
        await expect(conn.search('FIND Acme')).rejects.toMatchObject({
            errorCode: 'MALFORMED_SEARCH'
        });
    });
});

describe("SOQL the platform serves beyond jsforce's suites", () => {
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
