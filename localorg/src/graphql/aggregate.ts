/**
 * The UI API's aggregate queries (v58+), as the platform shapes them:
 *
 *   query { uiapi { aggregate { Lead(groupBy: { Status: { group: true } }, where: {...},
 *       first, after) { edges { node { aggregate {
 *           Status { value displayValue }            # a grouped field
 *           Id { count { value } }                   # count, countDistinct, sum, avg, min, max
 *           Owner { Name { value } }                 # parent fields, grouped through the relationship
 *       } } cursor } pageInfo { hasNextPage endCursor } totalCount } } } }
 *
 * The store groups and aggregates (SQL GROUP BY with parameters); nothing from
 * the request is pasted into SQL. totalCount is the number of groups (of
 * records when nothing is grouped). CUBE/ROLLUP, date functions and orderBy
 * are not offered by the local org and answer with a clear error.
 */
import type { FieldNode } from 'graphql';
import { args, DEFAULT_PAGE, fieldsOf, key, MAX_PAGE, RequestError, type Ctx } from './context';
import { toFilter } from './filters';
import { cursorOf, objectOf, offsetOf } from './query';
import type { FieldInfo, Filter, ObjectInfo, RecordSource, RecordValues } from '../store/source';

type AggregateFn = 'count' | 'countDistinct' | 'sum' | 'avg' | 'min' | 'max';
const SQL_FN = {
    count: 'COUNT',
    countDistinct: 'COUNT_DISTINCT',
    sum: 'SUM',
    avg: 'AVG',
    min: 'MIN',
    max: 'MAX'
} as const;

/** The store's GROUP BY (the local org's SQLite store offers it; SOQL aggregates use it too). */
interface AggregatingSource extends RecordSource {
    aggregate(
        object: string,
        spec: {
            groupBy: string[];
            functions: { fn: (typeof SQL_FN)[AggregateFn]; field?: string; alias: string }[];
            where?: Filter;
        }
    ): RecordValues[];
}

const FUNCTIONS = Object.keys(SQL_FN) as AggregateFn[];
const NUMERIC = new Set(['int', 'double', 'currency', 'percent']);

const canAggregate = (s: RecordSource): s is AggregatingSource =>
    typeof (s as Partial<AggregatingSource>).aggregate === 'function';

/** `uiapi { aggregate { Lead(...) {...} Account(...) {...} } }` */
export function aggregateRoot(ctx: Ctx, node: FieldNode): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const o of fieldsOf(ctx, node.selectionSet)) {
        if (o.name.value === '__typename') out[key(o)] = 'RecordQueryAggregate';
        else out[key(o)] = aggregateConnection(ctx, objectOf(ctx, o.name.value, o), o);
    }
    return out;
}

/** `{ Status: { group: true }, Owner: { Name: { group: true } } }` → ['Status', 'Owner.Name'] */
function groupPaths(
    ctx: Ctx,
    info: ObjectInfo,
    groupBy: unknown,
    node: FieldNode,
    prefix = ''
): string[] {
    if (groupBy === null || groupBy === undefined) return [];
    if (typeof groupBy !== 'object' || Array.isArray(groupBy))
        throw new RequestError(`groupBy on ${info.name} must be an object.`, node);
    const out: string[] = [];
    for (const [name, spec] of Object.entries(groupBy as Record<string, unknown>)) {
        if (name === 'type')
            throw new RequestError('groupBy type (CUBE, ROLLUP) is not supported here.', node);
        const field = info.fields[name];
        const ref = Object.values(info.fields).find(
            (f) => f.kind === 'reference' && f.relationshipName === name
        );
        if (!spec || typeof spec !== 'object')
            throw new RequestError(`groupBy ${prefix}${name} must be like { group: true }.`, node);
        if (field) {
            const s = spec as { group?: unknown; function?: unknown };
            if (s.function !== undefined && s.function !== null)
                throw new RequestError(
                    `groupBy function on ${prefix}${name} is not supported here.`,
                    node
                );
            if (s.group === true) out.push(`${prefix}${name}`);
            continue;
        }
        const parent = ref?.referenceTo?.map((t) => ctx.source.objectInfo(t)).find((p) => p);
        if (!parent)
            throw new RequestError(
                `Field '${name}' in type '${info.name}_GroupBy' is undefined`,
                node
            );
        if (prefix.split('.').length > 4)
            throw new RequestError('groupBy can go at most 5 levels deep.', node);
        out.push(...groupPaths(ctx, parent, spec, node, `${prefix}${name}.`));
    }
    return out;
}

/** What the `node { aggregate { ... } }` selection asks for, per field path. */
interface Wanted {
    path: string;
    field: FieldInfo;
    sel: FieldNode;
}

