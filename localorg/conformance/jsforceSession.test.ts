/**
 * jsforce 3.10.16's username-password sign-in scenarios (its repository's
 * test/connection-session: SOAP login, a refreshed bad token, logout) and the
 * OAuth password grant, plus composite, composite batch and composite graph
 * requests as jsforce sends them (`conn.requestPost`), against a local org with
 * unmodified jsforce.
 */
import jsforce, { type Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalOrg } from '../src/index';
import { startConformanceOrg } from './localOrg';

let org: LocalOrg;
let conn: Connection;
const PASSWORD = 'local-Passw0rd';

beforeAll(async () => {
    ({ org, conn } = await startConformanceOrg(0, { password: PASSWORD }));
});
afterAll(() => org.close());

describe('soap login', () => {
    let soap: Connection;
    it('logs in by username and password', async () => {
        soap = new jsforce.Connection({ loginUrl: org.instanceUrl, version: org.apiVersion });
        const userInfo = await soap.login(org.username, PASSWORD);
        expect(typeof soap.accessToken).toBe('string');
        expect(soap.accessToken).not.toBe(org.accessToken);
        expect(soap.instanceUrl).toBe(org.instanceUrl);
        expect(typeof userInfo.id).toBe('string');
        expect(typeof userInfo.organizationId).toBe('string');
        expect(typeof userInfo.url).toBe('string');
    });
    it('queries with the session', async () => {
        const res = await soap.query('SELECT Id FROM User');
        expect(Array.isArray(res.records)).toBe(true);
        expect(res.records.length).toBeGreaterThan(0);
    });
    it('signs in again when the access token goes bad', async () => {
        let refreshed = 0;
        let newToken: string | undefined;
        soap.accessToken = 'invalid access token';
        soap.removeAllListeners('refresh');
        soap.on('refresh', (token: string) => {
            newToken = token;
            refreshed += 1;
        });
        const res = await soap.query('SELECT Id FROM User LIMIT 5');
        expect(refreshed).toBe(1);
        expect(typeof newToken).toBe('string');
        expect(Array.isArray(res.records)).toBe(true);
    });
    it('refuses a wrong password with INVALID_LOGIN', async () => {
        const other = new jsforce.Connection({
            loginUrl: org.instanceUrl,
            version: org.apiVersion
        });
        await expect(other.login(org.username, 'wrong')).rejects.toThrow(/^INVALID_LOGIN: /);
        await expect(other.login('nobody@example.com', PASSWORD)).rejects.toThrow(/INVALID_LOGIN/);
    });
});

describe('soap logout', () => {
    it('logs out, and the old session is refused', async () => {
        const first = new jsforce.Connection({
            loginUrl: org.instanceUrl,
            version: org.apiVersion
        });
        await first.loginBySoap(org.username, PASSWORD);
        const session = { sessionId: first.accessToken!, serverUrl: first.instanceUrl };
        await first.logout();
        expect(first.accessToken).toBeNull();
        const second = new jsforce.Connection({ ...session, version: org.apiVersion });
        await expect(second.query('SELECT Id FROM User')).rejects.toMatchObject({
            errorCode: 'INVALID_SESSION_ID'
        });
        // The org's own token is not a sign-in's session and keeps working.
        expect((await conn.query('SELECT Id FROM User')).totalSize).toBeGreaterThan(0);
    });
});

describe('oauth2 password grant', () => {
    const oauth2 = () => ({
        clientId: 'local-client',
        clientSecret: 'local-secret',
        loginUrl: org.instanceUrl
    });
    it('logs in through /services/oauth2/token and queries', async () => {
        const c = new jsforce.Connection({ oauth2: oauth2(), version: org.apiVersion });
        const userInfo = await c.login(org.username, PASSWORD);
        expect(userInfo.organizationId).toMatch(/^00D/);
        expect(c.instanceUrl).toBe(org.instanceUrl);
        expect((await c.query('SELECT Id FROM User')).totalSize).toBeGreaterThan(0);
    });
    it('refuses a wrong password with invalid_grant', async () => {
        const c = new jsforce.Connection({ oauth2: oauth2(), version: org.apiVersion });
        await expect(c.login(org.username, 'wrong')).rejects.toMatchObject({
            name: 'invalid_grant'
        });
    });
});

