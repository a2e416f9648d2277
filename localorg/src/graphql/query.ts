/** GraphQL reads: `uiapi { query { Object(...) { edges { node } } } }` planned into store queries and shaped as the UI API does. */
import { aggregateRoot } from './aggregate';
import { type FieldNode, type SelectionSetNode } from 'graphql';
import { type Filter, type ObjectInfo, type RecordValues } from '../store/source';
import {
    DEFAULT_PAGE,
    MAX_PAGE,
    MAX_DEPTH,
    UNBOUNDED_PAGING_LIMIT,
    RequestError,
    type Ctx,
    fieldsOf,
    key,
    args,
    fieldInfo,
    parentField,
    MAX_SUBQUERIES
} from './context';
import { toFilter, toOrderBy } from './filters';
import { displayValue } from '../store/displayValue';

export function runQueryRoot(ctx: Ctx, set: SelectionSetNode): Record<string, unknown> {
    const data: Record<string, unknown> = {};
    let subqueries = 0;
    for (const f of fieldsOf(ctx, set)) {
        if (f.name.value === '__typename') data[key(f)] = 'Query';
        else if (f.name.value !== 'uiapi')
            throw new RequestError(`Field '${f.name.value}' in type 'Query' is undefined`, f);
        else {
            const uiapi: Record<string, unknown> = {};
            for (const q of fieldsOf(ctx, f.selectionSet)) {
                if (q.name.value === '__typename') uiapi[key(q)] = 'UIAPI';
                else if (q.name.value === 'aggregate') {
                    // Aggregate queries are subqueries too: the limit is per GraphQL query.
                    subqueries = countSubqueries(ctx, q, subqueries);
                    uiapi[key(q)] = aggregateRoot(ctx, q);
                } else if (q.name.value !== 'query')
                    throw new RequestError(
                        `Field '${q.name.value}' in type 'UIAPI' is undefined`,
                        q
                    );
                else {
                    const out: Record<string, unknown> = {};
                    const objects = fieldsOf(ctx, q.selectionSet);
                    subqueries = countSubqueries(ctx, q, subqueries);
                    for (const o of objects) {
                        if (o.name.value === '__typename') out[key(o)] = 'RecordQuery';
                        else
                            out[key(o)] = connection(
                                ctx,
                                objectOf(ctx, o.name.value, o),
                                o,
                                undefined,
                                1
                            );
                    }
                    uiapi[key(q)] = out;
                }
            }
            data[key(f)] = uiapi;
        }
    }
    return data;
}

/**
 * The subqueries so far plus those under `uiapi.query` or `uiapi.aggregate` node `q`;
 * more than MAX_SUBQUERIES in the whole GraphQL query is refused, as the platform does.
 */
function countSubqueries(ctx: Ctx, q: FieldNode, before: number): number {
    const n =
        before + fieldsOf(ctx, q.selectionSet).filter((o) => o.name.value !== '__typename').length;
    if (n > MAX_SUBQUERIES)
        throw new RequestError(
            `A GraphQL query can contain up to ${MAX_SUBQUERIES} subqueries; this one has ${n}.`,
            q
        );
    return n;
}

export function objectOf(ctx: Ctx, name: string, node: FieldNode): ObjectInfo {
    const info = ctx.source.objectInfo(name);
    if (!info) throw new RequestError(`Field '${name}' in type 'RecordQuery' is undefined`, node);
    return info;
}

export function cursorOf(offset: number): string {
    return Buffer.from(`v1:${offset}`).toString('base64');
}

export function offsetOf(cursor: unknown, node: FieldNode): number {
    if (cursor === null || cursor === undefined) return 0;
    const m = /^v1:(\d{1,9})$/.exec(Buffer.from(String(cursor), 'base64').toString('utf8'));
    if (!m)
        throw new RequestError(
            `Invalid cursor: ${JSON.stringify(String(cursor).slice(0, 60))}`,
            node
        );
    return Number(m[1]) + 1;
}

