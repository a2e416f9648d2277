import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/leadLoopCore';

/**
 * The one way Lead Loop shows errors (as lwc-recipes' c-error-panel): give it whatever
 * failed (an LDS, GraphQL or JS error, a list of them, or messages) and, optionally, a
 * friendly message that says what did not work. The messages come from the core's
 * `reduceErrors`. With a friendly message they are details the user can hide and show.
 */
export default class ErrorPanel extends LightningElement {
    /** One error or a list (any shape `reduceErrors` takes). */
    @api errors;
    /** What did not work, for people (e.g. "The score could not be loaded"). */
    @api friendlyMessage;

    detailsShown = true;

    get messages() {
        return reduceErrors(this.errors);
    }

    get hasMessages() {
        return this.messages.length > 0;
    }

    get hasFriendlyMessage() {
        return Boolean(this.friendlyMessage);
    }

    get showMessages() {
        return this.hasMessages && (!this.hasFriendlyMessage || this.detailsShown);
    }

    get toggleLabel() {
        return this.detailsShown ? 'Hide details' : 'Show details';
    }

    get ariaExpanded() {
        return String(this.detailsShown);
    }

    handleToggleDetails() {
        this.detailsShown = !this.detailsShown;
    }
}
