/**
 * SOQL for the local org: parsed with @jetstreamapp/soql-parser-js, translated
 * into the store's structured queries (never SQL text from input: every value
 * becomes a bound parameter, every name is resolved against the schema).
 * Covers what Lead Loop and its tools use: parent paths (Owner.Name), child
 * subqueries, WHERE with AND/OR/NOT/IN/LIKE/NULL and date literals, ORDER BY,
 * LIMIT/OFFSET, COUNT() and GROUP BY aggregates.
 */
import { parseQuery, type Query } from '@jetstreamapp/soql-parser-js';
import { parseWithSeparators } from './soqlLiterals';
import type { SqliteSource } from './sqliteSource';
import {
    SourceError,
    type Filter,
    type FindSpec,
    type ObjectInfo,
    type OrderBy,
    type RecordValues
} from './source';
import { compoundValue } from './compoundFields';
import { canonicalPath, malformed, objectInfoOf, selectedCompound, whereFilter } from './soqlWhere';
import { AGGREGATE_FUNCTIONS } from './soqlHaving';
import { isAggregate, runAggregate } from './soqlAggregate';
import type { Derived } from './soqlJson';
import {
    expandFields,
    planToLabel,
    planTypeof,
    recordAttributes,
    referenceNamed,
    shapeTypeof,
    type TypeofPlan
} from './soqlSelect';

export { objectInfoOf };

export interface SoqlRows {
    totalSize: number;
    records: RecordValues[];
}

/** Parses SOQL text; bad syntax is MALFORMED_QUERY with the parser's reason. */
export function parseSoql(text: string): Query {
    if (typeof text !== 'string' || !text.trim()) malformed('A query string is required (q=).');
    if (text.length > 100_000) malformed('The query is longer than 100,000 characters.');
    let query: Query;
    try {
        query = parseWithSeparators(text, parseQuery) as Query;
    } catch (e) {
        const reason = (e as Error).message
            .split('\n')
            .slice(0, 3)
            .join(' ')
            .replace(/\s+/g, ' ')
            .slice(0, 300);
        return malformed(`${reason}`);
    }
    checkOffset(query);
    return query;
}

/** The platform's cap on OFFSET: larger values are refused, never wrapped. */
export const MAX_OFFSET = 2_000;

function checkOffset(query: Query): void {
    const offset = query.offset;
    if (
        offset !== undefined &&
        !(Number.isSafeInteger(offset) && offset >= 0 && offset <= MAX_OFFSET)
    )
        malformed(`The maximum OFFSET is 2,000; this query asks for ${String(offset)}.`);
}

export interface SelectPlan {
    info: ObjectInfo;
    /** Canonical field paths to read. */
    paths: string[];
    /** Reference id paths needed to shape parent objects (not returned unless selected). */
    refPaths: string[];
    /** The paths read for other selections: refPaths, and the fields derived selections read. */
    inputs: string[];
    selected: string[];
    subqueries: { name: string; query: Query; childObject: string; field: string }[];
    typeofs: TypeofPlan[];
    /**
     * Selections computed from the values read (BillingAddress from its parts, toLabel(Status)
     * from Status), by their key in the record; undefined when there are none.
     */
    derived?: Map<string, Derived>;
}

