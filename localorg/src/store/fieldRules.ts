/**
 * The platform's field rules for a create or update, on every API: the field
 * exists and may be set, values have the field's type (numbers, dates,
 * datetimes, booleans, ids of the right object), lengths, restricted
 * picklists. Returns the values as the store writes them.
 */
import { normalizeId } from './ids';
import { namesOf, SourceError, type ObjectInfo, type RecordValues } from './source';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Audit fields the API lets a create set (with "Set Audit Fields upon Record Creation"). */
const AUDIT_ON_CREATE = new Set([
    'CreatedDate',
    'CreatedById',
    'LastModifiedDate',
    'LastModifiedById'
]);

/** Whether y-m-d is a day of the calendar (2024-02-29 is, 2023-02-29 and 2024-02-31 are not). */
function isCalendarDay(y: number, m: number, d: number): boolean {
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** A date `YYYY-MM-DD` that exists. */
function isDate(v: unknown): v is string {
    if (typeof v !== 'string' || !DATE.test(v)) return false;
    const [y, m, d] = v.split('-').map(Number);
    return isCalendarDay(y, m, d);
}

/** An ISO 8601 datetime whose day exists and whose time is within the day; its epoch ms or NaN. */
function datetimeMs(v: unknown): number {
    if (typeof v !== 'string' || !DATETIME.test(v) || !isDate(v.slice(0, 10))) return NaN;
    const [h, min, sec = 0] = v
        .slice(11, 19)
        .split(':')
        .map((x) => Number.parseInt(x, 10));
    if (h > 23 || min > 59 || sec > 59) return NaN;
    return Date.parse(v);
}

/** How the rules see other records: which object an id belongs to and whether it exists. */
export interface ReferenceLookup {
    objectOfId(id: string): string | undefined;
    exists(object: string, id: string): boolean;
}

function fail(code: string, message: string, field: string): never {
    throw new SourceError(code, message, [field]);
}

/** Validates and normalises values as the platform would; returns DB-ready values. */
export function checkValues(
    info: ObjectInfo,
    values: RecordValues,
    creating: boolean,
    references: ReferenceLookup
): RecordValues {
    const out: RecordValues = {};
    // for…in, not Object.entries: no array per field for every record a Bulk job writes.
    for (const key in values) {
        const raw = values[key];
        // Field names are case-insensitive in the API; the canonical name is stored.
        const f = info.fields[key] ?? namesOf(info).fields.get(key.toLowerCase());
        const k = f?.name ?? key;
        const compound = f ? undefined : compoundFieldNamed(info, key);
        // Compound fields (BillingAddress) are read-only: their parts are written instead.
        if (compound)
            fail(
                'INVALID_FIELD_FOR_INSERT_UPDATE',
                `Unable to ${creating ? 'create' : 'update'} field: ${compound} is a compound field; write its parts`,
                compound
            );
        if (!f) fail('INVALID_FIELD', `No such column '${k}' on sobject of type ${info.name}`, k);
        const settable = creating ? f.createable || AUDIT_ON_CREATE.has(k) : f.updateable;
        if (!settable && k !== 'Id')
            fail(
                'INVALID_FIELD_FOR_INSERT_UPDATE',
                `Unable to ${creating ? 'create' : 'update'} field: ${k}`,
                k
            );
        let v = raw === '' && f.kind !== 'string' && f.kind !== 'textarea' ? null : raw;
        if (v === undefined) continue;
        if (v === null) {
            if (!f.nillable && f.kind !== 'boolean')
                fail('REQUIRED_FIELD_MISSING', `Required fields are missing: [${k}]`, k);
            out[k] = f.kind === 'boolean' ? false : null;
            continue;
        }
        if (typeof v === 'object')
            fail('INVALID_FIELD', `${k}: expected a single value, not an object.`, k);
        switch (f.kind) {
            case 'boolean':
                // JSON booleans only: "true" or 1 is a client bug the platform refuses too.
                if (typeof v !== 'boolean')
                    fail(
                        'INVALID_TYPE_ON_FIELD_IN_RECORD',
                        `${f.label}: value not of required type: ${String(v)}`,
                        k
                    );
                break;
            case 'int':
            case 'double':
            case 'currency':
            case 'percent': {
                const n =
                    typeof v === 'number'
                        ? v
                        : typeof v === 'string' && v.trim() !== ''
                          ? Number(v)
                          : NaN;
                // An integer field never rounds a fraction away (1.5 employees is refused).
                if (!Number.isFinite(n) || (f.kind === 'int' && !Number.isInteger(n)))
                    fail(
                        'INVALID_TYPE_ON_FIELD_IN_RECORD',
                        `${f.label}: value not of required type: ${String(v)}`,
                        k
                    );
                if (f.precision !== undefined) {
                    const intDigits = Math.trunc(Math.abs(n)).toString().length;
                    if (intDigits > f.precision - (f.scale ?? 0))
                        fail(
                            'NUMBER_OUTSIDE_VALID_RANGE',
                            `${f.label}: value outside of valid range on numeric field: ${n}`,
                            k
                        );
                }
                v = f.kind !== 'int' && f.scale !== undefined ? Number(n.toFixed(f.scale)) : n;
                break;
            }
            case 'date':
                if (!isDate(v))
                    fail(
                        'INVALID_TYPE_ON_FIELD_IN_RECORD',
                        `${f.label}: value not of required type: ${String(v)}`,
                        k
                    );
                break;
            case 'datetime': {
                const t = datetimeMs(v);
                if (Number.isNaN(t))
                    fail(
                        'INVALID_TYPE_ON_FIELD_IN_RECORD',
                        `${f.label}: value not of required type: ${String(v)}`,
                        k
                    );
                v = new Date(t).toISOString();
                break;
            }
            case 'reference': {
                const id = normalizeId(v);
                if (!id)
                    fail('MALFORMED_ID', `${f.label}: id value of incorrect type: ${String(v)}`, k);
                const target = references.objectOfId(id);
                if (
                    !target ||
                    !(f.referenceTo ?? []).includes(target) ||
                    !references.exists(target, id)
                )
                    fail(
                        'INVALID_CROSS_REFERENCE_KEY',
                        `${f.label}: id value of incorrect type: ${String(v)}`,
                        k
                    );
                v = id;
                break;
            }
            case 'id':
                break;
            default:
                v = String(v);
                if (f.kind === 'email' && !EMAIL.test(v as string))
                    fail(
                        'INVALID_EMAIL_ADDRESS',
                        `${f.label}: invalid email address: ${String(v).slice(0, 80)}`,
                        k
                    );
        }
        if (typeof v === 'string' && f.length !== undefined && v.length > f.length)
            fail(
                'STRING_TOO_LONG',
                `${f.label}: data value too large: ${v.slice(0, 40)}... (max length=${f.length})`,
                k
            );
        if (
            f.kind === 'picklist' &&
            f.restricted &&
            f.picklistValues?.length &&
            !f.picklistValues.some((p) => p.value === v)
        ) {
            fail(
                'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
                `${f.label}: bad value for restricted picklist field: ${String(v)}`,
                k
            );
        }
        out[k] = v;
    }
    return out;
}

/** The object's compound field of this name (any case), if it has one. */
function compoundFieldNamed(info: ObjectInfo, key: string): string | undefined {
    const lower = key.toLowerCase();
    return Object.keys(info.compoundFields ?? {}).find((c) => c.toLowerCase() === lower);
}
