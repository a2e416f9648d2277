/**
 * Target resolution: the local org from .leadloop/local-org.json (with token
 * refresh), an sf CLI alias through @salesforce/core, --instance-url +
 * --access-token, the default target in .leadloop/config.json, and the errors
 * for bad flags and unknown aliases.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOrg, type LocalOrg } from '../../localorg/src/index';
import { Api, UserError } from '../src/api';
import { getConfig, resolveTarget, safeName, setConfig, type Target } from '../src/target';

const home = mkdtempSync(path.join(tmpdir(), 'leadloop-cli-home-'));
const dataDir = mkdtempSync(path.join(tmpdir(), 'leadloop-cli-target-'));
const root = mkdtempSync(path.join(tmpdir(), 'leadloop-cli-root-'));
let org: LocalOrg;

function writeLocal(o: LocalOrg, extra: Record<string, unknown> = {}): void {
    mkdirSync(path.join(root, '.leadloop'), { recursive: true });
    writeFileSync(
        path.join(root, '.leadloop', 'local-org.json'),
        JSON.stringify({
            instanceUrl: o.instanceUrl,
            accessToken: o.accessToken,
            refreshToken: o.refreshToken,
            username: o.username,
            apiVersion: o.apiVersion,
            ...extra
        })
    );
}

/** An sf login (AuthInfo) for the local org's user with its current token. */
async function sfLogin() {
    const core = await import('@salesforce/core');
    return core.AuthInfo.create({
        accessTokenOptions: {
            accessToken: org.accessToken,
            instanceUrl: org.instanceUrl,
            loginUrl: org.instanceUrl
        }
    });
}

/** A run whose token expires after its first call: the connection refreshes it. */
async function expireDuringRun(target: Target): Promise<void> {
    const before = org.accessToken;
    org.setFaults({ expireTokenAfterCalls: 1 });
    const api = new Api(target.conn);
    await api.query('SELECT Id FROM User LIMIT 1');
    await api.query('SELECT Id FROM User LIMIT 1');
    org.setFaults({});
    expect(org.accessToken).not.toBe(before);
}

/** The next run starts with a valid token: its call needs no refresh. */
async function expectNoRefresh(target: Target): Promise<void> {
    const token = org.accessToken;
    let refreshes = 0;
    target.conn.on('refresh', () => (refreshes += 1));
    await new Api(target.conn).query('SELECT Id FROM User LIMIT 1');
    expect(refreshes).toBe(0);
    expect(org.accessToken).toBe(token);
}

beforeAll(async () => {
    // @salesforce/core keeps its state under HOME: never the user's own.
    process.env.HOME = home;
    process.env.SF_DISABLE_TELEMETRY = 'true';
    org = await startLocalOrg({ dataDir, port: 0 });
});

afterAll(async () => {
    await org.close();
    for (const d of [dataDir, root, home]) rmSync(d, { recursive: true, force: true });
});

