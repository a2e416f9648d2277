/** sObject describe shapes (REST `describe` and describe global) from the schema. */
import { API_VERSION } from '../../../core/src/index';
import { namesWithCompounds, type CompoundField } from './compoundFields';
import type { FieldInfo, ObjectInfo } from './source';

const base = `/services/data/v${API_VERSION}`;

/** The describe's soapType of each kind. */
const SOAP_TYPES: Record<FieldInfo['kind'], string> = {
    id: 'tns:ID',
    reference: 'tns:ID',
    boolean: 'xsd:boolean',
    int: 'xsd:int',
    double: 'xsd:double',
    currency: 'xsd:double',
    percent: 'xsd:double',
    date: 'xsd:date',
    datetime: 'xsd:dateTime',
    string: 'xsd:string',
    textarea: 'xsd:string',
    email: 'xsd:string',
    phone: 'xsd:string',
    url: 'xsd:string',
    picklist: 'xsd:string',
    multipicklist: 'xsd:string',
    combobox: 'xsd:string'
};

function urls(name: string): Record<string, string> {
    return {
        sobject: `${base}/sobjects/${name}`,
        describe: `${base}/sobjects/${name}/describe`,
        rowTemplate: `${base}/sobjects/${name}/{ID}`
    };
}

export function describeGlobalEntry(info: ObjectInfo): Record<string, unknown> {
    const custom = info.name.endsWith('__c');
    return {
        name: info.name,
        label: info.label,
        labelPlural: info.labelPlural,
        keyPrefix: info.keyPrefix ?? null,
        custom,
        queryable: true,
        createable: true,
        updateable: true,
        deletable: true,
        searchable: true,
        layoutable: true,
        urls: urls(info.name)
    };
}

export function describeField(f: FieldInfo): Record<string, unknown> {
    return {
        name: f.name,
        label: f.label,
        type: f.kind,
        soapType: SOAP_TYPES[f.kind],
        length: f.length ?? (f.kind === 'id' || f.kind === 'reference' ? 18 : 0),
        precision: f.precision ?? 0,
        scale: f.scale ?? 0,
        nillable: f.nillable,
        createable: f.createable,
        updateable: f.updateable,
        unique: f.unique ?? false,
        externalId: f.externalId ?? false,
        idLookup: f.name === 'Id' || !!f.externalId,
        custom: f.name.endsWith('__c'),
        calculated: false,
        autoNumber: !!f.autoNumber,
        nameField: f.name === 'Name' || (f.name === 'CaseNumber' && !!f.autoNumber),
        polymorphicForeignKey: (f.referenceTo?.length ?? 0) > 1,
        defaultedOnCreate:
            f.defaultValue !== undefined ||
            f.kind === 'boolean' ||
            ['Id', 'CreatedDate', 'OwnerId'].includes(f.name),
        defaultValue: f.defaultValue ?? null,
        referenceTo: f.referenceTo ?? [],
        relationshipName: f.relationshipName ?? null,
        picklistValues: (f.picklistValues ?? []).map((p) => ({
            value: p.value,
            label: p.label,
            active: true,
            defaultValue: !!p.isDefault,
            validFor: null
        })),
        restrictedPicklist: !!f.restricted,
        compoundFieldName: f.compoundFieldName ?? null,
        filterable: true,
        sortable: f.kind !== 'textarea',
        groupable: f.kind !== 'textarea'
    };
}

/** A compound field's describe: type address, read only, never filtered, sorted or grouped. */
function describeCompound(c: CompoundField): Record<string, unknown> {
    return {
        ...describeField({
            name: c.name,
            label: c.label,
            kind: 'string',
            createable: false,
            updateable: false,
            nillable: true
        }),
        type: 'address',
        soapType: 'urn:address',
        filterable: false,
        sortable: false,
        groupable: false
    };
}

/** An object's fields as describe lists them: each compound right after its last part. */
function describeFields(info: ObjectInfo): Record<string, unknown>[] {
    return namesWithCompounds(info).map((name) =>
        info.fields[name]
            ? describeField(info.fields[name])
            : describeCompound(info.compoundFields![name])
    );
}

/**
 * The platform's alternate layouts by object: User's `UserAlt` (the user profile's layout) is
 * the only one a new org has. The local org serves them as the object's generated layout.
 */
export const NAMED_LAYOUTS: Readonly<Record<string, readonly string[]>> = { User: ['UserAlt'] };

export function describeSObject(info: ObjectInfo): Record<string, unknown> {
    return {
        ...describeGlobalEntry(info),
        fields: describeFields(info),
        childRelationships: info.childRelationships.map((r) => ({
            childSObject: r.childObject,
            field: r.field,
            relationshipName: r.relationshipName,
            cascadeDelete: !!r.cascadeDelete,
            restrictedDelete: false,
            deprecatedAndHidden: false
        })),
        namedLayoutInfos: (NAMED_LAYOUTS[info.name] ?? []).map((name) => ({
            name,
            urls: { layout: `${urls(info.name).describe}/namedLayouts/${name}` }
        })),
        recordTypeInfos: []
    };
}
