import ReviewBoardFilters from 'c/reviewBoardFilters';
import { mount, resetDom } from 'jest-utils/dom';

const PROPS = {
    laneBy: 'rep',
    filters: { teamId: '', tier: '', flag: '', overdueOnly: false },
    teamOptions: [{ label: 'All reps', value: '' }],
    tierOptions: [{ label: 'Any tier', value: '' }],
    flagOptions: [{ label: 'Any or no flag', value: '' }]
};

describe('c-review-board-filters', () => {
    afterEach(resetDom);

    it('shows every filter with a label', async () => {
        const element = mount('c-review-board-filters', ReviewBoardFilters, PROPS);
        const labels = [...element.shadowRoot.querySelectorAll('[data-filter]')].map(
            (e) => e.label
        );
        expect(labels).toEqual(['Lanes', 'Team', 'Tier', 'Hygiene flag', 'Overdue next step only']);
        await expect(element).toBeAccessible();
    });

    it('sends each change up as a filterchange', () => {
        const element = mount('c-review-board-filters', ReviewBoardFilters, PROPS);
        const changes = jest.fn();
        element.addEventListener('filterchange', changes);
        const field = (name) => element.shadowRoot.querySelector(`[data-filter="${name}"]`);
        field('laneBy').dispatchEvent(new CustomEvent('change', { detail: { value: 'status' } }));
        field('tier').dispatchEvent(new CustomEvent('change', { detail: { value: 'Hot' } }));
        const overdue = field('overdueOnly');
        overdue.checked = true;
        overdue.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
        expect(changes.mock.calls.map((c) => c[0].detail)).toEqual([
            { laneBy: 'status' },
            { tier: 'Hot' },
            { overdueOnly: true }
        ]);
    });
});
