/** GraphQL `where` and `orderBy` arguments as the store's structured filters (values checked, never pasted). */
import { type FieldNode } from 'graphql';
import {
    type FieldInfo,
    type Filter,
    type FilterOp,
    type ObjectInfo,
    type OrderBy
} from '../store/source';
import { FILTER_OPS, RequestError, fieldInfo, parentField, type Ctx } from './context';

export function filterPath(
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

export function checkValue(
    field: FieldInfo,
    op: FilterOp,
    value: unknown,
    node: FieldNode
): unknown {
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

export function dateLiteral(lit: string, field: FieldInfo, node: FieldNode): string {
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

export function toOrderBy(
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
