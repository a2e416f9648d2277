import { LightningElement, api } from 'lwc';

/** Media type a dragged card carries: its lead id. */
export const CARD_DRAG_TYPE = 'text/plain';

/** Cards a lane shows at first and adds per "Show more": 2,000 cards at once take seconds. */
export const CARDS_PER_PAGE = 20;

/** Cards the arrow keys add past the last one shown: a few, so the step stays quick. */
const CARDS_PER_KEY = 5;

/**
 * One lane of the board (a rep or a status) and its cards, the first `pageSize` of them
 * and more on "Show more" (or when the arrow keys go past the last one shown). A status
 * lane takes dropped cards; moves from a card's menu and from drops go up as `movecard`
 * { leadId, toStatus }. Up, Down, Home and End move the focus within the lane; Left and
 * Right go up as `lanekey` { laneKey, index, direction } for the board to pick the lane.
 */
export default class ReviewBoardLane extends LightningElement {
    @api lane;
    @api statuses = [];
    /** Status lanes take drops; rep lanes do not. */
    @api droppable = false;
    @api pageSize = CARDS_PER_PAGE;

    /**
     * The card the board's single tab stop is on. Set on the cards directly rather than
     * through the template, so a key step re-renders two cards, not every card shown.
     */
    @api
    get activeId() {
        return this.active;
    }
    set activeId(value) {
        this.active = value;
        this.markActive();
    }

    active;

    dragOver = false;
    limit;
    /** Index of a card to focus once it is rendered. */
    pendingFocus = null;

    connectedCallback() {
        this.limit = this.pageSize;
    }

    renderedCallback() {
        this.markActive();
        if (this.pendingFocus === null) return;
        const index = this.pendingFocus;
        this.pendingFocus = null;
        this.template.querySelectorAll('c-review-board-card')[index]?.focus();
    }

    get heading() {
        return `${this.lane.label} (${this.lane.cards.length})`;
    }

    get headingId() {
        return `lane-${this.lane.key}`;
    }

    get laneClass() {
        return `slds-box slds-box_x-small slds-theme_shade${this.dragOver ? ' slds-theme_info' : ''}`;
    }

    get empty() {
        return this.lane.cards.length === 0;
    }

    /** Cards on screen (the board reads it to move across lanes). */
    @api
    get shownCount() {
        return Math.min(this.limit, this.lane.cards.length);
    }

    /** The cards on screen, each with where it is. */
    get shownCards() {
        const total = this.lane.cards.length;
        return this.lane.cards.slice(0, this.limit).map((card, i) => ({
            card,
            position: `${i + 1} of ${total} in ${this.lane.label}`
        }));
    }

    markActive() {
        for (const card of this.template.querySelectorAll('c-review-board-card')) {
            card.active = card.card?.id === this.active;
        }
    }

    get hiddenCount() {
        return this.lane.cards.length - this.shownCount;
    }

    get showMoreLabel() {
        const next = Math.min(this.pageSize, this.hiddenCount);
        return `Show ${next} more (${this.hiddenCount} not shown)`;
    }

    handleShowMore() {
        this.limit += this.pageSize;
    }

    /**
     * Focuses the card at `index` (clamped to the cards there are), showing a few more
     * when it is past the last one shown.
     */
    @api
    focusCard(index) {
        const total = this.lane.cards.length;
        if (!total) return false;
        const target = Math.max(0, Math.min(total - 1, index));
        if (target >= this.limit) {
            this.limit = Math.ceil((target + 1) / CARDS_PER_KEY) * CARDS_PER_KEY;
            this.pendingFocus = target;
        } else {
            this.template.querySelectorAll('c-review-board-card')[target]?.focus();
        }
        return true;
    }

    handleCardKey(event) {
        const { leadId, key } = event.detail;
        const index = this.lane.cards.findIndex((c) => c.id === leadId);
        if (key === 'ArrowUp') this.focusCard(index - 1);
        else if (key === 'ArrowDown') this.focusCard(index + 1);
        else if (key === 'Home') this.focusCard(0);
        else if (key === 'End') this.focusCard(this.shownCount - 1);
        else {
            const direction = key === 'ArrowLeft' ? -1 : 1;
            this.dispatchEvent(
                new CustomEvent('lanekey', {
                    detail: { laneKey: this.lane.key, index, direction }
                })
            );
        }
    }

    handleCardFocus(event) {
        this.dispatchEvent(new CustomEvent('cardfocus', { detail: event.detail }));
    }

    handleMove(event) {
        this.move(event.detail.leadId, event.detail.toStatus);
    }

    handleDragOver(event) {
        if (!this.droppable) return;
        event.preventDefault();
        this.dragOver = true;
    }

    handleDragLeave() {
        this.dragOver = false;
    }

    handleDrop(event) {
        if (!this.droppable) return;
        event.preventDefault();
        this.dragOver = false;
        const leadId = event.dataTransfer?.getData(CARD_DRAG_TYPE);
        const card = this.lane.cards.find((c) => c.id === leadId);
        if (leadId && !card) {
            this.move(leadId, this.lane.key);
        }
    }

    move(leadId, toStatus) {
        this.dispatchEvent(new CustomEvent('movecard', { detail: { leadId, toStatus } }));
    }
}
