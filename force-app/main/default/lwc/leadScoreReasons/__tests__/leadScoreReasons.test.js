import { createElement } from '@lwc/engine-dom';
import LeadScoreReasons from 'c/leadScoreReasons';
import { flushPromises, textOf } from 'jest-utils/dom';

const reasons = require('./data/reasons.json');

function createReasons(value) {
    const element = createElement('c-lead-score-reasons', { is: LeadScoreReasons });
    element.reasons = value;
    document.body.appendChild(element);
    return element;
}

describe('c-lead-score-reasons', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

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
