/**
 * A Bulk 2.0 job survives a crash: the org process is killed in the middle of
 * a job and started again on the same data. The job is still there, Failed,
 * its applied rows are exactly its successful results, the rest are its
 * unprocessed records, and loading those makes the data whole.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { API_VERSION } from '../../core/src/index';
import { parseCsv } from '../src/csv';
import { startLocalOrg } from '../src/index';
import { runIngest } from './http';

const ROWS = 30_000;
const dir = mkdtempSync(path.join(tmpdir(), 'leadloop-crash-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a crash during a Bulk 2.0 job', () => {
    it('loses no job, reports exactly what was applied, and a rerun makes the data whole', async () => {
        const child = spawn(
            process.execPath,
            [
                '--import',
                'tsx',
                path.resolve(import.meta.dirname, '../../bench/localorgProcess.ts'),
                dir
            ],
            { stdio: ['ignore', 'pipe', 'inherit'] }
        );
        const line = await new Promise<string>((resolve) =>
            readline.createInterface({ input: child.stdout! }).once('line', resolve)
        );
        const remote = JSON.parse(line) as { instanceUrl: string; accessToken: string };
        // One connection per call (none pooled), so killing the org resets no idle socket.
        const call = (p: string, init: { method?: string; body?: string; headers?: object } = {}) =>
            new Promise<{ json(): Promise<unknown> }>((resolve, reject) => {
                const req = http.request(
                    `${remote.instanceUrl}/services/data/v${API_VERSION}${p}`,
                    {
                        method: init.method ?? 'GET',
                        agent: false,
                        headers: {
                            Authorization: `Bearer ${remote.accessToken}`,
                            'Content-Type': 'application/json',
                            Connection: 'close',
                            ...init.headers
                        }
                    },
                    (res) => {
                        const chunks: Buffer[] = [];
                        res.on('data', (c: Buffer) => chunks.push(c));
                        res.on('end', () => {
                            const text = Buffer.concat(chunks).toString('utf8');
                            resolve({ json: async () => (text ? JSON.parse(text) : null) });
                        });
                    }
                );
                req.on('error', reject);
                req.end(init.body);
            });
        const created = await call('/jobs/ingest', {
            method: 'POST',
            body: JSON.stringify({ object: 'Lead', operation: 'insert', lineEnding: 'LF' })
        });
        const { id } = (await created.json()) as { id: string };
        const csv =
            'LastName,Company\n' +
            Array.from({ length: ROWS }, (_, i) => `Crash ${i},Acme`).join('\n') +
            '\n';
        await call(`/jobs/ingest/${id}/batches`, {
            method: 'PUT',
            headers: { 'Content-Type': 'text/csv' },
            body: csv
        });
        await call(`/jobs/ingest/${id}`, {
            method: 'PATCH',
            body: JSON.stringify({ state: 'UploadComplete' })
        });
        let processed = 0;
        for (let i = 0; i < 2_000 && processed === 0; i++) {
            processed = (
                (await (await call(`/jobs/ingest/${id}`)).json()) as {
                    numberRecordsProcessed: number;
                }
            ).numberRecordsProcessed;
            if (processed === 0) await new Promise((r) => setTimeout(r, 5));
        }
        child.kill('SIGKILL');
        await new Promise((r) => child.once('exit', r));
        expect(processed).toBeGreaterThan(0);

        const org = await startLocalOrg({ dataDir: dir });
        try {
            const res = await fetch(
                `${org.instanceUrl}/services/data/v${API_VERSION}/jobs/ingest/${id}`,
                { headers: { Authorization: `Bearer ${org.accessToken}` } }
            );
            expect(res.status).toBe(200);
            const info = (await res.json()) as {
                state: string;
                numberRecordsProcessed: number;
                errorMessage: string;
            };
            expect(info.state).toBe('Failed');
            expect(info.errorMessage).toMatch(/stopped while the job ran/);
            expect(info.numberRecordsProcessed).toBeLessThan(ROWS);
            const file = async (name: string) =>
                parseCsv(
                    await (
                        await fetch(
                            `${org.instanceUrl}/services/data/v${API_VERSION}/jobs/ingest/${id}/${name}`,
                            { headers: { Authorization: `Bearer ${org.accessToken}` } }
                        )
                    ).text()
                ).slice(1);
            const applied = await file('successfulResults');
            const unprocessed = await file('unprocessedrecords');
            const leads = () =>
                org.store.find('Lead', {
                    fields: ['Id'],
                    where: { field: 'LastName', op: 'like', value: 'Crash %' },
                    limit: 1,
                    offset: 0
                }).totalCount;
            expect(applied.length).toBe(info.numberRecordsProcessed);
            expect(leads()).toBe(applied.length);
            expect(applied.length + unprocessed.length).toBe(ROWS);
            expect(
                new Set([...applied.map((r) => r[2]), ...unprocessed.map((r) => r[0])]).size
            ).toBe(ROWS);
            // Loading what was not processed makes the data whole.
            const rerun = await runIngest(org, { object: 'Lead', operation: 'insert' }, [
                'LastName,Company\n' + unprocessed.map((r) => r.join(',')).join('\n') + '\n'
            ]);
            expect(rerun.info.state).toBe('JobComplete');
            expect(leads()).toBe(ROWS);
        } finally {
            await org.close();
        }
    }, 120_000);
});
