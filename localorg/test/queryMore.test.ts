/**
 * queryMore as the platform serves it: a locator names its own position, so
 * reading the same nextRecordsUrl twice answers the same page (a client that
 * retries loses nothing); OFFSET is capped at 2,000 as on the platform.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOrg, type LocalOrg } from '../src/index';
import { apiCall } from './http';

let org: LocalOrg;
const LEADS = 450;

type Page = {
    totalSize: number;
    done: boolean;
    nextRecordsUrl?: string;
    records: { LastName: string }[];
};

beforeAll(async () => {
    org = await startLocalOrg({ dataDir: ':memory:' });
    org.store.transaction(() => {
        for (let i = 0; i < LEADS; i++)
            org.store.create('Lead', {
                LastName: `More ${String(i).padStart(3, '0')}`,
                Company: 'Acme'
            });
    });
});

afterAll(async () => {
    await org.close();
});

async function page(url: string): Promise<Page> {
    const res = await fetch(`${org.instanceUrl}${url}`, {
        headers: { Authorization: `Bearer ${org.accessToken}` }
    });
    expect(res.status).toBe(200);
    return (await res.json()) as Page;
}

const names = (p: Page) => p.records.map((r) => r.LastName);

describe('queryMore', () => {
    it('answers the same page for the same locator, however often it is read', async () => {
        const q = encodeURIComponent('SELECT LastName FROM Lead ORDER BY LastName');
        const first = (await (
            await apiCall(org, `/query?q=${q}`, {
                headers: { 'Sforce-Query-Options': 'batchSize=200' }
            })
        ).json()) as Page;
        expect(first.records).toHaveLength(200);
        const second = await page(first.nextRecordsUrl!);
        const again = await page(first.nextRecordsUrl!);
        expect(names(again)).toEqual(names(second));
        expect(again.nextRecordsUrl).toBe(second.nextRecordsUrl);
        const third = await page(second.nextRecordsUrl!);
        expect(third.done).toBe(true);
        // The last page can be read again too, and the pages hold every lead once.
        expect(names(await page(second.nextRecordsUrl!))).toEqual(names(third));
        const all = [...names(first), ...names(second), ...names(third)];
        expect(new Set(all).size).toBe(LEADS);
        expect(all[0]).toBe('More 000');
        expect(all[LEADS - 1]).toBe(`More ${LEADS - 1}`);
    });

    it('answers a locator at any position of its query, a page from there', async () => {
        const q = encodeURIComponent('SELECT LastName FROM Lead ORDER BY LastName');
        const first = (await (
            await apiCall(org, `/query?q=${q}`, {
                headers: { 'Sforce-Query-Options': 'batchSize=200' }
            })
        ).json()) as Page;
        const at = first.nextRecordsUrl!.replace(/-\d+$/, '-150');
        const from150 = await page(at);
        expect(names(from150)).toEqual(
            Array.from({ length: 200 }, (_, i) => `More ${String(150 + i).padStart(3, '0')}`)
        );
        expect(from150.nextRecordsUrl).toMatch(/-350$/);
        const last = await page(from150.nextRecordsUrl!);
        expect(last.done).toBe(true);
        expect(names(last)).toHaveLength(LEADS - 350);
    });

    it('refuses a locator whose position is not a page of its query', async () => {
        const q = encodeURIComponent('SELECT LastName FROM Lead');
        const first = (await (
            await apiCall(org, `/query?q=${q}`, {
                headers: { 'Sforce-Query-Options': 'batchSize=200' }
            })
        ).json()) as Page;
        const id = first.nextRecordsUrl!.split('/').pop()!.split('-')[0];
        for (const bad of [`${id}-99999`, `${id}-x`, `${id}`, `${id}--5`]) {
            const res = await apiCall(org, `/query/${bad}`);
            expect(res.status).toBe(400);
            expect((await res.json())[0].errorCode).toBe('INVALID_QUERY_LOCATOR');
        }
    });

    it('caps OFFSET at 2,000 as the platform does, never wrapping a large one to 0', async () => {
        for (const offset of ['2001', '2147483648', '4294967296', '99999999999999999999']) {
            const q = encodeURIComponent(
                `SELECT LastName FROM Lead ORDER BY LastName OFFSET ${offset}`
            );
            const res = await apiCall(org, `/query?q=${q}`);
            expect(res.status).toBe(400);
            const [error] = await res.json();
            expect(error.errorCode).toBe('MALFORMED_QUERY');
            expect(error.message).toMatch(/OFFSET.*2,?000/);
        }
        const q = encodeURIComponent('SELECT LastName FROM Lead ORDER BY LastName OFFSET 2000');
        const ok = (await (await apiCall(org, `/query?q=${q}`)).json()) as Page;
        expect(ok.records).toEqual([]);
    });
});
