/**
 * SOQL date functions (CALENDAR_YEAR(CloseDate), HOUR_IN_DAY(convertTimezone(CreatedDate)) …)
 * in WHERE, GROUP BY, HAVING, ORDER BY and an aggregate query's SELECT. The store reads one
 * as a field path `NAME(FieldPath)`, which the SQL builder turns into an expression over the
 * field's column from this table (never from query text). The local org runs in UTC and its
 * fiscal year is the calendar year (starting in January), so FISCAL_* equal CALENDAR_* and
 * convertTimezone() changes nothing.
 */
import type { FieldInfo, ObjectInfo } from './source';
import { SourceError } from './source';

/** Dates and datetimes are ISO text in UTC: SQLite's strftime reads both. */
const part = (format: string) => (x: string) => `CAST(strftime('${format}', ${x}) AS INTEGER)`;
const month = part('%m');
const quarter = (x: string) => `((${month(x)} + 2) / 3)`;
const year = part('%Y');

/** Each function's SQL over its field's column; DAY_IN_WEEK 1 is Sunday, weeks count from day 1. */
export const DATE_FUNCTION_SQL: Record<string, (x: string) => string> = {
    CALENDAR_MONTH: month,
    CALENDAR_QUARTER: quarter,
    CALENDAR_YEAR: year,
    DAY_IN_MONTH: part('%d'),
    DAY_IN_WEEK: (x) => `(${part('%w')(x)} + 1)`,
    DAY_IN_YEAR: part('%j'),
    DAY_ONLY: (x) => `date(${x})`,
    FISCAL_MONTH: month,
    FISCAL_QUARTER: quarter,
    FISCAL_YEAR: year,
    HOUR_IN_DAY: part('%H'),
    WEEK_IN_MONTH: (x) => `((${part('%d')(x)} + 6) / 7)`,
    WEEK_IN_YEAR: (x) => `((${part('%j')(x)} + 6) / 7)`
};

/** Functions that need a time of day: a date field has none. */
const DATETIME_ONLY = new Set(['DAY_ONLY', 'HOUR_IN_DAY']);

/** A date function's value as a field: DAY_ONLY a date, the others integers. */
export function dateFunctionField(path: string, name: string): FieldInfo {
    return {
        name: path,
        label: path,
        kind: name === 'DAY_ONLY' ? 'date' : 'int',
        createable: false,
        updateable: false,
        nillable: true
    };
}

export function isDateFunction(name: unknown): boolean {
    return typeof name === 'string' && name.toUpperCase() in DATE_FUNCTION_SQL;
}

interface FunctionItem {
    functionName?: string;
    parameters?: unknown[];
}

type Resolve = (raw: string) => { path: string; field: FieldInfo };

function refuse(message: string): never {
    throw new SourceError('INVALID_FIELD', message);
}

/**
 * The store path of a date function call (`CALENDAR_YEAR(CreatedDate)`), its argument
 * resolved and checked: a date or datetime field, optionally in convertTimezone().
 */
export function dateFunctionPath(info: ObjectInfo, fn: FunctionItem, resolve: Resolve): string {
    const name = String(fn.functionName).toUpperCase();
    const params = fn.parameters ?? [];
    if (params.length !== 1) refuse(`${name}() takes one field, not ${params.length}.`);
    let arg = params[0];
    const converted = typeof arg === 'object' && arg !== null;
    if (converted) {
        const inner = arg as FunctionItem;
        if (String(inner.functionName).toLowerCase() !== 'converttimezone')
            refuse(
                `${name}() takes a field or convertTimezone(field), not ${inner.functionName}().`
            );
        if (inner.parameters?.length !== 1 || typeof inner.parameters[0] !== 'string')
            refuse('convertTimezone() takes one date/time field.');
        arg = inner.parameters[0];
    }
    const { path, field } = resolve(String(arg));
    if (field.kind !== 'date' && field.kind !== 'datetime')
        refuse(
            `${name}() takes a date or date/time field; ${path} on ${info.name} is a ${field.kind} field.`
        );
    if (field.kind === 'date' && (converted || DATETIME_ONLY.has(name)))
        refuse(
            `${converted ? 'convertTimezone()' : `${name}()`} takes a date/time field; ${path} is a date field.`
        );
    return `${name}(${path})`;
}
