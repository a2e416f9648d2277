/**
 * The write-ahead log is copied into the database once the org is idle, never while a request
 * or a Bulk job is under way; and through the org's HTTP pipeline, a burst of requests is
 * followed by one checkpoint.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IdleCheckpoint } from '../src/store/idleCheckpoint';
import { startLocalOrg } from '../src/index';
import { apiCall } from './http';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('IdleCheckpoint', () => {
    let dir = '';
    let db: Database.Database;
    const file = () => path.join(dir, 'db.sqlite');
    /** Bytes of the main database file: the log's pages land there at a checkpoint. */
    const mainBytes = () => statSync(file()).size;

    beforeEach(() => {
        dir = mkdtempSync(path.join(os.tmpdir(), 'leadloop-checkpoint-'));
        db = new Database(file());
        db.pragma('journal_mode = WAL');
        db.pragma('wal_autocheckpoint = 0');
        db.exec('CREATE TABLE t (v TEXT)');
        db.pragma('wal_checkpoint(TRUNCATE)');
    });
    afterEach(() => {
        db.close();
        rmSync(dir, { recursive: true, force: true });
    });

    const write = () => {
        const insert = db.prepare('INSERT INTO t VALUES (?)');
        db.transaction(() => {
            for (let i = 0; i < 5_000; i++) insert.run(`row ${i} `.repeat(10));
        })();
    };

    it('checkpoints once nothing has been under way for its idle time', async () => {
        const idle = new IdleCheckpoint(db, 40);
        const before = mainBytes();
        idle.begin();
        write();
        idle.end();
        expect(mainBytes()).toBe(before);
        await sleep(150);
        expect(mainBytes()).toBeGreaterThan(before + 100_000);
        idle.stop();
    });

    it('waits while something is under way, and for the idle time after it ends', async () => {
        const idle = new IdleCheckpoint(db, 100);
        const before = mainBytes();
        idle.begin();
        write();
        idle.end();
        idle.begin(); // a long job starts before the first idle time is up
        await sleep(250);
        expect(mainBytes()).toBe(before);
        idle.end();
        await sleep(10);
        expect(mainBytes()).toBe(before);
        await sleep(400);
        expect(mainBytes()).toBeGreaterThan(before + 100_000);
        idle.stop();
    });

    it('does nothing after stop() or once the database is closed', async () => {
        const idle = new IdleCheckpoint(db, 20);
        const before = mainBytes();
        write();
        idle.begin();
        idle.end();
        idle.stop();
        await sleep(80);
        expect(mainBytes()).toBe(before);
    });
});

describe('the org checkpoints between requests', () => {
    it('copies the log of a Bulk job into the database once the org is idle', async () => {
        // The job is far below SQLite's own checkpoint mark (50,000 pages).
        const dataDir = mkdtempSync(path.join(os.tmpdir(), 'leadloop-checkpoint-org-'));
        const org = await startLocalOrg({ dataDir });
        try {
            const orgFile = path.join(dataDir, 'org.sqlite');
            await sleep(300);
            const before = statSync(orgFile).size;
            const rows = Array.from({ length: 3_000 }, (_, i) => `Idle${i},Acme ${i}`).join('\n');
            const job = (await (
                await apiCall(org, '/jobs/ingest', {
                    method: 'POST',
                    body: JSON.stringify({ object: 'Lead', operation: 'insert' })
                })
            ).json()) as { id: string };
            await apiCall(org, `/jobs/ingest/${job.id}/batches`, {
                method: 'PUT',
                headers: { 'Content-Type': 'text/csv' },
                body: `LastName,Company\n${rows}\n`
            });
            await apiCall(org, `/jobs/ingest/${job.id}`, {
                method: 'PATCH',
                body: JSON.stringify({ state: 'UploadComplete' })
            });
            for (;;) {
                const info = (await (await apiCall(org, `/jobs/ingest/${job.id}`)).json()) as {
                    state: string;
                };
                if (info.state === 'JobComplete') break;
                expect(['UploadComplete', 'InProgress']).toContain(info.state);
                await sleep(20);
            }
            await sleep(600);
            expect(statSync(orgFile).size).toBeGreaterThan(before);
        } finally {
            await org.close();
            rmSync(dataDir, { recursive: true, force: true });
        }
    });
});
