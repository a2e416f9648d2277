/**
 * A query's records written as JSON text straight from the store's rows (arrays of values in
 * the order of the query's paths, and runs of each record's JSON SQLite writes), without a
 * record object per row: the same bytes as
 * JSON.stringify of the records soql.ts shapes (`attributes` first, fields and parents in
 * SELECT order, a missing parent as null), for select lists of fields, parent paths and values
 * derived from them (compound fields, toLabel()).
 * Built once per query from its selections; names from the schema are the only keys written.
 */
import { recordAttributes, referenceNamed } from './soqlSelect';
import type { JsonColumn } from './sqliteQuery';
import type { SqliteSource } from './sqliteSource';
import type { FieldInfo, ObjectInfo } from './source';

/** Writes the JSON array of the records of rows [from, to), in UTF-8. */
export type RecordsWriter = (rows: unknown[][], from: number, to: number) => Buffer;

/** A selected field: its key (`,"Name":`) and its canonical path. */
interface FieldNode {
    key: string;
    path: string;
    /** A derived selection's value from the row's values (BillingAddress, toLabel(Status)). */
    compute?: Derived;
    children?: undefined;
}

/** A derived selection's value, given a reader of the row's values by canonical path. */
export type Derived = (read: (path: string) => unknown) => unknown;

/** A parent on a path (Owner in Owner.Name): its key, and what is selected of it. */
interface ParentNode {
    key: string;
    name: string;
    /** The relationship path before this one ('' at the top, 'Owner' for Owner.Manager). */
    prefix: string;
    children: Node[];
}

type Node = FieldNode | ParentNode;

/**
 * Writes one selection's part of a record (`,"Name":"Ada"`) from its row, given the object
 * description of the record or parent that holds it (a polymorphic parent's depends on the row).
 */
type Part = (row: unknown[], holder: ObjectInfo | undefined) => string;

/** A parent's id in a row and its reference, for one object holding it; its JSON by id. */
interface Link {
    index?: number;
    ref?: FieldInfo;
    written: Map<unknown, string>;
}

/** Fields in one json column at most: SQLite takes up to 1,000 arguments in a function call. */
const MAX_JSON_FIELDS = 400;

/** Parents' JSON kept per query at most (a query of many parents keeps the first ones). */
const MAX_PARENTS = 10_000;

/** Characters JSON.stringify writes otherwise than as themselves (quote, backslash, controls, surrogates). */
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A string's JSON, as JSON.stringify writes it. */
function stringJson(s: string): string {
    return ESCAPED.test(s) ? JSON.stringify(s) : `"${s}"`;
}

/** A value's JSON as JSON.stringify writes it in a record (undefined as the null shape() puts). */
function valueJson(v: unknown): string {
    if (typeof v === 'string') return stringJson(v);
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    return JSON.stringify(v);
}

/** Writes `{"type":…,"url":…}` as JSON.stringify writes recordAttributes(type, id). */
function attributesWriter(type: string): (id: unknown) => string {
    // The url is the one recordAttributes makes: its part before the id, from an empty id.
    const start = `{"type":${stringJson(type)},"url":${stringJson(String(recordAttributes(type, '').url)).slice(0, -1)}`;
    return (id) => {
        if (typeof id !== 'string') return JSON.stringify(recordAttributes(type, id));
        return `${start}${ESCAPED.test(id) ? JSON.stringify(id).slice(1, -1) : id}"}`;
    };
}

/**
 * A query's records as JSON: the columns to read of each row (values at `fields`, then the text
 * of the `json` columns, which SQLite writes) and the writer of the rows read so.
 */
export interface RecordsPlan {
    fields: string[];
    json: JsonColumn[];
    write: RecordsWriter;
}

/**
 * The writer for a select list of field paths (canonical, as the plan reads them), or
 * undefined when two selections would share a key (left to the record objects). `inputs` are
 * the other paths its parts read (parents' ids, derived selections' fields, the Id). With
 * `sqlWrites`, SQLite writes the record's attributes and the top-level fields whose JSON it
 * writes as JSON.stringify does (text, checkboxes): one string per run of them, not a value each.
 */
