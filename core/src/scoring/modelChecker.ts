/**
 * The checks a scoring model definition is made of: a Checker that collects errors with
 * their path and a message naming the rule, and the checks shared by the sections
 * (rule lists with unique ids, points, non-overlapping ranges).
 */
export type ModelCheck =
    | 'not-an-object'
    | 'unknown-field'
    | 'missing-field'
    | 'bad-number'
    | 'bad-text'
    | 'bad-list'
    | 'bad-value'
    | 'duplicate-id'
    | 'overlapping-ranges'
    | 'band-gap'
    | 'grade-order'
    | 'impossible-matrix';

export interface ModelError {
    /** Where in the definition, e.g. `bands[1].min` ('' for the whole definition). */
    path: string;
    check: ModelCheck;
    message: string;
}

/** Limits for points and numbers, so a typo (1000 instead of 10) is caught. */
export const POINTS_LIMIT = 100;
export const MAX_HALF_LIFE_DAYS = 3650;

/** A definition object as read from JSON. */
export type Obj = Record<string, unknown>;

/** A [min, max) range of a rule list, for checkRanges. */
export interface RangeToCheck {
    min: number;
    max: number | null;
    path: string;
    name: string;
}

/** A value as the messages quote it, shortened. */
export function describe(value: unknown): string {
    if (value === undefined) {
        return 'nothing';
    }
    if (typeof value === 'string') {
        return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
    }
    try {
        const json = JSON.stringify(value);
        return json === undefined
            ? String(value)
            : json.length > 40
              ? `${json.slice(0, 40)}…`
              : json;
    } catch {
        return String(value);
    }
}

/** Collects the errors while checking values, each with its path, check and message. */
export class Checker {
    readonly errors: ModelError[] = [];

    fail(path: string, check: ModelCheck, message: string): void {
        this.errors.push({ path, check, message });
    }

    /** An object with exactly the allowed keys (required ones present). */
    object(
        value: unknown,
        path: string,
        what: string,
        required: readonly string[],
        optional: readonly string[] = []
    ): Obj | null {
        if (!value || typeof value !== 'object' || Array.isArray(value)) {
            this.fail(
                path,
                'not-an-object',
                `${what} (${path || 'definition'}) must be an object, got ${describe(value)}.`
            );
            return null;
        }
        const obj = value as Obj;
        const allowed = new Set([...required, ...optional]);
        for (const key of Object.keys(obj)) {
            if (!allowed.has(key)) {
                this.fail(
                    join(path, key),
                    'unknown-field',
                    `${what} (${path || 'definition'}) has an unknown field "${key}"; allowed: ${[...allowed].join(', ')}.`
                );
            }
        }
        for (const key of required) {
            if (obj[key] === undefined) {
                this.fail(
                    join(path, key),
                    'missing-field',
                    `${what} (${path || 'definition'}) is missing "${key}".`
                );
            }
        }
        return obj;
    }

    number(
        value: unknown,
        path: string,
        what: string,
        min: number,
        max: number,
        integer = false
    ): number | null {
        if (value === undefined) {
            return null; // reported as missing
        }
        if (
            typeof value !== 'number' ||
            !Number.isFinite(value) ||
            value < min ||
            value > max ||
            (integer && !Number.isInteger(value))
        ) {
            this.fail(
                path,
                'bad-number',
                `${what}: must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, got ${describe(value)}.`
            );
            return null;
        }
        return value;
    }

    text(value: unknown, path: string, what: string): string | null {
        if (value === undefined) {
            return null;
        }
        if (typeof value !== 'string' || !value.trim()) {
            this.fail(path, 'bad-text', `${what}: must be non-empty text, got ${describe(value)}.`);
            return null;
        }
        return value;
    }

    textList(value: unknown, path: string, what: string, allowEmpty = false): string[] | null {
        if (value === undefined) {
            return null;
        }
        if (
            !Array.isArray(value) ||
            (!allowEmpty && value.length === 0) ||
            value.some((v) => typeof v !== 'string' || !v.trim())
        ) {
            this.fail(
                path,
                'bad-list',
                `${what}: must be a ${allowEmpty ? '' : 'non-empty '}list of non-empty texts, got ${describe(value)}.`
            );
            return null;
        }
        return value as string[];
    }

