/**
 * Where a command runs: `--target-org` (an sf CLI alias or username, reusing the
 * user's sf logins with token refresh, or `local` for the local org), or
 * `--instance-url` + `--access-token`, or the default set with
 * `leadloop config set target-org X` (stored in `.leadloop/config.json`).
 * Every target becomes a jsforce 3 Connection on the project's API version.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import jsforce, { type Connection } from 'jsforce';
import type { Schema } from 'jsforce';
import type { SessionRefreshFunc } from 'jsforce/lib/session-refresh-delegate';
import { API_VERSION } from '../../core/src/index';
import { UserError } from './api';

export interface TargetOptions {
    targetOrg?: string;
    instanceUrl?: string;
    accessToken?: string;
    /** Project root (holds `.leadloop/`). */
    root: string;
}

export interface Target {
    /** Filename-safe name of the target (state, checkpoints and reports are kept per target). */
    name: string;
    conn: Connection;
    username?: string;
    /** How the target was chosen, for messages: 'local', 'sf', 'token'. */
    kind: 'local' | 'sf' | 'token';
}

/** Settings `leadloop config set` accepts. */
export const CONFIG_KEYS = ['target-org'] as const;
export type ConfigKey = (typeof CONFIG_KEYS)[number];
export type LeadLoopConfig = Partial<Record<ConfigKey, string>>;

const configFile = (root: string) => path.join(root, '.leadloop', 'config.json');

export function getConfig(root: string): LeadLoopConfig {
    const file = configFile(root);
    if (!existsSync(file)) return {};
    let parsed: unknown;
    try {
        parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
        throw new UserError(`${file} is not valid JSON: fix or delete it.`, 'BAD_CONFIG');
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new UserError(`${file} must hold a JSON object.`, 'BAD_CONFIG');
    }
    const out: LeadLoopConfig = {};
    for (const key of CONFIG_KEYS) {
        const v = (parsed as Record<string, unknown>)[key];
        if (typeof v === 'string' && v.trim() !== '') out[key] = v;
    }
    return out;
}

export function checkConfigKey(key: string): asserts key is ConfigKey {
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) {
        throw new UserError(
            `Unknown setting "${key}". Settings: ${CONFIG_KEYS.join(', ')}.`,
            'BAD_CONFIG_KEY',
            true
        );
    }
}

/** Sets (or, with an empty value, unsets) a setting; returns the new config. */
export function setConfig(root: string, key: string, value: string | undefined): LeadLoopConfig {
    checkConfigKey(key);
    const config = getConfig(root);
    const v = value?.trim();
    if (v) {
        if (v.length > 255 || /[\r\n]/.test(v)) {
            throw new UserError(
                `The value for ${key} is not a valid org alias or username.`,
                'BAD_CONFIG_VALUE',
                true
            );
        }
        config[key] = v;
    } else {
        delete config[key];
    }
    mkdirSync(path.dirname(configFile(root)), { recursive: true });
    writeFileSync(configFile(root), JSON.stringify(config, null, 4) + '\n');
    return config;
}

/** A name safe for a file name, still recognisable (`local`, `me_example.com`). */
export function safeName(s: string): string {
    const cleaned = s
        .toLowerCase()
        .replace(/^https?:\/\//, '')
        .replace(/[^a-z0-9.@_-]+/g, '_')
        .replace(/@/g, '_at_')
        .replace(/^[._-]+/, '')
        .slice(0, 80);
    return cleaned || 'target';
}

/** Checks an instance URL; `flag` names where it came from (a flag's errors are usage errors). */
function checkUrl(raw: string, flag: string): string {
    const usage = flag.startsWith('--');
    const code = usage ? 'BAD_FLAG' : 'BAD_LOCAL_ORG';
    let url: URL;
    try {
        url = new URL(raw);
    } catch {
        throw new UserError(
            `${flag} must be a URL like https://mydomain.my.salesforce.com.`,
            code,
            usage
        );
    }
    const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
    if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) {
        throw new UserError(
            `${flag} must use https (http only for 127.0.0.1 / localhost).`,
            code,
            usage
        );
    }
    return url.origin;
}

/** Refreshes a local-org token with its refresh token (OAuth refresh_token grant). */
type RefreshFn = SessionRefreshFunc<Schema>;

function localRefreshFn(instanceUrl: string, refreshToken: string): RefreshFn {
    return (_conn, callback): void => {
        void (async () => {
            try {
                const res = await fetch(`${instanceUrl}/services/oauth2/token`, {
                    method: 'POST',
                    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
                    body: new URLSearchParams({
                        grant_type: 'refresh_token',
                        refresh_token: refreshToken
                    }).toString()
                });
                const body = (await res.json()) as {
                    access_token?: string;
                    error_description?: string;
                };
                if (!res.ok || !body.access_token) {
                    callback(
                        new UserError(
                            `The local org refused the token refresh (${body.error_description ?? res.status}). Restart it with npm start.`,
                            'INVALID_SESSION_ID'
                        )
                    );
                    return;
                }
                callback(null, body.access_token, body as never);
            } catch (e) {
                callback(e as Error);
            }
        })();
    };
}

/**
 * Writes a refreshed token into local-org.json (atomically, other fields kept), unless the
 * file now describes another org (restarted meanwhile): then it is left alone.
 */
