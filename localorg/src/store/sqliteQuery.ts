/**
 * The SQL the SQLite store reads with: field paths as column expressions, filters as WHERE
 * clauses. Only identifiers from the object descriptions go into the text (checked against a
 * strict pattern and quoted); every value is a bound parameter. Parent paths in filters and
 * ordering ('Owner.Name') become correlated subqueries; in a select list, LEFT JOINs.
 */
import { normalizeId } from './ids';
import { DATE_FUNCTION_SQL, dateFunctionField } from './soqlDateFunctions';
import {
    SourceError,
    type FieldInfo,
    type Filter,
    type ObjectInfo,
    type SubSelect
} from './source';

const IDENT = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

/** An identifier from the schema, checked and quoted. */
export function q(name: string): string {
    if (!IDENT.test(name))
        throw new SourceError('INVALID_FIELD', `Invalid name: ${name.slice(0, 80)}`);
    return `"${name}"`;
}

/** A value as SQLite stores it: ids in their 18-character form, booleans as 0 and 1. */
export function toDb(field: FieldInfo, value: unknown): unknown {
    if (value === null || value === undefined) return null;
    if ((field.kind === 'id' || field.kind === 'reference') && typeof value === 'string')
        return normalizeId(value) ?? value;
    if (field.kind === 'boolean') return value === true || value === 'true' ? 1 : 0;
    if (typeof value === 'boolean') return value ? 1 : 0;
    return value;
}

/** ` AND t."IsDeleted" = 0` for objects with a recycle bin (row alias t). */
export function live(info: ObjectInfo): string {
    return info.fields.IsDeleted ? ' AND t."IsDeleted" = 0' : '';
}

/**
 * Part of a record's JSON SQLite writes for each row, as one object (json_object): the record's
 * attributes when set (its type and the url before its id), then fields' values by key.
 */
export interface JsonColumn {
    attributes?: { type: string; url: string };
    fields: { key: string; path: string }[];
}

/** Names, API paths and versions: all a JSON column's literal text may hold. */
const LITERAL = /^[A-Za-z0-9_./]*$/;

/**
 * A JSON column's key or attribute (a field's name, an object's type or url, all from the object
 * descriptions) as an SQL string literal; anything else is refused, never escaped, as q() does
 * for identifiers: values always go in as bound parameters.
 */
function sqlText(text: string): string {
    if (!LITERAL.test(text))
        throw new SourceError('INVALID_FIELD', `Invalid name: ${text.slice(0, 80)}`);
    return `'${text}'`;
}

/** The LEFT JOINs a select list reads parents through, by row alias, reference and parent. */
export type Joins = Map<string, { alias: string; sql: string }>;

/** An aggregate query: GROUP BY fields and functions over a filter. */
export interface AggregateSpec {
    groupBy: string[];
    /** Each group's key in the answer (default: its field's name; a date function's exprN). */
    groupKeys?: string[];
    functions: {
        fn: 'COUNT' | 'COUNT_DISTINCT' | 'SUM' | 'AVG' | 'MIN' | 'MAX';
        field?: string;
        alias: string;
    }[];
    where?: Filter;
    orderBy?: { expr: string; direction: 'ASC' | 'DESC' }[];
    limit?: number;
    includeDeleted?: boolean;
}

export class SqlBuilder {
    /** By object description: its columns declared TEXT. */
    private readonly textColumns = new WeakMap<ObjectInfo, Set<string>>();

    constructor(
        private readonly infos: Map<string, ObjectInfo>,
        /** A table's columns as `PRAGMA table_info` lists them. */
        private readonly columnsOf: (object: string) => unknown[]
    ) {}

    /**
     * Whether SQLite writes a field's JSON as JSON.stringify writes the value findRows reads: not
     * a checkbox (read as a boolean), and its column declared TEXT (text, null or bytes; a deploy
     * that changes a field's type keeps its column): SQLite writes doubles otherwise.
     */
    writesJson(info: ObjectInfo, name: string): boolean {
        let text = this.textColumns.get(info);
        if (!text) {
            const columns = this.columnsOf(info.name) as { name: string; type: string }[];
            text = new Set(columns.filter((c) => /^TEXT\b/i.test(c.type)).map((c) => c.name));
            this.textColumns.set(info, text);
        }
        return text.has(name) && info.fields[name]?.kind !== 'boolean';
    }

    /** An object's description; INVALID_TYPE when the org has no such object. */
    info(object: string): ObjectInfo {
        const info = this.infos.get(object);
        if (!info)
            throw new SourceError('INVALID_TYPE', `sObject type '${object}' is not supported.`);
        return info;
    }

