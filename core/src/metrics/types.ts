/**
 * Inputs and results of the tracking-and-reporting metrics. Inputs are the
 * records the platform keeps (leads with their tasks/events, campaign members,
 * converted opportunities, review entries) plus the hygiene audit's findings as
 * a plain list, so this module depends on no other feature of the core.
 */
import type {
    Activity,
    CampaignMember,
    Id,
    IsoDate,
    IsoDateTime,
    Lead,
    LeadLoopSettings
} from '../types';

/** The six stages of lead management, in funnel order. */
export const FUNNEL_STAGES = [
    'generated',
    'qualified',
    'nurturing',
    'handedToSales',
    'pursued',
    'won'
] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export const FUNNEL_STAGE_LABELS: Readonly<Record<FunnelStage, string>> = {
    generated: 'Generated',
    qualified: 'Qualified',
    nurturing: 'Nurturing',
    handedToSales: 'Handed to sales',
    pursued: 'Pursued',
    won: 'Won'
};

/** Why a lead stopped at its furthest stage (see `LeakKind` in the README). */
export const LEAK_KINDS = ['disqualified', 'dead', 'lost', 'inProgress'] as const;
export type LeakKind = (typeof LEAK_KINDS)[number];

/**
 * A Task or Event on a lead. `startDateTime` (Event.StartDateTime),
 * `completedDateTime` (Task.CompletedDateTime) and `isClosed` (Task.IsClosed)
 * sharpen when the touch happened and whether it counts; all are optional.
 */
export interface MetricActivity extends Pick<
    Activity,
    'kind' | 'whoId' | 'activityDate' | 'status' | 'createdDate'
> {
    startDateTime?: IsoDateTime | null;
    completedDateTime?: IsoDateTime | null;
    isClosed?: boolean | null;
}

export type MetricCampaignMember = Pick<CampaignMember, 'campaignId' | 'leadId' | 'hasResponded'>;

/** An opportunity a lead converted into (Lead.ConvertedOpportunityId). */
export interface MetricOpportunity {
    id: Id;
    isWon: boolean;
    isClosed: boolean;
    amount?: number | null;
}

export interface MetricCampaign {
    id: Id;
    name: string;
    /** Campaign.ActualCost, for the return on cost. */
    actualCost?: number | null;
}

/** One LL_Review_Entry__c: a lead reviewed in a meeting. */
export interface MetricReviewEntry {
    leadId: Id;
    meetingId?: Id | null;
    reviewedAt: IsoDateTime | null;
}

/** One LL_Review_Meeting__c with its counts. */
export interface MetricReviewMeeting {
    id: Id;
    meetingDate: IsoDate | null;
    status?: string | null;
    leadsInScope?: number | null;
    leadsReviewed?: number | null;
}

/** A hygiene finding as the audit returns it (only these fields are read). */
export interface MetricFinding {
    leadId: Id;
    checkId: string;
    severity: string;
}

/** One audit run's counts, for findings over time. */
export interface MetricAuditRun {
    ranAt: IsoDateTime;
    findings: number;
    /** Distinct leads with at least one finding. */
    leads: number;
    byCheck: Record<string, number>;
    bySeverity: Record<string, number>;
}

/**
 * One page of leads with the records related to them. Related records of leads
 * outside the page are ignored, so pages can be computed in any order.
 */
export interface MetricsPage {
    leads: readonly Lead[];
    activities?: readonly MetricActivity[];
    campaignMembers?: readonly MetricCampaignMember[];
    /** The opportunities the page's converted leads point to. */
    opportunities?: readonly MetricOpportunity[];
    reviewEntries?: readonly MetricReviewEntry[];
    /** The current audit's findings on the page's leads (absent: no audit given). */
    findings?: readonly MetricFinding[];
}

