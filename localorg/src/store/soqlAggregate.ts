/**
 * SOQL aggregate queries: COUNT() alone, and GROUP BY over fields and date functions with
 * COUNT/COUNT_DISTINCT/SUM/AVG/MIN/MAX, HAVING, ORDER BY, LIMIT and OFFSET on the groups.
 * A grouped field answers under its name, a date function or an aggregate under its alias
 * or exprN, numbered in SELECT order as the platform numbers them.
 */
import type { Query } from '@jetstreamapp/soql-parser-js';
import type { SqliteSource } from './sqliteSource';
import type { Filter, ObjectInfo } from './source';
import type { SoqlRows } from './soql';
import { isDateFunction } from './soqlDateFunctions';
import { AGGREGATE_FUNCTIONS, havingOf, type AggregateFunction } from './soqlHaving';
import { canonicalPath, comparedField, malformed, type Condition } from './soqlWhere';

/** Whether a query aggregates (an aggregate or date function in SELECT, or GROUP BY). */
export function isAggregate(query: Query): boolean {
    return (
        (query.fields ?? []).some(
            (f) => (f as unknown as { isAggregateFn?: boolean }).isAggregateFn
        ) || !!query.groupBy
    );
}

/** Runs an aggregate query; its groups are AggregateResult records. */
export function runAggregate(
    store: SqliteSource,
    info: ObjectInfo,
    query: Query,
    where: Filter | undefined,
    includeDeleted: boolean
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
            where,
            includeDeleted
        });
        return { totalSize: Number(rows[0]?.n ?? 0), records: [] };
    }
    const groupList = query.groupBy
        ? Array.isArray(query.groupBy)
            ? query.groupBy
            : [query.groupBy]
        : [];
    const groupBy = groupList.map((g) => {
        const item = g as unknown as { field?: string; fn?: Condition['fn'] };
        if (!item.field && !item.fn) malformed('GROUP BY takes fields and date functions.');
        return comparedField(store, info, item).path;
    });
    // A grouped field answers under its name; a date function under its alias or exprN.
    const groupKeys: (string | undefined)[] = groupBy.map((g) =>
        g.endsWith(')') ? undefined : g.split('.').pop()
    );
    const functions: AggregateFunction[] = [];
    let expr = 0;
    for (const f of fields) {
        const item = f as unknown as {
            type: string;
            field?: string;
            functionName?: string;
            parameters?: unknown[];
            alias?: string;
            rawValue?: string;
        };
        if (item.type === 'Field') {
            const path = canonicalPath(store, info, String(item.field)).path;
            if (!groupBy.includes(path))
                malformed(`Field must be grouped or aggregated: ${item.field}`);
            continue;
        }
        const fn = String(item.functionName).toUpperCase();
        if (isDateFunction(fn)) {
            const group = groupBy.indexOf(comparedField(store, info, { fn: item }).path);
            if (group < 0)
                malformed(`Field must be grouped or aggregated: ${String(item.rawValue)}`);
            groupKeys[group] = item.alias ?? `expr${expr++}`;
            continue;
        }
        if (!AGGREGATE_FUNCTIONS.includes(fn)) malformed(`Unsupported function ${fn}`);
        const param = item.parameters?.[0];
        functions.push({
            fn: fn as 'COUNT',
            field: param ? canonicalPath(store, info, String(param)).path : undefined,
            alias: item.alias ?? `expr${expr++}`
        });
    }
    // Date functions grouped but not selected: a hidden key, dropped from the answer.
    const hiddenGroups = groupBy.flatMap((_, i) =>
        groupKeys[i] ? [] : [(groupKeys[i] = `group${i}`)]
    );
    const keys = groupKeys as string[];
    const having = havingOf(store, info, query, groupBy, functions, keys);
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
        if (item.field || isDateFunction(item.fn?.functionName)) {
            const group = groupBy.indexOf(comparedField(store, info, item).path);
            if (group >= 0) key = keys[group];
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
    const sorted = sortKeys.length > 0 || query.offset || having;
    let rows = store.aggregate(info.name, {
        groupBy,
        groupKeys: keys,
        functions,
        where,
        limit: sorted ? undefined : query.limit,
        includeDeleted
    });
    if (having) rows = rows.filter(having.test);
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
    const hidden = [...(having?.hidden ?? []), ...hiddenGroups];
    for (const row of rows) for (const alias of hidden) delete row[alias];
    return {
        totalSize: rows.length,
        records: rows.map((r) => ({ attributes: { type: 'AggregateResult' }, ...r }))
    };
}
