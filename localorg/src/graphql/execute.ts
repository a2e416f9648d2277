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
    type FragmentDefinitionNode,
    type OperationDefinitionNode
} from 'graphql';
import { SourceError, type RecordSource } from '../store/source';
import {
    RequestError,
    type Ctx,
    type GraphQLResponse,
    type GraphQLRequest,
    literal,
    errorShape,
    fragmentCycle
} from './context';
import { runQueryRoot } from './query';
import { runMutationRoot } from './mutations';

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
    const cycle = fragmentCycle(fragments);
    if (cycle) {
        return {
            data: null,
            errors: [
                {
                    message: `Fragment cycle: ${cycle.join(' → ')}; a fragment cannot spread itself.`,
                    extensions: { ErrorType: 'ValidationError' }
                }
            ]
        };
    }
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

/** The fields of a selection set, with fragments expanded. */

/** Whether the request could not run at all (bad syntax or validation): HTTP 400. */
export function isRequestError(response: GraphQLResponse): boolean {
    const type = response.errors[0]?.extensions?.ErrorType;
    return response.data === null && (type === 'InvalidSyntax' || type === 'ValidationError');
}

export type { GraphQLErrorShape, GraphQLRequest, GraphQLResponse } from './context';
