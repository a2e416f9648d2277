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

    connectedCallback() {
        this.template.addEventListener('lightning__closeactionscreen', this.onCloseScreen);
    }

    disconnectedCallback() {
        this.template.removeEventListener('lightning__closeactionscreen', this.onCloseScreen);
    }

    renderedCallback() {
        // Focus moves into the dialog once, as a modal should take it.
        if (this.focused) return;
        this.focused = true;
        this.template.querySelector('[data-id="quick-action"]')?.focus();
    }

    handleKeyDown(event) {
        if (event.key === 'Escape') {
            event.stopPropagation();
            this.handleClose();
        }
    }

    handleClose() {
        this.dispatchEvent(new CustomEvent('close'));
    }
}
