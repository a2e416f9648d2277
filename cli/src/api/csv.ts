/**
 * Bulk API 2.0 CSV, read with csv-parse and written with csv-stringify (the local org uses
 * the same libraries): comma, LF, a header row. Rows read come back in the REST shape
 * (`restShape`), so callers never see the difference between a Bulk and a REST read.
 */
import { parse } from 'csv-parse/sync';
import { stringify, type Options as StringifyOptions } from 'csv-stringify/sync';

export type SObjectRecord = Record<string, unknown>;

/** Bulk API 2.0 takes up to 100 MB of CSV per ingest upload; the margin covers the columns
 * that other rows of a job add to a row (`csvRowBytes` counts only the row's own values). */
export const MAX_INGEST_CSV_BYTES = 95 * 1024 * 1024;

const WRITE: StringifyOptions = {
    record_delimiter: 'unix',
    // Values with edge spaces are quoted so that no reader trims them.
    quoted_match: /^\s|\s$/,
    cast: {
        boolean: (v) => (v ? 'true' : 'false'),
        date: (v) => v.toISOString(),
        number: (v) => String(v)
    }
};

/** The ingest CSV: a header of `columns`, then one row per record (missing → ''). */
export function toCsv(rows: SObjectRecord[], columns: string[]): string {
    const body = rows.map((r) => columns.map((c) => r[c] ?? ''));
    return stringify([columns, ...body], WRITE);
}

/** The bytes a record takes as a row of the ingest CSV (`#N/A` for nulls, as bulkWrite sends). */
export function csvRowBytes(record: SObjectRecord): number {
    const values = Object.values(record).map((v) => (v === null ? '#N/A' : (v ?? '')));
    return Buffer.byteLength(stringify([values], WRITE));
}

/** A CSV document with a header row → one object per row, values as text. */
export function fromCsv(text: string): SObjectRecord[] {
    if (!text.trim()) return [];
    return parse(text, { columns: true, skip_empty_lines: false, relax_column_count: false });
}

/**
 * A Bulk CSV row in the REST shape: empty text is null and `A.B` columns become nested
 * objects. Numbers and booleans stay text; core's record readers type them.
 */
export function restShape(row: SObjectRecord): SObjectRecord {
    const out: SObjectRecord = {};
    for (const [k, raw] of Object.entries(row)) {
        const v = raw === '' ? null : raw;
        const dot = k.indexOf('.');
        if (dot > 0) {
            const parent = k.slice(0, dot);
            out[parent] = { ...((out[parent] as SObjectRecord) ?? {}), [k.slice(dot + 1)]: v };
        } else {
            out[k] = v;
        }
    }
    return out;
}