type CompositeResponse = {
    compositeResponse: {
        body: unknown;
        httpStatusCode: number;
        referenceId: string;
    }[];
};

/** A composite subrequest creating an Account. */
const newAccount = (referenceId: string, body: Record<string, unknown>) => ({
    method: 'POST',
    url: `/services/data/v${org.apiVersion}/sobjects/Account`,
    referenceId,
    body
});

describe('composite', () => {
    it('creates an account and a contact that references it, and queries them', async () => {
        const res = await conn.requestPost<CompositeResponse>('/composite', {
            allOrNone: true,
            compositeRequest: [
                newAccount('NewAccount', { Name: 'Composite Acme' }),
                {
                    method: 'POST',
                    url: `/services/data/v${org.apiVersion}/sobjects/Contact`,
                    referenceId: 'NewContact',
                    body: { LastName: 'Coyote', AccountId: '@{NewAccount.id}' }
                },
                {
                    method: 'GET',
                    url: `/services/data/v${org.apiVersion}/query?q=SELECT+Id,+AccountId+FROM+Contact+WHERE+AccountId+=+'@{NewAccount.id}'`,
                    referenceId: 'Contacts'
                }
            ]
        });
        const [account, contact, query] = res.compositeResponse;
        expect(account.httpStatusCode).toBe(201);
        expect(contact.httpStatusCode).toBe(201);
        const accountId = (account.body as { id: string }).id;
        expect(query.body).toMatchObject({ totalSize: 1, records: [{ AccountId: accountId }] });
    });
    it('with allOrNone, one failure rolls every subrequest back', async () => {
        const res = await conn.requestPost<CompositeResponse>('/composite', {
            allOrNone: true,
            compositeRequest: [
                newAccount('Good', { Name: 'Composite Rolled Back' }),
                newAccount('Bad', { BillingState: 'CA' })
            ]
        });
        expect(res.compositeResponse.map((r) => r.httpStatusCode)).toEqual([400, 400]);
        expect(res.compositeResponse[0].body).toMatchObject([{ errorCode: 'PROCESSING_HALTED' }]);
        expect(res.compositeResponse[1].body).toMatchObject([
            { errorCode: 'REQUIRED_FIELD_MISSING' }
        ]);
        expect(await conn.sobject('Account').count({ Name: 'Composite Rolled Back' })).toBe(0);
    });
    it('batch runs independent subrequests; haltOnError stops after a failure', async () => {
        const res = await conn.requestPost<{
            hasErrors: boolean;
            results: { statusCode: number; result: unknown }[];
        }>('/composite/batch', {
            haltOnError: true,
            batchRequests: [
                {
                    method: 'POST',
                    url: `v${org.apiVersion}/sobjects/Account`,
                    richInput: { Name: 'Batch One' }
                },
                { method: 'GET', url: `v${org.apiVersion}/sobjects/Account/001000000000000AAA` },
                { method: 'GET', url: `v${org.apiVersion}/query?q=SELECT+Id+FROM+Account` }
            ]
        });
        expect(res.hasErrors).toBe(true);
        expect(res.results.map((r) => r.statusCode)).toEqual([201, 404, 412]);
        expect(await conn.sobject('Account').count({ Name: 'Batch One' })).toBe(1);
    });
    it('graph commits each graph on its own', async () => {
        const res = await conn.requestPost<{
            graphs: { graphId: string; isSuccessful: boolean }[];
        }>('/composite/graph', {
            graphs: [
                { graphId: 'g1', compositeRequest: [newAccount('a', { Name: 'Graph Kept' })] },
                {
                    graphId: 'g2',
                    compositeRequest: [
                        newAccount('a', { Name: 'Graph Dropped' }),
                        newAccount('b', {})
                    ]
                }
            ]
        });
        expect(res.graphs.map((g) => [g.graphId, g.isSuccessful])).toEqual([
            ['g1', true],
            ['g2', false]
        ]);
        expect(await conn.sobject('Account').count({ Name: 'Graph Kept' })).toBe(1);
        expect(await conn.sobject('Account').count({ Name: 'Graph Dropped' })).toBe(0);
    });
});
