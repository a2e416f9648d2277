/** RFC 4180 CSV, as Bulk API 2.0 reads and writes it. */

export class CsvError extends Error {}

/** Parses CSV text into rows; throws CsvError naming the line on malformed input. */
export function parseCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    let line = 1;
    let i = 0;
    let fieldStart = true;
    while (i < text.length) {
        const c = text[i];
        if (quoted) {
            if (c === '"') {
                if (text[i + 1] === '"') {
                    field += '"';
                    i += 2;
                    continue;
                }
                quoted = false;
                i++;
                const next = text[i];
                if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
                    throw new CsvError(
                        `CSV line ${line}: unexpected character after a closing quote.`
                    );
                }
                continue;
            }
            if (c === '\n') line++;
            field += c;
            i++;
            continue;
        }
        if (c === '"' && fieldStart) {
            quoted = true;
            fieldStart = false;
            i++;
            continue;
        }
        if (c === '"') throw new CsvError(`CSV line ${line}: a quote inside an unquoted field.`);
        if (c === ',') {
            row.push(field);
            field = '';
            fieldStart = true;
            i++;
            continue;
        }
        if (c === '\r' || c === '\n') {
            row.push(field);
            rows.push(row);
            row = [];
            field = '';
            fieldStart = true;
            if (c === '\r' && text[i + 1] === '\n') i++;
            i++;
            line++;
            continue;
        }
        field += c;
        fieldStart = false;
        i++;
    }
    if (quoted) throw new CsvError(`CSV line ${line}: a quoted field is never closed.`);
    if (field !== '' || row.length) {
        row.push(field);
        rows.push(row);
    }
    return rows;
}

function cell(v: unknown): string {
    // The platform quotes every value in the CSV it returns (nulls as ""): clients such as
    // jsforce parse results with every Bulk 2.0 delimiter at once (, ; | ^ ` tab), so an
    // unquoted "Call; no answer" would split into two columns.
    if (v === null || v === undefined) return '""';
    const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
    return `"${s.replace(/"/g, '""')}"`;
}

export function toCsv(header: string[], rows: unknown[][]): string {
    return (
        [header.map(cell).join(','), ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n'
    );
}
