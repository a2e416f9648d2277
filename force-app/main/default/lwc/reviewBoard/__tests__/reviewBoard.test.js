import ReviewBoard from 'c/reviewBoard';
import { graphql } from 'lightning/graphql';
import { updateRecord } from 'lightning/uiRecordApi';
import { atFixedTime, flushPromises, mount, queryAllDeep, queryDeep, textOf } from 'jest-utils/dom';

const onePage = require('./data/boardPage.json');
const page1 = require('./data/boardPage1of2.json');
const page2 = require('./data/boardPage2of2.json');

const NOW = new Date('2026-11-20T10:00:00.000Z');
const LEAD1 = '00Q000000000001AAA';

async function loadedBoard() {
    const element = mount('c-review-board', ReviewBoard);
    await flushPromises();
    graphql.emit(onePage);
    await flushPromises();
    return element;
}

const laneTexts = (element) =>
    queryAllDeep(element, '[data-id="lane"]').map((lane) => lane.dataset.key);

const cardNames = (element) =>
    queryAllDeep(element, '[data-id="card-name"]').map((n) => n.textContent);

function filters(element) {
    return element.shadowRoot.querySelector('c-review-board-filters');
}

describe('c-review-board', () => {
    atFixedTime(NOW);

    it('reads 2,000 leads a round trip, page by page, then shows lanes per rep', async () => {
        const element = mount('c-review-board', ReviewBoard);
        await flushPromises();
        expect(graphql.getLastConfig().variables).toEqual({
            leadAfter: null,
            entryAfter: null,
            pageSize: 2000,
            upperBound: 20000
        });
        expect(textOf(element, 'board-loading')).toBe('Reading leads…');
        graphql.emit(page1);
        await flushPromises();
        expect(graphql.getLastConfig().variables).toEqual({
            leadAfter: 'L2',
            entryAfter: null,
            pageSize: 2000,
            upperBound: 20000
        });
        graphql.emit(page2);
        await flushPromises();
        expect(textOf(element, 'board-count')).toBe('4 open leads');
        expect(laneTexts(element)).toEqual(['005000000000001AAA', '005000000000002AAA']);
        expect(cardNames(element)).toEqual(['Lee Lead1', 'Lee Lead2', 'Lee Lead3', 'Lee Lead4']);
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('shows on each card the tier, touch, next step (overdue), flags and changes', async () => {
        const element = await loadedBoard();
        const [first, second, third] = queryAllDeep(element, 'c-review-board-card');
        expect(textOf(first, 'card-tier')).toBe('Hot · 82');
        expect(textOf(first, 'card-touch')).toBe('Last touch 2 days ago');
        expect(textOf(first, 'card-next-step')).toBe(
            'Next: Send pricing · due 2026-11-18 (Overdue by 2 days)'
        );
        expect(textOf(first, 'card-changes')).toBe('New since the last review');
        expect(textOf(second, 'card-touch')).toBe('Never touched (19 days old)');
        expect(textOf(second, 'card-flags')).toBe('Untouched past the follow-up SLA');
        expect(textOf(third, 'card-changes')).toBe(
            'Tier down: Hot → Warm Status moved: Working → Qualified Touched since the last review'
        );
    });

    it('switches to status lanes and filters by team, tier and overdue', async () => {
        const element = await loadedBoard();
        filters(element).dispatchEvent(
            new CustomEvent('filterchange', { detail: { laneBy: 'status' } })
        );
        await flushPromises();
        expect(laneTexts(element).slice(0, 5)).toEqual([
            'Open - Not Contacted',
            'New',
            'Working - Contacted',
            'Working',
            'Qualified'
        ]);
        filters(element).dispatchEvent(
            new CustomEvent('filterchange', { detail: { tier: 'Hot' } })
        );
        await flushPromises();
        expect(cardNames(element)).toEqual(['Lee Lead1']);
        expect(textOf(element, 'board-count')).toBe('1 open leads (3 hidden by filters)');
        filters(element).dispatchEvent(
            new CustomEvent('filterchange', {
                detail: { tier: '', teamId: '005000000000000MGR', overdueOnly: true }
            })
        );
        await flushPromises();
        expect(cardNames(element)).toEqual(['Lee Lead1']);
    });

    it('moves a card with its keyboard menu, conditionally on the lead not having changed', async () => {
        updateRecord.mockResolvedValueOnce({ lastModifiedDate: '2026-11-20T10:00:01.000Z' });
        const element = await loadedBoard();
        filters(element).dispatchEvent(
            new CustomEvent('filterchange', { detail: { laneBy: 'status' } })
        );
        await flushPromises();
        const menu = queryDeep(element, '[data-id="move-menu"]');
        expect(menu.alternativeText).toBe('Move Lee Lead2 to another status');
        menu.dispatchEvent(new CustomEvent('select', { detail: { value: 'Working' } }));
        await flushPromises();
        expect(updateRecord).toHaveBeenCalledWith(
            { fields: { Id: '00Q000000000002AAA', Status: 'Working' } },
            { ifUnmodifiedSince: '2026-11-19T09:00:00.000Z' }
        );
        const working = queryAllDeep(element, 'c-review-board-lane').find(
            (l) => l.lane.key === 'Working'
        );
        expect(queryAllDeep(working, '[data-id="card-name"]').map((n) => n.textContent)).toContain(
            'Lee Lead2'
        );
        expect(textOf(element, 'move-message')).toBe('Lee Lead2 moved to Working.');
    });

    it('moves a card dropped on another status lane', async () => {
        updateRecord.mockResolvedValueOnce({});
        const element = await loadedBoard();
        filters(element).dispatchEvent(
            new CustomEvent('filterchange', { detail: { laneBy: 'status' } })
        );
        await flushPromises();
        const qualified = queryAllDeep(element, '[data-id="lane"]').find(
            (l) => l.dataset.key === 'Qualified'
        );
        const drop = new CustomEvent('drop', { cancelable: true });
        drop.dataTransfer = { getData: () => LEAD1 };
        qualified.dispatchEvent(drop);
        await flushPromises();
        expect(updateRecord.mock.calls[0][0]).toEqual({
            fields: { Id: LEAD1, Status: 'Qualified' }
        });
    });

    it('says so when someone else changed the lead, and moves nothing', async () => {
        updateRecord.mockRejectedValueOnce({
            status: 412,
            body: [{ errorCode: 'PRECONDITION_FAILED', message: 'changed' }]
        });
        const element = await loadedBoard();
        queryDeep(element, '[data-id="move-menu"]').dispatchEvent(
            new CustomEvent('select', { detail: { value: 'Qualified' } })
        );
        await flushPromises();
        expect(textOf(element, 'move-errors')).toContain(
            'Lee Lead1 was changed by someone else after the board loaded, so it was not moved.'
        );
        expect(textOf(queryAllDeep(element, 'c-review-board-card')[0], 'card-tier')).toBe(
            'Hot · 82'
        );
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('shows read errors in the error panel', async () => {
        const element = mount('c-review-board', ReviewBoard);
        await flushPromises();
        graphql.emitErrors([{ message: 'No access to LL_Review_Entry__c' }]);
        await flushPromises();
        expect(textOf(element, 'board-errors')).toContain('No access to LL_Review_Entry__c');
    });

    it('moves the focus between cards and lanes with the arrow keys; one card is the tab stop', async () => {
        const element = await loadedBoard();
        const cardsNow = () => queryAllDeep(element, 'c-review-board-card');
        const article = (name) =>
            cardsNow()
                .find((c) => c.card.name === name)
                .shadowRoot.querySelector('[data-id="card"]');
        const press = async (name, key) => {
            article(name).dispatchEvent(new KeyboardEvent('keydown', { key, cancelable: true }));
            await flushPromises();
        };
        const focused = () => {
            const lane = queryAllDeep(element, 'c-review-board-lane').find(
                (l) => l.shadowRoot.activeElement
            );
            return lane?.shadowRoot.activeElement.card.name;
        };
        const tabStops = () =>
            cardsNow()
                .filter((c) => c.shadowRoot.querySelector('[tabindex="0"]'))
                .map((c) => c.card.name);
        expect(tabStops()).toEqual(['Lee Lead1']);
        article('Lee Lead1').focus();
        await press('Lee Lead1', 'ArrowDown');
        expect(focused()).toBe('Lee Lead2');
        expect(tabStops()).toEqual(['Lee Lead2']);
        await press('Lee Lead2', 'ArrowRight');
        expect(focused()).toBe('Lee Lead4');
        await press('Lee Lead4', 'Home');
        expect(focused()).toBe('Lee Lead3');
        await press('Lee Lead3', 'ArrowLeft');
        expect(focused()).toBe('Lee Lead1');
        await press('Lee Lead1', 'ArrowLeft'); // no lane that way: stays
        expect(focused()).toBe('Lee Lead1');
        expect(article('Lee Lead1').getAttribute('aria-label')).toBe(
            'Lee Lead1, Company 1, 1 of 2 in Ana Ruiz'
        );
        expect(textOf(element, 'board-keys')).toMatch(/^Keyboard: Tab reaches the cards/);
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('keeps the focus on a card moved from the keyboard, in its new lane', async () => {
        updateRecord.mockResolvedValueOnce({ lastModifiedDate: '2026-11-20T10:00:01.000Z' });
        const element = await loadedBoard();
        filters(element).dispatchEvent(
            new CustomEvent('filterchange', { detail: { laneBy: 'status' } })
        );
        await flushPromises();
        const card = queryAllDeep(element, 'c-review-board-card').find(
            (c) => c.card.name === 'Lee Lead2'
        );
        card.shadowRoot.querySelector('[data-id="card"]').focus();
        card.shadowRoot
            .querySelector('[data-id="move-menu"]')
            .dispatchEvent(new CustomEvent('select', { detail: { value: 'Working' } }));
        await flushPromises();
        const working = queryAllDeep(element, 'c-review-board-lane').find(
            (l) => l.lane.key === 'Working'
        );
        expect(working.shadowRoot.activeElement.card.name).toBe('Lee Lead2');
    });
});
