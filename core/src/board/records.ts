/**
 * Review meetings and entries to and from records (REST, GraphQL `{ value }` shapes).
 */
import { fromRecord, toRecord, type SalesforceRecord } from '../records';
import { REVIEW_ENTRY, REVIEW_MEETING } from '../schema';
import { splitList, joinList } from '../settings';
import { TIERS, type Tier } from '../types';
import {
    MEETING_STATUSES,
    REVIEW_OUTCOMES,
    type LastReview,
    type MeetingStatus,
    type ReviewEntry,
    type ReviewMeeting,
    type ReviewOutcome
} from './types';

const oneOf = <T extends string>(list: readonly T[], value: unknown): T | null =>
    (list as readonly unknown[]).includes(value) ? (value as T) : null;

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

const numberOrNull = (value: unknown): number | null =>
    value === null || value === undefined || value === '' ? null : Number(value);

export function meetingFromRecord(record: SalesforceRecord): ReviewMeeting {
    const raw = fromRecord<Record<string, unknown>>(REVIEW_MEETING.fields, record);
    return {
        id: orNull(raw.id as string | undefined),
        name: orNull(raw.name as string | undefined),
        meetingDate: orNull(raw.meetingDate as string | undefined),
        facilitatorId: orNull(raw.facilitatorId as string | undefined),
        teamManagerId: orNull(raw.teamManagerId as string | undefined),
        periodStart: orNull(raw.periodStart as string | undefined),
        periodEnd: orNull(raw.periodEnd as string | undefined),
        status: oneOf<MeetingStatus>(MEETING_STATUSES, raw.status) ?? 'In_Progress',
        currentLeadId: orNull(raw.currentLeadId as string | undefined),
        leadsInScope: numberOrNull(raw.leadsInScope),
        leadsReviewed: numberOrNull(raw.leadsReviewed),
        overdueNextSteps: numberOrNull(raw.overdueNextSteps),
        flagsRaised: numberOrNull(raw.flagsRaised),
        summary: orNull(raw.summary as string | undefined),
        lastModifiedDate: orNull(raw.lastModifiedDate as string | undefined)
    };
}

/** Keys never written: the id, the auto-number name and system fields. */
const READ_ONLY_KEYS = new Set(['id', 'name', 'lastModifiedDate']);

function writable(values: object): Record<string, unknown> {
    return Object.fromEntries(Object.entries(values).filter(([key]) => !READ_ONLY_KEYS.has(key)));
}

/** Fields of a meeting to write. */
export function meetingToFields(values: Partial<ReviewMeeting>): SalesforceRecord {
    return toRecord(REVIEW_MEETING.fields, writable(values));
}

export function entryFromRecord(record: SalesforceRecord): ReviewEntry {
    const raw = fromRecord<Record<string, unknown>>(REVIEW_ENTRY.fields, record);
    return {
        id: orNull(raw.id as string | undefined),
        meetingId: String(raw.meetingId ?? ''),
        leadId: orNull(raw.leadId as string | undefined),
        repId: orNull(raw.repId as string | undefined),
        progress: orNull(raw.progress as string | undefined),
        nextStep: orNull(raw.nextStep as string | undefined),
        nextStepDate: orNull(raw.nextStepDate as string | undefined),
        statusAtReview: orNull(raw.statusAtReview as string | undefined),
        statusAfter: orNull(raw.statusAfter as string | undefined),
        tierAtReview: oneOf<Tier>(TIERS, raw.tierAtReview),
        flags: splitList(raw.flags),
        outcome: oneOf<ReviewOutcome>(REVIEW_OUTCOMES, raw.outcome),
        reviewedAt: orNull(raw.reviewedAt as string | undefined),
        lastModifiedDate: orNull(raw.lastModifiedDate as string | undefined)
    };
}

export function entryToFields(values: Partial<ReviewEntry>): SalesforceRecord {
    const fields = writable(values);
    if (values.flags !== undefined) fields.flags = joinList(values.flags);
    return toRecord(REVIEW_ENTRY.fields, fields);
}

/** What the board compares with: the review an entry records, if it was reviewed. */
export function lastReviewOf(entry: ReviewEntry): LastReview | null {
    if (!entry.leadId || !entry.reviewedAt) return null;
    return {
        leadId: entry.leadId,
        reviewedAt: entry.reviewedAt,
        statusAtReview: entry.statusAtReview,
        tierAtReview: entry.tierAtReview
    };
}

export type WriteProblem = 'conflict' | 'deleted' | null;

/**
 * What a refused write means: `conflict` when a conditional write (If-Unmodified-Since)
 * found the record changed (HTTP 412 / PRECONDITION_FAILED), `deleted` when the record is
 * gone (404 / ENTITY_IS_DELETED / NOT_FOUND), null otherwise.
 */
export function writeProblem(error: unknown): WriteProblem {
    if (!error || typeof error !== 'object') return null;
    const e = error as { status?: unknown; body?: unknown };
    const bodies = Array.isArray(e.body) ? e.body : [e.body];
    const codes = bodies.map((b) => String((b as { errorCode?: unknown } | null)?.errorCode ?? ''));
    if (e.status === 412 || codes.includes('PRECONDITION_FAILED')) return 'conflict';
    if (e.status === 404 || codes.some((c) => c === 'ENTITY_IS_DELETED' || c === 'NOT_FOUND')) {
        return 'deleted';
    }
    return null;
}
