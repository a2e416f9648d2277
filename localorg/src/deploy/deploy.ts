/**
 * A Metadata API deploy into the running org: the zip (Metadata API format, as
 * `sf project deploy start` builds it) is read, every component of its
 * package.xml is checked, and custom objects, custom fields and their
 * picklists are applied to the schema — all or nothing unless rollbackOnError
 * is false. Other metadata types are reported per component in
 * componentFailures, as the platform reports what it cannot deploy.
 */
import {
    parseXml,
    readMdapiObject,
    type CustomFieldDef,
    type CustomObjectDef
} from '../../../metadata/src/index';
import type { SchemaRegistry } from '../store/schemaRegistry';
import type { SqliteSource } from '../store/sqliteSource';
import { readZip, ZipError } from './zip';

export interface DeployOptions {
    checkOnly?: boolean;
    rollbackOnError?: boolean;
    ignoreWarnings?: boolean;
    [option: string]: unknown;
}

/** One component's line in a deploy result (the Metadata API's DeployMessage). */
export interface DeployMessage {
    componentType: string;
    fullName: string;
    fileName: string;
    success: boolean;
    created: boolean;
    changed: boolean;
    deleted: boolean;
    createdDate: string;
    problem?: string;
    problemType?: 'Error' | 'Warning';
}

export interface DeployResult {
    id: string;
    status: 'Succeeded' | 'SucceededPartial' | 'Failed';
    success: boolean;
    done: true;
    checkOnly: boolean;
    ignoreWarnings: boolean;
    rollbackOnError: boolean;
    runTestsEnabled: false;
    createdBy: string;
    createdByName: string;
    createdDate: string;
    startDate: string;
    lastModifiedDate: string;
    completedDate: string;
    numberComponentsTotal: number;
    numberComponentsDeployed: number;
    numberComponentErrors: number;
    numberTestsTotal: 0;
    numberTestsCompleted: 0;
    numberTestErrors: 0;
    stateDetail: null;
    errorMessage?: string;
    errorStatusCode?: string;
    details: {
        componentSuccesses: DeployMessage[];
        componentFailures: DeployMessage[];
        runTestResult: { numTestsRun: 0; numFailures: 0; totalTime: 0 };
    };
}

export interface DeployTarget {
    store: SqliteSource;
    schema: SchemaRegistry;
    user: { id: string; name: string };
}

const CUSTOM_NAME = /^[A-Za-z][A-Za-z0-9_]{0,37}__c$/;
/** The types the local org deploys; any other is out of its scope. */
const SUPPORTED = new Set(['CustomObject', 'CustomField']);

type Members = Map<string, string[]>;

/** The package.xml's types and their members. */
function readPackage(text: string, file: string): Members {
    const x = parseXml(text, file, 'Package');
    const list = <T>(v: unknown): T[] =>
        Array.isArray(v) ? (v as T[]) : v === undefined || v === null ? [] : [v as T];
    const out: Members = new Map();
    for (const t of list<Record<string, unknown>>(x.types)) {
        const name = String(t.name ?? '');
        out.set(name, [...(out.get(name) ?? []), ...list<unknown>(t.members).map(String)]);
    }
    return out;
}

/** What one object file in the zip holds, read. */
interface ObjectFile {
    fileName: string;
    object: CustomObjectDef;
    fields: Map<string, { field?: CustomFieldDef; error?: string }>;
    error?: string;
}

