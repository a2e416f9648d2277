/**
 * ObjectInfo (what describe, the UI API, GraphQL and SOQL read) for every
 * object of the local org: the standard objects, kept as data in
 * `localorg/schema/*.json` (one file per object, in the shape of the sObject
 * describe), plus every custom object and field of force-app metadata and of
 * source deployed into the org (`customObjectInfo`, `customFieldInfo`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CustomFieldDef, CustomObjectDef, PackageMetadata } from '../../../metadata/src/index';
import type { ChildRelationship, FieldInfo, FieldKind, ObjectInfo } from './source';
import { addressCompounds } from './compoundFields';

/** The folder of the standard schema's data files. */
export const SCHEMA_DIR = path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '../../schema'
);
const VALUE_SETS_FILE = 'standardValueSets.json';

/** Raised for a schema file that is not what the loader expects, naming the file. */
export class SchemaError extends Error {
    constructor(file: string, message: string) {
        super(`${file}: ${message}`);
        this.name = 'SchemaError';
    }
}

type PicklistEntry = string | { value: string; label?: string; defaultValue?: boolean };

/** A field as a schema file writes it: the describe's names, defaults left out. */
interface FieldDef {
    name: string;
    type: string;
    label?: string;
    length?: number;
    precision?: number;
    scale?: number;
    nillable?: boolean;
    createable?: boolean;
    updateable?: boolean;
    unique?: boolean;
    externalId?: boolean;
    autoNumber?: boolean;
    defaultValue?: unknown;
    referenceTo?: string[];
    relationshipName?: string;
    restrictedPicklist?: boolean;
    /** A standard value set's name (`standardValueSets.json`); `LeadStatus` reads the LeadStatus rows. */
    valueSet?: string;
    picklistValues?: PicklistEntry[];
    /** The compound field this one is a part of: `Name` for a person's name parts (addresses are worked out). */
    compoundFieldName?: string;
    /** Why the local org differs from the platform here; not served. */
    note?: string;
}

interface ObjectDef {
    name: string;
    label: string;
    labelPlural: string;
    keyPrefix: string;
    /** The system fields the object has, when not all six (GroupMember has no audit fields). */
    systemFields?: string[];
    fields: FieldDef[];
    childRelationships?: {
        relationshipName: string;
        childSObject: string;
        field: string;
        cascadeDelete?: boolean;
    }[];
}

const KINDS = new Set<FieldKind>([
    'id',
    'string',
    'textarea',
    'email',
    'phone',
    'url',
    'picklist',
    'multipicklist',
    'combobox',
    'boolean',
    'int',
    'double',
    'currency',
    'percent',
    'date',
    'datetime',
    'reference'
]);
const FIELD_KEYS = new Set([
    'name',
    'type',
    'label',
    'length',
    'precision',
    'scale',
    'nillable',
    'createable',
    'updateable',
    'unique',
    'externalId',
    'autoNumber',
    'defaultValue',
    'referenceTo',
    'relationshipName',
    'restrictedPicklist',
    'valueSet',
    'picklistValues',
    'compoundFieldName',
    'note'
]);
const NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

const ro = { createable: false, updateable: false };
/** System fields every object has; the schema files leave them out. */
const SYSTEM_FIELDS: FieldDef[] = [
    { name: 'Id', type: 'id', label: 'Record ID', nillable: false, ...ro },
    {
        name: 'CreatedDate',
        type: 'datetime',
        label: 'Created Date',
        nillable: false,
        updateable: false
    },
    {
        name: 'CreatedById',
        type: 'reference',
        label: 'Created By ID',
        referenceTo: ['User'],
        relationshipName: 'CreatedBy',
        nillable: false,
        ...ro
    },
    {
        name: 'LastModifiedDate',
        type: 'datetime',
        label: 'Last Modified Date',
        nillable: false,
        updateable: false
    },
    {
        name: 'LastModifiedById',
        type: 'reference',
        label: 'Last Modified By ID',
        referenceTo: ['User'],
        relationshipName: 'LastModifiedBy',
        nillable: false,
        ...ro
    },
    { name: 'SystemModstamp', type: 'datetime', label: 'System Modstamp', nillable: false, ...ro }
];

function readJson(file: string): unknown {
    try {
        return JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
        throw new SchemaError(file, `cannot be read as JSON (${(e as Error).message})`);
    }
}

