/**
 * The platform's field rules on every API (they live in the store, so REST,
 * Collections, Bulk, GraphQL and the UI API apply the same ones), and bad
 * requests answered 400 with a clear error, never 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOrg, type LocalOrg } from '../src/index';
import { apiCall, runIngest } from './http';

let org: LocalOrg;

beforeAll(async () => {
    org = await startLocalOrg({ dataDir: ':memory:' });
});

afterAll(async () => {
    await org.close();
});

async function insertLead(fields: Record<string, unknown>): Promise<Response> {
    return apiCall(org, '/sobjects/Lead', {
        method: 'POST',
        body: JSON.stringify({ LastName: 'Rules', Company: 'Acme', ...fields })
    });
}

async function refused(res: Response, code: string, field?: string): Promise<void> {
    expect(res.status).toBe(400);
    const [error] = await res.json();
    expect(error.errorCode).toBe(code);
    if (field) expect(error.fields).toEqual([field]);
}

describe('field rules on insert and update', () => {
    it('refuses fields that are not createable, such as IsConverted', async () => {
        await refused(
            await insertLead({ IsConverted: true }),
            'INVALID_FIELD_FOR_INSERT_UPDATE',
            'IsConverted'
        );
        await refused(
            await insertLead({ ConvertedDate: '2024-01-02' }),
            'INVALID_FIELD_FOR_INSERT_UPDATE',
            'ConvertedDate'
        );
        const bulk = await runIngest(org, { object: 'Lead', operation: 'insert' }, [
            'LastName,Company,IsConverted\nBulk Converted,Acme,true\n'
        ]);
        expect(bulk.info.numberRecordsFailed).toBe(1);
        expect(bulk.failed[1][1]).toMatch(/^INVALID_FIELD_FOR_INSERT_UPDATE:/);
    });

    it('refuses impossible dates and datetimes instead of storing or rolling them', async () => {
        for (const date of ['2024-02-31', '2023-02-29', '2024-13-01', '2024-04-31']) {
            await refused(
                await insertLead({ LL_Status_Changed_At__c: `${date}T10:00:00Z` }),
                'INVALID_TYPE_ON_FIELD_IN_RECORD',
                'LL_Status_Changed_At__c'
            );
        }
        await refused(
            await insertLead({ LL_Status_Changed_At__c: '2024-01-01T25:00:00Z' }),
            'INVALID_TYPE_ON_FIELD_IN_RECORD'
        );
        const task = await apiCall(org, '/sobjects/Task', {
            method: 'POST',
            body: JSON.stringify({ Subject: 'Call', ActivityDate: '2024-02-31' })
        });
        await refused(task, 'INVALID_TYPE_ON_FIELD_IN_RECORD', 'ActivityDate');
        const leap = await apiCall(org, '/sobjects/Task', {
            method: 'POST',
            body: JSON.stringify({ Subject: 'Call', ActivityDate: '2024-02-29' })
        });
        expect(leap.status).toBe(201);
    });

    it('refuses a fractional value for an integer field', async () => {
        await refused(
            await insertLead({ NumberOfEmployees: 1.5 }),
            'INVALID_TYPE_ON_FIELD_IN_RECORD',
            'NumberOfEmployees'
        );
        await refused(
            await insertLead({ NumberOfEmployees: '2.5' }),
            'INVALID_TYPE_ON_FIELD_IN_RECORD',
            'NumberOfEmployees'
        );
        expect((await insertLead({ NumberOfEmployees: 12 })).status).toBe(201);
    });

    it('types booleans strictly in JSON, while Bulk CSV reads true/false text', async () => {
        for (const value of ['true', 1, 'yes']) {
            await refused(
                await insertLead({ LL_Sales_Ready__c: value }),
                'INVALID_TYPE_ON_FIELD_IN_RECORD',
                'LL_Sales_Ready__c'
            );
        }
        expect((await insertLead({ LL_Sales_Ready__c: true })).status).toBe(201);
        const bulk = await runIngest(org, { object: 'Lead', operation: 'insert' }, [
            'LastName,Company,LL_Sales_Ready__c\nCsv True,Acme,true\nCsv False,Acme,FALSE\nCsv Maybe,Acme,maybe\n'
        ]);
        expect(bulk.info).toMatchObject({ numberRecordsProcessed: 3, numberRecordsFailed: 1 });
        expect(bulk.failed[1][1]).toMatch(/^INVALID_TYPE_ON_FIELD_IN_RECORD:/);
    });
});

describe('request shapes', () => {
    it('reads allOrNone "true" as the platform does (true), and refuses anything else', async () => {
        const records = [
            { attributes: { type: 'Lead' }, LastName: 'All Or None', Company: 'Acme' },
            { attributes: { type: 'Lead' }, Company: 'No LastName' }
        ];
        const res = await apiCall(org, '/composite/sobjects', {
            method: 'POST',
            body: JSON.stringify({ allOrNone: 'true', records })
        });
        expect(res.status).toBe(200);
        const results = await res.json();
        expect(results[0].errors[0].statusCode).toBe('ALL_OR_NONE_OPERATION_ROLLED_BACK');
        const count = org.store.find('Lead', {
            fields: ['Id'],
            where: { field: 'LastName', op: 'eq', value: 'All Or None' },
            limit: 1,
            offset: 0
        }).totalCount;
        expect(count).toBe(0);
        const odd = await apiCall(org, '/composite/sobjects', {
            method: 'POST',
            body: JSON.stringify({ allOrNone: 'yes', records })
        });
        await refused(odd, 'JSON_PARSER_ERROR');
    });

    it('answers a malformed URI 400, not 500', async () => {
        for (const path of ['/sobjects/%ZZ', '/sobjects/Lead/%E0%A4%A', '/query/%']) {
            const res = await apiCall(org, path);
            expect(res.status).toBe(400);
            expect((await res.json())[0].errorCode).toBe('MALFORMED_URL');
        }
    });
});

describe('GraphQL request limits', () => {
    const graphql = (query: string) =>
        apiCall(org, '/graphql', { method: 'POST', body: JSON.stringify({ query }) });

    it('answers a fragment cycle 400 with a clear error', async () => {
        const res = await graphql(`
            query {
                uiapi {
                    query {
                        Lead {
                            edges {
                                node {
                                    ...A
                                }
                            }
                        }
                    }
                }
            }
            fragment A on Lead {
                Id
                ...B
            }
            fragment B on Lead {
                Name {
                    value
                }
                ...A
            }
        `);
        expect(res.status).toBe(400);
        const body = await res.json();
        expect(body.data).toBeNull();
        expect(body.errors[0].message).toMatch(/A.*B.*A.*cycle|cycle.*A.*B/i);
    });

    it('refuses more than 10 subqueries in one query, as the platform does', async () => {
        const aliases = Array.from(
            { length: 11 },
            (_, i) => `l${i}: Lead(first: 2000) { edges { node { Id } } }`
        ).join(' ');
        const res = await graphql(`query { uiapi { query { ${aliases} } } }`);
        expect(res.status).toBe(400);
        const body = await res.json();
        expect(body.errors[0].message).toMatch(/10 subqueries.*11/);
        const ten = aliases.split(' l10:')[0];
        expect((await graphql(`query { uiapi { query { ${ten} } } }`)).status).toBe(200);
    });

    it('counts aggregate queries as subqueries of the same limit', async () => {
        const aggregates = (n: number) =>
            Array.from(
                { length: n },
                (_, i) =>
                    `a${i}: Lead(groupBy: { Status: { group: true } }) { edges { node { aggregate { Status { value } } } } }`
            ).join(' ');
        const eleven = await graphql(`query { uiapi { aggregate { ${aggregates(11)} } } }`);
        expect(eleven.status).toBe(400);
        expect((await eleven.json()).errors[0].message).toMatch(/up to 10 subqueries.*has 11/);
        // Record and aggregate queries share the limit.
        const mixed = await graphql(
            `query { uiapi { query { l0: Lead { edges { node { Id } } } } aggregate { ${aggregates(10)} } } }`
        );
        expect(mixed.status).toBe(400);
        expect((await mixed.json()).errors[0].message).toMatch(/has 11/);
        expect((await graphql(`query { uiapi { aggregate { ${aggregates(10)} } } }`)).status).toBe(
            200
        );
    });
});
