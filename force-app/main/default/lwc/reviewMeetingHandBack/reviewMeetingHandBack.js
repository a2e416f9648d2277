import { LightningElement, api } from 'lwc';
import { focusedElement, keepTabInside } from 'c/focusTrap';

/** The event a quick action sends to close its screen (lightning/actions). */
const CLOSE_ACTION_SCREEN = 'lightning__closeactionscreen';

/**
 * Meeting mode's hand-back: the lead's own "Hand Back to Marketing" quick action
 * (c-hand-back-action), reused as is in a modal dialog. As a modal does for keyboard users,
 * it takes the focus when it opens, keeps Tab and Shift+Tab inside, and gives the focus
 * back to where it was when it goes. A hand-back goes up as `handedback` { changes }, and
 * the action closing itself (saved or cancelled) or Escape as `close`.
 */
export default class ReviewMeetingHandBack extends LightningElement {
    @api leadId;
    @api leadName = '';

    focused = false;
    /** What had the focus before the dialog opened. */
    opener = null;

    connectedCallback() {
        this.opener = focusedElement();
        this.template.addEventListener(CLOSE_ACTION_SCREEN, (event) => {
            // Handled here: nothing above should close anything else for it.
            event.stopPropagation();
            this.close();
        });
    }

    renderedCallback() {
        if (!this.focused) {
            this.focused = true;
            this.dialog.focus();
        }
    }

    disconnectedCallback() {
        if (this.opener?.isConnected) this.opener.focus();
    }

    get dialog() {
        return this.template.querySelector('[data-id="handback-dialog"]');
    }

    get label() {
        return `Hand back ${this.leadName || 'this lead'} to marketing`;
    }

    handleKeyDown(event) {
        // A control that handled Escape itself (an open dropdown) keeps it.
        if (event.key === 'Escape' && !event.defaultPrevented) {
            event.stopPropagation();
            this.close();
        }
        keepTabInside(event, this.dialog);
    }

    handleHandedBack(event) {
        this.dispatchEvent(new CustomEvent('handedback', { detail: event.detail }));
    }

    close() {
        this.dispatchEvent(new CustomEvent('close'));
    }
}
