/**
 * The local org's HTTP server on 127.0.0.1: the org's services (sessions,
 * faults, API usage) over its database, every route module registered on one
 * router, and the one HTTP pipeline (src/http/) in front of them.
 */
import type http from 'node:http';
import { Sessions } from './http/auth';
import { createHttpServer, listen } from './http/server';
import { Router } from './http/router';
import { Faults, type FaultConfig } from './faults';
import { registerOrgRoutes, type OrgContext } from './routes/index';
import { ApiUsage } from './store/apiUsage';
import { newId } from './store/ids';
import type { OrgDatabase } from './store/org';
import type { SqliteSource } from './store/sqliteSource';

export type { FaultConfig } from './faults';

export interface ServerOptions {
    org: OrgDatabase;
    accessToken: string;
    refreshToken: string;
    /** The local users' sign-in password (SOAP login, OAuth password grant). */
    password: string;
    faults?: FaultConfig;
    dailyApiLimit?: number;
    distDir?: string;
}

export class LocalOrgServer {
    readonly store: SqliteSource;
    readonly sessions: Sessions;
    readonly faults: Faults;
    readonly usage: ApiUsage;
    private sequence = Date.now() * 1000;
    private instanceUrl = 'http://127.0.0.1:0';
    server?: http.Server;
    private readonly router = new Router();
    private readonly idle: OrgDatabase['idle'];

    constructor(options: ServerOptions) {
        this.store = options.org.store;
        this.idle = options.org.idle;
        this.sessions = new Sessions(options.accessToken, options.refreshToken);
        this.faults = new Faults(options.faults);
        this.usage = new ApiUsage(options.org.db, options.dailyApiLimit ?? 100_000);
        const ctx: OrgContext = {
            store: this.store,
            org: options.org,
            sessions: this.sessions,
            faults: this.faults,
            usage: this.usage,
            distDir: options.distDir,
            password: options.password,
            nextId: (prefix) => this.nextId(prefix),
            instanceUrl: () => this.instanceUrl
        };
        registerOrgRoutes(this.router, ctx);
    }

    get token(): string {
        return this.sessions.current;
    }

    setFaults(faults: FaultConfig): void {
        this.faults.set(faults);
    }

    /** API calls counted today (the DailyApiRequests figure of /limits). */
    apiCallsToday(): number {
        return this.usage.today();
    }

    /**
     * Ids for jobs and query cursors: unique for the server's life (each its own sequence
     * number) and, with the start time folded in, across restarts, so a stale locator never
     * reads another job. Concurrent jobs made in one millisecond must never share an id.
     */
    nextId(prefix: string): string {
        this.sequence += 1;
        return newId(prefix, this.sequence);
    }

    async listen(port = 0): Promise<string> {
        this.server = createHttpServer({
            router: this.router,
            authorize: (req) => this.sessions.authorize(req),
            meter: (r) => this.faults.meter(r, this.usage),
            activity: this.idle
        });
        this.instanceUrl = await listen(this.server, port);
        return this.instanceUrl;
    }

    async close(): Promise<void> {
        if (!this.server) return;
        this.server.closeAllConnections();
        await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    }
}
