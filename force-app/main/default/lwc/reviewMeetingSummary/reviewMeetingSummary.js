import { LightningElement, api } from 'lwc';

const percent = (ratio) => `${Math.round(ratio * 100)}%`;

/**
 * A meeting's summary: coverage, overdue next steps, flags raised and cleared, changes
 * made, per rep, and the trend against earlier meetings. Display only.
 */
export default class ReviewMeetingSummary extends LightningElement {
    @api summary;
    @api ownerNames = {};

    get coverageText() {
        const s = this.summary;
        return `${s.leadsReviewed} of ${s.leadsInScope} leads reviewed (${percent(s.coverage)})`;
    }

    get flagsText() {
        return `${this.summary.flagsRaised} raised, ${this.summary.flagsCleared} cleared`;
    }

    get changesText() {
        const c = this.summary.changes;
        return `${c.nextSteps} next steps set, ${c.statusChanges} status changes, ${c.handBacks} hand-backs`;
    }

    get versusText() {
        const v = this.summary.versusLast;
        if (!v) return 'First meeting of this team: no trend yet.';
        const sign = (n) => (n > 0 ? `+${n}` : `${n}`);
        return `Against the last meeting: coverage ${sign(v.coverage)} points, overdue next steps ${sign(v.overdueNextSteps)}.`;
    }

    get deletedText() {
        const n = this.summary.deletedLeads;
        return n
            ? `${n} reviewed lead${n === 1 ? ' was' : 's were'} deleted since; their reviews are kept.`
            : '';
    }

    get reps() {
        return this.summary.perRep.map((r) => ({
            ...r,
            name: this.ownerNames?.[r.repId] ?? r.repId,
            coverageText: percent(r.coverage)
        }));
    }

    get trend() {
        return this.summary.trend.map((t, i) => ({
            key: `${t.meetingId ?? 'this'}-${i}`,
            text: `${t.meetingDate ?? 'undated'}: ${percent(t.coverage)} coverage, ${t.overdueNextSteps} overdue, ${t.flagsRaised} flags raised${t.meetingId ? '' : ' (this meeting)'}`
        }));
    }
}
