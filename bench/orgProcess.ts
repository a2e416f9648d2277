/**
 * The local org as a child process (bench/localorgProcess.ts), for benchmarks that measure
 * the org's own memory and speed apart from the client's: its connection, its resident
 * memory read from /proc/<pid>/status, a raw-HTTP caller with its token, and stopping it.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { API_VERSION } from '../core/src/index';

export interface OrgProcess {
    instanceUrl: string;
    accessToken: string;
    pid: number;
    /** Anything else the process printed on its first line (e.g. seeding times). */
    info: Record<string, unknown>;
    /** An API call under /services/data/vXX.X with the org's token. */
    call(apiPath: string, init?: RequestInit): Promise<Response>;
    stop(): Promise<void>;
}

export async function startOrgProcess(dataDir: string, args: string[] = []): Promise<OrgProcess> {
    // Node itself with tsx's loader (not npx/tsx wrappers), so SIGTERM reaches the org process.
    const child = spawn(
        process.execPath,
        ['--import', 'tsx', path.join(import.meta.dirname, 'localorgProcess.ts'), dataDir, ...args],
        { stdio: ['ignore', 'pipe', 'inherit'] }
    );
    const first = await new Promise<string>((resolve, reject) => {
        readline.createInterface({ input: child.stdout! }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`local org process exited (${code})`)));
    });
    const info = JSON.parse(first) as Record<string, unknown>;
    const instanceUrl = String(info.instanceUrl);
    const accessToken = String(info.accessToken);
    return {
        instanceUrl,
        accessToken,
        pid: Number(info.pid),
        info,
        call: (apiPath, init = {}) =>
            fetch(`${instanceUrl}/services/data/v${API_VERSION}${apiPath}`, {
                ...init,
                headers: {
                    Authorization: `Bearer ${accessToken}`,
                    'Content-Type': 'application/json',
                    ...(init.headers as Record<string, string>)
                }
            }),
        stop: async () => {
            if (child.exitCode !== null) return;
            child.kill('SIGTERM');
            await new Promise((r) => child.once('exit', r));
        }
    };
}

/** A memory figure of a process in MB: `VmRSS` (resident now) or `VmHWM` (its peak so far). */
export function memoryMB(pid: number, key: 'VmRSS' | 'VmHWM'): number {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return kb / 1024;
}

export function median(values: number[]): number {
    const s = [...values].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)];
}

/** The value below which `share` (0–1) of the values lie. */
export function percentile(values: number[], share: number): number {
    const s = [...values].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.floor(s.length * share))];
}
