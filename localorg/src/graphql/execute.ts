/**
 * The local org's GraphQL API in the UI API shapes (parsed with graphql-js 16):
 *
 *   query { uiapi { query { Lead(first, after, where, orderBy, upperBound) {
 *       edges { node { Id Field { value displayValue } Owner { Name { value } }
 *                      Tasks(first) { edges { node { ... } } } } cursor }
 *       pageInfo { hasNextPage endCursor } totalCount } } } }
 *   mutation { uiapi(input: { allOrNone }) {
 *       LeadCreate(input: { Lead: {...} }) { Record { Id ... } }
 *       LeadUpdate(input: { Id, Lead: {...} }) { Record { ... } }
 *       LeadDelete(input: { Id }) { Id } } }
 *   query { uiapi { aggregate { Lead(groupBy, where, first, after) { ... } } } }  (./aggregate.ts)
 *
 * Filters and values go to the store as a structured query with parameters;
 * nothing from the request is pasted into SQL.
 */
import {
    parse,
    Kind,
    GraphQLError,
    type DocumentNode,
    type FieldNode,
    type FragmentDefinitionNode,
    type OperationDefinitionNode,
    type SelectionSetNode,
    type ValueNode
} from 'graphql';
import {
    SourceError,
    type FieldInfo,
    type Filter,
    type FilterOp,
    type ObjectInfo,
    type OrderBy,
    type RecordSource,
    type RecordValues
} from './source';
import { aggregateRoot } from './aggregate';

export interface GraphQLRequest {
    query?: unknown;
    variables?: unknown;
    operationName?: unknown;
}

export interface GraphQLErrorShape {
    message: string;
    locations?: { line: number; column: number }[];
    path?: (string | number)[];
    extensions?: { ErrorType: string; errorCode?: string };
}

export interface GraphQLResponse {
    data: Record<string, unknown> | null;
    errors: GraphQLErrorShape[];
}

export const DEFAULT_PAGE = 10;
export const MAX_PAGE = 2000;
const MAX_DEPTH = 5;
const UNBOUNDED_PAGING_LIMIT = 4000;
const FILTER_OPS: readonly FilterOp[] = [
    'eq',
    'ne',
    'gt',
    'gte',
    'lt',
    'lte',
    'in',
    'nin',
    'like',
    'includes',
    'excludes'
];

/** A request-level error (bad query, unknown field): the whole request answers with errors. */
export class RequestError extends Error {
    constructor(
        message: string,
        public readonly node?: { loc?: { start: number } },
        public readonly errorType = 'ValidationError'
    ) {
        super(message);
    }
}

export interface Ctx {
    source: RecordSource;
    variables: Record<string, unknown>;
    fragments: Map<string, FragmentDefinitionNode>;
    actorId?: string;
    doc: DocumentNode;
}

export function executeGraphQL(
    source: RecordSource,
    request: GraphQLRequest,
    actorId?: string
): GraphQLResponse {
    if (typeof request.query !== 'string' || !request.query.trim()) {
        return {
            data: null,
            errors: [
                {
                    message: 'A GraphQL query is required.',
                    extensions: { ErrorType: 'InvalidSyntax' }
                }
            ]
        };
    }
    const variables = request.variables ?? {};
    if (typeof variables !== 'object' || Array.isArray(variables)) {
        return {
            data: null,
            errors: [
                {
                    message: 'variables must be an object.',
                    extensions: { ErrorType: 'ValidationError' }
                }
            ]
        };
    }
    let doc: DocumentNode;
    try {
        doc = parse(request.query, { maxTokens: 20_000 });
    } catch (e) {
        const g = e as GraphQLError;
        return {
            data: null,
            errors: [
                {
                    message: g.message,
                    locations: g.locations ? [...g.locations] : undefined,
                    extensions: { ErrorType: 'InvalidSyntax' }
                }
            ]
        };
    }
    const ops = doc.definitions.filter(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION
    );
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of doc.definitions)
        if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const op =
        typeof request.operationName === 'string' && request.operationName
            ? ops.find((o) => o.name?.value === request.operationName)
            : ops.length === 1
              ? ops[0]
              : undefined;
    if (!op) {
        return {
            data: null,
            errors: [
                {
                    message: 'Could not determine which operation to run: give operationName.',
                    extensions: { ErrorType: 'ValidationError' }
                }
            ]
        };
    }
    const vars: Record<string, unknown> = {};
    for (const def of op.variableDefinitions ?? []) {
        const name = def.variable.name.value;
        const given = (variables as Record<string, unknown>)[name];
        vars[name] =
            given !== undefined ? given : def.defaultValue ? literal(def.defaultValue, {}) : null;
    }
    const ctx: Ctx = { source, variables: vars, fragments, actorId, doc };
    try {
        if (op.operation === 'query')
            return { data: runQueryRoot(ctx, op.selectionSet), errors: [] };
        if (op.operation === 'mutation') return runMutationRoot(ctx, op.selectionSet);
        throw new RequestError('Subscriptions are not supported.', op);
    } catch (e) {
        if (e instanceof RequestError)
            return { data: null, errors: [errorShape(ctx, e.message, e.errorType, e.node)] };
        if (e instanceof SourceError)
            return {
                data: null,
                errors: [
                    errorShape(ctx, e.message, 'DataFetchingException', undefined, e.errorCode)
                ]
            };
        throw e;
    }
}

