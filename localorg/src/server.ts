/**
 * The local org's HTTP API on 127.0.0.1: the parts of the Salesforce REST API
 * that Lead Loop, jsforce and the sf CLI use, in the platform's shapes and
 * with its error codes. Every API request needs the bearer token (compared in
 * constant time); request bodies are size-limited; writes are transactional.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { API_VERSION, reduceErrors } from '../../core/src/index';
import { CsvError, parseCsv, toCsv } from './csv';
import { describeGlobalEntry, describeSObject } from './describe';
import type { SqliteSource } from './graphql/sqliteSource';
import { SourceError, type RecordValues } from './graphql/source';
import { newId, normalizeId } from './ids';
import type { OrgDatabase } from './org';
import { parseSoql, runSoql } from './soql';
import type { NodeHandler, RouteContext, RouteRouter } from './uiapi/index';

/** Faults for tests, all off by default. */
export interface FaultConfig {
    /** Delay every API response by this many milliseconds. */
    latencyMs?: number;
    /** Share (0–1) of API calls answered 503 SERVER_UNAVAILABLE. */
    serverErrorShare?: number;
    /** Share (0–1) of record writes failing with UNABLE_TO_LOCK_ROW (first attempt of each record only). */
    lockRowShare?: number;
    /** Answer REQUEST_LIMIT_EXCEEDED once this many more API calls have been made. */
    failAfterCalls?: number;
    /** The access token expires after this many more API calls (refresh to get a new one). */
    expireTokenAfterCalls?: number;
    /** Seed for the fault dice, so a run is repeatable. */
    seed?: number;
}

export interface ServerOptions {
    org: OrgDatabase;
    accessToken: string;
    refreshToken: string;
    username: string;
    faults?: FaultConfig;
    dailyApiLimit?: number;
    maxBodyBytes?: number;
    routeHooks?: ((router: RouteRouter, ctx: RouteContext) => void)[];
    distDir?: string;
}

class HttpError extends Error {
    constructor(
        readonly status: number,
        readonly errorCode: string,
        message: string,
        readonly fields?: string[]
    ) {
        super(message);
    }
}

const BASE = `/services/data/v${API_VERSION}`;
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;

/** A field list from a URL parameter, checked name by name before it goes into SOQL. */
function fieldList(param: string | null, fallback: string[]): string[] {
    if (!param) return fallback;
    const fields = param
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean);
    const bad = fields.find((f) => !FIELD_NAME.test(f));
    if (bad !== undefined)
        throw new HttpError(
            400,
            'INVALID_FIELD',
            `Invalid field name in fields=: ${bad.slice(0, 80)}`
        );
    return fields;
}
const FAULT_RANGES: Record<keyof FaultConfig, [min: number, max: number]> = {
    latencyMs: [0, 60_000],
    serverErrorShare: [0, 1],
    lockRowShare: [0, 1],
    failAfterCalls: [0, Number.MAX_SAFE_INTEGER],
    expireTokenAfterCalls: [0, Number.MAX_SAFE_INTEGER],
    seed: [0, 2 ** 32 - 1]
};

/** A FaultConfig from a request body: known keys only, each a number in its range. */
export function parseFaultConfig(body: unknown): FaultConfig {
    if (typeof body !== 'object' || body === null || Array.isArray(body))
        throw new HttpError(400, 'JSON_PARSER_ERROR', 'Faults must be a JSON object.');
    const out: FaultConfig = {};
    for (const [key, value] of Object.entries(body)) {
        const range = FAULT_RANGES[key as keyof FaultConfig];
        if (!range)
            throw new HttpError(400, 'INVALID_FIELD', `Unknown fault: ${key.slice(0, 80)}`, [
                key.slice(0, 80)
            ]);
        if (value === null) continue;
        if (typeof value !== 'number' || !(value >= range[0] && value <= range[1]))
            throw new HttpError(
                400,
                'INVALID_FIELD',
                `Fault ${key} must be a number from ${range[0]} to ${range[1]}.`,
                [key]
            );
        out[key as keyof FaultConfig] = value;
    }
    return out;
}

const SESSION_COOKIE = 'leadloop_session';

