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
    const fast = parseUtcIso(value);
    if (fast !== null) {
        return fast;
    }
    // A bare date is midnight UTC, as Salesforce date fields carry no zone.
    const text = value.length === 10 ? `${value}T00:00:00.000Z` : value;
    return Date.parse(text);
}

/** Digits of `text` from `start` to `end` as a number, or -1 if any is not a digit. */
function digits(text: string, start: number, end: number): number {
    let n = 0;
    for (let i = start; i < end; i++) {
        const d = text.charCodeAt(i) - 48;
        if (d < 0 || d > 9) return -1;
        n = n * 10 + d;
    }
    return n;
}

/**
 * The common shapes the platform returns (`2026-11-22`, `2026-11-22T10:00:00.000Z`,
 * also without milliseconds, or with `+0000` as REST writes it), read without Date.parse
 * or Date.UTC: metrics over a million leads parse millions of dates. Null for anything
 * else (and for days the month lacks, hour 24 or years before 100, which Date.parse
 * treats its own way), so results never differ.
 */
function parseUtcIso(text: string): number | null {
    // REST/SOQL write UTC as `+0000`; the rest of the text is the same.
    const len = text.length === 28 && text.endsWith('+0000') ? 24 : text.length;
    if ((len !== 10 && len !== 20 && len !== 24) || text[4] !== '-' || text[7] !== '-') {
        return null;
    }
    const year = digits(text, 0, 4);
    const month = digits(text, 5, 7);
    const day = digits(text, 8, 10);
    if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
        return null;
    }
    const dayMs = daysFromCivil(year, month, day) * MS_PER_DAY;
    if (len === 10) return dayMs;
    const zone = len !== text.length || text[len - 1] === 'Z';
    if (text[10] !== 'T' || text[13] !== ':' || text[16] !== ':' || !zone) {
        return null;
    }
    const hour = digits(text, 11, 13);
    const minute = digits(text, 14, 16);
    const second = digits(text, 17, 19);
    const ms = len === 24 ? (text[19] === '.' ? digits(text, 20, 23) : -1) : 0;
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || ms < 0) {
        return null;
    }
    return dayMs + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
}

function daysInMonth(year: number, month: number): number {
    if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
    const y = month <= 2 ? year - 1 : year;
    const era = Math.floor(y / 400);
    const yearOfEra = y - era * 400;
    const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
    const dayOfEra =
        yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
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
