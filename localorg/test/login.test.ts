/**
 * Username-password sign-in over raw HTTP: the SOAP login envelope and fault
 * as the partner API answers them, the OAuth password grant, inactive users,
 * logout, and what the SOAP endpoint refuses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION } from '../../core/src/index';
import { startLocalOrg, type LocalOrg } from '../src/index';
import { child, parseXml, type XmlElement } from '../src/xml';
import { apiCall } from './http';

let org: LocalOrg;
const PASSWORD = 'p@ss<word>&';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const soapLogin = (username: string, password: string) =>
    `<se:Envelope xmlns:se="http://schemas.xmlsoap.org/soap/envelope/"><se:Header/><se:Body><login xmlns="urn:partner.soap.sforce.com"><username>${esc(username)}</username><password>${esc(password)}</password></login></se:Body></se:Envelope>`;

function soap(body: string): Promise<Response> {
    return fetch(`${org.instanceUrl}/services/Soap/u/${API_VERSION}`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/xml', SOAPAction: '""' },
        body
    });
}

function token(form: Record<string, string>): Promise<Response> {
    return fetch(`${org.instanceUrl}/services/oauth2/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString()
    });
}

const path = (e: XmlElement, ...names: string[]) =>
    names.reduce<XmlElement | undefined>((at, n) => at && child(at, n), e);

beforeAll(async () => {
    org = await startLocalOrg({ dataDir: ':memory:', password: PASSWORD });
    org.store.create('User', {
        LastName: 'Gone',
        Username: 'gone@leadloop.local',
        Email: 'gone@leadloop.local',
        IsActive: false
    });
});
afterAll(() => org.close());

describe('SOAP login', () => {
    it('answers the loginResponse with a new session, the server URL and userInfo', async () => {
        const res = await soap(soapLogin(org.username.toUpperCase(), PASSWORD));
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
        const result = path(parseXml(await res.text()), 'Body', 'loginResponse', 'result')!;
        const text = (...names: string[]) => path(result, ...names)?.text;
        const sessionId = text('sessionId')!;
        expect(sessionId).toMatch(/^00D\w{12}!/);
        expect(sessionId).not.toBe(org.accessToken);
        expect(text('serverUrl')).toMatch(
            new RegExp(`^${org.instanceUrl}/services/Soap/u/${API_VERSION}/00D`)
        );
        expect(text('passwordExpired')).toBe('false');
        expect(text('userInfo', 'userName')).toBe(org.username);
        expect(text('userInfo', 'organizationId')).toBe(text('serverUrl')!.split('/').pop());
        const rest = await fetch(`${org.instanceUrl}/services/data/v${API_VERSION}/limits`, {
            headers: { Authorization: `Bearer ${sessionId}` }
        });
        expect(rest.status).toBe(200);
    });
    it('answers a wrong password, an unknown or inactive user with the INVALID_LOGIN fault', async () => {
        for (const [user, password] of [
            [org.username, 'wrong'],
            ['nobody@leadloop.local', PASSWORD],
            ['gone@leadloop.local', PASSWORD],
            ['', '']
        ]) {
            const res = await soap(soapLogin(user, password));
            expect(res.status).toBe(500);
            const fault = path(parseXml(await res.text()), 'Body', 'Fault')!;
            expect(child(fault, 'faultcode')?.text).toBe('sf:INVALID_LOGIN');
            expect(child(fault, 'faultstring')?.text).toBe(
                'INVALID_LOGIN: Invalid username, password, security token; or user locked out.'
            );
            expect(path(fault, 'detail', 'LoginFault', 'exceptionCode')?.text).toBe(
                'INVALID_LOGIN'
            );
        }
    });
    it('refuses malformed XML, document types and other SOAP calls with a fault', async () => {
        const code = async (body: string) =>
            child(path(parseXml(await (await soap(body)).text()), 'Body', 'Fault')!, 'faultcode')
                ?.text;
        expect(await code('<se:Envelope><se:Body>')).toBe('sf:INVALID_XML');
        expect(
            await code(
                `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${soapLogin('&e;', '')}`
            )
        ).toBe('sf:INVALID_XML');
        expect(
            await code(
                '<se:Envelope xmlns:se="http://schemas.xmlsoap.org/soap/envelope/"><se:Body><query><queryString>SELECT Id FROM User</queryString></query></se:Body></se:Envelope>'
            )
        ).toBe('sf:INVALID_OPERATION');
    });
    it('logs out a session (the org token is never logged out)', async () => {
        const login = await soap(soapLogin(org.username, PASSWORD));
        const sessionId = path(
            parseXml(await login.text()),
            'Body',
            'loginResponse',
            'result',
            'sessionId'
        )!.text;
        const logout = (session: string) =>
            soap(
                `<se:Envelope xmlns:se="http://schemas.xmlsoap.org/soap/envelope/"><se:Header><SessionHeader xmlns="urn:partner.soap.sforce.com"><sessionId>${session}</sessionId></SessionHeader></se:Header><se:Body><logout xmlns="urn:partner.soap.sforce.com"/></se:Body></se:Envelope>`
            );
        expect((await logout(sessionId)).status).toBe(200);
        expect((await logout(sessionId)).status).toBe(500);
        const after = await fetch(`${org.instanceUrl}/services/data/v${API_VERSION}/limits`, {
            headers: { Authorization: `Bearer ${sessionId}` }
        });
        expect(after.status).toBe(401);
        expect((await logout(org.accessToken)).status).toBe(200);
        expect((await apiCall(org, '/limits')).status).toBe(200);
    });
});

describe('OAuth password grant', () => {
    it('answers a token, the instance URL and the identity URL of the user', async () => {
        const res = await token({
            grant_type: 'password',
            client_id: 'x',
            client_secret: 'y',
            username: org.username,
            password: PASSWORD
        });
        expect(res.status).toBe(200);
        const body = (await res.json()) as Record<string, string>;
        expect(body).toMatchObject({ instance_url: org.instanceUrl, token_type: 'Bearer' });
        expect(body.id).toMatch(new RegExp(`^${org.instanceUrl}/id/00D\\w+/005\\w+$`));
        const rest = await fetch(`${org.instanceUrl}/services/data/v${API_VERSION}/limits`, {
            headers: { Authorization: `Bearer ${body.access_token}` }
        });
        expect(rest.status).toBe(200);
    });
    it('answers invalid_grant for a wrong password or an inactive user', async () => {
        for (const [username, password] of [
            [org.username, 'nope'],
            ['gone@leadloop.local', PASSWORD]
        ]) {
            const res = await token({ grant_type: 'password', username, password });
            expect(res.status).toBe(400);
            expect(await res.json()).toEqual({
                error: 'invalid_grant',
                error_description: 'authentication failure'
            });
        }
    });
});
