/** GraphQL mutations: `uiapi(input: { allOrNone }) { <Object>Create|Update|Delete }`. */
import { Kind, type FieldNode, type SelectionSetNode } from 'graphql';
import { checkEditAccess } from '../store/access';
import { SourceError } from '../store/source';
import {
    RequestError,
    type Ctx,
    type GraphQLResponse,
    type GraphQLErrorShape,
    fieldsOf,
    key,
    args,
    errorShape,
    fieldInfo
} from './context';
import { connection } from './query';

export function runMutationRoot(ctx: Ctx, set: SelectionSetNode): GraphQLResponse {
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
            checkEditAccess(ctx.source, ctx.actorId);
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

export function planMutation(
    ctx: Ctx,
    node: FieldNode
): { node: FieldNode; run: () => unknown } | null {
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
