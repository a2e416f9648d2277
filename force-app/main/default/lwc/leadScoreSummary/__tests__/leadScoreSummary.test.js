import LeadScoreSummary from 'c/leadScoreSummary';
import { flushPromises, mount, resetDom, textOf } from 'jest-utils/dom';

const scoredLead = require('./data/scoredLead.json');
const unscoredLead = require('./data/unscoredLead.json');

function createSummary(lead) {
    const element = mount('c-lead-score-summary', LeadScoreSummary, { lead });
    return element;
}

describe('c-lead-score-summary', () => {
    afterEach(resetDom);

    it('shows tier, grade, engagement, score, the change and the model version', async () => {
        const element = createSummary(scoredLead);
        await flushPromises();
        expect(textOf(element, 'tier')).toBe('Hot');
        expect(element.shadowRoot.querySelector('[data-id="tier"]').className).toContain(
            'slds-theme_error'
        );
        expect(element.shadowRoot.querySelector('[data-id="sales-ready"]')).not.toBeNull();
        expect(textOf(element, 'grade')).toBe('A');
        expect(textOf(element, 'engagement')).toBe('41.2');
        expect(textOf(element, 'score')).toBe('61');
        expect(textOf(element, 'summary')).toBe('Hot, sales-ready: fit A, high engagement.');
        expect(textOf(element, 'change')).toBe('Down 9 since the last score (was 70).');
        expect(textOf(element, 'scored-at')).toContain('model v3');
        await expect(element).toBeAccessible();
    });

    it('says "No change" when the score stayed the same', async () => {
        const element = createSummary({ ...scoredLead, previousScore: 61, previousTier: 'Warm' });
        await flushPromises();
        expect(textOf(element, 'change')).toBe(
            'No change since the last score (was 61, was Warm).'
        );
    });

    it('shows dashes and no summary for an unscored lead', async () => {
        const element = createSummary(unscoredLead);
        await flushPromises();
        expect(textOf(element, 'tier')).toBe('Not scored');
        expect(textOf(element, 'grade')).toBe('—');
        expect(textOf(element, 'score')).toBe('—');
        expect(element.shadowRoot.querySelector('[data-id="summary"]')).toBeNull();
        expect(element.shadowRoot.querySelector('[data-id="sales-ready"]')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
