import ScoringValidationSummary from 'c/scoringValidationSummary';
import { DEFAULT_SCORING_MODEL } from 'c/leadLoopCore';
import { flushPromises, mount, resetDom, textOf } from 'jest-utils/dom';

const errors = require('./data/errors.json');

function createSummary(props) {
    const element = mount('c-scoring-validation-summary', ScoringValidationSummary, props);
    return element;
}

describe('c-scoring-validation-summary', () => {
    afterEach(resetDom);

    it('says the model is valid when there are no errors', async () => {
        const element = createSummary({ model: DEFAULT_SCORING_MODEL, errors: [] });
        await flushPromises();
        expect(textOf(element, 'validation-text')).toBe('The model is valid.');
        expect(element.shadowRoot.querySelector('[data-id="error-group"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('counts the problems and groups them by rule, named by the rule label', async () => {
        const element = createSummary({ model: DEFAULT_SCORING_MODEL, errors });
        await flushPromises();
        expect(textOf(element, 'validation-text')).toBe(
            '3 problems to fix before saving or activating.'
        );
        const groups = [...element.shadowRoot.querySelectorAll('[data-id="error-group"]')].map(
            (g) => [
                g.querySelector('p').textContent,
                [...g.querySelectorAll('li')].map((li) => li.textContent)
            ]
        );
        expect(groups).toEqual([
            ['VP title (fit.title[0])', [errors[0].message, errors[1].message]],
            ['grades.B', [errors[2].message]]
        ]);
        await expect(element).toBeAccessible();
    });

    it('says "1 problem" for one', async () => {
        const element = createSummary({ model: {}, errors: errors.slice(2) });
        await flushPromises();
        expect(textOf(element, 'validation-text')).toBe(
            '1 problem to fix before saving or activating.'
        );
    });
});
