/**
 * Composite (`POST /composite`), composite batch (`/composite/batch`) and
 * composite graph (`/composite/graph`), as the platform serves them: up to 25
 * subrequests (5 of them queries or sObject Collections; 500 nodes in a graph
 * request) run in order through the org's own
 * routes (compositeDispatch.ts). Composite subrequests may use earlier answers
 * by `@{referenceId.path}` (`@{NewAccount.id}`, `@{q.records[0].Id}`); with
 * `allOrNone` (always, for a graph) one failure rolls every subrequest back and
 * answers the others with PROCESSING_HALTED. Batch subrequests are independent;
 * `haltOnError` stops at the first failure (the rest answer 412).
 */
import { ApiError } from '../http/errors';
import type { Request } from '../http/request';
import { API, type Router } from '../http/router';
import type { OrgContext } from './context';
import { dispatch, type SubResponse } from './compositeDispatch';

const MAX_SUBREQUESTS = 25;
/** Of a composite request's subrequests, at most 5 may be queries or sObject Collections. */
const MAX_QUERY_OR_COLLECTION = 5;
const QUERY_OR_COLLECTION =
    /^\/services\/data\/v\d+\.\d\/(query|queryAll|composite\/sobjects)(\/|\?|$)/;
const MAX_GRAPH_NODES = 500;
const REFERENCE_ID = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;
const REFERENCE = /@\{([A-Za-z][A-Za-z0-9_]*)((?:\.[A-Za-z0-9_]+|\[\d+\])*)\}/g;
/** What a subrequest may call: records, queries, collections (not composite or bulk). */
const SUB_RESOURCE =
    /^\/services\/data\/v\d+\.\d\/(sobjects|query|queryAll|composite\/sobjects)(\/|\?|$)/;

const HALTED =
    'The transaction was rolled back since another operation in the same transaction failed.';

function invalid(message: string): ApiError {
    return new ApiError(400, 'INVALID_INPUT', message);
}

interface SubRequest {
    method: string;
    url: string;
    referenceId: string;
    body?: unknown;
    httpHeaders?: Record<string, unknown>;
}

interface CompositeAnswer {
    body: unknown;
    httpHeaders: Record<string, string>;
    httpStatusCode: number;
    referenceId: string;
}

function readSubrequests(raw: unknown, where: string): SubRequest[] {
    if (!Array.isArray(raw) || !raw.length)
        throw invalid(`${where}: expected a non-empty array of subrequests.`);
    const seen = new Set<string>();
    return raw.map((s, i) => {
        const sub = (s ?? {}) as Record<string, unknown>;
        const at = `${where}[${i}]`;
        if (typeof sub.method !== 'string' || !/^(GET|POST|PATCH|PUT|DELETE)$/i.test(sub.method))
            throw invalid(`${at}: method must be GET, POST, PATCH, PUT or DELETE.`);
        if (typeof sub.url !== 'string' || !SUB_RESOURCE.test(sub.url))
            throw invalid(
                `${at}: url must be a /services/data/vXX.X/ sobjects, query, queryAll or composite/sobjects resource, not ${String(sub.url).slice(0, 120)}`
            );
        const referenceId = String(sub.referenceId ?? '');
        if (!REFERENCE_ID.test(referenceId))
            throw invalid(`${at}: referenceId must start with a letter (letters, digits, _).`);
        if (seen.has(referenceId)) throw invalid(`${at}: duplicate referenceId ${referenceId}.`);
        seen.add(referenceId);
        return {
            method: sub.method.toUpperCase(),
            url: sub.url,
            referenceId,
            body: sub.body,
            httpHeaders: (sub.httpHeaders ?? {}) as Record<string, unknown>
        };
    });
}

/** The value at `.field`, `[n]` paths of an earlier answer's body; undefined when absent. */
function lookUp(body: unknown, path: string): unknown {
    let value = body;
    for (const [, field, index] of path.matchAll(/\.([A-Za-z0-9_]+)|\[(\d+)\]/g)) {
        if (value === null || typeof value !== 'object') return undefined;
        value = Array.isArray(value)
            ? value[Number(index ?? field)]
            : (value as Record<string, unknown>)[field ?? index];
    }
    return value;
}

