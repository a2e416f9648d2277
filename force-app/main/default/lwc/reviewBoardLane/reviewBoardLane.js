import { LightningElement, api } from 'lwc';

/** Media type a dragged card carries: its lead id. */
export const CARD_DRAG_TYPE = 'text/plain';

/**
 * One lane of the board (a rep or a status) and its cards. A status lane takes dropped
 * cards; moves from a card's menu and from drops go up as `movecard` { leadId, toStatus }.
 */
export default class ReviewBoardLane extends LightningElement {
    @api lane;
    @api statuses = [];
    /** Status lanes take drops; rep lanes do not. */
    @api droppable = false;

    dragOver = false;

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