export function recordsWriter(
    store: SqliteSource,
    info: ObjectInfo,
    selected: string[],
    inputs: string[],
    derived?: Map<string, Derived>,
    sqlWrites = false
): RecordsPlan | undefined {
    const top: Node[] = [];
    for (const path of selected) {
        const parts = path.split('.');
        let nodes = top;
        let prefix = '';
        for (let i = 0; i < parts.length - 1; i++) {
            const name = parts[i];
            if (name === 'attributes') return undefined;
            let parent = nodes.find((n) => n.key === keyJson(name));
            if (parent && !parent.children) return undefined;
            if (!parent) {
                parent = { key: keyJson(name), name, prefix, children: [] };
                nodes.push(parent);
            }
            nodes = (parent as ParentNode).children;
            prefix = prefix ? `${prefix}.${name}` : name;
        }
        const key = keyJson(parts[parts.length - 1]);
        if (nodes.some((n) => n.key === key) || key === keyJson('attributes')) return undefined;
        nodes.push({ key, path, compute: derived?.get(path) });
    }
    // The attributes' url needs the Id: without SQLite writing it, SQLite writes nothing.
    const sql = sqlWrites && store.writesJson(info, 'Id');
    const bySql = (node: Node): node is FieldNode =>
        sql && !node.children && !node.compute && store.writesJson(info, node.path);
    const sqlPaths = new Set(top.filter(bySql).map((n) => n.path));
    // With `sql`, a parent of plain fields (Owner.Name, Owner.IsActive) is read once per parent
    // id after the rows, not joined to every row (its reference; undefined for the others).
    const fetchedBy = (node: Node): FieldInfo | undefined =>
        sql &&
        node.children &&
        node.children.every((c) => !c.children && !c.compute && c.key !== keyJson('Type'))
            ? referenceNamed(info, node.name)
            : undefined;
    const fetchedPaths = new Set(
        top.flatMap((n) => (fetchedBy(n) ? n.children!.map((c) => (c as FieldNode).path) : []))
    );
    const fields = [
        ...new Set([
            ...selected.filter(
                (path) => !derived?.has(path) && !sqlPaths.has(path) && !fetchedPaths.has(path)
            ),
            ...inputs.filter((path) => !(sql && path === 'Id'))
        ])
    ];
    const at = new Map(fields.map((path, i) => [path, i]));
    const attributesOf = new Map<string, (id: unknown) => string>();
    const attributes = (type: string) => {
        let write = attributesOf.get(type);
        if (!write) attributesOf.set(type, (write = attributesWriter(type)));
        return write;
    };

    const part = (node: Node): Part => {
        const { key } = node;
        if (!node.children) {
            const { compute } = node;
            const index = at.get(node.path);
            if (compute)
                // As JSON.stringify writes the record's value: an undefined one leaves its key out.
                return (row) => {
                    const v = compute((path) => {
                        const i = at.get(path);
                        return i === undefined ? undefined : row[i];
                    });
                    return v === undefined ? '' : key + valueJson(v);
                };
            const nothing = `${key}null`;
            return index === undefined ? () => nothing : (row) => key + valueJson(row[index]);
        }
        const children = node.children.map(part);
        const nothing = `${key}null`;
        /**
         * As shape() finds a parent's id: through the relationship of the object holding it;
         * with the parent's whole JSON by its id: everything selected of a parent is read
         * through its id, so the records of one parent (the leads of one owner) share it.
         */
        const links = new Map<ObjectInfo | undefined, Link>();
        const link = (holder: ObjectInfo | undefined) => {
            let found = links.get(holder);
            if (!found) {
                const ref = referenceNamed(holder, node.name);
                const idPath = node.prefix ? `${node.prefix}.${ref?.name}` : String(ref?.name);
                found = { index: at.get(idPath), ref, written: new Map() };
                links.set(holder, found);
            }
            return found;
        };
        return (row, holder) => {
            const { index, ref, written } = link(holder);
            const parentId = index === undefined ? undefined : row[index];
            if (!parentId) return nothing;
            let text = written.get(parentId);
            if (text === undefined) {
                const type = store.objectOfId(String(parentId)) ?? ref?.referenceTo?.[0] ?? 'Name';
                const parentInfo = store.objectInfo(type);
                text = `${key}{"attributes":${attributes(type)(parentId)}`;
                for (const child of children) text += child(row, parentInfo);
                text += '}';
                if (written.size < MAX_PARENTS) written.set(parentId, text);
            }
            return text;
        };
    };

    // The record's parts in order: its attributes, then its selections; with `sql`, each run of
    // parts SQLite writes is one json column (an object: its text without the braces).
    const json: JsonColumn[] = [];
    const parts: Part[] = [];
    let run: JsonColumn | undefined;
    const sqlPart = (column: JsonColumn) => {
        const at = fields.length + json.length;
        json.push((run = column));
        parts.push(
            at === fields.length
                ? (row) => (row[at] as string).slice(0, -1)
                : (row) => `,${(row[at] as string).slice(1, -1)}`
        );
    };
    if (sql) {
        const url = String(recordAttributes(info.name, '').url);
        sqlPart({ attributes: { type: info.name, url }, fields: [] });
    } else {
        const idIndex = at.get('Id');
        const recordAttributesJson = attributes(info.name);
        parts.push(
            (row) =>
                `{"attributes":${recordAttributesJson(idIndex === undefined ? undefined : row[idIndex])}`
        );
    }
    /** Work on rows [from, to) before their records are written: fetching their parents. */
    const prepare: ((rows: unknown[][], from: number, to: number) => void)[] = [];
    const fetchedPart = (node: ParentNode, ref: FieldInfo): Part => {
        const idIndex = at.get(ref.name)!;
        const names = node.children.map((c) => (c as FieldNode).path.slice(node.name.length + 1));
        const written = new Map<unknown, string>();
        prepare.push((rows, from, to) => {
            const ids = new Set<unknown>();
            for (let i = from; i < to; i++) {
                const id = rows[i][idIndex];
                if (id && !written.has(id)) ids.add(id);
            }
            const values = fetchParents(store, ref, names, [...ids]);
            for (const id of ids) {
                const type = store.objectOfId(String(id)) ?? ref.referenceTo?.[0] ?? 'Name';
                const found = values.get(id);
                let text = `${node.key}{"attributes":${attributes(type)(id)}`;
                node.children.forEach((c, i) => (text += c.key + valueJson(found?.[i])));
                written.set(id, `${text}}`);
            }
        });
        const nothing = `${node.key}null`;
        return (row) => written.get(row[idIndex]) ?? nothing;
    };
    for (const node of top) {
        const ref = fetchedBy(node);
        if (ref) {
            run = undefined;
            parts.push(fetchedPart(node as ParentNode, ref));
        } else if (!bySql(node)) {
            run = undefined;
            parts.push(part(node));
        } else if (run && run.fields.length < MAX_JSON_FIELDS)
            run.fields.push({ key: node.path, path: node.path });
        else sqlPart({ fields: [{ key: node.path, path: node.path }] });
    }

    const write: RecordsWriter = (rows, from, to) => {
        for (const p of prepare) p(rows, from, to);
        const out = new BytesOut();
        // Records are put together in runs of some kilobytes, each written out at once.
        let text = '[';
        for (let i = from; i < to; i++) {
            const row = rows[i];
            if (i > from) text += ',';
            for (const write of parts) text += write(row, info);
            text += '}';
            if (text.length > 16_384) {
                out.write(text);
                text = '';
            }
        }
        out.write(`${text}]`);
        return out.take();
    };
    return { fields, json, write };
}

