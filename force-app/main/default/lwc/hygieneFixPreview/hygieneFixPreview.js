import { LightningElement, api } from 'lwc';

/** Every change a fix would make (field from → to, per lead) and the leads it leaves, before Apply. */
export default class HygieneFixPreview extends LightningElement {
    /** The core's FixPlan. */
    @api plan;
    /** Field API name → label, for people. */
    @api fieldLabels = {};
    /** Record id → name (users, queues, leads), so values read as people know them. */
    @api names = {};
    @api disabled = false;

    get rows() {
        const labels = this.fieldLabels ?? {};
        const names = this.names ?? {};
        const shown = (v) => (v === null || v === undefined ? '(empty)' : (names[v] ?? v));
        return (this.plan?.changes ?? []).flatMap((change) =>
            change.changes.map((c, i) => ({
                key: `${change.leadId}:${c.field}`,
                leadName: i === 0 ? change.leadName : '',
                field: labels[c.field] ?? c.field,
                from: shown(c.from),
                to: shown(c.to)
            }))
        );
    }

    get skipped() {
        return (this.plan?.skipped ?? []).map((s) => ({
            key: s.leadId,
            text: `${s.leadName}: ${s.reason}`
        }));
    }

    get hasSkipped() {
        return this.skipped.length > 0;
    }

    get summary() {
        const n = this.plan?.changes.length ?? 0;
        return `${n} lead${n === 1 ? '' : 's'} will change.`;
    }

    get applyDisabled() {
        return this.disabled || !this.plan?.changes.length;
    }

    handleApply() {
        this.dispatchEvent(new CustomEvent('apply'));
    }

    handleCancel() {
        this.dispatchEvent(new CustomEvent('cancel'));
    }
}
