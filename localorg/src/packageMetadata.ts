/**
 * Reads Lead Loop's own metadata from force-app (SFDX source format) into a
 * typed model. The local org builds its schema from it, the CLI's `doctor`
 * compares a target org against it, and workspace tests check that the code
 * only names objects and fields that exist here.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';

export const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';

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
}

export interface PermissionSetDef {
    name: string;
    label: string;
    fieldPermissions: { field: string; readable: boolean; editable: boolean }[];
    objectPermissions: {
        object: string;
        allowCreate: boolean;
        allowRead: boolean;
        allowEdit: boolean;
        allowDelete: boolean;
        viewAllRecords: boolean;
        modifyAllRecords: boolean;
    }[];
}

export interface QueueDef {
    developerName: string;
    name: string;
    sobjectTypes: string[];
}

export interface PackageMetadata {
    root: string;
    sourceApiVersion: string;
    objects: Map<string, CustomObjectDef>;
    permissionSets: Map<string, PermissionSetDef>;
    queues: Map<string, QueueDef>;
    flows: Map<
        string,
        { name: string; label: string; apiVersion: string; status: string; object?: string }
    >;
    lwc: Map<string, { name: string; apiVersion: string; isExposed: boolean; targets: string[] }>;
    /** Every metadata XML file read, with its declared apiVersion where it has one. */
    files: { file: string; apiVersion?: string }[];
}

/** Raised for malformed metadata, naming the file and what is wrong. */
export class MetadataError extends Error {
    constructor(
        readonly file: string,
        message: string
    ) {
        super(`${file}: ${message}`);
        this.name = 'MetadataError';
    }
}

const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    trimValues: true,
    isArray: (name) =>
        [
            'value',
            'fieldPermissions',
            'objectPermissions',
            'queueSobject',
            'targets',
            'target',
            'tabSettings',
            'assignmentItems'
        ].includes(name)
});

function readXml(file: string, rootTag: string): Record<string, unknown> {
    const text = readFileSync(file, 'utf8');
    const valid = XMLValidator.validate(text);
    if (valid !== true) {
        throw new MetadataError(
            file,
            `not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`
        );
    }
    const doc = parser.parse(text) as Record<string, Record<string, unknown>>;
    const rootNode = doc[rootTag];
    if (!rootNode || typeof rootNode !== 'object') {
        throw new MetadataError(file, `expected a <${rootTag}> root element`);
    }
    if (rootNode['@xmlns'] !== METADATA_NAMESPACE) {
        throw new MetadataError(file, `<${rootTag}> must declare xmlns="${METADATA_NAMESPACE}"`);
    }
    return rootNode;
}

const bool = (v: unknown): boolean => v === 'true';
const num = (v: unknown): number | undefined =>
    v === undefined || v === '' ? undefined : Number(v);
const str = (v: unknown): string | undefined => (v === undefined ? undefined : String(v));

function listDir(dir: string): string[] {
    return existsSync(dir) ? readdirSync(dir).sort() : [];
}

