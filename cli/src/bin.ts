/**
 * `leadloop`: thin commands over pure functions that take a connection
 * (seedOrg, scoreOrg, syncLeads, doctor). Every run prints the API calls it
 * used and what remains of the org's daily limit; `--json` prints
 * `{ status, result, warnings }` (status = the exit code); per-record failures
 * go to a report file and give exit code 1; a clean stop (limit, Ctrl-C,
 * --max-api-calls) writes a checkpoint and gives exit code 3.
 */
import { Command, CommanderError, Option } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { reduceErrors } from '../../core/src/index';
import { Api, StopError, UserError, type RecordFailure } from './api';
import { doctor } from './doctor';
import { scoreOrg } from './score';
import { generateDemoData, seedOrg } from './seed/index';
import { readState, writeState, type Checkpoint } from './state';
import { syncLeads } from './sync';
import { getConfig, resolveTarget, setConfig, type Target } from './target';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const EXIT = { ok: 0, failed: 1, usage: 2, stopped: 3 } as const;

export interface RunIo {
    /** Where `.leadloop/` (local-org.json, config, state, reports) lives (default: the project). */
    root?: string;
    /** The project whose force-app metadata `doctor` checks against (default: this one). */
    projectRoot?: string;
    out?: (text: string) => void;
    err?: (text: string) => void;
    /** Show progress (default: stderr is a TTY). */
    progress?: boolean;
    /** Called with the API client of the run (tests use it to stop a run). */
    onApi?: (api: Api) => void;
}

interface Common {
    targetOrg?: string;
    instanceUrl?: string;
    accessToken?: string;
    json: boolean;
    dryRun: boolean;
    bulkThreshold: number;
    maxApiCalls?: number;
    report?: string;
}

const positiveInt = (flag: string) =>
    z.coerce
        .number({ error: `${flag} must be a whole number.` })
        .int(`${flag} must be a whole number.`)
        .min(1, `${flag} must be at least 1.`);

const commonSchema = z.object({
    targetOrg: z.string().min(1).optional(),
    instanceUrl: z.string().min(1).optional(),
    accessToken: z.string().min(1).optional(),
    json: z.boolean().default(false),
    dryRun: z.boolean().default(false),
    bulkThreshold: positiveInt('--bulk-threshold').default(2000),
    maxApiCalls: positiveInt('--max-api-calls').optional(),
    report: z.string().min(1).optional()
});

const isoDate = z
    .string()
    .refine((v) => !Number.isNaN(Date.parse(v)), '--now must be an ISO date-time.')
    .transform((v) => new Date(v).toISOString());

function parse<T>(schema: z.ZodType<T>, raw: unknown): T {
    const res = schema.safeParse(raw);
    if (!res.success) {
        throw new UserError(res.error.issues.map((i) => i.message).join('\n'), 'BAD_FLAG');
    }
    return res.data;
}

function table(rows: Record<string, unknown>[]): string {
    if (!rows.length) return '';
    const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const cell = (v: unknown) => (v === undefined || v === null ? '' : String(v));
    const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
    const line = (vals: string[]) =>
        vals
            .map((v, i) => (/^\d[\d,.]*$/.test(v) ? v.padStart(widths[i]) : v.padEnd(widths[i])))
            .join('  ')
            .trimEnd();
    return [
        line(cols),
        line(widths.map((w) => '─'.repeat(w))),
        ...rows.map((r) => line(cols.map((c) => cell(r[c]))))
    ].join('\n');
}

interface Outcome {
    result: unknown;
    human: string;
    failures?: RecordFailure[];
    warnings?: string[];
    /** Exit code override (doctor failing). */
    exit?: number;
}

class Runner {
    readonly root: string;
    readonly out: (t: string) => void;
    readonly err: (t: string) => void;
    exitCode: number = EXIT.ok;

    constructor(readonly io: RunIo) {
        this.root = io.root ?? PROJECT_ROOT;
        this.out = io.out ?? ((t) => process.stdout.write(t + '\n'));
        this.err = io.err ?? ((t) => process.stderr.write(t + '\n'));
    }

