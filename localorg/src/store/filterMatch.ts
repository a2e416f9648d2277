/**
 * One filter comparison on plain values, as the in-memory source and the
 * local org's HAVING evaluate them (SQLite evaluates the same operators for
 * stored records).
 */
import type { Filter, FilterOp } from './source';

/** Whether value `v` passes `op` against the filter's value `x` (NULL compares as SQL does). */
export function valueMatches(op: FilterOp, v: unknown, x: unknown): boolean {
    const cmp = (a: unknown, b: unknown) =>
        a === null || b === null ? NaN : a! < b! ? -1 : a! > b! ? 1 : 0;
    switch (op) {
        case 'eq':
            return x === null ? v === null : v === x;
        case 'ne':
            return x === null ? v !== null : v !== x;
        case 'gt':
            return cmp(v, x) > 0;
        case 'gte':
            return cmp(v, x) >= 0;
        case 'lt':
            return cmp(v, x) < 0;
        case 'lte':
            return cmp(v, x) <= 0;
        case 'in':
            return (x as unknown[]).includes(v);
        case 'nin':
            return !(x as unknown[]).includes(v);
        case 'like': {
            const re = new RegExp(
                `^${String(x)
                    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
                    .replace(/%/g, '.*')
                    .replace(/_/g, '.')}$`,
                'is'
            );
            return v !== null && re.test(String(v));
        }
        case 'includes':
        case 'excludes': {
            const have = String(v ?? '').split(';');
            const any = (x as unknown[]).some((w) =>
                String(w)
                    .split(';')
                    .every((p) => have.includes(p))
            );
            return op === 'includes' ? any : !any;
        }
    }
}

/** Whether a row passes a filter of plain comparisons; `get` reads a field of the row. */
export function rowMatches(f: Filter, get: (field: string) => unknown): boolean {
    if ('and' in f) return f.and.every((x) => rowMatches(x, get));
    if ('or' in f) return f.or.some((x) => rowMatches(x, get));
    if ('not' in f) return !rowMatches(f.not, get);
    if ('select' in f) throw new Error('A sub-select cannot be evaluated on a row.');
    return valueMatches(f.op, get(f.field), f.value);
}