/** Everything at once: one page plus the records that are not per lead. */
export interface MetricsSnapshot extends MetricsPage {
    campaigns?: readonly MetricCampaign[];
    reviewMeetings?: readonly MetricReviewMeeting[];
    /** Earlier audit runs' counts; the current `findings` add the run at `now`. */
    auditRuns?: readonly MetricAuditRun[];
}

export interface MetricsOptions {
    settings: LeadLoopSettings;
    now: Date;
    /** A lead counts as reviewed when reviewed within this many days (default 7: weekly). */
    reviewWindowDays?: number;
    /** Whether an owner id is a queue (default: the Group key prefix `00G`). */
    isQueue?: (ownerId: Id) => boolean;
}

/** A rate with its parts; `rate` is null when the denominator is 0. */
export interface Ratio {
    count: number;
    of: number;
    rate: number | null;
}

export interface FunnelStageResult {
    stage: FunnelStage;
    label: string;
    /** Leads that reached this stage or a later one. */
    reached: number;
    /** Leads showing this stage's own evidence (see the README). */
    ownEvidence: number;
    /** Counted here only because they reached a later stage without this stage's evidence. */
    skipped: number;
    /** Leads that stopped here (reached − reached of the next stage), by why. */
    leak: Record<LeakKind, number> & { total: number };
    /** reached(next) / reached(this); null for the last stage or when nothing reached this. */
    conversionToNext: number | null;
}

export interface GroupConversion {
    key: string;
    leads: number;
    converted: number;
    won: number;
    wonAmount: number;
    conversionRate: number | null;
    winRate: number | null;
}

export interface CampaignReturn {
    campaignId: Id;
    name: string | null;
    members: number;
    responded: number;
    convertedLeads: number;
    wonLeads: number;
    wonAmount: number;
    cost: number | null;
    /** (wonAmount − cost) / cost; null without a positive cost. */
    returnOnCost: number | null;
}

export interface ReviewMeetingCoverage {
    meetingId: Id;
    meetingDate: IsoDate | null;
    inScope: number;
    reviewed: number;
    coverage: number | null;
}

export interface LeadLoopMetrics {
    asOf: IsoDateTime;
    leads: number;
    followUp: {
        touched: Ratio;
        slaDays: number;
        /** Of leads at least `slaDays` old whose first touch time is known or who are untouched. */
        withinSla: Ratio;
    };
    speedToFirstTouch: {
        /** Leads whose first touch time is known. */
        leads: number;
        medianHours: number | null;
        p90Hours: number | null;
        medianDays: number | null;
        p90Days: number | null;
    };
    qualifiedUntouched: Ratio;
    /** Open leads with no touch (or, untouched, no creation) within `deadAfterDays`. */
    dead: Ratio;
    funnel: FunnelStageResult[];
    conversionBySource: GroupConversion[];
    conversionByTier: GroupConversion[];
    campaigns: CampaignReturn[];
    handback: {
        /** Handed back / all leads. */
        rate: Ratio;
        /** Handed back / leads handed to sales. */
        ofHandedToSales: Ratio;
        reasons: { reason: string; count: number; share: number | null }[];
    };
    recycled: {
        recycled: number;
        returnedToSales: number;
        won: number;
        wonAmount: number;
        /** Recycled wins / all wins. */
        shareOfWins: Ratio;
    };
    reviewCoverage: {
        windowDays: number;
        /** Leads in review scope reviewed within the window. */
        leads: Ratio;
        meetings: ReviewMeetingCoverage[];
        /** Σ reviewed / Σ in scope over all meetings. */
        overall: Ratio;
    };
    hygieneOverTime: MetricAuditRun[];
    processDefects: {
        /** False when no findings were given: the rate then means nothing. */
        audited: boolean;
        /** Leads handed to sales with at least one current finding / leads handed to sales. */
        defective: Ratio;
        /** Defective leads per million handed to sales (a production line's ppm). */
        ppm: number | null;
        byCheck: { checkId: string; leads: number }[];
    };
    /** Converted leads whose opportunity was not given (counted as not won). */
    unresolvedOpportunities: number;
}
