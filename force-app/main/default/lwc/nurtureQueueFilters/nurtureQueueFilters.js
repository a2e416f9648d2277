import { LightningElement, api } from 'lwc';

/** The nurture queue's filters (display only): tells the container through `filterchange`. */
export default class NurtureQueueFilters extends LightningElement {
    /** [{ label, value }] of the hand-back reasons. */
    @api reasons = [];
    /** '' for every reason. */
    @api reason = '';
    @api readyOnly = false;

    get reasonOptions() {
        return [{ label: 'All reasons', value: '' }, ...this.reasons];
    }

    handleReason(event) {
        this.notify({ reason: event.detail.value, readyOnly: this.readyOnly });
    }

    handleReadyOnly(event) {
        this.notify({ reason: this.reason, readyOnly: event.detail.checked });
    }

    notify(detail) {
        this.dispatchEvent(new CustomEvent('filterchange', { detail }));
    }
}
