/**
 * sObject Collections: `GET /composite/sobjects/{Object}?ids=&fields=` (or POSTed
 * `{ ids, fields }`),
 * `POST/PATCH /composite/sobjects` (insert/update), `PATCH
 * /composite/sobjects/{Object}/{ExtIdField}` (upsert), `DELETE
 * /composite/sobjects?ids=`; 200 records at most, `allOrNone` both ways.
 */
import { ApiError, isRecordError, recordError } from '../http/errors';
import type { Request } from '../http/request';
import { API, type Router } from '../http/router';
import { normalizeId } from '../store/ids';
import { SourceError, type RecordValues } from '../store/source';
import type { OrgContext } from './context';
import {
    externalField,
    fieldList,
    findByExternalId,
    objectNamed,
    readRecord,
    recordBody,
    upsertOne
} from './records';

const COLLECTIONS = `${API}/composite/sobjects`;

type Result = {
    id?: string | null;
    success: boolean;
    errors: { statusCode: string; message: string; fields: string[] }[];
    created?: boolean;
};

function tooMany(max: number): ApiError {
    return new ApiError(
        400,
        'EXCEEDED_ID_LIMIT',
        `record limit reached. cannot submit more than ${max} records into this call`
    );
}

export function register(router: Router, ctx: OrgContext): void {
    router.get(`${COLLECTIONS}/:object`, (r) =>
        r.send(
            200,
            retrieveMany(
                ctx,
                r.params.object,
                (r.query('ids') ?? '').split(',').filter(Boolean),
                fieldList(r.query('fields'), ['Id'])
            )
        )
    );
    // The same read with ids and fields in the body (long id lists; jsforce's retrieve of many).
    router.post(`${COLLECTIONS}/:object`, async (r) => {
        const body = await r.jsonObject('{ "ids": [...], "fields": [...] }');
        const strings = (v: unknown) =>
            Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined;
        const ids = strings(body.ids);
        const fields = strings(body.fields);
        if (!ids?.length || !fields?.length)
            throw new ApiError(
                400,
                'JSON_PARSER_ERROR',
                'Expected { "ids": ["..."], "fields": ["..."] } with at least one of each.'
            );
        r.send(200, retrieveMany(ctx, r.params.object, ids, fieldList(fields.join(','), [])));
    });
    router.delete(COLLECTIONS, (r) => {
        const ids = (r.query('ids') ?? '').split(',').filter(Boolean);
        if (ids.length > 200) throw tooMany(200);
        const results = runCollection(ctx, ids, r.query('allOrNone') === 'true', (raw) => {
            const id = normalizeId(raw);
            const object = id ? ctx.store.objectOfId(id) : undefined;
            if (!id || !object)
                throw new SourceError('MALFORMED_ID', `malformed id ${String(raw).slice(0, 20)}`);
            ctx.faults.maybeLock(object, { Id: id });
            ctx.store.delete(object, id);
            return { id };
        });
        r.send(200, results);
    });
    router.post(COLLECTIONS, async (r) => {
        const { allOrNone, records } = await collectionBody(r);
        const results = runCollection(ctx, records, allOrNone, (record) => {
            const object = typeOf(ctx, record);
            const values = recordBody(record);
            if (values.Id)
                throw new SourceError('INVALID_FIELD', 'cannot specify Id in an insert call', [
                    'Id'
                ]);
            ctx.faults.maybeLock(object, values);
            return { id: ctx.store.create(object, values) };
        });
        r.send(200, results);
    });
    router.patch(COLLECTIONS, async (r) => {
        const { allOrNone, records } = await collectionBody(r);
        const results = runCollection(ctx, records, allOrNone, (record) => {
            const object = typeOf(ctx, record);
            const values = recordBody(record);
            const rawId = values.Id ?? values.id;
            const id = normalizeId(rawId);
            if (!id)
                throw new SourceError(
                    'MALFORMED_ID',
                    `Id in the record is missing or malformed: ${String(rawId ?? '').slice(0, 20)}`,
                    ['Id']
                );
            ctx.faults.maybeLock(object, { Id: id });
            ctx.store.update(object, id, values);
            return { id };
        });
        r.send(200, results);
    });
    router.patch(`${COLLECTIONS}/:object/:field`, async (r) => {
        const { allOrNone, records } = await collectionBody(r);
        const object = objectNamed(ctx, r.params.object).name;
        const field = externalField(ctx, object, r.params.field);
        const results = runCollection(
            ctx,
            records,
            allOrNone,
            (record) => {
                if (typeOf(ctx, record) !== object)
                    throw new SourceError('INVALID_TYPE', `All records must be of type ${object}.`);
                const values = recordBody(record);
                return upsertOne(ctx, object, field, values[field], values);
            },
            // The platform says of failed and rolled-back upserts too whether they would create.
            (record) => {
                const value = (record as RecordValues | null)?.[field];
                return (
                    value === undefined ||
                    value === null ||
                    value === '' ||
                    !findByExternalId(ctx, object, field, value).length
                );
            }
        );
        r.send(200, results);
    });
}

