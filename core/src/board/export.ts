/**
 * Review exports (`leadloop review export`): which meetings a period covers, and one flat
 * row per review entry with its meeting, for CSV or JSON.
 */
import type { IsoDate } from '../types';
import type { ReviewEntry, ReviewMeeting } from './types';

export const REVIEW_EXPORT_COLUMNS = [
    'meetingId',
    'meetingDate',
    'meetingStatus',
    'teamManagerId',
    'periodStart',
    'periodEnd',
    'entryId',
    'leadId',
    'repId',
    'reviewedAt',
    'outcome',
    'statusAtReview',
    'statusAfter',
    'tierAtReview',
    'flags',
    'progress',
    'nextStep',
    'nextStepDate'
] as const;
export type ReviewExportRow = Record<(typeof REVIEW_EXPORT_COLUMNS)[number], string | null>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks a `--from`/`--to` period; a clear message per problem. */
export function checkPeriod(from: string | undefined, to: string | undefined): string[] {
    const problems: string[] = [];
    for (const [name, value] of [
        ['--from', from],
        ['--to', to]
    ] as const) {
        if (value !== undefined && (!DATE.test(value) || Number.isNaN(Date.parse(value)))) {
            problems.push(`${name} must be a date as YYYY-MM-DD, not "${value}".`);
        }
    }
    if (!problems.length && from && to && from > to) {
        problems.push(`--from (${from}) is after --to (${to}).`);
    }
    return problems;
}

/** Meetings held in the period (meeting date, both ends included; open ends allowed). */
export function meetingsInPeriod(
    meetings: readonly ReviewMeeting[],
    from: IsoDate | undefined,
    to: IsoDate | undefined
): ReviewMeeting[] {
    return meetings.filter(
        (m) => !!m.meetingDate && (!from || m.meetingDate >= from) && (!to || m.meetingDate <= to)
    );
}

/** One row per entry, meetings in the order given, entries by review time. */
export function reviewExportRows(
    meetings: readonly ReviewMeeting[],
    entries: readonly ReviewEntry[]
): ReviewExportRow[] {
    const rows: ReviewExportRow[] = [];
    for (const m of meetings) {
        const mine = entries
            .filter((e) => e.meetingId === m.id)
            .sort((a, b) => (a.reviewedAt ?? '~').localeCompare(b.reviewedAt ?? '~'));
        for (const e of mine) {
            rows.push({
                meetingId: m.id,
                meetingDate: m.meetingDate,
                meetingStatus: m.status,
                teamManagerId: m.teamManagerId,
                periodStart: m.periodStart,
                periodEnd: m.periodEnd,
                entryId: e.id,
                leadId: e.leadId,
                repId: e.repId,
                reviewedAt: e.reviewedAt,
                outcome: e.outcome,
                statusAtReview: e.statusAtReview,
                statusAfter: e.statusAfter,
                tierAtReview: e.tierAtReview,
                flags: e.flags.join(';'),
                progress: e.progress,
                nextStep: e.nextStep,
                nextStepDate: e.nextStepDate
            });
        }
    }
    return rows;
}
