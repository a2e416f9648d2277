/**
 * Bulk API 2.0 CSV (RFC 4180) as the platform reads and writes it: records
 * end with LF or CRLF, every value the org writes is quoted (nulls as "").
 * Read with csv-parse (and, for uploads, csvReader.ts).
 */
import { parse } from 'csv-parse/sync';

export class CsvError extends Error {}

/** Parses CSV text (in a job's format) into rows; throws CsvError naming the line on malformed input. */
export function parseCsv(text: string, format?: CsvFormat): string[][] {
    try {
        return parse(text, csvReadOptions(format)) as string[][];
    } catch (e) {
        throw csvError(e);
    }
}

/** A data row of an upload, as many values as the header has columns; `error` when it had not. */
export interface CsvRow {
    values: string[];
    error?: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The options every Bulk 2.0 CSV read uses (LF, CRLF or CR records; a BOM ignored). */
export const CSV_OPTIONS = {
    bom: true,
    relax_column_count: true,
    record_delimiter: ['\r\n', '\n', '\r']
};

/** Bulk 2.0's `columnDelimiter` values and the characters they name. */
export const COLUMN_DELIMITERS: Record<string, string> = {
    BACKQUOTE: '`',
    CARET: '^',
    COMMA: ',',
    PIPE: '|',
    SEMICOLON: ';',
    TAB: '\t'
};

/** Bulk 2.0's `lineEnding` values and the record ends they name. */
export const LINE_ENDINGS: Record<string, string> = { LF: '\n', CRLF: '\r\n' };

/** How a job's CSV is laid out: its `columnDelimiter` and `lineEnding` (COMMA and LF when unset). */
export interface CsvFormat {
    columnDelimiter?: string;
    lineEnding?: string;
}

/** The read options for a job's uploads: its column delimiter, any line ending. */
export function csvReadOptions(format: CsvFormat = {}) {
    return { ...CSV_OPTIONS, delimiter: COLUMN_DELIMITERS[format.columnDelimiter ?? 'COMMA'] };
}

/**
 * Reads the uploads of one Bulk 2.0 job as one table under the first upload's header. A
 * header naming a column twice, or a later upload with other columns, is a CsvError (the job
 * fails); a later upload's columns are mapped by name, whatever their order; a row with more
 * or fewer values than its header carries an `error` (that row fails, the others go on).
 */
export class UploadTable {
    header: string[] = [];
    private own: string[] = [];
    private order: number[] = [];
    private upload = 0;
    private rowInUpload = 0;

    /** The next upload's header row. */
    startUpload(own: string[]): void {
        this.upload += 1;
        this.rowInUpload = 0;
        const names = own.map((h) => h.trim().toLowerCase());
        const twice = names.find((n, i) => names.indexOf(n) !== i);
        if (twice !== undefined)
            throw new CsvError(
                `The header of upload ${this.upload} names the column ${own[names.indexOf(twice)].trim()} more than once.`
            );
        if (this.upload === 1) this.header = own;
        const first = this.header.map((h) => h.trim().toLowerCase());
        const order = first.map((n) => names.indexOf(n));
        if (names.length !== first.length || order.includes(-1))
            throw new CsvError(
                `Upload ${this.upload} has other columns (${own.join(', ')}) than the first upload (${this.header.join(', ')}).`
            );
        this.own = own;
        this.order = order;
    }

    /** A data row of the current upload, in the first upload's column order. */
    row(values: string[]): CsvRow {
        this.rowInUpload += 1;
        const row: CsvRow = { values: this.order.map((at) => values[at] ?? '') };
        if (values.length !== this.own.length)
            row.error = `Row ${this.rowInUpload} of upload ${this.upload} has ${plural(values.length, 'value')}; the header has ${plural(this.own.length, 'column')}.`;
        return row;
    }
}

/** The uploads (as text) of one job as one table (see UploadTable). */
export function readCsvUploads(texts: string[]): { header: string[]; rows: CsvRow[] } {
    const table = new UploadTable();
    const rows: CsvRow[] = [];
    for (const text of texts) {
        const [own = [], ...data] = parseCsv(text);
        table.startUpload(own);
        for (const values of data) rows.push(table.row(values));
    }
    return { header: table.header, rows };
}

/** A CsvError naming the line, from a csv-parse error. */
export function csvError(e: unknown): CsvError {
    if (e instanceof CsvError) return e;
    const line = (e as { lines?: number }).lines;
    const reason = (e as Error).message.replace(/ at line \d+/, '');
    return new CsvError(line ? `CSV line ${line}: ${reason}` : reason);
}

/**
 * The platform quotes every value in the CSV it returns (nulls as ""): clients such as
 * jsforce parse results with every Bulk 2.0 delimiter at once (, ; | ^ ` tab), so an
 * unquoted "Call; no answer" would split into two columns.
 */
export function toCsv(header: string[], rows: unknown[][], format?: CsvFormat): string {
    return toCsvRows([header, ...rows], format);
}

/**
 * Rows (no header added) as the platform writes them, in the job's format; for results written
 * in parts. Written here rather than by csv-stringify (what csv.test.ts checks it against):
 * with every value quoted there is nothing to decide per value, and result files are written
 * by the 100,000.
 */
export function toCsvRows(rows: unknown[][], format: CsvFormat = {}): string {
    const delimiter = COLUMN_DELIMITERS[format.columnDelimiter ?? 'COMMA'];
    const lineEnding = LINE_ENDINGS[format.lineEnding ?? 'LF'];
    let out = '';
    for (const row of rows) {
        for (let i = 0; i < row.length; i++) {
            const text = csvText(row[i]);
            out += `${i ? `${delimiter}"` : '"'}${text.includes('"') ? text.replaceAll('"', '""') : text}"`;
        }
        out += lineEnding;
    }
    return out;
}

/** A value as CSV text: nulls empty, dates in ISO 8601, objects as JSON. */
function csvText(v: unknown): string {
    if (typeof v === 'string') return v;
    if (v === null || v === undefined) return '';
    if (v instanceof Date) return v.toISOString();
    if (typeof v === 'object') return JSON.stringify(v);
    return String(v);
}
