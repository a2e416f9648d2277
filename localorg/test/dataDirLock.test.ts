/**
 * One local org per data directory: a second one (same process or another,
 * with or without --reset) refuses to start with a clear message instead of
 * sharing the database; a lock left by a process that died is taken over.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalOrg } from '../src/index';

const dirs: string[] = [];
function dataDir(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'leadloop-lock-'));
    dirs.push(dir);
    return dir;
}

afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the data directory lock', () => {
    it('refuses a second org on the same directory, and lets one start after the first closes', async () => {
        const dir = dataDir();
        const first = await startLocalOrg({ dataDir: dir });
        try {
            first.store.create('Lead', { LastName: 'Kept', Company: 'Acme' });
            await expect(startLocalOrg({ dataDir: dir })).rejects.toThrow(
                /already uses .*leadloop-lock-.*stop it|--data-dir/
            );
            // --reset must not delete the running org's data either.
            await expect(startLocalOrg({ dataDir: dir, reset: true })).rejects.toThrow(
                /already uses/
            );
            expect(
                first.store.find('Lead', { fields: ['Id'], limit: 5, offset: 0 }).totalCount
            ).toBe(1);
        } finally {
            await first.close();
        }
        const second = await startLocalOrg({ dataDir: dir });
        expect(second.store.find('Lead', { fields: ['Id'], limit: 5, offset: 0 }).totalCount).toBe(
            1
        );
        await second.close();
    });

    it('takes over a lock left by a process that is gone', async () => {
        const dir = dataDir();
        const gone = spawnSync(process.execPath, [
            '-e',
            'process.stdout.write(String(process.pid))'
        ]);
        writeFileSync(path.join(dir, 'org.lock'), `${gone.stdout.toString()}\n`);
        const org = await startLocalOrg({ dataDir: dir });
        await org.close();
    });
});
