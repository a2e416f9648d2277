/**
 * HAVING on a GROUP BY query: conditions on aggregates (COUNT(Id) > 1) and on
 * grouped fields, evaluated on the groups the store returns. An aggregate the
 * SELECT does not list is computed too, under a hidden alias, then dropped.
 */
import type { Query } from '@jetstreamapp/soql-parser-js';
import { rowMatches } from './filterMatch';
import { isDateFunction } from './soqlDateFunctions';
import type { SqliteSource } from './sqliteSource';
import type { Filter, ObjectInfo, RecordValues } from './source';
import {
    canonicalPath,
    comparedField,
    comparison,
    conditionTree,
    literal,
    malformed,
    type Condition
} from './soqlWhere';

export interface AggregateFunction {
    fn: 'COUNT' | 'COUNT_DISTINCT' | 'SUM' | 'AVG' | 'MIN' | 'MAX';
    field?: string;
    alias: string;
}

export const AGGREGATE_FUNCTIONS = ['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX'];

export interface Having {
    /** Whether a group passes. */
    test(row: RecordValues): boolean;
    /** Aliases of aggregates computed for HAVING only, removed from the answer. */
    hidden: string[];
}

/** Text compares without case, as SOQL compares text. */
const fold = (v: unknown): unknown =>
    typeof v === 'string' ? v.toLowerCase() : Array.isArray(v) ? v.map(fold) : v;

/**
 * The query's HAVING as a test on groups; `functions` gains the aggregates it
 * needs that SELECT does not list. Undefined when the query has no HAVING.
 */
export function havingOf(
    store: SqliteSource,
    info: ObjectInfo,
    query: Query,
    groupBy: string[],
    functions: AggregateFunction[],
    groupKeys: string[]
): Having | undefined {
    if (!query.having) return undefined;
    if (!groupBy.length) malformed('HAVING can only be used with GROUP BY.');
    const hidden: string[] = [];
    const leaf = (c: Condition): Filter => {
        let key: string;
        let field = info.fields.Id;
        if (c.field || isDateFunction(c.fn?.functionName)) {
            const resolved = comparedField(store, info, c);
            const group = groupBy.indexOf(resolved.path);
            if (group < 0)
                malformed(`Field must be grouped or aggregated: ${c.field ?? c.fn?.rawValue}`);
            field = resolved.field;
            key = groupKeys[group];
        } else if (c.fn) {
            const fn = String(c.fn.functionName).toUpperCase();
            if (!AGGREGATE_FUNCTIONS.includes(fn))
                malformed(`Unsupported function ${fn} in HAVING.`);
            const param = c.fn.parameters?.[0];
            const resolved = param ? canonicalPath(store, info, String(param)) : undefined;
            if (resolved) field = resolved.field;
            const existing = functions.find((f) => f.fn === fn && f.field === resolved?.path);
            key = existing?.alias ?? `having${hidden.length}`;
            if (!existing) {
                functions.push({
                    fn: fn as AggregateFunction['fn'],
                    field: resolved?.path,
                    alias: key
                });
                hidden.push(key);
            }
        } else return malformed('HAVING compares an aggregate function or a grouped field.');
        if (c.valueQuery) malformed('A sub-select cannot be used in HAVING.');
        const op = c.operator.toUpperCase();
        const types = Array.isArray(c.literalType) ? c.literalType : [c.literalType];
        if (types.some((t) => t === 'DATE_LITERAL' || t === 'DATE_N_LITERAL'))
            malformed('Date literals are not supported in HAVING by the local org.');
        if (op === 'IN' || op === 'NOT IN') {
            const values = (Array.isArray(c.value) ? c.value : [c.value]).map((v, i) =>
                literal(v, types[i] ?? types[0], field)
            );
            return { field: key, op: op === 'IN' ? 'in' : 'nin', value: fold(values) };
        }
        return { field: key, op: comparison(op), value: fold(literal(c.value, types[0], field)) };
    };
    const filter = conditionTree(query.having, leaf, 'HAVING');
    return { test: (row) => rowMatches(filter, (k) => fold(row[k] ?? null)), hidden };
}
