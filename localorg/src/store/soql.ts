/**
 * SOQL for the local org: parsed with @jetstreamapp/soql-parser-js, translated
 * into the store's structured queries (never SQL text from input: every value
 * becomes a bound parameter, every name is resolved against the schema).
 * Covers what Lead Loop and its tools use: parent paths (Owner.Name), child
 * subqueries, WHERE with AND/OR/NOT/IN/LIKE/NULL and date literals, ORDER BY,
 * LIMIT/OFFSET, COUNT() and GROUP BY aggregates.
 */
import { parseQuery, type Query } from '@jetstreamapp/soql-parser-js';
import { API_VERSION, MS_PER_DAY } from '../../../core/src/index';
import type { SqliteSource } from './sqliteSource';
import {
    SourceError,
    type FieldInfo,
    type Filter,
    type ObjectInfo,
    type OrderBy,
    type RecordValues
} from './source';

export interface SoqlRows {
    totalSize: number;
    records: RecordValues[];
}

type Token = '(' | ')' | 'AND' | 'OR' | 'NOT' | { cond: Condition };

interface Condition {
    field?: string;
    fn?: { functionName?: string; parameters?: unknown[] };
    operator: string;
    value?: unknown;
    literalType?: string | string[];
    valueQuery?: unknown;
    dateLiteralVariable?: number | number[];
}

function malformed(message: string): never {
    throw new SourceError('MALFORMED_QUERY', message);
}

/** Parses SOQL text; bad syntax is MALFORMED_QUERY with the parser's reason. */
export function parseSoql(text: string): Query {
    if (typeof text !== 'string' || !text.trim()) malformed('A query string is required (q=).');
    if (text.length > 100_000) malformed('The query is longer than 100,000 characters.');
    try {
        return parseQuery(text) as Query;
    } catch (e) {
        const reason = (e as Error).message
            .split('\n')
            .slice(0, 3)
            .join(' ')
            .replace(/\s+/g, ' ')
            .slice(0, 300);
        return malformed(`${reason}`);
    }
}

/** Resolves a (case-insensitive) field path to its canonical API names. */
function canonicalPath(
    store: SqliteSource,
    info: ObjectInfo,
    path: string
): { path: string; field: FieldInfo; refs: string[] } {
    const parts = path.split('.');
    const out: string[] = [];
    const refs: string[] = [];
    let current: ObjectInfo[] = [info];
    for (let i = 0; i < parts.length; i++) {
        const part = parts[i].toLowerCase();
        const last = i === parts.length - 1;
        let found: FieldInfo | undefined;
        let next: ObjectInfo[] = [];
        for (const obj of current) {
            const fields = Object.values(obj.fields);
            if (last) {
                found = fields.find((f) => f.name.toLowerCase() === part);
            } else {
                const ref = fields.find(
                    (f) => f.kind === 'reference' && f.relationshipName?.toLowerCase() === part
                );
                if (ref) {
                    found = ref;
                    next = (ref.referenceTo ?? [])
                        .map((t) => store.objectInfo(t))
                        .filter((o): o is ObjectInfo => !!o);
                }
            }
            if (found) break;
        }
        if (!found) {
            const where = current.map((o) => o.name).join(' or ');
            if (last)
                throw new SourceError(
                    'INVALID_FIELD',
                    `No such column '${parts[i]}' on entity '${where}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.`
                );
            throw new SourceError(
                'INVALID_FIELD',
                `Didn't understand relationship '${parts[i]}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name.`
            );
        }
        if (last) {
            out.push(found.name);
            return { path: out.join('.'), field: found, refs };
        }
        out.push(found.relationshipName!);
        refs.push([...out.slice(0, -1), found.name].join('.'));
        current = next;
    }
    return malformed(`Bad field path ${path}`);
}

function unquote(raw: string): string {
    const body = raw.slice(1, -1);
    return body.replace(
        /\\(.)/g,
        (_m, c: string) => ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' })[c] ?? c
    );
}

interface Range {
    start: Date;
    end: Date;
}

