/**
 * The parts of a SOQL select list that stand for other fields: `FIELDS(ALL |
 * STANDARD | CUSTOM)`, expanded from the object's description as the platform
 * does (the unbounded ones only under LIMIT 200), and `TYPEOF` on a
 * polymorphic relationship, whose fields depend on each record's parent type.
 */
import type { Query } from '@jetstreamapp/soql-parser-js';
import { API_VERSION } from '../../../core/src/index';
import type { SqliteSource } from './sqliteSource';
import { namesOf, SourceError, type FieldInfo, type ObjectInfo, type RecordValues } from './source';
import { namesWithCompounds } from './compoundFields';
import { canonicalPath, malformed, objectInfoOf, selectedCompound } from './soqlWhere';

/** A record's `attributes`: its type, and its url when it has an id. */
export function recordAttributes(type: string, id: unknown): RecordValues {
    const attrs: RecordValues = { type };
    if (typeof id === 'string') attrs.url = `/services/data/v${API_VERSION}/sobjects/${type}/${id}`;
    return attrs;
}

/** The reference field of a relationship name (any case; shape() asks once per row and path). */
export function referenceNamed(
    info: ObjectInfo | undefined,
    relationship: string
): FieldInfo | undefined {
    return info ? namesOf(info).references.get(relationship.toLowerCase()) : undefined;
}

/** FIELDS(ALL) and FIELDS(CUSTOM) may read at most this many rows. */
export const FIELDS_LIMIT = 200;

type SelectItem = Record<string, unknown> & { type: string };

const GROUPS: Record<string, (f: FieldInfo) => boolean> = {
    ALL: () => true,
    STANDARD: (f) => !f.name.endsWith('__c'),
    CUSTOM: (f) => f.name.endsWith('__c')
};

/** The key the platform compares for duplicate selections: the field path, any case. */
function selectionKey(store: SqliteSource, info: ObjectInfo, item: SelectItem): string | null {
    if (item.type === 'Field' || item.type === 'FieldRelationship') {
        const raw = String(item.type === 'Field' ? item.field : item.rawValue);
        return (selectedCompound(store, info, raw) ?? canonicalPath(store, info, raw)).path;
    }
    if (item.type === 'FieldTypeof') return String(item.field).toLowerCase();
    return null;
}

/**
 * The query with every FIELDS() replaced by the fields it stands for, in the
 * object's field order (without the compounds for a reader that has no form for
 * them: Bulk CSV); a field selected twice is INVALID_FIELD, as on the
 * platform ("duplicate field selected: Id").
 */
export function expandFields(
    store: SqliteSource,
    info: ObjectInfo,
    query: Query,
    { compounds = true }: { compounds?: boolean } = {}
): Query {
    const items = (query.fields ?? []) as unknown as SelectItem[];
    const expanded: SelectItem[] = [];
    for (const item of items) {
        const fn = String(item.functionName ?? '').toUpperCase();
        if (item.type !== 'FieldFunctionExpression' || fn !== 'FIELDS') {
            expanded.push(item);
            continue;
        }
        const group = String((item.parameters as unknown[] | undefined)?.[0] ?? '').toUpperCase();
        const keep = GROUPS[group];
        if (!keep) malformed(`FIELDS() takes ALL, STANDARD or CUSTOM, not ${group || 'nothing'}.`);
        if (group !== 'STANDARD' && !(query.limit !== undefined && query.limit <= FIELDS_LIMIT))
            malformed(`The SOQL FIELDS function must have a LIMIT of at most ${FIELDS_LIMIT}`);
        if (query.groupBy) malformed('FIELDS() cannot be used in a query with GROUP BY.');
        // As the platform: the address compounds too (standard fields), each after its last part.
        for (const name of compounds ? namesWithCompounds(info) : Object.keys(info.fields)) {
            const f = info.fields[name];
            if (f ? keep(f) : group !== 'CUSTOM') expanded.push({ type: 'Field', field: name });
        }
    }
    const seen = new Set<string>();
    for (const item of expanded) {
        const key = selectionKey(store, info, item);
        if (key === null) continue;
        if (seen.has(key.toLowerCase()))
            throw new SourceError('INVALID_FIELD', `duplicate field selected: ${key}`, [key]);
        seen.add(key.toLowerCase());
    }
    return { ...query, fields: expanded as unknown as Query['fields'] };
}

