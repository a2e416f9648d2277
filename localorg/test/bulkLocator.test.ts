/**
 * Bulk API 2.0 over raw HTTP, as the Bulk API 2.0 guide describes it: query
 * results paged with `locator` + `maxRecords` (headers `Sforce-Locator`, the
 * string "null" at the end, and `Sforce-NumberOfRecords`), and an ingest job
 * aborted before UploadComplete that writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOrg, type LocalOrg } from '../src/index';
import { apiCall } from './http';

let org: LocalOrg;
const LEADS = 250;

const api = (path: string, init: RequestInit = {}) => apiCall(org, path, init);

async function leadCount(): Promise<number> {
    const res = await api(`/query?q=${encodeURIComponent('SELECT COUNT() FROM Lead')}`);
    return ((await res.json()) as { totalSize: number }).totalSize;
}

beforeAll(async () => {
    org = await startLocalOrg({ dataDir: ':memory:' });
    for (let i = 0; i < LEADS; i += 200) {
        const records = Array.from({ length: Math.min(200, LEADS - i) }, (_, k) => ({
            attributes: { type: 'Lead' },
            LastName: `Bulk ${i + k}`,
            Company: 'Acme'
        }));
        const res = await api('/composite/sobjects', {
            method: 'POST',
            body: JSON.stringify({ allOrNone: true, records })
        });
        expect(res.status).toBe(200);
    }
});

afterAll(async () => {
    await org.close();
});

describe('Bulk API 2.0 over HTTP', () => {
    it('pages query results with locator and maxRecords', async () => {
        const created = await api('/jobs/query', {
            method: 'POST',
            body: JSON.stringify({ operation: 'query', query: 'SELECT Id, LastName FROM Lead' })
        });
        expect(created.status).toBe(200);
        const job = (await created.json()) as { id: string };
        let state = '';
        for (let i = 0; i < 50 && state !== 'JobComplete'; i++) {
            state = ((await (await api(`/jobs/query/${job.id}`)).json()) as { state: string })
                .state;
            if (state !== 'JobComplete') await new Promise((r) => setTimeout(r, 20));
        }
        expect(state).toBe('JobComplete');

        const ids = new Set<string>();
        let locator = '';
        let pages = 0;
        do {
            const q = `maxRecords=100${locator ? `&locator=${encodeURIComponent(locator)}` : ''}`;
            const res = await api(`/jobs/query/${job.id}/results?${q}`);
            expect(res.status).toBe(200);
            const lines = (await res.text()).trim().split(/\r?\n/);
            expect(lines[0].replace(/"/g, '')).toBe('Id,LastName');
            expect(Number(res.headers.get('Sforce-NumberOfRecords'))).toBe(lines.length - 1);
            for (const line of lines.slice(1)) ids.add(line.split(',')[0].replace(/"/g, ''));
            locator = res.headers.get('Sforce-Locator') ?? 'null';
            pages += 1;
        } while (locator !== 'null' && pages < 10);
        expect(pages).toBe(3);
        expect(ids.size).toBe(LEADS);
    });

    it('keeps concurrent query jobs and query cursors apart', async () => {
        // Many jobs created at once (the same millisecond): each has its own id and results.
        const sizes = Array.from({ length: 24 }, (_, i) => i + 1);
        const jobs = await Promise.all(
            sizes.map(async (n) => {
                const res = await api('/jobs/query', {
                    method: 'POST',
                    body: JSON.stringify({
                        operation: 'query',
                        query: `SELECT Id FROM Lead ORDER BY Id LIMIT ${n}`
                    })
                });
                return ((await res.json()) as { id: string }).id;
            })
        );
        expect(new Set(jobs).size).toBe(jobs.length);
        // Ids made in the same millisecond (as for jobs a client starts at once) never repeat.
        const server = org.server as unknown as { nextId(prefix: string): string };
        const burst = Array.from({ length: 1000 }, () => server.nextId('750'));
        expect(new Set(burst).size).toBe(burst.length);
        for (const id of jobs) {
            for (let i = 0; i < 100; i++) {
                const info = (await (await api(`/jobs/query/${id}`)).json()) as { state: string };
                if (info.state === 'JobComplete') break;
                await new Promise((r) => setTimeout(r, 10));
            }
        }
        const counts = await Promise.all(
            jobs.map(async (id) => {
                const res = await api(`/jobs/query/${id}/results`);
                return Number(res.headers.get('Sforce-NumberOfRecords'));
            })
        );
        expect(counts).toEqual(sizes);

        // REST query cursors opened at once page their own records.
        const firstPages = await Promise.all(
            [3, 5, 7].map(async (batch) => {
                const res = await api(`/query?q=${encodeURIComponent('SELECT Id FROM Lead')}`, {
                    headers: { 'Sforce-Query-Options': `batchSize=${batch}` }
                });
                return (await res.json()) as { nextRecordsUrl: string; records: unknown[] };
            })
        );
        expect(new Set(firstPages.map((p) => p.nextRecordsUrl.split('-')[0])).size).toBe(3);
    });

    it('ignores an empty upload before the data', async () => {
        const before = await leadCount();
        const created = await api('/jobs/ingest', {
            method: 'POST',
            body: JSON.stringify({ object: 'Lead', operation: 'insert', lineEnding: 'LF' })
        });
        const job = (await created.json()) as { id: string };
        for (const body of ['', 'LastName,Company\nEmpty First,Acme\n']) {
            const put = await api(`/jobs/ingest/${job.id}/batches`, {
                method: 'PUT',
                headers: { 'Content-Type': 'text/csv' },
                body
            });
            expect(put.status).toBe(201);
        }
        await api(`/jobs/ingest/${job.id}`, {
            method: 'PATCH',
            body: JSON.stringify({ state: 'UploadComplete' })
        });
        let info = { state: '', numberRecordsProcessed: 0, numberRecordsFailed: 0 };
        for (let i = 0; i < 100 && info.state !== 'JobComplete'; i++) {
            await new Promise((r) => setTimeout(r, 10));
            info = (await (await api(`/jobs/ingest/${job.id}`)).json()) as typeof info;
        }
        expect(info).toMatchObject({
            state: 'JobComplete',
            numberRecordsProcessed: 1,
            numberRecordsFailed: 0
        });
        expect(await leadCount()).toBe(before + 1);
    });

    it('writes nothing for an ingest job aborted before UploadComplete', async () => {
        const before = await leadCount();
        const created = await api('/jobs/ingest', {
            method: 'POST',
            body: JSON.stringify({ object: 'Lead', operation: 'insert', lineEnding: 'LF' })
        });
        const job = (await created.json()) as { id: string; state: string };
        expect(job.state).toBe('Open');
        const put = await api(`/jobs/ingest/${job.id}/batches`, {
            method: 'PUT',
            headers: { 'Content-Type': 'text/csv' },
            body: 'LastName,Company\nNever,Acme\n'
        });
        expect(put.status).toBe(201);
        const aborted = await api(`/jobs/ingest/${job.id}`, {
            method: 'PATCH',
            body: JSON.stringify({ state: 'Aborted' })
        });
        expect(((await aborted.json()) as { state: string }).state).toBe('Aborted');
        expect(await leadCount()).toBe(before);
    });
});
