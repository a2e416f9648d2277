import ScoringModelPreview from 'c/scoringModelPreview';
import { graphql } from 'lightning/graphql';
import { DEFAULT_SCORING_MODEL } from 'c/leadLoopCore';
import { atFixedTime, flushPromises, mount, textOf } from 'jest-utils/dom';

const onePage = require('./data/onePage.json');

const NOW = new Date('2026-11-22T12:00:00.000Z');

function createPreview(model) {
    const element = mount('c-scoring-model-preview', ScoringModelPreview, { model });
    return element;
}

function button(element) {
    return element.shadowRoot.querySelector('[data-id="preview"]');
}

describe('c-scoring-model-preview', () => {
    atFixedTime(NOW);

    it('waits for a valid model and reads nothing until asked', async () => {
        const element = createPreview(null);
        await flushPromises();
        expect(button(element).disabled).toBe(true);
        expect(button(element).label).toBe('Preview over current leads');
        expect(graphql.getLastConfig()?.query).toBeFalsy();
        element.model = DEFAULT_SCORING_MODEL;
        await flushPromises();
        expect(button(element).disabled).toBe(false);
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('reads the leads, shows the distribution and follows the model', async () => {
        const element = createPreview(DEFAULT_SCORING_MODEL);
        await flushPromises();
        button(element).click();
        await flushPromises();
        expect(graphql.getLastConfig().variables).toEqual({
            leadAfter: null,
            taskAfter: null,
            eventAfter: null,
            memberAfter: null,
            pageSize: 2000,
            upperBound: 10000
        });
        expect(button(element).disabled).toBe(true);

        graphql.emit(onePage);
        await flushPromises();
        expect(textOf(element, 'preview-summary')).toMatch(/^2 leads: Hot 1 \(50%\)/);
        expect(textOf(element, 'preview-changed')).toBe(
            '1 of 2 leads would change tier (1 not scored yet).'
        );
        expect(textOf(element, 'preview-transitions')).toBe('none→Hot: 1');
        expect(button(element).label).toBe('Reload preview');

        // A stricter model: the VP lead is no longer Hot, without reading again.
        const strict = JSON.parse(JSON.stringify(DEFAULT_SCORING_MODEL));
        strict.grades = { A: 99, B: 98, C: 97 };
        element.model = strict;
        await flushPromises();
        expect(textOf(element, 'preview-summary')).toMatch(/^2 leads: Hot 0/);

        element.model = null;
        await flushPromises();
        expect(textOf(element, 'preview-stale')).toBe('Fix the model to see the preview.');
        expect(element.shadowRoot.querySelector('[data-id="preview-summary"]')).toBeNull();
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('shows errors reading the leads and lets the user try again', async () => {
        const element = createPreview(DEFAULT_SCORING_MODEL);
        await flushPromises();
        button(element).click();
        await flushPromises();
        graphql.emitErrors([{ message: 'Request limit exceeded' }]);
        await flushPromises();
        expect(textOf(element, 'preview-errors')).toBe('Request limit exceeded');
        expect(button(element).disabled).toBe(false);
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });
});
