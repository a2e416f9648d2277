import { LightningElement, api } from 'lwc';

/** The event a quick action sends to close its screen (lightning/actions). */
const CLOSE_ACTION_SCREEN = 'lightning__closeactionscreen';

/**
 * Meeting mode's hand-back: the lead's own "Hand Back to Marketing" quick action
 * (c-hand-back-action), reused as is in a modal dialog. It takes the focus when it opens;
 * a hand-back goes up as `handedback` { changes }, and the action closing itself (saved
 * or cancelled) or Escape as `close`.
 */
export default class ReviewMeetingHandBack extends LightningElement {
    @api leadId;
    @api leadName = '';

    focused = false;

    connectedCallback() {
        this.template.addEventListener(CLOSE_ACTION_SCREEN, (event) => {
            // Handled here: nothing above should close anything else for it.
            event.stopPropagation();
            this.close();
        });
    }

    renderedCallback() {
        if (!this.focused) {
            this.focused = true;
            this.template.querySelector('[data-id="handback-dialog"]').focus();
        }
    }

    get label() {
        return `Hand back ${this.leadName || 'this lead'} to marketing`;
    }

    handleKeyDown(event) {
        if (event.key === 'Escape') {
            event.stopPropagation();
            this.close();
        }
    }

    handleHandedBack(event) {
        this.dispatchEvent(new CustomEvent('handedback', { detail: event.detail }));
    }

    close() {
        this.dispatchEvent(new CustomEvent('close'));
    }
}
