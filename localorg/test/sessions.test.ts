/**
 * Sessions as the platform keeps them: refreshing a token gives that client a
 * new one and leaves every other client's token valid. The expired-token
 * fault still ends with a refresh.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOrg, type LocalOrg } from '../src/index';
import { API_VERSION } from '../../core/src/index';

let org: LocalOrg;
let first: string;

beforeAll(async () => {
    org = await startLocalOrg({ dataDir: ':memory:', refreshToken: 'refresh-me' });
    first = org.accessToken;
});

afterAll(async () => {
    await org.close();
});

async function limits(token: string): Promise<number> {
    const res = await fetch(`${org.instanceUrl}/services/data/v${API_VERSION}/limits`, {
        headers: { Authorization: `Bearer ${token}` }
    });
    return res.status;
}

async function refresh(): Promise<string> {
    const res = await fetch(`${org.instanceUrl}/services/oauth2/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'refresh-me' })
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { access_token: string }).access_token;
}

describe('sessions', () => {
    it('keeps other clients signed in when one refreshes its token', async () => {
        const second = await refresh();
        const third = await refresh();
        expect(new Set([first, second, third]).size).toBe(3);
        expect(await limits(first)).toBe(200);
        expect(await limits(second)).toBe(200);
        expect(await limits(third)).toBe(200);
        expect(await limits(`${first.split('!')[0]}!not-a-session`)).toBe(401);
    });

    it('ends the expired-token fault with a refresh', async () => {
        org.setFaults({ expireTokenAfterCalls: 0 });
        expect(await limits(first)).toBe(401);
        const fresh = await refresh();
        expect(await limits(fresh)).toBe(200);
        expect(await limits(first)).toBe(200);
        org.setFaults({});
    });
});
