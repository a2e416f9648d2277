/**
 * Date arithmetic on ISO strings, in UTC, with the clock passed in so that
 * every result is deterministic for the same inputs.
 */
import type { IsoDate, IsoDateTime } from './types';

export const MS_PER_DAY = 86_400_000;

/** Milliseconds since the epoch for an ISO date or date-time; NaN if invalid. */
export function toEpochMs(value: IsoDate | IsoDateTime | null | undefined): number {
    if (!value) {
        return Number.NaN;
    }
    // A bare date is midnight UTC, as Salesforce date fields carry no zone.
    const text = value.length === 10 ? `${value}T00:00:00.000Z` : value;
    return Date.parse(text);
}

/** Whole days from `from` to `to` (floored); NaN if either is missing. */
export function daysBetween(
    from: IsoDate | IsoDateTime | null | undefined,
    to: IsoDate | IsoDateTime | Date
): number {
    const end = to instanceof Date ? to.getTime() : toEpochMs(to);
    const start = toEpochMs(from);
    return Math.floor((end - start) / MS_PER_DAY);
}

/** The ISO calendar date (UTC) of a moment. */
export function isoDate(moment: Date): IsoDate {
    return moment.toISOString().slice(0, 10);
}

/** The calendar date `days` after the given moment (UTC). */
export function addDays(moment: Date, days: number): IsoDate {
    return isoDate(new Date(moment.getTime() + days * MS_PER_DAY));
}

/** The later of two optional ISO dates/date-times (null if both missing). */
export function latest<T extends string>(
    a: T | null | undefined,
    b: T | null | undefined
): T | null {
    if (!a) {
        return b ?? null;
    }
    if (!b) {
        return a;
    }
    return toEpochMs(a) >= toEpochMs(b) ? a : b;
}
