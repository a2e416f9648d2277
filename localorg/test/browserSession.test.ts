/**
 * The browser session cookie only signs requests from the org's own pages: a
 * page on another 127.0.0.1 port (same site for SameSite) cannot create,
 * delete or switch on faults with it, even with a `text/plain` form POST.
 * Bearer-token clients are unaffected.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION } from '../../core/src/index';
import { startLocalOrg, type LocalOrg } from '../src/index';

let org: LocalOrg;
let otherPage: http.Server;
let otherOrigin: string;
let cookie: string;
const api = () => `${org.instanceUrl}/services/data/v${API_VERSION}`;

beforeAll(async () => {
    org = await startLocalOrg({ dataDir: ':memory:' });
    // Another local page, as a dev server on another port would be.
    otherPage = http.createServer((_req, res) => res.end('<form method=post></form>'));
    await new Promise<void>((resolve) => otherPage.listen(0, '127.0.0.1', resolve));
    otherOrigin = `http://127.0.0.1:${(otherPage.address() as { port: number }).port}`;
    const login = await fetch(
        `${org.instanceUrl}/login?token=${encodeURIComponent(org.accessToken)}`,
        { redirect: 'manual' }
    );
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    expect(cookie).toMatch(/^leadloop_session=/);
});

afterAll(async () => {
    await new Promise((resolve) => otherPage.close(resolve));
    await org.close();
});

function leads(lastName: string): number {
    return org.store.find('Lead', {
        fields: ['Id'],
        where: { field: 'LastName', op: 'eq', value: lastName },
        limit: 10,
        offset: 0
    }).totalCount;
}

function withCookie(
    origin: string | null,
    contentType: string,
    extra: Record<string, string> = {}
) {
    return {
        Cookie: cookie,
        'Content-Type': contentType,
        ...(origin ? { Origin: origin } : {}),
        ...extra
    };
}

describe('cookie-signed writes from another local page', () => {
    it('refuses a text/plain form POST that would create a lead', async () => {
        const res = await fetch(`${api()}/sobjects/Lead`, {
            method: 'POST',
            headers: withCookie(otherOrigin, 'text/plain'),
            body: JSON.stringify({ LastName: 'Forged', Company: 'Elsewhere' })
        });
        expect(res.status).toBe(403);
        expect((await res.json())[0].message).toMatch(/own pages/);
        expect(leads('Forged')).toBe(0);
    });

    it('refuses a JSON GraphQL mutation that would delete a lead', async () => {
        const id = org.store.create('Lead', { LastName: 'Keep Me', Company: 'Acme' });
        const res = await fetch(`${api()}/graphql`, {
            method: 'POST',
            headers: withCookie(otherOrigin, 'application/json'),
            body: JSON.stringify({
                query: `mutation { uiapi { LeadDelete(input: { Id: "${id}" }) { Id } } }`
            })
        });
        expect(res.status).toBe(403);
        expect(leads('Keep Me')).toBe(1);
    });

    it('refuses switching on a fault, and a Referer from elsewhere, and no origin at all', async () => {
        const faults = await fetch(`${api()}/leadloop/faults`, {
            method: 'POST',
            headers: withCookie(otherOrigin, 'application/json'),
            body: JSON.stringify({ serverErrorShare: 1 })
        });
        expect(faults.status).toBe(403);
        const referer = await fetch(`${api()}/sobjects/Lead`, {
            method: 'POST',
            headers: withCookie(null, 'application/json', { Referer: `${otherOrigin}/page` }),
            body: JSON.stringify({ LastName: 'Forged', Company: 'Elsewhere' })
        });
        expect(referer.status).toBe(403);
        const none = await fetch(`${api()}/sobjects/Lead`, {
            method: 'POST',
            headers: withCookie(null, 'application/json'),
            body: JSON.stringify({ LastName: 'Forged', Company: 'Elsewhere' })
        });
        expect(none.status).toBe(403);
        expect(leads('Forged')).toBe(0);
        // The fault never switched on: the API still answers.
        const read = await fetch(`${api()}/limits`, { headers: { Cookie: cookie } });
        expect(read.status).toBe(200);
    });

    it("accepts JSON from the org's own pages, but not text/plain", async () => {
        const own = new URL(org.instanceUrl).origin;
        const plain = await fetch(`${api()}/sobjects/Lead`, {
            method: 'POST',
            headers: withCookie(own, 'text/plain'),
            body: JSON.stringify({ LastName: 'Own Plain', Company: 'Acme' })
        });
        expect(plain.status).toBe(415);
        expect(leads('Own Plain')).toBe(0);
        const json = await fetch(`${api()}/sobjects/Lead`, {
            method: 'POST',
            headers: withCookie(own, 'application/json; charset=utf-8'),
            body: JSON.stringify({ LastName: 'Own Json', Company: 'Acme' })
        });
        expect(json.status).toBe(201);
        expect(leads('Own Json')).toBe(1);
    });

    it('leaves bearer-token clients as they are, whatever Origin they send', async () => {
        const res = await fetch(`${api()}/sobjects/Lead`, {
            method: 'POST',
            headers: {
                Authorization: `Bearer ${org.accessToken}`,
                Origin: otherOrigin,
                'Content-Type': 'text/plain'
            },
            body: JSON.stringify({ LastName: 'Bearer Client', Company: 'Acme' })
        });
        expect(res.status).toBe(201);
        expect(leads('Bearer Client')).toBe(1);
    });
});