function readField(object: string, file: string): CustomFieldDef {
    const x = readXml(file, 'CustomField');
    const name = str(x.fullName);
    const expected = path.basename(file).replace('.field-meta.xml', '');
    if (name !== expected) {
        throw new MetadataError(
            file,
            `fullName "${name}" does not match the file name "${expected}"`
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
        name: expected,
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
    if (type === 'Picklist' || type === 'MultiselectPicklist') {
        const valueSet = x.valueSet as Record<string, unknown> | undefined;
        const definition = valueSet?.valueSetDefinition as Record<string, unknown> | undefined;
        const values = (definition?.value as Record<string, unknown>[] | undefined) ?? [];
        if (!values.length) {
            throw new MetadataError(
                file,
                'a picklist needs a <valueSet> with at least one <value>'
            );
        }
        field.picklist = {
            restricted: bool(valueSet?.restricted),
            values: values.map((v) => ({
                value: String(v.fullName),
                label: String(v.label ?? v.fullName),
                isDefault: bool(v.default)
            }))
        };
    }
    return field;
}

function readObject(objectsDir: string, name: string): CustomObjectDef {
    const dir = path.join(objectsDir, name);
    const objectFile = path.join(dir, `${name}.object-meta.xml`);
    const custom = name.endsWith('__c');
    const def: CustomObjectDef = { name, custom, fields: new Map() };
    if (existsSync(objectFile)) {
        const x = readXml(objectFile, 'CustomObject');
        def.label = str(x.label);
        def.pluralLabel = str(x.pluralLabel);
        def.description = str(x.description);
        def.sharingModel = str(x.sharingModel);
        const nameField = x.nameField as Record<string, unknown> | undefined;
        if (nameField) {
            def.nameField = {
                label: String(nameField.label),
                type: nameField.type === 'AutoNumber' ? 'AutoNumber' : 'Text',
                displayFormat: str(nameField.displayFormat)
            };
        }
    } else if (custom) {
        throw new MetadataError(objectFile, 'a custom object folder needs its .object-meta.xml');
    }
    for (const f of listDir(path.join(dir, 'fields'))) {
        if (!f.endsWith('.field-meta.xml')) {
            continue;
        }
        const field = readField(name, path.join(dir, 'fields', f));
        def.fields.set(field.name, field);
    }
    return def;
}

/** Reads the package directory (default: ./force-app/main/default). */
export function readPackageMetadata(projectRoot: string): PackageMetadata {
    const project = JSON.parse(
        readFileSync(path.join(projectRoot, 'sfdx-project.json'), 'utf8')
    ) as {
        sourceApiVersion: string;
        packageDirectories: { path: string; default?: boolean }[];
    };
    const pkgDir =
        project.packageDirectories.find((d) => d.default) ?? project.packageDirectories[0];
    const root = path.join(projectRoot, pkgDir.path, 'main', 'default');
    const meta: PackageMetadata = {
        root,
        sourceApiVersion: project.sourceApiVersion,
        objects: new Map(),
        permissionSets: new Map(),
        queues: new Map(),
        flows: new Map(),
        lwc: new Map(),
        files: []
    };
    const objectsDir = path.join(root, 'objects');
    for (const name of listDir(objectsDir)) {
        if (statSync(path.join(objectsDir, name)).isDirectory()) {
            const def = readObject(objectsDir, name);
            meta.objects.set(name, def);
            for (const field of def.fields.values()) {
                meta.files.push({ file: field.file });
            }
        }
    }
    for (const f of listDir(path.join(root, 'permissionsets'))) {
        const file = path.join(root, 'permissionsets', f);
        const x = readXml(file, 'PermissionSet');
        const name = f.replace('.permissionset-meta.xml', '');
        meta.permissionSets.set(name, {
            name,
            label: String(x.label),
            fieldPermissions: ((x.fieldPermissions as Record<string, unknown>[]) ?? []).map(
                (p) => ({
                    field: String(p.field),
                    readable: bool(p.readable),
                    editable: bool(p.editable)
                })
            ),
            objectPermissions: ((x.objectPermissions as Record<string, unknown>[]) ?? []).map(
                (p) => ({
                    object: String(p.object),
                    allowCreate: bool(p.allowCreate),
                    allowRead: bool(p.allowRead),
                    allowEdit: bool(p.allowEdit),
                    allowDelete: bool(p.allowDelete),
                    viewAllRecords: bool(p.viewAllRecords),
                    modifyAllRecords: bool(p.modifyAllRecords)
                })
            )
        });
        meta.files.push({ file });
    }
    for (const f of listDir(path.join(root, 'queues'))) {
        const file = path.join(root, 'queues', f);
        const x = readXml(file, 'Queue');
        const developerName = f.replace('.queue-meta.xml', '');
        meta.queues.set(developerName, {
            developerName,
            name: String(x.name),
            sobjectTypes: ((x.queueSobject as Record<string, unknown>[]) ?? []).map((q) =>
                String(q.sobjectType)
            )
        });
        meta.files.push({ file });
    }
    for (const f of listDir(path.join(root, 'flows'))) {
        const file = path.join(root, 'flows', f);
        const x = readXml(file, 'Flow');
        const name = f.replace('.flow-meta.xml', '');
        const start = x.start as Record<string, unknown> | undefined;
        meta.flows.set(name, {
            name,
            label: String(x.label),
            apiVersion: String(x.apiVersion),
            status: String(x.status),
            object: str(start?.object)
        });
        meta.files.push({ file, apiVersion: str(x.apiVersion) });
    }
    const lwcDir = path.join(root, 'lwc');
    for (const name of listDir(lwcDir)) {
        const file = path.join(lwcDir, name, `${name}.js-meta.xml`);
        if (!existsSync(file)) {
            continue;
        }
        const x = readXml(file, 'LightningComponentBundle');
        const targets = (x.targets as Record<string, unknown>[] | undefined)?.[0]?.target as
            string[] | undefined;
        meta.lwc.set(name, {
            name,
            apiVersion: String(x.apiVersion),
            isExposed: bool(x.isExposed),
            targets: targets ?? []
        });
        meta.files.push({ file, apiVersion: str(x.apiVersion) });
    }
    // Other metadata folders (tabs, flexipages, applications, ...) are checked for
    // well-formed XML and their apiVersion, whatever their type.
    const known = new Set(['objects', 'permissionsets', 'queues', 'flows', 'lwc']);
    for (const folder of listDir(root)) {
        if (known.has(folder) || !statSync(path.join(root, folder)).isDirectory()) {
            continue;
        }
        for (const f of walk(path.join(root, folder))) {
            if (!f.endsWith('-meta.xml')) {
                continue;
            }
            const text = readFileSync(f, 'utf8');
            const valid = XMLValidator.validate(text);
            if (valid !== true) {
                throw new MetadataError(
                    f,
                    `not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`
                );
            }
            const version = /<apiVersion>([^<]+)<\/apiVersion>/.exec(text)?.[1];
            meta.files.push({ file: f, apiVersion: version });
        }
    }
    return meta;
}

function walk(dir: string): string[] {
    return listDir(dir).flatMap((name) => {
        const p = path.join(dir, name);
        return statSync(p).isDirectory() ? walk(p) : [p];
    });
}

/** True if `Object.Field` (or a relationship name) is defined by the package. */
export function hasField(meta: PackageMetadata, object: string, field: string): boolean {
    return meta.objects.get(object)?.fields.has(field) ?? false;
}