    list(value: unknown, path: string, what: string): unknown[] {
        if (value === undefined) {
            return [];
        }
        if (!Array.isArray(value)) {
            this.fail(
                path,
                'bad-list',
                `${what} (${path}) must be a list, got ${describe(value)}.`
            );
            return [];
        }
        return value;
    }

    oneOf<T extends string>(
        value: unknown,
        path: string,
        what: string,
        allowed: readonly T[]
    ): T | null {
        if (value === undefined) {
            return null;
        }
        if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
            this.fail(
                path,
                'bad-value',
                `${what}: must be one of ${allowed.join(', ')}, got ${describe(value)}.`
            );
            return null;
        }
        return value as T;
    }
}

/** The path of a key or index under a path (`fit.title[1].points`). */
export function join(path: string, key: string | number): string {
    return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

export function ruleName(rule: Obj, kind: string, path: string): string {
    const label = typeof rule.label === 'string' && rule.label.trim() ? ` "${rule.label}"` : '';
    return `${kind}${label} (${path})`;
}

/** A list of rules: each an object with a unique id and a label, then `each` checks the rest. */
export function checkRules(
    c: Checker,
    value: unknown,
    path: string,
    kind: string,
    fields: { required: string[]; optional?: string[] },
    each: (rule: Obj, rulePath: string, name: string) => void,
    ids: Map<string, string>
): void {
    c.list(value, path, `${kind} rules`).forEach((raw, i) => {
        const rulePath = join(path, i);
        const rule = c.object(raw, rulePath, `${kind} rule`, fields.required, fields.optional);
        if (!rule) {
            return;
        }
        const name = ruleName(rule, kind, rulePath);
        const id = c.text(rule.id, join(rulePath, 'id'), `${name} id`);
        if (id) {
            const seen = ids.get(id);
            if (seen) {
                c.fail(
                    join(rulePath, 'id'),
                    'duplicate-id',
                    `${name}: id "${id}" is already used by ${seen}; ids must be unique.`
                );
            } else {
                ids.set(id, rulePath);
            }
        }
        c.text(rule.label, join(rulePath, 'label'), `${name} label`);
        each(rule, rulePath, name);
    });
}

export function checkPoints(
    c: Checker,
    rule: Obj,
    rulePath: string,
    name: string,
    max = POINTS_LIMIT,
    min = -POINTS_LIMIT
): void {
    c.number(rule.points, join(rulePath, 'points'), `${name} points`, min, max);
}

/** Ranges [min, max) must not overlap; `bands` must also cover 0 to infinity without gaps. */
export function checkRanges(
    c: Checker,
    ranges: RangeToCheck[],
    path: string,
    what: string,
    mustCover: boolean
): void {
    for (const r of ranges) {
        if (r.max !== null && r.max <= r.min) {
            c.fail(
                join(r.path, 'max'),
                'bad-number',
                `${r.name}: max (${r.max}) must be greater than min (${r.min}).`
            );
            return;
        }
    }
    const sorted = [...ranges].sort((a, b) => a.min - b.min);
    for (let i = 1; i < sorted.length; i++) {
        const prev = sorted[i - 1];
        const cur = sorted[i];
        if (prev.max === null || prev.max > cur.min) {
            c.fail(
                cur.path,
                'overlapping-ranges',
                `${what}: ${cur.name} overlaps ${prev.name} (${prev.min} to ${prev.max ?? '∞'} and ${cur.min} to ${cur.max ?? '∞'}).`
            );
        } else if (mustCover && prev.max < cur.min) {
            c.fail(
                cur.path,
                'band-gap',
                `${what}: nothing covers ${prev.max} to ${cur.min} between ${prev.name} and ${cur.name}.`
            );
        }
    }
    if (mustCover && sorted.length) {
        if (sorted[0].min > 0) {
            c.fail(
                path,
                'band-gap',
                `${what}: nothing covers 0 to ${sorted[0].min}; the lowest band must start at 0.`
            );
        }
        const last = sorted[sorted.length - 1];
        if (last.max !== null) {
            c.fail(
                path,
                'band-gap',
                `${what}: nothing covers ${last.max} and above; the highest band needs max null.`
            );
        }
    }
}
