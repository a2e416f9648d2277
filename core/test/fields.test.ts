import { describe, expect, it } from 'vitest';
import {
    FIT_FIELDS,
    LEAD_FIELDS,
    PREVIEW_READS,
    SCORE_FIELD_KEYS,
    READY_TO_RETURN_LEAD_KEYS,
    SCORING_LEAD_KEYS,
    SCORING_READS,
    errorsUnder,
    formValue,
    graphqlSelection,
    groupErrorsByRule,
    leadApiNames,
    valueAt,
    withValueAt
} from '../src/index';

describe('read lists', () => {
    it('derive the rescore read from the fit fields, the stored results and nurture readiness', () => {
        expect(SCORING_LEAD_KEYS).toEqual([
            'id',
            ...FIT_FIELDS,
            'createdDate',
            ...SCORE_FIELD_KEYS,
            ...READY_TO_RETURN_LEAD_KEYS
        ]);
        expect(SCORING_READS.Lead).toEqual(leadApiNames(SCORING_LEAD_KEYS));
        for (const field of FIT_FIELDS) {
            expect(SCORING_READS.Lead).toContain(LEAD_FIELDS[field]);
            expect(PREVIEW_READS.Lead).toContain(LEAD_FIELDS[field]);
        }
        expect(PREVIEW_READS.Lead).toContain('LL_Tier__c');
        expect(PREVIEW_READS.Lead).not.toContain('LL_Score_Reasons__c');
    });

    it('give a GraphQL selection with values, aliased custom fields and nested parents', () => {
        expect(
            graphqlSelection(['Id', 'Name', 'LL_Tier__c', 'Campaign.Name', 'Campaign.Type'])
        ).toBe(
            'Id Name { value } LL_Tier__c: LL_Tier__c { value } Campaign { Name { value } Type { value } }'
        );
    });

    it('refuse anything that is not an API name', () => {
        expect(() => graphqlSelection(['Name } evil { x'])).toThrow(
            'Not an API name: "Name } evil { x"'
        );
        expect(() => graphqlSelection(['Campaign.'])).toThrow('Not an API name');
    });
});

describe('model form helpers', () => {
    const model = {
        fit: { title: [{ label: 'VP', points: 20, types: ['Call'] }] },
        grades: { A: 65 }
    };

    it('read and replace values at a path without changing the original', () => {
        expect(valueAt(model, 'fit.title.0.points')).toBe(20);
        expect(valueAt(model, ['fit', 'missing', 'x'])).toBeUndefined();
        const next = withValueAt(model, 'grades.A', 70);
        expect(next.grades.A).toBe(70);
        expect(model.grades.A).toBe(65);
        expect(withValueAt(model, ['fit', 'title', 0, 'types'], undefined).fit.title[0]).toEqual({
            label: 'VP',
            points: 20
        });
        expect(withValueAt(model, 'nowhere.deep.x', 1)).toBe(model);
    });

    it('turn typed text into model values by kind', () => {
        expect(formValue('number', '12.5')).toBe(12.5);
        expect(formValue('number', 'lots')).toBe('lots');
        expect(formValue('number', '')).toBe('');
        expect(formValue('nullable-number', '')).toBeNull();
        expect(formValue('list', ' a, ,b ')).toEqual(['a', 'b']);
        expect(formValue('multi', ['x'])).toEqual(['x']);
        expect(formValue('multi', undefined)).toEqual([]);
        expect(formValue(undefined, 'Hot')).toBe('Hot');
    });

    it('place errors under their rule and group them by rule label', () => {
        const errors = [
            { path: 'fit.title[0].points', check: 'bad-number' as const, message: 'points' },
            { path: 'fit.title[10]', check: 'bad-number' as const, message: 'other rule' },
            { path: 'grades.B', check: 'bad-number' as const, message: 'grade' }
        ];
        expect(errorsUnder(errors, 'fit.title[0]')).toBe('points');
        expect(groupErrorsByRule(model, errors).map((g) => g.label)).toEqual([
            'VP (fit.title[0])',
            'fit.title[10]',
            'grades.B'
        ]);
    });
});
