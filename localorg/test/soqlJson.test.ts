/**
 * The REST query answer written straight from the rows (soqlJson.ts) is byte for byte the
 * JSON of the records runSoql shapes: over nulls, missing and polymorphic parents, numbers,
 * booleans, dates, strings that JSON escapes, multi-level paths, and through the route's
 * pages (batchSize, queryAll, a locator between pages).
 */
import { describe, expect, it } from 'vitest';
import { BASE } from '../src/routes/limits';
import { runSoql } from '../src/store/soql';
import { runSoqlJson } from '../src/store/soqlRest';
import type { Database } from 'better-sqlite3';
import type { SqliteSource } from '../src/store/sqliteSource';
import { apiCall } from './http';
import { seededOrg } from './seededOrg';

/** Strings JSON.stringify escapes, or writes as they are though a reader might not expect it. */
const AWKWARD = [
    'say "hi"',
    'back\\slash',
    'tab\tnew\nline\r\u0001\u001f\u007f',
    'line\u2028para\u2029',
    'Zoë Ångström 日本',
    'smile 😀',
    'lone \ud800 half',
    '</script>',
    ''
];
const LEADS = 450;

/**
 * Values the field rules would round or refuse, as a database written another way may hold
 * them: doubles with every digit, integers past 2^53, text and blobs in number and checkbox
 * columns. Each is written into one lead's columns directly.
 */
const RAW_VALUES: Record<string, unknown>[] = [
    { Latitude: 0.1 + 0.2, NumberOfEmployees: 2 ** 53 + 2, AnnualRevenue: 5e-7 },
    { Latitude: -0, NumberOfEmployees: 9007199254740993n, AnnualRevenue: 1e300 },
    { Latitude: 'text', NumberOfEmployees: '12', DoNotCall: 'yes' },
    { Latitude: Buffer.from('ab'), DoNotCall: 2, AnnualRevenue: 1.5 },
    { DoNotCall: 1.0, Email: 42 },
    { Email: Buffer.from('cd') }
];

function writeRaw(s: SqliteSource, id: string, values: Record<string, unknown>): void {
    const db = (s as unknown as { db: Database }).db;
    for (const [column, value] of Object.entries(values))
        db.prepare(`UPDATE "Lead" SET "${column}" = ? WHERE "Id" = ?`).run(value, id);
}

const seeded = seededOrg((s, ids) => {
    ids.queue = s.find('Group', {
        fields: ['Id'],
        where: { field: 'Type', op: 'eq', value: 'Queue' },
        limit: 1,
        offset: 0
    }).records[0].Id as string;
    ids.manager = s.create('User', {
        LastName: 'Boss "Big"',
        Username: 'boss@json.local',
        IsActive: false
    });
    ids.owner = s.create('User', {
        LastName: 'Owner\u2028Two',
        Username: 'owner2@json.local',
        ManagerId: ids.manager
    });
    ids.parent = s.create('Account', { Name: 'Parent \\ Co', AnnualRevenue: 0.1 + 0.2 });
    ids.account = s.create('Account', {
        Name: 'Acme "Quoted"',
        ParentId: ids.parent,
        OwnerId: ids.owner,
        AnnualRevenue: 1e21,
        NumberOfEmployees: 42,
        BillingStreet: '1 Main St\nSuite "2"',
        BillingCity: 'Zürich',
        BillingLatitude: 47.37
    });
    ids.lonely = s.create('Account', { Name: 'Lonely', AnnualRevenue: -12345.678 });
    ids.boss = s.create('Contact', { LastName: 'Chief', AccountId: ids.account });
    s.create('Contact', { LastName: 'Report', AccountId: ids.account, ReportsToId: ids.boss });
    s.create('Contact', { LastName: 'Nobody' });
    s.create('Contact', { LastName: 'Loner', AccountId: ids.lonely });
    ids.opp = s.create('Opportunity', {
        Name: 'Deal ☃',
        StageName: 'Prospecting',
        CloseDate: '2026-03-01',
        Amount: 5000.5,
        Probability: 10,
        AccountId: ids.account
    });
    s.create('Opportunity', {
        Name: 'Small',
        StageName: 'Closed Won',
        CloseDate: '2025-12-31',
        Amount: 5e-7
    });
    s.create('Task', { Subject: 'On account', WhatId: ids.account, WhoId: ids.boss });
    s.create('Task', {
        Subject: 'On deal',
        WhatId: ids.opp,
        OwnerId: ids.queue,
        ActivityDate: '2026-01-02'
    });
    s.create('Task', { Subject: 'On nothing', Priority: 'High' });
    for (let i = 0; i < LEADS; i++) {
        const id = s.create('Lead', {
            LastName: `${AWKWARD[i % AWKWARD.length] || 'Empty'} ${String(i).padStart(3, '0')}`,
            Company: i % 7 ? `Co ${AWKWARD[i % AWKWARD.length]}` : 'Plain',
            Email: i % 5 ? `lead${i}@example.org` : null,
            Status: i % 3 ? 'Open - Not Contacted' : 'Working - Contacted',
            AnnualRevenue: i % 4 ? i * 1000.25 : null,
            NumberOfEmployees: i % 6 ? i : null,
            Latitude: i % 9 ? i / 7 : null,
            DoNotCall: i % 2 === 0,
            OwnerId: [ids.queue, ids.owner, ids.manager][i % 3]
        });
        if (i % 50 === 49) s.delete('Lead', id);
        if (i < RAW_VALUES.length) writeRaw(s, id, RAW_VALUES[i]);
    }
});
const { ids } = seeded;

