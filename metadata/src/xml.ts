/**
 * Reading one metadata XML file: well-formed, the expected root element, the
 * Metadata API namespace. Every reader in this folder goes through readXml, so
 * malformed metadata fails with the file and what is wrong.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';

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

/** Elements that may repeat, read as arrays even when a file has only one. */
const REPEATED = new Set([
    'fieldPermissions',
    'objectPermissions',
    'queueSobject',
    'targets',
    'target',
    'tabSettings',
    'assignmentItems',
    'tabs',
    'actionOverrides',
    'flexiPageRegions',
    'itemInstances',
    'componentInstanceProperties',
    'valueListItems',
    'labels'
]);

const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    trimValues: true,
    // <value> repeats in a picklist's value set; elsewhere (a label, a property) it is one.
    isArray: (name, jPath) =>
        name === 'value' ? String(jPath).endsWith('valueSetDefinition.value') : REPEATED.has(name)
});

export type XmlNode = Record<string, unknown>;

/** Checks a file is well-formed XML; answers its text. */
export function readWellFormed(file: string): string {
    return checkWellFormed(readFileSync(file, 'utf8'), file);
}

/** Checks XML text is well-formed (`file` names it in the error); answers it. */
function checkWellFormed(text: string, file: string): string {
    const valid = XMLValidator.validate(text);
    if (valid !== true) {
        throw new MetadataError(
            file,
            `not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`
        );
    }
    return text;
}

/** The root element `rootTag` of a metadata file, checked for the Metadata API namespace. */
export function readXml(file: string, rootTag: string): XmlNode {
    return parseXml(readFileSync(file, 'utf8'), file, rootTag);
}

/** The root element `rootTag` of metadata XML text (`file` names it in errors), checked as readXml does. */
export function parseXml(text: string, file: string, rootTag: string): XmlNode {
    const doc = parser.parse(checkWellFormed(text, file)) as Record<string, XmlNode>;
    const rootNode = doc[rootTag];
    if (!rootNode || typeof rootNode !== 'object') {
        throw new MetadataError(file, `expected a <${rootTag}> root element`);
    }
    if (rootNode['@xmlns'] !== METADATA_NAMESPACE) {
        throw new MetadataError(file, `<${rootTag}> must declare xmlns="${METADATA_NAMESPACE}"`);
    }
    return rootNode;
}

export const bool = (v: unknown): boolean => v === 'true';
export const num = (v: unknown): number | undefined =>
    v === undefined || v === '' ? undefined : Number(v);
export const str = (v: unknown): string | undefined => (v === undefined ? undefined : String(v));
/** A repeated element's entries (absent: none). */
export const nodes = (v: unknown): XmlNode[] => (Array.isArray(v) ? (v as XmlNode[]) : []);

/** A folder's entries in name order (none when it does not exist). */
export function listDir(dir: string): string[] {
    return existsSync(dir) ? readdirSync(dir).sort() : [];
}

/** The metadata files of one type in a folder, with the API name each file defines. */
export function metadataFiles(dir: string, suffix: string): { name: string; file: string }[] {
    return listDir(dir)
        .filter((f) => f.endsWith(suffix))
        .map((f) => ({ name: f.slice(0, -suffix.length), file: path.join(dir, f) }));
}

/** Every file below a folder. */
export function walk(dir: string): string[] {
    return listDir(dir).flatMap((name) => {
        const p = path.join(dir, name);
        return statSync(p).isDirectory() ? walk(p) : [p];
    });
}
