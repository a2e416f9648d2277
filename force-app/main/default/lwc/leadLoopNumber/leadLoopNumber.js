import { LightningElement, api } from 'lwc';

const RADIUS = 15.915; // a circle of circumference 100: dash lengths are percentages

/**
 * One key number with a small SVG ring (its share) and a link to its report.
 * Display only: clicking asks the container to open the report (`reportselect`).
 */
export default class LeadLoopNumber extends LightningElement {
    /** SummaryNumber from the core's `summaryNumbers`. */
    @api number;

    radius = RADIUS;

    get hasChart() {
        return this.number?.fraction !== null && this.number?.fraction !== undefined;
    }

    get dash() {
        const pct = Math.max(0, Math.min(100, (this.number.fraction ?? 0) * 100));
        return `${pct} ${100 - pct}`;
    }

    get ringClass() {
        return this.number.lowerIsBetter ? 'ring ring_warning' : 'ring ring_good';
    }

    get hasReport() {
        return Boolean(this.number?.report);
    }

    get linkLabel() {
        return `${this.number.label}: ${this.number.value}. Open the report`;
    }

    handleClick(event) {
        event.preventDefault();
        this.dispatchEvent(
            new CustomEvent('reportselect', { detail: { report: this.number.report } })
        );
    }
}