/** Queries the fast path must write (and does: each is asserted direct). */
const DIRECT = [
    'SELECT Id, LastName, Company, Email, Status, AnnualRevenue, NumberOfEmployees, Latitude, DoNotCall, CreatedDate, Owner.Name, Owner.IsActive FROM Lead ORDER BY LastName',
    'SELECT Owner.Name, Name, Owner.Id, Owner.Manager.Name, Owner.Type, OwnerId, Owner.Manager.IsActive FROM Lead ORDER BY Name DESC',
    'select lastname, owner.name, ID from lead where donotcall = true order by lastname limit 40 offset 3',
    'SELECT Subject, ActivityDate, What.Name, Who.Name, What.Type, Owner.Name, IsHighPriority, WhatId FROM Task ORDER BY Subject DESC NULLS LAST',
    'SELECT Name, Account.Name, Account.Owner.Name, Account.Parent.Name, ReportsTo.Account.Name, ReportsTo.Name, Account.AnnualRevenue FROM Contact ORDER BY LastName',
    'SELECT Name, Amount, Probability, CloseDate, IsWon, Account.AnnualRevenue, Account.NumberOfEmployees, Account.Parent.AnnualRevenue FROM Opportunity',
    'SELECT Name, AnnualRevenue, Parent.Name, Owner.Manager.Name FROM Account ORDER BY Name',
    "SELECT LastName FROM Lead WHERE LastName LIKE 'say%'",
    'SELECT FIELDS(STANDARD) FROM Lead ORDER BY LastName LIMIT 30',
    "SELECT Id FROM Lead WHERE LastName = 'no such lead'",
    'SELECT Id, Name FROM Lead LIMIT 0',
    // Derived selections: a compound from its parts (all null: null), toLabel, through parents.
    'SELECT toLabel(Status) label, LastName FROM Lead LIMIT 10',
    'SELECT Name, BillingAddress, ShippingAddress FROM Account',
    'SELECT LastName, Account.BillingAddress, Account.Name, MailingAddress, ReportsTo.Account.BillingAddress FROM Contact ORDER BY LastName',
    'SELECT Subject, What.Name, Owner.Name FROM Task',
    // The benchmark's shape: parents of plain fields are read once per parent (users, queues).
    "SELECT Id, Name, Company, Status, Owner.Name, Owner.IsActive FROM Lead WHERE LastName LIKE '%0'"
];

