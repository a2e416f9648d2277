import ReviewBoardLane from 'c/reviewBoardLane';
import { flushPromises, mount, resetDom, textOf } from 'jest-utils/dom';

const cards = require('../../reviewBoardCard/__tests__/data/cards.json');
const lane = { key: 'Working', label: 'Working', cards: [cards.overdue] };

function drop(element, leadId) {
    const event = new CustomEvent('drop', { cancelable: true });
    event.dataTransfer = { getData: () => leadId };
    element.shadowRoot.querySelector('[data-id="lane"]').dispatchEvent(event);
}

describe('c-review-board-lane', () => {
    afterEach(resetDom);

    it('shows its heading with the count and its cards', async () => {
        const element = mount('c-review-board-lane', ReviewBoardLane, { lane, statuses: [] });
        expect(element.shadowRoot.querySelector('h2').textContent).toBe('Working (1)');
        expect(element.shadowRoot.querySelectorAll('c-review-board-card')).toHaveLength(1);
        await expect(element).toBeAccessible();
    });

    it('says when it is empty', async () => {
        const element = mount('c-review-board-lane', ReviewBoardLane, {
            lane: { key: 'New', label: 'New', cards: [] }
        });
        expect(element.shadowRoot.querySelector('p').textContent).toBe('No leads');
        await expect(element).toBeAccessible();
    });

    it('takes a card from another lane when it is a status lane', async () => {
        const element = mount('c-review-board-lane', ReviewBoardLane, { lane, droppable: true });
        const moved = jest.fn();
        element.addEventListener('movecard', moved);
        drop(element, '00Q000000000009AAA');
        drop(element, cards.overdue.id); // already here: nothing to do
        await flushPromises();
        expect(moved.mock.calls.map((c) => c[0].detail)).toEqual([
            { leadId: '00Q000000000009AAA', toStatus: 'Working' }
        ]);
    });

    it('ignores drops on a rep lane and passes card menu moves up', () => {
        const element = mount('c-review-board-lane', ReviewBoardLane, { lane, droppable: false });
        const moved = jest.fn();
        element.addEventListener('movecard', moved);
        drop(element, '00Q000000000009AAA');
        element.shadowRoot
            .querySelector('c-review-board-card')
            .dispatchEvent(
                new CustomEvent('move', { detail: { leadId: cards.overdue.id, toStatus: 'New' } })
            );
        expect(moved.mock.calls.map((c) => c[0].detail)).toEqual([
            { leadId: cards.overdue.id, toStatus: 'New' }
        ]);
        expect(textOf(element, 'lane')).toContain('Lee Lead1');
    });
});
