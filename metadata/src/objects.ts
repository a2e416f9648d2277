/**
 * Objects and fields (objects/<Object>/<Object>.object-meta.xml and
 * objects/<Object>/fields/*.field-meta.xml), with picklist value sets: the
 * schema the local org builds its tables from and `doctor` checks an org against.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
    bool,
    MetadataError,
    metadataFiles,
    nodes,
    num,
    parseXml,
    readXml,
    str,
    type XmlNode
} from './xml';

export type FieldType =
    | 'AutoNumber'
    | 'Checkbox'
    | 'Currency'
    | 'Date'
    | 'DateTime'
    | 'Email'
    | 'Lookup'
    | 'LongTextArea'
    | 'MasterDetail'
    | 'Number'
    | 'Percent'
    | 'Phone'
    | 'Picklist'
    | 'MultiselectPicklist'
    | 'Text'
    | 'TextArea'
    | 'Url';

export const FIELD_TYPES: readonly FieldType[] = [
    'AutoNumber',
    'Checkbox',
    'Currency',
    'Date',
    'DateTime',
    'Email',
    'Lookup',
    'LongTextArea',
    'MasterDetail',
    'Number',
    'Percent',
    'Phone',
    'Picklist',
    'MultiselectPicklist',
    'Text',
    'TextArea',
    'Url'
];

export interface PicklistDef {
    values: { value: string; label: string; isDefault: boolean }[];
    restricted: boolean;
}

export interface CustomFieldDef {
    object: string;
    name: string;
    label: string;
    description?: string;
    inlineHelpText?: string;
    type: FieldType;
    length?: number;
    precision?: number;
    scale?: number;
    required: boolean;
    unique: boolean;
    externalId: boolean;
    defaultValue?: string;
    picklist?: PicklistDef;
    referenceTo?: string;
    relationshipName?: string;
    relationshipLabel?: string;
    deleteConstraint?: string;
    file: string;
}

export interface CustomObjectDef {
    name: string;
    /** True for objects the package defines (`__c`); false for standard objects it extends. */
    custom: boolean;
    label?: string;
    pluralLabel?: string;
    description?: string;
    nameField?: { label: string; type: 'Text' | 'AutoNumber'; displayFormat?: string };
    sharingModel?: string;
    fields: Map<string, CustomFieldDef>;
    /** The .object-meta.xml, when the package has one (custom objects always do). */
    file?: string;
}

function readPicklist(file: string, x: XmlNode): PicklistDef {
    const valueSet = x.valueSet as XmlNode | undefined;
    const definition = valueSet?.valueSetDefinition as XmlNode | undefined;
    const values = nodes(definition?.value);
    if (!values.length) {
        throw new MetadataError(file, 'a picklist needs a <valueSet> with at least one <value>');
    }
    return {
        restricted: bool(valueSet?.restricted),
        values: values.map((v) => ({
            value: String(v.fullName),
            label: String(v.label ?? v.fullName),
            isDefault: bool(v.default)
        }))
    };
}

/** Checks what each field type needs, naming the file. */
function checkField(field: CustomFieldDef): void {
    const { type, file } = field;
    if ((type === 'Text' || type === 'LongTextArea') && !field.length) {
        throw new MetadataError(file, `${type} fields need a <length>`);
    }
    if (
        (type === 'Number' || type === 'Currency' || type === 'Percent') &&
        field.precision === undefined
    ) {
        throw new MetadataError(file, `${type} fields need a <precision>`);
    }
    if (
        (type === 'Lookup' || type === 'MasterDetail') &&
        (!field.referenceTo || !field.relationshipName)
    ) {
        throw new MetadataError(file, `${type} fields need <referenceTo> and <relationshipName>`);
    }
}

export function readField(object: string, name: string, file: string): CustomFieldDef {
    return fieldFromXml(object, name, readXml(file, 'CustomField'), file);
}

