/** The token-protected admin endpoint for faults: validated bodies, and faults that take effect. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION } from '../../core/src/index';
import { startLocalOrg, type LocalOrg } from '../src/index';

let org: LocalOrg;
const url = () => `${org.instanceUrl}/services/data/v${API_VERSION}`;

function setFaults(body: string, token = org.accessToken): Promise<Response> {
    return fetch(`${url()}/leadloop/faults`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body
    });
}

beforeAll(async () => {
    org = await startLocalOrg({ dataDir: ':memory:' });
});

afterAll(async () => {
    await org.close();
});

describe('POST /leadloop/faults', () => {
    it('needs the token', async () => {
        const res = await setFaults('{"serverErrorShare":1}', 'wrong');
        expect(res.status).toBe(401);
        expect(((await res.json()) as { errorCode: string }[])[0].errorCode).toBe(
            'INVALID_SESSION_ID'
        );
        expect((await fetch(`${url()}/limits`, { headers: auth() })).status).toBe(200);
    });

    it('refuses unknown faults and out-of-range values, leaving faults off', async () => {
        for (const body of ['[]', '{"nope":1}', '{"serverErrorShare":2}', '{"latencyMs":"5"}']) {
            const res = await setFaults(body);
            expect(res.status, body).toBe(400);
        }
        expect((await fetch(`${url()}/limits`, { headers: auth() })).status).toBe(200);
    });

    it('applies a valid config and turns it off again', async () => {
        expect((await setFaults('{"serverErrorShare":1,"seed":7}')).status).toBe(200);
        const failed = await fetch(`${url()}/limits`, { headers: auth() });
        expect(failed.status).toBe(503);
        expect((await setFaults('{}')).status).toBe(200);
        expect((await fetch(`${url()}/limits`, { headers: auth() })).status).toBe(200);
    });
});

function auth(): Record<string, string> {
    return { Authorization: `Bearer ${org.accessToken}` };
}
