/**
 * The local org's UI API (REST) in the platform's shapes, over the same
 * RecordSource as the GraphQL endpoint:
 *   GET    /ui-api/records/{id}?fields=Lead.Name,Lead.Owner.Name&optionalFields=...
 *   PATCH  /ui-api/records/{id}        { fields: {...} }
 *   DELETE /ui-api/records/{id}
 *   POST   /ui-api/records             { apiName, fields: {...} }
 *   GET    /ui-api/object-info/{object}
 *   GET    /ui-api/object-info/{object}/picklist-values/{recordTypeId}/{field}
 */
import { checkEditAccess } from '../store/access';
import { displayValue } from '../store/displayValue';
import {
    SourceError,
    type FieldInfo,
    type ObjectInfo,
    type RecordSource,
    type RecordValues
} from '../store/source';

export interface ApiResponse {
    status: number;
    body: unknown;
}

export const MASTER_RECORD_TYPE_ID = '012000000000000AAA';

const ID_RE = /^[a-zA-Z0-9]{15,18}$/;
const NAME_RE = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

const DATA_TYPES: Record<FieldInfo['kind'], string> = {
    id: 'Id',
    string: 'String',
    textarea: 'TextArea',
    email: 'Email',
    phone: 'Phone',
    url: 'Url',
    picklist: 'Picklist',
    multipicklist: 'MultiPicklist',
    combobox: 'ComboBox',
    boolean: 'Boolean',
    int: 'Int',
    double: 'Double',
    currency: 'Currency',
    percent: 'Percent',
    date: 'Date',
    datetime: 'DateTime',
    reference: 'Reference'
};

function err(status: number, errorCode: string, message: string): ApiResponse {
    return { status, body: [{ errorCode, message }] };
}

/** A record write failed: the UI API's RecordError shape. */
function recordError(e: SourceError): ApiResponse {
    const fieldErrors: Record<string, { errorCode: string; message: string; field: string }[]> = {};
    for (const f of e.fields)
        (fieldErrors[f] ??= []).push({ errorCode: e.errorCode, message: e.message, field: f });
    const notFound = e.errorCode === 'NOT_FOUND' || e.errorCode === 'ENTITY_IS_DELETED';
    const forbidden = e.errorCode === 'INSUFFICIENT_ACCESS_OR_READONLY';
    return {
        status: notFound ? 404 : forbidden ? 403 : 400,
        body: {
            errorCode: e.errorCode,
            enhancedErrorType: 'RecordError',
            message: e.message,
            output: {
                errors: e.fields.length ? [] : [{ errorCode: e.errorCode, message: e.message }],
                fieldErrors
            }
        }
    };
}

export function objectForId(source: RecordSource, id: string): ObjectInfo | undefined {
    const prefix = id.slice(0, 3);
    for (const name of source.objectNames()) {
        const info = source.objectInfo(name);
        if (info?.keyPrefix === prefix) return info;
    }
    for (const name of source.objectNames()) {
        const info = source.objectInfo(name);
        if (
            info &&
            source.find(name, {
                fields: ['Id'],
                where: { field: 'Id', op: 'eq', value: id },
                limit: 1,
                offset: 0
            }).records.length
        ) {
            return info;
        }
    }
    return undefined;
}

function parentRef(info: ObjectInfo, relationshipName: string): FieldInfo | undefined {
    return Object.values(info.fields).find(
        (f) => f.kind === 'reference' && f.relationshipName === relationshipName
    );
}

