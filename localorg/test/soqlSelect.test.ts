/** SOQL select lists that stand for other fields: FIELDS(ALL | STANDARD | CUSTOM) and TYPEOF. */
import { describe, expect, it } from 'vitest';
import { namesWithCompounds } from '../src/store/compoundFields';
import { describeSObject } from '../src/store/describe';
import { runSoql } from '../src/store/soql';
import { queryColumns } from '../src/store/soqlColumns';
import { apiCall } from './http';
import { seededOrg } from './seededOrg';

const seeded = seededOrg((s, ids) => {
    ids.lead = s.create('Lead', { LastName: 'Lee', Company: 'Acme', Status: 'New' });
    ids.contact = s.create('Contact', { LastName: 'Cole', Email: 'cole@example.com' });
    ids.account = s.create('Account', { Name: 'Acme', Phone: '555-0100' });
    ids.opp = s.create('Opportunity', {
        Name: 'Deal',
        StageName: 'Prospecting',
        CloseDate: '2026-03-01',
        Amount: 5000
    });
    s.create('Task', { Subject: 'On account', WhoId: ids.contact, WhatId: ids.account });
    s.create('Task', { Subject: 'On deal', WhoId: ids.lead, WhatId: ids.opp });
    s.create('Task', { Subject: 'On nothing' });
});
const { ids } = seeded;

const run = (soql: string) => runSoql(seeded.org.store, soql).records;
const refused = (soql: string, errorCode: string, message: RegExp) =>
    expect(() => runSoql(seeded.org.store, soql)).toThrow(
        expect.objectContaining({ errorCode, message: expect.stringMatching(message) })
    );

describe('FIELDS()', () => {
    it('FIELDS(ALL) under LIMIT 200 returns every field of the object, in its order', () => {
        const [lead] = run('SELECT FIELDS(ALL) FROM Lead LIMIT 200');
        // Describe's order: the Address compound right after its last part, as the platform.
        const described = (
            describeSObject(seeded.org.store.objectInfo('Lead')!).fields as {
                name: string;
            }[]
        ).map((f) => f.name);
        expect(described).toContain('Address');
        expect(Object.keys(lead).filter((k) => k !== 'attributes')).toEqual(described);
        expect(lead.Address).toBeNull();
        expect(lead).toMatchObject({ Id: ids.lead, LastName: 'Lee', Company: 'Acme' });
        expect(described.some((f) => f.endsWith('__c'))).toBe(true);
    });

    it('FIELDS(STANDARD) needs no LIMIT; FIELDS(CUSTOM) has only __c fields', () => {
        const [std] = run('SELECT FIELDS(STANDARD) FROM Lead');
        expect(Object.keys(std).some((k) => k.endsWith('__c'))).toBe(false);
        expect(std.LastName).toBe('Lee');
        const [custom] = run('SELECT Id, FIELDS(CUSTOM) FROM Lead LIMIT 10');
        const keys = Object.keys(custom).filter((k) => k !== 'attributes' && k !== 'Id');
        expect(keys.length).toBeGreaterThan(0);
        expect(keys.every((k) => k.endsWith('__c'))).toBe(true);
    });

    it('works in a child subquery and in the column metadata', () => {
        const [account] = run('SELECT Name, (SELECT FIELDS(STANDARD) FROM Contacts) FROM Account');
        expect(account.Contacts).toBeNull();
        const columns = queryColumns(seeded.org.store, 'SELECT FIELDS(STANDARD) FROM Account');
        const names = columns.columnMetadata.map((c) => c.columnName);
        expect(names).toEqual(
            namesWithCompounds(seeded.org.store.objectInfo('Account')!).filter(
                (f) => !f.endsWith('__c')
            )
        );
        expect(names.indexOf('BillingAddress')).toBe(names.indexOf('BillingGeocodeAccuracy') + 1);
        expect(names).toContain('ShippingAddress');
    });

    it('refuses the unbounded forms without LIMIT 200, duplicates and GROUP BY', () => {
        refused('SELECT FIELDS(ALL) FROM Lead', 'MALFORMED_QUERY', /LIMIT of at most 200/);
        refused('SELECT FIELDS(CUSTOM) FROM Lead LIMIT 201', 'MALFORMED_QUERY', /at most 200/);
        refused(
            'SELECT Id, FIELDS(ALL) FROM Lead LIMIT 200',
            'INVALID_FIELD',
            /duplicate field selected: Id/
        );
        refused(
            'SELECT Name, name FROM Account',
            'INVALID_FIELD',
            /duplicate field selected: Name/
        );
        refused(
            'SELECT FIELDS(SOME) FROM Lead',
            'MALFORMED_QUERY',
            /ALL, STANDARD or CUSTOM|Unexpected|Expecting/
        );
        refused(
            'SELECT Status, FIELDS(STANDARD) FROM Lead GROUP BY Status',
            'MALFORMED_QUERY',
            /GROUP BY/
        );
    });
});

