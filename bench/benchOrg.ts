/**
 * The local org the CLI benchmarks run against, in the benchmark's own process, and their
 * `--latency-ms N` flag (default 25; 0 allowed): the stand-in for a real org's round trip.
 */
import jsforce, { type Connection } from 'jsforce';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { API_VERSION } from '../core/src/index';
import { startLocalOrg, type LocalOrg } from '../localorg/src/index';

export function latencyArg(): number {
    const i = process.argv.indexOf('--latency-ms');
    const n = i >= 0 ? Number(process.argv[i + 1]) : 25;
    return Number.isFinite(n) && n >= 0 ? Math.floor(n) : 25;
}

export interface BenchOrg {
    org: LocalOrg;
    connect: () => Connection;
    close: () => Promise<void>;
}

export async function startBenchOrg(prefix: string): Promise<BenchOrg> {
    const dir = mkdtempSync(path.join(tmpdir(), prefix));
    const org = await startLocalOrg({ dataDir: dir, port: 0, dailyApiLimit: 100_000_000 });
    return {
        org,
        connect: () =>
            new jsforce.Connection({
                instanceUrl: org.instanceUrl,
                accessToken: org.accessToken,
                version: API_VERSION
            }),
        close: async () => {
            await org.close();
            rmSync(dir, { recursive: true, force: true });
        }
    };
}