export function connection(
    ctx: Ctx,
    info: ObjectInfo,
    node: FieldNode,
    parentFilter: Filter | undefined,
    depth: number
): unknown {
    if (depth > MAX_DEPTH)
        throw new RequestError(`Queries can be at most ${MAX_DEPTH} levels deep.`, node);
    const a = args(ctx, node);
    const first = a.first === null || a.first === undefined ? DEFAULT_PAGE : Number(a.first);
    if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE) {
        throw new RequestError(`first must be an integer from 0 to ${MAX_PAGE}.`, node);
    }
    if (a.upperBound !== undefined && a.upperBound !== null && (first < 200 || first > MAX_PAGE)) {
        throw new RequestError('With upperBound, first must be between 200 and 2000.', node);
    }
    const offset = offsetOf(a.after, node);
    const where =
        a.where === null || a.where === undefined
            ? undefined
            : toFilter(info, a.where, node, ctx, '');
    const filter = parentFilter && where ? { and: [parentFilter, where] } : (parentFilter ?? where);
    const orderBy = toOrderBy(info, a.orderBy, node, ctx);

    const selections = fieldsOf(ctx, node.selectionSet);
    const edgesField = selections.filter((s) => s.name.value === 'edges');
    const nodeFields = edgesField
        .flatMap((e) => fieldsOf(ctx, e.selectionSet))
        .filter((s) => s.name.value === 'node');
    const plan = planFields(
        ctx,
        info,
        nodeFields.flatMap((n) => fieldsOf(ctx, n.selectionSet)),
        depth
    );

    const { records, totalCount } = ctx.source.find(info.name, {
        fields: plan.columns,
        where: filter,
        orderBy: orderBy.length ? orderBy : [{ field: 'Id', direction: 'ASC' }],
        limit: first + 1,
        offset
    });
    // Without upperBound the platform stops paging at 4,000 records.
    const bounded = a.upperBound !== undefined && a.upperBound !== null;
    const hasNext = records.length > first && (bounded || offset + first < UNBOUNDED_PAGING_LIMIT);
    const page = records.slice(0, first);
    const shaped = shapeRecords(ctx, info, page, nodeFields, plan, depth);

    const out: Record<string, unknown> = {};
    for (const s of selections) {
        const k = key(s);
        switch (s.name.value) {
            case 'edges':
                out[k] = page.map((_, i) => {
                    const edge: Record<string, unknown> = {};
                    for (const e of fieldsOf(ctx, s.selectionSet)) {
                        if (e.name.value === 'node') edge[key(e)] = shaped[i].get(e);
                        else if (e.name.value === 'cursor') edge[key(e)] = cursorOf(offset + i);
                        else if (e.name.value === '__typename') edge[key(e)] = `${info.name}Edge`;
                        else
                            throw new RequestError(
                                `Field '${e.name.value}' in type '${info.name}Edge' is undefined`,
                                e
                            );
                    }
                    return edge;
                });
                break;
            case 'pageInfo': {
                const pi: Record<string, unknown> = {};
                for (const p of fieldsOf(ctx, s.selectionSet)) {
                    const n = p.name.value;
                    if (n === 'hasNextPage') pi[key(p)] = hasNext;
                    else if (n === 'hasPreviousPage') pi[key(p)] = offset > 0;
                    else if (n === 'startCursor')
                        pi[key(p)] = page.length ? cursorOf(offset) : null;
                    else if (n === 'endCursor')
                        pi[key(p)] = page.length ? cursorOf(offset + page.length - 1) : null;
                    else if (n === '__typename') pi[key(p)] = 'PageInfo';
                    else throw new RequestError(`Field '${n}' in type 'PageInfo' is undefined`, p);
                }
                out[k] = pi;
                break;
            }
            case 'totalCount':
                out[k] = totalCount;
                break;
            case 'pageResultCount':
                out[k] = page.length;
                break;
            case '__typename':
                out[k] = `${info.name}Connection`;
                break;
            default:
                throw new RequestError(
                    `Field '${s.name.value}' in type '${info.name}Connection' is undefined`,
                    s
                );
        }
    }
    return out;
}

export interface Plan {
    columns: string[];
}

export function planFields(ctx: Ctx, info: ObjectInfo, fields: FieldNode[], depth: number): Plan {
    const columns = new Set<string>(['Id']);
    for (const f of fields) {
        const n = f.name.value;
        if (n === '__typename' || n === 'ApiName' || n === 'WeakEtag' || n === 'DisplayValue')
            continue;
        if (fieldInfo(info, n)) {
            columns.add(n);
            continue;
        }
        const ref = parentField(info, n);
        if (ref) {
            columns.add(ref.name);
            continue;
        }
        if (info.childRelationships.some((c) => c.relationshipName === n)) continue;
        throw new RequestError(`Field '${n}' in type '${info.name}' is undefined`, f);
    }
    void depth;
    return { columns: [...columns] };
}

export const NAME_FIELD = (info: ObjectInfo) =>
    info.fields.Name ? 'Name' : info.fields.Subject ? 'Subject' : 'Id';