function startOfDay(d: Date): Date {
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/** The [start, end) range of a SOQL date literal, in UTC. */
export function dateLiteralRange(literal: string, now: Date): Range {
    const [name, nRaw] = literal.toUpperCase().split(':');
    const n = nRaw === undefined ? NaN : Number(nRaw);
    const today = startOfDay(now);
    const day = (k: number) => new Date(today.getTime() + k * MS_PER_DAY);
    const weekStart = day(-today.getUTCDay());
    const month = (k: number) =>
        new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + k, 1));
    const year = (k: number) => new Date(Date.UTC(today.getUTCFullYear() + k, 0, 1));
    const needN = () => {
        if (!Number.isInteger(n) || n < 0)
            malformed(`Date literal ${literal} needs a whole number, e.g. ${name}:30`);
        return n;
    };
    switch (name) {
        case 'TODAY':
            return { start: today, end: day(1) };
        case 'YESTERDAY':
            return { start: day(-1), end: today };
        case 'TOMORROW':
            return { start: day(1), end: day(2) };
        case 'THIS_WEEK':
            return { start: weekStart, end: new Date(weekStart.getTime() + 7 * MS_PER_DAY) };
        case 'LAST_WEEK':
            return { start: new Date(weekStart.getTime() - 7 * MS_PER_DAY), end: weekStart };
        case 'NEXT_WEEK':
            return {
                start: new Date(weekStart.getTime() + 7 * MS_PER_DAY),
                end: new Date(weekStart.getTime() + 14 * MS_PER_DAY)
            };
        case 'THIS_MONTH':
            return { start: month(0), end: month(1) };
        case 'LAST_MONTH':
            return { start: month(-1), end: month(0) };
        case 'NEXT_MONTH':
            return { start: month(1), end: month(2) };
        case 'THIS_YEAR':
            return { start: year(0), end: year(1) };
        case 'LAST_YEAR':
            return { start: year(-1), end: year(0) };
        case 'NEXT_YEAR':
            return { start: year(1), end: year(2) };
        case 'LAST_90_DAYS':
            return { start: day(-90), end: day(1) };
        case 'NEXT_90_DAYS':
            return { start: day(1), end: day(91) };
        case 'LAST_N_DAYS':
            return { start: day(-needN()), end: day(1) };
        case 'NEXT_N_DAYS':
            return { start: day(1), end: day(needN() + 1) };
        case 'N_DAYS_AGO':
            return { start: day(-needN()), end: day(-needN() + 1) };
        case 'N_DAYS_FROM_NOW':
            return { start: day(needN()), end: day(needN() + 1) };
        case 'LAST_N_WEEKS':
            return {
                start: new Date(weekStart.getTime() - needN() * 7 * MS_PER_DAY),
                end: weekStart
            };
        case 'LAST_N_MONTHS':
            return { start: month(-needN()), end: month(0) };
        default:
            return malformed(`The date literal ${literal} is not supported by the local org.`);
    }
}

function literal(raw: unknown, type: string | undefined, field: FieldInfo): unknown {
    const text = String(raw);
    switch (type) {
        case 'STRING':
            return unquote(text);
        case 'INTEGER':
        case 'DECIMAL':
        case 'INTEGER_WITH_CURRENCY_PREFIX':
        case 'DECIMAL_WITH_CURRENCY_PREFIX':
            return Number(text.replace(/^[A-Z]{3}/, ''));
        case 'BOOLEAN':
            return text.toUpperCase() === 'TRUE';
        case 'NULL':
            return null;
        case 'DATE':
            return text;
        case 'DATETIME': {
            const t = Date.parse(text);
            if (Number.isNaN(t)) malformed(`Bad date-time ${text}`);
            return new Date(t).toISOString();
        }
        default:
            if (text.startsWith("'")) return unquote(text);
            void field;
            return text;
    }
}

function bound(field: FieldInfo, d: Date): string {
    return field.kind === 'date' ? d.toISOString().slice(0, 10) : d.toISOString();
}

