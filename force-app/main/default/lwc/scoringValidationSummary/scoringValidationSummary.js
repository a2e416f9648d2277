import { LightningElement, api } from 'lwc';
import { groupErrorsByRule } from 'c/leadLoopCore';

/** Whether the model is valid and, if not, its problems grouped by the rule they belong to. */
export default class ScoringValidationSummary extends LightningElement {
    /** The model being edited (for rule labels). */
    @api model;
    /** Its validation errors (`{ path, check, message }`); none means valid. */
    @api errors;

    get count() {
        return (this.errors ?? []).length;
    }

    get text() {
        return this.count === 0
            ? 'The model is valid.'
            : `${this.count} problem${this.count === 1 ? '' : 's'} to fix before saving or activating.`;
    }

    get groups() {
        return groupErrorsByRule(this.model, this.errors ?? []);
    }
}