    /**
     * SQL for a field path relative to the row alias, with its field description. A parent's
     * field is read through a correlated subquery, or, given `joins` (a select list's), through
     * a LEFT JOIN on the parent's Id added to them: the same value (ids are unique), without a
     * lookup per row and column.
     */
    expr(
        info: ObjectInfo,
        alias: string,
        path: string,
        depth = 0,
        joins?: Joins
    ): { sql: string; field: FieldInfo } {
        // A date function over a field path: CALENDAR_YEAR(CreatedDate).
        if (path.endsWith(')')) return this.dateFunction(info, alias, path, depth, joins);
        const [head, ...rest] = path.split('.');
        if (!rest.length) {
            const field = info.fields[head];
            if (!field)
                throw new SourceError(
                    'INVALID_FIELD',
                    `No such column '${head}' on entity '${info.name}'.`
                );
            return { sql: `${alias}.${q(head)}`, field };
        }
        const ref = Object.values(info.fields).find(
            (f) => f.kind === 'reference' && f.relationshipName === head
        );
        if (!ref || depth > 4)
            throw new SourceError(
                'INVALID_FIELD',
                `No such relationship '${head}' on entity '${info.name}'.`
            );
        const parts: string[] = [];
        let field: FieldInfo | undefined;
        const sub = `p${depth}`;
        for (const target of ref.referenceTo ?? []) {
            const pInfo = this.infos.get(target);
            if (!pInfo) continue;
            if (rest.length === 1 && rest[0] === 'Type' && !pInfo.fields.Type) {
                // Polymorphic parents (Owner) answer Type with their object: 'User' (or a queue's Type).
                parts.push(
                    `(SELECT '${target}' FROM ${q(target)} ${sub} WHERE ${sub}."Id" = ${alias}.${q(ref.name)})`
                );
                field ??= {
                    name: 'Type',
                    label: 'Type',
                    kind: 'string',
                    createable: false,
                    updateable: false,
                    nillable: true
                };
                continue;
            }
            const key = `${alias}.${ref.name}>${target}`;
            const known = joins ? [...joins.keys()] : [];
            const joined = joins?.get(key)?.alias ?? `j${joins?.size}`;
            if (joins && !joins.has(key))
                joins.set(key, {
                    alias: joined,
                    sql: `LEFT JOIN ${q(target)} ${joined} ON ${joined}."Id" = ${alias}.${q(ref.name)}`
                });
            try {
                if (joins) {
                    const inner = this.expr(pInfo, joined, rest.join('.'), depth + 1, joins);
                    field ??= inner.field;
                    parts.push(inner.sql);
                    continue;
                }
                const inner = this.expr(pInfo, sub, rest.join('.'), depth + 1);
                field ??= inner.field;
                parts.push(
                    `(SELECT ${inner.sql} FROM ${q(target)} ${sub} WHERE ${sub}."Id" = ${alias}.${q(ref.name)})`
                );
            } catch (e) {
                if (!(e instanceof SourceError)) throw e;
                // A parent type without the field: none of the joins made for it stay.
                for (const k of joins?.keys() ?? []) if (!known.includes(k)) joins!.delete(k);
            }
        }
        if (!field)
            throw new SourceError(
                'INVALID_FIELD',
                `No such column '${rest.join('.')}' through '${head}' on entity '${info.name}'.`
            );
        return { sql: parts.length === 1 ? parts[0] : `COALESCE(${parts.join(', ')})`, field };
    }

    /**
     * A JsonColumn's SQL, of fields writesJson accepts. A text column holding bytes
     * fails the statement (JSON cannot hold BLOB values); a record without an id (no url) makes
     * the column NULL: the reader can tell.
     */
    jsonColumn(info: ObjectInfo, alias: string, { attributes, fields }: JsonColumn): string {
        const args: string[] = [];
        if (attributes)
            args.push(
                `'attributes', json_object('type', ${sqlText(attributes.type)}, 'url', ${sqlText(attributes.url)} || ${alias}."Id")`
            );
        for (const { key, path } of fields) {
            if (!this.writesJson(info, path))
                throw new SourceError('INVALID_FIELD', `${path} is not written as JSON.`);
            args.push(sqlText(key), this.expr(info, alias, path).sql);
        }
        const object = `json_object(${args.join(', ')})`;
        return attributes ? `CASE WHEN ${alias}."Id" IS NOT NULL THEN ${object} END` : object;
    }

    /** `NAME(path)`: the function's SQL (from its table, never the path) over the field's. */
    private dateFunction(
        info: ObjectInfo,
        alias: string,
        path: string,
        depth: number,
        joins?: Joins
    ): { sql: string; field: FieldInfo } {
        const open = path.indexOf('(');
        const name = path.slice(0, open);
        const sqlOf = Object.hasOwn(DATE_FUNCTION_SQL, name) ? DATE_FUNCTION_SQL[name] : undefined;
        if (!sqlOf)
            throw new SourceError('INVALID_FIELD', `Unknown function in ${path.slice(0, 80)}`);
        const inner = this.expr(info, alias, path.slice(open + 1, -1), depth, joins);
        return { sql: sqlOf(inner.sql), field: dateFunctionField(path, name) };
    }

