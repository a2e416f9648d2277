/**
 * What the GraphQL endpoint and the UI API need from the local org's store:
 * object descriptions, and parameterised record operations on a structured
 * query (never SQL or SOQL text). `storeSource.ts` adapts the local org's store.
 */
import type { CompoundField } from './compoundFields';

export type FieldKind =
    | 'id'
    | 'string'
    | 'textarea'
    | 'email'
    | 'phone'
    | 'url'
    | 'picklist'
    | 'multipicklist'
    | 'combobox'
    | 'boolean'
    | 'int'
    | 'double'
    | 'currency'
    | 'percent'
    | 'date'
    | 'datetime'
    | 'reference';

export interface FieldInfo {
    name: string;
    label: string;
    kind: FieldKind;
    /** For references: the parent objects and the relationship name (Owner for OwnerId). */
    referenceTo?: string[];
    relationshipName?: string;
    createable: boolean;
    updateable: boolean;
    nillable: boolean;
    required?: boolean;
    picklistValues?: { value: string; label: string; isDefault?: boolean; converted?: boolean }[];
    /** A restricted picklist refuses values not in picklistValues (the platform's restrictedPicklist). */
    restricted?: boolean;
    /** Numbered by the org on create (CaseNumber, an auto-number Name). */
    autoNumber?: boolean;
    /** Text length limit (STRING_TOO_LONG beyond it). */
    length?: number;
    /** Unique or external id: a duplicate value is DUPLICATE_VALUE. */
    unique?: boolean;
    externalId?: boolean;
    /** Numbers: digits before and after the point. */
    precision?: number;
    scale?: number;
    /** Value used on create when none is given. */
    defaultValue?: unknown;
    /** A part of a compound field (BillingCity of BillingAddress): the compound's name. */
    compoundFieldName?: string;
}

export interface ChildRelationship {
    relationshipName: string;
    childObject: string;
    field: string;
    /** Deleting the parent deletes these children too (else their field is cleared). */
    cascadeDelete?: boolean;
}

export interface ObjectInfo {
    name: string;
    label: string;
    labelPlural: string;
    keyPrefix?: string;
    fields: Record<string, FieldInfo>;
    childRelationships: ChildRelationship[];
    /** Read-only compound fields (BillingAddress), made of parts in `fields`; no columns. */
    compoundFields?: Record<string, CompoundField>;
}

export type FilterOp =
    'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'nin' | 'like' | 'includes' | 'excludes';

/** A where-filter. `field` is a path: 'Status' or through parents 'Owner.Name'. Values are parameters. */
export type Filter =
    | { and: Filter[] }
    | { or: Filter[] }
    | { not: Filter }
    | { field: string; op: FilterOp; value: unknown }
    | { field: string; op: 'inSelect' | 'ninSelect'; select: SubSelect };

/**
 * A semi-join (`inSelect`) or anti-join (`ninSelect`): the values of one Id or
 * reference field of another object's records that pass `where`.
 */
export interface SubSelect {
    object: string;
    field: string;
    where?: Filter;
}

export interface OrderBy {
    field: string;
    direction: 'ASC' | 'DESC';
    nulls?: 'FIRST' | 'LAST';
}

export interface FindSpec {
    fields: string[];
    where?: Filter;
    orderBy?: OrderBy[];
    limit: number;
    offset: number;
    /** Also rows in the recycle bin (IsDeleted = true), as queryAll reads them. */
    includeDeleted?: boolean;
}

export type RecordValues = Record<string, unknown>;

/** An error the platform would answer with (errorCode like INVALID_FIELD, ENTITY_IS_DELETED). */
export class SourceError extends Error {
    constructor(
        public readonly errorCode: string,
        message: string,
        public readonly fields: string[] = []
    ) {
        super(message);
    }
}

export interface RecordSource {
    objectInfo(name: string): ObjectInfo | undefined;
    /** Object API names, for routing a record id to its object. */
    objectNames(): string[];
    find(object: string, spec: FindSpec): { records: RecordValues[]; totalCount: number };
    /** Creates a record; returns its id. Throws SourceError. Each create, update and delete
     * is atomic by itself: when it throws, it wrote nothing. */
    create(object: string, values: RecordValues, actorId?: string): string;
    update(object: string, id: string, values: RecordValues, actorId?: string): void;
    delete(object: string, id: string): void;
    /** Runs fn atomically: if it throws, nothing it wrote stays. */
    transaction<T>(fn: () => T): T;
}

/** An object's fields by lower-case name, and references by lower-case relationship name. */
export interface Names {
    fields: Map<string, FieldInfo>;
    references: Map<string, FieldInfo>;
}

/** By object description (a changed description is a new ObjectInfo): looked up per path. */
const namesByInfo = new WeakMap<ObjectInfo, Names>();

/** The first field of each name, as a search of the fields in order finds it. */
export function namesOf(info: ObjectInfo): Names {
    let names = namesByInfo.get(info);
    if (!names) {
        names = { fields: new Map(), references: new Map() };
        for (const f of Object.values(info.fields)) {
            const name = f.name.toLowerCase();
            if (!names.fields.has(name)) names.fields.set(name, f);
            const rel = f.kind === 'reference' ? f.relationshipName?.toLowerCase() : undefined;
            if (rel !== undefined && !names.references.has(rel)) names.references.set(rel, f);
        }
        namesByInfo.set(info, names);
    }
    return names;
}
