/**
 * The one way the CLI composes SOQL: `soql({ select, from, where, orderBy, limit })`.
 * Names (objects, fields) must be API names; values are bound through `where` conditions
 * and written as SOQL literals by `literal`, whose strings go through the one escaping
 * rule (`soqlString`). Nothing is pasted into a query as text.
 */

/** A value bound into a condition. A Date is a datetime literal (whole seconds, UTC). */
export type SoqlScalar = string | number | boolean | null | Date;
export type SoqlValue = SoqlScalar | readonly SoqlScalar[];

export type SoqlOperator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE' | 'IN' | 'NOT IN';

export interface SoqlCondition {
    field: string;
    op: SoqlOperator;
    value: SoqlValue;
}

export interface SoqlQuery {
    /** Field API names (`Owner.Name` for parents), or `['COUNT()']`. */
    select: readonly string[];
    from: string;
    /** Joined with AND. */
    where?: readonly SoqlCondition[];
    orderBy?: string | { field: string; direction: 'ASC' | 'DESC' };
    limit?: number;
}

/** `field op value` (a bound value: never pasted). */
export function cond(field: string, op: SoqlOperator, value: SoqlValue): SoqlCondition {
    return { field, op, value };
}

const NAME = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;

/** An object or field API name; anything else is refused (names are never quoted in SOQL). */
export function soqlName(name: string): string {
    if (typeof name !== 'string' || !NAME.test(name)) {
        throw new Error(`Not an API name: ${JSON.stringify(name)}`);
    }
    return name;
}

/**
 * A SOQL string literal: the one escaping rule. Backslash first, then the quotes and the
 * control characters SOQL has escape sequences for (\n \r \t \b \f).
 */
export function soqlString(value: string): string {
    const escaped = value.replace(/[\\'"\n\r\t\b\f]/g, (c) => ESCAPES[c]);
    return `'${escaped}'`;
}

const ESCAPES: Record<string, string> = {
    '\\': '\\\\',
    "'": "\\'",
    '"': '\\"',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
    '\b': '\\b',
    '\f': '\\f'
};

/** A datetime literal (UTC, whole seconds: floored, which is conservative for `>`). */
export function soqlDateTime(value: Date | string): string {
    const t = typeof value === 'string' ? Date.parse(value) : value.getTime();
    if (Number.isNaN(t)) throw new Error(`Not a date-time: ${String(value)}`);
    return new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** One value as a SOQL literal. */
export function literal(value: SoqlScalar): string {
    if (value === null) return 'null';
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    if (typeof value === 'number') {
        if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`);
        return String(value);
    }
    if (value instanceof Date) return soqlDateTime(value);
    if (typeof value === 'string') return soqlString(value);
    throw new Error(`Cannot bind ${typeof value} into SOQL.`);
}

function condition({ field, op, value }: SoqlCondition): string {
    const name = soqlName(field);
    if (op === 'IN' || op === 'NOT IN') {
        if (!Array.isArray(value) || value.length === 0) {
            throw new Error(`${op} on ${field} needs a non-empty list of values.`);
        }
        return `${name} ${op} (${(value as SoqlScalar[]).map(literal).join(', ')})`;
    }
    if (Array.isArray(value)) throw new Error(`${op} on ${field} takes one value, not a list.`);
    if (value === null && op !== '=' && op !== '!=') {
        throw new Error(`${op} on ${field} cannot compare with null.`);
    }
    return `${name} ${op} ${literal(value as SoqlScalar)}`;
}

/** Composes a query; throws on anything that is not a name or a bindable value. */
export function soql(q: SoqlQuery): string {
    if (!q.select.length) throw new Error('A query selects at least one field.');
    const fields = q.select.map((f) => (f === 'COUNT()' ? f : soqlName(f)));
    let text = `SELECT ${[...new Set(fields)].join(', ')} FROM ${soqlName(q.from)}`;
    if (q.where?.length) text += ` WHERE ${q.where.map(condition).join(' AND ')}`;
    if (q.orderBy) {
        const o =
            typeof q.orderBy === 'string' ? { field: q.orderBy, direction: 'ASC' } : q.orderBy;
        if (o.direction !== 'ASC' && o.direction !== 'DESC') {
            throw new Error(`ORDER BY direction must be ASC or DESC.`);
        }
        text += ` ORDER BY ${soqlName(o.field)} ${o.direction}`;
    }
    if (q.limit !== undefined) {
        if (!Number.isInteger(q.limit) || q.limit < 0) {
            throw new Error(`LIMIT must be a whole number, not ${q.limit}.`);
        }
        text += ` LIMIT ${q.limit}`;
    }
    return text;
}
