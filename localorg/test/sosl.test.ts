/** SOSL: `/search?q=FIND {...}` and `/parameterizedSearch` (GET and POST), matching, escaping and errors. */
import { describe, expect, it } from 'vitest';
import { runSosl } from '../src/store/sosl';
import { apiCall } from './http';
import { seededOrg } from './seededOrg';

const seeded = seededOrg((s, ids) => {
    ids.joe = s.create('Lead', {
        FirstName: 'Joe',
        LastName: 'Smith',
        Company: 'Acme Rockets',
        Email: 'joe.smith@acme.example',
        Status: 'New'
    });
    ids.jo = s.create('Lead', {
        FirstName: 'Jo',
        LastName: 'Smythe',
        Company: 'Globex',
        Phone: '555-0100',
        Status: 'Working'
    });
    ids.mary = s.create('Lead', {
        FirstName: 'Mary',
        LastName: 'Acmeson',
        Company: 'R&D (Labs)',
        Status: 'New'
    });
    ids.contact = s.create('Contact', { FirstName: 'Joe', LastName: 'Smith' });
    ids.account = s.create('Account', { Name: 'Acme' });
    for (let i = 0; i < 30; i++) s.create('Account', { Name: `Bulk Acme ${i}` });
});
const { ids } = seeded;

const found = (sosl: string) =>
    runSosl(seeded.org.store, sosl).searchRecords.map((r) => r.Id as string);

describe('SOSL matching', () => {
    it('matches whole words across fields without case; more words are AND', () => {
        expect(found('FIND {acme} IN ALL FIELDS RETURNING Lead')).toEqual([ids.joe]);
        expect(found('FIND {JOE smith} RETURNING Lead, Contact')).toEqual([ids.joe, ids.contact]);
        // Words of different fields: Joe (FirstName) and Rockets (Company).
        expect(found('FIND {joe rockets} RETURNING Lead')).toEqual([ids.joe]);
    });

    it('reads phrases, wildcards, OR, AND NOT and parentheses', () => {
        expect(found('FIND {"joe smith"} RETURNING Lead')).toEqual([ids.joe]);
        expect(found('FIND {"smith joe"} RETURNING Lead')).toEqual([]);
        expect(found('FIND {Sm?th*} RETURNING Lead')).toEqual([ids.joe, ids.jo]);
        expect(found('FIND {acme*} RETURNING Lead')).toEqual([ids.joe, ids.mary]);
        expect(found('FIND {smith OR smythe} RETURNING Lead')).toEqual([ids.joe, ids.jo]);
        expect(found('FIND {sm* AND NOT globex} RETURNING Lead')).toEqual([ids.joe]);
        expect(found('FIND {(joe OR mary) AND acme*} RETURNING Lead')).toEqual([ids.joe, ids.mary]);
        expect(found('FIND {"and" OR "or"} RETURNING Lead')).toEqual([]);
    });

    it('searches the group of fields IN names', () => {
        expect(found('FIND {acme} IN NAME FIELDS RETURNING Lead')).toEqual([]);
        expect(found('FIND {smith} IN NAME FIELDS RETURNING Lead')).toEqual([ids.joe]);
        expect(found('FIND {joe.smith@acme.example} IN EMAIL FIELDS RETURNING Lead')).toEqual([
            ids.joe
        ]);
        expect(found('FIND {joe} IN EMAIL FIELDS RETURNING Lead')).toEqual([ids.joe]);
        expect(found('FIND {555-0100} IN PHONE FIELDS RETURNING Lead')).toEqual([ids.jo]);
        expect(found('FIND {smith} IN PHONE FIELDS RETURNING Lead')).toEqual([]);
    });

    it('reads escaped reserved characters as text', () => {
        expect(found('FIND {R\\&D \\(Labs\\)} RETURNING Lead')).toEqual([ids.mary]);
        expect(found('FIND {"R\\&D"} RETURNING Lead')).toEqual([ids.mary]);
    });

    it('applies each object’s fields, WHERE, ORDER BY and LIMIT, and the overall LIMIT', () => {
        const { searchRecords } = runSosl(
            seeded.org.store,
            "FIND {smith OR smythe} RETURNING Lead(Id, Name, Company WHERE Status = 'Working'), Contact(Name)"
        );
        expect(searchRecords).toEqual([
            {
                attributes: { type: 'Lead', url: expect.stringContaining(ids.jo) },
                Id: ids.jo,
                Name: 'Jo Smythe',
                Company: 'Globex'
            },
            {
                attributes: { type: 'Contact', url: expect.stringContaining(ids.contact) },
                Name: 'Joe Smith'
            }
        ]);
        const names = runSosl(
            seeded.org.store,
            'FIND {acme} RETURNING Account(Name ORDER BY Name DESC LIMIT 3)'
        ).searchRecords.map((r) => r.Name);
        expect(names).toEqual(['Bulk Acme 9', 'Bulk Acme 8', 'Bulk Acme 7']);
        expect(found('FIND {acme} RETURNING Account, Lead LIMIT 31')).toHaveLength(31);
        expect(found('FIND {acme} RETURNING Account(Id LIMIT 2 OFFSET 1)')).toHaveLength(2);
    });

    it('without RETURNING, answers the Ids of every searchable object', () => {
        const { searchRecords } = runSosl(seeded.org.store, 'FIND {joe}');
        expect(searchRecords.map((r) => [(r.attributes as { type: string }).type, r.Id])).toEqual(
            expect.arrayContaining([
                ['Lead', ids.joe],
                ['Contact', ids.contact]
            ])
        );
        expect(Object.keys(searchRecords[0])).toEqual(['attributes', 'Id']);
    });

    it('binds WHERE values and never reads an object from the field list', () => {
        expect(
            found("FIND {smith} RETURNING Lead(Id WHERE LastName = 'x\\' OR Name != \\'')")
        ).toEqual([]);
        expect(() =>
            runSosl(seeded.org.store, 'FIND {smith} RETURNING Lead(Id FROM Contact)')
        ).toThrow(expect.objectContaining({ errorCode: 'MALFORMED_SEARCH' }));
    });
});