/** Builds a UI API record with the given field paths (relative to the object). */
function recordRepresentation(
    source: RecordSource,
    info: ObjectInfo,
    row: RecordValues,
    paths: string[][]
): Record<string, unknown> {
    const fields: Record<string, unknown> = {};
    const byParent = new Map<string, string[][]>();
    for (const p of paths) {
        if (p.length === 1) {
            const fi = info.fields[p[0]];
            if (fi)
                fields[p[0]] = {
                    displayValue: displayValue(fi, row[p[0]]),
                    value: row[p[0]] ?? null
                };
        } else {
            const list = byParent.get(p[0]) ?? [];
            list.push(p.slice(1));
            byParent.set(p[0], list);
        }
    }
    for (const [rel, sub] of byParent) {
        const ref = parentRef(info, rel);
        const id = ref ? row[ref.name] : undefined;
        if (!ref || typeof id !== 'string' || !id) {
            if (ref) fields[rel] = { displayValue: null, value: null };
            continue;
        }
        let parent: Record<string, unknown> | null = null;
        for (const target of ref.referenceTo ?? []) {
            const pInfo = source.objectInfo(target);
            if (!pInfo) continue;
            const cols = [
                'Id',
                ...new Set(sub.filter((s) => s.length === 1 && pInfo.fields[s[0]]).map((s) => s[0]))
            ];
            for (const s of sub) if (s.length > 1) cols.push(parentRef(pInfo, s[0])?.name ?? 'Id');
            const found = source.find(target, {
                fields: [...new Set(cols)],
                where: { field: 'Id', op: 'eq', value: id },
                limit: 1,
                offset: 0
            }).records[0];
            if (found) {
                parent = recordRepresentation(source, pInfo, found, sub);
                break;
            }
        }
        const nameValue = (parent?.fields as Record<string, { value: unknown }> | undefined)?.Name
            ?.value;
        fields[rel] = {
            displayValue: nameValue === undefined ? null : String(nameValue),
            value: parent
        };
    }
    const modstamp = row.SystemModstamp ?? row.LastModifiedDate ?? null;
    return {
        apiName: info.name,
        childRelationships: {},
        eTag: `${row.Id}:${modstamp ?? ''}`,
        fields,
        id: row.Id,
        lastModifiedById: row.LastModifiedById ?? null,
        lastModifiedDate: row.LastModifiedDate ?? null,
        recordTypeId: MASTER_RECORD_TYPE_ID,
        recordTypeInfo: null,
        systemModstamp: modstamp,
        weakEtag: Date.parse(String(modstamp ?? '')) || 0
    };
}

function parseFieldList(
    info: ObjectInfo,
    list: string | null,
    optional: boolean
): { paths: string[][]; error?: ApiResponse } {
    const paths: string[][] = [];
    for (const raw of (list ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)) {
        const parts = raw.split('.');
        if (parts.length < 2 || parts.length > 6 || !parts.every((p) => NAME_RE.test(p))) {
            return {
                paths,
                error: err(400, 'INVALID_FIELD', `Invalid field name: ${raw.slice(0, 100)}`)
            };
        }
        if (parts[0] !== info.name) {
            if (optional) continue;
            return {
                paths,
                error: err(
                    400,
                    'INVALID_FIELD',
                    `${raw.slice(0, 100)} is not a field of ${info.name}.`
                )
            };
        }
        const rel = parts.slice(1);
        const known =
            rel.length === 1 ? Boolean(info.fields[rel[0]]) : Boolean(parentRef(info, rel[0]));
        if (!known) {
            if (optional) continue;
            return {
                paths,
                error: err(
                    400,
                    'INVALID_FIELD',
                    `No such column '${rel.join('.')}' on entity '${info.name}'.`
                )
            };
        }
        paths.push(rel);
    }
    return { paths };
}

export function getRecord(source: RecordSource, id: string, params: URLSearchParams): ApiResponse {
    if (!ID_RE.test(id)) return err(404, 'NOT_FOUND', 'The requested resource does not exist');
    const info = objectForId(source, id);
    if (!info) return err(404, 'NOT_FOUND', 'The requested resource does not exist');
    const fields = parseFieldList(info, params.get('fields'), false);
    if (fields.error) return fields.error;
    const optional = parseFieldList(info, params.get('optionalFields'), true);
    if (optional.error) return optional.error;
    const paths = [...fields.paths, ...optional.paths];
    if (!paths.length)
        return err(
            400,
            'ILLEGAL_QUERY_PARAMETER_VALUE',
            'Give fields or optionalFields (e.g. fields=Lead.Name).'
        );
    const record = readRecord(source, info, id, paths);
    if (!record) return err(404, 'NOT_FOUND', 'The requested resource does not exist');
    return { status: 200, body: record };
}

function readRecord(
    source: RecordSource,
    info: ObjectInfo,
    id: string,
    paths: string[][]
): Record<string, unknown> | null {
    const cols = new Set(['Id']);
    for (const c of ['LastModifiedById', 'LastModifiedDate', 'SystemModstamp'])
        if (info.fields[c]) cols.add(c);
    for (const p of paths) cols.add(p.length === 1 ? p[0] : (parentRef(info, p[0])?.name ?? 'Id'));
    const row = source.find(info.name, {
        fields: [...cols],
        where: { field: 'Id', op: 'eq', value: id },
        limit: 1,
        offset: 0
    }).records[0];
    return row ? recordRepresentation(source, info, row, paths) : null;
}

