import { LightningElement, api } from 'lwc';

/** Media type a dragged card carries: its lead id. */
export const CARD_DRAG_TYPE = 'text/plain';

/** Cards a lane shows at first and adds per "Show more": 2,000 cards at once take seconds. */
export const CARDS_PER_PAGE = 20;

/** Cards the arrow keys add past the last one shown: a few, so the step stays quick. */
const CARDS_PER_KEY = 5;

/**
 * One lane of the board (a rep or a status) and its cards, the first `pageSize` of them
 * and more on "Show more" (or when the arrow keys go past the last one shown). End shows
 * the lane's last cards after the ones shown (the cards between stay behind "Show more"),
 * so its true last card is one key away without rendering the whole lane. A status
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
    /** Cards shown from the top. */
    limit;
    /** Cards shown at the bottom, after those not shown (End puts the last ones there). */
    tailCount = 0;
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
        this.cardAt(index)?.focus();
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

    /** Cards shown from the top: [0, headEnd). */
    get headEnd() {
        return Math.min(this.limit, this.lane.cards.length);
    }

    /** Where the cards shown at the bottom start: [tailStart, total); headEnd when none. */
    get tailStart() {
        return Math.max(this.headEnd, this.lane.cards.length - this.tailCount);
    }

    /** Cards on screen. */
    @api
    get shownCount() {
        return this.headEnd + this.lane.cards.length - this.tailStart;
    }

    /**
     * The cards on screen, each with where it is in the whole lane: those from the top
     * ("Show more" after them when some are not shown), then the last ones End showed.
     */
    get sections() {
        const total = this.lane.cards.length;
        const top = {
            key: 'top',
            cards: this.cardsFrom(0, this.headEnd),
            showMore: this.hiddenCount > 0
        };
        if (this.tailStart === total) return [top];
        return [top, { key: 'end', cards: this.cardsFrom(this.tailStart, total), showMore: false }];
    }

    cardsFrom(start, end) {
        const total = this.lane.cards.length;
        return this.lane.cards.slice(start, end).map((card, i) => ({
            card,
            index: start + i,
            position: `${start + i + 1} of ${total} in ${this.lane.label}`
        }));
    }

    isShown(index) {
        return index < this.headEnd || index >= this.tailStart;
    }

    /** The card element of the lane's card at `index` (null when it is not on screen). */
    cardAt(index) {
        return this.template.querySelector(`c-review-board-card[data-index="${index}"]`);
    }

    markActive() {
        for (const card of this.template.querySelectorAll('c-review-board-card')) {
            card.active = card.card?.id === this.active;
        }
    }

    get hiddenCount() {
        return this.tailStart - this.headEnd;
    }

    get showMoreLabel() {
        const next = Math.min(this.pageSize, this.hiddenCount);
        return `Show ${next} more (${this.hiddenCount} not shown)`;
    }

    handleShowMore() {
        // Up to the cards shown at the bottom: they stay where they are (and keep the focus).
        this.limit = Math.min(this.headEnd + this.pageSize, this.tailStart);
    }

    /**
     * Focuses the card at `index` (clamped to the cards there are). A card not shown is
     * shown first with a few around it: below the top ones when it is near them (a step
     * down), else at the bottom (End, a step up from the bottom ones).
     */
    @api
    focusCard(index) {
        const total = this.lane.cards.length;
        if (!total) return false;
        const target = Math.max(0, Math.min(total - 1, index));
        if (this.isShown(target)) {
            this.cardAt(target)?.focus();
            return true;
        }
        if (target - this.headEnd < CARDS_PER_KEY) {
            const end = Math.ceil((target + 1) / CARDS_PER_KEY) * CARDS_PER_KEY;
            this.limit = Math.min(end, this.tailStart);
        } else {
            this.tailCount = total - Math.max(this.headEnd, target + 1 - CARDS_PER_KEY);
        }
        this.pendingFocus = target;
        return true;
    }

    /**
     * Focuses the card shown at row `index`, or the nearest shown above it (the board's
     * Left and Right keep the row); false when the lane has no cards.
     */
    @api
    focusRow(index) {
        const total = this.lane.cards.length;
        if (!total) return false;
        const row = Math.max(0, Math.min(total - 1, index));
        return this.focusCard(this.isShown(row) ? row : this.headEnd - 1);
    }

    handleCardKey(event) {
        const { leadId, key } = event.detail;
        const index = this.lane.cards.findIndex((c) => c.id === leadId);
        if (key === 'ArrowUp') this.focusCard(index - 1);
        else if (key === 'ArrowDown') this.focusCard(index + 1);
        else if (key === 'Home') this.focusCard(0);
        else if (key === 'End') this.focusCard(this.lane.cards.length - 1);
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
