/**
 * The display value the platform gives a field's value (GraphQL's and the UI API's
 * `displayValue`): a picklist's label, dates and datetimes in the user's locale (en-US, UTC
 * here), currency formatted; null where the platform gives none.
 */
import type { FieldInfo } from './source';

export function displayValue(field: FieldInfo, value: unknown): string | null {
    if (value === null || value === undefined) return null;
    if (field.kind === 'picklist')
        return field.picklistValues?.find((p) => p.value === value)?.label ?? String(value);
    if (field.kind === 'boolean' || field.kind === 'id' || field.kind === 'reference') return null;
    if (field.kind === 'date' && typeof value === 'string') {
        const d = new Date(`${value}T00:00:00Z`);
        return Number.isNaN(d.getTime())
            ? String(value)
            : d.toLocaleDateString('en-US', { timeZone: 'UTC' });
    }
    if (field.kind === 'datetime' && typeof value === 'string') {
        const d = new Date(value);
        return Number.isNaN(d.getTime())
            ? String(value)
            : d.toLocaleString('en-US', { timeZone: 'UTC' });
    }
    if (field.kind === 'currency' && typeof value === 'number') {
        return value.toLocaleString('en-US', { style: 'currency', currency: 'USD' });
    }
    return null;
}