/** A TYPEOF clause resolved against the schema: which parent fields to read, and for which type. */
export interface TypeofPlan {
    /** The relationship name the record carries the parent under (What, Who, Owner). */
    name: string;
    /** The path of the reference id, whose key prefix names the parent's type. */
    idPath: string;
    /** Every parent field path any branch needs (What.Name, What.Amount, ...). */
    paths: string[];
    /** Field names per parent type, then the ELSE list. */
    branches: Map<string, string[]>;
    otherwise?: string[];
}

interface TypeofItem {
    field: string;
    conditions: { type: 'WHEN' | 'ELSE'; objectType?: string; fieldList: string[] }[];
}

export function planTypeof(store: SqliteSource, info: ObjectInfo, item: TypeofItem): TypeofPlan {
    const ref = referenceNamed(info, item.field);
    if (!ref)
        throw new SourceError(
            'INVALID_FIELD',
            `Didn't understand relationship '${item.field}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name.`
        );
    const targets = ref.referenceTo ?? [];
    if (targets.length < 2)
        malformed(`TYPEOF needs a polymorphic relationship; ${ref.relationshipName} is not one.`);
    const name = ref.relationshipName!;
    const paths = new Set<string>();
    const branches = new Map<string, string[]>();
    let otherwise: string[] | undefined;
    const resolve = (types: ObjectInfo[], raw: string) => {
        let last: unknown;
        for (const t of types) {
            try {
                const path = canonicalPath(store, t, raw).path;
                paths.add(`${name}.${path}`);
                return path;
            } catch (e) {
                last = e;
            }
        }
        throw last;
    };
    for (const c of item.conditions) {
        if (c.type === 'ELSE') {
            const types = targets
                .map((t) => store.objectInfo(t))
                .filter((t): t is ObjectInfo => !!t);
            otherwise = c.fieldList.map((f) => resolve(types, f));
            continue;
        }
        const type = objectInfoOf(store, c.objectType);
        if (!targets.includes(type.name))
            throw new SourceError(
                'INVALID_TYPE',
                `${type.name} is not a type ${name} can refer to (${targets.join(', ')}).`
            );
        branches.set(
            type.name,
            c.fieldList.map((f) => resolve([type], f))
        );
    }
    return { name, idPath: ref.name, paths: [...paths], branches, otherwise };
}

/** The parent object of one row as TYPEOF selects it: its type's fields, under attributes.type. */
export function shapeTypeof(store: SqliteSource, plan: TypeofPlan, row: RecordValues): unknown {
    const id = row[plan.idPath];
    if (typeof id !== 'string' || !id) return null;
    const type = store.objectOfId(id) ?? 'Name';
    const out: RecordValues = { attributes: recordAttributes(type, id) };
    for (const field of plan.branches.get(type) ?? plan.otherwise ?? []) {
        const parts = field.split('.');
        let target = out;
        for (const part of parts.slice(0, -1)) target = (target[part] ??= {}) as RecordValues;
        target[parts[parts.length - 1]] = row[`${plan.name}.${field}`] ?? null;
    }
    return out;
}

const PICKLISTS = new Set(['picklist', 'multipicklist', 'combobox']);

/**
 * `toLabel(Status)`: the picklist value's label, under the field's name (or the alias). A
 * multi-select's labels are joined by `;`; a value the picklist does not list stays as is.
 */
export function planToLabel(
    store: SqliteSource,
    info: ObjectInfo,
    item: { parameters?: unknown; alias?: unknown }
): { key: string; path: string; refs: string[]; labelOf: (value: unknown) => unknown } {
    const params = (item.parameters ?? []) as unknown[];
    if (params.length !== 1 || typeof params[0] !== 'string')
        malformed('toLabel() takes one picklist field.');
    const { path, field, refs } = canonicalPath(store, info, params[0]);
    if (!PICKLISTS.has(field.kind))
        throw new SourceError(
            'INVALID_FIELD',
            `toLabel() takes a picklist field; ${path} is a ${field.kind} field.`,
            [path]
        );
    const labels = new Map((field.picklistValues ?? []).map((v) => [v.value, v.label]));
    const one = (v: string) => labels.get(v) ?? v;
    const labelOf = (value: unknown) =>
        typeof value !== 'string'
            ? (value ?? null)
            : field.kind === 'multipicklist'
              ? value.split(';').map(one).join(';')
              : one(value);
    const key = typeof item.alias === 'string' ? item.alias : path;
    return { key, path, refs, labelOf };
}
