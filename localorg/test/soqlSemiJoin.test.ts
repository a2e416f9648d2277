/** SOQL semi-joins and anti-joins: `Id IN (SELECT ...)` on Id and reference fields, with the platform's rules. */
import { describe, expect, it } from 'vitest';
import { runSoql } from '../src/store/soql';
import { seededOrg } from './seededOrg';

const seeded = seededOrg((s, ids) => {
    for (const name of ['Called', 'Emailed', 'Quiet'])
        ids[name] = s.create('Lead', { LastName: name, Company: 'Acme', Status: 'New' });
    ids.acme = s.create('Account', { Name: 'Acme' });
    ids.globex = s.create('Account', { Name: 'Globex' });
    ids.won = s.create('Opportunity', {
        Name: 'Big deal',
        StageName: 'Closed Won',
        CloseDate: '2026-01-01',
        AccountId: ids.acme
    });
    s.create('Task', { Subject: 'Call', WhoId: ids.Called, Status: 'Completed' });
    s.create('Task', { Subject: 'Email', WhoId: ids.Emailed, Status: 'Open' });
    // A task on no one: its NULL WhoId must not empty the anti-join.
    s.create('Task', { Subject: 'Orphan', Status: 'Open' });
});

const names = (soql: string) =>
    runSoql(seeded.org.store, soql)
        .records.map((r) => r.LastName ?? r.Name)
        .sort();

describe('semi-joins and anti-joins', () => {
    it('filters by Id IN and NOT IN a sub-select of a reference field', () => {
        expect(names('SELECT LastName FROM Lead WHERE Id IN (SELECT WhoId FROM Task)')).toEqual([
            'Called',
            'Emailed'
        ]);
        expect(
            names(
                "SELECT LastName FROM Lead WHERE Id IN (SELECT WhoId FROM Task WHERE Subject = 'Call')"
            )
        ).toEqual(['Called']);
        expect(names('SELECT LastName FROM Lead WHERE Id NOT IN (SELECT WhoId FROM Task)')).toEqual(
            ['Quiet']
        );
    });

    it('joins on a reference field, combined with AND and other conditions', () => {
        expect(
            names(
                "SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Opportunity WHERE StageName = 'Closed Won') AND Name LIKE 'A%'"
            )
        ).toEqual(['Acme']);
        expect(
            names(
                "SELECT Subject FROM Task WHERE WhoId IN (SELECT Id FROM Lead WHERE LastName = 'Called')"
            ).length
        ).toBe(1);
        // Two joins in one WHERE, the platform's maximum.
        expect(
            names(
                "SELECT LastName FROM Lead WHERE Id IN (SELECT WhoId FROM Task) AND Id NOT IN (SELECT WhoId FROM Task WHERE Status = 'Completed')"
            )
        ).toEqual(['Emailed']);
    });

    it('refuses what the platform refuses, with MALFORMED_QUERY', () => {
        const refused = (soql: string, message: RegExp) =>
            expect(() => runSoql(seeded.org.store, soql)).toThrow(
                expect.objectContaining({
                    errorCode: 'MALFORMED_QUERY',
                    message: expect.stringMatching(message)
                })
            );
        refused(
            "SELECT Id FROM Lead WHERE Id IN (SELECT WhoId FROM Task) OR LastName = 'Quiet'",
            /'OR' operator/
        );
        refused('SELECT Id FROM Lead WHERE NOT Id IN (SELECT WhoId FROM Task)', /NOT cannot/);
        refused(
            'SELECT Id FROM Lead WHERE Id IN (SELECT Subject FROM Task)',
            /can only query id fields/
        );
        refused('SELECT Id FROM Lead WHERE Id IN (SELECT Id, WhoId FROM Task)', /exactly one/);
        refused('SELECT Id FROM Lead WHERE LastName IN (SELECT WhoId FROM Task)', /neither/);
        refused('SELECT Id FROM Lead WHERE Id IN (SELECT Id FROM Lead)', /same object type/);
        refused(
            'SELECT Id FROM Lead WHERE Id IN (SELECT WhoId FROM Task WHERE OwnerId IN (SELECT Id FROM User))',
            /Nesting/
        );
        refused('SELECT Id FROM Lead WHERE Id IN (SELECT WhoId FROM Task LIMIT 1)', /not allowed/);
        refused(
            'SELECT Id FROM Lead WHERE Id IN (SELECT WhoId FROM Task) AND Id IN (SELECT WhoId FROM Task) AND OwnerId IN (SELECT Id FROM User)',
            /Maximum of 2/
        );
        refused(
            'SELECT Id, (SELECT Id FROM Tasks WHERE OwnerId IN (SELECT Id FROM User)) FROM Lead',
            /top level/
        );
    });

    it('binds the sub-select values as parameters', () => {
        expect(
            names(
                "SELECT LastName FROM Lead WHERE Id IN (SELECT WhoId FROM Task WHERE Subject = 'x\\') OR 1=1 --')"
            )
        ).toEqual([]);
    });
});
