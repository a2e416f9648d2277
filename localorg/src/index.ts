/**
 * The local org: `startLocalOrg()` opens the database under `dataDir` and
 * starts the API on 127.0.0.1. Demo data is the caller's business
 * (scripts/start.ts seeds it through the CLI's seed code, over jsforce).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { API_VERSION } from '../../core/src/index';
import { LocalOrgServer, type FaultConfig } from './server';
import { lockDataDir } from './store/dataDirLock';
import { ADMIN_USERNAME, openOrgDatabase } from './store/org';
import type { SqliteSource } from './store/sqliteSource';

export type { FaultConfig } from './server';
export { LEAD_STATUSES, ADMIN_USERNAME } from './store/org';

export interface LocalOrgOptions {
    /** Where the database lives (':memory:' for a throwaway org). */
    dataDir: string;
    /** 0 (default) picks a free port. */
    port?: number;
    /** Reuse a token (e.g. the one written by the previous start). */
    token?: string;
    refreshToken?: string;
    /**
     * The password every active local user signs in with (SOAP `login`, the OAuth password
     * grant); a new random one per start when not given, like the token.
     */
    password?: string;
    /** Start over: delete the data directory's database first. */
    reset?: boolean;
    faults?: FaultConfig;
    dailyApiLimit?: number;
    /** The browser build to serve at / (default browser/dist). */
    distDir?: string;
    /** SFDX source folders whose custom objects and fields the org also has (read at start). */
    sourceDirs?: string[];
}

export interface LocalOrg {
    instanceUrl: string;
    accessToken: string;
    refreshToken: string;
    username: string;
    /** The local users' sign-in password. */
    password: string;
    apiVersion: string;
    store: SqliteSource;
    server: LocalOrgServer;
    /** Set test faults (see FaultConfig); {} turns them off. */
    setFaults(faults: FaultConfig): void;
    close(): Promise<void>;
}

/**
 * A token in the platform's shape (`<15-character org id>!<secret>`): the sf CLI checks the
 * shape, and the prefix is the org's own id, as on the platform.
 */
export function newAccessToken(organizationId: string): string {
    return `${organizationId.slice(0, 15)}!${randomBytes(30).toString('base64url')}`;
}

export async function startLocalOrg(options: LocalOrgOptions): Promise<LocalOrg> {
    const onDisk = options.dataDir !== ':memory:';
    if (onDisk) mkdirSync(options.dataDir, { recursive: true });
    // Before --reset: a second org must never delete or share a running org's database.
    const unlock = onDisk ? lockDataDir(options.dataDir) : () => undefined;
    try {
        return await start(options, unlock);
    } catch (e) {
        unlock();
        throw e;
    }
}

async function start(options: LocalOrgOptions, unlock: () => void): Promise<LocalOrg> {
    if (options.reset && options.dataDir !== ':memory:') {
        for (const f of ['org.sqlite', 'org.sqlite-wal', 'org.sqlite-shm']) {
            const p = path.join(options.dataDir, f);
            if (existsSync(p)) rmSync(p);
        }
    }
    const org = openOrgDatabase(options.dataDir, undefined, options.sourceDirs);
    const accessToken = options.token ?? newAccessToken(org.organizationId);
    const refreshToken = options.refreshToken ?? randomBytes(24).toString('base64url');
    const password = options.password ?? randomBytes(12).toString('base64url');
    const server = new LocalOrgServer({
        org,
        accessToken,
        refreshToken,
        password,
        faults: options.faults,
        dailyApiLimit: options.dailyApiLimit,
        distDir: options.distDir
    });
    const instanceUrl = await server.listen(options.port ?? 0).catch((e: unknown) => {
        org.close();
        throw e;
    });
    return {
        instanceUrl,
        get accessToken() {
            return server.token;
        },
        refreshToken,
        username: ADMIN_USERNAME,
        password,
        apiVersion: API_VERSION,
        store: org.store,
        server,
        setFaults: (f) => server.setFaults(f),
        close: async () => {
            await server.close();
            org.close();
            unlock();
        }
    };
}
