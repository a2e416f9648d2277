/**
 * What route modules get: the store and the org's services. Every module
 * exports `register(router, ctx)`; modules that work on any RecordSource (the
 * GraphQL endpoint, the UI API, the browser app) take the smaller `AppContext`.
 */
import type { Sessions } from '../http/auth';
import type { Faults } from '../faults';
import type { ApiUsage } from '../store/apiUsage';
import type { OrgDatabase } from '../store/org';
import type { RecordSource } from '../store/source';
import type { SqliteSource } from '../store/sqliteSource';
import type { Router } from '../http/router';

export interface AppContext {
    store: RecordSource;
    sessions: Sessions;
    /** The browser build served at / (default browser/dist). */
    distDir?: string;
}

export interface OrgContext extends AppContext {
    store: SqliteSource;
    org: OrgDatabase;
    faults: Faults;
    usage: ApiUsage;
    /** The password active local users sign in with (routes/login.ts). */
    password: string;
    /** Ids for jobs and query cursors, unique for the server's life and across restarts. */
    nextId(prefix: string): string;
    /** `http://127.0.0.1:<port>` once listening. */
    instanceUrl(): string;
}

export type RegisterRoutes<C extends AppContext = OrgContext> = (router: Router, ctx: C) => void;
