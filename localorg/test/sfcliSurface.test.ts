/**
 * What the sf CLI asks of the local org besides its command's own call, over
 * raw HTTP (fast; the CLI itself runs in sfcli.test.ts and the conformance
 * suite): repeated slashes, every API version, userinfo and identity URLs,
 * Tooling API reads, query column metadata and composite tree.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOrg, type LocalOrg } from '../src/index';
import { apiCall } from './http';

let org: LocalOrg;
const get = (path: string) =>
    fetch(`${org.instanceUrl}${path}`, { headers: { Authorization: `Bearer ${org.accessToken}` } });

beforeAll(async () => {
    org = await startLocalOrg({ dataDir: ':memory:' });
});
afterAll(() => org.close());

describe('paths and versions', () => {
    it('reads repeated slashes as one, as the platform does', async () => {
        const res = await get(
            `//services/data//v${org.apiVersion}/query?q=SELECT+Id+FROM+Organization`
        );
        expect(res.status).toBe(200);
        expect(((await res.json()) as { totalSize: number }).totalSize).toBe(1);
    });

    it('lists every version from 31.0 to its own and serves each', async () => {
        const versions = (await (await get('/services/data')).json()) as {
            version: string;
            label: string;
            url: string;
        }[];
        expect(versions[0]).toEqual({
            label: "Summer '14",
            url: '/services/data/v31.0',
            version: '31.0'
        });
        expect(versions.at(-1)).toEqual({
            label: "Spring '26",
            url: `/services/data/v${org.apiVersion}`,
            version: org.apiVersion
        });
        expect(versions).toHaveLength(Number(org.apiVersion) - 30);
        const resources = (await (await get('/services/data/v50.0')).json()) as Record<
            string,
            string
        >;
        expect(resources).toMatchObject({
            sobjects: '/services/data/v50.0/sobjects',
            query: '/services/data/v50.0/query',
            tooling: '/services/data/v50.0/tooling'
        });
        expect((await get('/services/data/v50.0/query?q=SELECT+Id+FROM+Lead')).status).toBe(200);
        expect((await get('/services/data/v30.0/query?q=SELECT+Id+FROM+Lead')).status).toBe(404);
    });
});

describe('userinfo and the identity URL', () => {
    it('name this org’s host and port', async () => {
        const info = (await (await get('/services/oauth2/userinfo')).json()) as {
            sub: string;
            urls: Record<string, string>;
        };
        expect(info.urls.rest).toBe(`${org.instanceUrl}/services/data/v{version}/`);
        expect(info.urls.tooling_rest).toBe(`${org.instanceUrl}/services/data/v{version}/tooling/`);
        expect(info.urls.custom_domain).toBe(org.instanceUrl);
        const identity = await get(new URL(info.sub).pathname);
        expect(identity.status).toBe(200);
        expect(await identity.json()).toMatchObject({ id: info.sub, username: org.username });
        const other = await get(`/id/00D000000000000AAA/005000000000000AAA`);
        expect(other.status).toBe(404);
    });
});

describe('Tooling API query', () => {
    it('answers no sandbox processes', async () => {
        const res = await apiCall(
            org,
            `/tooling/query?q=${encodeURIComponent("SELECT Id, Status, SandboxName FROM SandboxProcess WHERE SandboxOrganization = '00D' ORDER BY CreatedDate DESC")}`
        );
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({
            size: 0,
            totalSize: 0,
            done: true,
            queryLocator: null,
            entityTypeName: 'SandboxProcess',
            records: []
        });
    });

    it('refuses unknown objects, unknown fields and bad syntax with the platform codes', async () => {
        const code = async (q: string) =>
            (
                (await (
                    await apiCall(org, `/tooling/query?q=${encodeURIComponent(q)}`)
                ).json()) as {
                    errorCode: string;
                }[]
            )[0].errorCode;
        expect(await code('SELECT Id FROM Nothing')).toBe('INVALID_TYPE');
        expect(await code('SELECT Bogus FROM SandboxProcess')).toBe('INVALID_FIELD');
        expect(await code("SELECT Id FROM ApexClass WHERE Bogus = 'x'")).toBe('INVALID_FIELD');
        expect(await code('SELECT FROM')).toBe('MALFORMED_QUERY');
    });
});

describe('query column metadata (columns=true)', () => {
    const columns = async (q: string) =>
        (await (await apiCall(org, `/query?q=${encodeURIComponent(q)}&columns=true`)).json()) as {
            columnMetadata: {
                columnName: string;
                displayName: string;
                aggregate: boolean;
                apexType: string | null;
                joinColumns: { columnName: string; displayName: string }[];
            }[];
            entityName: string;
            idSelected: boolean;
        };

    it('describes fields, parent paths (merged per relationship) and subqueries', async () => {
        const out = await columns(
            'SELECT Id, Name, Owner.Name, Owner.Email, (SELECT LastName FROM Contacts) FROM Account'
        );
        expect(out.entityName).toBe('Account');
        expect(out.idSelected).toBe(true);
        expect(out.columnMetadata.map((c) => c.columnName)).toEqual([
            'Id',
            'Name',
            'Owner',
            'Contacts'
        ]);
        expect(out.columnMetadata[1]).toMatchObject({ apexType: 'String', aggregate: false });
        expect(out.columnMetadata[2].joinColumns.map((c) => c.displayName)).toEqual([
            'Owner.Name',
            'Owner.Email'
        ]);
        expect(out.columnMetadata[3]).toMatchObject({
            aggregate: true,
            joinColumns: [{ columnName: 'LastName' }]
        });
    });

    it('names aggregates exprN or by alias, and checks the query', async () => {
        const out = await columns(
            'SELECT Status, COUNT(Id) n, MAX(CreatedDate) FROM Lead GROUP BY Status'
        );
        expect(out.columnMetadata.map((c) => [c.columnName, c.aggregate])).toEqual([
            ['Status', false],
            ['n', true],
            ['expr0', true]
        ]);
        const bad = await apiCall(
            org,
            `/query?q=${encodeURIComponent('SELECT Bogus FROM Lead')}&columns=true`
        );
        expect(bad.status).toBe(400);
    });
});

describe('composite tree', () => {
    const tree = (object: string, body: unknown) =>
        apiCall(org, `/composite/tree/${object}`, { method: 'POST', body: JSON.stringify(body) });
    const contact = (referenceId: string, values: Record<string, unknown>) => ({
        attributes: { type: 'Contact', referenceId },
        ...values
    });

    it('creates parents then children, linked, and lists every referenceId', async () => {
        const res = await tree('Account', {
            records: [
                {
                    attributes: { type: 'Account', referenceId: 'acme' },
                    Name: 'Tree Acme',
                    Contacts: {
                        records: [
                            contact('c1', { LastName: 'Coyote' }),
                            contact('c2', { LastName: 'Runner' })
                        ]
                    }
                },
                { attributes: { type: 'Account', referenceId: 'globex' }, Name: 'Tree Globex' }
            ]
        });
        expect(res.status).toBe(201);
        const body = (await res.json()) as {
            hasErrors: boolean;
            results: { referenceId: string; id: string }[];
        };
        expect(body.hasErrors).toBe(false);
        expect(body.results.map((r) => r.referenceId)).toEqual(['acme', 'globex', 'c1', 'c2']);
        const acme = body.results[0].id;
        expect(org.store.get('Contact', body.results[2].id)).toMatchObject({
            LastName: 'Coyote',
            AccountId: acme
        });
    });

    it('writes nothing when one record fails, and names it', async () => {
        const res = await tree('Account', {
            records: [
                {
                    attributes: { type: 'Account', referenceId: 'half' },
                    Name: 'Half Written',
                    Contacts: { records: [contact('noName', { FirstName: 'Ann' })] }
                }
            ]
        });
        expect(res.status).toBe(400);
        const body = (await res.json()) as {
            hasErrors: boolean;
            results: { referenceId: string; errors: { statusCode: string }[] }[];
        };
        expect(body).toMatchObject({
            hasErrors: true,
            results: [{ referenceId: 'noName', errors: [{ statusCode: 'REQUIRED_FIELD_MISSING' }] }]
        });
        const left = await apiCall(
            org,
            `/query?q=${encodeURIComponent("SELECT Id FROM Account WHERE Name = 'Half Written'")}`
        );
        expect(((await left.json()) as { totalSize: number }).totalSize).toBe(0);
    });

    it('refuses bad trees before writing: duplicate referenceId, wrong type, too many records', async () => {
        const first = async (object: string, body: unknown) => {
            const res = await tree(object, body);
            return [
                res.status,
                ((await res.json()) as { errorCode: string; message: string }[])[0]
            ] as const;
        };
        const [status, dup] = await first('Contact', {
            records: [contact('same', { LastName: 'A' }), contact('same', { LastName: 'B' })]
        });
        expect(status).toBe(400);
        expect(dup).toMatchObject({
            errorCode: 'INVALID_INPUT',
            message: expect.stringContaining('Duplicate ReferenceId')
        });
        expect(
            (await first('Account', { records: [contact('x', { LastName: 'A' })] }))[1].errorCode
        ).toBe('INVALID_INPUT');
        const many = Array.from({ length: 201 }, (_, i) => contact(`r${i}`, { LastName: `L${i}` }));
        expect((await first('Contact', { records: many }))[1].message).toContain('200');
        expect((await first('Contact', { nope: [] }))[1].errorCode).toBe('INVALID_INPUT');
        expect((await first('Nothing', { records: [] }))[0]).toBe(404);
        const count = await apiCall(
            org,
            `/query?q=${encodeURIComponent("SELECT COUNT() FROM Contact WHERE LastName IN ('A','B','L0')")}`
        );
        expect(((await count.json()) as { totalSize: number }).totalSize).toBe(0);
    });
});
