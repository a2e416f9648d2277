/**
 * The one reader of Lead Loop's own metadata in force-app (SFDX source format):
 * objects, fields and picklists, permission sets, queues, flows, Lightning web
 * component bundles, apps, tabs, flexipages and custom labels, as a typed model.
 * The local org builds its schema from it, the CLI's `doctor` compares a target
 * org against it, the browser build places components and tabs from it, and
 * workspace tests check that the code only names what exists here.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readPermissionSet, readQueue, type PermissionSetDef, type QueueDef } from './access';
import { readObject, type CustomObjectDef } from './objects';
import {
    readApplication,
    readCustomLabels,
    readFlexiPage,
    readFlow,
    readLwcBundle,
    readQuickAction,
    readTab,
    type ApplicationDef,
    type CustomLabelDef,
    type FlexiPageDef,
    type FlowDef,
    type LwcBundleDef,
    type QuickActionDef,
    type TabDef
} from './ui';
import { listDir, metadataFiles, MetadataError, readWellFormed, walk } from './xml';

export * from './access';
export * from './navigation';
export * from './objects';
export * from './reports';
export * from './ui';
export { METADATA_NAMESPACE, MetadataError, parseXml } from './xml';

export interface PackageMetadata {
    /** The package directory's main/default folder. */
    root: string;
    sourceApiVersion: string;
    objects: Map<string, CustomObjectDef>;
    permissionSets: Map<string, PermissionSetDef>;
    queues: Map<string, QueueDef>;
    flows: Map<string, FlowDef>;
    lwc: Map<string, LwcBundleDef>;
    applications: Map<string, ApplicationDef>;
    tabs: Map<string, TabDef>;
    flexiPages: Map<string, FlexiPageDef>;
    labels: Map<string, CustomLabelDef>;
    /** Quick actions by `Object.Action`. */
    quickActions: Map<string, QuickActionDef>;
    /** Every metadata XML file read, with its declared apiVersion where it has one. */
    files: { file: string; apiVersion?: string }[];
}

/** Folders read into the model; any other folder's files are checked as well-formed XML. */
const READ_FOLDERS = [
    'objects',
    'permissionsets',
    'queues',
    'flows',
    'lwc',
    'applications',
    'tabs',
    'flexipages',
    'labels',
    'quickActions'
];

function packageRoot(projectRoot: string): { root: string; sourceApiVersion: string } {
    const file = path.join(projectRoot, 'sfdx-project.json');
    let project: {
        sourceApiVersion?: string;
        packageDirectories?: { path: string; default?: boolean }[];
    };
    try {
        project = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
        throw new MetadataError(file, `cannot be read as JSON (${(e as Error).message})`);
    }
    const dirs = project.packageDirectories ?? [];
    const pkgDir = dirs.find((d) => d.default) ?? dirs[0];
    if (!pkgDir || !project.sourceApiVersion) {
        throw new MetadataError(file, 'needs "packageDirectories" and "sourceApiVersion"');
    }
    return {
        root: path.join(projectRoot, pkgDir.path, 'main', 'default'),
        sourceApiVersion: project.sourceApiVersion
    };
}

/** Reads the project's default package directory (force-app/main/default). */
export function readPackageMetadata(projectRoot: string): PackageMetadata {
    const { root, sourceApiVersion } = packageRoot(projectRoot);
    const meta: PackageMetadata = {
        root,
        sourceApiVersion,
        objects: new Map(),
        permissionSets: new Map(),
        queues: new Map(),
        flows: new Map(),
        lwc: new Map(),
        applications: new Map(),
        tabs: new Map(),
        flexiPages: new Map(),
        labels: new Map(),
        quickActions: new Map(),
        files: []
    };
    const folder = (name: string) => path.join(root, name);
    const objectsDir = folder('objects');
    for (const name of listDir(objectsDir)) {
        if (!statSync(path.join(objectsDir, name)).isDirectory()) continue;
        const def = readObject(objectsDir, name);
        meta.objects.set(name, def);
        if (def.file) meta.files.push({ file: def.file });
        for (const field of def.fields.values()) meta.files.push({ file: field.file });
    }
    const each = <T>(
        dir: string,
        suffix: string,
        read: (name: string, file: string) => T,
        into: Map<string, T>,
        apiVersion?: (def: T) => string
    ) => {
        for (const { name, file } of metadataFiles(folder(dir), suffix)) {
            const def = read(name, file);
            into.set(name, def);
            meta.files.push({ file, apiVersion: apiVersion?.(def) });
        }
    };
    each('permissionsets', '.permissionset-meta.xml', readPermissionSet, meta.permissionSets);
    each('queues', '.queue-meta.xml', readQueue, meta.queues);
    each('flows', '.flow-meta.xml', readFlow, meta.flows, (f) => f.apiVersion);
    each('applications', '.app-meta.xml', readApplication, meta.applications);
    each('tabs', '.tab-meta.xml', readTab, meta.tabs);
    each('flexipages', '.flexipage-meta.xml', readFlexiPage, meta.flexiPages);
    each('quickActions', '.quickAction-meta.xml', readQuickAction, meta.quickActions);
    for (const { file } of metadataFiles(folder('labels'), '.labels-meta.xml')) {
        for (const label of readCustomLabels(file)) meta.labels.set(label.name, label);
        meta.files.push({ file });
    }
    for (const name of listDir(folder('lwc'))) {
        const bundle = readLwcBundle(folder('lwc'), name);
        if (!bundle) continue;
        meta.lwc.set(name, bundle);
        meta.files.push({ file: bundle.file, apiVersion: bundle.apiVersion });
    }
    for (const other of listDir(root)) {
        if (READ_FOLDERS.includes(other) || !statSync(folder(other)).isDirectory()) continue;
        for (const file of walk(folder(other)).filter((f) => f.endsWith('-meta.xml'))) {
            const version = /<apiVersion>([^<]+)<\/apiVersion>/.exec(readWellFormed(file))?.[1];
            meta.files.push({ file, apiVersion: version });
        }
    }
    return meta;
}

/**
 * The objects and fields of any SFDX source folder (a package directory such as force-app,
 * or a folder inside one): every `objects` folder below it, read as force-app's are.
 */
export function readSourceDirObjects(dir: string): CustomObjectDef[] {
    if (!existsSync(dir) || !statSync(dir).isDirectory())
        throw new MetadataError(dir, 'is not a folder');
    const found: CustomObjectDef[] = [];
    const objects = (folder: string) => {
        for (const object of listDir(folder))
            if (statSync(path.join(folder, object)).isDirectory())
                found.push(readObject(folder, object));
    };
    const visit = (folder: string) => {
        for (const name of listDir(folder)) {
            const p = path.join(folder, name);
            if (!statSync(p).isDirectory() || name === 'node_modules' || name.startsWith('.'))
                continue;
            if (name === 'objects') objects(p);
            else visit(p);
        }
    };
    if (path.basename(dir) === 'objects') objects(dir);
    else visit(dir);
    return found;
}

/** True if `Object.Field` (or a relationship name) is defined by the package. */
export function hasField(meta: PackageMetadata, object: string, field: string): boolean {
    return meta.objects.get(object)?.fields.has(field) ?? false;
}
