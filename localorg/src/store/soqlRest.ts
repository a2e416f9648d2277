/**
 * A query's answer as the REST API's JSON (`/query`, `/queryAll`): its records written straight
 * from the rows by soqlJson.ts when the select list allows, the rows read in parts (the first
 * page's, then the others); else JSON.stringify of the records runSoql shapes.
 */
import {
    parseSoql,
    planRows,
    runQuery,
    totalSizeOf,
    type PlannedRows,
    type SoqlRows
} from './soql';
import { recordsWriter } from './soqlJson';
import type { SqliteSource } from './sqliteSource';

/** A query's records as the JSON the REST API answers, a range of them at a time. */
export interface SoqlJson {
    totalSize: number;
    /** How many records there are. */
    size: number;
    /** The JSON array of records [from, to), in UTF-8. */
    json(from: number, to: number): Buffer;
    /** Whether the JSON is written from the rows as read, with no record objects. */
    direct: boolean;
    /** Whether SQLite wrote the records' attributes and text fields (else each value is read). */
    sqlite?: boolean;
}

/**
 * runSoql for an answer sent as JSON: a select list of fields, parent paths and values derived
 * from them (compound fields, toLabel()) is written straight from the rows (the same bytes),
 * `firstRows` of them read at once and the others when first asked for (the caller asks within
 * the same turn, so all are read from one state of the store); any other from the records.
 */
export function runSoqlJson(
    store: SqliteSource,
    text: string,
    now = new Date(),
    options: { includeDeleted?: boolean; firstRows?: number } = {}
): SoqlJson {
    const includeDeleted = options.includeDeleted ?? false;
    const query = parseSoql(text);
    const planned = planRows(store, query, now, { includeDeleted });
    if (!('aggregate' in planned)) {
        const direct = directJson(store, planned, options.firstRows ?? Infinity);
        if (direct) return direct;
    }
    const { totalSize, records } =
        'aggregate' in planned
            ? planned.aggregate
            : runQuery(store, query, now, undefined, undefined, includeDeleted);
    return {
        totalSize,
        size: records.length,
        json: (from, to) => Buffer.from(JSON.stringify(records.slice(from, to))),
        direct: false
    };
}

/**
 * The JSON written from the rows, for a select list without subqueries or TYPEOF, the rows read
 * in parts (`firstRows`, then the others): each first with SQLite writing what it can of each
 * record; when a row holds a value it cannot write as JSON.stringify does (bytes in a text
 * column), read again as values.
 */
function directJson(
    store: SqliteSource,
    { p, spec, query }: Exclude<PlannedRows, { aggregate: SoqlRows }>,
    firstRows: number
): SoqlJson | undefined {
    if (p.subqueries.length || p.typeofs.length) return undefined;
    const read = (offset: number, limit: number) => {
        for (const sqlWrites of [true, false]) {
            const writer = recordsWriter(store, p.info, p.selected, p.inputs, p.derived, sqlWrites);
            if (!writer) return undefined;
            const sqlite = writer.json.length > 0;
            let found: { rows: unknown[][]; totalCount: number };
            try {
                const at = { ...spec, fields: writer.fields, offset, limit };
                found = store.findRows(p.info.name, at, writer.json);
            } catch (e) {
                if (sqlite && /JSON cannot hold BLOB/.test((e as Error).message)) continue;
                throw e;
            }
            const from = writer.fields.length;
            if (sqlite && found.rows.some((r) => r.includes(null, from))) continue;
            return { start: 0, ...found, write: writer.write, sqlite };
        }
        return undefined;
    };
    const limit = Math.min(spec.limit, firstRows);
    const first = read(spec.offset, limit);
    if (!first) return undefined;
    // All the rows, or the first ones and the count of all (findRows counts them then).
    const size =
        first.rows.length < limit
            ? first.rows.length
            : Math.min(spec.limit, Math.max(0, first.totalCount - spec.offset));
    const parts: NonNullable<ReturnType<typeof read>>[] = [first];
    let readTo = first.rows.length;
    return {
        totalSize: totalSizeOf(query, size, first.totalCount),
        size,
        json: (from, to) => {
            const end = Math.min(to, size);
            while (readTo < end) {
                const more = read(spec.offset + readTo, size - readTo);
                if (!more?.rows.length) throw new Error('The rows changed while they were read.');
                parts.push({ ...more, start: readTo });
                readTo += more.rows.length;
            }
            const pieces = parts
                .filter((r) => r.start < end && r.start + r.rows.length > from)
                .map((r) =>
                    r.write(
                        r.rows,
                        Math.max(0, from - r.start),
                        Math.min(r.rows.length, end - r.start)
                    )
                );
            return pieces.length === 1 ? pieces[0] : joinArrays(pieces);
        },
        direct: true,
        sqlite: first.sqlite
    };
}

/** JSON arrays (UTF-8) as one. */
function joinArrays(arrays: Buffer[]): Buffer {
    const parts: Buffer[] = [];
    for (const a of arrays.filter((a) => a.length > 2))
        parts.push(Buffer.from(parts.length ? ',' : '['), a.subarray(1, -1));
    parts.push(Buffer.from(parts.length ? ']' : '[]'));
    return Buffer.concat(parts);
}
