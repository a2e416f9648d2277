/**
 * Bulk 2.0 ingest jobs under load: the upload limit is the README's 100 MB,
 * and a job can be aborted while it runs (the rows not processed are listed
 * in unprocessedrecords, and nothing after the abort is written).
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION } from '../../core/src/index';
import { startLocalOrg, type LocalOrg } from '../src/index';
import { parseCsv } from '../src/csv';
import { apiCall } from './http';

let org: LocalOrg;

beforeAll(async () => {
    org = await startLocalOrg({ dataDir: ':memory:' });
});

afterAll(async () => {
    await org.close();
});

async function newJob(): Promise<string> {
    const res = await apiCall(org, '/jobs/ingest', {
        method: 'POST',
        body: JSON.stringify({ object: 'Lead', operation: 'insert', lineEnding: 'LF' })
    });
    return ((await res.json()) as { id: string }).id;
}

describe('Bulk 2.0 ingest limits and abort', () => {
    it('refuses an upload above 100 MB with 413, before reading it', async () => {
        const id = await newJob();
        const url = new URL(
            `${org.instanceUrl}/services/data/v${API_VERSION}/jobs/ingest/${id}/batches`
        );
        const status = await new Promise<number>((resolve, reject) => {
            const req = http.request(url, {
                method: 'PUT',
                headers: {
                    Authorization: `Bearer ${org.accessToken}`,
                    'Content-Type': 'text/csv',
                    'Content-Length': String(100 * 1024 * 1024 + 1)
                }
            });
            req.on('response', (res) => {
                res.resume();
                resolve(res.statusCode ?? 0);
                req.destroy();
            });
            req.on('error', reject);
            req.write('LastName,Company\n');
        });
        expect(status).toBe(413);
    });

    it('aborts a job while it is InProgress', async () => {
        const rows = 60_000;
        const csv =
            'LastName,Company\n' +
            Array.from({ length: rows }, (_, i) => `Abort ${i},Acme`).join('\n') +
            '\n';
        const id = await newJob();
        await apiCall(org, `/jobs/ingest/${id}/batches`, {
            method: 'PUT',
            headers: { 'Content-Type': 'text/csv' },
            body: csv
        });
        await apiCall(org, `/jobs/ingest/${id}`, {
            method: 'PATCH',
            body: JSON.stringify({ state: 'UploadComplete' })
        });
        let state = '';
        for (let i = 0; i < 500 && state !== 'InProgress'; i++) {
            state = ((await (await apiCall(org, `/jobs/ingest/${id}`)).json()) as { state: string })
                .state;
            if (state !== 'InProgress') await new Promise((r) => setTimeout(r, 2));
        }
        expect(state).toBe('InProgress');
        const aborted = await apiCall(org, `/jobs/ingest/${id}`, {
            method: 'PATCH',
            body: JSON.stringify({ state: 'Aborted' })
        });
        expect(aborted.status).toBe(200);
        expect(((await aborted.json()) as { state: string }).state).toBe('Aborted');
        await new Promise((r) => setTimeout(r, 200));
        const info = (await (await apiCall(org, `/jobs/ingest/${id}`)).json()) as {
            state: string;
            numberRecordsProcessed: number;
        };
        expect(info.state).toBe('Aborted');
        const unprocessed = parseCsv(
            await (await apiCall(org, `/jobs/ingest/${id}/unprocessedrecords`)).text()
        ).slice(1);
        const written = org.store.find('Lead', {
            fields: ['Id'],
            where: { field: 'LastName', op: 'like', value: 'Abort %' },
            limit: 1,
            offset: 0
        }).totalCount;
        expect(written).toBe(info.numberRecordsProcessed);
        expect(written).toBeLessThan(rows);
        expect(unprocessed.length).toBe(rows - written);
    }, 60_000);
});
