/**
 * SOQL WHERE clauses as the store's structured filters: field paths resolved
 * against the schema, values typed by their field (date literals as ranges),
 * AND/OR/NOT with SOQL's precedence. Nothing from the query text becomes SQL.
 */
import type { Query } from '@jetstreamapp/soql-parser-js';
import { MS_PER_DAY } from '../../../core/src/index';
import { compoundSelection, type CompoundSelection } from './compoundFields';
import { dateFunctionField, dateFunctionPath, isDateFunction } from './soqlDateFunctions';
import type { SqliteSource } from './sqliteSource';
import {
    namesOf,
    SourceError,
    type FieldInfo,
    type Filter,
    type FilterOp,
    type ObjectInfo
} from './source';

export type Token = '(' | ')' | 'AND' | 'OR' | 'NOT' | { cond: Condition };

export interface Condition {
    field?: string;
    fn?: { functionName?: string; parameters?: unknown[]; rawValue?: string };
    operator: string;
    value?: unknown;
    literalType?: string | string[];
    valueQuery?: unknown;
    dateLiteralVariable?: number | number[];
}

export function malformed(message: string): never {
    throw new SourceError('MALFORMED_QUERY', message);
}

/** The object a FROM names (any case), or INVALID_TYPE as the platform words it. */
export function objectInfoOf(store: SqliteSource, name: string | undefined): ObjectInfo {
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

/**
 * Where a WHERE clause sits, which decides whether it may hold a semi-join:
 * only the outer query's (`top`), never a semi-join's own (`semiJoin`) nor a
 * child subquery's (`child`).
 */
export type WhereContext = 'top' | 'semiJoin' | 'child';

/** The platform's limit on semi-joins and anti-joins in one WHERE clause. */
const MAX_SEMI_JOINS = 2;

function semiJoinFilter(
    store: SqliteSource,
    info: ObjectInfo,
    c: Condition,
    now: Date,
    context: WhereContext
): Filter {
    if (context === 'semiJoin') malformed('Nesting of semi join sub-selects is not supported');
    if (context === 'child')
        malformed(
            'Semi join sub-selects are only allowed at the top level WHERE expressions and not in nested WHERE expressions.'
        );
    const op = c.operator.toUpperCase();
    if (op !== 'IN' && op !== 'NOT IN')
        malformed(`A sub-select can only follow IN or NOT IN, not ${c.operator}.`);
    if (!c.field) malformed('A semi join needs a field on its left.');
    const left = canonicalPath(store, info, c.field);
    if (left.field.kind !== 'id' && left.field.kind !== 'reference')
        malformed(
            `Semi join and anti join filters compare an Id or reference field; ${left.path} is neither.`
        );
    const sub = c.valueQuery as Query;
    const inner = objectInfoOf(store, sub.sObject);
    if (inner.name === info.name)
        malformed('The inner and outer selects should not be on the same object type');
    const fields = sub.fields ?? [];
    const only = fields[0] as { type?: string; field?: string; rawValue?: string } | undefined;
    if (fields.length !== 1 || only?.type !== 'Field')
        malformed(
            `A semi join sub-select selects exactly one Id or reference field of ${inner.name}.`
        );
    const selected = canonicalPath(store, inner, String(only.field));
    if (selected.field.kind !== 'id' && selected.field.kind !== 'reference')
        malformed(`semi join sub selects can only query id fields, cannot use: '${only.field}'`);
    if (sub.orderBy || sub.limit !== undefined || sub.offset !== undefined || sub.groupBy)
        malformed(
            'ORDER BY, LIMIT, OFFSET and GROUP BY are not allowed in a semi join sub-select.'
        );
    return {
        field: left.path,
        op: op === 'IN' ? 'inSelect' : 'ninSelect',
        select: {
            object: inner.name,
            field: selected.path,
            where: whereFilter(store, inner, sub.where, now, 'semiJoin')
        }
    };
}

/** The platform's rules on where semi-joins may stand: at most two, never under OR or NOT. */
function checkSemiJoins(filter: Filter): void {
    let count = 0;
    const walk = (f: Filter, under?: 'OR' | 'NOT') => {
        if ('and' in f) f.and.forEach((x) => walk(x, under));
        else if ('or' in f) f.or.forEach((x) => walk(x, under ?? 'OR'));
        else if ('not' in f) walk(f.not, under ?? 'NOT');
        else if ('select' in f) {
            count++;
            if (under === 'OR')
                malformed("Semi join sub-selects are not allowed with the 'OR' operator");
            if (under === 'NOT')
                malformed(
                    'NOT cannot be used with a semi join or anti join: write the anti join (NOT IN) or semi join (IN) instead.'
                );
        }
    };
    walk(filter);
    if (count > MAX_SEMI_JOINS)
        malformed(
            `Maximum of ${MAX_SEMI_JOINS} semi join or anti join sub-selects per WHERE clause; this one has ${count}.`
        );
}

/** Resolves a (case-insensitive) field path to its canonical API names. */
export function canonicalPath(
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
            const names = namesOf(obj);
            if (last) {
                found = names.fields.get(part);
            } else {
                const ref = names.references.get(part);
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
            const compound = last && compoundNamed(current, part);
            if (compound)
                throw new SourceError(
                    'INVALID_FIELD',
                    `field '${compound}' can not be filtered, sorted or grouped in a query call: it is a compound field; use its parts.`,
                    [compound]
                );
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

/** The compound field (BillingAddress) of one of `objects` with this lower-case name. */
function compoundNamed(objects: ObjectInfo[], name: string): string | undefined {
    for (const o of objects)
        for (const c of Object.keys(o.compoundFields ?? {})) if (c.toLowerCase() === name) return c;
    return undefined;
}

/**
 * A relationship path's canonical form and the objects it can point at
 * (`account` → Account, [Account]); errors as canonicalPath words them.
 */
export function relationshipTargets(
    store: SqliteSource,
    info: ObjectInfo,
    prefix: string
): { path: string; objects: ObjectInfo[] } {
    const path = canonicalPath(store, info, `${prefix}.Id`).path.replace(/\.Id$/, '');
    let objects = [info];
    for (const part of path.split('.')) {
        const ref = objects
            .flatMap((o) => Object.values(o.fields))
            .find((f) => f.kind === 'reference' && f.relationshipName === part);
        objects = (ref?.referenceTo ?? [])
            .map((t) => store.objectInfo(t))
            .filter((o): o is ObjectInfo => !!o);
    }
    return { path, objects };
}

/** The compound field a select item names (BillingAddress, Account.BillingAddress), if any. */
export function selectedCompound(
    store: SqliteSource,
    info: ObjectInfo,
    raw: string
): CompoundSelection | undefined {
    return compoundSelection(info, raw, (prefix) => relationshipTargets(store, info, prefix));
}

export function unquote(raw: string): string {
    const body = raw.slice(1, -1);
    return body.replace(
        /\\(.)/g,
        (_m, c: string) => ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' })[c] ?? c
    );
}

export interface Range {
    start: Date;
    end: Date;
}

export function startOfDay(d: Date): Date {
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

export function literal(raw: unknown, type: string | undefined, field: FieldInfo): unknown {
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

export function bound(field: FieldInfo, d: Date): string {
    return field.kind === 'date' ? d.toISOString().slice(0, 10) : d.toISOString();
}

/**
 * What a condition compares: a field, or a date function of one (CALENDAR_YEAR(CloseDate)),
 * whose store path is `NAME(FieldPath)`.
 */
export function comparedField(
    store: SqliteSource,
    info: ObjectInfo,
    c: Pick<Condition, 'field' | 'fn'>
): { path: string; field: FieldInfo } {
    if (c.field) return canonicalPath(store, info, c.field);
    const name = String(c.fn?.functionName).toUpperCase();
    if (!c.fn || !isDateFunction(name))
        return malformed(
            `${c.fn?.functionName ?? 'This'}() cannot be compared here; only date functions (CALENDAR_YEAR(CloseDate) …) can.`
        );
    const path = dateFunctionPath(info, c.fn, (raw) => canonicalPath(store, info, raw));
    return { path, field: dateFunctionField(path, name) };
}

export function conditionFilter(
    store: SqliteSource,
    info: ObjectInfo,
    c: Condition,
    now: Date,
    context: WhereContext = 'top'
): Filter {
    if (c.valueQuery) return semiJoinFilter(store, info, c, now, context);
    const { path, field } = comparedField(store, info, c);
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
    return { field: path, op: comparison(op), value: literal(c.value, type, field) };
}

const COMPARISONS: Record<string, FilterOp> = {
    '=': 'eq',
    '!=': 'ne',
    '<>': 'ne',
    '<': 'lt',
    '<=': 'lte',
    '>': 'gt',
    '>=': 'gte',
    LIKE: 'like'
};

/** The filter operator of a single-value SOQL comparison. */
export function comparison(operator: string): FilterOp {
    return COMPARISONS[operator.toUpperCase()] ?? malformed(`Unknown operator ${operator}`);
}

/**
 * Flattens the parser's WHERE (or HAVING) chain into tokens, then parses them
 * with AND/OR/NOT precedence; `leaf` turns each condition into a filter.
 */
export function conditionTree(
    where: unknown,
    leaf: (c: Condition) => Filter,
    clause = 'WHERE'
): Filter {
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
            if (tokens[pos++] !== ')') malformed(`Unbalanced parentheses in ${clause}.`);
            return inner;
        }
        if (t && typeof t === 'object') return leaf(t.cond);
        return malformed(`Unexpected token in ${clause}.`);
    };
    const filter = orExpr();
    if (pos !== tokens.length) malformed(`Unexpected token in ${clause}.`);
    return filter;
}

/** A query's WHERE as the store's filter (undefined when it has none). */
export function whereFilter(
    store: SqliteSource,
    info: ObjectInfo,
    where: unknown,
    now: Date,
    context: WhereContext = 'top'
): Filter | undefined {
    if (!where) return undefined;
    const filter = conditionTree(where, (c) => conditionFilter(store, info, c, now, context));
    checkSemiJoins(filter);
    return filter;
}
