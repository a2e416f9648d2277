import { LightningElement, api } from 'lwc';

const ROW = 36;
const BAR = 24;

/**
 * The six stages as horizontal SVG bars (reached, with the leak after it) and, for
 * screen readers and anyone who prefers numbers, the same figures as a table.
 * Display only: the container gives it `bars` (the core's `funnelBars`).
 */
export default class LeadFunnelChart extends LightningElement {
    /** FunnelBar[] from the core. */
    @api bars = [];

    get height() {
        return this.bars.length * ROW;
    }

    get viewBox() {
        return `0 0 100 ${this.height}`;
    }

    get rows() {
        return this.bars.map((b, i) => {
            const y = i * ROW + (ROW - BAR) / 2;
            // Centred bars: a funnel narrowing stage by stage.
            const x = (100 - b.barPercent) / 2;
            return {
                ...b,
                y,
                barHeight: BAR,
                x,
                width: b.barPercent,
                leakX: x + b.barPercent - b.leakPercent,
                leakWidth: b.leakPercent,
                reachedText: `${b.reached}`,
                sharePercent: `${Math.round(b.share * 100)}%`
            };
        });
    }

    get hasBars() {
        return this.bars.length > 0;
    }

    handleStage(event) {
        event.preventDefault();
        this.dispatchEvent(
            new CustomEvent('stageselect', { detail: { stage: event.currentTarget.dataset.stage } })
        );
    }
}
