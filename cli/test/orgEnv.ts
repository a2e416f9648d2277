/**
 * A real local org started in-process for a CLI test, with a project root whose
 * `.leadloop/local-org.json` points at it (the `local` target), and the CLI run in-process
 * against it with `--json`.
 */
import jsforce, { type Connection } from 'jsforce';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { API_VERSION } from '../../core/src/index';
import type { LocalOrg } from '../../localorg/src/index';
import { run } from '../src/bin';
import { localProject } from './support/localProject';

export interface Env {
    org: LocalOrg;
    root: string;
    conn: () => Connection;
}

export async function newEnv(): Promise<Env> {
    const { org, root } = await localProject();
    return {
        org,
        root,
        conn: () =>
            new jsforce.Connection({
                instanceUrl: org.instanceUrl,
                accessToken: org.accessToken,
                version: API_VERSION
            })
    };
}

export async function closeEnv(env: Env): Promise<void> {
    await env.org.close();
    rmSync(path.dirname(env.root), { recursive: true, force: true });
}

/** Runs the CLI in-process against `env` ('local' target); returns exit code and output. */
export async function cliRaw(env: Env, args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await run([...args, '--target-org', 'local'], {
        root: env.root,
        out: (t) => out.push(t),
        err: (t) => err.push(t),
        progress: false
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The CLI with `--json`, parsed. */
export async function cli(env: Env, args: string[]) {
    const { code, out, err } = await cliRaw(env, [...args, '--json']);
    const json = JSON.parse(out) as {
        status: number;
        result: Record<string, unknown>;
        warnings: string[];
        message?: string;
    };
    return { code, json, err };
}
