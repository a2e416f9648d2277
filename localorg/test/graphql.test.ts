/* eslint-disable @typescript-eslint/no-explicit-any -- tests walk untyped GraphQL/UI API JSON */
import { describe, expect, it, beforeEach } from 'vitest';
import { executeGraphQL } from '../src/graphql/execute';
import Database from 'better-sqlite3';
import { MemorySource } from '../src/store/memorySource';
import { SqliteSource } from '../src/store/sqliteSource';
import type { FieldInfo, ObjectInfo, RecordSource } from '../src/store/source';
import * as uiapi from '../src/uiapi/records';

const f = (name: string, kind: FieldInfo['kind'], extra: Partial<FieldInfo> = {}): FieldInfo => ({
    name,
    label: name,
    kind,
    createable: kind !== 'id',
    updateable: kind !== 'id',
    nillable: true,
    ...extra
});

const objects: ObjectInfo[] = [
    {
        name: 'User',
        label: 'User',
        labelPlural: 'Users',
        keyPrefix: '005',
        fields: {
            Id: f('Id', 'id'),
            Name: f('Name', 'string'),
            IsActive: f('IsActive', 'boolean')
        },
        childRelationships: []
    },
    {
        name: 'Lead',
        label: 'Lead',
        labelPlural: 'Leads',
        keyPrefix: '00Q',
        fields: {
            Id: f('Id', 'id'),
            LastName: f('LastName', 'string', { nillable: false, required: true }),
            Company: f('Company', 'string'),
            Status: f('Status', 'picklist', {
                restricted: true,
                picklistValues: [
                    { value: 'New', label: 'New', isDefault: true },
                    { value: 'Working', label: 'Working - Contacted' },
                    { value: 'Converted', label: 'Converted', converted: true }
                ]
            }),
            LL_Score__c: f('LL_Score__c', 'double'),
            OwnerId: f('OwnerId', 'reference', {
                referenceTo: ['User'],
                relationshipName: 'Owner'
            }),
            LastModifiedDate: f('LastModifiedDate', 'datetime', {
                createable: false,
                updateable: false
            })
        },
        childRelationships: [{ relationshipName: 'Tasks', childObject: 'Task', field: 'WhoId' }]
    },
    {
        name: 'Task',
        label: 'Task',
        labelPlural: 'Tasks',
        keyPrefix: '00T',
        fields: {
            Id: f('Id', 'id'),
            Subject: f('Subject', 'string'),
            WhoId: f('WhoId', 'reference', { referenceTo: ['Lead'], relationshipName: 'Who' })
        },
        childRelationships: []
    }
];

const sources: [string, () => RecordSource][] = [
    ['in-memory source', () => new MemorySource(objects)],
    ['SQLite source', () => new SqliteSource(new Database(':memory:'), objects)]
];

/** Every row of a table, all fields, in Id order: what "the database is unchanged" compares. */
function dump(source: RecordSource, object: string) {
    const info = source.objectInfo(object)!;
    return source.find(object, {
        fields: Object.keys(info.fields),
        orderBy: [{ field: 'Id', direction: 'ASC' }],
        limit: 100_000,
        offset: 0
    }).records;
}

