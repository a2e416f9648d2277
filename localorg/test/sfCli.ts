/**
 * Runs the real sf CLI (`@salesforce/cli`, node_modules/.bin/sf) against a
 * local org started in this process: its own HOME (the CLI keeps auth files
 * there: never the user's), offline and quiet (no telemetry, update checks or
 * release notes), run in a temp directory so no sfdx project is picked up.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startLocalOrg, type LocalOrg } from '../src/index';

const SF = path.resolve(import.meta.dirname, '../../node_modules/.bin/sf');
export const ALIAS = 'local';

export interface SfResult {
    /** The process's exit code. */
    code: number;
    /** stdout parsed as JSON (calls run with --json unless `human` is set). */
    json: { status: number; result?: unknown; name?: string; message?: string; data?: unknown };
    stdout: string;
    stderr: string;
}

export interface SfOptions {
    env?: Record<string, string>;
    /** Run without --json (the human or CSV output). */
    human?: boolean;
    /** The working directory (default the session's scratch directory), e.g. an sfdx project. */
    cwd?: string;
}

export interface SfSession {
    org: LocalOrg;
    /** A scratch directory, the CLI's working directory (files to import, exports). */
    dir: string;
    sf(args: string[], options?: SfOptions): Promise<SfResult>;
    /** `sf data query --json` → its records. */
    query<T = Record<string, unknown>>(soql: string): Promise<T[]>;
    close(): Promise<void>;
}

/** Starts a throwaway local org and signs the CLI into it (`sf org login access-token`). */
export async function startSfSession(): Promise<SfSession> {
    const home = mkdtempSync(path.join(tmpdir(), 'leadloop-sfhome-'));
    const dir = mkdtempSync(path.join(tmpdir(), 'leadloop-sfwork-'));
    const org = await startLocalOrg({ dataDir: path.join(dir, 'org') });
    const env = {
        ...process.env,
        HOME: home,
        USERPROFILE: home,
        SF_DISABLE_TELEMETRY: 'true',
        SF_AUTOUPDATE_DISABLE: 'true',
        SF_SKIP_NEW_VERSION_CHECK: 'true',
        SF_HIDE_RELEASE_NOTES: 'true',
        SF_HIDE_RELEASE_NOTES_FOOTER: 'true',
        SF_USE_GENERIC_UNIX_KEYCHAIN: 'true',
        SF_USE_PROGRESS_BAR: 'false',
        SF_DISABLE_LOG_FILE: 'true',
        // Tables drawn the sf CLI's default way, whatever the caller's shell sets.
        SF_TABLE_BORDER_STYLE: 'vertical-with-outline',
        SF_NO_TABLE_STYLE: 'false',
        NO_COLOR: '1'
    };
    const sf = (args: string[], options: SfOptions = {}) =>
        new Promise<SfResult>((resolve) => {
            execFile(
                SF,
                options.human ? args : [...args, '--json'],
                {
                    cwd: options.cwd ?? dir,
                    env: { ...env, ...options.env },
                    maxBuffer: 64 * 1024 * 1024
                },
                (error, stdout, stderr) => {
                    let json: SfResult['json'] = { status: -1 };
                    if (!options.human) {
                        try {
                            json = JSON.parse(stdout) as SfResult['json'];
                        } catch {
                            json = { status: -1, message: `not JSON: ${stdout.slice(0, 500)}` };
                        }
                    }
                    const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
                    resolve({ code, json, stdout, stderr });
                }
            );
        });
    const login = await sf(
        [
            'org',
            'login',
            'access-token',
            '--instance-url',
            org.instanceUrl,
            '--alias',
            ALIAS,
            '--no-prompt'
        ],
        { env: { SF_ACCESS_TOKEN: org.accessToken } }
    );
    if (login.code !== 0) {
        await org.close();
        throw new Error(`sf org login access-token failed: ${JSON.stringify(login.json)}`);
    }
    return {
        org,
        dir,
        sf,
        async query<T>(soql: string) {
            const out = await sf(['data', 'query', '-q', soql, '-o', ALIAS]);
            if (out.code !== 0)
                throw new Error(`sf data query failed: ${JSON.stringify(out.json)}`);
            return (out.json.result as { records: T[] }).records;
        },
        async close() {
            await org.close();
            rmSync(dir, { recursive: true, force: true });
            rmSync(home, { recursive: true, force: true });
        }
    };
}
