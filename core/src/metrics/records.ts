/**
 * Records (REST, UI API or GraphQL shape) as metrics inputs, so the CLI and
 * the funnel page read them the same way. API names come from the schema.
 */
import { fieldNumber, fieldValue, fromRecord, type SalesforceRecord } from '../records';
import { REVIEW_ENTRY, REVIEW_MEETING } from '../schema';
import { activityFromRecord } from '../scoring/records';
import type {
    MetricActivity,
    MetricCampaign,
    MetricOpportunity,
    MetricReviewEntry,
    MetricReviewMeeting
} from './types';

const str = (v: unknown): string | null => {
    const x = fieldValue(v);
    return typeof x === 'string' && x !== '' ? x : null;
};
const bool = (v: unknown): boolean => {
    const x = fieldValue(v);
    return x === true || x === 'true';
};
const flat = (r: SalesforceRecord): SalesforceRecord =>
    r.fields && typeof r.fields === 'object' ? { Id: r.id, ...(r.fields as SalesforceRecord) } : r;

/** A Task or Event with the fields that time a touch (StartDateTime, CompletedDateTime, IsClosed). */
export function metricActivityFromRecord(
    record: SalesforceRecord,
    kind: 'Task' | 'Event'
): MetricActivity {
    const r = flat(record ?? {});
    const isClosed = fieldValue(r.IsClosed);
    return {
        ...activityFromRecord(r, kind),
        startDateTime: str(r.StartDateTime),
        completedDateTime: str(r.CompletedDateTime),
        isClosed: isClosed === undefined || isClosed === null ? null : bool(isClosed)
    };
}

export function metricOpportunityFromRecord(record: SalesforceRecord): MetricOpportunity {
    const r = flat(record ?? {});
    return {
        id: str(r.Id) ?? '',
        isWon: bool(r.IsWon),
        isClosed: bool(r.IsClosed),
        amount: fieldNumber(r.Amount)
    };
}

export function metricCampaignFromRecord(record: SalesforceRecord): MetricCampaign {
    const r = flat(record ?? {});
    return { id: str(r.Id) ?? '', name: str(r.Name) ?? '', actualCost: fieldNumber(r.ActualCost) };
}

export function reviewEntryFromRecord(record: SalesforceRecord): MetricReviewEntry {
    const e = fromRecord<Record<string, unknown>>(REVIEW_ENTRY.fields, record ?? {});
    return {
        leadId: str(e.leadId) ?? '',
        meetingId: str(e.meetingId),
        reviewedAt: str(e.reviewedAt)
    };
}

export function reviewMeetingFromRecord(record: SalesforceRecord): MetricReviewMeeting {
    const m = fromRecord<Record<string, unknown>>(REVIEW_MEETING.fields, record ?? {});
    return {
        id: str(m.id) ?? '',
        meetingDate: str(m.meetingDate),
        status: str(m.status),
        leadsInScope: fieldNumber(m.leadsInScope),
        leadsReviewed: fieldNumber(m.leadsReviewed)
    };
}
