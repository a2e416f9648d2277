import LeadScoreReasons from 'c/leadScoreReasons';
import { flushPromises, mount, resetDom, textOf } from 'jest-utils/dom';

const reasons = require('./data/reasons.json');

function createReasons(value) {
    const element = mount('c-lead-score-reasons', LeadScoreReasons, { reasons: value });
    return element;
}

describe('c-lead-score-reasons', () => {
    afterEach(resetDom);

    it('lists each stored reason with its points, the label when it has no text', async () => {
        const element = createReasons(JSON.stringify(reasons));
        await flushPromises();
        const items = [...element.shadowRoot.querySelectorAll('[data-id="reasons"] li')].map((li) =>
            [...li.querySelectorAll('span')].map((span) => span.textContent).join(' ')
        );
        expect(items).toEqual([
            '+20 Title "VP of Marketing" counts as VP title: +20 fit.',
            '-10 Free-mail address'
        ]);
        const points = element.shadowRoot.querySelectorAll('[data-id="reasons"] li span');
        expect(points[2].className).toContain('slds-text-color_error');
        await expect(element).toBeAccessible();
    });

    it('says so when no reasons were stored, or they cannot be read', async () => {
        for (const value of ['[]', 'not json', undefined]) {
            const element = createReasons(value);
            // eslint-disable-next-line no-await-in-loop
            await flushPromises();
            expect(textOf(element, 'no-reasons')).toBe('No reasons were recorded with this score.');
        }
    });
});
