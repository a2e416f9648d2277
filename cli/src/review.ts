/**
 * `leadloop review export`: the entries of one review meeting or of every meeting in a
 * period, read with the one SOQL builder and flattened by the core.
 */
import {
    REVIEW_ENTRY,
    REVIEW_ENTRY_FIELDS,
    REVIEW_EXPORT_COLUMNS,
    REVIEW_MEETING,
    REVIEW_MEETING_FIELDS,
    checkPeriod,
    entryFromRecord,
    meetingFromRecord,
    meetingsInPeriod,
    reviewExportRows,
    type ReviewExportRow
} from '../../core/src/index';
import { cond, soql, UserError, type Api } from './api/index';
import { UsageError } from './output';

export interface ReviewExportOptions {
    meetingId?: string;
    from?: string;
    to?: string;
}

export interface ReviewExport {
    meetings: number;
    rows: ReviewExportRow[];
}

/** Ids per query, so a long period never builds an overlong IN list. */
const IDS_PER_QUERY = 200;
const ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

export async function exportReview(api: Api, options: ReviewExportOptions): Promise<ReviewExport> {
    const { meetingId, from, to } = options;
    if (meetingId && (from || to)) {
        throw new UsageError('Give a meeting id or a period (--from/--to), not both.');
    }
    if (!meetingId && !from && !to) {
        throw new UsageError('Say which meetings: a meeting id, or --from and/or --to.');
    }
    if (meetingId && !ID.test(meetingId)) {
        throw new UsageError(`"${meetingId}" is not a record id (15 or 18 letters and digits).`);
    }
    const problems = checkPeriod(from, to);
    if (problems.length) throw new UsageError(problems.join(' '));

    const meetingQuery = soql({
        select: REVIEW_MEETING_FIELDS,
        from: REVIEW_MEETING.objectApiName,
        where: meetingId ? [cond('Id', '=', meetingId)] : [],
        orderBy: { field: REVIEW_MEETING.fields.meetingDate, direction: 'ASC' }
    });
    // Meetings are few (about one a week per team): the period is applied here, so the
    // query needs no date literal.
    const all = (await api.query(meetingQuery)).map(meetingFromRecord);
    const meetings = meetingId ? all : meetingsInPeriod(all, from, to);
    if (meetingId && !meetings.length) {
        throw new UserError(
            `No review meeting ${meetingId} in this org (or it is not visible to you).`
        );
    }
    const entries = [];
    for (let i = 0; i < meetings.length; i += IDS_PER_QUERY) {
        const ids = meetings.slice(i, i + IDS_PER_QUERY).map((m) => m.id!);
        const records = await api.query(
            soql({
                select: REVIEW_ENTRY_FIELDS,
                from: REVIEW_ENTRY.objectApiName,
                where: [cond(REVIEW_ENTRY.fields.meetingId, 'IN', ids)]
            })
        );
        entries.push(...records.map(entryFromRecord));
    }
    return { meetings: meetings.length, rows: reviewExportRows(meetings, entries) };
}

export { REVIEW_EXPORT_COLUMNS };
