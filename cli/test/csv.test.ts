/**
 * Bulk API 2.0 CSV through csv-parse/csv-stringify: what is written reads back the same
 * (quotes, commas, line breaks, edge spaces, booleans), a row's size is exact, and rows
 * read come back in the REST shape.
 */
import { describe, expect, it } from 'vitest';
import { csvRowBytes, fromCsv, restShape, toCsv } from '../src/api/csv';

const ROWS = [
    { Id: '00Q000000000001', LastName: 'O"Brien, Jr.', Title: ' edge spaces ', Done: true },
    { Id: '00Q000000000002', LastName: 'line\nbreak\r\nand, comma', Title: '', Done: false },
    { Id: '00Q000000000003', LastName: 'plain', Title: '#N/A', Done: 12.5 }
];

describe('ingest CSV', () => {
    it('writes a header and one row per record, and reads back every value as text', () => {
        const columns = ['Id', 'LastName', 'Title', 'Done'];
        const text = toCsv(ROWS, columns);
        expect(text.split('\n')[0]).toBe('Id,LastName,Title,Done');
        expect(text.endsWith('\n')).toBe(true);
        expect(fromCsv(text)).toEqual(
            ROWS.map((r) =>
                Object.fromEntries(columns.map((c) => [c, String(r[c as keyof typeof r])]))
            )
        );
        // Edge spaces are quoted, so no reader trims them.
        expect(text).toContain('" edge spaces "');
    });

    it('sizes a row exactly as it is written', () => {
        for (const row of ROWS) {
            const written = toCsv([row], Object.keys(row)).split('\n').slice(1).join('\n');
            expect(csvRowBytes(row)).toBe(Buffer.byteLength(written));
        }
        expect(csvRowBytes({ Title: null })).toBe(Buffer.byteLength('#N/A\n'));
    });

    it('an empty body is no rows; a header alone is no rows', () => {
        expect(fromCsv('')).toEqual([]);
        expect(fromCsv('Id,Name\n')).toEqual([]);
    });

    it('refuses a row with more or fewer values than the header', () => {
        expect(() => fromCsv('Id,Name\n1,a,b\n')).toThrow();
        expect(() => fromCsv('Id,Name\n1\n')).toThrow();
    });
});

describe('restShape', () => {
    it('empty text is null and parent.field columns nest', () => {
        expect(
            restShape({ Id: '1', Title: '', 'Owner.Name': 'Ann', 'Owner.IsActive': 'true' })
        ).toEqual({ Id: '1', Title: null, Owner: { Name: 'Ann', IsActive: 'true' } });
    });
});
