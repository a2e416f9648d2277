/**
 * Bulk API 2.0 CSV (RFC 4180) through csv-parse / csv-stringify, as the
 * platform reads and writes it: records end with LF or CRLF, every value the
 * org writes is quoted (nulls as "").
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

export class CsvError extends Error {}

/** Parses CSV text into rows; throws CsvError naming the line on malformed input. */
export function parseCsv(text: string): string[][] {
    try {
        return parse(text, {
            bom: true,
            relax_column_count: true,
            record_delimiter: ['\r\n', '\n', '\r']
        }) as string[][];
    } catch (e) {
        const line = (e as { lines?: number }).lines;
        const reason = (e as Error).message.replace(/ at line \d+/, '');
        throw new CsvError(line ? `CSV line ${line}: ${reason}` : reason);
    }
}

/**
 * The platform quotes every value in the CSV it returns (nulls as ""): clients such as
 * jsforce parse results with every Bulk 2.0 delimiter at once (, ; | ^ ` tab), so an
 * unquoted "Call; no answer" would split into two columns.
 */
export function toCsv(header: string[], rows: unknown[][]): string {
    return stringify([header, ...rows], {
        quoted: true,
        quoted_empty: true,
        record_delimiter: '\n',
        cast: {
            boolean: (v) => String(v),
            number: (v) => String(v),
            bigint: (v) => String(v),
            date: (v) => v.toISOString(),
            object: (v) => JSON.stringify(v)
        }
    });
}
