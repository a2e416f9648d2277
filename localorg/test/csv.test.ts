/**
 * The org's own CSV reading and writing match the libraries it documents: the Bulk 2.0 upload
 * reader reads as csv-parse does with CSV_OPTIONS (the same rows for any text cut into chunks
 * anywhere, an error wherever csv-parse has one), and result files are written as
 * csv-stringify writes them with every value quoted.
 */
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { CSV_OPTIONS, CsvError, toCsvRows } from '../src/csv';
import { CsvReader } from '../src/csvReader';

function readInChunks(text: string, cuts: number[], delimiter = ','): string[][] {
    const bytes = Buffer.from(text);
    const reader = new CsvReader(delimiter);
    const rows: string[][] = [];
    let from = 0;
    for (const cut of [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)) {
        rows.push(...reader.push(bytes.subarray(from, cut)));
        from = cut;
    }
    rows.push(...reader.push(bytes.subarray(from)));
    rows.push(...reader.end());
    return rows;
}

/**
 * The rows read, or that the text is malformed (the line csv-parse blames inside a quoted field
 * varies with its record delimiters; the reader counts lines as an editor does).
 */
function outcome(read: () => string[][]): { rows: string[][] } | 'malformed' {
    try {
        return { rows: read() };
    } catch {
        return 'malformed';
    }
}

const csvText = fc
    .array(fc.constantFrom('a', 'bc', ',', '"', '""', '\n', '\r', '\r\n', ' ', 'é', '😀', ';'), {
        maxLength: 40
    })
    .map((parts) => parts.join(''));

describe('the Bulk 2.0 upload reader', () => {
    it('reads any text as csv-parse does, however it is cut into chunks', () => {
        fc.assert(
            fc.property(csvText, fc.array(fc.nat(200), { maxLength: 6 }), (text, cuts) => {
                const expected = outcome(() => parse(text, CSV_OPTIONS) as string[][]);
                expect(outcome(() => readInChunks(text, cuts))).toEqual(expected);
            }),
            { numRuns: 3_000 }
        );
    });

    it('reads other column delimiters as csv-parse does', () => {
        fc.assert(
            fc.property(csvText, fc.array(fc.nat(200), { maxLength: 4 }), (text, cuts) => {
                const expected = outcome(
                    () => parse(text, { ...CSV_OPTIONS, delimiter: ';' }) as string[][]
                );
                expect(outcome(() => readInChunks(text, cuts, ';'))).toEqual(expected);
            }),
            { numRuns: 1_000 }
        );
    });

    it('ignores a BOM, and names the line of an error', () => {
        expect(readInChunks('\uFEFFId,Name\n1,"a\nb"\r\n2,c', [1, 2, 5])).toEqual([
            ['Id', 'Name'],
            ['1', 'a\nb'],
            ['2', 'c']
        ]);
        expect(() => readInChunks('a,b\n1,"x"y\n', [])).toThrow(CsvError);
        expect(() => readInChunks('a,b\n1,2\n3,"open\n', [])).toThrow(
            /CSV line 4: Quote Not Closed/
        );
        expect(() => readInChunks('a,b\nx"y,2\n', [])).toThrow(/CSV line 2: Invalid Opening Quote/);
    });
});

describe('result files', () => {
    it('are written as csv-stringify writes them, every value quoted', () => {
        const value = fc.oneof(
            fc.string({ unit: fc.constantFrom('a', '"', ',', '\n', '\r', ' ', 'é', '😀') }),
            fc.constantFrom(null, undefined, true, false, 0, -1.5, 12345678901234),
            fc.date({ noInvalidDate: true }),
            fc.dictionary(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), {
                maxKeys: 2
            })
        );
        fc.assert(
            fc.property(fc.array(fc.array(value, { maxLength: 5 }), { maxLength: 5 }), (rows) => {
                const expected = stringify(rows, {
                    quoted: true,
                    quoted_empty: true,
                    record_delimiter: '\n',
                    cast: {
                        boolean: (v) => String(v),
                        number: (v) => String(v),
                        date: (v) => v.toISOString(),
                        object: (v) => JSON.stringify(v)
                    }
                });
                expect(toCsvRows(rows)).toBe(expected);
            }),
            { numRuns: 2_000 }
        );
    });
});