/** Applies (or, checkOnly, only checks) a deploy zip; never throws for bad input. */
export function deployZip(
    target: DeployTarget,
    id: string,
    zip: Buffer,
    options: DeployOptions
): DeployResult {
    const started = new Date().toISOString();
    const messages: DeployMessage[] = [];
    const message = (
        componentType: string,
        fullName: string,
        fileName: string,
        outcome: { problem?: string; created?: boolean; changed?: boolean }
    ) =>
        messages.push({
            componentType,
            fullName,
            fileName,
            success: !outcome.problem,
            created: !!outcome.created,
            changed: !!outcome.changed,
            deleted: false,
            createdDate: started,
            ...(outcome.problem ? { problem: outcome.problem, problemType: 'Error' as const } : {})
        });

    let toApply: CustomObjectDef[] = [];
    try {
        const entries = readZip(zip);
        const pkg = entries.find((e) => /(^|\/)package\.xml$/.test(e.name));
        if (!pkg) {
            message('', 'package.xml', 'package.xml', { problem: 'No package.xml found' });
        } else {
            const root = pkg.name.slice(0, -'package.xml'.length);
            const members = readPackage(pkg.data.toString('utf8'), 'package.xml');
            message('', 'package.xml', `${root}package.xml`, { changed: true });
            const files = readObjectFiles(entries, root);
            toApply = checkComponents(target.store, members, files, message);
        }
    } catch (e) {
        const problem =
            e instanceof ZipError || (e as Error).name === 'MetadataError'
                ? (e as Error).message
                : 'The deploy could not be read.';
        message('', 'package.xml', 'package.xml', { problem });
    }

    const failures = messages.filter((m) => !m.success);
    const rollback = options.rollbackOnError !== false;
    const applied = !options.checkOnly && (failures.length === 0 || !rollback);
    if (applied && toApply.length) {
        target.store.transaction(() => {
            target.schema.applyToStore(target.store, toApply);
            for (const def of toApply) target.schema.saveDeployed(def);
        });
    }
    const successes = messages.filter((m) => m.success);
    const components = messages.filter((m) => m.fullName !== 'package.xml');
    const status =
        failures.length === 0
            ? 'Succeeded'
            : rollback || !toApply.length
              ? 'Failed'
              : 'SucceededPartial';
    const done = new Date().toISOString();
    return {
        id,
        status,
        success: status !== 'Failed',
        done: true,
        checkOnly: !!options.checkOnly,
        ignoreWarnings: !!options.ignoreWarnings,
        rollbackOnError: rollback,
        runTestsEnabled: false,
        createdBy: target.user.id,
        createdByName: target.user.name,
        createdDate: started,
        startDate: started,
        lastModifiedDate: done,
        completedDate: done,
        numberComponentsTotal: components.length,
        numberComponentsDeployed:
            status === 'Failed' ? 0 : components.filter((m) => m.success).length,
        numberComponentErrors: components.filter((m) => !m.success).length,
        numberTestsTotal: 0,
        numberTestsCompleted: 0,
        numberTestErrors: 0,
        stateDetail: null,
        details: {
            componentSuccesses: status === 'Failed' ? [] : successes,
            componentFailures: failures,
            runTestResult: { numTestsRun: 0, numFailures: 0, totalTime: 0 }
        }
    };
}

/** Every `objects/<Name>.object` under the package root, read field by field. */
function readObjectFiles(
    entries: { name: string; data: Buffer }[],
    root: string
): Map<string, ObjectFile> {
    const out = new Map<string, ObjectFile>();
    for (const e of entries) {
        const m = /^objects\/([^/]+)\.object$/.exec(e.name.slice(root.length));
        if (!e.name.startsWith(root) || !m) continue;
        const fileName = e.name;
        const xml = e.data.toString('utf8');
        try {
            const read = readMdapiObject(m[1], xml, fileName);
            out.set(m[1], {
                fileName,
                object: read.object,
                fields: new Map(read.fields.map((f) => [f.name, f]))
            });
        } catch (e) {
            out.set(m[1], {
                fileName,
                object: { name: m[1], custom: m[1].endsWith('__c'), fields: new Map() },
                fields: new Map(),
                error: (e as Error).message.replace(`${fileName}: `, '')
            });
        }
    }
    return out;
}

/**
 * Checks every component the package.xml names against the org and the zip; reports each;
 * answers the objects (with only their good fields) to apply.
 */
