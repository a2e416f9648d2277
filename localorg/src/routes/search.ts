/**
 * SOSL over REST: `GET /search?q=FIND {...} ...` and `/parameterizedSearch`
 * (GET with `q`, `sobject`, `{Object}.fields|where|orderBy|limit`, `fields`,
 * `in`, `overallLimit`, `defaultLimit`, `offset`; or POST with the same as
 * JSON, `sobjects` an array). Both answer `{ searchRecords: [...] }`.
 */
import { ApiError } from '../http/errors';
import type { Request } from '../http/request';
import { API, type Router } from '../http/router';
import { parameterizedSearch, runSearch, runSosl, type SearchParameters } from '../store/sosl';
import type { OrgContext } from './context';

/** A comma-separated list parameter (`Account.fields=Id,Name`). */
const list = (value: string | null): string[] | undefined =>
    value
        ? value
              .split(',')
              .map((v) => v.trim())
              .filter(Boolean)
        : undefined;

const number = (value: string | null): number | undefined =>
    value === null || value === '' ? undefined : Number(value);

function fromQueryString(r: Request): SearchParameters {
    const get = (name: string) => r.query(name);
    return {
        q: get('q') ?? '',
        in: get('in') ?? undefined,
        fields: list(get('fields')),
        sobjects: r.url.searchParams.getAll('sobject').map((name) => ({
            name,
            fields: list(get(`${name}.fields`)),
            where: get(`${name}.where`) ?? undefined,
            orderBy: get(`${name}.orderBy`) ?? undefined,
            limit: number(get(`${name}.limit`))
        })),
        overallLimit: number(get('overallLimit')),
        defaultLimit: number(get('defaultLimit')),
        offset: number(get('offset'))
    };
}

const text = (v: unknown, name: string): string | undefined => {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') throw new ApiError(400, 'INVALID_FIELD', `${name} must be text.`);
    return v;
};

const texts = (v: unknown, name: string): string[] | undefined => {
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
        throw new ApiError(400, 'INVALID_FIELD', `${name} must be an array of field names.`);
    return v as string[];
};

const count = (v: unknown, name: string): number | undefined => {
    if (v === undefined || v === null) return undefined;
    const n = typeof v === 'string' ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isFinite(n))
        throw new ApiError(400, 'INVALID_FIELD', `${name} must be a number.`);
    return n;
};

function fromBody(body: Record<string, unknown>): SearchParameters {
    const sobjects = body.sobjects ?? [];
    if (!Array.isArray(sobjects))
        throw new ApiError(
            400,
            'INVALID_FIELD',
            'sobjects must be an array of { name, fields, ... }.'
        );
    return {
        q: text(body.q, 'q') ?? '',
        in: text(body.in, 'in'),
        fields: texts(body.fields, 'fields'),
        sobjects: sobjects.map((o: unknown, i) => {
            const item = (o ?? {}) as Record<string, unknown>;
            const name = text(item.name, `sobjects[${i}].name`);
            if (!name) throw new ApiError(400, 'INVALID_FIELD', `sobjects[${i}] needs a name.`);
            return {
                name,
                fields: texts(item.fields, `sobjects[${i}].fields`),
                where: text(item.where, `sobjects[${i}].where`),
                orderBy: text(item.orderBy, `sobjects[${i}].orderBy`),
                limit: count(item.limit, `sobjects[${i}].limit`)
            };
        }),
        overallLimit: count(body.overallLimit, 'overallLimit'),
        defaultLimit: count(body.defaultLimit, 'defaultLimit'),
        offset: count(body.offset, 'offset')
    };
}

export function register(router: Router, ctx: OrgContext): void {
    router.get(`${API}/search`, (r) => r.send(200, runSosl(ctx.store, r.query('q') ?? '')));
    router.get(`${API}/parameterizedSearch`, (r) =>
        r.send(200, runSearch(ctx.store, parameterizedSearch(ctx.store, fromQueryString(r))))
    );
    router.post(`${API}/parameterizedSearch`, async (r) => {
        const search = parameterizedSearch(ctx.store, fromBody(await r.jsonObject()));
        r.send(200, runSearch(ctx.store, search));
    });
}