describe('SOSL errors', () => {
    const refused = (sosl: string, errorCode: string, message: RegExp) =>
        expect(() => runSosl(seeded.org.store, sosl)).toThrow(
            expect.objectContaining({ errorCode, message: expect.stringMatching(message) })
        );

    it('refuses malformed searches as MALFORMED_SEARCH, saying what and where', () => {
        refused('FIND joe', 'MALFORMED_SEARCH', /must be enclosed in braces/);
        refused('FIND {joe', 'MALFORMED_SEARCH', /not closed/);
        refused('FIND {j}', 'MALFORMED_SEARCH', /longer than one character/);
        refused('FIND {"joe}', 'MALFORMED_SEARCH', /phrase/);
        refused('FIND {(joe}', 'MALFORMED_SEARCH', /parentheses/);
        refused('FIND {joe OR}', 'MALFORMED_SEARCH', /term is expected/);
        refused(
            'FIND {joe} IN ALL TYPE',
            'MALFORMED_SEARCH',
            /Column:\d+\nMalformed search token: TYPE/
        );
        refused('FIND {joe} RETURNING Lead(Id', 'MALFORMED_SEARCH', /not closed/);
        refused('FIND {joe} RETURNING Lead(COUNT(Id))', 'MALFORMED_SEARCH', /fields only/);
        refused('FIND {joe} LIMIT many', 'MALFORMED_SEARCH', /LIMIT needs a number/);
        refused('FIND {joe} WITH HIGHLIGHT', 'MALFORMED_SEARCH', /SPELL_CORRECTION/);
    });

    it('refuses unknown objects and fields as SOQL does', () => {
        refused('FIND {joe} RETURNING Nope__c', 'INVALID_TYPE', /Nope__c/);
        refused('FIND {joe} RETURNING Lead(Nope)', 'INVALID_FIELD', /No such column 'Nope'/);
    });
});

describe('SOSL over REST', () => {
    const json = async (res: Response) => ({ status: res.status, body: await res.json() });

    it('GET /search answers searchRecords, and errors as the platform does', async () => {
        const ok = await json(
            await apiCall(
                seeded.org,
                `/search?q=${encodeURIComponent('FIND {smith} RETURNING Lead(Name)')}`
            )
        );
        expect(ok).toEqual({
            status: 200,
            body: {
                searchRecords: [
                    {
                        attributes: { type: 'Lead', url: expect.stringContaining(ids.joe) },
                        Name: 'Joe Smith'
                    }
                ]
            }
        });
        const bad = await json(await apiCall(seeded.org, `/search?q=${encodeURIComponent('joe')}`));
        expect(bad.status).toBe(400);
        expect(bad.body[0].errorCode).toBe('MALFORMED_SEARCH');
    });

    it('GET /parameterizedSearch reads sobject, fields, where, limit and in', async () => {
        const q = new URLSearchParams({
            q: 'smith OR smythe',
            sobject: 'Lead',
            'Lead.fields': 'Id,Name',
            'Lead.where': "Status = 'New'",
            'Lead.limit': '5',
            in: 'NAME'
        });
        const ok = await json(await apiCall(seeded.org, `/parameterizedSearch?${q}`));
        expect(ok.status).toBe(200);
        expect(ok.body.searchRecords.map((r: { Name: string }) => r.Name)).toEqual(['Joe Smith']);
        const bad = await json(
            await apiCall(
                seeded.org,
                `/parameterizedSearch?q=joe&sobject=Lead&Lead.where=${encodeURIComponent("Status = 'New' LIMIT 1")}`
            )
        );
        expect(bad.status).toBe(400);
        expect(bad.body[0].errorCode).toBe('MALFORMED_SEARCH');
    });

    it('POST /parameterizedSearch takes the same as JSON', async () => {
        const res = await json(
            await apiCall(seeded.org, '/parameterizedSearch', {
                method: 'POST',
                body: JSON.stringify({
                    q: 'acme*',
                    fields: ['Id', 'Name'],
                    sobjects: [
                        { name: 'Account', orderBy: 'Name ASC', limit: 2 },
                        { name: 'Lead' }
                    ],
                    overallLimit: 3
                })
            })
        );
        expect(res.status).toBe(200);
        expect(res.body.searchRecords.map((r: { Name: string }) => r.Name)).toEqual([
            'Acme',
            'Bulk Acme 0',
            'Joe Smith'
        ]);
        const bad = await json(
            await apiCall(seeded.org, '/parameterizedSearch', {
                method: 'POST',
                body: JSON.stringify({ q: 'acme', sobjects: 'Account' })
            })
        );
        expect(bad.status).toBe(400);
    });
});