function wantedFields(
    ctx: Ctx,
    info: ObjectInfo,
    fields: FieldNode[],
    prefix: string,
    out: Wanted[]
): void {
    for (const f of fields) {
        const n = f.name.value;
        if (n === '__typename') continue;
        const field = info.fields[n];
        if (field) {
            out.push({ path: `${prefix}${n}`, field, sel: f });
            continue;
        }
        const ref = Object.values(info.fields).find(
            (x) => x.kind === 'reference' && x.relationshipName === n
        );
        const parent = ref?.referenceTo?.map((t) => ctx.source.objectInfo(t)).find((p) => p);
        if (!parent)
            throw new RequestError(`Field '${n}' in type '${info.name}_Aggregate' is undefined`, f);
        wantedFields(ctx, parent, fieldsOf(ctx, f.selectionSet), `${prefix}${n}.`, out);
    }
}

function aggregateConnection(ctx: Ctx, info: ObjectInfo, node: FieldNode): unknown {
    if (!canAggregate(ctx.source))
        throw new RequestError('This store does not answer aggregate queries.', node);
    const a = args(ctx, node);
    if (a.orderBy !== undefined && a.orderBy !== null)
        throw new RequestError('orderBy on aggregate queries is not supported here.', node);
    const first = a.first === null || a.first === undefined ? DEFAULT_PAGE : Number(a.first);
    if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE)
        throw new RequestError(`first must be an integer from 0 to ${MAX_PAGE}.`, node);
    const offset = offsetOf(a.after, node);
    const where =
        a.where === null || a.where === undefined
            ? undefined
            : toFilter(info, a.where, node, ctx, '');
    const groupBy = groupPaths(ctx, info, a.groupBy, node);

    const selections = fieldsOf(ctx, node.selectionSet);
    const aggregateFields = selections
        .filter((s) => s.name.value === 'edges')
        .flatMap((e) => fieldsOf(ctx, e.selectionSet))
        .filter((s) => s.name.value === 'node')
        .flatMap((n) => fieldsOf(ctx, n.selectionSet))
        .filter((s) => s.name.value === 'aggregate');
    const wanted: Wanted[] = [];
    for (const agg of aggregateFields)
        wantedFields(ctx, info, fieldsOf(ctx, agg.selectionSet), '', wanted);

    const leaves = new Set<string>();
    for (const g of groupBy) {
        const leaf = g.split('.').pop()!;
        if (leaves.has(leaf))
            throw new RequestError(`groupBy cannot hold two fields named ${leaf} here.`, node);
        leaves.add(leaf);
    }
    const measures: { field: string; fn: AggregateFn }[] = [];
    const measureIndex = new Map<string, number>();
    for (const w of wanted) {
        for (const s of fieldsOf(ctx, w.sel.selectionSet)) {
            const n = s.name.value;
            if (n === 'value' || n === 'displayValue' || n === '__typename') {
                if (n !== '__typename' && !groupBy.includes(w.path))
                    throw new RequestError(
                        `${w.path} is not grouped: ask for an aggregate function of it (count, sum, ...) or add it to groupBy.`,
                        s
                    );
                continue;
            }
            if (!FUNCTIONS.includes(n as AggregateFn))
                throw new RequestError(
                    `Field '${n}' in type '${w.field.name}' aggregate is undefined`,
                    s
                );
            if ((n === 'sum' || n === 'avg') && !NUMERIC.has(w.field.kind))
                throw new RequestError(`${n} applies to numbers, not to ${w.path}.`, s);
            const id = `${n}:${w.path}`;
            if (!measureIndex.has(id)) {
                measureIndex.set(id, measures.length);
                measures.push({ field: w.path, fn: n as AggregateFn });
            }
        }
    }

    const found = ctx.source.aggregate(info.name, {
        groupBy,
        functions: measures.map((m, i) => ({ fn: SQL_FN[m.fn], field: m.field, alias: `m${i}` })),
        where
    });
    // Groups in value order (nulls first), so that paging is stable.
    const rows = found
        .map((r) => ({
            groups: groupBy.map((g) => r[g.split('.').pop()!] ?? null),
            values: measures.map((_, i) => r[`m${i}`] ?? null)
        }))
        .sort((a, b) => compareGroups(a.groups, b.groups));
    // Grouped: the number of groups; ungrouped: the number of records (as the docs show).
    const totalCount = groupBy.length
        ? rows.length
        : ctx.source.find(info.name, { fields: ['Id'], where, limit: 0, offset: 0 }).totalCount;
    const page = rows.slice(offset, offset + first);
    const hasNext = rows.length > offset + first;

    const shapeAggregate = (row: (typeof rows)[number], sel: FieldNode) => {
        const fields: Wanted[] = [];
        wantedFields(ctx, info, fieldsOf(ctx, sel.selectionSet), '', fields);
        // Nested objects per relationship path, as the selection nests them.
        const out: Record<string, unknown> = {};
        for (const w of fields) {
            const value: Record<string, unknown> = {};
            for (const s of fieldsOf(ctx, w.sel.selectionSet)) {
                const n = s.name.value;
                if (n === '__typename') value[key(s)] = 'AggregateField';
                else if (n === 'value' || n === 'displayValue') {
                    const v = row.groups[groupBy.indexOf(w.path)];
                    value[key(s)] = n === 'value' ? v : displayOf(w.field, v);
                } else {
                    const v = row.values[measureIndex.get(`${n}:${w.path}`)!];
                    const fnOut: Record<string, unknown> = {};
                    for (const p of fieldsOf(ctx, s.selectionSet)) {
                        if (p.name.value === 'value') fnOut[key(p)] = v;
                        else if (p.name.value === 'displayValue')
                            fnOut[key(p)] = v === null || v === undefined ? null : String(v);
                        else if (p.name.value === '__typename') fnOut[key(p)] = 'AggregateValue';
                        else
                            throw new RequestError(
                                `Field '${p.name.value}' of ${n} is undefined`,
                                p
                            );
                    }
                    value[key(s)] = fnOut;
                }
            }
            let at = out;
            const parts = w.path.split('.');
            // The alias of the leaf is the selection's; parents nest by relationship name.
            for (const part of parts.slice(0, -1))
                at = (at[part] ??= {}) as Record<string, unknown>;
            at[key(w.sel)] = value;
        }
        return out;
    };

    const out: Record<string, unknown> = {};
    for (const s of selections) {
        const k = key(s);
        if (s.name.value === 'edges') {
            out[k] = page.map((row, i) => {
                const edge: Record<string, unknown> = {};
                for (const e of fieldsOf(ctx, s.selectionSet)) {
                    if (e.name.value === 'cursor') edge[key(e)] = cursorOf(offset + i);
                    else if (e.name.value === '__typename')
                        edge[key(e)] = `${info.name}AggregateEdge`;
                    else if (e.name.value === 'node') {
                        const nodeOut: Record<string, unknown> = {};
                        for (const n of fieldsOf(ctx, e.selectionSet)) {
                            if (n.name.value === 'aggregate')
                                nodeOut[key(n)] = shapeAggregate(row, n);
                            else if (n.name.value === '__typename')
                                nodeOut[key(n)] = `${info.name}Aggregate`;
                            else
                                throw new RequestError(
                                    `Field '${n.name.value}' in type '${info.name}AggregateEdge' node is undefined`,
                                    n
                                );
                        }
                        edge[key(e)] = nodeOut;
                    } else
                        throw new RequestError(
                            `Field '${e.name.value}' in type '${info.name}AggregateEdge' is undefined`,
                            e
                        );
                }
                return edge;
            });
        } else if (s.name.value === 'pageInfo') {
            const pi: Record<string, unknown> = {};
            for (const p of fieldsOf(ctx, s.selectionSet)) {
                const n = p.name.value;
                if (n === 'hasNextPage') pi[key(p)] = hasNext;
                else if (n === 'hasPreviousPage') pi[key(p)] = offset > 0;
                else if (n === 'startCursor') pi[key(p)] = page.length ? cursorOf(offset) : null;
                else if (n === 'endCursor')
                    pi[key(p)] = page.length ? cursorOf(offset + page.length - 1) : null;
                else if (n === '__typename') pi[key(p)] = 'PageInfo';
                else throw new RequestError(`Field '${n}' in type 'PageInfo' is undefined`, p);
            }
            out[k] = pi;
        } else if (s.name.value === 'totalCount') out[k] = totalCount;
        else if (s.name.value === '__typename') out[k] = `${info.name}AggregateConnection`;
        else
            throw new RequestError(
                `Field '${s.name.value}' in type '${info.name}AggregateConnection' is undefined`,
                s
            );
    }
    return out;
}

function compareGroups(a: unknown[], b: unknown[]): number {
    for (let i = 0; i < a.length; i++) {
        if (a[i] === b[i]) continue;
        if (a[i] === null) return -1;
        if (b[i] === null) return 1;
        if (typeof a[i] === 'number' && typeof b[i] === 'number')
            return (a[i] as number) - (b[i] as number);
        return String(a[i]) < String(b[i]) ? -1 : 1;
    }
    return 0;
}

function displayOf(field: FieldInfo, v: unknown): string | null {
    if (v === null || v === undefined) return null;
    const pick = field.picklistValues?.find((p) => p.value === v);
    return pick ? pick.label : String(v);
}