function checkComponents(
    store: SqliteSource,
    members: Members,
    files: Map<string, ObjectFile>,
    message: (
        type: string,
        fullName: string,
        fileName: string,
        outcome: { problem?: string; created?: boolean; changed?: boolean }
    ) => void
): CustomObjectDef[] {
    const expand = (type: string): string[] =>
        (members.get(type) ?? []).flatMap((m) =>
            m !== '*'
                ? [m]
                : type === 'CustomObject'
                  ? [...files.keys()]
                  : type === 'CustomField'
                    ? [...files.values()].flatMap((f) =>
                          [...f.fields.keys()].map((n) => `${f.object.name}.${n}`)
                      )
                    : ['*']
        );
    const apply = new Map<string, CustomObjectDef>();
    const target = (file: ObjectFile) => {
        let def = apply.get(file.object.name);
        if (!def) apply.set(file.object.name, (def = { ...file.object, fields: new Map() }));
        return def;
    };
    /** New objects this deploy creates (their fields and lookups to them are good). */
    const newObjects = new Set<string>();

    for (const name of expand('CustomObject')) {
        const file = files.get(name);
        const fileName = file?.fileName ?? `objects/${name}.object`;
        const exists = !!store.objectInfo(name);
        const problem = !file
            ? `An object '${name}' of type CustomObject was named in package.xml, but was not found in zipped directory`
            : file.error
              ? file.error
              : !exists && !CUSTOM_NAME.test(name)
                ? `Cannot create a new standard object: ${name} (custom object names end in __c)`
                : undefined;
        message('CustomObject', name, fileName, { problem, created: !exists, changed: exists });
        if (!problem && file) {
            if (!exists) newObjects.add(name);
            const def = target(file);
            // An object listed as a whole brings the custom fields of its file.
            for (const [fieldName, f] of file.fields)
                if (f.field && fieldName.endsWith('__c')) def.fields.set(fieldName, f.field);
        }
    }

    const fieldNames = new Set(expand('CustomField'));
    // Fields of a whole object that package.xml does not list are still reported, as deployed.
    for (const name of apply.keys())
        for (const field of files.get(name)!.fields.keys()) fieldNames.add(`${name}.${field}`);
    for (const fullName of fieldNames) {
        const [objectName, fieldName] = fullName.split('.');
        const file = files.get(objectName);
        const read = file?.fields.get(fieldName ?? '');
        const info = store.objectInfo(objectName);
        const exists = !!info?.fields[fieldName];
        const ref = read?.field?.referenceTo;
        // A standard field (retrieved with its object) is left as the org has it.
        const standard = !fieldName?.endsWith('__c');
        const problem =
            !file || !read
                ? `An object '${fullName}' of type CustomField was named in package.xml, but was not found in zipped directory`
                : standard
                  ? exists
                      ? undefined
                      : `Cannot create a new standard field: ${fullName} (custom field names end in __c)`
                  : read.error
                    ? read.error
                    : !info && !newObjects.has(objectName)
                      ? `Cannot find the object ${objectName} for field ${fieldName}`
                      : ref && !store.objectInfo(ref) && !newObjects.has(ref)
                        ? `referenceTo value of '${ref}' does not resolve to a valid sObject type`
                        : undefined;
        if (problem) apply.get(objectName)?.fields.delete(fieldName);
        else if (file && read?.field && !standard) target(file).fields.set(fieldName, read.field);
        message('CustomField', fullName, file?.fileName ?? `objects/${objectName}.object`, {
            problem,
            created: !exists,
            changed: exists && !standard
        });
    }

    for (const [type, list] of members) {
        if (SUPPORTED.has(type)) continue;
        for (const member of list)
            message(type, member, '', {
                problem: `The local org does not deploy ${type} metadata: it deploys custom objects, custom fields and their picklists only.`
            });
    }
    return [...apply.values()];
}
