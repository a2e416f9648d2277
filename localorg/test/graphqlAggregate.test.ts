/** GraphQL aggregate queries (uiapi { aggregate { ... } }) against the local org's SQLite store. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jsforce from 'jsforce';
import { API_VERSION } from '../../core/src/index';
import { startLocalOrg, type LocalOrg } from '../src/index';

let org: LocalOrg;

interface Connection {
    edges: { node: { aggregate: Aggregate } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: number;
}
type Aggregate = Record<string, Record<string, { value: unknown } & Record<string, unknown>>>;
const rowsOf = (c: Connection) => c.edges.map((e) => e.node.aggregate);

async function gql(query: string, variables: Record<string, unknown> = {}) {
    const res = await fetch(`${org.instanceUrl}/services/data/v${API_VERSION}/graphql`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${org.accessToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ query, variables })
    });
    // A request that cannot run at all (validation) answers 400, otherwise 200.
    const body = (await res.json()) as {
        data: { uiapi: { aggregate: { Lead: Connection } } } | null;
        errors: { message: string }[];
    };
    expect(res.status).toBe(body.data === null ? 400 : 200);
    return body;
}

beforeAll(async () => {
    org = await startLocalOrg({ dataDir: ':memory:' });
    const conn = new jsforce.Connection({
        instanceUrl: org.instanceUrl,
        accessToken: org.accessToken,
        version: API_VERSION
    });
    // 3 New (2 from Web), 2 Working (1 Web), 1 Qualified (sales ready, no source).
    const leads = [
        { Status: 'New', LeadSource: 'Web', NumberOfEmployees: 10 },
        { Status: 'New', LeadSource: 'Web', NumberOfEmployees: 30 },
        { Status: 'New', LeadSource: 'Phone Inquiry', NumberOfEmployees: 5 },
        { Status: 'Working', LeadSource: 'Web', NumberOfEmployees: 100 },
        { Status: 'Working', LeadSource: 'Partner Referral' },
        { Status: 'Qualified', LL_Sales_Ready__c: true, NumberOfEmployees: 7 }
    ];
    await conn
        .sobject('Lead')
        .create(leads.map((l, i) => ({ LastName: `L${i}`, Company: 'Acme', ...l })));
});

afterAll(async () => {
    await org.close();
});

const byStatus = `query ($where: Lead_Filter) { uiapi { aggregate {
    Lead(groupBy: { Status: { group: true } }, where: $where, first: 200) {
        edges { node { aggregate {
            Status { value displayValue }
            Id { count { value } }
            NumberOfEmployees { sum { value } min { value } max { value } avg { value } }
            LeadSource { countDistinct { value } }
        } } }
        totalCount
    } } } }`;

describe('GraphQL aggregate queries', () => {
    it('groups by a field with count, sum, min, max, avg and countDistinct', async () => {
        const { data, errors } = await gql(byStatus);
        expect(errors).toEqual([]);
        const lead = data!.uiapi.aggregate.Lead;
        expect(lead.totalCount).toBe(3);
        const rows = rowsOf(lead);
        expect(rows).toEqual([
            {
                Status: { value: 'New', displayValue: 'New' },
                Id: { count: { value: 3 } },
                NumberOfEmployees: {
                    sum: { value: 45 },
                    min: { value: 5 },
                    max: { value: 30 },
                    avg: { value: 15 }
                },
                LeadSource: { countDistinct: { value: 2 } }
            },
            {
                Status: { value: 'Qualified', displayValue: 'Qualified' },
                Id: { count: { value: 1 } },
                NumberOfEmployees: {
                    sum: { value: 7 },
                    min: { value: 7 },
                    max: { value: 7 },
                    avg: { value: 7 }
                },
                LeadSource: { countDistinct: { value: 0 } }
            },
            {
                Status: { value: 'Working', displayValue: 'Working' },
                Id: { count: { value: 2 } },
                NumberOfEmployees: {
                    sum: { value: 100 },
                    min: { value: 100 },
                    max: { value: 100 },
                    avg: { value: 100 }
                },
                LeadSource: { countDistinct: { value: 2 } }
            }
        ]);
    });

    it('filters with where (values as variables) and groups by several fields, booleans as booleans', async () => {
        const { data, errors } = await gql(
            `query ($src: String) { uiapi { aggregate {
                Lead(groupBy: { Status: { group: true }, LL_Sales_Ready__c: { group: true } },
                     where: { or: [{ LeadSource: { eq: $src } }, { LeadSource: { eq: null } }] }) {
                    edges { node { aggregate {
                        Status { value } LL_Sales_Ready__c { value } Id { count { value } }
                    } } }
                } } } }`,
            { src: "Web' OR 1=1 --" }
        );
        expect(errors).toEqual([]);
        // The injected text is a value: only the lead with no source matches.
        expect(rowsOf(data!.uiapi.aggregate.Lead)).toEqual([
            {
                Status: { value: 'Qualified' },
                LL_Sales_Ready__c: { value: true },
                Id: { count: { value: 1 } }
            }
        ]);
        const web = await gql(byStatus, { where: { LeadSource: { eq: 'Web' } } });
        expect(
            rowsOf(web.data!.uiapi.aggregate.Lead).map((r) => [
                r.Status.value,
                (r.Id.count as { value: number }).value
            ])
        ).toEqual([
            ['New', 2],
            ['Working', 1]
        ]);
    });

    it('counts without groupBy: one row, totalCount the number of records', async () => {
        const { data, errors } = await gql(
            `{ uiapi { aggregate { Lead(where: { Status: { ne: "New" } }) {
                edges { node { aggregate { Id { count { value } } } } } totalCount } } } }`
        );
        expect(errors).toEqual([]);
        expect(data!.uiapi.aggregate.Lead).toEqual({
            edges: [{ node: { aggregate: { Id: { count: { value: 3 } } } } }],
            totalCount: 3
        });
    });

    it('pages groups with first/after', async () => {
        const q = `query ($after: String) { uiapi { aggregate {
            Lead(groupBy: { Status: { group: true } }, first: 2, after: $after) {
                edges { node { aggregate { Status { value } } } }
                pageInfo { hasNextPage endCursor } } } } }`;
        const one = (await gql(q)).data!.uiapi.aggregate.Lead;
        expect(rowsOf(one).map((r) => r.Status.value)).toEqual(['New', 'Qualified']);
        expect(one.pageInfo.hasNextPage).toBe(true);
        const two = (await gql(q, { after: one.pageInfo.endCursor })).data!.uiapi.aggregate.Lead;
        expect(rowsOf(two).map((r) => r.Status.value)).toEqual(['Working']);
        expect(two.pageInfo.hasNextPage).toBe(false);
    });

    it('answers bad requests with clear errors, never partial data', async () => {
        const cases: [string, RegExp][] = [
            [
                '{ uiapi { aggregate { Lead { edges { node { aggregate { Status { value } } } } } } } }',
                /Status is not grouped/
            ],
            [
                '{ uiapi { aggregate { Lead(groupBy: { Nope: { group: true } }) { totalCount } } } }',
                /Nope.*Lead_GroupBy/
            ],
            [
                '{ uiapi { aggregate { Lead { edges { node { aggregate { Status { sum { value } } } } } } } } }',
                /sum applies to numbers/
            ],
            [
                '{ uiapi { aggregate { Lead { edges { node { aggregate { Id { median { value } } } } } } } } }',
                /median/
            ],
            [
                '{ uiapi { aggregate { Lead(groupBy: { type: CUBE, Status: { group: true } }) { totalCount } } } }',
                /CUBE, ROLLUP/
            ]
        ];
        for (const [query, message] of cases) {
            const { data, errors } = await gql(query);
            expect(data).toBeNull();
            expect(errors[0].message).toMatch(message);
        }
    });

    it('groups through a parent relationship', async () => {
        const { data, errors } = await gql(
            `{ uiapi { aggregate { Lead(groupBy: { Owner: { Name: { group: true } } }) {
                edges { node { aggregate { Owner { Name { value } } Id { count { value } } } } } } } } }`
        );
        expect(errors).toEqual([]);
        const rows = rowsOf(data!.uiapi.aggregate.Lead);
        expect(rows).toHaveLength(1);
        expect(rows[0].Id.count).toEqual({ value: 6 });
        expect(rows[0].Owner.Name).toEqual({ value: expect.any(String) });
    });
});