function checkValues(
    info: ObjectInfo,
    fields: unknown,
    mode: 'create' | 'update'
): { values?: RecordValues; error?: ApiResponse } {
    if (!fields || typeof fields !== 'object' || Array.isArray(fields)) {
        return {
            error: err(400, 'INVALID_INPUT', 'The body needs "fields", an object of field values.')
        };
    }
    const values: RecordValues = {};
    for (const [name, value] of Object.entries(fields as Record<string, unknown>)) {
        if (name === 'Id') continue;
        const fi = info.fields[name];
        if (!fi)
            return {
                error: recordError(
                    new SourceError(
                        'INVALID_FIELD',
                        `No such column '${name}' on entity '${info.name}'.`,
                        [name]
                    )
                )
            };
        if (mode === 'create' ? !fi.createable : !fi.updateable) {
            return {
                error: recordError(
                    new SourceError(
                        'INVALID_FIELD_FOR_INSERT_UPDATE',
                        `Unable to ${mode} field ${name}.`,
                        [name]
                    )
                )
            };
        }
        if (value !== null && typeof value === 'object') {
            return {
                error: recordError(
                    new SourceError('INVALID_FIELD', `${name}: expected a single value.`, [name])
                )
            };
        }
        values[name] = value;
    }
    return { values };
}

const allPaths = (info: ObjectInfo) => Object.keys(info.fields).map((f) => [f]);

export function updateRecord(
    source: RecordSource,
    id: string,
    body: unknown,
    actorId?: string,
    ifUnmodifiedSince?: string
): ApiResponse {
    if (!ID_RE.test(id)) return err(404, 'NOT_FOUND', 'The requested resource does not exist');
    const info = objectForId(source, id);
    if (!info) return err(404, 'NOT_FOUND', 'The requested resource does not exist');
    const checked = checkValues(info, (body as { fields?: unknown } | null)?.fields, 'update');
    if (checked.error) return checked.error;
    const since = ifUnmodifiedSince === undefined ? undefined : Date.parse(ifUnmodifiedSince);
    if (since !== undefined && !Number.isFinite(since))
        return err(
            400,
            'INVALID_HEADER',
            'If-Unmodified-Since must be a date (HTTP date or ISO 8601).'
        );
    let changed = null as string | null;
    try {
        source.transaction(() => {
            checkEditAccess(source, actorId);
            // Checked inside the write's transaction, so nothing can change in between.
            if (since !== undefined) changed = modifiedAfter(source, info, id, since);
            if (changed === null) source.update(info.name, id, checked.values!, actorId);
        });
    } catch (e) {
        if (e instanceof SourceError) return recordError(e);
        throw e;
    }
    if (changed !== null)
        return err(
            412,
            'PRECONDITION_FAILED',
            `The record was modified at ${changed}, after If-Unmodified-Since.`
        );
    return { status: 200, body: readRecord(source, info, id, allPaths(info)) };
}

/**
 * The record's LastModifiedDate when it is later than `since`. The header is taken as the
 * client gave it: an HTTP date, or the ISO LastModifiedDate it read (to the millisecond).
 */
function modifiedAfter(
    source: RecordSource,
    info: ObjectInfo,
    id: string,
    since: number
): string | null {
    if (!info.fields.LastModifiedDate) return null;
    const row = source.find(info.name, {
        fields: ['Id', 'LastModifiedDate'],
        where: { field: 'Id', op: 'eq', value: id },
        limit: 1,
        offset: 0
    }).records[0];
    const modified = typeof row?.LastModifiedDate === 'string' ? row.LastModifiedDate : null;
    if (!modified) return null;
    return Date.parse(modified) > since ? modified : null;
}

