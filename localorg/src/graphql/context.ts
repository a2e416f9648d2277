/** What the GraphQL engine's parts share: request types, limits, the request context, and selection helpers. */
import {
    GraphQLError,
    Kind,
    type DocumentNode,
    type FieldNode,
    type FragmentDefinitionNode,
    type SelectionSetNode,
    type ValueNode
} from 'graphql';
import { type FieldInfo, type FilterOp, type ObjectInfo, type RecordSource } from '../store/source';

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
export const MAX_DEPTH = 5;
export const UNBOUNDED_PAGING_LIMIT = 4000;
/** The platform's limit of subqueries (object queries) in one GraphQL query. */
export const MAX_SUBQUERIES = 10;
export const FILTER_OPS: readonly FilterOp[] = [
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

export function included(
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

export function literal(node: ValueNode, vars: Record<string, unknown>): unknown {
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

export function errorShape(
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

export function fieldInfo(info: ObjectInfo, name: string): FieldInfo | undefined {
    return info.fields[name];
}

export function parentField(info: ObjectInfo, relationshipName: string): FieldInfo | undefined {
    return Object.values(info.fields).find(
        (f) => f.kind === 'reference' && f.relationshipName === relationshipName
    );
}

/** A fragment that spreads itself, directly or through others, as its path (A → B → A). */
export function fragmentCycle(
    fragments: Map<string, FragmentDefinitionNode>
): string[] | undefined {
    const done = new Set<string>();
    const visit = (name: string, path: string[]): string[] | undefined => {
        if (path.includes(name)) return [...path.slice(path.indexOf(name)), name];
        if (done.has(name)) return undefined;
        const fragment = fragments.get(name);
        if (!fragment) return undefined;
        const spreads: string[] = [];
        const walk = (set: SelectionSetNode | undefined) => {
            for (const sel of set?.selections ?? []) {
                if (sel.kind === Kind.FRAGMENT_SPREAD) spreads.push(sel.name.value);
                else walk(sel.selectionSet);
            }
        };
        walk(fragment.selectionSet);
        for (const next of spreads) {
            const cycle = visit(next, [...path, name]);
            if (cycle) return cycle;
        }
        done.add(name);
        return undefined;
    };
    for (const name of fragments.keys()) {
        const cycle = visit(name, []);
        if (cycle) return cycle;
    }
    return undefined;
}
