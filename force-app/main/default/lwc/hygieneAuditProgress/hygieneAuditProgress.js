import { LightningElement, api } from 'lwc';

/** How far the audit's reads are: records read of the total, as a bar and in words. */
export default class HygieneAuditProgress extends LightningElement {
    @api running = false;
    @api recordsRead = 0;
    @api recordsTotal = 0;

    get percent() {
        if (!this.recordsTotal) {
            return this.running ? 0 : 100;
        }
        return Math.min(100, Math.round((this.recordsRead / this.recordsTotal) * 100));
    }

    get barStyle() {
        return `width: ${this.percent}%`;
    }

    get text() {
        const read = this.recordsRead.toLocaleString('en-US');
        const total = this.recordsTotal.toLocaleString('en-US');
        return this.running
            ? `Reading records… ${read} of ${total} read.`
            : `Read ${read} of ${total} records.`;
    }
}
