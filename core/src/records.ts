/**
 * Mapping between Salesforce records (API names) and domain objects.
 * Accepts the shapes the platform returns: flat REST/SOQL records and UI API /
 * GraphQL records whose fields are wrapped as `{ value }` (and, for `getRecord`,
 * nested under `fields`).
 */
import { LEAD_FIELDS, LEAD_VALUE_TYPES } from './schema';
import type { Lead } from './types';

export type SalesforceRecord = Record<string, unknown>;

/** Unwraps `{ value }` (UI API, GraphQL) to the plain value; leaves others. */
export function fieldValue(raw: unknown): unknown {
    if (raw !== null && typeof raw === 'object' && 'value' in raw) {
        return (raw as { value: unknown }).value;
    }
    return raw;
}

/** A number field's value (a number, or numeric text as some shapes send it); null otherwise. */
export function fieldNumber(raw: unknown): number | null {
    const x = fieldValue(raw);
    const n = typeof x === 'string' && x !== '' ? Number(x) : x;
    return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

function flatten(record: SalesforceRecord): SalesforceRecord {
    const fields = record.fields;
    if (fields && typeof fields === 'object' && !Array.isArray(fields)) {
        // getRecord shape: { id, fields: { Name: { value } } }
        return { Id: record.id, ...(fields as SalesforceRecord) };
    }
    return record;
}

/**
 * Builds a domain object from a record using a key → API name map. Fields the
 * record does not carry (not queried, or hidden by field-level security) are
 * left undefined, so callers can tell "unknown" from "empty" (null).
 */
export function fromRecord<T>(fieldMap: Record<string, string>, record: SalesforceRecord): T {
    const flat = flatten(record);
    const out: Record<string, unknown> = {};
    for (const [key, apiName] of Object.entries(fieldMap)) {
        if (apiName in flat) {
            out[key] = fieldValue(flat[apiName]);
        }
    }
    return out as T;
}

/** Builds a record (API names) from a partial domain object. */
export function toRecord(
    fieldMap: Record<string, string>,
    values: Record<string, unknown>
): SalesforceRecord {
    const out: SalesforceRecord = {};
    for (const [key, value] of Object.entries(values)) {
        const apiName = fieldMap[key];
        if (!apiName) {
            throw new Error(`Unknown field key "${key}"`);
        }
        if (value !== undefined) {
            out[apiName] = value;
        }
    }
    return out;
}

export function leadFromRecord(record: SalesforceRecord): Lead {
    const lead = fromRecord<Lead>(LEAD_FIELDS, record);
    // Text values (Bulk API 2.0 CSV) of number and boolean fields become typed values.
    const values = lead as unknown as Record<string, unknown>;
    for (const [key, type] of Object.entries(LEAD_VALUE_TYPES)) {
        const v = values[key];
        if (typeof v !== 'string') continue;
        if (v === '') values[key] = null;
        else if (type === 'boolean') values[key] = v === 'true';
        else values[key] = Number.isFinite(Number(v)) ? Number(v) : null;
    }
    if (lead.isConverted === undefined && 'IsConverted' in record) {
        lead.isConverted = Boolean(fieldValue(record.IsConverted));
    }
    return lead;
}

export function leadToRecord(values: Partial<Lead>): SalesforceRecord {
    return toRecord(LEAD_FIELDS, values as Record<string, unknown>);
}

/** The nodes of a GraphQL connection (`{ edges: [{ node }] }`), skipping empty edges. */
export function graphqlNodes(connection: unknown): SalesforceRecord[] {
    const edges = (connection as { edges?: { node?: SalesforceRecord | null }[] } | null)?.edges;
    return (edges ?? [])
        .map((edge) => edge?.node)
        .filter((node): node is SalesforceRecord => !!node);
}
