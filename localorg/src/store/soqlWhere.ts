/**
 * SOQL WHERE clauses as the store's structured filters: field paths resolved
 * against the schema, values typed by their field (date literals as ranges),
 * AND/OR/NOT with SOQL's precedence. Nothing from the query text becomes SQL.
 */
import { MS_PER_DAY } from '../../../core/src/index';
import type { SqliteSource } from './sqliteSource';
import { SourceError, type FieldInfo, type Filter, type ObjectInfo } from './source';

export type Token = '(' | ')' | 'AND' | 'OR' | 'NOT' | { cond: Condition };

export interface Condition {
    field?: string;
    fn?: { functionName?: string; parameters?: unknown[] };
    operator: string;
    value?: unknown;
    literalType?: string | string[];
    valueQuery?: unknown;
    dateLiteralVariable?: number | number[];
}

export function malformed(message: string): never {
    throw new SourceError('MALFORMED_QUERY', message);
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

export function conditionFilter(
    store: SqliteSource,
    info: ObjectInfo,
    c: Condition,
    now: Date
): Filter {
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
export function whereFilter(
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