export function createRecord(source: RecordSource, body: unknown, actorId?: string): ApiResponse {
    const apiName = (body as { apiName?: unknown } | null)?.apiName;
    const info =
        typeof apiName === 'string' && NAME_RE.test(apiName)
            ? source.objectInfo(apiName)
            : undefined;
    if (!info)
        return err(
            400,
            'INVALID_TYPE',
            `apiName must name an object; got ${JSON.stringify(apiName ?? null)?.slice(0, 80)}.`
        );
    const checked = checkValues(info, (body as { fields?: unknown }).fields, 'create');
    if (checked.error) return checked.error;
    let id: string;
    try {
        id = source.transaction(() => {
            checkEditAccess(source, actorId);
            return source.create(info.name, checked.values!, actorId);
        });
    } catch (e) {
        if (e instanceof SourceError) return recordError(e);
        throw e;
    }
    return { status: 201, body: readRecord(source, info, id, allPaths(info)) };
}

export function deleteRecord(source: RecordSource, id: string, actorId?: string): ApiResponse {
    if (!ID_RE.test(id)) return err(404, 'NOT_FOUND', 'The requested resource does not exist');
    const info = objectForId(source, id);
    if (!info) return err(404, 'NOT_FOUND', 'The requested resource does not exist');
    try {
        source.transaction(() => {
            checkEditAccess(source, actorId);
            source.delete(info.name, id);
        });
    } catch (e) {
        if (e instanceof SourceError) return recordError(e);
        throw e;
    }
    return { status: 204, body: null };
}

export function objectInfo(source: RecordSource, name: string): ApiResponse {
    const info = NAME_RE.test(name) ? source.objectInfo(name) : undefined;
    if (!info)
        return err(
            404,
            'NOT_FOUND',
            `The requested resource does not exist: object ${name.slice(0, 80)}`
        );
    const fields: Record<string, unknown> = {};
    for (const f of Object.values(info.fields)) {
        fields[f.name] = {
            apiName: f.name,
            calculated: false,
            compound: false,
            createable: f.createable,
            custom: f.name.endsWith('__c'),
            dataType: DATA_TYPES[f.kind],
            label: f.label,
            nameField: f.name === 'Name',
            nillable: f.nillable,
            reference: f.kind === 'reference',
            referenceToInfos: (f.referenceTo ?? []).map((apiName) => ({
                apiName,
                nameFields: ['Name']
            })),
            relationshipName: f.relationshipName ?? null,
            required: Boolean(f.required),
            sortable: true,
            filterable: true,
            updateable: f.updateable
        };
    }
    return {
        status: 200,
        body: {
            apiName: info.name,
            childRelationships: info.childRelationships.map((c) => ({
                childObjectApiName: c.childObject,
                fieldName: c.field,
                relationshipName: c.relationshipName
            })),
            createable: true,
            custom: info.name.endsWith('__c'),
            defaultRecordTypeId: MASTER_RECORD_TYPE_ID,
            deletable: true,
            fields,
            keyPrefix: info.keyPrefix ?? null,
            label: info.label,
            labelPlural: info.labelPlural,
            queryable: true,
            recordTypeInfos: {
                [MASTER_RECORD_TYPE_ID]: {
                    available: true,
                    defaultRecordTypeMapping: true,
                    master: true,
                    name: 'Master',
                    recordTypeId: MASTER_RECORD_TYPE_ID
                }
            },
            updateable: true
        }
    };
}

export function picklistValues(
    source: RecordSource,
    object: string,
    recordTypeId: string,
    field: string
): ApiResponse {
    const info = NAME_RE.test(object) ? source.objectInfo(object) : undefined;
    const fi = info && NAME_RE.test(field) ? info.fields[field] : undefined;
    if (!info || !fi || (fi.kind !== 'picklist' && fi.kind !== 'multipicklist')) {
        return err(404, 'NOT_FOUND', `No picklist ${object.slice(0, 80)}.${field.slice(0, 80)}.`);
    }
    const values = fi.picklistValues ?? [];
    const def = values.find((v) => v.isDefault);
    return {
        status: 200,
        body: {
            controllerValues: {},
            defaultValue: def
                ? { attributes: null, label: def.label, validFor: [], value: def.value }
                : null,
            eTag: `${object}.${field}.${values.length}`,
            url: `/ui-api/object-info/${object}/picklist-values/${recordTypeId}/${field}`,
            values: values.map((v) => ({
                attributes: v.converted === undefined ? null : { converted: v.converted },
                label: v.label,
                validFor: [],
                value: v.value
            }))
        }
    };
}