/** Queries left to the record objects (what the fast path does not write). */
const SHAPED = [
    'SELECT Name, (SELECT LastName FROM Contacts) FROM Account',
    'SELECT Subject, TYPEOF What WHEN Account THEN Name, AnnualRevenue ELSE Name END FROM Task',
    'SELECT COUNT() FROM Lead',
    'SELECT Status, COUNT(Id) n FROM Lead GROUP BY Status'
];

/** UTF-8 bytes, one character per byte: compared exactly, and a difference reads as text. */
const bytes = (data: string | Buffer) => Buffer.from(data).toString('latin1');

/** The records' JSON as the route wrote it before the fast path: JSON.stringify of runSoql's. */
function shapedJson(q: string, from: number, to: number, includeDeleted = false): string {
    const { records } = runSoql(seeded.org.store, q, new Date(), { includeDeleted });
    return bytes(JSON.stringify(records.slice(from, to)));
}

describe('records written from the rows', () => {
    it.each(DIRECT)('writes the same bytes as the records, in any range: %s', (q) => {
        for (const includeDeleted of [false, true]) {
            const fast = runSoqlJson(seeded.org.store, q, new Date(), { includeDeleted });
            const shaped = runSoql(seeded.org.store, q, new Date(), { includeDeleted });
            expect(fast.direct).toBe(true);
            // SQLite writes the text fields, but not bytes in a text column (a lead's Email):
            // those queries' rows are read as values.
            expect(fast.sqlite).toBe(!/\bEmail\b|FIELDS\(STANDARD\) FROM Lead/.test(q));
            expect(fast.totalSize).toBe(shaped.totalSize);
            expect(fast.size).toBe(shaped.records.length);
            const n = fast.size;
            // Read at once, or the first 5 rows first and the others when asked for.
            const inParts = runSoqlJson(seeded.org.store, q, new Date(), {
                includeDeleted,
                firstRows: 5
            });
            expect([inParts.totalSize, inParts.size]).toEqual([fast.totalSize, fast.size]);
            for (const [from, to] of [
                [0, n],
                [0, 1],
                [1, Math.min(n, 7)],
                [Math.floor(n / 3), n],
                [n, n]
            ]) {
                expect(bytes(fast.json(from, to))).toBe(shapedJson(q, from, to, includeDeleted));
                expect(bytes(inParts.json(from, to))).toBe(bytes(fast.json(from, to)));
            }
        }
    });

    it('covers what it claims: nulls, both owner types, a missing grandparent', () => {
        /** The parts of `wanted` the query's JSON lacks (none, when the data covers them). */
        const missing = (q: string, wanted: string[]) => {
            const answer = runSoqlJson(seeded.org.store, q);
            const text = answer.json(0, answer.size).toString();
            return wanted.filter((w) => !text.includes(w));
        };
        expect(
            missing(DIRECT[1], [
                '"Owner":{"attributes":{"type":"Group"',
                '"Manager":null',
                '"Manager":{"attributes":{"type":"User"',
                '\\"Big\\"',
                '\u2028'
            ])
        ).toEqual([]);
        expect(
            missing(DIRECT[3], [
                '"What":null',
                `"What":{"attributes":{"type":"Opportunity","url":"${BASE}/sobjects/Opportunity/${ids.opp}"}`
            ])
        ).toEqual([]);
        expect(
            missing(DIRECT[0], [
                '"Email":null',
                '"DoNotCall":true',
                '"DoNotCall":false',
                '"NumberOfEmployees":null',
                '"Latitude":1.142857142857143',
                '"Latitude":0.30000000000000004',
                '"NumberOfEmployees":9007199254740994',
                '"Latitude":"text"',
                '"AnnualRevenue":1e+300',
                '"Latitude":{"type":"Buffer","data":[97,98]}',
                '"Email":{"type":"Buffer","data":[99,100]}',
                '"Email":"42.0"',
                '\\t',
                '\\u0001',
                '😀',
                '\\\\',
                '\ufffd'
            ])
        ).toEqual([]);
        expect(missing(DIRECT[4], ['"Account":null', '"Parent":null', '"ReportsTo":null'])).toEqual(
            []
        );
        expect(missing(DIRECT[5], ['1e+21', '"CloseDate":"2026-03-01"'])).toEqual([]);
        expect(
            missing(DIRECT.at(-1)!, [
                '"Owner":{"attributes":{"type":"Group"',
                '"IsActive":null}',
                '"IsActive":false}'
            ])
        ).toEqual([]);
    });

    it.each(SHAPED)('leaves other select lists to the records, the same JSON: %s', (q) => {
        const answer = runSoqlJson(seeded.org.store, q);
        expect(answer.direct).toBe(false);
        expect(bytes(answer.json(0, answer.size))).toBe(shapedJson(q, 0, answer.size));
    });
});

