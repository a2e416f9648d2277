/**
 * Domain types shared by the components, the CLI and the local org.
 * Plain data with camelCase names; `records.ts` maps them to and from
 * Salesforce records (API names), so no other module needs to know them.
 */

/** An 18- (or 15-) character Salesforce record id. */
export type Id = string;
/** ISO 8601 date-time in UTC, e.g. `2026-11-22T10:00:00.000Z`. */
export type IsoDateTime = string;
/** ISO 8601 calendar date, e.g. `2026-11-22`. */
export type IsoDate = string;

export const TIERS = ['Hot', 'Warm', 'Cool', 'Cold'] as const;
export type Tier = (typeof TIERS)[number];

export const FIT_GRADES = ['A', 'B', 'C', 'D'] as const;
export type FitGrade = (typeof FIT_GRADES)[number];

/**
 * Hand-back reasons: a fixed, reportable list (the API names of the restricted
 * Lead picklist LL_Handback_Reason__c, in its order). Labels live in
 * `handback/reasons.ts`; notes are required for `Other`.
 */
export const HANDBACK_REASONS = [
    'Not_Ready',
    'No_Budget',
    'No_Authority',
    'No_Response',
    'Bad_Fit',
    'Other'
] as const;
export type HandbackReason = (typeof HANDBACK_REASONS)[number];

/** A lead owner: a user (rep, manager) or a queue (e.g. marketing nurture). */
export interface Owner {
    id: Id;
    name: string;
    type: 'User' | 'Queue';
    /** Always true for queues; false for users who have left. */
    isActive: boolean;
}

export interface Lead {
    id: Id;
    firstName?: string | null;
    lastName: string;
    company: string;
    title?: string | null;
    email?: string | null;
    phone?: string | null;
    industry?: string | null;
    numberOfEmployees?: number | null;
    annualRevenue?: number | null;
    country?: string | null;
    leadSource?: string | null;
    /** Lead Status API name (the org's own values, mapped through settings). */
    status: string;
    isConverted: boolean;
    convertedDate?: IsoDate | null;
    convertedAccountId?: Id | null;
    convertedContactId?: Id | null;
    convertedOpportunityId?: Id | null;
    ownerId: Id;
    createdDate: IsoDateTime;
    lastModifiedDate?: IsoDateTime | null;
    /** Changes with every save, including the platform's own (read-only). */
    systemModstamp?: IsoDateTime | null;
    /** Date of the latest completed or due activity (platform-maintained). */
    lastActivityDate?: IsoDate | null;

    // Lead Loop: scoring
    score?: number | null;
    fitGrade?: FitGrade | null;
    engagement?: number | null;
    tier?: Tier | null;
    salesReady?: boolean | null;
    /** JSON of ScoreReason[] as stored on the record. */
    scoreReasons?: string | null;
    scoreSummary?: string | null;
    scoredAt?: IsoDateTime | null;
    modelVersion?: number | null;
    previousScore?: number | null;
    previousTier?: Tier | null;

    // Lead Loop: hand back to marketing
    handbackReason?: HandbackReason | null;
    handbackNotes?: string | null;
    nurtureUntil?: IsoDate | null;
    previousOwnerId?: Id | null;
    previousStatus?: string | null;
    handedBackAt?: IsoDateTime | null;
    handbackCount?: number | null;
    /** How many times the lead went back to sales after nurture (recycled). */
    recycledCount?: number | null;
    /** When the lead last went back to sales from nurture. */
    returnedAt?: IsoDateTime | null;
    /** Why a nurtured lead is ready to go back to sales, set by the rescore; empty when not. */
    readyToReturn?: string | null;

    // Lead Loop: review
    nextStep?: string | null;
    nextStepDate?: IsoDate | null;
    lastReviewed?: IsoDateTime | null;
    /** Stamped by the LL_Lead_Status_Changed before-save flow. */
    statusChangedAt?: IsoDateTime | null;
    /** External id used by seed and sync (LL_Source_Id__c). */
    sourceId?: string | null;

    // Lead Loop: hygiene fixes
    /** The master lead this one was closed as a duplicate of. */
    duplicateOfId?: Id | null;
    /** The contact / opportunity the lead moved on to (marked by a fix). */
    movedOnContactId?: Id | null;
    movedOnOpportunityId?: Id | null;
}

export type ActivityKind = 'Task' | 'Event';

/** A Task or Event on a lead (WhoId), used for touches and engagement. */
export interface Activity {
    id: Id;
    kind: ActivityKind;
    whoId: Id | null;
    ownerId: Id;
    subject: string;
    /** Task.Type / Event.Type, e.g. Call, Email, Meeting. */
    type?: string | null;
    /** Task.ActivityDate or the Event's start date. */
    activityDate: IsoDate | null;
    /** Tasks: Completed etc.; Events are complete once they have happened. */
    status?: string | null;
    createdDate: IsoDateTime;
}

export interface Contact {
    id: Id;
    firstName?: string | null;
    lastName: string;
    email?: string | null;
    accountId?: Id | null;
    accountName?: string | null;
}

export interface Opportunity {
    id: Id;
    name: string;
    accountId?: Id | null;
    stageName: string;
    isClosed: boolean;
    isWon: boolean;
    createdDate: IsoDateTime;
}

export interface Campaign {
    id: Id;
    name: string;
    type?: string | null;
    isActive: boolean;
}

/** A lead's membership in a campaign: a response is engagement. */
export interface CampaignMember {
    id: Id;
    campaignId: Id;
    leadId: Id | null;
    status: string;
    hasResponded: boolean;
    /** When the member first responded, if it did. */
    firstRespondedDate?: IsoDate | null;
    createdDate: IsoDateTime;
}

/** Lead Loop settings (the LL_Settings__c record), typed and defaulted. */
export interface LeadLoopSettings {
    /** New lead untouched longer than this (days) is past the follow-up SLA. */
    followUpSlaDays: number;
    /** Qualified lead with no activity for this many days is flagged. */
    qualifiedUntouchedDays: number;
    /** Open lead with no touch for this many days is dead. */
    deadAfterDays: number;
    /** A Hot lead in the nurture queue this many days is stuck in marketing. */
    hotInMarketingDays: number;
    /** Duplicate matching, each on or off: same email, person at company, phone, a Contact. */
    matchDuplicateEmail: boolean;
    matchDuplicatePerson: boolean;
    matchDuplicatePhone: boolean;
    matchDuplicateContact: boolean;
    /** Developer name of the marketing nurture queue. */
    nurtureQueue: string;
    openStatuses: string[];
    workingStatuses: string[];
    qualifiedStatuses: string[];
    nurturingStatus: string;
    disqualifiedStatuses: string[];
    salesReadyTiers: Tier[];
    /** Default nurture period per hand-back reason, in days. */
    nurtureDays: Record<HandbackReason, number>;
    /** Who gets a lead back when its previous owner has left (see `RETURN_RULES`). */
    returnRule: ReturnRule;
    /** Developer name of the queue for the `Queue` rule ('' when unused). */
    returnQueue: string;
    /** Round-robin: most open leads one rep may hold (null: no cap). */
    roundRobinCap: number | null;
    /** Lead Status a hygiene fix closes leads with ('' : the first disqualified status). */
    closeStatus: string;
}

/**
 * How a lead ready to return goes back to sales when its previous owner has left:
 * to a queue, or round-robin over the active reps (the LL_Return_Rule__c picklist).
 */
export const RETURN_RULES = ['Round_Robin', 'Queue'] as const;
export type ReturnRule = (typeof RETURN_RULES)[number];