    progress(text: string): void {
        if (this.io.progress ?? process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${text}`);
    }

    endProgress(): void {
        if (this.io.progress ?? process.stderr.isTTY) process.stderr.write('\r\x1b[2K');
    }

    /** Runs a command body against a target with a counted, budgeted API client. */
    async run(
        command: string,
        rawOpts: unknown,
        body: (ctx: {
            api: Api;
            target: Target;
            opts: Common;
            warnings: string[];
        }) => Promise<Outcome>,
        onStop?: (ctx: { target: Target; error: StopError }) => void
    ): Promise<void> {
        let opts: Common = {
            json: (rawOpts as { json?: unknown } | null)?.json === true,
            dryRun: false,
            bulkThreshold: 2000
        };
        const warnings: string[] = [];
        let api: Api | undefined;
        const onSigint = () => {
            if (api) {
                warnings.push('Interrupted (Ctrl-C): stopping after the call in flight.');
                api.requestStop();
            }
        };
        process.on('SIGINT', onSigint);
        try {
            opts = parse(commonSchema, rawOpts) as Common;
            const target = await resolveTarget({
                targetOrg: opts.targetOrg,
                instanceUrl: opts.instanceUrl,
                accessToken: opts.accessToken,
                root: this.root
            });
            api = new Api(target.conn, {
                maxApiCalls: opts.maxApiCalls,
                onRetry: (what) => warnings.push(`Retried ${what}`)
            });
            this.io.onApi?.(api);
            let outcome: Outcome;
            try {
                outcome = await body({ api, target, opts, warnings });
            } catch (e) {
                if (e instanceof StopError) {
                    onStop?.({ target, error: e });
                    this.finish(
                        command,
                        opts,
                        api,
                        warnings,
                        {
                            result: { stopped: e.reason, message: e.message },
                            human: `✖ ${e.message}\n  Progress is saved: run the same command with --resume to continue.`
                        },
                        EXIT.stopped
                    );
                    return;
                }
                throw e;
            }
            let code: number = outcome.exit ?? EXIT.ok;
            if (outcome.failures?.length) {
                const file =
                    opts.report ??
                    path.join(
                        this.root,
                        '.leadloop',
                        'reports',
                        `${command}-${target.name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`
                    );
                mkdirSync(path.dirname(file), { recursive: true });
                writeFileSync(file, JSON.stringify(outcome.failures, null, 2) + '\n');
                warnings.push(
                    `${outcome.failures.length} record(s) failed; see ${path.relative(process.cwd(), file) || file}.`
                );
                (outcome.result as Record<string, unknown>).reportFile = file;
                code = EXIT.failed;
            }
            warnings.push(...(outcome.warnings ?? []));
            this.finish(command, opts, api, warnings, outcome, code);
        } catch (e) {
            this.fail(opts.json, e, warnings);
        } finally {
            process.off('SIGINT', onSigint);
        }
    }

    private finish(
        command: string,
        opts: Common,
        api: Api,
        warnings: string[],
        outcome: Outcome,
        code: number
    ): void {
        this.endProgress();
        const calls = api.calls;
        // /limits is read after the work (it is one more call, not counted in `calls`).
        this.exitCode = code;
        this.pending = this.limitsText(api).then((limits) => {
            const apiUsage = {
                calls,
                dailyRemaining: limits?.remaining ?? null,
                dailyMax: limits?.max ?? null
            };
            if (opts.json) {
                this.out(
                    JSON.stringify(
                        {
                            status: code,
                            result: { command, ...(outcome.result as object), api: apiUsage },
                            warnings
                        },
                        null,
                        2
                    )
                );
                return;
            }
            if (outcome.human) this.out(outcome.human);
            for (const w of warnings) this.err(`⚠ ${w}`);
            this.out(
                `API calls: ${calls}` +
                    (limits
                        ? ` · daily limit: ${limits.remaining.toLocaleString('en-US')} of ${limits.max.toLocaleString('en-US')} remaining`
                        : ' · daily limit: unavailable')
            );
        });
    }

    pending: Promise<void> = Promise.resolve();

    private async limitsText(api: Api): Promise<{ max: number; remaining: number } | null> {
        const saved = api.options.maxApiCalls;
        try {
            // The limits call is allowed even when the budget is spent.
            api.options.maxApiCalls = undefined;
            return await api.limits();
        } catch {
            return null;
        } finally {
            api.options.maxApiCalls = saved;
        }
    }

    fail(json: boolean, e: unknown, warnings: string[] = []): void {
        const message =
            e instanceof UserError || e instanceof CommanderError
                ? e.message
                : reduceErrors(e).join('\n') || 'Unknown error';
        this.exitCode = e instanceof UserError && e.code === 'BAD_FLAG' ? EXIT.usage : EXIT.failed;
        if (json) {
            this.out(
                JSON.stringify(
                    {
                        status: this.exitCode,
                        name: e instanceof UserError ? e.code : 'ERROR',
                        message,
                        warnings
                    },
                    null,
                    2
                )
            );
        } else {
            this.err(`✖ ${message}`);
        }
    }
}

function addCommon(cmd: Command): Command {
    return cmd
        .option(
            '-o, --target-org <alias>',
            'sf CLI alias or username, or "local" for the local org'
        )
        .option('--instance-url <url>', 'instance URL (with --access-token)')
        .option('--access-token <token>', 'access token (with --instance-url)')
        .option('--json', 'print { status, result, warnings } as JSON', false)
        .option('--dry-run', 'read and plan only: write nothing', false)
        .option('--bulk-threshold <n>', 'use Bulk API 2.0 from this many records', '2000')
        .option('--max-api-calls <n>', 'stop cleanly before spending more API calls than this')
        .option('--report <file>', 'where to write per-record failures (JSON)');
}

const EXAMPLES = `
Examples:
  $ leadloop seed --target-org local
  $ leadloop seed --target-org my-scratch --leads 1000 --dry-run
  $ leadloop score --target-org local            # incremental since the last run
  $ leadloop score --target-org prod --full --bulk-threshold 5000 --max-api-calls 500
  $ leadloop score --target-org prod --resume    # continue a run that stopped
  $ leadloop sync --from local --to my-scratch
  $ leadloop doctor --target-org my-scratch --json
  $ leadloop config set target-org local

Exit codes: 0 ok · 1 failed (or some records failed: see the report file) · 2 bad flags · 3 stopped early (run again with --resume)`;

/** Builds the program; `run` parses argv and resolves to the exit code. */
export function buildProgram(runner: Runner): Command {
    const program = new Command('leadloop')
        .description('Lead Loop: seed, score, sync and check Salesforce orgs (or the local org).')
        .showHelpAfterError('(run leadloop --help for usage)')
        .addHelpText('after', EXAMPLES)
        .exitOverride()
        .configureOutput({
            writeOut: (t) => runner.out(t.trimEnd()),
            writeErr: (t) => runner.err(t.trimEnd())
        });

    addCommon(
        program
            .command('seed')
            .description('Load the demo data set (idempotent: re-running creates nothing twice).')
            .option('--leads <n>', 'number of leads', '5000')
            .option('--seed <n>', 'random seed (same seed → same data)', '42')
            .option('--no-score', 'do not score the leads after loading')
            .option('--resume', 'continue a seed that stopped (same data set as that run)')
            .addOption(new Option('--now <iso>', 'the clock the data set is built for').hideHelp())
            .addHelpText('after', '\nExample:\n  $ leadloop seed --target-org local --leads 1000')
    ).action(async (o: Record<string, unknown>) => {
        const extra = parse(
            z.object({
                leads: positiveInt('--leads').max(1_000_000, '--leads must be at most 1,000,000.'),
                seed: z.coerce
                    .number({ error: '--seed must be a number.' })
                    .int('--seed must be a whole number.'),
                score: z.boolean().default(true),
                resume: z.boolean().default(false),
                now: isoDate.optional()
            }),
            o
        );
        let startedAt = new Date().toISOString();
        let dataOpts = {
            seed: extra.seed,
            leads: extra.leads,
            now: extra.now ?? new Date().toISOString()
        };
        await runner.run(
            'seed',
            o,
            async ({ api, target, opts }) => {
                const state = readState(runner.root, target.name);
                if (extra.resume) {
                    const cp = state.checkpoint;
                    if (cp?.command !== 'seed') {
                        throw new UserError(
                            `Nothing to resume: no stopped seed for ${target.name}.`
                        );
                    }
                    dataOpts = { seed: cp.seed!, leads: cp.leads!, now: cp.now! };
                    startedAt = cp.startedAt;
                } else if (!extra.now && state.seed && state.seed.seed === extra.seed) {
                    // Same data set as the first seed of this target (same clock): nothing twice.
                    dataOpts.now = state.seed.now;
                }
                const data = generateDemoData({ ...dataOpts, now: new Date(dataOpts.now) });
                const res = await seedOrg(target.conn, data, {
                    api,
                    bulkThreshold: opts.bulkThreshold,
                    dryRun: opts.dryRun,
                    score: extra.score,
                    onProgress: (p) => runner.progress(`Seeding ${p.object}: ${p.done}/${p.total}`)
                });
                const scored = res.scored
                    ? { leadsRead: res.scored.leadsRead, written: res.scored.written }
                    : null;
                if (!opts.dryRun) {
                    writeState(runner.root, target.name, {
                        ...readState(runner.root, target.name),
                        seed: dataOpts,
                        checkpoint: undefined,
                        ...(res.scored
                            ? {
                                  score: {
                                      watermark: res.scored.watermark,
                                      modelVersion: res.scored.modelVersion,
                                      at: new Date().toISOString()
                                  }
                              }
                            : {})
                    });
                }
                return {
                    result: { ...res, scored, data: dataOpts },
                    failures: res.failures,
                    warnings: res.warnings,
                    human:
                        `${opts.dryRun ? 'Dry run: would load' : 'Loaded'} the demo data set (seed ${dataOpts.seed}, ${dataOpts.leads} leads) into ${target.name}:\n` +
                        table(
                            res.objects.map((r) => ({
                                object: r.object,
                                records: r.total,
                                existing: r.existing,
                                [opts.dryRun ? 'would create' : 'created']: r.created,
                                failed: r.failed
                            }))
                        ) +
                        (scored ? `\nScored: ${JSON.stringify(scored)}` : '')
                };
            },
            ({ target, error }) => {
                const cp: Checkpoint = {
                    command: 'seed',
                    startedAt,
                    reason: error.reason,
                    seed: dataOpts.seed,
                    leads: dataOpts.leads,
                    now: dataOpts.now
                };
                writeState(runner.root, target.name, {
                    ...readState(runner.root, target.name),
                    checkpoint: cp
                });
            }
        );
    });

    addCommon(
        program
            .command('score')
            .description(
                'Rescore leads: incremental since the last run (by SystemModstamp of leads and activities) or --full. Writes only changed leads, only score fields.'
            )
            .option('--full', 'rescore every open lead', false)
            .option('--resume', 'continue a run that stopped (skips leads already done)', false)
            .addOption(new Option('--now <iso>', 'the scoring clock').hideHelp())
            .addHelpText(
                'after',
                '\nExample:\n  $ leadloop score --target-org local --full --dry-run'
            )
    ).action(async (o: Record<string, unknown>) => {
        const extra = parse(
            z.object({
                full: z.boolean().default(false),
                resume: z.boolean().default(false),
                now: isoDate.optional()
            }),
            o
        );
        let cp: Checkpoint | undefined;
        await runner.run(
            'score',
            o,
            async ({ api, target, opts }) => {
                const state = readState(runner.root, target.name);
                if (extra.resume) {
                    if (state.checkpoint?.command !== 'score') {
                        throw new UserError(
                            `Nothing to resume: no stopped score run for ${target.name}.`
                        );
                    }
                    cp = { ...state.checkpoint };
                } else {
                    cp = {
                        command: 'score',
                        startedAt: new Date().toISOString(),
                        reason: '',
                        full: extra.full || !state.score,
                        since: extra.full ? null : (state.score?.watermark ?? null),
                        now: extra.now ?? new Date().toISOString(),
                        lastId: null
                    };
                }
                const res = await scoreOrg(api, {
                    full: cp.full,
                    since: cp.since,
                    now: new Date(cp.now!),
                    watermarkAt: cp.startedAt,
                    resumeAfterId: cp.lastId,
                    bulkThreshold: opts.bulkThreshold,
                    dryRun: opts.dryRun,
                    onCheckpoint: (lastId) => {
                        if (cp) cp.lastId = lastId;
                    },
                    onProgress: (p) => runner.progress(`Scoring ${p.done}/${p.total}`)
                });
                if (!opts.dryRun) {
                    writeState(runner.root, target.name, {
                        ...state,
                        score: {
                            watermark: res.watermark,
                            modelVersion: res.modelVersion,
                            at: new Date().toISOString()
                        },
                        checkpoint: undefined
                    });
                }
                return {
                    result: res,
                    failures: res.failures,
                    human:
                        `${opts.dryRun ? 'Dry run: ' : ''}${res.mode} rescore of ${target.name} with model v${res.modelVersion}${res.since ? ` since ${res.since}` : ''} (${res.transport}):\n` +
                        table([
                            {
                                'leads read': res.leadsRead,
                                changed: res.leadsChanged,
                                [opts.dryRun ? 'would write' : 'written']: opts.dryRun
                                    ? res.leadsChanged
                                    : res.written,
                                failed: res.failures.length
                            }
                        ])
                };
            },
            ({ target, error }) => {
                if (!cp) return;
                writeState(runner.root, target.name, {
                    ...readState(runner.root, target.name),
                    checkpoint: { ...cp, reason: error.reason }
                });
            }
        );
    });

    program
        .command('sync')
        .description('Copy leads from one org to another by LL_Source_Id__c (idempotent).')
        .requiredOption('--from <alias>', 'source: sf alias/username or "local"')
        .requiredOption('--to <alias>', 'target: sf alias/username or "local"')
        .option('--json', 'print { status, result, warnings } as JSON', false)
        .option('--dry-run', 'read and plan only: write nothing', false)
        .option('--bulk-threshold <n>', 'use Bulk API 2.0 from this many records', '2000')
        .option('--max-api-calls <n>', 'stop cleanly before spending more API calls than this')
        .option('--report <file>', 'where to write per-record failures (JSON)')
        .addHelpText(
            'after',
            '\nExample:\n  $ leadloop sync --from local --to my-scratch --dry-run'
        )
        .action(async (o: Record<string, unknown>) => {
            await runner.run('sync', { ...o, targetOrg: o.to }, async ({ api, target, opts }) => {
                const source = await resolveTarget({
                    targetOrg: String(o.from),
                    root: runner.root
                });
                if (source.name === target.name) {
                    throw new UserError('--from and --to are the same org.');
                }
                const fromApi = new Api(source.conn, { maxApiCalls: opts.maxApiCalls });
                const res = await syncLeads(fromApi, api, {
                    bulkThreshold: opts.bulkThreshold,
                    dryRun: opts.dryRun
                });
                return {
                    result: {
                        ...res,
                        from: source.name,
                        to: target.name,
                        sourceApiCalls: fromApi.calls
                    },
                    failures: res.failures,
                    warnings: res.warnings,
                    human:
                        `${opts.dryRun ? 'Dry run: ' : ''}leads ${source.name} → ${target.name} (source API calls: ${fromApi.calls}):\n` +
                        table([
                            {
                                read: res.read,
                                created: res.created,
                                updated: res.updated,
                                unchanged: res.unchanged,
                                failed: res.failures.length
                            }
                        ])
                };
            });
        });

    addCommon(
        program
            .command('doctor')
            .description(
                "Check that the package's objects, fields, permission sets and queue are in the org."
            )
            .addHelpText('after', '\nExample:\n  $ leadloop doctor --target-org local')
    ).action(async (o: Record<string, unknown>) => {
        await runner.run('doctor', o, async ({ api, target }) => {
            const res = await doctor(api, { projectRoot: runner.io.projectRoot ?? PROJECT_ROOT });
            return {
                result: res,
                exit: res.ok ? EXIT.ok : EXIT.failed,
                human:
                    `Doctor for ${target.name}: ${res.ok ? '✔ ready' : '✖ problems found'}\n` +
                    table(
                        res.checks.map((c) => ({
                            check: c.name,
                            status: c.status,
                            details: c.message
                        }))
                    )
            };
        });
    });

    const config = program.command('config').description('Settings kept in .leadloop/config.json.');
    config
        .command('set <key> <value>')
        .description('Set a setting (target-org).')
        .addHelpText('after', '\nExample:\n  $ leadloop config set target-org local')
        .action((key: string, value: string) => {
            try {
                setConfig(runner.root, key, value);
                runner.out(`${key} = ${value}`);
            } catch (e) {
                runner.fail(false, e);
            }
        });
    config
        .command('get [key]')
        .description('Show settings.')
        .action((key?: string) => {
            const c = getConfig(runner.root) as Record<string, string | undefined>;
            runner.out(key ? (c[key] ?? '') : JSON.stringify(c, null, 2));
        });
    return program;
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function run(argv: string[], io: RunIo = {}): Promise<number> {
    const runner = new Runner(io);
    const program = buildProgram(runner);
    try {
        await program.parseAsync(argv, { from: 'user' });
    } catch (e) {
        if (e instanceof CommanderError) {
            if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
            if (e.code === 'commander.help') return 0;
            return EXIT.usage;
        }
        runner.fail(false, e);
    }
    await runner.pending;
    return runner.exitCode;
}

const invokedDirectly =
    process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
    run(process.argv.slice(2)).then(
        (code) => process.exit(code),
        (e: unknown) => {
            process.stderr.write(`✖ ${reduceErrors(e).join('\n') || 'Unknown error'}\n`);
            process.exit(1);
        }
    );
}
