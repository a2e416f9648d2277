/**
 * The little XML the local org reads and writes: Bulk API 1.0 job, batch and
 * result documents and SOAP envelopes. Reading builds a tree of elements (names
 * without their namespace prefix, attributes, text); it refuses anything that is
 * not well-formed with XmlError naming the offset. No DTDs or external entities
 * are read (a `<!DOCTYPE` is refused), so a document can never reach outside.
 */

export class XmlError extends Error {}

export interface XmlElement {
    /** The local name (`se:Envelope` reads as `Envelope`). */
    name: string;
    attributes: Record<string, string>;
    children: XmlElement[];
    /** The element's own text, entities decoded (its children's text not included). */
    text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string, at: number): string {
    return text.replace(/&([^;&\s]{1,10});/g, (whole, name: string) => {
        if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
        if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
        if (Object.hasOwn(ENTITIES, name)) return ENTITIES[name];
        throw new XmlError(`Unknown entity ${whole} near offset ${at}.`);
    });
}

const localName = (qname: string) => qname.slice(qname.indexOf(':') + 1);

/** Parses a document into its root element; throws XmlError when it is not well-formed. */
export function parseXml(xml: string): XmlElement {
    const stack: XmlElement[] = [];
    let root: XmlElement | undefined;
    let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
    const tag = /<\/?([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
    while (i < xml.length) {
        const lt = xml.indexOf('<', i);
        const end = lt === -1 ? xml.length : lt;
        if (end > i) {
            const text = xml.slice(i, end);
            if (stack.length) stack[stack.length - 1].text += decode(text, i);
            else if (text.trim())
                throw new XmlError(`Text outside the root element at offset ${i}.`);
        }
        if (lt === -1) break;
        if (xml.startsWith('<?', lt)) {
            const close = xml.indexOf('?>', lt);
            if (close === -1) throw new XmlError(`Unclosed <? at offset ${lt}.`);
            i = close + 2;
        } else if (xml.startsWith('<!--', lt)) {
            const close = xml.indexOf('-->', lt);
            if (close === -1) throw new XmlError(`Unclosed comment at offset ${lt}.`);
            i = close + 3;
        } else if (xml.startsWith('<![CDATA[', lt)) {
            const close = xml.indexOf(']]>', lt);
            if (close === -1 || !stack.length)
                throw new XmlError(`Misplaced or unclosed CDATA at offset ${lt}.`);
            stack[stack.length - 1].text += xml.slice(lt + 9, close);
            i = close + 3;
        } else if (xml.startsWith('<!', lt)) {
            throw new XmlError(`Document type declarations are not accepted (offset ${lt}).`);
        } else {
            tag.lastIndex = lt;
            const m = tag.exec(xml);
            if (!m) throw new XmlError(`Malformed tag at offset ${lt}.`);
            i = tag.lastIndex;
            const closing = xml[lt + 1] === '/';
            if (closing) {
                const open = stack.pop();
                if (!open || open.name !== localName(m[1]))
                    throw new XmlError(
                        `Closing tag </${m[1]}> at offset ${lt} does not match ${open ? `<${open.name}>` : 'any open element'}.`
                    );
                continue;
            }
            const attributes: Record<string, string> = {};
            for (const a of m[2].matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
                attributes[a[1]] = decode(a[2] ?? a[3], lt);
            const element: XmlElement = {
                name: localName(m[1]),
                attributes,
                children: [],
                text: ''
            };
            if (stack.length) stack[stack.length - 1].children.push(element);
            else if (root) throw new XmlError(`A second root element at offset ${lt}.`);
            else root = element;
            if (!m[3]) stack.push(element);
        }
    }
    if (stack.length) throw new XmlError(`<${stack[stack.length - 1].name}> is never closed.`);
    if (!root) throw new XmlError('The document has no root element.');
    return root;
}

/** The first child element with this local name. */
export function child(element: XmlElement, name: string): XmlElement | undefined {
    return element.children.find((c) => c.name === name);
}

/** Whether an element says it is null (`xsi:nil="true"`). */
export function isNil(element: XmlElement): boolean {
    return Object.entries(element.attributes).some(
        ([k, v]) => localName(k) === 'nil' && v === 'true'
    );
}

export function escapeXml(value: unknown): string {
    return String(value)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;');
}

/** A value as XML: objects as nested elements, arrays as repeated elements, null as xsi:nil. */
export type XmlValue = string | number | boolean | null | undefined | XmlFields | XmlValue[];
export interface XmlFields {
    [name: string]: XmlValue;
}

/** Elements for these fields, in order (undefined fields are left out). */
export function xmlFields(fields: XmlFields): string {
    let out = '';
    for (const [name, value] of Object.entries(fields)) {
        for (const v of Array.isArray(value) ? value : [value]) {
            if (v === undefined) continue;
            if (v === null) out += `<${name} xsi:nil="true"/>`;
            else if (typeof v === 'object')
                out += `<${name}>${xmlFields(v as XmlFields)}</${name}>`;
            else out += `<${name}>${escapeXml(v)}</${name}>`;
        }
    }
    return out;
}

/** A document with one root element in a namespace. */
export function xmlDocument(root: string, namespace: string, fields: XmlFields): string {
    return `<?xml version="1.0" encoding="UTF-8"?><${root} xmlns="${namespace}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${xmlFields(fields)}</${root}>`;
}
