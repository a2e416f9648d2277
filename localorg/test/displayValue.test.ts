import { describe, expect, it } from 'vitest';
import { displayValue } from '../src/store/displayValue';
import type { FieldInfo } from '../src/store/source';

const field = (kind: FieldInfo['kind'], extra: Partial<FieldInfo> = {}) =>
    ({ name: 'F', label: 'F', kind, ...extra }) as FieldInfo;

describe('displayValue (GraphQL and the UI API share it)', () => {
    it('gives picklist labels, formatted dates and currency, and none for ids and booleans', () => {
        const status = field('picklist', {
            picklistValues: [{ value: 'Working', label: 'Working on it' }]
        } as Partial<FieldInfo>);
        expect(displayValue(status, 'Working')).toBe('Working on it');
        expect(displayValue(field('date'), '2026-02-03')).toBe('2/3/2026');
        expect(displayValue(field('currency'), 1500)).toBe('$1,500.00');
        expect(displayValue(field('boolean'), true)).toBeNull();
        expect(displayValue(field('reference'), '00Q000000000001AAA')).toBeNull();
        expect(displayValue(field('string'), null)).toBeNull();
    });
});
