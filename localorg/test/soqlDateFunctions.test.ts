/** SOQL date functions in WHERE, GROUP BY, HAVING, ORDER BY and aggregate SELECT lists. */
import jsforce from 'jsforce';
import { describe, expect, it } from 'vitest';
import { API_VERSION } from '../../core/src/index';
import { runSoql } from '../src/store/soql';
import { queryColumns } from '../src/store/soqlColumns';
import { seededOrg } from './seededOrg';

// 2024-03-03 is a Sunday; 2024-12-31 is day 366 of a leap year.
const closeDates = ['2024-03-03', '2024-03-09', '2024-12-31', '2025-01-08', '2025-07-15'];
const seeded = seededOrg((s) => {
    closeDates.forEach((CloseDate, i) =>
        s.create('Opportunity', {
            Name: `Deal ${i}`,
            StageName: 'Prospecting',
            CloseDate,
            Amount: 100 * (i + 1)
        })
    );
    s.create('Lead', { LastName: 'Lee', Company: 'Acme', Status: 'New' });
});

const run = (soql: string) =>
    runSoql(seeded.org.store, soql).records.map(({ attributes: _, ...rest }) => rest);
const refused = (soql: string, errorCode: string, message: RegExp) =>
    expect(() => runSoql(seeded.org.store, soql)).toThrow(
        expect.objectContaining({ errorCode, message: expect.stringMatching(message) })
    );
const one = (fn: string, where: string) =>
    run(
        `SELECT ${fn}(CloseDate) v FROM Opportunity WHERE CloseDate = ${where} GROUP BY ${fn}(CloseDate)`
    )[0]?.v;

