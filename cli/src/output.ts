/**
 * What a `leadloop` run prints: exit codes, the `--json` shapes of the sf CLI
 * (`{ status, result, warnings }` / `{ status, name, message, warnings }`), human tables.
 */
import { reduceErrors } from '../../core/src/index';
import { UserError, type RecordFailure } from './api/index';

/** Exit codes, as README.md "The CLI" documents them. */
export const EXIT = { ok: 0, failed: 1, usage: 2, stopped: 3 } as const;

/** What a command's work produced. */
export interface Outcome {
    result: Record<string, unknown>;
    human: string;
    failures?: RecordFailure[];
    warnings?: string[];
    /** Exit code override (doctor failing). */
    exit?: number;
}

/** A flag or argument the user got wrong (exit 2). */
export class UsageError extends UserError {
    constructor(message: string) {
        super(message, 'BAD_FLAG', true);
    }
}

/** A left-aligned text table (numbers right-aligned) under a header rule. */
export function table(rows: Record<string, unknown>[]): string {
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

/** The exit code and the `{ status, name, message }` of an error. */
export function errorJson(e: unknown, warnings: string[] = []) {
    const status = e instanceof UserError && e.usage ? EXIT.usage : EXIT.failed;
    const message =
        e instanceof UserError ? e.message : reduceErrors(e).join('\n') || 'Unknown error';
    return { status, name: e instanceof UserError ? e.code : 'ERROR', message, warnings };
}

export function apiUsageText(
    calls: number,
    limits: { max: number; remaining: number } | null
): string {
    return (
        `API calls: ${calls}` +
        (limits
            ? ` · daily limit: ${limits.remaining.toLocaleString('en-US')} of ${limits.max.toLocaleString('en-US')} remaining`
            : ' · daily limit: unavailable')
    );
}