function saveLocalToken(
    file: string,
    instanceUrl: string,
    accessToken: string,
    refreshToken?: string
): void {
    try {
        const info = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
        if (info.instanceUrl !== instanceUrl) return;
        info.accessToken = accessToken;
        if (refreshToken) info.refreshToken = refreshToken;
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify(info, null, 2) + '\n', { mode: 0o600 });
        renameSync(tmp, file);
    } catch {
        // Not saved: the next run refreshes again, nothing worse.
    }
}

function localTarget(root: string): Target {
    const file = path.join(root, '.leadloop', 'local-org.json');
    if (!existsSync(file)) {
        throw new UserError(
            `The local org is not running here (${path.relative(process.cwd(), file) || file} is missing). Start it with: npm start`,
            'NO_LOCAL_ORG'
        );
    }
    let info: {
        instanceUrl?: unknown;
        accessToken?: unknown;
        refreshToken?: unknown;
        username?: unknown;
    };
    try {
        info = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
        throw new UserError(`${file} is not valid JSON: restart the local org with npm start.`);
    }
    if (typeof info.instanceUrl !== 'string' || typeof info.accessToken !== 'string') {
        throw new UserError(`${file} lacks instanceUrl/accessToken: restart with npm start.`);
    }
    const instanceUrl = checkUrl(info.instanceUrl, 'local-org.json instanceUrl');
    const conn = new jsforce.Connection({
        instanceUrl,
        accessToken: info.accessToken,
        version: API_VERSION,
        ...(typeof info.refreshToken === 'string'
            ? { refreshFn: localRefreshFn(instanceUrl, info.refreshToken) }
            : {})
    });
    // A refreshed token goes back where it was read, so the next run does not refresh again.
    conn.on('refresh', (accessToken: string, res?: { refresh_token?: string }) =>
        saveLocalToken(file, info.instanceUrl as string, accessToken, res?.refresh_token)
    );
    return {
        name: 'local',
        conn,
        username: typeof info.username === 'string' ? info.username : undefined,
        kind: 'local'
    };
}

async function sfTarget(aliasOrUsername: string): Promise<Target> {
    const core = await import('@salesforce/core');
    const state = await core.StateAggregator.getInstance();
    const username = state.aliases.resolveUsername(aliasOrUsername);
    let auth;
    try {
        auth = await core.AuthInfo.create({ username });
    } catch (e) {
        const known = Object.keys(state.aliases.getAll());
        const users = (await core.AuthInfo.listAllAuthorizations().catch(() => [])).map(
            (a) => a.username
        );
        const list = [...known, ...users.filter((u) => !known.includes(u))];
        const reason =
            (e as Error)?.name === 'NamedOrgNotFoundError' ? '' : ` (${(e as Error)?.message})`;
        throw new UserError(
            `No sf CLI login for "${aliasOrUsername}"${reason}. ${
                list.length
                    ? `Known aliases/usernames: ${list.join(', ')}.`
                    : 'You have no sf logins yet.'
            } Log in with: sf org login web --alias ${aliasOrUsername}, or use --target-org local.`,
            'UNKNOWN_TARGET_ORG'
        );
    }
    const options = auth.getConnectionOptions() as {
        accessToken?: string;
        instanceUrl?: string;
        refreshFn?: (
            conn: unknown,
            cb: (err: Error | null, token?: string, res?: unknown) => void
        ) => unknown;
        oauth2?: { loginUrl?: string; clientId?: string; redirectUri?: string };
    };
    if (!options.instanceUrl || !options.accessToken) {
        throw new UserError(
            `The sf login for "${aliasOrUsername}" has no instance URL or token; log in again.`
        );
    }
    const conn = new jsforce.Connection({
        instanceUrl: options.instanceUrl,
        accessToken: options.accessToken,
        version: API_VERSION,
        ...(options.refreshFn ? { refreshFn: options.refreshFn as unknown as RefreshFn } : {})
    });
    return { name: safeName(username), conn, username, kind: 'sf' };
}

/** Resolves the target of a command (see the module comment for the order). */
export async function resolveTarget(opts: TargetOptions): Promise<Target> {
    if (opts.instanceUrl || opts.accessToken) {
        if (!opts.instanceUrl || !opts.accessToken) {
            throw new UserError(
                '--instance-url and --access-token go together: give both.',
                'BAD_FLAG',
                true
            );
        }
        if (opts.targetOrg) {
            throw new UserError(
                'Give either --target-org or --instance-url/--access-token.',
                'BAD_FLAG',
                true
            );
        }
        const instanceUrl = checkUrl(opts.instanceUrl, '--instance-url');
        const conn = new jsforce.Connection({
            instanceUrl,
            accessToken: opts.accessToken,
            version: API_VERSION
        });
        return { name: safeName(new URL(instanceUrl).host), conn, kind: 'token' };
    }
    const target = opts.targetOrg?.trim() || getConfig(opts.root)['target-org'];
    if (!target) {
        throw new UserError(
            'No target org. Pass --target-org <alias|username|local>, or set a default: leadloop config set target-org local',
            'NO_TARGET_ORG',
            true
        );
    }
    if (target === 'local') return localTarget(opts.root);
    return sfTarget(target);
}
