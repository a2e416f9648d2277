/**
 * Record helpers the REST, Collections and Bulk routes share: object lookup,
 * request bodies as field values, field lists from URLs, and upsert by
 * external id (all on the store's platform validation).
 */
import { ApiError, notFound } from '../http/errors';
import { runSoqlWithFilter } from '../store/soql';
import { namesOf, SourceError, type ObjectInfo, type RecordValues } from '../store/source';
import type { OrgContext } from './context';

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;

/** An object by name, case-insensitively; 404 when the org has no such object. */
export function objectNamed(ctx: OrgContext, name: string): ObjectInfo {
    const canonical = ctx.store.objectNames().find((n) => n.toLowerCase() === name.toLowerCase());
    const info = canonical ? ctx.store.objectInfo(canonical) : undefined;
    if (!info) throw notFound(`sObject type '${name}' is not supported.`);
    return info;
}

/** A field list from a URL parameter, checked name by name before it goes into SOQL. */
export function fieldList(param: string | null, fallback: string[]): string[] {
    if (!param) return fallback;
    const fields = param
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean);
    const bad = fields.find((f) => !FIELD_NAME.test(f));
    if (bad !== undefined)
        throw new ApiError(
            400,
            'INVALID_FIELD',
            `Invalid field name in fields=: ${bad.slice(0, 80)}`
        );
    return fields;
}

/** One record by id with these fields, in the REST shape (undefined when there is none). */
export function readRecord(
    ctx: OrgContext,
    object: string,
    id: string,
    fields: string[]
): RecordValues | undefined {
    // Field names and the object are checked identifiers (and checked again by the SOQL
    // engine); the id is a bound value.
    return runSoqlWithFilter(ctx.store, `SELECT ${fields.join(', ')} FROM ${object}`, {
        field: 'Id',
        op: 'eq',
        value: id
    }).records[0];
}

/** A JSON object of field values, without its `attributes`. */
export function recordBody(body: unknown): RecordValues {
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
        throw new ApiError(
            400,
            'JSON_PARSER_ERROR',
            'The request body must be a JSON object of field values.'
        );
    }
    const { attributes: _attributes, ...values } = body as RecordValues;
    void _attributes;
    return values;
}

/** The external id field's canonical name (or Id); 404 when it is not one. */
export function externalField(ctx: OrgContext, object: string, field: string): string {
    const info = objectNamed(ctx, object);
    const f = namesOf(info).fields.get(field.toLowerCase());
    if (!f || (f.name !== 'Id' && !f.externalId)) {
        throw new ApiError(
            404,
            'NOT_FOUND',
            `Provided external ID field does not exist or is not accessible: ${field}`
        );
    }
    return f.name;
}

export function findByExternalId(
    ctx: OrgContext,
    object: string,
    field: string,
    value: unknown,
    limit = 2
): string[] {
    const name = externalField(ctx, object, field);
    return ctx.store
        .find(object, {
            fields: ['Id'],
            where: { field: name, op: 'eq', value },
            limit,
            offset: 0
        })
        .records.map((r) => String(r.Id));
}

/** Updates the record with this external id, or creates it when there is none. */
export function upsertOne(
    ctx: OrgContext,
    object: string,
    field: string,
    value: unknown,
    values: RecordValues
): { id: string; created: boolean } {
    const name = externalField(ctx, object, field);
    const matches =
        value === undefined || value === null || value === ''
            ? []
            : findByExternalId(ctx, object, name, value);
    if (matches.length > 1)
        throw new SourceError(
            'DUPLICATE_EXTERNAL_ID',
            `${name}: more than one record found for external id field: ${String(value)}`,
            [name]
        );
    const { [name]: _ext, ...rest } = values;
    void _ext;
    if (matches.length === 1) {
        ctx.faults.maybeLock(object, { Id: matches[0] });
        ctx.store.update(object, matches[0], rest);
        return { id: matches[0], created: false };
    }
    if (name === 'Id' && value)
        throw new SourceError(
            'NOT_FOUND',
            `Provided external ID field does not exist or is not accessible: ${String(value)}`
        );
    ctx.faults.maybeLock(object, values);
    return {
        id: ctx.store.create(object, name === 'Id' ? rest : { ...rest, [name]: value }),
        created: true
    };
}
