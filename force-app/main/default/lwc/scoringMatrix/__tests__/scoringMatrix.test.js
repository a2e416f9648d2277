import { createElement } from '@lwc/engine-dom';
import ScoringMatrix from 'c/scoringMatrix';
import { DEFAULT_SCORING_MODEL } from 'c/leadLoopCore';
import { changeValue, flushPromises, resetDom, textOf } from 'jest-utils/dom';

const matrixErrors = require('./data/matrixErrors.json');

function createMatrix(errors = []) {
    const element = createElement('c-scoring-matrix', { is: ScoringMatrix });
    Object.assign(element, { model: DEFAULT_SCORING_MODEL, errors });
    const changes = [];
    element.addEventListener('modelchange', (event) => changes.push(event.detail));
    document.body.appendChild(element);
    return { element, changes };
}

describe('c-scoring-matrix', () => {
    afterEach(resetDom);

    it('shows a row per band and a cell per grade and band', async () => {
        const { element } = createMatrix();
        await flushPromises();
        const rows = element.shadowRoot.querySelectorAll('[data-id="band-row"]');
        expect(rows).toHaveLength(DEFAULT_SCORING_MODEL.bands.length);
        const high = DEFAULT_SCORING_MODEL.bands[0];
        expect(rows[0].querySelector('lightning-input').label).toBe(`${high.band} from`);
        const cell = element.shadowRoot.querySelector('[data-path="matrix.A.High"]');
        expect(cell.value).toBe(DEFAULT_SCORING_MODEL.matrix.A.High);
        expect(cell.label).toBe('Grade A, High engagement');
        expect(element.shadowRoot.querySelectorAll('lightning-combobox')).toHaveLength(16);
        expect(element.shadowRoot.querySelector('[data-id="matrix-error"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('sends bands, cells and sales-ready tiers up as model changes', async () => {
        const { element, changes } = createMatrix();
        await flushPromises();
        changeValue(element.shadowRoot.querySelector('[data-path="bands.1.max"]'), '');
        changeValue(element.shadowRoot.querySelector('[data-path="bands.1.min"]'), '20');
        changeValue(element.shadowRoot.querySelector('[data-path="matrix.D.High"]'), 'Warm');
        changeValue(element.shadowRoot.querySelector('[data-path="salesReadyTiers"]'), ['Hot']);
        expect(changes).toEqual([
            { path: 'bands.1.max', value: null },
            { path: 'bands.1.min', value: 20 },
            { path: 'matrix.D.High', value: 'Warm' },
            { path: 'salesReadyTiers', value: ['Hot'] }
        ]);
    });

    it('shows band, matrix and sales-ready errors where they belong', async () => {
        const { element } = createMatrix(matrixErrors);
        await flushPromises();
        const rows = element.shadowRoot.querySelectorAll('[data-id="band-row"]');
        expect(rows[1].textContent).toContain('overlaps band "Medium"');
        expect(textOf(element, 'bands-error')).toBe(matrixErrors[1].message);
        expect(textOf(element, 'matrix-error')).toBe(
            `${matrixErrors[2].message} ${matrixErrors[3].message}`
        );
        await expect(element).toBeAccessible();
    });
});
