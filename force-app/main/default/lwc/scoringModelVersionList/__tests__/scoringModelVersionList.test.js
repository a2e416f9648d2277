import ScoringModelVersionList from 'c/scoringModelVersionList';
import { flushPromises, mount, resetDom, textOf } from 'jest-utils/dom';

const twoActive = require('./data/twoActive.json');

function createList(props) {
    const element = mount('c-scoring-model-version-list', ScoringModelVersionList, props);
    return element;
}

function table(element) {
    return element.shadowRoot.querySelector('[data-id="versions"]');
}

describe('c-scoring-model-version-list', () => {
    afterEach(resetDom);

    it('lists the versions and names the problems across them', async () => {
        const element = createList({ versions: twoActive, loaded: true });
        await flushPromises();
        expect(table(element).data).toEqual([
            {
                id: 'a00000000000002AAA',
                version: 2,
                name: 'Lead Loop v2',
                status: 'Active',
                activatedAt: '2026-02-01T00:00:00.000Z',
                description: 'Looser grades'
            },
            {
                id: 'a00000000000001AAA',
                version: 1,
                name: 'Lead Loop v1',
                status: 'Active',
                activatedAt: '2026-01-01T00:00:00.000Z',
                description: null
            }
        ]);
        expect(textOf(element, 'version-problems')).toBe(
            '2 scoring model versions are Active (v2, v1); exactly one must be. Activate one to retire the others.'
        );
        expect(element.shadowRoot.querySelector('[data-id="no-versions"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('sends open and activate up with the version id', async () => {
        const element = createList({ versions: twoActive, loaded: true });
        const opened = jest.fn();
        const activated = jest.fn();
        element.addEventListener('open', (e) => opened(e.detail));
        element.addEventListener('activate', (e) => activated(e.detail));
        await flushPromises();
        for (const name of ['open', 'activate', 'delete']) {
            table(element).dispatchEvent(
                new CustomEvent('rowaction', {
                    detail: { action: { name }, row: { id: 'a00000000000001AAA' } }
                })
            );
        }
        expect(opened).toHaveBeenCalledWith({ id: 'a00000000000001AAA' });
        expect(activated).toHaveBeenCalledWith({ id: 'a00000000000001AAA' });
        expect(opened).toHaveBeenCalledTimes(1);
    });

    it('offers the default model once loaded with no versions, not while loading', async () => {
        const element = createList({ versions: [], loaded: false });
        await flushPromises();
        expect(element.shadowRoot.querySelector('[data-id="no-versions"]')).toBeNull();
        element.loaded = true;
        await flushPromises();
        expect(textOf(element, 'no-versions')).toContain('built-in default model');
        expect(table(element)).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows errors reading the versions', async () => {
        const element = createList({
            versions: [],
            loaded: false,
            errors: [{ message: 'No access to LL_Scoring_Model__c' }]
        });
        await flushPromises();
        expect(textOf(element, 'version-errors')).toBe('No access to LL_Scoring_Model__c');
        await expect(element).toBeAccessible();
    });
});