function conditionFilter(store: SqliteSource, info: ObjectInfo, c: Condition, now: Date): Filter {
    if (c.valueQuery)
        malformed('Semi-join subqueries (IN (SELECT ...)) are not supported by the local org.');
    if (!c.field) malformed('Functions in WHERE are not supported by the local org.');
    const { path, field } = canonicalPath(store, info, c.field);
    const op = c.operator.toUpperCase();
    const types = Array.isArray(c.literalType) ? c.literalType : undefined;
    if (op === 'IN' || op === 'NOT IN' || op === 'INCLUDES' || op === 'EXCLUDES') {
        const values = (Array.isArray(c.value) ? c.value : [c.value]).map((v, i) =>
            literal(v, types ? types[i] : (c.literalType as string), field)
        );
        const map = {
            IN: 'in',
            'NOT IN': 'nin',
            INCLUDES: 'includes',
            EXCLUDES: 'excludes'
        } as const;
        return { field: path, op: map[op as keyof typeof map], value: values };
    }
    const type = Array.isArray(c.literalType) ? c.literalType[0] : c.literalType;
    if (type === 'DATE_LITERAL' || type === 'DATE_N_LITERAL') {
        if (field.kind !== 'date' && field.kind !== 'datetime') {
            malformed(
                `Date literal ${String(c.value)} used with ${path}, which is not a date field.`
            );
        }
        const range = dateLiteralRange(String(c.value), now);
        const s = bound(field, range.start);
        const e = bound(field, range.end);
        switch (op) {
            case '=':
                return {
                    and: [
                        { field: path, op: 'gte', value: s },
                        { field: path, op: 'lt', value: e }
                    ]
                };
            case '!=':
            case '<>':
                return {
                    or: [
                        { field: path, op: 'eq', value: null },
                        { field: path, op: 'lt', value: s },
                        { field: path, op: 'gte', value: e }
                    ]
                };
            case '<':
                return { field: path, op: 'lt', value: s };
            case '<=':
                return { field: path, op: 'lt', value: e };
            case '>':
                return { field: path, op: 'gte', value: e };
            case '>=':
                return { field: path, op: 'gte', value: s };
            default:
                return malformed(`Operator ${op} cannot be used with a date literal.`);
        }
    }
    const value = literal(c.value, type, field);
    switch (op) {
        case '=':
            return { field: path, op: 'eq', value };
        case '!=':
        case '<>':
            return { field: path, op: 'ne', value };
        case '<':
            return { field: path, op: 'lt', value };
        case '<=':
            return { field: path, op: 'lte', value };
        case '>':
            return { field: path, op: 'gt', value };
        case '>=':
            return { field: path, op: 'gte', value };
        case 'LIKE':
            return { field: path, op: 'like', value };
        default:
            return malformed(`Unknown operator ${c.operator}`);
    }
}

/** Flattens the parser's WHERE chain into tokens, then parses with AND/OR/NOT precedence. */
function whereFilter(
    store: SqliteSource,
    info: ObjectInfo,
    where: unknown,
    now: Date
): Filter | undefined {
    if (!where) return undefined;
    const tokens: Token[] = [];
    const walk = (node: Record<string, unknown> | null | undefined) => {
        if (!node) return;
        const left = node.left as (Condition & { openParen?: number; closeParen?: number }) | null;
        if (left) {
            for (let i = 0; i < (left.openParen ?? 0); i++) tokens.push('(');
            tokens.push({ cond: left });
            for (let i = 0; i < (left.closeParen ?? 0); i++) tokens.push(')');
        }
        if (node.operator) tokens.push(String(node.operator).toUpperCase() as Token);
        walk(node.right as Record<string, unknown> | undefined);
    };
    walk(where as Record<string, unknown>);
    let pos = 0;
    const peek = () => tokens[pos];
    const orExpr = (): Filter => {
        const parts = [andExpr()];
        while (peek() === 'OR') {
            pos++;
            parts.push(andExpr());
        }
        return parts.length === 1 ? parts[0] : { or: parts };
    };
    const andExpr = (): Filter => {
        const parts = [unary()];
        while (peek() === 'AND') {
            pos++;
            parts.push(unary());
        }
        return parts.length === 1 ? parts[0] : { and: parts };
    };
    const unary = (): Filter => {
        const t = tokens[pos++];
        if (t === 'NOT') return { not: unary() };
        if (t === '(') {
            const inner = orExpr();
            if (tokens[pos++] !== ')') malformed('Unbalanced parentheses in WHERE.');
            return inner;
        }
        if (t && typeof t === 'object') return conditionFilter(store, info, t.cond, now);
        return malformed('Unexpected token in WHERE.');
    };
    const filter = orExpr();
    if (pos !== tokens.length) malformed('Unexpected token in WHERE.');
    return filter;
}

function attributes(store: SqliteSource, type: string, id: unknown): RecordValues {
    const attrs: RecordValues = { type };
    if (typeof id === 'string') attrs.url = `/services/data/v${API_VERSION}/sobjects/${type}/${id}`;
    void store;
    return attrs;
}

