import HygieneFixPreview from 'c/hygieneFixPreview';
import { mount, queryAllDeep, queryDeep, textOf } from 'jest-utils/dom';

const plan = require('./data/plan.json');

describe('c-hygiene-fix-preview', () => {
    it('shows every change from → to and the leads left alone, then sends apply', async () => {
        const element = mount('c-hygiene-fix-preview', HygieneFixPreview, { plan });
        const handler = jest.fn();
        element.addEventListener('apply', handler);
        expect(textOf(element, 'preview-summary')).toBe('1 lead will change.');
        expect(queryAllDeep(element, 'td').map((td) => td.textContent)).toEqual([
            'Pat Left (Acme)',
            'Status',
            'Working',
            'Closed - Not Converted'
        ]);
        expect(textOf(element, 'preview-skipped')).toContain(
            'Pat Done (Acme): the lead is already closed'
        );
        queryDeep(element, '[data-id="apply"]').click();
        expect(handler).toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it('has nothing to apply when no lead changes', () => {
        const element = mount('c-hygiene-fix-preview', HygieneFixPreview, {
            plan: { ...plan, changes: [] }
        });
        expect(queryDeep(element, '[data-id="apply"]').disabled).toBe(true);
    });
});
