/**
 * The base of every `leadloop` command (an oclif command, so the same classes run as the
 * standalone `leadloop` bin and as an sf CLI plugin: `sf leadloop score -o prod`).
 *
 * `LeadloopCommand` parses the flags (a bad flag or flag combination is exit 2), prints
 * the outcome as text or as `--json`, and turns errors into `{ status, name, message }`
 * without a stack. `OrgCommand` adds the run against one org: resolve the target, a
 * counted and budgeted API client, a report file for per-record failures (exit 1), a
 * clean stop with a checkpoint (exit 3), and the API usage line at the end.
 */
import { Command, type Interfaces } from '@oclif/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Api, StopError } from './api/index';
import { listenForSignals, onInterrupt } from './signals';
import { apiUsageText, errorJson, EXIT, UsageError, type Outcome } from './output';
import { resolveTarget, type Target } from './target';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** How a run talks to its surroundings (tests run commands in-process with their own). */
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

/** The parsed flags of a command class. */
export type FlagsOf<T extends { flags: Interfaces.FlagInput }> = Interfaces.InferredFlags<
    T['flags']
>;

export abstract class LeadloopCommand extends Command {
    /** Set when the command runs embedded (`run()` in bin.ts); unset under oclif/sf. */
    io?: RunIo;
    exitCode: number = EXIT.ok;
    protected warnings: string[] = [];

    /** Where `.leadloop/` lives: `LEADLOOP_ROOT` if set (e.g. a scheduled job's), else the project. */
    get root(): string {
        return this.io?.root ?? (process.env.LEADLOOP_ROOT || PROJECT_ROOT);
    }

    /** The command as the user types it after `leadloop` (`score`, `config set`). */
    get commandName(): string {
        return (this.id ?? '').split(':').slice(1).join(' ');
    }

    protected get json(): boolean {
        return this.argv.includes('--json');
    }

    out(text: string): void {
        if (this.io?.out) this.io.out(text);
        else process.stdout.write(text + '\n');
    }

    err(text: string): void {
        if (this.io?.err) this.io.err(text);
        else process.stderr.write(text + '\n');
    }

    /** The command's body; throws UserError/UsageError for what the user must fix. */
    protected abstract execute(): Promise<void>;

    /** Parses the flags of `cls`; a parse error is a UsageError (exit 2). */
    protected async flags<T extends { flags: Interfaces.FlagInput; args?: Interfaces.ArgInput }>(
        cls: T
    ): Promise<{ flags: FlagsOf<T>; args: Record<string, string | undefined> }> {
        try {
            const { flags, args } = await this.parse(cls as never);
            return { flags: flags as FlagsOf<T>, args: args as Record<string, string | undefined> };
        } catch (e) {
            // Everything the parser refuses is the user's input (a flag, a value, a combination).
            const message = (e instanceof Error ? e.message : String(e))
                .replace(/\nSee more help with --help$/, '')
                .replace(/^The following errors? occurred:\n\s*/, '')
                .replace(/^Parsing --[\w-]+ \n\t/, '');
            throw new UsageError(
                `${message.trim()}\n(run leadloop ${this.commandName} --help for usage)`
            );
        }
    }

    async run(): Promise<number> {
        try {
            await this.execute();
        } catch (e) {
            this.fail(e);
        }
        // Under oclif (sf plugin) the process exit code carries the outcome.
        if (!this.io) process.exitCode = this.exitCode;
        return this.exitCode;
    }

    protected fail(e: unknown): void {
        const body = errorJson(e, this.warnings);
        this.exitCode = body.status;
        if (this.json) this.out(JSON.stringify(body, null, 2));
        else this.err(`✖ ${body.message}`);
    }

    /** Runs this command embedded (no process exit); resolves to the exit code. */
    async runEmbedded(io: RunIo): Promise<number> {
        this.io = io;
        await this.init();
        return this.run();
    }
}

/** What a command's work gets: the client, the target, the shared flags, warnings. */
export interface OrgContext {
    api: Api;
    target: Target;
    dryRun: boolean;
    bulkThreshold: number;
    warnings: string[];
    /** Every flag of the command, parsed (cast with `FlagsOf<typeof TheCommand>`). */
    flags: Record<string, unknown>;
}

type SharedFlags = {
    'target-org'?: string;
    'instance-url'?: string;
    'access-token'?: string;
    'dry-run': boolean;
    'bulk-threshold': number;
    'max-api-calls'?: number;
    report?: string;
};