interface SelectPlan {
    info: ObjectInfo;
    /** Canonical field paths to read. */
    paths: string[];
    /** Reference id paths needed to shape parent objects (not returned unless selected). */
    refPaths: string[];
    selected: string[];
    subqueries: { name: string; query: Query; childObject: string; field: string }[];
}

function plan(store: SqliteSource, info: ObjectInfo, query: Query): SelectPlan {
    const selected: string[] = [];
    const refPaths = new Set<string>();
    const subqueries: SelectPlan['subqueries'] = [];
    for (const f of query.fields ?? []) {
        const field = f as unknown as Record<string, unknown>;
        if (field.type === 'Field' || field.type === 'FieldRelationship') {
            const raw = field.type === 'Field' ? String(field.field) : String(field.rawValue);
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
        } else if (field.type === 'FieldFunctionExpression') {
            malformed('Aggregate functions need GROUP BY or must stand alone.');
        } else {
            malformed(`Unsupported select item ${String(field.rawValue ?? field.type)}.`);
        }
    }
    // The Id is read even when not selected: every record's attributes carry its url.
    if (!selected.includes('Id')) refPaths.add('Id');
    const paths = [...new Set([...selected, ...refPaths])];
    return { info, paths, refPaths: [...refPaths], selected, subqueries };
}

