import { LightningElement, api } from 'lwc';

/**
 * A screen quick action as Lightning opens it from a record page: the action's component
 * (a `lightning__RecordAction` LWC that draws its own header, content and footer) in a
 * modal over the page. It closes on the component's CloseActionScreenEvent, on Escape and
 * on the close button, and says so with a `close` event (the record page then refreshes).
 */
export default class QuickActionPanel extends LightningElement {
    @api recordId;
    /** `Object.Action` and its label, as the highlights panel lists it. */
    @api name;
    @api label;
    /** The action's component constructor. */
    @api ctor;

    focused = false;
    onCloseScreen = () => this.handleClose();
    // Escape closes the modal wherever focus is (a button disabled while saving drops it).
    onKeyDown = (event) => this.handleKeyDown(event);

    connectedCallback() {
        this.template.addEventListener('lightning__closeactionscreen', this.onCloseScreen);
        window.addEventListener('keydown', this.onKeyDown);
    }

    disconnectedCallback() {
        this.template.removeEventListener('lightning__closeactionscreen', this.onCloseScreen);
        window.removeEventListener('keydown', this.onKeyDown);
    }

    renderedCallback() {
        // Focus moves into the dialog once, as a modal should take it.
        if (this.focused) return;
        this.focused = true;
        this.template.querySelector('[data-id="quick-action"]')?.focus();
    }

    handleKeyDown(event) {
        // A control that handled Escape itself (an open dropdown) keeps it.
        if (event.key === 'Escape' && !event.defaultPrevented) {
            event.stopPropagation();
            this.handleClose();
        }
    }

    handleClose() {
        this.dispatchEvent(new CustomEvent('close'));
    }
}