function plan(store: SqliteSource, info: ObjectInfo, query: Query): SelectPlan {
    const selected: string[] = [];
    const refPaths = new Set<string>();
    const subqueries: SelectPlan['subqueries'] = [];
    const typeofs: TypeofPlan[] = [];
    const derived: NonNullable<SelectPlan['derived']> = new Map();
    const derivedPaths = new Set<string>();
    for (const f of query.fields ?? []) {
        const field = f as unknown as Record<string, unknown>;
        if (field.type === 'Field' || field.type === 'FieldRelationship') {
            const raw = field.type === 'Field' ? String(field.field) : String(field.rawValue);
            const compound = selectedCompound(store, info, raw);
            if (compound) {
                derived.set(compound.path, (read) => compoundValue(compound.parts, read));
                selected.push(compound.path);
                compound.parts.forEach(([, part]) => derivedPaths.add(part));
                const prefix = compound.path.split('.').slice(0, -1).join('.');
                if (prefix)
                    canonicalPath(store, info, `${prefix}.Id`).refs.forEach((r) => refPaths.add(r));
                continue;
            }
            const resolved = canonicalPath(store, info, raw);
            selected.push(resolved.path);
            resolved.refs.forEach((r) => refPaths.add(r));
        } else if (field.type === 'FieldSubquery') {
            const sub = field.subquery as Query & { relationshipName: string };
            const rel = info.childRelationships.find(
                (r) =>
                    r.relationshipName.toLowerCase() === String(sub.relationshipName).toLowerCase()
            );
            if (!rel)
                throw new SourceError(
                    'INVALID_TYPE',
                    `Didn't understand relationship '${sub.relationshipName}' in FROM part of query call.`
                );
            subqueries.push({
                name: rel.relationshipName,
                query: sub,
                childObject: rel.childObject,
                field: rel.field
            });
        } else if (field.type === 'FieldTypeof') {
            const t = planTypeof(store, info, field as unknown as Parameters<typeof planTypeof>[2]);
            typeofs.push(t);
            [t.idPath, ...t.paths].forEach((r) => refPaths.add(r));
        } else if (
            field.type === 'FieldFunctionExpression' &&
            String(field.functionName).toLowerCase() === 'tolabel'
        ) {
            const label = planToLabel(store, info, field);
            derived.set(label.key, (read) => label.labelOf(read(label.path)));
            selected.push(label.key);
            derivedPaths.add(label.path);
            label.refs.forEach((r) => refPaths.add(r));
        } else if (field.type === 'FieldFunctionExpression') {
            if (!AGGREGATE_FUNCTIONS.includes(String(field.functionName).toUpperCase()))
                malformed(`${String(field.functionName)}() is not supported by the local org.`);
            malformed('Aggregate functions need GROUP BY or must stand alone.');
        } else {
            malformed(`Unsupported select item ${String(field.rawValue ?? field.type)}.`);
        }
    }
    for (const t of typeofs)
        if (selected.some((s) => s.startsWith(`${t.name}.`)))
            malformed(
                `TYPEOF ${t.name} cannot be used with other fields of ${t.name} in the same SELECT.`
            );
    // The Id is read even when not selected: every record's attributes carry its url.
    if (!selected.includes('Id')) refPaths.add('Id');
    const twice = selected.find((s, i) => selected.indexOf(s) !== i);
    if (twice)
        throw new SourceError('INVALID_FIELD', `duplicate field selected: ${twice}`, [twice]);
    const read = selected.filter((s) => !derived.has(s));
    const paths = [...new Set([...read, ...refPaths, ...derivedPaths])];
    return {
        info,
        paths,
        refPaths: [...refPaths],
        inputs: [...new Set([...refPaths, ...derivedPaths])],
        selected,
        subqueries,
        typeofs,
        derived: derived.size ? derived : undefined
    };
}

const splitPaths = new Map<string, string[]>();

/** A field path's parts ('Owner.Name' → Owner, Name), split once per path, not once per row. */
function pathParts(path: string): string[] {
    let parts = splitPaths.get(path);
    if (!parts) {
        parts = path.split('.');
        if (splitPaths.size < 10_000) splitPaths.set(path, parts);
    }
    return parts;
}

/**
 * A query's parents' `attributes`, by parent id: the records of one parent (the leads of one
 * owner) share one, as they would share its JSON, instead of an object and url each.
 */
type ParentAttributes = Map<unknown, { type: string; attributes: RecordValues }>;

function parentAttributes(parents: ParentAttributes, type: string, id: unknown): RecordValues {
    const known = parents.get(id);
    if (known?.type === type) return known.attributes;
    const attributes = recordAttributes(type, id);
    parents.set(id, { type, attributes });
    return attributes;
}

/** A row as read (values in the order of `paths`), its values found by path. */
interface Row {
    values: unknown[];
    at: Map<string, number>;
}

/** A row's value at a path (undefined when the row has no such path). */
function valueAt(row: Row, path: string): unknown {
    const i = row.at.get(path);
    return i === undefined ? undefined : row.values[i];
}

