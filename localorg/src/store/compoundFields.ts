/**
 * Address compound fields (BillingAddress, MailingAddress, Lead.Address …): read-only
 * fields made of an object's address parts (BillingCity, BillingLatitude …), which SOQL
 * can select, as an object, but never filter, sort or group, and no write may set.
 * They are worked out from the parts an object has, as the platform names them, so the
 * schema keeps only the parts (the columns).
 */
import type { FieldInfo, ObjectInfo, RecordValues } from './source';

/** One compound field: its parts by the key its value carries them under. */
export interface CompoundField {
    name: string;
    label: string;
    /** [key in the value, part field name], in the platform's key order. */
    parts: [string, string][];
    /** The part listed last in the object's fields: describe lists the compound after it. */
    after: string;
}

/** The address value's keys and the suffix of the part each comes from. */
const ADDRESS_PARTS: [string, string][] = [
    ['city', 'City'],
    ['country', 'Country'],
    ['geocodeAccuracy', 'GeocodeAccuracy'],
    ['latitude', 'Latitude'],
    ['longitude', 'Longitude'],
    ['postalCode', 'PostalCode'],
    ['state', 'State'],
    ['street', 'Street']
];

/** The standard addresses' prefixes (Lead.Address and User.Address have none). */
const ADDRESS_PREFIXES = ['', 'Billing', 'Shipping', 'Mailing', 'Other'];

/**
 * The address compounds of an object's fields (any prefix with Street and City parts);
 * marks each part with its compound's name (describe's compoundFieldName).
 */
export function addressCompounds(fields: Record<string, FieldInfo>): Record<string, CompoundField> {
    const out: Record<string, CompoundField> = {};
    const order = Object.keys(fields);
    for (const prefix of ADDRESS_PREFIXES) {
        if (!fields[`${prefix}Street`] || !fields[`${prefix}City`]) continue;
        const name = `${prefix}Address`;
        const parts = ADDRESS_PARTS.filter(([, suffix]) => fields[prefix + suffix]).map(
            ([key, suffix]): [string, string] => [key, prefix + suffix]
        );
        for (const [, part] of parts) fields[part] = { ...fields[part], compoundFieldName: name };
        const after = parts
            .map(([, part]) => part)
            .reduce((a, b) => (order.indexOf(a) > order.indexOf(b) ? a : b));
        out[name] = { name, label: prefix ? `${prefix} Address` : 'Address', parts, after };
    }
    return out;
}

/**
 * The object's field names as describe lists them: each compound right after its last part.
 * What the platform reads for "every field" (FIELDS(ALL | STANDARD), a record's GET).
 */
export function namesWithCompounds(info: ObjectInfo): string[] {
    const compounds = Object.values(info.compoundFields ?? {});
    return Object.keys(info.fields).flatMap((name) => [
        name,
        ...compounds.filter((c) => c.after === name).map((c) => c.name)
    ]);
}

/** A compound field selected in SOQL: where it goes in the record, and its parts' paths. */
export interface CompoundSelection {
    path: string;
    parts: [string, string][];
}

/**
 * The compound field a select item names (`BillingAddress`, `Account.BillingAddress`, any
 * case), or undefined when it names none. `parentOf` resolves a relationship path
 * (canonical path and the objects it can point at).
 */
export function compoundSelection(
    info: ObjectInfo,
    raw: string,
    parentOf: (prefix: string) => { path: string; objects: ObjectInfo[] }
): CompoundSelection | undefined {
    const dot = raw.lastIndexOf('.');
    const name = raw.slice(dot + 1).toLowerCase();
    if (!name.endsWith('address')) return undefined;
    const parent = dot < 0 ? { path: '', objects: [info] } : parentOf(raw.slice(0, dot));
    for (const obj of parent.objects) {
        const compound = Object.values(obj.compoundFields ?? {}).find(
            (c) => c.name.toLowerCase() === name
        );
        if (!compound) continue;
        const prefix = parent.path ? `${parent.path}.` : '';
        return {
            path: prefix + compound.name,
            parts: compound.parts.map(([key, part]) => [key, prefix + part])
        };
    }
    return undefined;
}

/** A compound's value from its parts: null when every part is null, as the platform answers. */
export function compoundValue(
    parts: [string, string][],
    valueAt: (path: string) => unknown
): RecordValues | null {
    const out: RecordValues = {};
    let any = false;
    for (const [key, path] of parts) {
        const v = valueAt(path) ?? null;
        if (v !== null) any = true;
        out[key] = v;
    }
    return any ? out : null;
}
