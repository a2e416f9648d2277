import { LightningElement, api } from 'lwc';

/**
 * The audit's checks with their counts, severity and what each means; "Show leads" sends
 * `select` ({ checkId }) up so the container shows that check's leads.
 */
export default class HygieneCheckList extends LightningElement {
    /** [{ id, title, severity, explanation, count, selected }] */
    @api checks = [];

    get rows() {
        return (this.checks ?? []).map((c) => ({
            ...c,
            countText: `${c.count} lead${c.count === 1 ? '' : 's'}`,
            buttonLabel: `Show leads: ${c.title}`,
            disabled: c.count === 0,
            badgeClass: `severity severity_${c.severity}`,
            itemClass: `slds-item slds-p-vertical_x-small${c.selected ? ' slds-theme_shade' : ''}`
        }));
    }

    handleShow(event) {
        const checkId = event.currentTarget.dataset.checkId;
        this.dispatchEvent(new CustomEvent('select', { detail: { checkId } }));
    }
}