function errorShape(
    ctx: Ctx,
    message: string,
    errorType: string,
    node?: { loc?: { start: number } },
    errorCode?: string
): GraphQLErrorShape {
    const out: GraphQLErrorShape = {
        message,
        extensions: { ErrorType: errorType, ...(errorCode ? { errorCode } : {}) }
    };
    if (node?.loc && ctx.doc.loc) {
        const err = new GraphQLError(message, {
            source: ctx.doc.loc.source,
            positions: [node.loc.start]
        });
        if (err.locations) out.locations = [...err.locations];
    }
    return out;
}

/** The fields of a selection set, with fragments expanded. */
export function fieldsOf(ctx: Ctx, set: SelectionSetNode | undefined): FieldNode[] {
    const out: FieldNode[] = [];
    for (const sel of set?.selections ?? []) {
        if (!included(ctx, sel.directives)) continue;
        if (sel.kind === Kind.FIELD) out.push(sel);
        else if (sel.kind === Kind.INLINE_FRAGMENT) out.push(...fieldsOf(ctx, sel.selectionSet));
        else {
            const frag = ctx.fragments.get(sel.name.value);
            if (!frag) throw new RequestError(`Unknown fragment ${sel.name.value}.`, sel);
            out.push(...fieldsOf(ctx, frag.selectionSet));
        }
    }
    return out;
}

function included(
    ctx: Ctx,
    directives:
        | readonly {
              name: { value: string };
              arguments?: readonly { name: { value: string }; value: ValueNode }[];
          }[]
        | undefined
): boolean {
    for (const d of directives ?? []) {
        const arg = d.arguments?.find((a) => a.name.value === 'if');
        const value = arg ? Boolean(literal(arg.value, ctx.variables)) : true;
        if (d.name.value === 'skip' && value) return false;
        if (d.name.value === 'include' && !value) return false;
    }
    return true;
}

export const key = (f: FieldNode) => f.alias?.value ?? f.name.value;

function literal(node: ValueNode, vars: Record<string, unknown>): unknown {
    switch (node.kind) {
        case Kind.VARIABLE:
            return vars[node.name.value] ?? null;
        case Kind.INT:
            return Number.parseInt(node.value, 10);
        case Kind.FLOAT:
            return Number.parseFloat(node.value);
        case Kind.STRING:
        case Kind.ENUM:
            return node.value;
        case Kind.BOOLEAN:
            return node.value;
        case Kind.NULL:
            return null;
        case Kind.LIST:
            return node.values.map((v) => literal(v, vars));
        case Kind.OBJECT:
            return Object.fromEntries(
                node.fields.map((f) => [f.name.value, literal(f.value, vars)])
            );
    }
}

export function args(ctx: Ctx, field: FieldNode): Record<string, unknown> {
    return Object.fromEntries(
        (field.arguments ?? []).map((a) => [a.name.value, literal(a.value, ctx.variables)])
    );
}

