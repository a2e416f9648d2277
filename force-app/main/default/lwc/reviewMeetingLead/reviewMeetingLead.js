import { LightningElement, api } from 'lwc';

const FIELDS = ['progress', 'nextStep', 'nextStepDate', 'status'];

/**
 * The lead the meeting is on: its card and the form for what the meeting records
 * (progress notes, next step and date, status). Shows what it is given; every edit goes
 * up as `draftchange` { field, value }; problems (e.g. a past date) show under their field.
 */
export default class ReviewMeetingLead extends LightningElement {
    @api card;
    @api draft = {};
    @api statuses = [];
    @api problems = [];
    @api reviewed = false;
    /** Something to know about this lead (reassigned, gone). */
    @api notice = '';

    /** Puts the focus in a field (keyboard shortcuts). */
    @api
    focusField(field) {
        if (FIELDS.includes(field)) {
            this.template.querySelector(`[data-field="${field}"]`)?.focus();
        }
    }

    get statusOptions() {
        return this.statuses.map((s) => ({ label: s, value: s }));
    }

    problemFor(field) {
        return (this.problems ?? [])
            .filter((p) => p.field === field)
            .map((p) => p.message)
            .join(' ');
    }

    get nextStepProblem() {
        return this.problemFor('nextStep');
    }

    get nextStepDateProblem() {
        return this.problemFor('nextStepDate');
    }

    handleChange(event) {
        this.dispatchEvent(
            new CustomEvent('draftchange', {
                detail: { field: event.target.dataset.field, value: event.detail.value ?? '' }
            })
        );
    }
}