/** Records by id, in order, `null` for an id with no record (deleted, or never was). */
function retrieveMany(ctx: OrgContext, object: string, ids: string[], fields: string[]) {
    const info = objectNamed(ctx, object);
    if (ids.length > 2000) throw tooMany(2000);
    return ids.map((raw) => {
        const id = normalizeId(raw);
        return id ? (readRecord(ctx, info.name, id, fields) ?? null) : null;
    });
}

async function collectionBody(
    r: Request
): Promise<{ allOrNone: boolean; records: RecordValues[] }> {
    const body = (await r.json()) as { allOrNone?: unknown; records?: unknown };
    if (!body || typeof body !== 'object' || !Array.isArray(body.records)) {
        throw new ApiError(
            400,
            'JSON_PARSER_ERROR',
            'Expected { "allOrNone": boolean, "records": [ ... ] }.'
        );
    }
    if (body.records.length > 200) throw tooMany(200);
    return { allOrNone: allOrNoneOf(body.allOrNone), records: body.records as RecordValues[] };
}

/** allOrNone as the platform reads it: a boolean, or the text "true"/"false"; absent is false. */
function allOrNoneOf(value: unknown): boolean {
    if (value === undefined || value === null) return false;
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string' && /^(true|false)$/i.test(value))
        return value.toLowerCase() === 'true';
    throw new ApiError(
        400,
        'JSON_PARSER_ERROR',
        `allOrNone must be true or false, not ${JSON.stringify(value).slice(0, 40)}.`
    );
}

function typeOf(ctx: OrgContext, record: RecordValues): string {
    const t = (record?.attributes as { type?: string } | undefined)?.type;
    if (!t) throw new SourceError('INVALID_TYPE', 'Must send a concrete entity type.');
    return objectNamed(ctx, t).name;
}

/** Runs each item in its own savepoint; with allOrNone, one failure rolls back all. */
function runCollection<T>(
    ctx: OrgContext,
    items: T[],
    allOrNone: boolean,
    fn: (item: T) => { id: string; created?: boolean },
    wouldCreate?: (item: T) => boolean
): Result[] {
    const results: Result[] = [];
    const rollback = new Error('rollback');
    try {
        ctx.store.transaction(() => {
            for (const item of items) {
                try {
                    const out = ctx.store.transaction(() => fn(item));
                    results.push({
                        id: out.id,
                        success: true,
                        errors: [],
                        ...(out.created !== undefined ? { created: out.created } : {})
                    });
                } catch (e) {
                    if (!isRecordError(e)) throw e;
                    results.push({
                        success: false,
                        errors: [recordError(e)],
                        ...(wouldCreate ? { created: wouldCreate(item) } : {})
                    });
                }
            }
            if (allOrNone && results.some((r) => !r.success)) throw rollback;
        });
    } catch (e) {
        if (e !== rollback) throw e;
        return results.map((r) =>
            r.success
                ? {
                      id: null,
                      success: false,
                      ...(r.created !== undefined ? { created: r.created } : {}),
                      errors: [
                          {
                              statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
                              message:
                                  'Record rolled back because not all records were valid and the request was using AllOrNone header',
                              fields: []
                          }
                      ]
                  }
                : { ...r, id: null }
        );
    }
    return results;
}