describe('resolveTarget', () => {
    it('says how to start the local org when it is not running', async () => {
        await expect(resolveTarget({ targetOrg: 'local', root })).rejects.toThrow(/npm start/);
    });

    it('local: connects with the saved token and refreshes it when it expires', async () => {
        writeLocal(org);
        const target = await resolveTarget({ targetOrg: 'local', root });
        expect(target).toMatchObject({ name: 'local', kind: 'local', username: org.username });
        const api = new Api(target.conn);
        const before = org.accessToken;
        org.setFaults({ expireTokenAfterCalls: 1 });
        const first = await api.query<{ Id: string }>('SELECT Id FROM User LIMIT 1');
        const second = await api.query<{ Id: string }>('SELECT Id FROM User LIMIT 1');
        org.setFaults({});
        expect(first).toHaveLength(1);
        expect(second).toEqual(first);
        // The token expired mid-run; the connection refreshed it and carries the new one.
        expect(org.accessToken).not.toBe(before);
        expect(target.conn.accessToken).toBe(org.accessToken);
    });

    it('local: a refreshed token is written back to local-org.json; the next run does not refresh', async () => {
        writeLocal(org, { extra: 'kept' });
        const file = path.join(root, '.leadloop', 'local-org.json');
        await expireDuringRun(await resolveTarget({ targetOrg: 'local', root }));
        const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
        expect(saved.accessToken).toBe(org.accessToken);
        expect(saved.extra).toBe('kept');
        expect(saved.instanceUrl).toBe(org.instanceUrl);
        // The next run reads the new token and needs no refresh.
        await expectNoRefresh(await resolveTarget({ targetOrg: 'local', root }));
    });

    it('--instance-url/--access-token: both needed, URL checked, no mixing with --target-org', async () => {
        await expect(resolveTarget({ instanceUrl: org.instanceUrl, root })).rejects.toThrow(
            /go together/
        );
        await expect(
            resolveTarget({ instanceUrl: 'ftp://x', accessToken: 't', root })
        ).rejects.toThrow(/https/);
        await expect(
            resolveTarget({ instanceUrl: 'not a url', accessToken: 't', root })
        ).rejects.toThrow(/must be a URL/);
        await expect(
            resolveTarget({
                targetOrg: 'local',
                instanceUrl: org.instanceUrl,
                accessToken: org.accessToken,
                root
            })
        ).rejects.toThrow(/either/);
        const t = await resolveTarget({
            instanceUrl: org.instanceUrl,
            accessToken: org.accessToken,
            root
        });
        expect(t.kind).toBe('token');
        expect(t.name).toMatch(/^127\.0\.0\.1_\d+$/);
        const rows = await new Api(t.conn).query('SELECT Id FROM Organization');
        expect(rows).toHaveLength(1);
    });

    it('an sf CLI alias reuses the sf login', async () => {
        const core = await import('@salesforce/core');
        await (await sfLogin()).save();
        const state = await core.StateAggregator.getInstance();
        await state.aliases.setAndSave('ll-local', org.username);
        const t = await resolveTarget({ targetOrg: 'll-local', root });
        expect(t).toMatchObject({ kind: 'sf', username: org.username });
        expect(t.name).toBe(safeName(org.username));
        const rows = await new Api(t.conn).query<{ Username: string }>(
            "SELECT Username FROM User WHERE Username = 'admin@leadloop.local'"
        );
        expect(rows[0]?.Username).toBe(org.username);
    });

    it('an sf login with a refresh token: a refreshed token is saved in the sf auth file', async () => {
        const core = await import('@salesforce/core');
        // An OAuth login (refresh token), as `sf org login web` leaves it.
        const auth = await sfLogin();
        await auth.save({ refreshToken: org.refreshToken, clientId: 'PlatformCLI' });
        const username = auth.getUsername()!;
        const state = await core.StateAggregator.getInstance();
        await state.aliases.setAndSave('ll-refresh', username);
        await expireDuringRun(await resolveTarget({ targetOrg: 'll-refresh', root }));
        // Read back from disk, as the next run does.
        core.StateAggregator.clearInstance();
        const reread = await core.AuthInfo.create({ username });
        expect(reread.getFields(true).accessToken).toBe(org.accessToken);
        await expectNoRefresh(await resolveTarget({ targetOrg: 'll-refresh', root }));
    });

    it('an unknown alias is a clear error listing the known ones', async () => {
        const err = await resolveTarget({ targetOrg: 'nope-org', root }).catch((e) => e);
        expect(err).toBeInstanceOf(UserError);
        expect(err.message).toMatch(/No sf CLI login for "nope-org"/);
        expect(err.message).toMatch(/ll-local/);
    });

    it('the default target comes from leadloop config; unknown settings are refused', async () => {
        const empty = mkdtempSync(path.join(tmpdir(), 'leadloop-cli-empty-'));
        await expect(resolveTarget({ root: empty })).rejects.toThrow(/No target org/);
        rmSync(empty, { recursive: true, force: true });
        expect(() => setConfig(root, 'colour', 'blue')).toThrow(/Unknown setting "colour"/);
        setConfig(root, 'target-org', 'local');
        expect(getConfig(root)).toEqual({ 'target-org': 'local' });
        const t = await resolveTarget({ root });
        expect(t.kind).toBe('local');
        setConfig(root, 'target-org', '');
        expect(getConfig(root)).toEqual({});
        writeFileSync(path.join(root, '.leadloop', 'config.json'), '{oops');
        expect(() => getConfig(root)).toThrow(/not valid JSON/);
        rmSync(path.join(root, '.leadloop', 'config.json'));
    });
});
