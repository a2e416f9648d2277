/**
 * Flags shared by the `leadloop` commands, defined once (as `@salesforce/plugin-data`
 * does): where a command runs, how it reports, and how much it may spend. A command
 * spreads the groups it takes into its own `static flags`.
 */
import { Flags } from '@oclif/core';

/** A whole number of at least 1 (`--bulk-threshold`, `--max-api-calls`, `--leads`). */
export function positiveInt(name: string, opts: { max?: number } = {}) {
    return Flags.custom<number>({
        parse: async (input) => {
            if (!/^\s*\d+\s*$/.test(input) || !Number.isSafeInteger(Number(input))) {
                throw new Error(`--${name} must be a whole number.`);
            }
            const n = Number(input);
            if (n < 1) throw new Error(`--${name} must be at least 1.`);
            if (opts.max !== undefined && n > opts.max) {
                throw new Error(`--${name} must be at most ${opts.max.toLocaleString('en-US')}.`);
            }
            return n;
        }
    });
}

/** An ISO date-time, normalised to UTC (`--now`: the clock a run or data set is built for). */
export const isoDateTime = Flags.custom<string>({
    parse: async (input) => {
        if (Number.isNaN(Date.parse(input))) throw new Error('--now must be an ISO date-time.');
        return new Date(input).toISOString();
    }
});

/** Where the command runs: an sf alias/username or `local`, or a URL and a token. */
export const targetFlags = {
    'target-org': Flags.string({
        char: 'o',
        summary: 'sf CLI alias or username, or "local" for the local org.',
        description: 'Without it, the default from `leadloop config set target-org` is used.',
        exclusive: ['instance-url', 'access-token']
    }),
    'instance-url': Flags.string({
        summary: 'Instance URL (with --access-token).',
        dependsOn: ['access-token']
    }),
    'access-token': Flags.string({
        summary: 'Access token (with --instance-url).',
        dependsOn: ['instance-url']
    })
};

/** `--json`: one object `{ status, result, warnings }` (or `{ status, name, message }`). */
export const jsonFlag = {
    json: Flags.boolean({ summary: 'Print { status, result, warnings } as JSON.', default: false })
};

/** How a run reads and writes, and how much it may spend. */
export const runFlags = {
    ...jsonFlag,
    'dry-run': Flags.boolean({ summary: 'Read and plan only: write nothing.', default: false }),
    'bulk-threshold': positiveInt('bulk-threshold')({
        summary: 'Use Bulk API 2.0 from this many records.',
        default: 2000
    }),
    'max-api-calls': positiveInt('max-api-calls')({
        summary: 'Stop cleanly before spending more API calls than this.'
    }),
    report: Flags.string({ summary: 'Where to write per-record failures (JSON).' })
};

/** The flags of a command that runs against one org. */
export const orgFlags = { ...targetFlags, ...runFlags };

/** `--resume`: continue the run that stopped (its checkpoint in .leadloop/state). */
export function resumeFlag(summary: string, exclusive: string[] = []) {
    return Flags.boolean({ summary, default: false, exclusive });
}

/** `--now`: hidden; tests and the demo data set fix the clock with it. */
export function nowFlag(summary: string) {
    return isoDateTime({ summary, hidden: true });
}