type ValueSets = Record<string, PicklistEntry[]>;

function picklistValues(
    file: string,
    f: FieldDef,
    sets: ValueSets
): FieldInfo['picklistValues'] | undefined {
    if (f.valueSet === 'LeadStatus') return []; // filled from the LeadStatus rows
    const entries = f.valueSet ? sets[f.valueSet] : f.picklistValues;
    if (f.valueSet && !entries)
        throw new SchemaError(file, `${f.name}: unknown value set "${f.valueSet}"`);
    return entries?.map((e) =>
        typeof e === 'string'
            ? { value: e, label: e }
            : { value: e.value, label: e.label ?? e.value, isDefault: e.defaultValue || undefined }
    );
}

/** One field of a schema file, checked, with the defaults of the describe filled in. */
function fieldInfo(file: string, f: FieldDef, sets: ValueSets): FieldInfo {
    if (!f || typeof f !== 'object' || !NAME.test(String(f.name)))
        throw new SchemaError(
            file,
            `a field needs a "name" (letters, digits, _): ${JSON.stringify(f)}`
        );
    const unknown = Object.keys(f).filter((k) => !FIELD_KEYS.has(k));
    if (unknown.length)
        throw new SchemaError(file, `${f.name}: unknown keys ${unknown.join(', ')}`);
    if (!KINDS.has(f.type as FieldKind))
        throw new SchemaError(file, `${f.name}: unsupported type "${f.type}"`);
    const kind = f.type as FieldKind;
    if (kind === 'reference' && !f.referenceTo?.length)
        throw new SchemaError(file, `${f.name}: a reference needs "referenceTo"`);
    const values =
        kind === 'picklist' || kind === 'multipicklist' || kind === 'combobox'
            ? picklistValues(file, f, sets)
            : undefined;
    const nillable = f.nillable ?? true;
    const createable = f.createable ?? true;
    const defaultValue = f.defaultValue ?? values?.find((v) => v.isDefault)?.value;
    return {
        name: f.name,
        label: f.label ?? f.name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/ Id$/, ''),
        kind,
        createable,
        updateable: f.updateable ?? true,
        nillable,
        // Not nillable and set by the caller: a create without it is REQUIRED_FIELD_MISSING.
        required:
            !nillable &&
            createable &&
            kind !== 'boolean' &&
            defaultValue === undefined &&
            !SYSTEM_FIELDS.some((s) => s.name === f.name),
        ...(f.length !== undefined ? { length: f.length } : {}),
        ...(f.precision !== undefined ? { precision: f.precision } : {}),
        ...(f.scale !== undefined ? { scale: f.scale } : {}),
        ...(f.unique ? { unique: true } : {}),
        ...(f.externalId ? { externalId: true } : {}),
        ...(f.autoNumber ? { autoNumber: true } : {}),
        ...(defaultValue !== undefined ? { defaultValue } : {}),
        ...(f.referenceTo ? { referenceTo: f.referenceTo } : {}),
        ...(f.relationshipName ? { relationshipName: f.relationshipName } : {}),
        ...(values ? { picklistValues: values } : {}),
        ...(f.restrictedPicklist ? { restricted: true } : {}),
        ...(f.compoundFieldName ? { compoundFieldName: f.compoundFieldName } : {})
    };
}

