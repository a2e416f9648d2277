import { LightningElement, api } from 'lwc';

const TIER_CLASSES = {
    Hot: 'slds-badge slds-theme_error',
    Warm: 'slds-badge slds-theme_warning',
    Cool: 'slds-badge slds-theme_info',
    Cold: 'slds-badge slds-badge_lightest'
};

/**
 * The stored score of a lead at a glance: tier (and sales-ready), fit grade, engagement and
 * score; for a scored lead also the summary, the change since the last score and when and
 * by which model version it was scored.
 */
export default class LeadScoreSummary extends LightningElement {
    /** The lead (a core `Lead`, as `leadFromRecord` returns it). */
    @api lead;

    get isScored() {
        return Boolean(this.lead?.tier);
    }

    get tier() {
        return this.lead?.tier ?? 'Not scored';
    }

    get tierClass() {
        return TIER_CLASSES[this.lead?.tier] ?? 'slds-badge';
    }

    get gradeText() {
        return this.lead?.fitGrade ?? '—';
    }

    get scoreText() {
        const score = this.lead?.score;
        return typeof score === 'number' ? String(score) : '—';
    }

    get engagementText() {
        const engagement = this.lead?.engagement;
        return typeof engagement === 'number' ? engagement.toFixed(1) : '—';
    }

    get salesReady() {
        return this.lead?.salesReady === true;
    }

    get summary() {
        return this.lead?.scoreSummary ?? '';
    }

    get change() {
        const lead = this.lead;
        if (!lead || typeof lead.previousScore !== 'number' || typeof lead.score !== 'number') {
            return null;
        }
        const delta = lead.score - lead.previousScore;
        const direction = delta > 0 ? 'Up' : delta < 0 ? 'Down' : 'No change';
        const amount = delta === 0 ? '' : ` ${Math.abs(delta)}`;
        const tierPart =
            lead.previousTier && lead.previousTier !== lead.tier
                ? `, was ${lead.previousTier}`
                : '';
        return `${direction}${amount} since the last score (was ${lead.previousScore}${tierPart}).`;
    }

    get scoredAt() {
        return this.lead?.scoredAt ?? null;
    }

    get modelVersionText() {
        const version = this.lead?.modelVersion;
        return typeof version === 'number' ? `model v${version}` : '';
    }
}