describe('TYPEOF', () => {
    it('selects fields by the parent type, with attributes.type per record', () => {
        const tasks = run(
            'SELECT Subject, TYPEOF What WHEN Account THEN Name, Phone WHEN Opportunity THEN Name, Amount END FROM Task ORDER BY Subject'
        );
        expect(tasks.map((t) => [t.Subject, t.What])).toEqual([
            [
                'On account',
                {
                    attributes: { type: 'Account', url: expect.stringContaining(ids.account) },
                    Name: 'Acme',
                    Phone: '555-0100'
                }
            ],
            [
                'On deal',
                {
                    attributes: { type: 'Opportunity', url: expect.stringContaining(ids.opp) },
                    Name: 'Deal',
                    Amount: 5000
                }
            ],
            ['On nothing', null]
        ]);
    });

    it('falls back to ELSE for other types, and works on Who', () => {
        const tasks = run(
            'SELECT Subject, TYPEOF Who WHEN Lead THEN Company ELSE Name END FROM Task WHERE WhoId != null ORDER BY Subject'
        );
        expect(tasks.map((t) => t.Who)).toEqual([
            { attributes: expect.objectContaining({ type: 'Contact' }), Name: 'Cole' },
            { attributes: expect.objectContaining({ type: 'Lead' }), Company: 'Acme' }
        ]);
        const columns = queryColumns(
            seeded.org.store,
            'SELECT TYPEOF Who WHEN Lead THEN Company ELSE Name END FROM Task'
        );
        expect(columns.columnMetadata[0]).toMatchObject({
            columnName: 'Who',
            joinColumns: [
                expect.objectContaining({ columnName: 'Company' }),
                expect.objectContaining({ columnName: 'Name' })
            ]
        });
    });

    it('refuses a field of the wrong type, a non-polymorphic relationship and a doubled relationship', () => {
        refused(
            'SELECT TYPEOF What WHEN Account THEN Amount END FROM Task',
            'INVALID_FIELD',
            /No such column 'Amount'/
        );
        refused('SELECT TYPEOF What WHEN Lead THEN Name END FROM Task', 'INVALID_TYPE', /Lead/);
        refused(
            'SELECT TYPEOF Account WHEN Account THEN Name END FROM Contact',
            'MALFORMED_QUERY',
            /polymorphic/
        );
        refused(
            'SELECT What.Name, TYPEOF What WHEN Account THEN Phone END FROM Task',
            'MALFORMED_QUERY',
            /TYPEOF What/
        );
    });
});

describe('through Bulk API 2.0 query', () => {
    const createJob = (query: string) =>
        apiCall(seeded.org, '/jobs/query', {
            method: 'POST',
            body: JSON.stringify({ operation: 'query', query })
        });

    it('FIELDS(STANDARD) becomes one CSV column per field', async () => {
        const created = await createJob("SELECT FIELDS(STANDARD) FROM Lead WHERE LastName = 'Lee'");
        expect(created.status).toBe(200);
        const { id } = (await created.json()) as { id: string };
        let state = '';
        for (let i = 0; i < 100 && state !== 'JobComplete'; i++) {
            state = (
                (await (await apiCall(seeded.org, `/jobs/query/${id}`)).json()) as { state: string }
            ).state;
            if (state !== 'JobComplete') await new Promise((r) => setTimeout(r, 20));
        }
        const csv = await (await apiCall(seeded.org, `/jobs/query/${id}/results`)).text();
        const [header, row] = csv.trim().split('\n');
        expect(header.split(',')).toEqual(
            Object.keys(seeded.org.store.objectInfo('Lead')!.fields)
                .filter((f) => !f.endsWith('__c'))
                .map((f) => `"${f}"`)
        );
        expect(row).toContain('"Lee"');
    });

    it('refuses what Bulk API 2.0 does not run: GROUP BY, TYPEOF, aggregates', async () => {
        for (const query of [
            'SELECT Status, COUNT(Id) FROM Lead GROUP BY Status',
            'SELECT TYPEOF What WHEN Account THEN Name END FROM Task',
            'SELECT COUNT() FROM Lead'
        ]) {
            const res = await createJob(query);
            expect(res.status).toBe(400);
        }
    });
});
