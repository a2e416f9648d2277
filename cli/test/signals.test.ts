/**
 * Ctrl-C and SIGTERM, however `leadloop` is started (node cli/bin/leadloop.js, npm run
 * leadloop, tsx cli/src/bin.ts): the signal goes to the whole process group, as a terminal
 * sends it; the run stops cleanly after the call in flight, saves its checkpoint, says so
 * and exits 3, as README.md documents; `--resume` then finishes the run.
 *
 * The CLI runs as a real process against a local org behind a slow proxy (every call takes
 * 150 ms, like a real org), so the signal arrives while calls are in flight.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION } from '../../core/src/index';
import { startLocalOrg, type LocalOrg } from '../../localorg/src/index';
import { main, PROJECT_ROOT, run } from '../src/bin';
import { generateDemoData, seedOrg } from '../src/seed/index';

const NOW = '2026-11-22T12:00:00.000Z';
const dir = mkdtempSync(path.join(tmpdir(), 'leadloop-signals-'));
const root = path.join(dir, 'project');
let org: LocalOrg;
let proxy: http.Server;
/** Requests the proxy has passed to the org. */
let seen = 0;
/** How long the proxy holds each request. */
let delayMs = 150;

beforeAll(async () => {
    org = await startLocalOrg({ dataDir: path.join(dir, 'data'), port: 0, seed: false });
    const conn = new jsforce.Connection({
        instanceUrl: org.instanceUrl,
        accessToken: org.accessToken,
        version: API_VERSION
    });
    await seedOrg(conn, generateDemoData({ leads: 400, now: new Date(NOW) }), { score: false });
    const target = new URL(org.instanceUrl);
    proxy = http.createServer((req, res) => {
        seen += 1;
        setTimeout(() => {
            const upstream = http.request(
                {
                    host: target.hostname,
                    port: target.port,
                    path: req.url,
                    method: req.method,
                    headers: req.headers
                },
                (up) => {
                    res.writeHead(up.statusCode ?? 502, up.headers);
                    up.pipe(res);
                }
            );
            upstream.on('error', () => res.destroy());
            req.pipe(upstream);
        }, delayMs);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    mkdirSync(path.join(root, '.leadloop'), { recursive: true });
    writeFileSync(
        path.join(root, '.leadloop', 'local-org.json'),
        JSON.stringify({
            instanceUrl: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
            accessToken: org.accessToken,
            refreshToken: org.refreshToken,
            username: org.username
        })
    );
}, 120_000);

afterAll(async () => {
    await new Promise((r) => proxy.close(r));
    await org.close();
    rmSync(dir, { recursive: true, force: true });
});

const ARGS = ['score', '--full', '--target-org', 'local', '--json', '--now', NOW];
const LAUNCHERS: Record<string, [string, string[]]> = {
    'node cli/bin/leadloop.js': [process.execPath, ['cli/bin/leadloop.js', ...ARGS]],
    'npm run leadloop --': ['npm', ['run', '--silent', 'leadloop', '--', ...ARGS]],
    'tsx cli/src/bin.ts': [
        path.join(PROJECT_ROOT, 'node_modules/.bin/tsx'),
        ['cli/src/bin.ts', ...ARGS]
    ]
};

/**
 * Starts the CLI in its own process group and signals the group once calls are in flight
 * (`calls` of them);
 * `again`: signals once more after that many ms.
 */
async function interrupt(launcher: string, signal: NodeJS.Signals, { again = 0, calls = 2 } = {}) {
    rmSync(path.join(root, '.leadloop', 'state'), { recursive: true, force: true });
    const [cmd, args] = LAUNCHERS[launcher];
    const child = spawn(cmd, args, {
        cwd: PROJECT_ROOT,
        env: { ...process.env, LEADLOOP_ROOT: root, NODE_ENV: 'production' },
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe']
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
        child.on('exit', (code, sig) => resolve({ code, signal: sig }))
    );
    const before = seen;
    const started = Date.now();
    while (seen < before + calls && Date.now() - started < 30_000) {
        await new Promise((r) => setTimeout(r, 20));
    }
    expect(seen, 'the CLI reached the org').toBeGreaterThanOrEqual(before + calls);
    process.kill(-child.pid!, signal);
    if (again) {
        await new Promise((r) => setTimeout(r, again));
        process.kill(-child.pid!, signal);
    }
    const exit = await exited;
    const file = path.join(root, '.leadloop', 'state', 'local.json');
    const state = (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}) as {
        checkpoint?: { command: string; reason: string };
    };
    return { ...exit, stdout, stderr, state };
}

describe('signals', () => {
    for (const launcher of Object.keys(LAUNCHERS)) {
        it(`${launcher}: Ctrl-C stops cleanly with a checkpoint and exit 3`, async () => {
            const res = await interrupt(launcher, 'SIGINT');
            expect(res.code, res.stderr).toBe(3);
            const json = JSON.parse(res.stdout) as { status: number; result: { stopped: string } };
            expect(json.status).toBe(3);
            expect(json.result.stopped).toBe('INTERRUPTED');
            expect(res.state.checkpoint).toMatchObject({ command: 'score', reason: 'INTERRUPTED' });
        }, 60_000);
    }

    it('a signal that came while the bin was loading stops the run at its first call, exit 3', async () => {
        // cli/bin/leadloop.js keeps such signals and hands them to main().
        rmSync(path.join(root, '.leadloop', 'state'), { recursive: true, force: true });
        const before = seen;
        const printed: string[] = [];
        const write = process.stdout.write;
        process.env.LEADLOOP_ROOT = root;
        process.stdout.write = ((t: string) => printed.push(t) > 0) as unknown as typeof write;
        let code: number;
        try {
            code = await main(ARGS, ['SIGINT']);
        } finally {
            process.stdout.write = write;
            delete process.env.LEADLOOP_ROOT;
        }
        expect(code, printed.join('')).toBe(3);
        const json = JSON.parse(printed.join('')) as { result: { stopped: string } };
        expect(json.result.stopped).toBe('INTERRUPTED');
        const state = JSON.parse(
            readFileSync(path.join(root, '.leadloop', 'state', 'local.json'), 'utf8')
        ) as { checkpoint?: { command: string; reason: string } };
        expect(state.checkpoint).toMatchObject({ command: 'score', reason: 'INTERRUPTED' });
        // No call reached the org: the stop came first (the closing /limits read is refused too).
        expect(seen - before).toBe(0);
        // The next run in this process is not stopped by the old signal.
        const again = await run(['config', 'get'], { root, out: () => undefined });
        expect(again).toBe(0);
    }, 60_000);

    it('a second Ctrl-C 2 s later does not wait for a hung call: checkpoint, exit 3 at once', async () => {
        delayMs = 20_000;
        try {
            const t = Date.now();
            const res = await interrupt('node cli/bin/leadloop.js', 'SIGINT', {
                again: 2500,
                calls: 1
            });
            expect(Date.now() - t).toBeLessThan(12_000);
            expect(res.code, res.stderr).toBe(3);
            expect(res.stderr).toMatch(/Interrupted again: stopped at once/);
            expect(res.state.checkpoint).toMatchObject({ command: 'score', reason: 'INTERRUPTED' });
        } finally {
            delayMs = 150;
        }
    }, 60_000);

    it('SIGTERM stops the same way, and --resume finishes the run', async () => {
        const res = await interrupt('node cli/bin/leadloop.js', 'SIGTERM');
        expect(res.code, res.stderr).toBe(3);
        expect(res.state.checkpoint).toMatchObject({ command: 'score', reason: 'INTERRUPTED' });
        const out: string[] = [];
        const code = await run(['score', '--resume', '--target-org', 'local', '--json'], {
            root,
            out: (t) => out.push(t),
            err: () => undefined,
            progress: false
        });
        expect(code, out.join('\n')).toBe(0);
        expect(JSON.parse(out.join('\n')).result.leadsRead).toBe(400);
    }, 60_000);
});
