import HygieneCheckList from 'c/hygieneCheckList';
import { flushPromises, mount, queryAllDeep } from 'jest-utils/dom';

const checks = require('./data/checks.json');

describe('c-hygiene-check-list', () => {
    it('shows each check with severity, count and explanation, and sends the chosen one up', async () => {
        const element = mount('c-hygiene-check-list', HygieneCheckList, { checks });
        const handler = jest.fn();
        element.addEventListener('select', handler);
        const items = queryAllDeep(element, 'li[data-check-id]');
        expect(items.map((li) => li.dataset.checkId)).toEqual(['owner-inactive', 'dead-no-touch']);
        expect(items[0].textContent).toContain('2 leads');
        expect(items[0].textContent).toContain('The lead belongs to a rep who left.');
        expect(items[0].querySelector('lightning-badge').label).toBe('high');
        const buttons = queryAllDeep(element, 'lightning-button');
        expect(buttons[1].disabled).toBe(true); // nothing to show
        buttons[0].click();
        await flushPromises();
        expect(handler.mock.calls[0][0].detail).toEqual({ checkId: 'owner-inactive' });
        await expect(element).toBeAccessible();
    });
});