describe('the REST query route', () => {
    type Page = { totalSize: number; done: boolean; nextRecordsUrl?: string };

    /** Reads every page from `url`; checks each page's text against the records' JSON. */
    async function checkPages(
        q: string,
        url: string,
        batch: number,
        includeDeleted: boolean,
        start = 0
    ): Promise<number> {
        const { totalSize, records } = runSoql(seeded.org.store, q, new Date(), { includeDeleted });
        const headers = { 'Sforce-Query-Options': `batchSize=${batch}` };
        let at = start;
        let pages = 0;
        for (let next: string | undefined = url; next; pages++) {
            const res = await apiCall(org(), next.replace(BASE, ''), { headers });
            expect(res.status).toBe(200);
            const body = Buffer.from(await res.arrayBuffer());
            const page = JSON.parse(body.toString()) as Page;
            const done = at + batch >= records.length;
            expect(bytes(body)).toBe(
                bytes(
                    JSON.stringify({
                        totalSize,
                        done,
                        ...(done ? {} : { nextRecordsUrl: page.nextRecordsUrl }),
                        records: records.slice(at, at + batch)
                    })
                )
            );
            expect(res.headers.get('content-length')).toBe(String(body.length));
            next = page.nextRecordsUrl;
            at += batch;
        }
        return pages;
    }
    const org = () => seeded.org;

    it('answers pages of batchSize whose text is the records', async () => {
        for (const [resource, includeDeleted] of [
            ['query', false],
            ['queryAll', true]
        ] as const) {
            const pages = await checkPages(
                DIRECT[0],
                `/${resource}?q=${encodeURIComponent(DIRECT[0])}`,
                200,
                includeDeleted
            );
            expect(pages).toBe(3);
        }
        expect(
            await checkPages(DIRECT[0], `/query?q=${encodeURIComponent(DIRECT[0])}`, 2000, false)
        ).toBe(1);
    });

    it('answers a locator between pages with the records from there', async () => {
        const all = (await (
            await apiCall(org(), `/query?q=${encodeURIComponent(DIRECT[0])}`, {
                headers: { 'Sforce-Query-Options': 'batchSize=200' }
            })
        ).json()) as Page;
        const at = all.nextRecordsUrl!.replace(/-\d+$/, '-150');
        expect(await checkPages(DIRECT[0], at, 200, false, 150)).toBe(2);
    });
});

describe('a field whose type a deploy changed', () => {
    const changed = seededOrg((s) => {
        const id = s.create('Lead', { LastName: 'Typed', Company: 'Co' });
        writeRaw(s, id, { Latitude: 0.1 + 0.2 });
        const lead = s.objectInfo('Lead')!;
        // As a deploy that makes a number field text: its column stays REAL.
        s.define({
            ...lead,
            fields: { ...lead.fields, Latitude: { ...lead.fields.Latitude, kind: 'string' } }
        });
    });

    it('is written from its value as its column holds it, not by SQLite', () => {
        const q = 'SELECT Id, LastName, Latitude FROM Lead';
        const fast = runSoqlJson(changed.org.store, q);
        expect(fast.sqlite).toBe(true);
        const text = bytes(fast.json(0, fast.size));
        expect(text).toBe(bytes(JSON.stringify(runSoql(changed.org.store, q).records)));
        expect(text).toContain('"Latitude":0.30000000000000004');
    });
});
