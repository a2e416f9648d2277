import { LightningElement, api } from 'lwc';
import { REASONS_NEEDING_NOTES } from 'c/leadLoopCore';

/**
 * The hand-back inputs. Owns no rules: the parent validates with c/leadLoopCore and
 * passes each input's message in `errors` ({ field, message }); every edit is sent up
 * as a `change` event with `{ field, value }`.
 */
export default class HandBackForm extends LightningElement {
    /** [{ label, value, nurtureDays }] from handbackReasonOptions(). */
    @api options = [];
    @api reason;
    @api notes;
    @api nurtureUntil;
    /** Messages to show now, one per field at most (not rendered: applied to the inputs). */
    @api
    get errors() {
        return this.currentErrors;
    }
    set errors(value) {
        this.currentErrors = value ?? [];
        this.showErrors();
    }

    currentErrors = [];
    /** Fields showing a message, so it is cleared once fixed. */
    shown = new Set();

    get notesRequired() {
        return REASONS_NEEDING_NOTES.includes(this.reason);
    }

    get dateHelp() {
        const option = this.options.find((o) => o.value === this.reason);
        return option
            ? `Defaults to ${option.nurtureDays} days for "${option.label}"; must be after today.`
            : 'Must be after today; choosing a reason suggests a date.';
    }

    renderedCallback() {
        this.showErrors();
    }

    /** The core's message on its input (custom validity), cleared once fixed. */
    showErrors() {
        for (const input of this.template.querySelectorAll('[data-field]')) {
            const field = input.dataset.field;
            const error = this.currentErrors.find((e) => e.field === field);
            input.setCustomValidity(error ? error.message : '');
            if (error || this.shown.has(field)) {
                input.reportValidity();
            }
            if (error) this.shown.add(field);
            else this.shown.delete(field);
        }
    }

    handleChange(event) {
        event.stopPropagation();
        this.dispatchEvent(
            new CustomEvent('change', {
                detail: { field: event.target.dataset.field, value: event.detail.value }
            })
        );
    }
}
