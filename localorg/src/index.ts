/**
 * The local org: `startLocalOrg()` opens the database under `dataDir`, starts
 * the API on 127.0.0.1 and (optionally) seeds the demo data set through the
 * same code path as `leadloop seed`.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { API_VERSION } from '../../core/src/index';
import { register as registerGraphql } from './graphql/index';
import type { SqliteSource } from './graphql/sqliteSource';
import { ADMIN_USERNAME, openOrgDatabase, PROJECT_ROOT } from './org';
import { LocalOrgServer, type FaultConfig } from './server';
import { register as registerUiApi } from './uiapi/index';

export type { FaultConfig } from './server';
export { LEAD_STATUSES, ADMIN_USERNAME } from './org';

export interface LocalOrgOptions {
    /** Where the database lives (':memory:' for a throwaway org). */
    dataDir: string;
    /** 0 (default) picks a free port. */
    port?: number;
    /** Reuse a token (e.g. the one written by the previous start). */
    token?: string;
    refreshToken?: string;
    /** Start over: delete the data directory's database first. */
    reset?: boolean;
    faults?: FaultConfig;
    /** Seed the demo data set when the org has no leads (default false). */
    seed?: boolean;
    /** Seed options (size, random seed). */
    seedOptions?: { leads?: number; seed?: number };
    dailyApiLimit?: number;
    /** The browser build to serve at / (default browser/dist). */
    distDir?: string;
}

export interface LocalOrg {
    instanceUrl: string;
    accessToken: string;
    refreshToken: string;
    username: string;
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
    if (options.reset && options.dataDir !== ':memory:') {
        for (const f of ['org.sqlite', 'org.sqlite-wal', 'org.sqlite-shm']) {
            const p = path.join(options.dataDir, f);
            if (existsSync(p)) rmSync(p);
        }
    }
    const org = openOrgDatabase(options.dataDir);
    const accessToken = options.token ?? newAccessToken(org.organizationId);
    const refreshToken = options.refreshToken ?? randomBytes(24).toString('base64url');
    const server = new LocalOrgServer({
        org,
        accessToken,
        refreshToken,
        username: ADMIN_USERNAME,
        faults: options.faults,
        dailyApiLimit: options.dailyApiLimit,
        distDir: options.distDir,
        routeHooks: [registerGraphql, registerUiApi]
    });
    const instanceUrl = await server.listen(options.port ?? 0);
    const local: LocalOrg = {
        instanceUrl,
        get accessToken() {
            return server.token;
        },
        refreshToken,
        username: ADMIN_USERNAME,
        apiVersion: API_VERSION,
        store: org.store,
        server,
        setFaults: (f) => server.setFaults(f),
        close: async () => {
            await server.close();
            org.close();
        }
    };
    if (options.seed) {
        const count = org.store.find('Lead', { fields: ['Id'], limit: 1, offset: 0 }).totalCount;
        if (count === 0) await seedDemo(local, options.seedOptions ?? {});
    }
    return local;
}

/** Seeds and scores through the CLI's seed code (the same path as `leadloop seed`), over jsforce. */
async function seedDemo(local: LocalOrg, opts: { leads?: number; seed?: number }): Promise<void> {
    const seedModule = path.join(PROJECT_ROOT, 'cli/src/seed/index.ts');
    if (!existsSync(seedModule)) {
        throw new Error('The demo data set (cli/src/seed) is missing from this checkout.');
    }
    const { default: jsforce } = await import('jsforce');
    const seed = (await import(seedModule)) as {
        generateDemoData: (o: { seed?: number; leads?: number; now?: Date }) => unknown;
        seedOrg: (conn: unknown, data: unknown, o?: Record<string, unknown>) => Promise<unknown>;
    };
    const conn = new jsforce.Connection({
        instanceUrl: local.instanceUrl,
        accessToken: local.accessToken,
        version: API_VERSION
    });
    const now = new Date();
    const data = seed.generateDemoData({ seed: opts.seed, leads: opts.leads, now });
    // seedOrg scores every lead afterwards (as `leadloop seed` does), on the clock of that
    // moment: records inserted during the seed (campaign members) are then in the past.
    await seed.seedOrg(conn, data, {});
}