function shape(store: SqliteSource, p: SelectPlan, row: RecordValues): RecordValues {
    const out: RecordValues = { attributes: attributes(store, p.info.name, row.Id) };
    for (const path of p.selected) {
        const parts = path.split('.');
        if (parts.length === 1) {
            out[path] = row[path] ?? null;
            continue;
        }
        let target = out;
        let prefix = '';
        let objInfo: ObjectInfo | undefined = p.info;
        let alive = true;
        for (let i = 0; i < parts.length - 1; i++) {
            const rel = parts[i];
            const ref = Object.values(objInfo?.fields ?? {}).find(
                (f) => f.relationshipName === rel
            );
            const idPath = prefix ? `${prefix}.${ref?.name}` : String(ref?.name);
            const parentId = row[idPath];
            prefix = prefix ? `${prefix}.${rel}` : rel;
            if (!parentId) {
                target[rel] = null;
                alive = false;
                break;
            }
            const type = store.objectOfId(String(parentId)) ?? ref?.referenceTo?.[0] ?? 'Name';
            if (!target[rel]) target[rel] = { attributes: attributes(store, type, parentId) };
            target = target[rel] as RecordValues;
            objInfo = store.objectInfo(type);
        }
        if (alive) target[parts[parts.length - 1]] = row[path] ?? null;
    }
    return out;
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

function objectInfoOf(store: SqliteSource, name: string | undefined): ObjectInfo {
    const canonical = store
        .objectNames()
        .find((n) => n.toLowerCase() === String(name).toLowerCase());
    const info = canonical ? store.objectInfo(canonical) : undefined;
    if (!info)
        throw new SourceError(
            'INVALID_TYPE',
            `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name.`
        );
    return info;
}

function isAggregate(query: Query): boolean {
    return (
        (query.fields ?? []).some(
            (f) => (f as unknown as { isAggregateFn?: boolean }).isAggregateFn
        ) || !!query.groupBy
    );
}

function runAggregate(
    store: SqliteSource,
    info: ObjectInfo,
    query: Query,
    where: Filter | undefined
): SoqlRows {
    const fields = query.fields ?? [];
    const first = fields[0] as unknown as { functionName?: string; parameters?: unknown[] };
    if (
        fields.length === 1 &&
        first.functionName?.toUpperCase() === 'COUNT' &&
        !first.parameters?.length &&
        !query.groupBy
    ) {
        const rows = store.aggregate(info.name, {
            groupBy: [],
            functions: [{ fn: 'COUNT', alias: 'n' }],
            where
        });
        return { totalSize: Number(rows[0]?.n ?? 0), records: [] };
    }
    const groupList = query.groupBy
        ? Array.isArray(query.groupBy)
            ? query.groupBy
            : [query.groupBy]
        : [];
    const groupBy = groupList.map((g) => {
        const item = g as unknown as { field?: string };
        if (!item.field) malformed('GROUP BY supports fields only in the local org.');
        return canonicalPath(store, info, item.field).path;
    });
    const functions: Parameters<SqliteSource['aggregate']>[1]['functions'] = [];
    let expr = 0;
    for (const f of fields) {
        const item = f as unknown as {
            type: string;
            field?: string;
            functionName?: string;
            parameters?: unknown[];
            alias?: string;
        };
        if (item.type === 'Field') {
            const path = canonicalPath(store, info, String(item.field)).path;
            if (!groupBy.includes(path))
                malformed(`Field must be grouped or aggregated: ${item.field}`);
            continue;
        }
        const fn = String(item.functionName).toUpperCase();
        if (!['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX'].includes(fn))
            malformed(`Unsupported function ${fn}`);
        const param = item.parameters?.[0];
        functions.push({
            fn: fn as 'COUNT',
            field: param ? canonicalPath(store, info, String(param)).path : undefined,
            alias: item.alias ?? `expr${expr++}`
        });
    }
    if (query.having) malformed('HAVING is not supported by the local org.');
    const orders = query.orderBy
        ? Array.isArray(query.orderBy)
            ? query.orderBy
            : [query.orderBy]
        : [];
    // The result keys to sort by: a grouped field, or an aggregate repeated as in SELECT.
    const sortKeys = orders.map((o) => {
        const item = o as unknown as {
            field?: string;
            fn?: { functionName?: string; parameters?: unknown[] };
            order?: string;
            nulls?: string;
        };
        let key: string | undefined;
        if (item.field) {
            const path = canonicalPath(store, info, item.field).path;
            if (groupBy.includes(path)) key = path.split('.').pop();
        } else if (item.fn) {
            const fn = String(item.fn.functionName).toUpperCase();
            const param = item.fn.parameters?.[0];
            const field = param ? canonicalPath(store, info, String(param)).path : undefined;
            key = functions.find((f) => f.fn === fn && f.field === field)?.alias;
        }
        if (!key)
            malformed('ORDER BY in an aggregate query must name a grouped field or an aggregate.');
        const desc = item.order?.toUpperCase() === 'DESC';
        const nullsFirst = item.nulls ? item.nulls.toUpperCase() === 'FIRST' : !desc;
        return { key, desc, nullsFirst };
    });
    const sorted = sortKeys.length > 0 || query.offset;
    let rows = store.aggregate(info.name, {
        groupBy,
        functions,
        where,
        limit: sorted ? undefined : query.limit
    });
    if (sortKeys.length) {
        rows = [...rows].sort((a, b) => {
            for (const { key, desc, nullsFirst } of sortKeys) {
                const x = a[key];
                const y = b[key];
                if (x === y) continue;
                if (x === null || x === undefined) return nullsFirst ? -1 : 1;
                if (y === null || y === undefined) return nullsFirst ? 1 : -1;
                const c = (x as number | string) < (y as number | string) ? -1 : 1;
                return desc ? -c : c;
            }
            return 0;
        });
    }
    if (sorted) {
        const start = query.offset ?? 0;
        rows = rows.slice(start, query.limit !== undefined ? start + query.limit : undefined);
    }
    return {
        totalSize: rows.length,
        records: rows.map((r) => ({ attributes: { type: 'AggregateResult' }, ...r }))
    };
}

/** Runs a SOQL query; returns every matching record shaped as the REST API returns them. */
export function runSoql(store: SqliteSource, text: string, now = new Date()): SoqlRows {
    const query = parseSoql(text);
    return runQuery(store, query, now);
}

function runQuery(store: SqliteSource, query: Query, now: Date, parentFilter?: Filter): SoqlRows {
    const info = objectInfoOf(store, query.sObject);
    const ownWhere = whereFilter(store, info, query.where, now);
    const where = parentFilter
        ? ownWhere
            ? { and: [parentFilter, ownWhere] }
            : parentFilter
        : ownWhere;
    if (isAggregate(query)) return runAggregate(store, info, query, where);
    const p = plan(store, info, query);
    const { records, totalCount } = store.find(info.name, {
        fields: p.paths,
        where,
        orderBy: orderOf(store, info, query),
        limit: query.limit ?? 50_000_000,
        offset: query.offset ?? 0
    });
    const shaped = records.map((row) => {
        const rec = shape(store, p, row);
        for (const sub of p.subqueries) {
            const child = runQuery(
                store,
                { ...sub.query, sObject: sub.childObject } as Query,
                now,
                { field: sub.field, op: 'eq', value: row.Id }
            );
            rec[sub.name] = child.records.length
                ? { totalSize: child.totalSize, done: true, records: child.records }
                : null;
        }
        return rec;
    });
    return { totalSize: query.limit || query.offset ? shaped.length : totalCount, records: shaped };
}