function mulberry32(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

function safeEqual(a: string, b: string): boolean {
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return x.length === y.length && timingSafeEqual(x, y);
}

function sourceErrorStatus(code: string): number {
    return code === 'ENTITY_IS_DELETED' || code === 'NOT_FOUND' ? 404 : 400;
}

interface IngestJob {
    id: string;
    object: string;
    operation: 'insert' | 'update' | 'upsert' | 'delete' | 'hardDelete';
    externalIdFieldName?: string;
    state: 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
    createdDate: string;
    csv: string[];
    lineEnding: string;
    header?: string[];
    success: unknown[][];
    failed: unknown[][];
    unprocessed: unknown[][];
    errorMessage?: string;
    processed: number;
}

interface QueryJob {
    id: string;
    query: string;
    operation: string;
    state: 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
    createdDate: string;
    header: string[];
    rows: unknown[][];
    errorMessage?: string;
}

export class LocalOrgServer {
    readonly store: SqliteSource;
    private accessToken: string;
    private readonly refreshToken: string;
    private faults: FaultConfig = {};
    private dice: () => number = Math.random;
    private callsSinceFaults = 0;
    private readonly lockedOnce = new Set<string>();
    private readonly cursors = new Map<
        string,
        { records: RecordValues[]; offset: number; batch: number; created: number }
    >();
    private readonly ingestJobs = new Map<string, IngestJob>();
    private readonly queryJobs = new Map<string, QueryJob>();
    private readonly hooks: NodeHandler[] = [];
    private sequence = Date.now() * 1000;
    private readonly dailyApiLimit: number;
    private readonly maxBody: number;
    server?: http.Server;

    constructor(private readonly options: ServerOptions) {
        this.store = options.org.store;
        this.accessToken = options.accessToken;
        this.refreshToken = options.refreshToken;
        this.dailyApiLimit = options.dailyApiLimit ?? 100_000;
        this.maxBody = options.maxBodyBytes ?? 150 * 1024 * 1024;
        options.org.db.exec(
            'CREATE TABLE IF NOT EXISTS "_ll_api_usage" ("day" TEXT PRIMARY KEY, "n" INTEGER NOT NULL)'
        );
        this.setFaults(options.faults ?? {});
        const router: RouteRouter = { use: (h) => this.hooks.push(h) };
        const ctx: RouteContext = {
            source: this.store,
            accessToken: () => this.accessToken,
            isAuthorized: (req) => this.authorized(req),
            distDir: options.distDir
        };
        for (const register of options.routeHooks ?? []) register(router, ctx);
    }

    get token(): string {
        return this.accessToken;
    }

    setFaults(faults: FaultConfig): void {
        this.faults = { ...faults };
        this.callsSinceFaults = 0;
        this.lockedOnce.clear();
        this.dice = faults.seed === undefined ? Math.random : mulberry32(faults.seed);
    }

    /** API calls counted today (the DailyApiRequests figure of /limits). */
    apiCallsToday(): number {
        const row = this.options.org.db
            .prepare('SELECT "n" FROM "_ll_api_usage" WHERE "day" = ?')
            .get(new Date().toISOString().slice(0, 10)) as { n: number } | undefined;
        return row?.n ?? 0;
    }

    private countCall(): number {
        const day = new Date().toISOString().slice(0, 10);
        this.options.org.db
            .prepare(
                'INSERT INTO "_ll_api_usage" ("day", "n") VALUES (?, 1) ON CONFLICT("day") DO UPDATE SET "n" = "n" + 1'
            )
            .run(day);
        return this.apiCallsToday();
    }

    private authorized(req: IncomingMessage): boolean {
        const header = req.headers.authorization ?? '';
        const m = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(header);
        if (m) return safeEqual(m[1], this.accessToken);
        const cookie = (req.headers.cookie ?? '')
            .split(';')
            .map((c) => c.trim())
            .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
        return cookie
            ? safeEqual(
                  decodeURIComponent(cookie.slice(SESSION_COOKIE.length + 1)),
                  this.accessToken
              )
            : false;
    }

    /**
     * Ids for jobs and query cursors: unique for the server's life (each its own sequence
     * number) and, with the start time folded in, across restarts, so a stale locator never
     * reads another job. Concurrent jobs made in one millisecond must never share an id.
     */
    private nextId(prefix: string): string {
        this.sequence += 1;
        return newId(prefix, this.sequence);
    }

    async listen(port = 0): Promise<string> {
        this.server = http.createServer((req, res) => {
            this.handle(req, res).catch((e: unknown) => {
                if (!res.headersSent) {
                    this.json(res, 500, [
                        {
                            message: reduceErrors(e)[0] ?? 'Internal error',
                            errorCode: 'UNKNOWN_EXCEPTION'
                        }
                    ]);
                } else {
                    res.end();
                }
            });
        });
        this.server.requestTimeout = 120_000;
        await new Promise<void>((resolve, reject) => {
            this.server!.once('error', reject);
            this.server!.listen(port, '127.0.0.1', () => resolve());
        });
        const address = this.server.address() as { port: number };
        return `http://127.0.0.1:${address.port}`;
    }

    async close(): Promise<void> {
        if (!this.server) return;
        this.server.closeAllConnections();
        await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    }

    private json(
        res: ServerResponse,
        status: number,
        body: unknown,
        headers: Record<string, string> = {}
    ): void {
        if (status === 204) {
            res.writeHead(204, headers).end();
            return;
        }
        const text = JSON.stringify(body);
        res.writeHead(status, {
            'Content-Type': 'application/json;charset=UTF-8',
            'Content-Length': Buffer.byteLength(text),
            ...headers
        });
        res.end(text);
    }

    private async body(req: IncomingMessage): Promise<string> {
        const declared = Number(req.headers['content-length'] ?? 0);
        if (declared > this.maxBody)
            throw new HttpError(
                413,
                'REQUEST_TOO_LARGE',
                `The request body is larger than ${this.maxBody} bytes.`
            );
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of req) {
            size += (chunk as Buffer).length;
            if (size > this.maxBody)
                throw new HttpError(
                    413,
                    'REQUEST_TOO_LARGE',
                    `The request body is larger than ${this.maxBody} bytes.`
                );
            chunks.push(chunk as Buffer);
        }
        return Buffer.concat(chunks).toString('utf8');
    }

    private async jsonBody(req: IncomingMessage): Promise<unknown> {
        const text = await this.body(req);
        if (!text.trim())
            throw new HttpError(
                400,
                'JSON_PARSER_ERROR',
                'The request body is empty; a JSON body is required.'
            );
        try {
            return JSON.parse(text);
        } catch (e) {
            throw new HttpError(
                400,
                'JSON_PARSER_ERROR',
                `The request body is not valid JSON: ${(e as Error).message.slice(0, 200)}`
            );
        }
    }

    private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const path = url.pathname.replace(/\/+$/, '') || '/';
        const method = req.method ?? 'GET';
        try {
            // Open the browser app: /login?token=... sets an HttpOnly session cookie.
            if (path === '/login' && method === 'GET') {
                const token = url.searchParams.get('token') ?? '';
                if (!safeEqual(token, this.accessToken)) {
                    res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8' }).end(
                        'Wrong or missing token: open the URL that `npm start` printed.'
                    );
                    return;
                }
                res.writeHead(302, {
                    'Set-Cookie': `${SESSION_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
                    Location: '/'
                }).end();
                return;
            }
            if (path === '/services/data' && method === 'GET') {
                this.json(res, 200, [{ label: 'Local', url: BASE, version: API_VERSION }]);
                return;
            }
            if (path === '/services/oauth2/token' && method === 'POST') {
                const form = new URLSearchParams(await this.body(req));
                if (
                    form.get('grant_type') !== 'refresh_token' ||
                    !safeEqual(form.get('refresh_token') ?? '', this.refreshToken)
                ) {
                    this.json(res, 400, {
                        error: 'invalid_grant',
                        error_description: 'expired access/refresh token'
                    });
                    return;
                }
                this.accessToken = `${this.accessToken.split('!')[0]}!${randomBytes(24).toString('base64url')}`;
                this.faults.expireTokenAfterCalls = undefined;
                this.json(res, 200, this.tokenResponse());
                return;
            }
            const isApi = path.startsWith('/services/') || path === '/leadloop/session';
            if (!isApi) {
                for (const hook of this.hooks) if (await hook(req, res)) return;
                this.json(res, 404, [
                    { errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }
                ]);
                return;
            }
            if (!this.authorized(req)) {
                this.json(res, 401, [
                    { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }
                ]);
                return;
            }
            if (path === `${BASE}/leadloop/faults` && method === 'POST') {
                this.setFaults(parseFaultConfig(await this.jsonBody(req)));
                this.json(res, 200, { faults: this.faults });
                return;
            }
            // Faults and limits apply to API calls as the platform counts them.
            const f = this.faults;
            this.callsSinceFaults += 1;
            if (f.latencyMs) await new Promise((r) => setTimeout(r, f.latencyMs));
            if (
                f.expireTokenAfterCalls !== undefined &&
                this.callsSinceFaults > f.expireTokenAfterCalls
            ) {
                this.json(res, 401, [
                    { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }
                ]);
                return;
            }
            const used = this.countCall();
            if (
                used > this.dailyApiLimit ||
                (f.failAfterCalls !== undefined && this.callsSinceFaults > f.failAfterCalls)
            ) {
                this.json(res, 403, [
                    {
                        message: 'TotalRequests Limit exceeded.',
                        errorCode: 'REQUEST_LIMIT_EXCEEDED'
                    }
                ]);
                return;
            }
            if (f.serverErrorShare && this.dice() < f.serverErrorShare) {
                this.json(res, 503, [
                    {
                        message: 'Server unavailable (injected fault).',
                        errorCode: 'SERVER_UNAVAILABLE'
                    }
                ]);
                return;
            }
            res.setHeader('Sforce-Limit-Info', `api-usage=${used}/${this.dailyApiLimit}`);
            for (const hook of this.hooks) if (await hook(req, res)) return;
            await this.route(req, res, url, path, method);
        } catch (e) {
            if (e instanceof HttpError) {
                this.json(res, e.status, [
                    {
                        message: e.message,
                        errorCode: e.errorCode,
                        ...(e.fields ? { fields: e.fields } : {})
                    }
                ]);
            } else if (e instanceof SourceError) {
                this.json(res, sourceErrorStatus(e.errorCode), [
                    { message: e.message, errorCode: e.errorCode, fields: e.fields }
                ]);
            } else {
                throw e;
            }
        }
    }

    private tokenResponse(): Record<string, unknown> {
        const { organizationId, adminUserId } = this.options.org;
        return {
            access_token: this.accessToken,
            instance_url: `http://127.0.0.1:${(this.server?.address() as { port: number } | null)?.port ?? 0}`,
            id: `http://127.0.0.1/id/${organizationId}/${adminUserId}`,
            token_type: 'Bearer',
            issued_at: String(Date.now()),
            signature: 'local'
        };
    }

    private async route(
        req: IncomingMessage,
        res: ServerResponse,
        url: URL,
        path: string,
        method: string
    ): Promise<void> {
        if (path === '/services/oauth2/userinfo') {
            const { organizationId, adminUserId } = this.options.org;
            const user = this.store.get('User', adminUserId);
            this.json(res, 200, {
                sub: `http://127.0.0.1/id/${organizationId}/${adminUserId}`,
                user_id: adminUserId,
                organization_id: organizationId,
                preferred_username: user?.Username,
                nickname: 'admin',
                name: user?.Name,
                email: user?.Email,
                email_verified: true,
                active: true,
                user_type: 'STANDARD',
                language: 'en_US',
                locale: 'en_US',
                utcOffset: 0,
                urls: { rest: `http://127.0.0.1${BASE.replace(`v${API_VERSION}`, 'v{version}')}/` }
            });
            return;
        }
        const m = /^\/services\/data\/v(\d+\.\d)(\/.*)?$/.exec(path);
        if (!m) throw new HttpError(404, 'NOT_FOUND', 'The requested resource does not exist');
        if (Number(m[1]) > Number(API_VERSION) || Number(m[1]) < 31) {
            throw new HttpError(
                404,
                'NOT_FOUND',
                `API version ${m[1]} is not supported by the local org (it serves up to ${API_VERSION}).`
            );
        }
        const rest = m[2] ?? '/';
        const seg = rest
            .split('/')
            .filter(Boolean)
            .map((s) => decodeURIComponent(s));
        if (rest === '/') {
            this.json(res, 200, {
                sobjects: `${BASE}/sobjects`,
                query: `${BASE}/query`,
                limits: `${BASE}/limits`,
                composite: `${BASE}/composite`,
                jobs: `${BASE}/jobs`,
                graphql: `${BASE}/graphql`,
                'ui-api': `${BASE}/ui-api`
            });
            return;
        }
        switch (seg[0]) {
            case 'limits':
                return this.limits(res);
            case 'query':
            case 'queryAll':
                return this.query(req, res, url, seg);
            case 'sobjects':
                return this.sobjects(req, res, url, seg, method);
            case 'composite':
                if (seg[1] === 'sobjects') return this.collections(req, res, url, seg, method);
                break;
            case 'jobs':
                if (seg[1] === 'ingest') return this.ingest(req, res, url, seg, method);
                if (seg[1] === 'query') return this.bulkQuery(req, res, url, seg, method);
                break;
        }
        throw new HttpError(404, 'NOT_FOUND', 'The requested resource does not exist');
    }

    private limits(res: ServerResponse): void {
        const used = this.apiCallsToday();
        const limit = (max: number, remaining: number) => ({ Max: max, Remaining: remaining });
        this.json(res, 200, {
            DailyApiRequests: limit(this.dailyApiLimit, Math.max(0, this.dailyApiLimit - used)),
            DailyBulkV2QueryJobs: limit(10_000, 10_000),
            DailyBulkV2QueryFileStorageMB: limit(976_562, 976_562),
            DataStorageMB: limit(1_024, 1_024)
        });
    }

    private object(name: string) {
        const canonical = this.store
            .objectNames()
            .find((n) => n.toLowerCase() === name.toLowerCase());
        const info = canonical ? this.store.objectInfo(canonical) : undefined;
        if (!info)
            throw new HttpError(
                404,
                'NOT_FOUND',
                `The requested resource does not exist: sObject type '${name}' is not supported.`
            );
        return info;
    }

    // ---- query / queryMore ----------------------------------------------------------------

    private batchSize(req: IncomingMessage): number {
        const header = String(req.headers['sforce-query-options'] ?? '');
        const m = /batchSize=(\d+)/i.exec(header);
        return m ? Math.min(2000, Math.max(200, Number(m[1]))) : 2000;
    }

    private query(req: IncomingMessage, res: ServerResponse, url: URL, seg: string[]): void {
        if (seg.length === 2) {
            const cursor = this.cursors.get(seg[1].split('-')[0]);
            if (!cursor) throw new HttpError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
            return this.page(res, seg[1].split('-')[0], cursor);
        }
        const q = url.searchParams.get('q');
        if (!q)
            throw new HttpError(400, 'MALFORMED_QUERY', 'A query is required: add ?q=SELECT ...');
        const result = runSoql(this.store, q);
        if (result.records.length <= this.batchSize(req)) {
            this.json(res, 200, {
                totalSize: result.totalSize,
                done: true,
                records: result.records
            });
            return;
        }
        const id = this.nextId('01g');
        const cursor = {
            records: result.records,
            offset: 0,
            batch: this.batchSize(req),
            created: Date.now(),
            totalSize: result.totalSize
        };
        this.cursors.set(id, cursor);
        // Keep the newest cursors only, as the platform expires them.
        for (const [key, c] of this.cursors) {
            if (this.cursors.size <= 50 && Date.now() - c.created < 15 * 60_000) break;
            if (key !== id) this.cursors.delete(key);
        }
        this.page(res, id, cursor, result.totalSize);
    }

    private page(
        res: ServerResponse,
        id: string,
        cursor: { records: RecordValues[]; offset: number; batch: number; totalSize?: number },
        totalSize?: number
    ): void {
        const slice = cursor.records.slice(cursor.offset, cursor.offset + cursor.batch);
        cursor.offset += slice.length;
        const done = cursor.offset >= cursor.records.length;
        if (done) this.cursors.delete(id);
        this.json(res, 200, {
            totalSize: totalSize ?? cursor.totalSize ?? cursor.records.length,
            done,
            ...(done ? {} : { nextRecordsUrl: `${BASE}/query/${id}-${cursor.offset}` }),
            records: slice
        });
    }

    // ---- sObject rows ---------------------------------------------------------------------

    private async sobjects(
        req: IncomingMessage,
        res: ServerResponse,
        url: URL,
        seg: string[],
        method: string
    ): Promise<void> {
        if (seg.length === 1) {
            this.json(res, 200, {
                encoding: 'UTF-8',
                maxBatchSize: 200,
                sobjects: this.store
                    .objectNames()
                    .map((n) => describeGlobalEntry(this.store.objectInfo(n)!))
            });
            return;
        }
        const info = this.object(seg[1]);
        if (seg.length === 2) {
            if (method === 'GET') {
                this.json(res, 200, { objectDescribe: describeGlobalEntry(info), recentItems: [] });
                return;
            }
            if (method === 'POST') {
                const values = this.recordBody(await this.jsonBody(req));
                const id = this.store.transaction(() => {
                    this.maybeLock(info.name, values);
                    return this.store.create(info.name, values);
                });
                this.json(res, 201, { id, success: true, errors: [] });
                return;
            }
        }
        if (seg.length === 3 && seg[2] === 'describe') {
            this.json(res, 200, describeSObject(info));
            return;
        }
        if (seg.length === 3) {
            const id = normalizeId(seg[2]);
            if (!id)
                throw new HttpError(
                    404,
                    'NOT_FOUND',
                    `Provided external ID field does not exist or is not accessible: ${seg[2]}`
                );
            if (method === 'GET') {
                const fields = fieldList(url.searchParams.get('fields'), Object.keys(info.fields));
                const q = `SELECT ${fields.join(', ')} FROM ${info.name} WHERE Id = '${id}'`;
                // `id` passed normalizeId (alphanumeric only) and field names are checked by the SOQL engine.
                const rows = runSoql(this.store, q).records;
                if (!rows.length)
                    throw new HttpError(404, 'NOT_FOUND', 'The requested resource does not exist');
                this.json(res, 200, rows[0]);
                return;
            }
            if (method === 'PATCH') {
                const values = this.recordBody(await this.jsonBody(req));
                this.store.transaction(() => {
                    this.maybeLock(info.name, { Id: id });
                    this.store.update(info.name, id, values);
                });
                this.json(res, 204, null);
                return;
            }
            if (method === 'DELETE') {
                this.store.transaction(() => this.store.delete(info.name, id));
                this.json(res, 204, null);
                return;
            }
        }
        if (seg.length === 4 && method === 'PATCH') {
            // Upsert by external id: /sobjects/Lead/LL_Source_Id__c/value
            const values = this.recordBody(await this.jsonBody(req));
            const result = this.store.transaction(() =>
                this.upsertOne(info.name, seg[2], seg[3], values)
            );
            this.json(res, result.created ? 201 : 200, {
                id: result.id,
                success: true,
                errors: [],
                created: result.created
            });
            return;
        }
        if (seg.length === 4 && method === 'GET') {
            const rows = this.findByExternalId(info.name, seg[2], seg[3]);
            if (!rows.length)
                throw new HttpError(404, 'NOT_FOUND', 'The requested resource does not exist');
            this.json(
                res,
                200,
                runSoql(
                    this.store,
                    `SELECT ${Object.keys(info.fields).join(', ')} FROM ${info.name} WHERE Id = '${rows[0]}'`
                ).records[0]
            );
            return;
        }
        throw new HttpError(405, 'METHOD_NOT_ALLOWED', `HTTP method '${method}' not allowed.`);
    }

    private recordBody(body: unknown): RecordValues {
        if (!body || typeof body !== 'object' || Array.isArray(body)) {
            throw new HttpError(
                400,
                'JSON_PARSER_ERROR',
                'The request body must be a JSON object of field values.'
            );
        }
        const { attributes: _attributes, ...values } = body as RecordValues;
        void _attributes;
        return values;
    }

    private externalField(object: string, field: string): string {
        const info = this.object(object);
        const f = Object.values(info.fields).find(
            (x) => x.name.toLowerCase() === field.toLowerCase()
        );
        if (!f || (f.name !== 'Id' && !f.externalId)) {
            throw new HttpError(
                404,
                'NOT_FOUND',
                `Provided external ID field does not exist or is not accessible: ${field}`
            );
        }
        return f.name;
    }

    private findByExternalId(object: string, field: string, value: unknown): string[] {
        const name = this.externalField(object, field);
        return this.store
            .find(object, {
                fields: ['Id'],
                where: { field: name, op: 'eq', value },
                limit: 2,
                offset: 0
            })
            .records.map((r) => String(r.Id));
    }

    private upsertOne(
        object: string,
        field: string,
        value: unknown,
        values: RecordValues
    ): { id: string; created: boolean } {
        const name = this.externalField(object, field);
        const matches =
            value === undefined || value === null || value === ''
                ? []
                : this.findByExternalId(object, name, value);
        if (matches.length > 1)
            throw new SourceError(
                'DUPLICATE_EXTERNAL_ID',
                `${name}: more than one record found for external id field: ${String(value)}`,
                [name]
            );
        const { [name]: _ext, ...rest } = values;
        void _ext;
        if (matches.length === 1) {
            this.maybeLock(object, { Id: matches[0] });
            this.store.update(object, matches[0], name === 'Id' ? rest : { ...rest });
            return { id: matches[0], created: false };
        }
        if (name === 'Id' && value)
            throw new SourceError(
                'NOT_FOUND',
                `Provided external ID field does not exist or is not accessible: ${String(value)}`
            );
        this.maybeLock(object, values);
        return {
            id: this.store.create(object, name === 'Id' ? rest : { ...rest, [name]: value }),
            created: true
        };
    }

    /** Injected UNABLE_TO_LOCK_ROW: each record fails at most once, so a retry succeeds. */
    private maybeLock(object: string, values: RecordValues): void {
        const share = this.faults.lockRowShare;
        if (!share) return;
        const key = `${object}:${values.Id ?? values.LL_Source_Id__c ?? JSON.stringify(values)}`;
        if (this.lockedOnce.has(key)) return;
        if (this.dice() < share) {
            this.lockedOnce.add(key);
            throw new SourceError(
                'UNABLE_TO_LOCK_ROW',
                'unable to obtain exclusive access to this record or 1 records'
            );
        }
    }

    // ---- sObject Collections --------------------------------------------------------------

    private async collections(
        req: IncomingMessage,
        res: ServerResponse,
        url: URL,
        seg: string[],
        method: string
    ): Promise<void> {
        if (method === 'GET' && seg.length === 3) {
            const info = this.object(seg[2]);
            const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
            const fields = fieldList(url.searchParams.get('fields'), ['Id']);
            if (ids.length > 2000)
                throw new HttpError(
                    400,
                    'EXCEEDED_ID_LIMIT',
                    'record limit reached. cannot submit more than 2000 records into this call'
                );
            const out = ids.map((raw) => {
                const id = normalizeId(raw);
                if (!id) return null;
                return (
                    runSoql(
                        this.store,
                        `SELECT ${fields.join(', ')} FROM ${info.name} WHERE Id = '${id}'`
                    ).records[0] ?? null
                );
            });
            this.json(res, 200, out);
            return;
        }
        if (method === 'DELETE') {
            const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
            const allOrNone = url.searchParams.get('allOrNone') === 'true';
            if (ids.length > 200)
                throw new HttpError(
                    400,
                    'EXCEEDED_ID_LIMIT',
                    'record limit reached. cannot submit more than 200 records into this call'
                );
            const results = this.runCollection(
                ids.map((raw) => ({ raw })),
                allOrNone,
                ({ raw }) => {
                    const id = normalizeId(raw);
                    const object = id ? this.store.objectOfId(id) : undefined;
                    if (!id || !object)
                        throw new SourceError(
                            'MALFORMED_ID',
                            `malformed id ${String(raw).slice(0, 20)}`
                        );
                    this.maybeLock(object, { Id: id });
                    this.store.delete(object, id);
                    return { id };
                }
            );
            this.json(res, 200, results);
            return;
        }
        const body = (await this.jsonBody(req)) as { allOrNone?: boolean; records?: unknown };
        if (!body || typeof body !== 'object' || !Array.isArray(body.records)) {
            throw new HttpError(
                400,
                'JSON_PARSER_ERROR',
                'Expected { "allOrNone": boolean, "records": [ ... ] }.'
            );
        }
        if (body.records.length > 200)
            throw new HttpError(
                400,
                'EXCEEDED_ID_LIMIT',
                'record limit reached. cannot submit more than 200 records into this call'
            );
        const allOrNone = body.allOrNone === true;
        const records = body.records as RecordValues[];
        const typeOf = (r: RecordValues) => {
            const t = (r?.attributes as { type?: string } | undefined)?.type;
            if (!t) throw new SourceError('INVALID_TYPE', 'Must send a concrete entity type.');
            return this.object(t).name;
        };
        let results;
        if (method === 'POST' && seg.length === 2) {
            results = this.runCollection(records, allOrNone, (r) => {
                const object = typeOf(r);
                const values = this.recordBody(r);
                if (values.Id)
                    throw new SourceError('INVALID_FIELD', 'cannot specify Id in an insert call', [
                        'Id'
                    ]);
                this.maybeLock(object, values);
                return { id: this.store.create(object, values) };
            });
        } else if (method === 'PATCH' && seg.length === 2) {
            results = this.runCollection(records, allOrNone, (r) => {
                const object = typeOf(r);
                const values = this.recordBody(r);
                const rawId = values.Id ?? values.id;
                const id = normalizeId(rawId);
                if (!id)
                    throw new SourceError(
                        'MALFORMED_ID',
                        `Id in the record is missing or malformed: ${String(rawId ?? '').slice(0, 20)}`,
                        ['Id']
                    );
                this.maybeLock(object, { Id: id });
                this.store.update(object, id, values);
                return { id };
            });
        } else if (method === 'PATCH' && seg.length === 4) {
            const object = this.object(seg[2]).name;
            const field = this.externalField(object, seg[3]);
            results = this.runCollection(records, allOrNone, (r) => {
                if (typeOf(r) !== object)
                    throw new SourceError('INVALID_TYPE', `All records must be of type ${object}.`);
                const values = this.recordBody(r);
                const out = this.upsertOne(object, field, values[field], values);
                return { id: out.id, created: out.created };
            });
        } else {
            throw new HttpError(405, 'METHOD_NOT_ALLOWED', `HTTP method '${method}' not allowed.`);
        }
        this.json(res, 200, results);
    }

    /** Runs each item in its own savepoint; with allOrNone, one failure rolls back all. */
    private runCollection<T>(
        items: T[],
        allOrNone: boolean,
        fn: (item: T) => { id: string; created?: boolean }
    ) {
        type Result = {
            id?: string | null;
            success: boolean;
            errors: { statusCode: string; message: string; fields: string[] }[];
            created?: boolean;
        };
        const results: Result[] = [];
        const failure = (e: unknown): Result['errors'][number] =>
            e instanceof SourceError
                ? { statusCode: e.errorCode, message: e.message, fields: e.fields }
                : e instanceof HttpError
                  ? { statusCode: e.errorCode, message: e.message, fields: e.fields ?? [] }
                  : {
                        statusCode: 'UNKNOWN_EXCEPTION',
                        message: reduceErrors(e)[0] ?? 'error',
                        fields: []
                    };
        const rollback = new Error('rollback');
        try {
            this.store.transaction(() => {
                for (const item of items) {
                    try {
                        const out = this.store.transaction(() => fn(item));
                        results.push({
                            id: out.id,
                            success: true,
                            errors: [],
                            ...(out.created !== undefined ? { created: out.created } : {})
                        });
                    } catch (e) {
                        if (!(e instanceof SourceError) && !(e instanceof HttpError)) throw e;
                        results.push({ success: false, errors: [failure(e)] });
                    }
                }
                if (allOrNone && results.some((r) => !r.success)) throw rollback;
            });
        } catch (e) {
            if (e !== rollback) throw e;
            return results.map((r) =>
                r.success
                    ? {
                          id: null,
                          success: false,
                          errors: [
                              {
                                  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
                                  message:
                                      'Record rolled back because not all records were valid and the request was using AllOrNone header',
                                  fields: []
                              }
                          ]
                      }
                    : { ...r, id: null }
            );
        }
        return results;
    }

    // ---- Bulk API 2.0 ingest --------------------------------------------------------------

    private jobInfo(job: IngestJob): Record<string, unknown> {
        return {
            id: job.id,
            operation: job.operation,
            object: job.object,
            createdById: this.options.org.adminUserId,
            createdDate: job.createdDate,
            systemModstamp: new Date().toISOString(),
            state: job.state,
            externalIdFieldName: job.externalIdFieldName,
            concurrencyMode: 'Parallel',
            contentType: 'CSV',
            apiVersion: Number(API_VERSION),
            jobType: 'V2Ingest',
            lineEnding: job.lineEnding,
            columnDelimiter: 'COMMA',
            contentUrl: `services/data/v${API_VERSION}/jobs/ingest/${job.id}/batches`,
            numberRecordsProcessed: job.processed,
            numberRecordsFailed: job.failed.length,
            retries: 0,
            totalProcessingTime: 0,
            ...(job.errorMessage ? { errorMessage: job.errorMessage } : {})
        };
    }

    private ingestJob(id: string): IngestJob {
        const job = this.ingestJobs.get(id);
        if (!job) throw new HttpError(404, 'NOT_FOUND', 'The requested resource does not exist');
        return job;
    }

    private async ingest(
        req: IncomingMessage,
        res: ServerResponse,
        _url: URL,
        seg: string[],
        method: string
    ): Promise<void> {
        if (seg.length === 2 && method === 'POST') {
            const body = (await this.jsonBody(req)) as Record<string, unknown>;
            const operation = String(body.operation ?? '');
            if (!['insert', 'update', 'upsert', 'delete', 'hardDelete'].includes(operation)) {
                throw new HttpError(
                    400,
                    'INVALIDJOB',
                    `InvalidJob : Invalid operation: ${operation.slice(0, 40)}`
                );
            }
            const object = this.object(String(body.object ?? '')).name;
            const job: IngestJob = {
                id: this.nextId('750'),
                object,
                operation: operation as IngestJob['operation'],
                externalIdFieldName:
                    operation === 'upsert'
                        ? this.externalField(object, String(body.externalIdFieldName ?? ''))
                        : undefined,
                state: 'Open',
                createdDate: new Date().toISOString(),
                csv: [],
                lineEnding: String(body.lineEnding ?? 'LF'),
                success: [],
                failed: [],
                unprocessed: [],
                processed: 0
            };
            this.ingestJobs.set(job.id, job);
            this.json(res, 200, this.jobInfo(job));
            return;
        }
        if (seg.length === 2 && method === 'GET') {
            this.json(res, 200, {
                done: true,
                records: [...this.ingestJobs.values()].map((j) => this.jobInfo(j)),
                nextRecordsUrl: null
            });
            return;
        }
        const job = this.ingestJob(seg[2]);
        if (seg.length === 4 && seg[3] === 'batches' && method === 'PUT') {
            if (job.state !== 'Open')
                throw new HttpError(
                    409,
                    'INVALIDJOBSTATE',
                    `Job is not open for uploads (state ${job.state}).`
                );
            // An empty upload adds nothing (jsforce can send one before the data when it
            // retries a PUT); counting it would take the real upload's header for data.
            const text = await this.body(req);
            if (text.trim()) job.csv.push(text);
            this.json(res, 201, null);
            return;
        }
        if (seg.length === 3 && method === 'PATCH') {
            const body = (await this.jsonBody(req)) as { state?: string };
            if (body.state === 'UploadComplete' && job.state === 'Open') {
                job.state = 'UploadComplete';
                setImmediate(() => this.processIngest(job));
            } else if (
                body.state === 'Aborted' &&
                (job.state === 'Open' || job.state === 'UploadComplete')
            ) {
                job.state = 'Aborted';
            } else {
                throw new HttpError(
                    400,
                    'INVALIDJOBSTATE',
                    `Cannot change state from ${job.state} to ${String(body.state)}.`
                );
            }
            this.json(res, 200, this.jobInfo(job));
            return;
        }
        if (seg.length === 3 && method === 'GET') {
            this.json(res, 200, this.jobInfo(job));
            return;
        }
        if (seg.length === 3 && method === 'DELETE') {
            this.ingestJobs.delete(job.id);
            this.json(res, 204, null);
            return;
        }
        if (seg.length === 4 && method === 'GET') {
            const header = job.header ?? [];
            let csv: string;
            if (seg[3] === 'successfulResults')
                csv = toCsv(['sf__Id', 'sf__Created', ...header], job.success);
            else if (seg[3] === 'failedResults')
                csv = toCsv(['sf__Id', 'sf__Error', ...header], job.failed);
            else if (seg[3] === 'unprocessedrecords') csv = toCsv(header, job.unprocessed);
            else throw new HttpError(404, 'NOT_FOUND', 'The requested resource does not exist');
            res.writeHead(200, { 'Content-Type': 'text/csv; charset=UTF-8' }).end(csv);
            return;
        }
        throw new HttpError(404, 'NOT_FOUND', 'The requested resource does not exist');
    }

    private processIngest(job: IngestJob): void {
        if (job.state !== 'UploadComplete') return;
        job.state = 'InProgress';
        let rows: string[][];
        try {
            rows = job.csv.flatMap((text, i) => {
                const parsed = parseCsv(text);
                return i === 0 ? parsed : parsed.slice(1);
            });
        } catch (e) {
            job.state = 'Failed';
            job.errorMessage = `InvalidBatch : ${e instanceof CsvError ? e.message : 'malformed CSV'}`;
            return;
        }
        job.csv = [];
        const header = rows.shift() ?? [];
        job.header = header;
        const info = this.store.objectInfo(job.object)!;
        const columns = header.map((h) => {
            const f = Object.values(info.fields).find(
                (x) => x.name.toLowerCase() === h.trim().toLowerCase()
            );
            return f?.name;
        });
        const unknown = header.filter((_h, i) => !columns[i]);
        if (!header.length || unknown.length) {
            job.state = 'Failed';
            job.errorMessage = header.length
                ? `InvalidBatch : Field name not found : ${unknown[0]}`
                : 'InvalidBatch : The CSV has no header row.';
            job.unprocessed = rows;
            return;
        }
        const chunk = 5_000;
        const step = (start: number) => {
            if (job.state === 'Aborted') {
                job.unprocessed = rows.slice(start);
                return;
            }
            const slice = rows.slice(start, start + chunk);
            this.store.transaction(() => {
                for (const row of slice) {
                    const values: RecordValues = {};
                    columns.forEach((c, i) => {
                        const v = row[i];
                        if (v === undefined || v === '') return;
                        values[c!] = v === '#N/A' ? null : v;
                    });
                    try {
                        const out = this.store.transaction(() => this.ingestRow(job, values));
                        job.success.push([out.id, out.created, ...row]);
                    } catch (e) {
                        if (!(e instanceof SourceError) && !(e instanceof HttpError)) throw e;
                        const code = e instanceof SourceError ? e.errorCode : e.errorCode;
                        const fields = e instanceof SourceError ? e.fields : (e.fields ?? []);
                        job.failed.push([
                            values.Id ?? '',
                            `${code}:${e.message}:${fields.join(',')}`,
                            ...row
                        ]);
                    }
                    job.processed += 1;
                }
            });
            if (start + chunk < rows.length) setImmediate(() => step(start + chunk));
            else job.state = 'JobComplete';
        };
        step(0);
    }

    private ingestRow(job: IngestJob, values: RecordValues): { id: string; created: boolean } {
        switch (job.operation) {
            case 'insert':
                this.maybeLock(job.object, values);
                return { id: this.store.create(job.object, values), created: true };
            case 'update': {
                const id = normalizeId(values.Id);
                if (!id)
                    throw new SourceError(
                        'MALFORMED_ID',
                        `Id in the record is missing or malformed`,
                        ['Id']
                    );
                this.maybeLock(job.object, { Id: id });
                this.store.update(job.object, id, values);
                return { id, created: false };
            }
            case 'upsert':
                return this.upsertOne(
                    job.object,
                    job.externalIdFieldName!,
                    values[job.externalIdFieldName!],
                    values
                );
            default: {
                const id = normalizeId(values.Id);
                if (!id)
                    throw new SourceError(
                        'MALFORMED_ID',
                        `Id in the record is missing or malformed`,
                        ['Id']
                    );
                this.maybeLock(job.object, { Id: id });
                this.store.delete(job.object, id);
                return { id, created: false };
            }
        }
    }

    // ---- Bulk API 2.0 query ---------------------------------------------------------------

    private queryInfo(job: QueryJob): Record<string, unknown> {
        return {
            id: job.id,
            operation: job.operation,
            object: '',
            createdById: this.options.org.adminUserId,
            createdDate: job.createdDate,
            systemModstamp: new Date().toISOString(),
            state: job.state,
            concurrencyMode: 'Parallel',
            contentType: 'CSV',
            apiVersion: Number(API_VERSION),
            jobType: 'V2Query',
            lineEnding: 'LF',
            columnDelimiter: 'COMMA',
            numberRecordsProcessed: job.rows.length,
            retries: 0,
            totalProcessingTime: 0,
            ...(job.errorMessage ? { errorMessage: job.errorMessage } : {})
        };
    }

    private async bulkQuery(
        req: IncomingMessage,
        res: ServerResponse,
        url: URL,
        seg: string[],
        method: string
    ): Promise<void> {
        if (seg.length === 2 && method === 'POST') {
            const body = (await this.jsonBody(req)) as Record<string, unknown>;
            const query = String(body.query ?? '');
            const parsed = parseSoql(query);
            if (
                (parsed.fields ?? []).some(
                    (f) => (f as unknown as { type: string }).type === 'FieldSubquery'
                )
            ) {
                throw new HttpError(
                    400,
                    'API_ERROR',
                    'Bulk API 2.0 queries cannot have subqueries (nested queries).'
                );
            }
            const job: QueryJob = {
                id: this.nextId('750'),
                query,
                operation: String(body.operation ?? 'query'),
                state: 'UploadComplete',
                createdDate: new Date().toISOString(),
                header: [],
                rows: []
            };
            this.queryJobs.set(job.id, job);
            setImmediate(() => {
                job.state = 'InProgress';
                try {
                    const { records } = runSoql(this.store, query);
                    const header = (parsed.fields ?? []).map((f) => {
                        const x = f as unknown as {
                            type: string;
                            field?: string;
                            rawValue?: string;
                        };
                        return x.type === 'Field' ? String(x.field) : String(x.rawValue);
                    });
                    job.header = header;
                    job.rows = records.map((r) => {
                        const flat = flatten(r);
                        return header.map((h) => flat[h.toLowerCase()] ?? '');
                    });
                    job.state = 'JobComplete';
                } catch (e) {
                    job.state = 'Failed';
                    job.errorMessage = reduceErrors(e)[0];
                }
            });
            this.json(res, 200, this.queryInfo(job));
            return;
        }
        const job = this.queryJobs.get(seg[2] ?? '');
        if (!job) throw new HttpError(404, 'NOT_FOUND', 'The requested resource does not exist');
        if (seg.length === 3 && method === 'GET') return this.json(res, 200, this.queryInfo(job));
        if (seg.length === 3 && method === 'DELETE') {
            this.queryJobs.delete(job.id);
            return this.json(res, 204, null);
        }
        if (seg.length === 3 && method === 'PATCH') {
            job.state = 'Aborted';
            return this.json(res, 200, this.queryInfo(job));
        }
        if (seg.length === 4 && seg[3] === 'results' && method === 'GET') {
            if (job.state !== 'JobComplete')
                throw new HttpError(
                    400,
                    'INVALIDJOBSTATE',
                    `Job is in state ${job.state}; results are available once it is JobComplete.`
                );
            const start =
                Number(
                    url.searchParams.get('locator')
                        ? Buffer.from(url.searchParams.get('locator')!, 'base64url').toString()
                        : 0
                ) || 0;
            const max = Math.max(
                1,
                Math.min(Number(url.searchParams.get('maxRecords') ?? 50_000) || 50_000, 1_000_000)
            );
            const slice = job.rows.slice(start, start + max);
            const next = start + slice.length;
            res.writeHead(200, {
                'Content-Type': 'text/csv; charset=UTF-8',
                'Sforce-Locator':
                    next < job.rows.length
                        ? Buffer.from(String(next)).toString('base64url')
                        : 'null',
                'Sforce-NumberOfRecords': String(slice.length)
            }).end(toCsv(job.header, slice));
            return;
        }
        throw new HttpError(404, 'NOT_FOUND', 'The requested resource does not exist');
    }
}

/** A REST record's values by lower-cased 'owner.name' style paths, for Bulk 2.0 query CSV. */
function flatten(
    record: RecordValues,
    prefix = '',
    out: Record<string, unknown> = {}
): Record<string, unknown> {
    for (const [k, v] of Object.entries(record)) {
        if (k === 'attributes') continue;
        if (v && typeof v === 'object' && !Array.isArray(v))
            flatten(v as RecordValues, `${prefix}${k}.`, out);
        else out[`${prefix}${k}`.toLowerCase()] = v;
    }
    return out;
}