function objectInfo(file: string, def: ObjectDef, sets: ValueSets): ObjectInfo {
    if (!def || typeof def !== 'object' || !NAME.test(String(def.name)))
        throw new SchemaError(file, 'needs a "name"');
    if (path.basename(file, '.json') !== def.name)
        throw new SchemaError(
            file,
            `"name" is ${def.name}; the file must be named ${def.name}.json`
        );
    if (!Array.isArray(def.fields)) throw new SchemaError(file, 'needs a "fields" array');
    if (!/^[0-9A-Za-z]{3}$/.test(String(def.keyPrefix)))
        throw new SchemaError(file, 'needs a three-character "keyPrefix"');
    const system = def.systemFields ?? SYSTEM_FIELDS.map((f) => f.name);
    const unknownSystem = system.filter((n) => !SYSTEM_FIELDS.some((f) => f.name === n));
    if (!system.includes('Id') || unknownSystem.length)
        throw new SchemaError(
            file,
            `"systemFields" lists ${unknownSystem.join(', ') || 'no Id'}; it takes Id and some of ${SYSTEM_FIELDS.map((f) => f.name).join(', ')}`
        );
    const fields: Record<string, FieldInfo> = {};
    for (const f of [...SYSTEM_FIELDS.filter((s) => system.includes(s.name)), ...def.fields]) {
        if (fields[f?.name]) throw new SchemaError(file, `${f.name} is listed twice`);
        fields[f.name] = fieldInfo(file, f, sets);
    }
    for (const f of def.fields)
        if (f.compoundFieldName && !fields[f.compoundFieldName])
            throw new SchemaError(
                file,
                `${f.name} is a part of ${f.compoundFieldName}, which is not a field of ${def.name}`
            );
    const compounds = addressCompounds(fields);
    return {
        name: def.name,
        label: def.label ?? def.name,
        labelPlural: def.labelPlural ?? def.name,
        keyPrefix: def.keyPrefix,
        fields,
        childRelationships: (def.childRelationships ?? []).map((r) => ({
            relationshipName: r.relationshipName,
            childObject: r.childSObject,
            field: r.field,
            ...(r.cascadeDelete ? { cascadeDelete: true } : {})
        })),
        ...(Object.keys(compounds).length ? { compoundFields: compounds } : {})
    };
}

/** Every standard object of the schema folder, checked (relationships name real fields). */
export function loadStandardSchema(dir = SCHEMA_DIR): Map<string, ObjectInfo> {
    const sets = readJson(path.join(dir, VALUE_SETS_FILE)) as ValueSets;
    const out = new Map<string, ObjectInfo>();
    for (const name of readdirSync(dir).sort()) {
        if (!name.endsWith('.json') || name === VALUE_SETS_FILE) continue;
        const file = path.join(dir, name);
        const info = objectInfo(file, readJson(file) as ObjectDef, sets);
        out.set(info.name, info);
    }
    for (const info of out.values()) {
        const file = path.join(dir, `${info.name}.json`);
        for (const f of Object.values(info.fields)) {
            const missing = (f.referenceTo ?? []).filter((t) => !out.has(t));
            if (missing.length)
                throw new SchemaError(
                    file,
                    `${f.name} refers to ${missing.join(', ')}, not in the schema`
                );
        }
        for (const r of info.childRelationships) {
            if (!out.get(r.childObject)?.fields[r.field])
                throw new SchemaError(
                    file,
                    `child relationship ${r.relationshipName} names ${r.childObject}.${r.field}, not in the schema`
                );
        }
    }
    return out;
}

const KIND_OF: Record<string, FieldKind> = {
    AutoNumber: 'string',
    Checkbox: 'boolean',
    Currency: 'currency',
    Date: 'date',
    DateTime: 'datetime',
    Email: 'email',
    Lookup: 'reference',
    LongTextArea: 'textarea',
    MasterDetail: 'reference',
    Number: 'double',
    Percent: 'percent',
    Phone: 'phone',
    Picklist: 'picklist',
    MultiselectPicklist: 'multipicklist',
    Text: 'string',
    TextArea: 'textarea',
    Url: 'url'
};

/** A custom field of force-app or deployed source, as the org describes it. */
export function customFieldInfo(def: CustomFieldDef): FieldInfo {
    const kind: FieldKind =
        def.type === 'Number' && (def.scale ?? 0) === 0 ? 'double' : KIND_OF[def.type];
    return {
        name: def.name,
        label: def.label,
        kind,
        createable: def.type !== 'AutoNumber',
        updateable: def.type !== 'AutoNumber' && def.type !== 'MasterDetail',
        nillable: !def.required && def.type !== 'Checkbox' && def.type !== 'MasterDetail',
        required: def.required || def.type === 'MasterDetail',
        length: def.length,
        autoNumber: def.type === 'AutoNumber' || undefined,
        unique: def.unique || undefined,
        externalId: def.externalId || undefined,
        precision: def.precision,
        scale: def.scale,
        defaultValue:
            def.defaultValue === undefined
                ? undefined
                : def.type === 'Checkbox'
                  ? def.defaultValue === 'true'
                  : def.type === 'Number' || def.type === 'Currency' || def.type === 'Percent'
                    ? Number(def.defaultValue)
                    : def.defaultValue,
        ...(def.referenceTo
            ? {
                  referenceTo: [def.referenceTo],
                  relationshipName: def.name.replace(/__c$/, '__r')
              }
            : {}),
        ...(def.picklist
            ? {
                  picklistValues: def.picklist.values.map((v) => ({
                      value: v.value,
                      label: v.label,
                      isDefault: v.isDefault
                  })),
                  restricted: def.picklist.restricted || undefined
              }
            : {})
    };
}

