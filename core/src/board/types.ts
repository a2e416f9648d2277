/**
 * The lead review board: plain data for the board, the meeting and its summary. Records
 * map to these in `records.ts`; everything else in this folder is pure functions over them.
 */
import type { Id, IsoDate, IsoDateTime, Tier } from '../types';

/** A hygiene finding as the board shows it (the audit's `Finding` has these fields). */
export interface BoardFinding {
    leadId: Id;
    checkId: string;
    severity: string;
    title: string;
}

/** What the last review saw of a lead (its latest review entry). */
export interface LastReview {
    leadId: Id;
    reviewedAt: IsoDateTime;
    statusAtReview: string | null;
    tierAtReview: Tier | null;
}

export type LaneBy = 'rep' | 'status';

export interface BoardFilters {
    /** Owners to show (a team's reps); empty or omitted = every owner. */
    ownerIds?: readonly Id[];
    tiers?: readonly Tier[];
    /** Only leads with this hygiene check's finding. */
    flag?: string | null;
    /** Only leads whose next step is overdue. */
    overdueOnly?: boolean;
}

export interface BoardOptions {
    laneBy: LaneBy;
    filters?: BoardFilters;
    /** Owner id → display name (users and queues); unknown owners show their id. */
    ownerNames?: Readonly<Record<Id, string>>;
}

export type BoardChangeKind =
    'new' | 'tier-up' | 'tier-down' | 'status-moved' | 'touched' | 'untouched';

export interface BoardChange {
    kind: BoardChangeKind;
    text: string;
}

export interface BoardCard {
    id: Id;
    name: string;
    company: string;
    ownerId: Id;
    ownerName: string;
    status: string;
    tier: Tier | null;
    score: number | null;
    /** Days since the last activity, or since creation when never touched. */
    daysSinceTouch: number | null;
    everTouched: boolean;
    flags: BoardFinding[];
    nextStep: string | null;
    nextStepDate: IsoDate | null;
    nextStepOverdue: boolean;
    /** Days the next step is overdue (0 when not). */
    overdueDays: number;
    changes: BoardChange[];
}

export interface BoardLane {
    /** The owner id (rep lanes) or the status API name (status lanes). */
    key: string;
    label: string;
    cards: BoardCard[];
}

export interface Board {
    laneBy: LaneBy;
    lanes: BoardLane[];
    /** Cards on the board after filters. */
    shown: number;
    /** Open leads the filters hid. */
    hidden: number;
}

/** One lead's place in the meeting walk. */
export interface MeetingStop {
    repId: Id;
    repName: string;
    leadId: Id;
    /** Position of the rep (0-based) and of the lead within the rep. */
    repIndex: number;
    leadIndex: number;
}

export const MEETING_STATUSES = ['In_Progress', 'Completed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export interface ReviewMeeting {
    id: Id | null;
    name?: string | null;
    meetingDate: IsoDate | null;
    facilitatorId: Id | null;
    /** The team's manager: the team is the users who report to them. */
    teamManagerId: Id | null;
    periodStart: IsoDate | null;
    periodEnd: IsoDate | null;
    status: MeetingStatus;
    /** The lead the meeting was on, so a reload resumes there. */
    currentLeadId: Id | null;
    leadsInScope: number | null;
    leadsReviewed: number | null;
    overdueNextSteps: number | null;
    flagsRaised: number | null;
    summary: string | null;
    lastModifiedDate?: IsoDateTime | null;
}

export const REVIEW_OUTCOMES = ['Reviewed', 'Next_Step', 'Status_Change', 'Handed_Back'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export interface ReviewEntry {
    id: Id | null;
    meetingId: Id;
    /** Null once the lead was deleted (the lookup clears). */
    leadId: Id | null;
    repId: Id | null;
    progress: string | null;
    nextStep: string | null;
    nextStepDate: IsoDate | null;
    statusAtReview: string | null;
    statusAfter: string | null;
    tierAtReview: Tier | null;
    /** Hygiene check ids on the lead when reviewed. */
    flags: string[];
    outcome: ReviewOutcome | null;
    reviewedAt: IsoDateTime | null;
    lastModifiedDate?: IsoDateTime | null;
}
