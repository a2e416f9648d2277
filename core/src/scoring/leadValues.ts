/**
 * Reading lead, activity and campaign values for scoring without trusting them: text,
 * whole words, numbers, filled-in checks and dates. Nothing here throws or returns NaN
 * where a value is expected; bad values read as empty. Word and date parsing are cached
 * (bounded) because titles, subjects and activity dates repeat a lot across leads.
 */
/** A value as text, or '' when it is not a string or finite number. */
export function text(value: unknown): string {
    if (typeof value === 'string') {
        return value;
    }
    if (typeof value === 'number' && Number.isFinite(value)) {
        return String(value);
    }
    return '';
}

const NON_WORD = /[^\p{L}\p{N}]+/gu;

/** Lower-case words between single spaces, uncached (for values unique per lead). */
export function wordsOf(raw: string): string {
    const words = raw.toLowerCase().replace(NON_WORD, ' ').trim();
    return words ? ` ${words} ` : '';
}

/** Normalized texts, bounded: titles and subjects repeat a lot across leads. */
const wordsCache = new Map<string, string>();
const WORDS_CACHE_LIMIT = 50_000;

/** Lower-case words separated and surrounded by single spaces, for whole-word matching. */
export function normalizeWords(value: unknown): string {
    const raw = text(value);
    if (!raw) {
        return '';
    }
    let cached = wordsCache.get(raw);
    if (cached === undefined) {
        cached = wordsOf(raw);
        if (wordsCache.size >= WORDS_CACHE_LIMIT) {
            wordsCache.clear();
        }
        wordsCache.set(raw, cached);
    }
    return cached;
}

export function normalizeValue(value: unknown): string {
    return text(value).trim().toLowerCase();
}

export function finiteNumber(value: unknown): number | null {
    if (typeof value === 'number') {
        return Number.isFinite(value) ? value : null;
    }
    if (typeof value === 'string' && value.trim() !== '') {
        const n = Number(value);
        return Number.isFinite(n) ? n : null;
    }
    return null;
}

export function isFilled(value: unknown): boolean {
    if (typeof value === 'string') {
        return value.trim().length > 0;
    }
    if (typeof value === 'number') {
        return Number.isFinite(value);
    }
    return value === true;
}

/** Parsed dates, bounded: activity dates repeat a lot and Date.parse dominates otherwise. */
const epochCache = new Map<string, number>();
const EPOCH_CACHE_LIMIT = 50_000;

/** Epoch ms of an ISO date or date-time given in any shape; NaN when not a valid date. */
export function epochOf(value: unknown): number {
    if (typeof value !== 'string' || value.length < 10) {
        return Number.NaN;
    }
    let ms = epochCache.get(value);
    if (ms === undefined) {
        ms = Date.parse(value.length === 10 ? `${value}T00:00:00.000Z` : value);
        if (epochCache.size >= EPOCH_CACHE_LIMIT) {
            epochCache.clear();
        }
        epochCache.set(value, ms);
    }
    return ms;
}

/** The calendar date of a parsed date string (ISO strings start with it). */
export function dateLabel(ms: number, raw: string): string {
    return /^\d{4}-\d{2}-\d{2}/.test(raw)
        ? raw.slice(0, 10)
        : new Date(ms).toISOString().slice(0, 10);
}