/** A field from its parsed <CustomField> (or an object file's <fields>) element. */
export function fieldFromXml(
    object: string,
    name: string,
    x: XmlNode,
    file: string
): CustomFieldDef {
    const fullName = str(x.fullName);
    if (fullName !== name) {
        throw new MetadataError(
            file,
            `fullName "${fullName}" does not match the file name "${name}"`
        );
    }
    const type = str(x.type) as FieldType;
    if (!FIELD_TYPES.includes(type)) {
        throw new MetadataError(file, `unsupported field type "${type}"`);
    }
    if (!str(x.label)) {
        throw new MetadataError(file, 'a field needs a <label>');
    }
    const field: CustomFieldDef = {
        object,
        name,
        label: String(x.label),
        description: str(x.description),
        inlineHelpText: str(x.inlineHelpText),
        type,
        length: num(x.length),
        precision: num(x.precision),
        scale: num(x.scale),
        required: bool(x.required) || type === 'MasterDetail',
        unique: bool(x.unique),
        externalId: bool(x.externalId),
        defaultValue: str(x.defaultValue),
        referenceTo: str(x.referenceTo),
        relationshipName: str(x.relationshipName),
        relationshipLabel: str(x.relationshipLabel),
        deleteConstraint: str(x.deleteConstraint),
        file
    };
    checkField(field);
    if (type === 'Picklist' || type === 'MultiselectPicklist') {
        field.picklist = readPicklist(file, x);
    }
    return field;
}

/** What an object's own <CustomObject> element says: labels, sharing, the name field. */
function objectAttributes(def: CustomObjectDef, x: XmlNode): void {
    def.label = str(x.label);
    def.pluralLabel = str(x.pluralLabel);
    def.description = str(x.description);
    def.sharingModel = str(x.sharingModel);
    const nameField = x.nameField as XmlNode | undefined;
    if (nameField) {
        def.nameField = {
            label: String(nameField.label),
            type: nameField.type === 'AutoNumber' ? 'AutoNumber' : 'Text',
            displayFormat: str(nameField.displayFormat)
        };
    }
}

/** One field of an object file in Metadata API format, read or refused on its own. */
export type MdapiFieldResult = { name: string; field?: CustomFieldDef; error?: string };

/**
 * An object file in Metadata API format (`objects/<name>.object`, as a deploy zip holds it):
 * the object with its fields inline. Each field is read on its own, so one bad field is
 * reported by name while the others still read. `childTypes` lists the other child
 * elements (listViews, validationRules, …) by element name and fullName.
 */
export function readMdapiObject(
    name: string,
    text: string,
    file: string
): { object: CustomObjectDef; fields: MdapiFieldResult[]; childTypes: [string, string][] } {
    const x = parseXml(text, file, 'CustomObject');
    const custom = name.endsWith('__c');
    const object: CustomObjectDef = { name, custom, fields: new Map(), file };
    objectAttributes(object, x);
    const list = (v: unknown): XmlNode[] =>
        Array.isArray(v) ? (v as XmlNode[]) : v && typeof v === 'object' ? [v as XmlNode] : [];
    const fields = list(x.fields).map((f): MdapiFieldResult => {
        const fieldName = String(f.fullName ?? '');
        try {
            if (f.formula !== undefined) throw new Error('formula fields are not supported here');
            const field = fieldFromXml(name, fieldName, f, file);
            object.fields.set(fieldName, field);
            return { name: fieldName, field };
        } catch (e) {
            return { name: fieldName, error: (e as Error).message.replace(`${file}: `, '') };
        }
    });
    const childTypes: [string, string][] = [];
    for (const [key, value] of Object.entries(x)) {
        if (
            key === 'fields' ||
            (!Array.isArray(value) && !(value && typeof value === 'object' && 'fullName' in value))
        )
            continue;
        for (const child of list(value))
            if (child.fullName !== undefined) childTypes.push([key, String(child.fullName)]);
    }
    return { object, fields, childTypes };
}

/** One objects/<name> folder: the object's own file (if any) and its fields. */
export function readObject(objectsDir: string, name: string): CustomObjectDef {
    const dir = path.join(objectsDir, name);
    const objectFile = path.join(dir, `${name}.object-meta.xml`);
    const custom = name.endsWith('__c');
    const def: CustomObjectDef = { name, custom, fields: new Map() };
    if (existsSync(objectFile)) {
        objectAttributes(def, readXml(objectFile, 'CustomObject'));
        def.file = objectFile;
    } else if (custom) {
        throw new MetadataError(objectFile, 'a custom object folder needs its .object-meta.xml');
    }
    for (const { name: field, file } of metadataFiles(
        path.join(dir, 'fields'),
        '.field-meta.xml'
    )) {
        def.fields.set(field, readField(name, field, file));
    }
    return def;
}
