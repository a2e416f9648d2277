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

/** A data row of an upload, as many values as the header has columns; `error` when it had not. */
export interface CsvRow {
    values: string[];
    error?: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The uploads of one Bulk 2.0 job as one table under the first upload's header. A header
 * naming a column twice, or a later upload with other columns, is a CsvError (the job fails);
 * a later upload's columns are mapped by name, whatever their order; a row with more or
 * fewer values than its header carries an `error` (that row fails, the others go on).
 */
export function readCsvUploads(texts: string[]): { header: string[]; rows: CsvRow[] } {
    let header: string[] = [];
    const rows: CsvRow[] = [];
    texts.forEach((text, upload) => {
        const [own = [], ...data] = parseCsv(text);
        const names = own.map((h) => h.trim().toLowerCase());
        const twice = names.find((n, i) => names.indexOf(n) !== i);
        if (twice !== undefined)
            throw new CsvError(
                `The header of upload ${upload + 1} names the column ${own[names.indexOf(twice)].trim()} more than once.`
            );
        if (upload === 0) header = own;
        const first = header.map((h) => h.trim().toLowerCase());
        const order = first.map((n) => names.indexOf(n));
        if (names.length !== first.length || order.includes(-1))
            throw new CsvError(
                `Upload ${upload + 1} has other columns (${own.join(', ')}) than the first upload (${header.join(', ')}).`
            );
        data.forEach((values, i) => {
            const row: CsvRow = { values: order.map((at) => values[at] ?? '') };
            if (values.length !== own.length)
                row.error = `Row ${i + 1} of upload ${upload + 1} has ${plural(values.length, 'value')}; the header has ${plural(own.length, 'column')}.`;
            rows.push(row);
        });
    });
    return { header, rows };
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