describe('SOQL date functions', () => {
    it('compute each part of a date as the platform numbers it', () => {
        expect(one('CALENDAR_MONTH', '2024-12-31')).toBe(12);
        expect(one('CALENDAR_QUARTER', '2024-03-09')).toBe(1);
        expect(one('CALENDAR_QUARTER', '2025-07-15')).toBe(3);
        expect(one('CALENDAR_YEAR', '2025-01-08')).toBe(2025);
        expect(one('FISCAL_YEAR', '2025-01-08')).toBe(2025);
        expect(one('FISCAL_QUARTER', '2024-12-31')).toBe(4);
        expect(one('FISCAL_MONTH', '2024-03-03')).toBe(3);
        expect(one('DAY_IN_MONTH', '2024-03-09')).toBe(9);
        expect(one('DAY_IN_WEEK', '2024-03-03')).toBe(1); // Sunday
        expect(one('DAY_IN_WEEK', '2024-03-09')).toBe(7); // Saturday
        expect(one('DAY_IN_YEAR', '2024-12-31')).toBe(366);
        expect(one('WEEK_IN_MONTH', '2024-03-03')).toBe(1);
        expect(one('WEEK_IN_MONTH', '2025-01-08')).toBe(2); // days 8-14 are week 2
        expect(one('WEEK_IN_YEAR', '2025-01-08')).toBe(2);
        expect(one('WEEK_IN_YEAR', '2024-12-31')).toBe(53);
    });

    it('group, name their columns exprN or by alias, and sort and filter groups', () => {
        expect(
            run(
                'SELECT CALENDAR_YEAR(CloseDate), SUM(Amount), COUNT(Id) n FROM Opportunity GROUP BY CALENDAR_YEAR(CloseDate) ORDER BY CALENDAR_YEAR(CloseDate) DESC'
            )
        ).toEqual([
            { expr0: 2025, expr1: 900, n: 2 },
            { expr0: 2024, expr1: 600, n: 3 }
        ]);
        expect(
            run(
                'SELECT CALENDAR_YEAR(CloseDate) y, CALENDAR_QUARTER(CloseDate) q, COUNT(Id) FROM Opportunity GROUP BY CALENDAR_YEAR(CloseDate), CALENDAR_QUARTER(CloseDate) HAVING CALENDAR_YEAR(CloseDate) = 2024 ORDER BY CALENDAR_QUARTER(CloseDate)'
            )
        ).toEqual([
            { y: 2024, q: 1, expr0: 2 },
            { y: 2024, q: 4, expr0: 1 }
        ]);
        // Grouped without being selected: the groups count, the key is not answered.
        expect(
            run('SELECT COUNT(Id) FROM Opportunity GROUP BY CALENDAR_MONTH(CloseDate)')
        ).toHaveLength(4);
    });

    it('filter in WHERE, on dates and on datetimes (UTC), also in convertTimezone()', () => {
        expect(run('SELECT Name FROM Opportunity WHERE CALENDAR_YEAR(CloseDate) = 2025')).toEqual([
            { Name: 'Deal 3' },
            { Name: 'Deal 4' }
        ]);
        expect(
            run('SELECT Name FROM Opportunity WHERE DAY_IN_WEEK(CloseDate) IN (1, 7) ORDER BY Name')
        ).toEqual([{ Name: 'Deal 0' }, { Name: 'Deal 1' }]);
        const year = new Date().getUTCFullYear();
        const hour = new Date().getUTCHours();
        expect(
            run(
                `SELECT LastName FROM Lead WHERE CALENDAR_YEAR(CreatedDate) = ${year} AND HOUR_IN_DAY(convertTimezone(CreatedDate)) >= ${hour - 1} AND DAY_ONLY(CreatedDate) <= TODAY`
            )
        ).toEqual([{ LastName: 'Lee' }]);
        expect(
            run(
                'SELECT DAY_ONLY(CreatedDate) d, COUNT(Id) FROM Lead GROUP BY DAY_ONLY(CreatedDate)'
            )[0].d
        ).toBe(new Date().toISOString().slice(0, 10));
        expect(run('SELECT Id FROM Lead WHERE CALENDAR_YEAR(CreatedDate) = 1999')).toEqual([]);
    });

    it('reach an unmodified jsforce client as AggregateResult records', async () => {
        const conn = new jsforce.Connection({
            instanceUrl: seeded.org.instanceUrl,
            accessToken: seeded.org.accessToken,
            version: API_VERSION
        });
        const result = await conn.query(
            'SELECT FISCAL_YEAR(CloseDate) fy, COUNT(Id) FROM Opportunity GROUP BY FISCAL_YEAR(CloseDate) ORDER BY FISCAL_YEAR(CloseDate)'
        );
        expect(result.records).toEqual([
            { attributes: { type: 'AggregateResult' }, fy: 2024, expr0: 3 },
            { attributes: { type: 'AggregateResult' }, fy: 2025, expr0: 2 }
        ]);
    });

    it('describe their columns', () => {
        const columns = queryColumns(
            seeded.org.store,
            'SELECT CALENDAR_YEAR(CloseDate), DAY_ONLY(CreatedDate) FROM Opportunity GROUP BY CALENDAR_YEAR(CloseDate), DAY_ONLY(CreatedDate)'
        ).columnMetadata;
        expect(columns.map((c) => [c.columnName, c.apexType])).toEqual([
            ['expr0', 'Integer'],
            ['expr1', 'Date']
        ]);
    });

    it('are refused on other fields, ungrouped, and outside an aggregate query', () => {
        refused(
            'SELECT Id FROM Opportunity WHERE CALENDAR_YEAR(Name) = 2024',
            'INVALID_FIELD',
            /CALENDAR_YEAR\(\) takes a date or date\/time field; Name on Opportunity is a string field/
        );
        refused(
            'SELECT Id FROM Opportunity WHERE HOUR_IN_DAY(CloseDate) = 1',
            'INVALID_FIELD',
            /HOUR_IN_DAY\(\) takes a date\/time field; CloseDate is a date field/
        );
        refused(
            'SELECT Id FROM Opportunity WHERE CALENDAR_YEAR(convertTimezone(CloseDate)) = 1',
            'INVALID_FIELD',
            /convertTimezone\(\) takes a date\/time field/
        );
        refused(
            'SELECT CALENDAR_YEAR(CloseDate) FROM Opportunity',
            'MALFORMED_QUERY',
            /Field must be grouped or aggregated: CALENDAR_YEAR\(CloseDate\)/
        );
        refused(
            'SELECT CALENDAR_YEAR(CloseDate), COUNT(Id) FROM Opportunity GROUP BY CALENDAR_MONTH(CloseDate)',
            'MALFORMED_QUERY',
            /Field must be grouped or aggregated/
        );
        refused(
            'SELECT Id FROM Opportunity WHERE CALENDAR_YEAR(CloseDate) = THIS_YEAR',
            'MALFORMED_QUERY',
            /not a date field/
        );
        refused(
            'SELECT Id FROM Opportunity WHERE FORMAT(CloseDate) = 1',
            'MALFORMED_QUERY',
            /only date functions/
        );
    });
});
