/**
 * Editing a scoring model in a form: turning what was typed into model values, reading
 * and replacing a value at a path, and placing validation errors next to the rule they
 * belong to. Shared by the editor's components so each part reads the draft the same way.
 */
import type { ModelError } from './validate';

/** A path into a definition, as `fit.title.0.points` or `['fit', 'title', 0, 'points']`. */
export type ModelPath = string | readonly (string | number)[];

function keysOf(path: ModelPath): string[] {
    return (typeof path === 'string' ? path.split('.') : path.map(String)).filter((k) => k !== '');
}

/** The value at `path`, or undefined when any step is missing. */
export function valueAt(object: unknown, path: ModelPath): unknown {
    let o: unknown = object;
    for (const key of keysOf(path)) {
        if (o === null || typeof o !== 'object') {
            return undefined;
        }
        o = (o as Record<string, unknown>)[key];
    }
    return o;
}

/**
 * A deep copy of `object` with `value` at `path` (`undefined` removes the key). When a step
 * does not exist (a broken definition), the object is returned unchanged: validation names it.
 */
export function withValueAt<T>(object: T, path: ModelPath, value: unknown): T {
    const keys = keysOf(path);
    const copy = JSON.parse(JSON.stringify(object ?? {})) as T;
    if (!keys.length) {
        return copy;
    }
    const parent = valueAt(copy, keys.slice(0, -1));
    if (parent === null || typeof parent !== 'object') {
        return object;
    }
    const last = keys[keys.length - 1];
    if (value === undefined) {
        if (Array.isArray(parent)) {
            parent.splice(Number(last), 1);
        } else {
            delete (parent as Record<string, unknown>)[last];
        }
    } else {
        (parent as Record<string, unknown>)[last] = JSON.parse(JSON.stringify(value));
    }
    return copy;
}

/** A number typed into a form: '' → null when allowed; anything unparsable stays as typed, so validation names it. */
export function parseNumberInput(raw: unknown, nullable: boolean): unknown {
    if (raw === '' || raw === null || raw === undefined) {
        return nullable ? null : raw;
    }
    const n = Number(raw);
    return Number.isFinite(n) ? n : raw;
}

/** A comma-separated list typed into a form, trimmed, without empty items. */
export function parseListInput(raw: unknown): string[] {
    return String(raw ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
}

/** How a form input's text becomes a model value (`data-kind` on the input). */
export type InputKind = 'number' | 'nullable-number' | 'list' | 'multi' | 'text';

/** The model value for what was typed or chosen in an input of this kind. */
export function formValue(kind: string | undefined, raw: unknown): unknown {
    switch (kind) {
        case 'number':
            return parseNumberInput(raw, false);
        case 'nullable-number':
            return parseNumberInput(raw, true);
        case 'list':
            return parseListInput(raw);
        case 'multi':
            return Array.isArray(raw) ? [...raw] : [];
        default:
            return raw;
    }
}

/** The messages of errors at `prefix` or under it (`fit.title[0]` covers `fit.title[0].points`). */
export function errorsUnder(errors: readonly ModelError[] | undefined, prefix: string): string {
    return (errors ?? [])
        .filter(
            (e) =>
                e.path === prefix ||
                e.path.startsWith(`${prefix}.`) ||
                e.path.startsWith(`${prefix}[`)
        )
        .map((e) => e.message)
        .join(' ');
}

/** The rule a validation error belongs to, e.g. `fit.title[0]` or `bands`. */
function ruleKeyOf(path: string): string {
    const indexed = /^([A-Za-z.]+\[\d+\])/.exec(path);
    if (indexed) {
        return indexed[1];
    }
    return path.split('.').slice(0, 2).join('.') || 'definition';
}

export interface ValidationGroup {
    key: string;
    /** The rule's label and key (`VP title (fit.title[0])`), or the key alone. */
    label: string;
    errors: { key: string; message: string }[];
}

/** Validation errors grouped by the rule they belong to, in the order found. */
export function groupErrorsByRule(
    definition: unknown,
    errors: readonly ModelError[]
): ValidationGroup[] {
    const groups = new Map<string, ValidationGroup>();
    for (const error of errors) {
        const key = ruleKeyOf(error.path);
        let group = groups.get(key);
        if (!group) {
            const rule = valueAt(definition, key.replace(/\[(\d+)\]/g, '.$1'));
            const ruleLabel =
                rule && typeof rule === 'object' ? (rule as { label?: unknown }).label : undefined;
            group = {
                key,
                label: typeof ruleLabel === 'string' ? `${ruleLabel} (${key})` : key,
                errors: []
            };
            groups.set(key, group);
        }
        group.errors.push({
            key: `${error.path}|${error.check}|${error.message}`,
            message: error.message
        });
    }
    return [...groups.values()];
}