/** Parent ids read at once: one statement for every group (the last padded with nulls). */
const IDS_AT_ONCE = 200;

/**
 * The values of `names` of the parents with these ids, as a select list's LEFT JOINs read them:
 * each the first non-null one from the reference's objects in order (null where an object has
 * no such field), deleted parents too; a parent not found has none.
 */
function fetchParents(
    store: SqliteSource,
    ref: FieldInfo,
    names: string[],
    ids: unknown[]
): Map<unknown, unknown[]> {
    const found = new Map<unknown, unknown[]>();
    for (const target of ref.referenceTo ?? []) {
        const fields = store.objectInfo(target)?.fields;
        if (!fields) continue;
        const present = names.filter((name) => fields[name]);
        for (let i = 0; i < ids.length; i += IDS_AT_ONCE) {
            const group = ids.slice(i, i + IDS_AT_ONCE);
            while (group.length < IDS_AT_ONCE) group.push(null);
            const { rows } = store.findRows(target, {
                fields: ['Id', ...present],
                where: { field: 'Id', op: 'in', value: group },
                limit: IDS_AT_ONCE + 1,
                offset: 0,
                includeDeleted: true
            });
            for (const [id, ...values] of rows) {
                let merged = found.get(id);
                if (!merged) found.set(id, (merged = names.map(() => null)));
                present.forEach((name, k) => {
                    const at = names.indexOf(name);
                    if (merged[at] === null || merged[at] === undefined) merged[at] = values[k];
                });
            }
        }
    }
    return found;
}

/**
 * Text written as UTF-8 into one scratch buffer shared by all writers (they run start to end
 * within one turn), taken out as a buffer of its size.
 */
class BytesOut {
    private static scratch = Buffer.allocUnsafe(1 << 20);
    private at = 0;

    write(text: string): void {
        let buf = BytesOut.scratch;
        // At most 3 bytes per UTF-16 unit.
        if (this.at + 3 * text.length > buf.length) {
            const bigger = Buffer.allocUnsafe(Math.max(2 * buf.length, this.at + 3 * text.length));
            buf.copy(bigger, 0, 0, this.at);
            BytesOut.scratch = buf = bigger;
        }
        this.at += buf.write(text, this.at);
    }

    take(): Buffer {
        const out = Buffer.from(BytesOut.scratch.subarray(0, this.at));
        // A large page's scratch is not kept for the org's lifetime.
        if (BytesOut.scratch.length > 1 << 23) BytesOut.scratch = Buffer.allocUnsafe(1 << 20);
        return out;
    }
}

/** `,"Name":`: a key after the record's attributes. */
function keyJson(name: string): string {
    return `,${JSON.stringify(name)}:`;
}
