import { LightningElement, api } from 'lwc';
import { focusedElement, keepTabInside } from 'c/focusTrap';

/**
 * A screen quick action as Lightning opens it from a record page: the action's component
 * (a `lightning__RecordAction` LWC that draws its own header, content and footer) in a
 * modal over the page. It closes on the component's CloseActionScreenEvent, on Escape and
 * on the close button, and says so with a `close` event (the record page then refreshes).
 * As a modal does for keyboard users (and as the package's own modals do, through the same
 * c/focusTrap), it takes the focus when it opens, keeps Tab and Shift+Tab inside, and gives
 * the focus back to what opened it (the action's button) when it goes.
 */
export default class QuickActionPanel extends LightningElement {
    @api recordId;
    /** `Object.Action` and its label, as the highlights panel lists it. */
    @api name;
    @api label;
    /** The action's component constructor. */
    @api ctor;

    focused = false;
    /** What had the focus before the modal opened: the action's button. */
    opener = null;
    onCloseScreen = () => this.handleClose();
    // Escape and Tab act wherever focus is (a button disabled while saving drops it).
    onKeyDown = (event) => this.handleKeyDown(event);

    connectedCallback() {
        this.opener = focusedElement();
        this.template.addEventListener('lightning__closeactionscreen', this.onCloseScreen);
        window.addEventListener('keydown', this.onKeyDown);
    }

    disconnectedCallback() {
        this.template.removeEventListener('lightning__closeactionscreen', this.onCloseScreen);
        window.removeEventListener('keydown', this.onKeyDown);
        if (this.opener?.isConnected) this.opener.focus();
    }

    get dialog() {
        return this.template.querySelector('[data-id="quick-action"]');
    }

    renderedCallback() {
        // Focus moves into the dialog once, as a modal should take it.
        if (this.focused) return;
        this.focused = true;
        this.dialog?.focus();
    }

    handleKeyDown(event) {
        // A control that handled Escape itself (an open dropdown) keeps it.
        if (event.key === 'Escape' && !event.defaultPrevented) {
            event.stopPropagation();
            this.handleClose();
        }
        if (this.dialog) keepTabInside(event, this.dialog);
    }

    handleClose() {
        this.dispatchEvent(new CustomEvent('close'));
    }
}