function runQueryRoot(ctx: Ctx, set: SelectionSetNode): Record<string, unknown> {
    const data: Record<string, unknown> = {};
    for (const f of fieldsOf(ctx, set)) {
        if (f.name.value === '__typename') data[key(f)] = 'Query';
        else if (f.name.value !== 'uiapi')
            throw new RequestError(`Field '${f.name.value}' in type 'Query' is undefined`, f);
        else {
            const uiapi: Record<string, unknown> = {};
            for (const q of fieldsOf(ctx, f.selectionSet)) {
                if (q.name.value === '__typename') uiapi[key(q)] = 'UIAPI';
                else if (q.name.value === 'aggregate') uiapi[key(q)] = aggregateRoot(ctx, q);
                else if (q.name.value !== 'query')
                    throw new RequestError(
                        `Field '${q.name.value}' in type 'UIAPI' is undefined`,
                        q
                    );
                else {
                    const out: Record<string, unknown> = {};
                    for (const o of fieldsOf(ctx, q.selectionSet)) {
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

function connection(
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

interface Plan {
    columns: string[];
}

function fieldInfo(info: ObjectInfo, name: string): FieldInfo | undefined {
    return info.fields[name];
}

function parentField(info: ObjectInfo, relationshipName: string): FieldInfo | undefined {
    return Object.values(info.fields).find(
        (f) => f.kind === 'reference' && f.relationshipName === relationshipName
    );
}

function planFields(ctx: Ctx, info: ObjectInfo, fields: FieldNode[], depth: number): Plan {
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

const NAME_FIELD = (info: ObjectInfo) =>
    info.fields.Name ? 'Name' : info.fields.Subject ? 'Subject' : 'Id';

function displayValue(field: FieldInfo, value: unknown): string | null {
    if (value === null || value === undefined) return null;
    if (field.kind === 'picklist')
        return field.picklistValues?.find((p) => p.value === value)?.label ?? String(value);
    if (field.kind === 'boolean' || field.kind === 'id' || field.kind === 'reference') return null;
    if (field.kind === 'date' && typeof value === 'string') {
        const d = new Date(`${value}T00:00:00Z`);
        return Number.isNaN(d.getTime())
            ? String(value)
            : d.toLocaleDateString('en-US', { timeZone: 'UTC' });
    }
    if (field.kind === 'datetime' && typeof value === 'string') {
        const d = new Date(value);
        return Number.isNaN(d.getTime())
            ? String(value)
            : d.toLocaleString('en-US', { timeZone: 'UTC' });
    }
    if (field.kind === 'currency' && typeof value === 'number') {
        return value.toLocaleString('en-US', { style: 'currency', currency: 'USD' });
    }
    return null;
}

/** Shapes each record for each `node` selection; resolves parents and children in batches. */
function shapeRecords(
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
function filterPath(
    info: ObjectInfo,
    ctx: Ctx,
    name: string,
    node: FieldNode
): { field: FieldInfo | undefined; parent: ObjectInfo | undefined; ref: FieldInfo | undefined } {
    const field = fieldInfo(info, name);
    if (field) return { field, parent: undefined, ref: undefined };
    const ref = parentField(info, name);
    if (ref) {
        const parent = ref.referenceTo?.map((t) => ctx.source.objectInfo(t)).find((p) => p);
        return { field: undefined, parent, ref };
    }
    throw new RequestError(`Field '${name}' in type '${info.name}_Filter' is undefined`, node);
}

function checkValue(field: FieldInfo, op: FilterOp, value: unknown, node: FieldNode): unknown {
    const one = (v: unknown) => {
        if (v === null) return null;
        if (v && typeof v === 'object' && 'value' in (v as object))
            v = (v as { value: unknown }).value;
        if (v && typeof v === 'object' && 'literal' in (v as object))
            v = dateLiteral(String((v as { literal: unknown }).literal), field, node);
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
        throw new RequestError(`Invalid value for ${field.name}: expected a scalar.`, node);
    };
    if (op === 'in' || op === 'nin' || op === 'includes' || op === 'excludes') {
        if (!Array.isArray(value))
            throw new RequestError(`${op} on ${field.name} expects a list.`, node);
        if (value.length > 1000)
            throw new RequestError(`${op} on ${field.name} takes at most 1000 values.`, node);
        return value.map(one);
    }
    if (op === 'like' && typeof value !== 'string')
        throw new RequestError(`like on ${field.name} expects a string.`, node);
    return one(value);
}

function dateLiteral(lit: string, field: FieldInfo, node: FieldNode): string {
    const now = new Date();
    const day = (offset: number) =>
        new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offset));
    const map: Record<string, Date> = { TODAY: day(0), YESTERDAY: day(-1), TOMORROW: day(1) };
    const d = map[lit];
    if (!d) throw new RequestError(`Unsupported date literal ${lit}.`, node);
    return field.kind === 'date' ? d.toISOString().slice(0, 10) : d.toISOString();
}

export function toFilter(
    info: ObjectInfo,
    where: unknown,
    node: FieldNode,
    ctx: Ctx,
    prefix: string
): Filter {
    if (!where || typeof where !== 'object' || Array.isArray(where))
        throw new RequestError(`where on ${info.name} must be an object.`, node);
    const parts: Filter[] = [];
    for (const [k, v] of Object.entries(where as Record<string, unknown>)) {
        if (k === 'and' || k === 'or') {
            if (!Array.isArray(v)) throw new RequestError(`${k} expects a list of filters.`, node);
            const list = v.map((w) => toFilter(info, w, node, ctx, prefix));
            parts.push(k === 'and' ? { and: list } : { or: list });
            continue;
        }
        if (k === 'not') {
            parts.push({ not: toFilter(info, v, node, ctx, prefix) });
            continue;
        }
        const { field, parent, ref } = filterPath(info, ctx, k, node);
        if (ref) {
            if (!parent) throw new RequestError(`Cannot filter through ${k}.`, node);
            if (prefix.split('.').length > 4)
                throw new RequestError('Filters can go at most 5 levels deep.', node);
            parts.push(toFilter(parent, v, node, ctx, `${prefix}${k}.`));
            continue;
        }
        if (!v || typeof v !== 'object' || Array.isArray(v))
            throw new RequestError(`Filter on ${k} must be an object like { eq: value }.`, node);
        for (const [op, value] of Object.entries(v as Record<string, unknown>)) {
            if (!FILTER_OPS.includes(op as FilterOp))
                throw new RequestError(`Unknown filter operator ${op} on ${k}.`, node);
            parts.push({
                field: `${prefix}${field!.name}`,
                op: op as FilterOp,
                value: checkValue(field!, op as FilterOp, value, node)
            });
        }
    }
    return parts.length === 1 ? parts[0] : { and: parts };
}

function toOrderBy(
    info: ObjectInfo,
    orderBy: unknown,
    node: FieldNode,
    ctx: Ctx,
    prefix = ''
): OrderBy[] {
    if (orderBy === null || orderBy === undefined) return [];
    const list = Array.isArray(orderBy) ? orderBy : [orderBy];
    const out: OrderBy[] = [];
    for (const item of list) {
        if (!item || typeof item !== 'object')
            throw new RequestError('orderBy must be an object.', node);
        for (const [k, v] of Object.entries(item as Record<string, unknown>)) {
            const { field, parent, ref } = filterPath(info, ctx, k, node);
            if (ref) {
                if (!parent) throw new RequestError(`Cannot order by ${k}.`, node);
                out.push(...toOrderBy(parent, v, node, ctx, `${prefix}${k}.`));
                continue;
            }
            const spec = (v ?? {}) as { order?: unknown; nulls?: unknown };
            const direction = spec.order ?? 'ASC';
            if (direction !== 'ASC' && direction !== 'DESC')
                throw new RequestError(`order on ${k} must be ASC or DESC.`, node);
            const nulls = spec.nulls;
            if (nulls !== undefined && nulls !== null && nulls !== 'FIRST' && nulls !== 'LAST')
                throw new RequestError(`nulls on ${k} must be FIRST or LAST.`, node);
            out.push({
                field: `${prefix}${field!.name}`,
                direction,
                ...(nulls ? { nulls: nulls as 'FIRST' | 'LAST' } : {})
            });
        }
    }
    return out;
}

// ---------- mutations ----------

function runMutationRoot(ctx: Ctx, set: SelectionSetNode): GraphQLResponse {
    const data: Record<string, unknown> = {};
    const errors: GraphQLErrorShape[] = [];
    for (const f of fieldsOf(ctx, set)) {
        if (f.name.value === '__typename') {
            data[key(f)] = 'Mutation';
            continue;
        }
        if (f.name.value !== 'uiapi')
            throw new RequestError(`Field '${f.name.value}' in type 'Mutation' is undefined`, f);
        const input = (args(ctx, f).input ?? {}) as { allOrNone?: unknown };
        const allOrNone =
            input.allOrNone === undefined || input.allOrNone === null
                ? true
                : Boolean(input.allOrNone);
        const ops = fieldsOf(ctx, f.selectionSet);
        // Validate every operation before writing anything.
        const planned = ops.map((o) => planMutation(ctx, o));
        const out: Record<string, unknown> = {};
        const run = () => {
            for (const p of planned) {
                if (!p) continue;
                try {
                    out[key(p.node)] = allOrNone ? p.run() : ctx.source.transaction(() => p.run());
                } catch (e) {
                    if (!(e instanceof SourceError)) throw e;
                    if (allOrNone) throw e;
                    out[key(p.node)] = null;
                    errors.push({
                        ...errorShape(ctx, e.message, 'DataFetchingException', p.node, e.errorCode),
                        path: ['uiapi', key(p.node)]
                    });
                }
            }
        };
        try {
            if (allOrNone) ctx.source.transaction(run);
            else run();
        } catch (e) {
            if (!(e instanceof SourceError)) throw e;
            return {
                data: null,
                errors: [errorShape(ctx, e.message, 'DataFetchingException', f, e.errorCode)]
            };
        }
        for (const o of ops) if (o.name.value === '__typename') out[key(o)] = 'UIAPIMutations';
        data[key(f)] = out;
    }
    return { data, errors };
}

function planMutation(ctx: Ctx, node: FieldNode): { node: FieldNode; run: () => unknown } | null {
    const n = node.name.value;
    if (n === '__typename') return null;
    const m = /^(.+)(Create|Update|Delete)$/.exec(n);
    const info = m ? ctx.source.objectInfo(m[1]) : undefined;
    if (!m || !info)
        throw new RequestError(`Field '${n}' in type 'UIAPIMutations' is undefined`, node);
    const kind = m[2];
    const input = (args(ctx, node).input ?? null) as Record<string, unknown> | null;
    if (!input || typeof input !== 'object') throw new RequestError(`${n} requires input.`, node);
    const values =
        kind === 'Delete' ? {} : (input[info.name] as Record<string, unknown> | undefined);
    if (kind !== 'Delete' && (!values || typeof values !== 'object' || Array.isArray(values))) {
        throw new RequestError(`${n} requires input.${info.name} with the field values.`, node);
    }
    const id = input.Id;
    if (kind !== 'Create' && (typeof id !== 'string' || !/^[a-zA-Z0-9]{15,18}$/.test(id))) {
        throw new RequestError(`${n} requires input.Id, a record id.`, node);
    }
    for (const [field, value] of Object.entries(values ?? {})) {
        const fi = fieldInfo(info, field);
        if (!fi) throw new RequestError(`Field '${field}' in type '${n}Input' is undefined`, node);
        if (kind === 'Create' ? !fi.createable : !fi.updateable) {
            throw new RequestError(
                `Unable to ${kind === 'Create' ? 'create' : 'update'} field ${info.name}.${field}.`,
                node
            );
        }
        if (value !== null && typeof value === 'object')
            throw new RequestError(
                `Invalid value for ${info.name}.${field}: expected a scalar.`,
                node
            );
    }
    const record = () => fieldsOf(ctx, node.selectionSet).find((s) => s.name.value === 'Record');
    const shapeResult = (recordId: string) => {
        const out: Record<string, unknown> = {};
        for (const s of fieldsOf(ctx, node.selectionSet)) {
            if (s.name.value === 'Record') {
                const conn = connection(
                    ctx,
                    info,
                    {
                        ...s,
                        name: { ...s.name, value: info.name },
                        arguments: [],
                        selectionSet: {
                            kind: Kind.SELECTION_SET,
                            selections: [
                                {
                                    kind: Kind.FIELD,
                                    name: { kind: Kind.NAME, value: 'edges' },
                                    selectionSet: {
                                        kind: Kind.SELECTION_SET,
                                        selections: [
                                            {
                                                kind: Kind.FIELD,
                                                name: { kind: Kind.NAME, value: 'node' },
                                                selectionSet: s.selectionSet
                                            }
                                        ]
                                    }
                                }
                            ]
                        }
                    },
                    { field: 'Id', op: 'eq', value: recordId },
                    1
                ) as { edges: { node: unknown }[] };
                out[key(s)] = conn.edges[0]?.node ?? null;
            } else if (s.name.value === 'Id') out[key(s)] = recordId;
            else if (s.name.value === '__typename') out[key(s)] = `${n}Payload`;
            else
                throw new RequestError(
                    `Field '${s.name.value}' in type '${n}Payload' is undefined`,
                    s
                );
        }
        return out;
    };
    void record;
    return {
        node,
        run: () => {
            if (kind === 'Create')
                return shapeResult(ctx.source.create(info.name, values!, ctx.actorId));
            if (kind === 'Update') {
                ctx.source.update(info.name, id as string, values!, ctx.actorId);
                return shapeResult(id as string);
            }
            ctx.source.delete(info.name, id as string);
            const out: Record<string, unknown> = {};
            for (const s of fieldsOf(ctx, node.selectionSet))
                out[key(s)] = s.name.value === 'Id' ? id : `${n}Payload`;
            return out;
        }
    };
}
