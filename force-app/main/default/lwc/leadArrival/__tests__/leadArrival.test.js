import LeadArrival from 'c/leadArrival';
import { flushPromises, mount, resetDom, textOf } from 'jest-utils/dom';

const history = require('./data/history.json');

function createArrival(props) {
    const element = mount('c-lead-arrival', LeadArrival, props);
    return element;
}

function rows(element, dataId) {
    return [...element.shadowRoot.querySelectorAll(`[data-id="${dataId}"] li`)].map((li) =>
        li.textContent.replace(/\s+/g, ' ').trim()
    );
}

describe('c-lead-arrival', () => {
    afterEach(resetDom);

    it('shows the source, the campaigns and what the lead did, newest first, undated last', async () => {
        const element = createArrival({ leadSource: 'Web', ...history });
        await flushPromises();
        expect(textOf(element, 'lead-source')).toBe('Web');
        expect(rows(element, 'campaigns')).toEqual([
            'Autumn Webinar · Responded',
            'Campaign · Member'
        ]);
        expect(rows(element, 'timeline')).toEqual([
            '2026-11-18Meeting: Product demo',
            '2026-11-02Call: Intro call',
            '2026-10-01Campaign response: Autumn Webinar',
            'Task: (no subject)'
        ]);
        await expect(element).toBeAccessible();
    });

    it('says when nothing is known yet', async () => {
        const element = createArrival({ leadSource: null, activities: [], campaignMembers: [] });
        await flushPromises();
        expect(textOf(element, 'lead-source')).toBe('Unknown');
        expect(textOf(element, 'no-campaigns')).toBe('Not a member of any campaign.');
        expect(textOf(element, 'no-activity')).toBe('No activities or campaign responses yet.');
        await expect(element).toBeAccessible();
    });
});