class UnresolvedReference extends Error {}

/** Replaces `@{ref.path}` in a text; `encode` for URLs (a value never changes the path). */
function resolveText(text: string, answers: Map<string, SubResponse>, encode: boolean): unknown {
    const whole = new RegExp(`^${REFERENCE.source}$`).exec(text);
    const valueOf = (ref: string, path: string) => {
        const answer = answers.get(ref);
        const value = answer && answer.status < 300 ? lookUp(answer.body, path) : undefined;
        if (value === undefined || value === null || typeof value === 'object')
            throw new UnresolvedReference(
                `Invalid reference specified. No value for ${ref}${path} found in ${ref}.`
            );
        return value;
    };
    if (whole && !encode) return valueOf(whole[1], whole[2]);
    return text.replace(REFERENCE, (_m, ref: string, path: string) => {
        const value = String(valueOf(ref, path));
        return encode ? encodeURIComponent(value) : value;
    });
}

function resolveBody(value: unknown, answers: Map<string, SubResponse>): unknown {
    if (typeof value === 'string') return resolveText(value, answers, false);
    if (Array.isArray(value)) return value.map((v) => resolveBody(v, answers));
    if (value && typeof value === 'object')
        return Object.fromEntries(
            Object.entries(value).map(([k, v]) => [k, resolveBody(v, answers)])
        );
    return value;
}

function halted(referenceId: string, message = HALTED): CompositeAnswer {
    return {
        body: [{ errorCode: 'PROCESSING_HALTED', message }],
        httpHeaders: {},
        httpStatusCode: 400,
        referenceId
    };
}

/** Runs composite subrequests in order; with allOrNone, in one transaction. */
async function runComposite(
    router: Router,
    ctx: OrgContext,
    outer: Request,
    subs: SubRequest[],
    allOrNone: boolean
): Promise<CompositeAnswer[]> {
    const answers = new Map<string, SubResponse>();
    const out: CompositeAnswer[] = [];
    const db = ctx.org.db;
    // Subrequests only wait for their own in-memory bodies (microtasks), so no other request
    // runs inside this transaction.
    if (allOrNone) db.exec('SAVEPOINT composite');
    let failed = false;
    try {
        for (const sub of subs) {
            if (failed && allOrNone) {
                out.push(halted(sub.referenceId));
                continue;
            }
            let answer: SubResponse;
            try {
                const url = resolveText(sub.url, answers, true) as string;
                const body = resolveBody(sub.body, answers);
                answer = await dispatch(router, ctx, outer, sub.method, url, body, sub.httpHeaders);
            } catch (e) {
                if (!(e instanceof UnresolvedReference)) throw e;
                out.push(halted(sub.referenceId, e.message));
                failed = true;
                continue;
            }
            answers.set(sub.referenceId, answer);
            if (answer.status >= 400) failed = true;
            const id = (answer.body as { id?: unknown } | null)?.id;
            const headers =
                answer.status === 201 && typeof id === 'string' && sub.method === 'POST'
                    ? { Location: `${sub.url.split('?')[0]}/${id}` }
                    : answer.headers;
            out.push({
                body: answer.body,
                httpHeaders: headers,
                httpStatusCode: answer.status,
                referenceId: sub.referenceId
            });
        }
    } catch (e) {
        if (allOrNone) db.exec('ROLLBACK TO composite; RELEASE composite');
        throw e;
    }
    if (!allOrNone) return out;
    if (!failed) {
        db.exec('RELEASE composite');
        return out;
    }
    db.exec('ROLLBACK TO composite; RELEASE composite');
    // Everything that had succeeded was rolled back with the failure.
    return out.map((a) => (a.httpStatusCode < 400 ? halted(a.referenceId) : a));
}