/** Shapes each record for each `node` selection; resolves parents and children in batches. */
export function shapeRecords(
    ctx: Ctx,
    info: ObjectInfo,
    records: RecordValues[],
    nodeFields: FieldNode[],
    _plan: Plan,
    depth: number
): Map<FieldNode, unknown>[] {
    const out = records.map(() => new Map<FieldNode, unknown>());
    for (const nodeField of nodeFields) {
        const shaped = records.map(() => ({}) as Record<string, unknown>);
        for (const f of fieldsOf(ctx, nodeField.selectionSet)) {
            const n = f.name.value;
            const k = key(f);
            if (n === '__typename') {
                shaped.forEach((s) => (s[k] = info.name));
            } else if (n === 'ApiName') {
                shaped.forEach((s) => (s[k] = info.name));
            } else if (n === 'Id') {
                records.forEach((r, i) => (shaped[i][k] = r.Id));
            } else if (n === 'WeakEtag') {
                records.forEach(
                    (r, i) => (shaped[i][k] = Date.parse(String(r.SystemModstamp ?? '')) || 0)
                );
            } else if (n === 'DisplayValue') {
                records.forEach((r, i) => (shaped[i][k] = r[NAME_FIELD(info)] ?? null));
            } else if (fieldInfo(info, n)) {
                const fi = fieldInfo(info, n)!;
                records.forEach((r, i) => {
                    const value = r[n] ?? null;
                    const v: Record<string, unknown> = {};
                    for (const p of fieldsOf(ctx, f.selectionSet)) {
                        if (p.name.value === 'value') v[key(p)] = value;
                        else if (p.name.value === 'displayValue')
                            v[key(p)] = displayValue(fi, value);
                        else if (p.name.value === 'format') v[key(p)] = null;
                        else if (p.name.value === 'label') v[key(p)] = fi.label;
                        else if (p.name.value === '__typename') v[key(p)] = 'FieldValue';
                        else
                            throw new RequestError(
                                `Field '${p.name.value}' in type '${n}' is undefined`,
                                p
                            );
                    }
                    if (!f.selectionSet)
                        throw new RequestError(
                            `Field '${n}' of type '${info.name}' must have a selection of subfields: { value }.`,
                            f
                        );
                    shaped[i][k] = v;
                });
            } else if (parentField(info, n)) {
                const ref = parentField(info, n)!;
                const ids = [
                    ...new Set(
                        records
                            .map((r) => r[ref.name])
                            .filter((v): v is string => typeof v === 'string' && v !== '')
                    )
                ];
                const byId = new Map<string, unknown>();
                for (const target of ref.referenceTo ?? []) {
                    const parentInfo = ctx.source.objectInfo(target);
                    if (!parentInfo || !ids.length) continue;
                    if (depth + 1 > MAX_DEPTH)
                        throw new RequestError(
                            `Queries can be at most ${MAX_DEPTH} levels deep.`,
                            f
                        );
                    const parentFields = fieldsOf(ctx, f.selectionSet).filter((p) => {
                        // A polymorphic parent (Owner: User or Group) answers the fields it has.
                        return (
                            p.name.value === '__typename' ||
                            p.name.value === 'Id' ||
                            fieldInfo(parentInfo, p.name.value) ||
                            parentField(parentInfo, p.name.value)
                        );
                    });
                    const plan = planFields(ctx, parentInfo, parentFields, depth + 1);
                    const found = ctx.source.find(parentInfo.name, {
                        fields: plan.columns,
                        where: { field: 'Id', op: 'in', value: ids },
                        limit: ids.length,
                        offset: 0
                    }).records;
                    const sub: FieldNode = {
                        ...f,
                        selectionSet: f.selectionSet
                            ? { ...f.selectionSet, selections: parentFields }
                            : undefined
                    };
                    const shapedParents = shapeRecords(
                        ctx,
                        parentInfo,
                        found,
                        [sub],
                        plan,
                        depth + 1
                    );
                    found.forEach((p, i) => byId.set(String(p.Id), shapedParents[i].get(sub)));
                }
                records.forEach((r, i) => (shaped[i][k] = byId.get(String(r[ref.name])) ?? null));
            } else {
                const rel = info.childRelationships.find((c) => c.relationshipName === n);
                const childInfo = rel && ctx.source.objectInfo(rel.childObject);
                if (!rel || !childInfo)
                    throw new RequestError(`Field '${n}' in type '${info.name}' is undefined`, f);
                records.forEach((r, i) => {
                    shaped[i][k] = connection(
                        ctx,
                        childInfo,
                        f,
                        { field: rel.field, op: 'eq', value: r.Id },
                        depth + 1
                    );
                });
            }
        }
        shaped.forEach((s, i) => out[i].set(nodeField, s));
    }
    return out;
}

/** Resolves a filter field path ('Status', 'Owner.Name') against the object. */
