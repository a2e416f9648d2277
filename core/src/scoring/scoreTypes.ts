/**
 * What scoring takes and gives: the lead with its activities and campaign memberships in,
 * the score, grade, band, tier and reasons out.
 */
import type { Activity, CampaignMember, FitGrade, Lead, Tier } from '../types';
import type { EngagementBand } from './model';

export interface ScoringInput {
    lead: Lead;
    activities: Activity[];
    campaignMembers: CampaignMember[];
    /** Campaign names by id, for the reasons ("Responded to Spring Webinar"). */
    campaignNames?: Record<string, string>;
}

export type ReasonDimension = 'fit' | 'engagement';

/** One factor behind a score: signed points and a sentence a rep understands. */
export interface ScoreReason {
    /** The rule that produced it (e.g. `title-vp`, `cap-activity`). */
    id: string;
    dimension: ReasonDimension;
    label: string;
    /** Signed points, rounded to one decimal. */
    points: number;
    text: string;
}

export interface ScoreResult {
    /** 0–100, fit and engagement blended by the model's weights. */
    score: number;
    fitGrade: FitGrade;
    /** Fit points before the grade (may be negative). */
    fitPoints: number;
    /** Decayed, capped engagement points, one decimal (as stored). */
    engagement: number;
    engagementBand: EngagementBand;
    tier: Tier;
    salesReady: boolean;
    /** The strongest factors first (at most the model's maxReasons). */
    reasons: ScoreReason[];
    summary: string;
}