/** A custom object's own description (system fields, Name, OwnerId), before its custom fields. */
export function customObjectInfo(obj: CustomObjectDef, keyPrefix: string): ObjectInfo {
    const autoName = obj.nameField?.type === 'AutoNumber';
    const fields: Record<string, FieldInfo> = {};
    for (const f of [
        ...SYSTEM_FIELDS,
        {
            name: 'IsDeleted',
            type: 'boolean',
            label: 'Deleted',
            nillable: false,
            ...ro
        },
        {
            name: 'Name',
            type: 'string',
            label: obj.nameField?.label ?? 'Name',
            length: 80,
            ...(autoName ? { ...ro, autoNumber: true } : {})
        },
        {
            name: 'OwnerId',
            type: 'reference',
            label: 'Owner ID',
            referenceTo: ['User', 'Group'],
            relationshipName: 'Owner'
        }
    ] as FieldDef[]) {
        fields[f.name] = fieldInfo('custom object', f, {});
    }
    return {
        name: obj.name,
        label: obj.label ?? obj.name,
        labelPlural: obj.pluralLabel ?? obj.name,
        keyPrefix,
        fields,
        childRelationships: []
    };
}

/** The child relationship a custom lookup declares on its parent (`relationshipName__r`). */
export function customChildRelationship(def: CustomFieldDef): ChildRelationship | undefined {
    if (!def.referenceTo || !def.relationshipName) return undefined;
    return {
        relationshipName: def.relationshipName.endsWith('__r')
            ? def.relationshipName
            : `${def.relationshipName}__r`,
        childObject: def.object,
        field: def.name,
        ...(def.type === 'MasterDetail' ? { cascadeDelete: true } : {})
    };
}

/**
 * Adds custom objects and fields to `infos` (in place); new objects get their key prefix from
 * `prefixFor` (by default a0A, a0B, … in order). Answers the names of the objects it changed.
 */
export function addCustomObjects(
    infos: Map<string, ObjectInfo>,
    objects: Iterable<CustomObjectDef>,
    prefixFor?: (object: string) => string
): Set<string> {
    const defs = [...objects];
    const changed = new Set<string>();
    let n = [...infos.values()].filter((i) => i.keyPrefix?.startsWith('a0')).length;
    for (const obj of defs) {
        let info = infos.get(obj.name);
        if (!info) {
            const prefix = prefixFor?.(obj.name) ?? `a0${String.fromCharCode(65 + n++)}`;
            info = customObjectInfo(obj, prefix);
            infos.set(obj.name, info);
        }
        for (const def of obj.fields.values()) info.fields[def.name] = customFieldInfo(def);
        changed.add(obj.name);
    }
    // Child relationships declared by custom lookups (relationshipName on the child).
    for (const obj of defs) {
        for (const def of obj.fields.values()) {
            const parent = def.referenceTo ? infos.get(def.referenceTo) : undefined;
            const rel = customChildRelationship(def);
            if (!parent || !rel) continue;
            parent.childRelationships = parent.childRelationships.filter(
                (r) => r.relationshipName !== rel.relationshipName
            );
            parent.childRelationships.push(rel);
            changed.add(parent.name);
        }
    }
    return changed;
}

/**
 * Every object's description: the standard schema plus force-app's objects.
 * `leadStatuses` (the LeadStatus rows) give Lead.Status its values, with the converted flag.
 */
export function buildObjectInfos(
    meta: PackageMetadata,
    leadStatuses: {
        ApiName: string;
        MasterLabel: string;
        IsConverted: boolean;
        IsDefault: boolean;
    }[] = [],
    schemaDir = SCHEMA_DIR,
    prefixFor?: (object: string) => string
): Map<string, ObjectInfo> {
    const out = loadStandardSchema(schemaDir);
    const status = out.get('Lead')?.fields.Status;
    if (status) {
        status.picklistValues = leadStatuses.map((s) => ({
            value: s.ApiName,
            label: s.MasterLabel,
            isDefault: s.IsDefault,
            converted: s.IsConverted
        }));
    }
    addCustomObjects(out, meta.objects.values(), prefixFor);
    return out;
}
