import ReviewBoardCard from 'c/reviewBoardCard';
import { mount, resetDom, textOf } from 'jest-utils/dom';

const cards = require('./data/cards.json');
const STATUSES = ['New', 'Working', 'Qualified'];

describe('c-review-board-card', () => {
    afterEach(resetDom);

    it('shows tier, touch, an overdue next step, flags and changes', async () => {
        const element = mount('c-review-board-card', ReviewBoardCard, {
            card: cards.overdue,
            statuses: STATUSES
        });
        expect(textOf(element, 'card-name')).toBe('Lee Lead1');
        expect(textOf(element, 'card-tier')).toBe('Hot · 82');
        expect(textOf(element, 'card-touch')).toBe('Last touch 1 day ago');
        const next = element.shadowRoot.querySelector('[data-id="card-next-step"]');
        expect(next.className).toBe('slds-text-color_error slds-text-title_bold');
        expect(textOf(element, 'card-next-step')).toBe(
            'Next: Send pricing · due 2026-11-18 (Overdue by 1 day)'
        );
        expect(textOf(element, 'card-flags')).toBe('Qualified but not worked');
        expect(textOf(element, 'card-changes')).toBe('Tier up: Warm → Hot');
        await expect(element).toBeAccessible();
    });

    it('shows a lead never touched and not scored, without a next step', async () => {
        const element = mount('c-review-board-card', ReviewBoardCard, {
            card: cards.plain,
            statuses: STATUSES
        });
        expect(textOf(element, 'card-tier')).toBe('Not scored');
        expect(textOf(element, 'card-touch')).toBe('Never touched (19 days old)');
        expect(textOf(element, 'card-next-step')).toBeUndefined();
        await expect(element).toBeAccessible();
    });

    it('offers the other statuses in its move menu and sends the choice up', async () => {
        const element = mount('c-review-board-card', ReviewBoardCard, {
            card: cards.overdue,
            statuses: STATUSES
        });
        // The items are rendered when the menu first opens.
        expect(element.shadowRoot.querySelectorAll('lightning-menu-item')).toHaveLength(0);
        element.shadowRoot
            .querySelector('[data-id="move-menu"]')
            .dispatchEvent(new CustomEvent('open'));
        await Promise.resolve();
        const items = element.shadowRoot.querySelectorAll('lightning-menu-item');
        expect([...items].map((i) => i.value)).toEqual(['New', 'Qualified']);
        const moved = jest.fn();
        element.addEventListener('move', moved);
        element.shadowRoot
            .querySelector('[data-id="move-menu"]')
            .dispatchEvent(new CustomEvent('select', { detail: { value: 'Qualified' } }));
        expect(moved.mock.calls[0][0].detail).toEqual({
            leadId: '00Q000000000001AAA',
            toStatus: 'Qualified'
        });
    });

    it('carries its lead id when dragged, and hides the menu in meeting mode', () => {
        const element = mount('c-review-board-card', ReviewBoardCard, {
            card: cards.overdue,
            statuses: STATUSES,
            hideMove: true
        });
        expect(element.shadowRoot.querySelector('[data-id="move-menu"]')).toBeNull();
        const setData = jest.fn();
        const drag = new CustomEvent('dragstart');
        drag.dataTransfer = { setData };
        element.shadowRoot.querySelector('[data-id="card"]').dispatchEvent(drag);
        expect(setData).toHaveBeenCalledWith('text/plain', '00Q000000000001AAA');
    });

    it("is one stop of the board's roving tab stop: arrows go up, Enter opens the menu", async () => {
        const element = mount('c-review-board-card', ReviewBoardCard, {
            card: cards.overdue,
            statuses: STATUSES,
            navigable: true,
            active: false,
            position: '3 of 40 in Working'
        });
        const article = element.shadowRoot.querySelector('[data-id="card"]');
        expect(article.getAttribute('tabindex')).toBe('-1');
        expect(article.getAttribute('aria-label')).toBe('Lee Lead1, Company 1, 3 of 40 in Working');
        element.active = true;
        await Promise.resolve();
        expect(article.getAttribute('tabindex')).toBe('0');

        const keys = jest.fn();
        const focused = jest.fn();
        element.addEventListener('cardkey', keys);
        element.addEventListener('cardfocus', focused);
        element.focus();
        expect(focused.mock.calls[0][0].detail).toEqual({ leadId: cards.overdue.id });
        const down = new KeyboardEvent('keydown', { key: 'ArrowDown', cancelable: true });
        article.dispatchEvent(down);
        expect(down.defaultPrevented).toBe(true);
        expect(keys.mock.calls[0][0].detail).toEqual({
            leadId: cards.overdue.id,
            key: 'ArrowDown'
        });

        const menu = element.shadowRoot.querySelector('[data-id="move-menu"]');
        menu.click = jest.fn();
        article.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
        expect(menu.click).toHaveBeenCalled();
        // Keys inside the menu are the menu's own.
        menu.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
        expect(keys).toHaveBeenCalledTimes(1);
        await expect(element).toBeAccessible();
    });

    it('is not a tab stop outside the board', () => {
        const element = mount('c-review-board-card', ReviewBoardCard, { card: cards.plain });
        const article = element.shadowRoot.querySelector('[data-id="card"]');
        expect(article.hasAttribute('tabindex')).toBe(false);
        const keys = jest.fn();
        element.addEventListener('cardkey', keys);
        article.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
        expect(keys).not.toHaveBeenCalled();
    });
});
