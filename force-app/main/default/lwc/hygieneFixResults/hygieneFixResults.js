import { LightningElement, api } from 'lwc';

/** What happened to each lead when a fix (or its undo) was applied, with Undo for the fix. */
export default class HygieneFixResults extends LightningElement {
    /** [{ change: { leadId, leadName }, status, message }] */
    @api outcomes = [];
    @api title = 'Results';
    @api canUndo = false;
    @api disabled = false;

    get rows() {
        return (this.outcomes ?? []).map((o) => ({
            key: o.change.leadId,
            leadName: o.change.leadName,
            status: o.status,
            message: o.message ?? ''
        }));
    }

    get summary() {
        const count = (status) => this.rows.filter((r) => r.status === status).length;
        return `${count('Applied')} applied, ${count('Skipped')} skipped, ${count('Failed')} failed.`;
    }

    get undoDisabled() {
        return this.disabled || !this.rows.some((r) => r.status === 'Applied');
    }

    handleUndo() {
        this.dispatchEvent(new CustomEvent('undo'));
    }
}
