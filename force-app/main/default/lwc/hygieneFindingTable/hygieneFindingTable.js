import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';

/** The leads one check found, with what is wrong and the suggested fix; a lead opens its record page. */
export default class HygieneFindingTable extends NavigationMixin(LightningElement) {
    /** { id, title, explanation } of the check shown. */
    @api check;
    /** The check's findings (the core's Finding objects). */
    @api findings = [];

    get caption() {
        return `Leads: ${this.check?.title ?? ''}`;
    }

    get rows() {
        return (this.findings ?? []).map((f) => ({
            key: `${f.leadId}:${f.checkId}`,
            leadId: f.leadId,
            leadName: f.leadName || f.leadId,
            detail: f.detail,
            fix: f.fix?.text ?? ''
        }));
    }

    handleOpen(event) {
        event.preventDefault();
        this[NavigationMixin.Navigate]({
            type: 'standard__recordPage',
            attributes: {
                recordId: event.currentTarget.dataset.leadId,
                objectApiName: 'Lead',
                actionName: 'view'
            }
        });
    }
}
