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

    describe('with many cards', () => {
        const many = {
            key: 'Working',
            label: 'Working',
            cards: Array.from({ length: 45 }, (_, i) => ({
                ...cards.plain,
                id: `00Q0000000000${String(i).padStart(2, '0')}AAA`,
                name: `Lead ${i + 1}`
            }))
        };
        const shown = (element) => element.shadowRoot.querySelectorAll('c-review-board-card');
        const key = (element, index, name) =>
            shown(element)[index].dispatchEvent(
                new CustomEvent('cardkey', { detail: { leadId: many.cards[index].id, key: name } })
            );

        it('shows the first 20 and more from a keyboard-reachable button', async () => {
            const element = mount('c-review-board-lane', ReviewBoardLane, { lane: many });
            expect(element.shadowRoot.querySelector('h2').textContent).toBe('Working (45)');
            expect(shown(element)).toHaveLength(20);
            expect(element.shownCount).toBe(20);
            const more = element.shadowRoot.querySelector('[data-id="show-more"]');
            expect(more.label).toBe('Show 20 more (25 not shown)');
            await expect(element).toBeAccessible();
            more.click();
            await flushPromises();
            expect(shown(element)).toHaveLength(40);
            expect(more.label).toBe('Show 5 more (5 not shown)');
            expect(shown(element)[3].position).toBe('4 of 45 in Working');
        });

        it('moves the focus with Up, Down, Home and End, showing more past the last card', async () => {
            const element = mount('c-review-board-lane', ReviewBoardLane, {
                lane: many,
                activeId: many.cards[0].id
            });
            expect([...shown(element)].map((c) => c.active)).toEqual([
                true,
                ...Array(19).fill(false)
            ]);
            const focusOf = () => [...shown(element)].map((c) => (c.focus = jest.fn()));
            let spies = focusOf();
            key(element, 0, 'ArrowDown');
            expect(spies[1]).toHaveBeenCalled();
            key(element, 5, 'ArrowUp');
            expect(spies[4]).toHaveBeenCalled();
            key(element, 5, 'Home');
            expect(spies[0]).toHaveBeenCalled();
            key(element, 19, 'ArrowDown');
            await flushPromises();
            expect(shown(element)).toHaveLength(25);
            // The 21st card was not there to focus before; it is focused once rendered.
            expect(element.shadowRoot.activeElement).toBe(shown(element)[20]);
            spies = focusOf();
            key(element, 20, 'ArrowUp');
            expect(spies[19]).toHaveBeenCalled();
        });

        const positions = (element) => [...shown(element)].map((c) => c.position);
        const focused = (element) => element.shadowRoot.activeElement;
        const cardKey = (element, index, name) =>
            element.shadowRoot
                .querySelector(`c-review-board-card[data-index="${index}"]`)
                .dispatchEvent(
                    new CustomEvent('cardkey', {
                        detail: { leadId: many.cards[index].id, key: name }
                    })
                );

        it("goes to the lane's true last card on End, showing it after the cards shown", async () => {
            const element = mount('c-review-board-lane', ReviewBoardLane, { lane: many });
            cardKey(element, 5, 'End');
            await flushPromises();
            // The top 20, then the last 5 after the 20 not shown: not the whole lane.
            expect(shown(element)).toHaveLength(25);
            expect(positions(element).slice(19, 21)).toEqual([
                '20 of 45 in Working',
                '41 of 45 in Working'
            ]);
            expect(focused(element).card.id).toBe(many.cards[44].id);
            expect(focused(element).position).toBe('45 of 45 in Working');
            const more = element.shadowRoot.querySelector('[data-id="show-more"]');
            expect(more.label).toBe('Show 20 more (20 not shown)');
            await expect(element).toBeAccessible();

            // Up from the last card shown at the bottom shows 5 more above it.
            cardKey(element, 44, 'ArrowUp');
            expect(focused(element).position).toBe('44 of 45 in Working');
            cardKey(element, 40, 'ArrowUp');
            await flushPromises();
            expect(shown(element)).toHaveLength(30);
            expect(focused(element).position).toBe('40 of 45 in Working');
            expect(more.label).toBe('Show 15 more (15 not shown)');

            // Down from the top cards into the few not shown shows them, up to the bottom ones.
            cardKey(element, 19, 'ArrowDown');
            await flushPromises();
            expect(focused(element).position).toBe('21 of 45 in Working');
            expect(more.label).toBe('Show 10 more (10 not shown)');

            // "Show more" fills the gap; the bottom cards stay (the focused one keeps focus).
            const last = focused(element);
            more.click();
            await flushPromises();
            expect(shown(element)).toHaveLength(45);
            expect(positions(element)).toEqual(
                many.cards.map((_, i) => `${i + 1} of 45 in Working`)
            );
            expect(element.shadowRoot.querySelector('[data-id="show-more"]')).toBeNull();
            cardKey(element, 5, 'End');
            expect(focused(element)).toBe(shown(element)[44]);
            expect(last.isConnected).toBe(true);
        });

        it('goes to the last card directly when it is a few past the cards shown', async () => {
            const few = { ...many, cards: many.cards.slice(0, 23) };
            const element = mount('c-review-board-lane', ReviewBoardLane, { lane: few });
            cardKey(element, 0, 'End');
            await flushPromises();
            expect(positions(element)).toEqual(
                few.cards.map((_, i) => `${i + 1} of 23 in Working`)
            );
            expect(focused(element).position).toBe('23 of 23 in Working');
            expect(element.shadowRoot.querySelector('[data-id="show-more"]')).toBeNull();
        });

        it('keeps the row for the board, or the nearest card shown above it', async () => {
            const element = mount('c-review-board-lane', ReviewBoardLane, { lane: many });
            cardKey(element, 0, 'End');
            await flushPromises();
            expect(element.focusRow(3)).toBe(true);
            expect(focused(element).position).toBe('4 of 45 in Working');
            expect(element.focusRow(30)).toBe(true);
            expect(focused(element).position).toBe('20 of 45 in Working');
            expect(element.focusRow(43)).toBe(true);
            expect(focused(element).position).toBe('44 of 45 in Working');
            expect(element.focusRow(500)).toBe(true);
            expect(focused(element).position).toBe('45 of 45 in Working');
            const empty = mount('c-review-board-lane', ReviewBoardLane, {
                lane: { key: 'New', label: 'New', cards: [] }
            });
            expect(empty.focusRow(0)).toBe(false);
        });

        it('passes Left and Right up to the board with the row', () => {
            const element = mount('c-review-board-lane', ReviewBoardLane, { lane: many });
            const lanekey = jest.fn();
            element.addEventListener('lanekey', lanekey);
            key(element, 3, 'ArrowRight');
            key(element, 2, 'ArrowLeft');
            expect(lanekey.mock.calls.map((c) => c[0].detail)).toEqual([
                { laneKey: 'Working', index: 3, direction: 1 },
                { laneKey: 'Working', index: 2, direction: -1 }
            ]);
        });
    });
});
