/**
 * The Bulk 2.0 upload reader: CSV read chunk by chunk into rows, as csv-parse
 * reads it with CSV_OPTIONS (csv.ts) — records end with LF, CRLF or CR; a BOM
 * is ignored; rows may differ in length; a quote opens a field only at its
 * start, `""` inside is a quote, and a closing quote must end the field — and
 * with the same errors (the line they are on). It takes about a fifth of
 * csv-parse's time per row, which mattered: an upload is read twice (checked
 * whole before any row is written, then applied).
 */
import { StringDecoder } from 'node:string_decoder';
import { CsvError } from './csv';

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvReader {
    private readonly decoder = new StringDecoder('utf8');
    private readonly delimiter: number;
    /** Text of a record not complete yet (it continues in the next chunk). */
    private rest = '';
    private started = false;
    /** The line the next record starts on. */
    private line = 1;

    constructor(delimiter = ',') {
        this.delimiter = delimiter.charCodeAt(0);
    }

    /** The records this chunk completes; throws CsvError on malformed CSV. */
    push(chunk: Buffer): string[][] {
        let text = this.decoder.write(chunk);
        if (!this.started && text) {
            this.started = true;
            if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        }
        return this.read(this.rest + text, false);
    }

    /** The last records, at the end of the input. */
    end(): string[][] {
        return this.read(this.rest + this.decoder.end(), true);
    }

    private fail(line: number, message: string): never {
        throw new CsvError(`CSV line ${line}: ${message}`);
    }

    /** Reads whole records from `text`; keeps an unfinished one for later unless `final`. */
    private read(text: string, final: boolean): string[][] {
        const records: string[][] = [];
        let pos = 0;
        while (pos < text.length) {
            const fields = this.record(text, pos, final);
            if (!fields) break;
            records.push(fields);
            pos = this.next;
        }
        // An unfinished record is read again, whole, with the next chunk.
        this.rest = pos < text.length ? text.slice(pos) : '';
        return records;
    }

    /** Where the record read last ended. */
    private next = 0;

    /**
     * The record starting at `pos` (then `next` is where it ended and `line` the next line), or
     * undefined when the text ends inside it and more may come.
     */
    private record(text: string, pos: number, final: boolean): string[] | undefined {
        const end = text.length;
        const delimiter = this.delimiter;
        let line = this.line;
        const fields: string[] = [];
        for (;;) {
            if (text.charCodeAt(pos) === QUOTE) {
                let value = '';
                let from = pos + 1;
                for (;;) {
                    const quote = text.indexOf('"', from);
                    // A quote last in the text may be the first of `""`: wait for what follows.
                    if (quote === -1 || (quote === end - 1 && !final)) {
                        if (!final) return undefined;
                        this.fail(
                            line + lineBreaks(text, from, end),
                            'Quote Not Closed: the parsing is finished with an opening quote'
                        );
                    }
                    value += text.slice(from, quote);
                    line += lineBreaks(text, from, quote);
                    if (text.charCodeAt(quote + 1) === QUOTE) {
                        value += '"';
                        from = quote + 2;
                        continue;
                    }
                    pos = quote + 1;
                    const c = text.charCodeAt(pos);
                    if (pos < end && c !== delimiter && c !== LF && c !== CR)
                        this.fail(
                            line,
                            `Invalid Closing Quote: got "${text[pos]}" instead of delimiter or record delimiter`
                        );
                    break;
                }
                fields.push(value);
            } else {
                const from = pos;
                while (pos < end) {
                    const c = text.charCodeAt(pos);
                    if (c === delimiter || c === LF || c === CR) break;
                    if (c === QUOTE)
                        this.fail(
                            line,
                            `Invalid Opening Quote: a quote is found on field ${fields.length}, value is "${text.slice(from, pos)}"`
                        );
                    pos += 1;
                }
                if (pos === end && !final) return undefined;
                fields.push(text.slice(from, pos));
            }
            // What ends the field: a delimiter, a record delimiter or the end of the input.
            if (pos === end) break;
            const c = text.charCodeAt(pos);
            if (c === delimiter) {
                pos += 1;
                if (pos < end) continue;
                if (!final) return undefined;
                fields.push('');
                break;
            }
            // A CR last in the text may be the first of CRLF: wait for what follows.
            if (c === CR && pos + 1 === end && !final) return undefined;
            pos += c === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
            line += 1;
            break;
        }
        this.next = pos;
        this.line = line;
        return fields;
    }
}

/** How many record delimiters (LF, CRLF, CR) there are in text[from, to). */
function lineBreaks(text: string, from: number, to: number): number {
    let n = 0;
    for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (c === LF) n += 1;
        else if (c === CR && text.charCodeAt(i + 1) !== LF) n += 1;
    }
    return n;
}
