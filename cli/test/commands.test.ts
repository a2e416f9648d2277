/**
 * The commands as oclif loads them (package.json `oclif`): one file per command under
 * cli/src/commands/leadloop/, each with a summary and examples, the shared flags defined
 * once, help that reads `sf leadloop score` under the sf CLI and `leadloop score` standalone,
 * and bad flags or flag combinations exit 2 however the command is run.
 */
import { Config, Help } from '@oclif/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, PROJECT_ROOT, run } from '../src/bin';
import { orgFlags, runFlags, targetFlags } from '../src/flags';

const COMMANDS = [
    'leadloop:audit',
    'leadloop:config:get',
    'leadloop:config:set',
    'leadloop:doctor',
    'leadloop:fix',
    'leadloop:handback:list',
    'leadloop:handback:return',
    'leadloop:link-reports',
    'leadloop:report',
    'leadloop:review:export',
    'leadloop:score',
    'leadloop:seed',
    'leadloop:sync'
];

/** An empty project root: no local org, no default target. */
const root = mkdtempSync(path.join(tmpdir(), 'leadloop-commands-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function cli(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await run(args, {
        root,
        out: (t) => out.push(t),
        err: (t) => err.push(t),
        progress: false
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('oclif commands', () => {
    // The commands are TypeScript: loadConfig registers tsx's loader (as the bin does).
    beforeAll(() => loadConfig(), 30_000);

    it('loads every command through oclif Config, each with a summary and examples', async () => {
        const config = await Config.load(PROJECT_ROOT);
        expect([...config.commandIDs].sort()).toEqual(COMMANDS);
        expect(config.topicSeparator).toBe(' ');
        for (const id of COMMANDS) {
            const cmd = await config.findCommand(id, { must: true }).load();
            expect(cmd.summary, id).toBeTruthy();
            expect(cmd.examples?.length, id).toBeGreaterThan(0);
        }
        const score = await config.findCommand('leadloop:score', { must: true }).load();
        // The shared flags are the definitions in cli/src/flags.ts (oclif loads its own copy).
        const same = (flag: { summary?: string; char?: string; type: string }) => ({
            summary: flag.summary,
            char: flag.char,
            type: flag.type
        });
        for (const [name, flag] of Object.entries(orgFlags)) {
            expect(same(score.flags[name]), name).toEqual(same(flag));
        }
        expect(score.flags['target-org'].char).toBe('o');
        const sync = await config.findCommand('leadloop:sync', { must: true }).load();
        for (const [name, flag] of Object.entries(runFlags)) {
            expect(same(sync.flags[name]), name).toEqual(same(flag));
        }
        expect(Object.keys(sync.flags)).not.toContain(Object.keys(targetFlags)[0]);
    });

    it('as an sf plugin, help shows `sf leadloop score`', async () => {
        const config = await Config.load(PROJECT_ROOT);
        config.bin = 'sf';
        const help = new (class extends Help {
            text = (c: Parameters<Help['formatCommand']>[0]) => this.formatCommand(c);
        })(config, { stripAnsi: true });
        const cmd = config.findCommand('leadloop:score', { must: true });
        const text = help.text(cmd);
        expect(text).toContain('$ sf leadloop score --target-org local');
    });

    it('runs through oclif (as sf would): a bad flag sets exit code 2', async () => {
        const config = await Config.load(PROJECT_ROOT);
        const before = process.exitCode;
        const writes: string[] = [];
        const write = process.stderr.write;
        process.stderr.write = ((t: string) => writes.push(t) > 0) as unknown as typeof write;
        try {
            await config.runCommand('leadloop:score', ['--bulk-threshold', 'many']);
            expect(process.exitCode).toBe(2);
        } finally {
            process.stderr.write = write;
            process.exitCode = before;
        }
        expect(writes.join('')).toMatch(/--bulk-threshold must be a whole number/);
    });

    it('standalone: `leadloop --help` lists the commands; `leadloop score --help` shows examples', async () => {
        const root = await cli(['--help']);
        expect(root.code).toBe(0);
        for (const c of ['seed', 'score', 'sync', 'doctor', 'config set'])
            expect(root.out).toContain(`  ${c} `);
        expect(root.out).toMatch(/Exit codes: 0 ok/);
        const score = await cli(['score', '--help']);
        expect(score.code).toBe(0);
        expect(score.out).toContain('$ leadloop score --target-org local');
        expect(score.out).not.toContain('leadloop leadloop');
        expect(score.out).toMatch(/--max-api-calls/);
    }, 30_000);

    it('bad flags, values, combinations and commands exit 2 with a clear message', async () => {
        const cases: [string[], RegExp][] = [
            [['score', '--bulk-threshold', 'many'], /--bulk-threshold must be a whole number/],
            [['score', '--max-api-calls', '0'], /--max-api-calls must be at least 1/],
            [['seed', '--leads', '2000000'], /--leads must be at most 1,000,000/],
            [['score', '--instance-url', 'https://x.my.salesforce.com'], /--access-token/],
            [
                ['score', '-o', 'local', '--instance-url', 'https://x', '--access-token', 't'],
                /cannot also be provided/
            ],
            [
                ['score', '--resume', '--full'],
                /--full.*cannot also be provided when using --resume/
            ],
            [['seed', '--resume', '--leads', '10'], /cannot also be provided when using --resume/],
            [['sync', '--from', 'local'], /Missing required flag to/],
            [['score', '--nope'], /Nonexistent flag: --nope/],
            [['config', 'set', 'colour', 'blue'], /Unknown setting "colour"/],
            [['config', 'get', 'colour'], /Unknown setting "colour"/],
            [['score', '--instance-url', 'not a url', '--access-token', 't'], /must be a URL/],
            [['score', '--instance-url', 'ftp://x', '--access-token', 't'], /must use https/],
            [['sync', '--from', 'local', '--to', 'local'], /--from and --to are the same org/],
            [['score'], /No target org\. Pass --target-org/],
            [['doctor'], /No target org/],
            [['frobnicate'], /Unknown command: frobnicate/]
        ];
        for (const [args, message] of cases) {
            const res = await cli([...args, '--json']);
            expect(res.code, args.join(' ')).toBe(2);
            const body = JSON.parse(res.out) as { status: number; name: string; message: string };
            expect(body.status, args.join(' ')).toBe(2);
            expect(body.name).toMatch(/^[A-Z_]+$/);
            expect(body.message, args.join(' ')).toMatch(message);
            expect(body.message).not.toMatch(/at .*\.ts:\d+/);
        }
    }, 30_000);
});