    where(info: ObjectInfo, f: Filter, params: unknown[]): string {
        if ('and' in f)
            return f.and.length
                ? `(${f.and.map((x) => this.where(info, x, params)).join(' AND ')})`
                : '1';
        if ('or' in f)
            return f.or.length
                ? `(${f.or.map((x) => this.where(info, x, params)).join(' OR ')})`
                : '0';
        if ('not' in f) return `(NOT COALESCE(${this.where(info, f.not, params)}, 0))`;
        const { sql, field } = this.expr(info, 't', f.field);
        if ('select' in f) return this.subSelect(sql, f.op, f.select, params);
        const v = f.value;
        const list = () => (v as unknown[]).map((x) => toDb(field, x));
        switch (f.op) {
            case 'eq':
                if (v === null) return `${sql} IS NULL`;
                params.push(toDb(field, v));
                return `${sql} = ?`;
            case 'ne':
                if (v === null) return `${sql} IS NOT NULL`;
                params.push(toDb(field, v));
                return `(${sql} IS NULL OR ${sql} <> ?)`;
            case 'gt':
            case 'gte':
            case 'lt':
            case 'lte': {
                params.push(toDb(field, v));
                const op = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[f.op];
                return `${sql} ${op} ?`;
            }
            case 'in':
            case 'nin': {
                const values = list();
                if (!values.length) return f.op === 'in' ? '0' : '1';
                params.push(...values);
                const marks = values.map(() => '?').join(', ');
                return f.op === 'in'
                    ? `${sql} IN (${marks})`
                    : `(${sql} IS NULL OR ${sql} NOT IN (${marks}))`;
            }
            case 'like':
                params.push(v);
                return `${sql} LIKE ?`;
            case 'includes':
            case 'excludes': {
                const any = list().map((x) => {
                    params.push(x);
                    return `(';' || COALESCE(${sql}, '') || ';') LIKE ('%;' || ? || ';%')`;
                });
                const test = any.length ? `(${any.join(' OR ')})` : '0';
                return f.op === 'includes' ? test : `(NOT ${test})`;
            }
        }
    }

    /**
     * A semi-join or anti-join: the subquery's own alias shadows the outer row's,
     * so its filter is built like any other. NULLs are left out of the inner set,
     * else NOT IN would match nothing; a NULL outer value is never IN and always
     * NOT IN, as with value lists.
     */
    private subSelect(
        sql: string,
        op: 'inSelect' | 'ninSelect',
        select: SubSelect,
        params: unknown[]
    ): string {
        const inner = this.info(select.object);
        const column = this.expr(inner, 't', select.field).sql;
        const where = select.where ? ` AND ${this.where(inner, select.where, params)}` : '';
        const set = `(SELECT ${column} FROM ${q(inner.name)} t WHERE ${column} IS NOT NULL${where})`;
        return op === 'inSelect' ? `${sql} IN ${set}` : `(${sql} IS NULL OR ${sql} NOT IN ${set})`;
    }

    /** ` WHERE …` for a filter; rows in the recycle bin are left out unless asked for. */
    whereClause(
        info: ObjectInfo,
        spec: { where?: Filter; includeDeleted?: boolean },
        params: unknown[]
    ): string {
        const filter = spec.where ? this.where(info, spec.where, params) : '';
        const alive = spec.includeDeleted ? '' : live(info).replace(' AND ', '');
        const parts = [filter, alive].filter(Boolean);
        return parts.length ? ` WHERE ${parts.join(' AND ')}` : '';
    }

    /** An aggregate's SELECT (groups as g0…, functions as f0…), with its values put in `params`. */
    aggregate(
        info: ObjectInfo,
        spec: AggregateSpec,
        params: unknown[]
    ): { sql: string; groups: { sql: string; field: FieldInfo }[] } {
        const where = this.whereClause(info, spec, params);
        const groups = spec.groupBy.map((g) => this.expr(info, 't', g));
        const cols = [
            ...groups.map((g, i) => `${g.sql} AS ${q(`g${i}`)}`),
            ...spec.functions.map((f, i) => {
                const arg = f.field ? this.expr(info, 't', f.field).sql : '*';
                const sql =
                    f.fn === 'COUNT_DISTINCT' ? `COUNT(DISTINCT ${arg})` : `${f.fn}(${arg})`;
                return `${sql} AS ${q(`f${i}`)}`;
            })
        ];
        const groupSql = groups.length ? ` GROUP BY ${groups.map((g) => g.sql).join(', ')}` : '';
        const limit = spec.limit ? ` LIMIT ${Math.max(0, Math.floor(spec.limit))}` : '';
        const sql = `SELECT ${cols.join(', ')} FROM ${q(info.name)} t${where}${groupSql}${limit}`;
        return { sql, groups };
    }
}