function interruptedStop(): StopError {
    return new StopError('INTERRUPTED', 'Interrupted: stopped before the next API call.');
}

export abstract class OrgCommand extends LeadloopCommand {
    /** The target flags as given (sync passes --to as the target). */
    protected targetOf(
        flags: SharedFlags
    ): Pick<SharedFlags, 'target-org' | 'instance-url' | 'access-token'> {
        return flags;
    }

    /** Checks flags against each other before anything runs (throw UsageError: exit 2). */
    protected checkFlags?(flags: Record<string, unknown>): void;

    /** The command's work against the resolved target. */
    protected abstract work(ctx: OrgContext): Promise<Outcome>;

    /** Saves what `--resume` needs after a clean stop. */
    protected saveCheckpoint?(target: Target, error: StopError): void;

    progress(text: string): void {
        if (this.io?.progress ?? process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${text}`);
    }

    protected async execute(): Promise<void> {
        const { flags } = (await this.flags(this.ctor as never)) as { flags: SharedFlags };
        this.checkFlags?.(flags);
        const t = this.targetOf(flags);
        const target = await resolveTarget({
            targetOrg: t['target-org'],
            instanceUrl: t['instance-url'],
            accessToken: t['access-token'],
            root: this.root
        });
        const api = new Api(target.conn, {
            maxApiCalls: flags['max-api-calls'],
            onRetry: (what) => this.warnings.push(`Retried ${what}`)
        });
        this.io?.onApi?.(api);
        // The bin listens from the start; under oclif/sf or in-process, for this run.
        const release = listenForSignals();
        const unregister = onInterrupt({
            stop: (signal) => {
                this.warnings.push(`Interrupted (${signal}): stopping after the call in flight.`);
                api.requestStop();
            },
            force: () => this.saveCheckpoint?.(target, interruptedStop())
        });
        let outcome: Outcome;
        let code: number;
        try {
            outcome = await this.work({
                api,
                target,
                dryRun: flags['dry-run'],
                bulkThreshold: flags['bulk-threshold'],
                warnings: this.warnings,
                flags
            });
            code = outcome.exit ?? EXIT.ok;
        } catch (e) {
            if (!(e instanceof StopError)) throw e;
            this.saveCheckpoint?.(target, e);
            outcome = {
                result: { stopped: e.reason, message: e.message },
                human: `✖ ${e.message}\n  Progress is saved: run the same command with --resume to continue.`
            };
            code = EXIT.stopped;
        } finally {
            unregister();
            release();
        }
        if (outcome.failures?.length) {
            outcome.result.reportFile = this.writeReport(flags.report, target, outcome);
            code = EXIT.failed;
        }
        this.warnings.push(...(outcome.warnings ?? []));
        await this.finish(api, outcome, code);
    }

    private writeReport(given: string | undefined, target: Target, outcome: Outcome): string {
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        const file =
            given ??
            path.join(
                this.root,
                '.leadloop',
                'reports',
                `${this.commandName}-${target.name}-${stamp}.json`
            );
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, JSON.stringify(outcome.failures, null, 2) + '\n');
        this.warnings.push(
            `${outcome.failures!.length} record(s) failed; see ${path.relative(process.cwd(), file) || file}.`
        );
        return file;
    }

    private async finish(api: Api, outcome: Outcome, code: number): Promise<void> {
        if (this.io?.progress ?? process.stderr.isTTY) process.stderr.write('\r\x1b[2K');
        const calls = api.calls;
        // /limits is read after the work: one more call, not counted, allowed past the budget.
        const saved = api.options.maxApiCalls;
        api.options.maxApiCalls = undefined;
        const limits = await api.limits().catch(() => null);
        api.options.maxApiCalls = saved;
        this.exitCode = code;
        if (this.json) {
            const apiUsage = {
                calls,
                dailyRemaining: limits?.remaining ?? null,
                dailyMax: limits?.max ?? null
            };
            const result = { command: this.commandName, ...outcome.result, api: apiUsage };
            this.out(JSON.stringify({ status: code, result, warnings: this.warnings }, null, 2));
            return;
        }
        if (outcome.human) this.out(outcome.human);
        for (const w of this.warnings) this.err(`⚠ ${w}`);
        if (outcome.piped) this.err(apiUsageText(calls, limits));
        else this.out(apiUsageText(calls, limits));
    }
}
