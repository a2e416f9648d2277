import HygieneFixResults from 'c/hygieneFixResults';
import { mount, queryAllDeep, queryDeep, textOf } from 'jest-utils/dom';

const outcomes = require('./data/outcomes.json');

describe('c-hygiene-fix-results', () => {
    it('shows the result per lead with the reason, and sends undo', async () => {
        const element = mount('c-hygiene-fix-results', HygieneFixResults, {
            outcomes,
            title: 'Fix results',
            canUndo: true
        });
        const handler = jest.fn();
        element.addEventListener('undo', handler);
        expect(textOf(element, 'results-summary')).toBe('1 applied, 1 skipped, 1 failed.');
        const rows = queryAllDeep(element, 'tbody tr').map((tr) =>
            [...tr.querySelectorAll('td')].map((td) => td.textContent)
        );
        expect(rows[1]).toEqual([
            'Pat Orphan (Acme)',
            'Skipped',
            'changed by someone else since the preview'
        ]);
        queryDeep(element, '[data-id="undo"]').click();
        expect(handler).toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it('offers no undo when nothing was applied', () => {
        const element = mount('c-hygiene-fix-results', HygieneFixResults, {
            outcomes: outcomes.slice(1),
            canUndo: true
        });
        expect(queryDeep(element, '[data-id="undo"]').disabled).toBe(true);
    });
});