async function composite(router: Router, ctx: OrgContext, r: Request): Promise<void> {
    const body = await r.jsonObject();
    const subs = readSubrequests(body.compositeRequest, 'compositeRequest');
    if (subs.length > MAX_SUBREQUESTS)
        throw invalid(`A composite request can hold at most ${MAX_SUBREQUESTS} subrequests.`);
    const heavy = subs.filter((s) => QUERY_OR_COLLECTION.test(s.url));
    if (heavy.length > MAX_QUERY_OR_COLLECTION)
        throw invalid(
            `A composite request can hold at most ${MAX_QUERY_OR_COLLECTION} query, queryAll or sObject Collections subrequests; ${heavy.length} given (the 6th is ${heavy[MAX_QUERY_OR_COLLECTION].referenceId}).`
        );
    const allOrNone = body.allOrNone === true || body.allOrNone === 'true';
    r.send(200, { compositeResponse: await runComposite(router, ctx, r, subs, allOrNone) });
}

async function batch(router: Router, ctx: OrgContext, r: Request): Promise<void> {
    const body = await r.jsonObject();
    const raw = body.batchRequests;
    if (!Array.isArray(raw) || !raw.length)
        throw invalid('batchRequests: expected a non-empty array of subrequests.');
    if (raw.length > MAX_SUBREQUESTS)
        throw invalid(`A batch can hold at most ${MAX_SUBREQUESTS} subrequests.`);
    // Batch urls are relative to /services/data ("v66.0/sobjects/..."); checked like composite's.
    const subs = readSubrequests(
        raw.map((s: Record<string, unknown>, i) => ({
            method: s?.method,
            url: `/services/data/${String(s?.url ?? '').replace(/^\/+(services\/data\/)?/, '')}`,
            referenceId: `batch${i}`,
            body: s?.richInput
        })),
        'batchRequests'
    );
    const haltOnError = body.haltOnError === true || body.haltOnError === 'true';
    const results: { statusCode: number; result: unknown }[] = [];
    let stop = false;
    for (const sub of subs) {
        if (stop) {
            results.push({
                statusCode: 412,
                result: [
                    {
                        errorCode: 'BATCH_PROCESSING_HALTED',
                        message: 'Batch processing halted per request'
                    }
                ]
            });
            continue;
        }
        const answer = await dispatch(router, ctx, r, sub.method, sub.url, sub.body);
        results.push({ statusCode: answer.status, result: answer.body });
        if (answer.status >= 400 && haltOnError) stop = true;
    }
    r.send(200, { hasErrors: results.some((x) => x.statusCode >= 400), results });
}

async function graph(router: Router, ctx: OrgContext, r: Request): Promise<void> {
    const body = await r.jsonObject();
    if (!Array.isArray(body.graphs) || !body.graphs.length)
        throw invalid('graphs: expected a non-empty array of graphs.');
    const graphs = body.graphs.map((g: Record<string, unknown>, i) => {
        const graphId = String(g?.graphId ?? '');
        if (!REFERENCE_ID.test(graphId))
            throw invalid(`graphs[${i}]: graphId must start with a letter (letters, digits, _).`);
        return {
            graphId,
            subs: readSubrequests(g.compositeRequest, `graphs[${i}].compositeRequest`)
        };
    });
    if (new Set(graphs.map((g) => g.graphId)).size !== graphs.length)
        throw invalid('Every graph needs its own graphId.');
    const nodes = graphs.reduce((n, g) => n + g.subs.length, 0);
    if (nodes > MAX_GRAPH_NODES)
        throw invalid(`A graph request can hold at most ${MAX_GRAPH_NODES} nodes in all.`);
    const out = [];
    for (const g of graphs) {
        const compositeResponse = await runComposite(router, ctx, r, g.subs, true);
        out.push({
            graphId: g.graphId,
            graphResponse: { compositeResponse },
            isSuccessful: compositeResponse.every((a) => a.httpStatusCode < 400)
        });
    }
    r.send(200, { graphs: out });
}

export function register(router: Router, ctx: OrgContext): void {
    router.post(`${API}/composite`, (r) => composite(router, ctx, r));
    router.post(`${API}/composite/batch`, (r) => batch(router, ctx, r));
    router.post(`${API}/composite/graph`, (r) => graph(router, ctx, r));
}