describe.each(sources)('%s', (_kind, make) => {
    const rows = (object: string) => dump(source, object);
    let source: RecordSource;
    let ann: string;
    let bob: string;

    beforeEach(() => {
        source = make();
        ann = source.create('User', { Name: 'Ann Rep', IsActive: true });
        bob = source.create('User', { Name: 'Bob Gone', IsActive: false });
        for (let i = 1; i <= 25; i++) {
            const id = source.create('Lead', {
                LastName: `Lead ${String(i).padStart(2, '0')}`,
                Company: i % 2 ? 'Acme' : "O'Brien & Co",
                Status: i % 3 ? 'New' : 'Working',
                LL_Score__c: i * 4,
                OwnerId: i % 5 ? ann : bob
            });
            if (i === 1) source.create('Task', { Subject: 'Call', WhoId: id });
        }
    });

    const run = (query: string, variables?: Record<string, unknown>) =>
        executeGraphQL(source, { query, variables });

    describe('GraphQL queries (UI API shapes)', () => {
        it('answers edges, node fields, parents, children, pageInfo and totalCount', () => {
            const res =
                run(`query { uiapi { query { Lead(first: 2, orderBy: { LastName: { order: ASC } }) {
                edges { node { Id LastName { value } Status { value displayValue } Owner { Name { value } }
                               Tasks { edges { node { Subject { value } } } } } cursor }
                pageInfo { hasNextPage endCursor } totalCount } } } }`);
            expect(res.errors).toEqual([]);
            const lead = (res.data as any).uiapi.query.Lead;
            expect(lead.totalCount).toBe(25);
            expect(lead.pageInfo.hasNextPage).toBe(true);
            expect(lead.edges).toHaveLength(2);
            expect(lead.edges[0].node.LastName.value).toBe('Lead 01');
            expect(lead.edges[0].node.Status).toEqual({ value: 'New', displayValue: 'New' });
            expect(lead.edges[0].node.Owner.Name.value).toBe('Ann Rep');
            expect(lead.edges[0].node.Tasks.edges[0].node.Subject.value).toBe('Call');
            expect(lead.edges[1].node.Tasks.edges).toEqual([]);
        });

        it('pages with cursors until the end, with aliases and variables', () => {
            const q = `query page($after: String) { uiapi { query { leads: Lead(first: 10, after: $after, orderBy: { LL_Score__c: { order: DESC } }) {
                edges { node { score: LL_Score__c { value } } } pageInfo { hasNextPage endCursor } } } } }`;
            const seen: number[] = [];
            let after: string | null = null;
            for (let i = 0; i < 5; i++) {
                const res = run(q, { after });
                expect(res.errors).toEqual([]);
                const page = (res.data as any).uiapi.query.leads;
                seen.push(...page.edges.map((e: any) => e.node.score.value));
                if (!page.pageInfo.hasNextPage) break;
                after = page.pageInfo.endCursor;
            }
            expect(seen).toHaveLength(25);
            expect(seen[0]).toBe(100);
            expect(seen[24]).toBe(4);
        });

        it('filters with operators, and/or/not and through a parent', () => {
            const count = (where: string) => {
                const res = run(
                    `query { uiapi { query { Lead(where: ${where}) { totalCount } } } }`
                );
                expect(res.errors).toEqual([]);
                return (res.data as any).uiapi.query.Lead.totalCount;
            };
            expect(count('{ Status: { eq: "Working" } }')).toBe(8);
            expect(count('{ LL_Score__c: { gte: 80 } }')).toBe(6);
            expect(count('{ Status: { in: ["New", "Working"] } }')).toBe(25);
            expect(count('{ Company: { like: "O\'Brien%" } }')).toBe(12);
            expect(
                count('{ or: [{ Status: { eq: "Working" } }, { LL_Score__c: { lt: 10 } }] }')
            ).toBe(10);
            expect(count('{ not: { Status: { eq: "New" } } }')).toBe(8);
            expect(count('{ Owner: { Name: { eq: "Bob Gone" } } }')).toBe(5);
            expect(count('{ Owner: { IsActive: { eq: false } }, Status: { eq: "New" } }')).toBe(4);
        });

        it('answers errors in the platform shape for unknown fields, bad syntax and bad arguments', () => {
            const bad = run(
                'query { uiapi { query { Lead { edges { node { Nope { value } } } } } } }'
            );
            expect(bad.data).toBeNull();
            expect(bad.errors[0].message).toContain("Field 'Nope' in type 'Lead' is undefined");
            expect(bad.errors[0].extensions?.ErrorType).toBe('ValidationError');
            expect(bad.errors[0].locations?.[0].line).toBe(1);
            expect(run('query { uiapi { ').errors[0].extensions?.ErrorType).toBe('InvalidSyntax');
            expect(
                run('query { uiapi { query { Lead(first: 5000) { totalCount } } } }').errors[0]
                    .message
            ).toMatch(/first/);
            expect(
                run(
                    'query { uiapi { query { Lead(where: { Status: { regex: ".*" } }) { totalCount } } } }'
                ).errors[0].message
            ).toMatch(/Unknown filter operator/);
            expect(
                run('query { uiapi { query { Lead(after: "bm9wZQ==") { totalCount } } } }')
                    .errors[0].message
            ).toMatch(/Invalid cursor/);
        });
    });

    describe('GraphQL mutations', () => {
        it('creates, updates and deletes records and answers the Record selection', () => {
            const created = run(
                `mutation { uiapi { LeadCreate(input: { Lead: { LastName: "New One", Company: "Z" } }) { Record { Id LastName { value } } } } }`
            );
            expect(created.errors).toEqual([]);
            const id = (created.data as any).uiapi.LeadCreate.Record.Id;
            expect(rows('Lead').find((r) => r.Id === id)?.LastName).toBe('New One');

            const updated = executeGraphQL(source, {
                query: `mutation up($input: LeadUpdateInput!) { uiapi { LeadUpdate(input: $input) { Record { Status { value } } } } }`,
                variables: { input: { Id: id, Lead: { Status: 'Working' } } }
            });
            expect(updated.errors).toEqual([]);
            expect((updated.data as any).uiapi.LeadUpdate.Record.Status.value).toBe('Working');

            const deleted = run(`mutation { uiapi { LeadDelete(input: { Id: "${id}" }) { Id } } }`);
            expect((deleted.data as any).uiapi.LeadDelete.Id).toBe(id);
            expect(rows('Lead').some((r) => r.Id === id)).toBe(false);
        });

        it('rolls back every operation when one fails with allOrNone (the default), only the failed one without', () => {
            const before = JSON.stringify(rows('Lead'));
            const id = rows('Lead')[0].Id as string;
            const both = `{ a: LeadUpdate(input: { Id: "${id}", Lead: { Company: "Changed" } }) { Record { Id } }
                            b: LeadUpdate(input: { Id: "${id}", Lead: { Status: "Bogus" } }) { Record { Id } } }`;
            const all = run(`mutation { uiapi ${both} }`);
            expect(all.data).toBeNull();
            expect(all.errors[0].extensions?.errorCode).toBe(
                'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST'
            );
            expect(JSON.stringify(rows('Lead'))).toBe(before);

            const some = run(`mutation { uiapi(input: { allOrNone: false }) ${both} }`);
            expect((some.data as any).uiapi.a.Record.Id).toBe(id);
            expect((some.data as any).uiapi.b).toBeNull();
            expect(some.errors[0].path).toEqual(['uiapi', 'b']);
            expect(rows('Lead')[0].Company).toBe('Changed');
            expect(rows('Lead')[0].Status).toBe('New');
        });

        it('refuses unknown and read-only fields before writing anything', () => {
            const before = JSON.stringify(rows('Lead'));
            const id = rows('Lead')[0].Id as string;
            expect(
                run(
                    `mutation { uiapi { LeadUpdate(input: { Id: "${id}", Lead: { Bogus__c: 1 } }) { Record { Id } } } }`
                ).errors[0].message
            ).toMatch(/Bogus__c/);
            expect(
                run(
                    `mutation { uiapi { LeadUpdate(input: { Id: "${id}", Lead: { LastModifiedDate: "2020-01-01" } }) { Record { Id } } } }`
                ).errors[0].message
            ).toMatch(/Unable to update/);
            expect(JSON.stringify(rows('Lead'))).toBe(before);
        });
    });

    describe('injection attempts', () => {
        const attempts = [
            "x'; DROP TABLE Lead; --",
            '" OR 1=1 --',
            "') OR ('1'='1",
            '%',
            '\\',
            'Robert"); DELETE FROM Lead WHERE ("1"="1'
        ];

        it('treats hostile filter values and variables as plain values and changes nothing', () => {
            const before = JSON.stringify(rows('Lead'));
            for (const value of attempts) {
                const res = run(
                    `query q($v: String) { uiapi { query { Lead(where: { or: [{ LastName: { eq: $v } }, { Company: { eq: $v } }] }) { totalCount } } } }`,
                    { v: value }
                );
                expect(res.errors).toEqual([]);
                expect((res.data as any).uiapi.query.Lead.totalCount).toBe(0);
            }
            expect(JSON.stringify(rows('Lead'))).toBe(before);
        });

        it('refuses hostile field and object names in queries, mutations and the UI API', () => {
            const before = JSON.stringify(rows('Lead'));
            expect(
                run(
                    'query { uiapi { query { Lead(where: { Status: { eq: "New" }, LastName__x: { eq: "a" } }) { totalCount } } } }'
                ).errors
            ).toHaveLength(1);
            expect(
                run(
                    'query { uiapi { query { Lead(orderBy: { LastName: { order: "ASC; DROP TABLE Lead" } }) { totalCount } } } }'
                ).errors[0].message
            ).toMatch(/ASC or DESC/);
            expect(
                run(
                    'mutation { uiapi { LeadUpdate(input: { Id: "00Q\' OR 1=1", Lead: { Company: "x" } }) { Id } } }'
                ).errors[0].message
            ).toMatch(/record id/);
            expect(
                uiapi.getRecord(
                    source,
                    rows('Lead')[0].Id as string,
                    new URLSearchParams({ fields: 'Lead.Name;DROP' })
                ).status
            ).toBe(400);
            expect(uiapi.objectInfo(source, 'Lead; DROP TABLE Lead').status).toBe(404);
            expect(JSON.stringify(rows('Lead'))).toBe(before);
        });
    });

    describe('UI API records', () => {
        it('reads a record with parent fields, updates, creates and deletes in the platform shapes', () => {
            const id = rows('Lead')[0].Id as string;
            const got = uiapi.getRecord(
                source,
                id,
                new URLSearchParams({
                    fields: 'Lead.LastName,Lead.Status,Lead.Owner.Name',
                    optionalFields: 'Lead.Nope__c'
                })
            );
            expect(got.status).toBe(200);
            const rec = got.body as any;
            expect(rec.apiName).toBe('Lead');
            expect(rec.fields.LastName.value).toBe('Lead 01');
            expect(rec.fields.Owner.value.fields.Name.value).toBe('Ann Rep');
            expect(rec.fields.Owner.displayValue).toBe('Ann Rep');

            const upd = uiapi.updateRecord(source, id, { fields: { Status: 'Working' } }, ann);
            expect(upd.status).toBe(200);
            expect((upd.body as any).fields.Status).toEqual({
                value: 'Working',
                displayValue: 'Working - Contacted'
            });

            const bad = uiapi.updateRecord(source, id, { fields: { Status: 'Bogus' } });
            expect(bad.status).toBe(400);
            expect((bad.body as any).output.fieldErrors.Status[0].errorCode).toBe(
                'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST'
            );

            const created = uiapi.createRecord(source, {
                apiName: 'Lead',
                fields: { LastName: 'Made' }
            });
            expect(created.status).toBe(201);
            const newId = (created.body as any).id;
            expect(uiapi.deleteRecord(source, newId).status).toBe(204);
            expect(
                uiapi.getRecord(source, newId, new URLSearchParams({ fields: 'Lead.LastName' }))
                    .status
            ).toBe(404);
        });

        it('describes objects and picklist values as the UI API does', () => {
            const info = uiapi.objectInfo(source, 'Lead').body as any;
            expect(info.fields.OwnerId).toMatchObject({
                dataType: 'Reference',
                relationshipName: 'Owner'
            });
            const pl = uiapi.picklistValues(source, 'Lead', uiapi.MASTER_RECORD_TYPE_ID, 'Status')
                .body as any;
            expect(pl.defaultValue.value).toBe('New');
            expect(pl.values.find((v: any) => v.value === 'Converted').attributes).toEqual({
                converted: true
            });
        });
    });
});

describe('paging limits', () => {
    it('stops at 4,000 records without upperBound and pages further with it', () => {
        const source = new MemorySource(objects);
        for (let i = 0; i < 4050; i++) source.create('Lead', { LastName: `L${i}` });
        const page = (after: string | null, upper: boolean) => {
            const res = executeGraphQL(source, {
                query: `query p($after: String, $ub: Int) { uiapi { query { Lead(first: 2000, after: $after, upperBound: $ub) {
                    edges { node { Id } } pageInfo { hasNextPage endCursor } } } } }`,
                variables: { after, ub: upper ? 10000 : null }
            });
            expect(res.errors).toEqual([]);
            return (res.data as any).uiapi.query.Lead;
        };
        const second = page(page(null, false).pageInfo.endCursor, false);
        expect(second.edges).toHaveLength(2000);
        expect(second.pageInfo.hasNextPage).toBe(false);
        const b2 = page(page(null, true).pageInfo.endCursor, true);
        expect(b2.pageInfo.hasNextPage).toBe(true);
        expect(page(b2.pageInfo.endCursor, true).edges).toHaveLength(50);
    });
});
