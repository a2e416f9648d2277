import { LightningElement, api } from 'lwc';

/**
 * "Return to sales", display only: before applying, who gets which lead and why (the
 * core's `planReturn`); after, each lead's result. Tells the container `apply` / `cancel`.
 */
export default class NurtureReturnPreview extends LightningElement {
    /** [{ leadId, name, ok, to, explanation, message }] from the plan. */
    @api plan = [];
    /** leadId → { ok, message } once applied; null before. */
    @api results = null;
    @api saving = false;

    get applied() {
        return Boolean(this.results);
    }

    get title() {
        return this.applied ? 'Return to sales: results' : 'Return to sales: preview';
    }

    get items() {
        return this.plan.map((item) => {
            const result = this.results?.[item.leadId];
            let text = item.ok
                ? `${item.name} → ${item.to.name}. ${item.explanation}`
                : `${item.name}: not returned. ${item.message}`;
            if (result) {
                text = result.ok
                    ? `${item.name}: returned to ${item.to.name}.`
                    : `${item.name}: not returned. ${result.message}`;
            }
            const failed = result ? !result.ok : !item.ok;
            return {
                id: item.leadId,
                text,
                className: failed ? 'slds-text-color_error' : ''
            };
        });
    }

    get returnable() {
        return this.plan.filter((item) => item.ok).length;
    }

    get applyLabel() {
        return `Return ${this.returnable} lead${this.returnable === 1 ? '' : 's'}`;
    }

    get applyDisabled() {
        return this.saving || this.returnable === 0;
    }

    get showActions() {
        return !this.applied;
    }

    handleApply() {
        this.dispatchEvent(new CustomEvent('apply'));
    }

    handleCancel() {
        this.dispatchEvent(new CustomEvent('cancel'));
    }
}
