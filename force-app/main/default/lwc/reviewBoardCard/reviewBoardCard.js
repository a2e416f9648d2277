import { LightningElement, api } from 'lwc';

const TIER_CLASS = {
    Hot: 'slds-badge slds-theme_error',
    Warm: 'slds-badge slds-theme_warning',
    Cool: 'slds-badge slds-theme_info',
    Cold: 'slds-badge'
};

/** Keys that move the focus between the board's cards (the lane and the board act on them). */
const NAV_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End']);

/**
 * A lead on the board: name, company, tier and score, days since the last touch, hygiene
 * flags, next step and its date (overdue stands out) and what changed since the last
 * review. Display only: it can be dragged, and its "Move to" menu sends `move` events.
 * On the board it is one stop of a roving tab stop: the `active` card is the one Tab
 * reaches; arrow keys, Home and End go up as `cardkey` { leadId, key }, Enter or Space
 * opens the "Move to" menu, and getting the focus sends `cardfocus` { leadId }.
 */
export default class ReviewBoardCard extends LightningElement {
    @api card;
    @api statuses = [];
    /** Meeting mode shows the card without the move menu. */
    @api hideMove = false;
    /** On the board: part of the cards' keyboard navigation. */
    @api navigable = false;
    /** The card Tab reaches (one per board). */
    @api active = false;
    /** Where it is, for screen readers: "3 of 40 in Working". */
    @api position = '';

    /** The menu's items are rendered once it first opens: most cards' menus never do. */
    menuOpened = false;

    /** Puts the focus on the card. */
    @api
    focus() {
        this.template.querySelector('[data-id="card"]')?.focus();
    }

    get tabIndex() {
        if (!this.navigable) return undefined;
        return this.active ? '0' : '-1';
    }

    get tierClass() {
        return TIER_CLASS[this.card.tier] ?? 'slds-badge';
    }

    get tierText() {
        return this.card.tier ? `${this.card.tier} · ${this.card.score ?? '–'}` : 'Not scored';
    }

    get touchText() {
        const days = this.card.daysSinceTouch;
        if (days === null || days === undefined) return 'No touch date';
        const unit = days === 1 ? 'day' : 'days';
        return this.card.everTouched
            ? `Last touch ${days} ${unit} ago`
            : `Never touched (${days} ${unit} old)`;
    }

    get hasNextStep() {
        return Boolean(this.card.nextStep || this.card.nextStepDate);
    }

    get nextStepText() {
        const date = this.card.nextStepDate ? ` · due ${this.card.nextStepDate}` : '';
        return `Next: ${this.card.nextStep ?? 'no step given'}${date}`;
    }

    get nextStepClass() {
        return this.card.nextStepOverdue ? 'slds-text-color_error slds-text-title_bold' : '';
    }

    get overdueText() {
        const days = this.card.overdueDays;
        return this.card.nextStepOverdue ? `Overdue by ${days} day${days === 1 ? '' : 's'}` : '';
    }

    get menuItems() {
        return this.menuOpened ? this.moveItems : [];
    }

    handleMenuOpen() {
        this.menuOpened = true;
    }

    get moveItems() {
        return this.statuses
            .filter((s) => s !== this.card.status)
            .map((s) => ({ value: s, label: s }));
    }

    get moveLabel() {
        return `Move ${this.card.name} to another status`;
    }

    get showMove() {
        return !this.hideMove && this.moveItems.length > 0;
    }

    get cardLabel() {
        const where = this.position ? `, ${this.position}` : '';
        return `${this.card.name}, ${this.card.company}${where}`;
    }

    handleFocus(event) {
        if (!this.navigable || event.target !== event.currentTarget) return;
        this.dispatchEvent(new CustomEvent('cardfocus', { detail: { leadId: this.card.id } }));
    }

    /** Keys on the card itself (not in its menu): navigation goes up, Enter opens the menu. */
    handleKeyDown(event) {
        if (!this.navigable || event.target !== event.currentTarget) return;
        const { key } = event;
        if (NAV_KEYS.has(key)) {
            event.preventDefault();
            this.dispatchEvent(
                new CustomEvent('cardkey', { detail: { leadId: this.card.id, key } })
            );
        } else if ((key === 'Enter' || key === ' ') && this.showMove) {
            event.preventDefault();
            const menu = this.template.querySelector('[data-id="move-menu"]');
            menu.focus();
            menu.click();
        }
    }

    handleMoveSelect(event) {
        this.dispatchEvent(
            new CustomEvent('move', {
                detail: { leadId: this.card.id, toStatus: event.detail.value }
            })
        );
    }

    handleDragStart(event) {
        event.dataTransfer.setData('text/plain', this.card.id);
        event.dataTransfer.effectAllowed = 'move';
    }
}