function shape(
    store: SqliteSource,
    p: SelectPlan,
    row: Row,
    parents: ParentAttributes
): RecordValues {
    const out: RecordValues = { attributes: recordAttributes(p.info.name, valueAt(row, 'Id')) };
    for (const path of p.selected) {
        const parts = pathParts(path);
        if (parts.length === 1) {
            out[path] = valueAt(row, path) ?? null;
            continue;
        }
        let target = out;
        let prefix = '';
        let objInfo: ObjectInfo | undefined = p.info;
        let alive = true;
        for (let i = 0; i < parts.length - 1; i++) {
            const rel = parts[i];
            const ref = referenceNamed(objInfo, rel);
            const idPath = prefix ? `${prefix}.${ref?.name}` : String(ref?.name);
            const parentId = valueAt(row, idPath);
            prefix = prefix ? `${prefix}.${rel}` : rel;
            if (!parentId) {
                target[rel] = null;
                alive = false;
                break;
            }
            const type = store.objectOfId(String(parentId)) ?? ref?.referenceTo?.[0] ?? 'Name';
            if (!target[rel])
                target[rel] = { attributes: parentAttributes(parents, type, parentId) };
            target = target[rel] as RecordValues;
            objInfo = store.objectInfo(type);
        }
        if (alive) target[parts[parts.length - 1]] = valueAt(row, path) ?? null;
    }
    if (p.typeofs.length) {
        const values: RecordValues = {};
        for (const [path, i] of row.at) values[path] = row.values[i];
        for (const t of p.typeofs) out[t.name] = shapeTypeof(store, t, values);
    }
    return out;
}

/**
 * Puts a record's derived selections (BillingAddress, toLabel(Status)) in the places shape()
 * kept for them, in SELECT order; a parent that is null stays null. Apart from shape(), so
 * queries without them run shape() as it was.
 */
function addDerived(
    out: RecordValues,
    derived: NonNullable<SelectPlan['derived']>,
    row: Row
): void {
    const read = (path: string) => valueAt(row, path);
    for (const [path, compute] of derived) {
        const parts = pathParts(path);
        let target: RecordValues | null = out;
        for (let i = 0; i < parts.length - 1 && target; i++)
            target = target[parts[i]] as RecordValues | null;
        if (target) target[parts[parts.length - 1]] = compute(read);
    }
}

function orderOf(store: SqliteSource, info: ObjectInfo, query: Query): OrderBy[] {
    const list = query.orderBy
        ? Array.isArray(query.orderBy)
            ? query.orderBy
            : [query.orderBy]
        : [];
    return list.map((o) => {
        const item = o as unknown as { field?: string; order?: string; nulls?: string };
        if (!item.field) malformed('ORDER BY supports fields only in the local org.');
        return {
            field: canonicalPath(store, info, item.field).path,
            direction: item.order?.toUpperCase() === 'DESC' ? 'DESC' : 'ASC',
            nulls: item.nulls ? (item.nulls.toUpperCase() === 'LAST' ? 'LAST' : 'FIRST') : undefined
        };
    });
}

/**
 * Runs a SOQL query; returns every matching record shaped as the REST API returns them.
 * `includeDeleted` (queryAll) also reads rows in the recycle bin.
 */
export function runSoql(
    store: SqliteSource,
    text: string,
    now = new Date(),
    options: {
        includeDeleted?: boolean;
        /** A page of the query's rows (a list view's page), set on the parsed query, not its text. */
        page?: { limit: number; offset: number };
    } = {}
): SoqlRows {
    const query = parseSoql(text);
    if (options.page) Object.assign(query, options.page);
    return runQuery(store, query, now, undefined, undefined, options.includeDeleted);
}

/**
 * How a SOSL search narrows one RETURNING object's query: a filter on the
 * candidates and its own read of them (which applies the exact match, then
 * OFFSET and LIMIT).
 */
export interface SearchScope {
    filter?: Filter;
    find(object: string, spec: FindSpec): { records: RecordValues[]; totalCount: number };
}

/**
 * Runs a SOQL query narrowed by a filter whose values are bound, never pasted into the
 * text (one record by its Id, say).
 */
export function runSoqlWithFilter(
    store: SqliteSource,
    text: string,
    filter: Filter,
    now = new Date()
): SoqlRows {
    return runQuery(store, parseSoql(text), now, filter);
}

/** Runs a SOSL RETURNING object's query (fields, WHERE, ORDER BY, LIMIT) within a search. */
export function runSearchQuery(
    store: SqliteSource,
    query: Query,
    scope: SearchScope,
    now = new Date()
): SoqlRows {
    return runQuery(store, query, now, undefined, scope);
}

