/**
 * Browser implementation of `lightning/uiRecordApi` against the local org's UI API
 * (/ui-api/records, /ui-api/object-info). Wire adapters emit { data, error } like
 * the platform; imperative calls resolve to UI API records or reject with a
 * platform-shaped error ({ status, body: { message, output } }) that reduceErrors reads.
 */
import { orgFetch, fetchError } from './session';

const fieldName = (f) => (typeof f === 'string' ? f : `${f.objectApiName}.${f.fieldApiName}`);
const list = (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const live = new Set();

async function call(suffix, options) {
    const res = await orgFetch(suffix, options);
    if (!res.ok) throw fetchError(res.status, res.body);
    return res.body;
}

class RecordAdapter {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
        this.config = undefined;
        this.seq = 0;
    }
    connect() {
        live.add(this);
        if (this.config) this.run();
    }
    disconnect() {
        live.delete(this);
    }
    update(config) {
        const same = this.config && JSON.stringify(this.config) === JSON.stringify(config);
        this.config = config;
        if (live.has(this) && !same) this.run();
    }
    async run() {
        const mine = ++this.seq;
        const c = this.config;
        if (!c?.recordId) return;
        const params = new URLSearchParams();
        const fields = list(c.fields).map(fieldName);
        const optional = list(c.optionalFields).map(fieldName);
        if (fields.length) params.set('fields', fields.join(','));
        if (optional.length) params.set('optionalFields', optional.join(','));
        let value;
        try {
            const data = await call(`/ui-api/records/${encodeURIComponent(c.recordId)}?${params}`);
            value = { data, error: undefined };
        } catch (error) {
            value = { data: undefined, error };
        }
        if (mine === this.seq) this.dataCallback(value);
    }
    get recordId() {
        return this.config?.recordId;
    }
}

export class getRecord extends RecordAdapter {}

export class getObjectInfo {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
    }
    connect() {}
    disconnect() {}
    update(config) {
        const name = config?.objectApiName?.objectApiName ?? config?.objectApiName;
        if (!name) return;
        call(`/ui-api/object-info/${encodeURIComponent(name)}`).then(
            (data) => this.dataCallback({ data, error: undefined }),
            (error) => this.dataCallback({ data: undefined, error })
        );
    }
}

export class getPicklistValues {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
    }
    connect() {}
    disconnect() {}
    update(config) {
        const f = config?.fieldApiName;
        if (!f) return;
        const [object, field] = fieldName(f).split('.');
        const rt = config.recordTypeId ?? '012000000000000AAA';
        call(
            `/ui-api/object-info/${encodeURIComponent(object)}/picklist-values/${encodeURIComponent(rt)}/${encodeURIComponent(field)}`
        ).then(
            (data) => this.dataCallback({ data, error: undefined }),
            (error) => this.dataCallback({ data: undefined, error })
        );
    }
}

/**
 * `clientOptions.ifUnmodifiedSince` (the LastModifiedDate the record was read with) goes,
 * as given, in the If-Unmodified-Since header: the org refuses the write (412
 * PRECONDITION_FAILED) when the record changed after that date.
 */
export function updateRecord(recordInput, clientOptions) {
    const { Id, ...fields } = recordInput?.fields ?? {};
    if (!Id)
        return Promise.reject(
            fetchError(400, [{ errorCode: 'INVALID_INPUT', message: 'fields.Id is required.' }])
        );
    const since = clientOptions?.ifUnmodifiedSince;
    const sinceDate = since ? new Date(since) : null;
    if (sinceDate && !Number.isFinite(sinceDate.getTime()))
        return Promise.reject(
            fetchError(400, [
                {
                    errorCode: 'INVALID_INPUT',
                    message: `ifUnmodifiedSince is not a date: ${JSON.stringify(since)}.`
                }
            ])
        );
    return call(`/ui-api/records/${encodeURIComponent(Id)}`, {
        method: 'PATCH',
        body: { fields },
        headers: sinceDate ? { 'If-Unmodified-Since': String(since) } : {}
    }).then((r) => {
        notifyRecordUpdateAvailable([{ recordId: Id }]);
        return r;
    });
}

export function createRecord(recordInput) {
    return call('/ui-api/records', {
        method: 'POST',
        body: { apiName: recordInput?.apiName, fields: recordInput?.fields ?? {} }
    });
}

export async function deleteRecord(recordId) {
    await call(`/ui-api/records/${encodeURIComponent(recordId)}`, { method: 'DELETE' });
    return undefined;
}

export function notifyRecordUpdateAvailable(items) {
    const ids = new Set(list(items).map((i) => i.recordId));
    const runs = [];
    for (const adapter of live) if (ids.has(adapter.recordId)) runs.push(adapter.run());
    return Promise.all(runs).then(() => undefined);
}

/** @deprecated in the platform, kept for components that still call it. */
export const getRecordNotifyChange = notifyRecordUpdateAvailable;

function fieldOf(record, field) {
    let node = record;
    const path = fieldName(field).split('.').slice(1);
    for (let i = 0; i < path.length; i++) {
        const f = node?.fields?.[path[i]];
        if (!f) return undefined;
        if (i === path.length - 1) return f;
        node = f.value;
    }
    return undefined;
}

export function getFieldValue(record, field) {
    return fieldOf(record, field)?.value;
}

export function getFieldDisplayValue(record, field) {
    return fieldOf(record, field)?.displayValue;
}
