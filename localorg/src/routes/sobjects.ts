/**
 * sObject REST: describe (`/sobjects`, `/sobjects/{Object}/describe`) and
 * records (`POST /sobjects/{Object}`, `GET/PATCH/DELETE /sobjects/{Object}/{id}`,
 * `GET/PATCH /sobjects/{Object}/{ExtIdField}/{value}` for upsert).
 */
import { ApiError, notFound } from '../http/errors';
import type { Request } from '../http/request';
import { API, type Router } from '../http/router';
import { namesWithCompounds } from '../store/compoundFields';
import { describeGlobalEntry, describeSObject } from '../store/describe';
import { normalizeId } from '../store/ids';
import type { OrgContext } from './context';
import {
    fieldList,
    findByExternalId,
    objectNamed,
    readRecord,
    recordBody,
    upsertOne
} from './records';

const SOBJECTS = `${API}/sobjects`;
/** How many matching records a 300 answer lists. */
const MAX_CHOICES = 100;

export function register(router: Router, ctx: OrgContext): void {
    const { store } = ctx;
    router.get(SOBJECTS, (r) =>
        r.send(200, {
            encoding: 'UTF-8',
            maxBatchSize: 200,
            sobjects: store.objectNames().map((n) => describeGlobalEntry(store.objectInfo(n)!))
        })
    );
    router.get(`${SOBJECTS}/:object`, (r) =>
        r.send(200, {
            objectDescribe: describeGlobalEntry(objectNamed(ctx, r.params.object)),
            recentItems: []
        })
    );
    router.post(`${SOBJECTS}/:object`, async (r) => {
        const info = objectNamed(ctx, r.params.object);
        const values = recordBody(await r.json());
        const id = store.transaction(() => {
            ctx.faults.maybeLock(info.name, values);
            return store.create(info.name, values);
        });
        r.send(201, { id, success: true, errors: [] });
    });
    router.get(`${SOBJECTS}/:object/describe`, (r) =>
        r.send(200, describeSObject(objectNamed(ctx, r.params.object)))
    );
    router.get(`${SOBJECTS}/:object/:id`, (r) => {
        const { info, id } = recordPath(ctx, r);
        const fields = fieldList(r.query('fields'), namesWithCompounds(info));
        const record = readRecord(ctx, info.name, id, fields);
        if (!record) throw notFound();
        r.send(200, record);
    });
    router.patch(`${SOBJECTS}/:object/:id`, async (r) => {
        const { info, id } = recordPath(ctx, r);
        const values = recordBody(await r.json());
        store.transaction(() => {
            ctx.faults.maybeLock(info.name, { Id: id });
            store.update(info.name, id, values);
        });
        r.send(204, null);
    });
    router.delete(`${SOBJECTS}/:object/:id`, (r) => {
        const { info, id } = recordPath(ctx, r);
        store.transaction(() => store.delete(info.name, id));
        r.send(204, null);
    });
    router.patch(`${SOBJECTS}/:object/:field/:value`, async (r) => {
        const info = objectNamed(ctx, r.params.object);
        const values = recordBody(await r.json());
        if (multipleChoices(ctx, r, info.name)) return;
        const result = store.transaction(() =>
            upsertOne(ctx, info.name, r.params.field, r.params.value, values)
        );
        r.send(result.created ? 201 : 200, {
            id: result.id,
            success: true,
            errors: [],
            created: result.created
        });
    });
    router.get(`${SOBJECTS}/:object/:field/:value`, (r) => {
        const info = objectNamed(ctx, r.params.object);
        if (multipleChoices(ctx, r, info.name)) return;
        const ids = findByExternalId(ctx, info.name, r.params.field, r.params.value);
        if (!ids.length) throw notFound();
        r.send(200, readRecord(ctx, info.name, ids[0], namesWithCompounds(info)));
    });
}

/**
 * An external id (not unique) that several records share: the platform answers 300 Multiple
 * Choices with the records' URLs (jsforce's `MULTIPLE_CHOICES`), and writes nothing.
 */
function multipleChoices(ctx: OrgContext, r: Request, object: string): boolean {
    const { field, value, version } = r.params;
    const ids = findByExternalId(ctx, object, field, value, MAX_CHOICES);
    if (ids.length < 2) return false;
    r.send(
        300,
        ids.map((id) => `/services/data/${version}/sobjects/${object}/${id}`)
    );
    return true;
}

function recordPath(ctx: OrgContext, r: Request) {
    const info = objectNamed(ctx, r.params.object);
    const id = normalizeId(r.params.id);
    if (!id)
        throw new ApiError(
            404,
            'NOT_FOUND',
            `Provided external ID field does not exist or is not accessible: ${r.params.id}`
        );
    return { info, id };
}