/** A query's rows as read, with its plan; or an aggregate's records. */
type QueryRows =
    | { aggregate: SoqlRows }
    | { p: SelectPlan; rows: unknown[][]; at: Map<string, number>; totalSize: number };

/** How a query is narrowed: by its parent's row (a subquery's), by a search, to live rows. */
export interface ReadContext {
    parentFilter?: Filter;
    scope?: SearchScope;
    includeDeleted: boolean;
}

/** A query's plan and the store's read of its rows; or an aggregate's records. */
export type PlannedRows = { aggregate: SoqlRows } | { p: SelectPlan; spec: FindSpec; query: Query };

export function planRows(
    store: SqliteSource,
    query: Query,
    now: Date,
    { parentFilter, scope, includeDeleted }: ReadContext
): PlannedRows {
    const info = objectInfoOf(store, query.sObject);
    const nested = parentFilter || scope ? 'child' : 'top';
    const filters = [
        parentFilter,
        whereFilter(store, info, query.where, now, nested),
        scope?.filter
    ];
    const present = filters.filter((f): f is Filter => !!f);
    const where = present.length > 1 ? { and: present } : present[0];
    const expanded = expandFields(store, info, query);
    if (isAggregate(expanded))
        return { aggregate: runAggregate(store, info, expanded, where, includeDeleted) };
    const p = plan(store, info, expanded);
    const spec: FindSpec = {
        fields: p.paths,
        where,
        orderBy: orderOf(store, info, query),
        limit: query.limit ?? 50_000_000,
        offset: query.offset ?? 0,
        includeDeleted
    };
    return { p, spec, query };
}

/** The query's totalSize: its rows', or with LIMIT or OFFSET, the rows answered. */
export function totalSizeOf(query: Query, answered: number, totalCount: number): number {
    return query.limit || query.offset ? answered : totalCount;
}

function readRows(store: SqliteSource, query: Query, now: Date, context: ReadContext): QueryRows {
    const planned = planRows(store, query, now, context);
    if ('aggregate' in planned) return planned;
    const { p, spec } = planned;
    // The store's rows as read (a search's own reader answers records).
    const { rows, totalCount } = context.scope
        ? rowsOf(context.scope.find(p.info.name, spec), p.paths)
        : store.findRows(p.info.name, spec);
    const at = new Map(p.paths.map((path, i) => [path, i]));
    return { p, rows, at, totalSize: totalSizeOf(query, rows.length, totalCount) };
}

export function runQuery(
    store: SqliteSource,
    query: Query,
    now: Date,
    parentFilter?: Filter,
    scope?: SearchScope,
    includeDeleted = false
): SoqlRows {
    const read = readRows(store, query, now, { parentFilter, scope, includeDeleted });
    if ('aggregate' in read) return read.aggregate;
    return { totalSize: read.totalSize, records: shapeRows(store, read, now, includeDeleted) };
}

/** The records of rows as read: shaped, with their derived selections and subqueries. */
function shapeRows(
    store: SqliteSource,
    { p, rows, at }: Exclude<QueryRows, { aggregate: SoqlRows }>,
    now: Date,
    includeDeleted: boolean
): RecordValues[] {
    const parents: ParentAttributes = new Map();
    return rows.map((values) => {
        const row = { values, at };
        const rec = shape(store, p, row, parents);
        if (p.derived) addDerived(rec, p.derived, row);
        for (const sub of p.subqueries) {
            const child = runQuery(
                store,
                { ...sub.query, sObject: sub.childObject } as Query,
                now,
                { field: sub.field, op: 'eq', value: valueAt(row, 'Id') },
                undefined,
                includeDeleted
            );
            rec[sub.name] = child.records.length
                ? { totalSize: child.totalSize, done: true, records: child.records }
                : null;
        }
        return rec;
    });
}

/** Records as rows of their values at `paths`. */
function rowsOf(
    found: { records: RecordValues[]; totalCount: number },
    paths: string[]
): { rows: unknown[][]; totalCount: number } {
    return {
        rows: found.records.map((r) => paths.map((path) => r[path])),
        totalCount: found.totalCount
    };
}
