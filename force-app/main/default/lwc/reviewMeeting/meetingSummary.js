import { meetingToFields, summarizeMeeting, summaryText } from 'c/leadLoopCore';

/**
 * The summary of `meeting` at `now`: its entries against the team's open leads, and the
 * trend against the team's earlier completed meetings. For the meeting open on screen,
 * `saved` (what this screen saved) stands for its entries; leads that went during the
 * meeting are kept without a link and count too.
 */
export function summaryOf(meeting, { leads, entries, meetings, teams, openId, saved }, now) {
    const team = teams.find((t) => t.id === meeting.teamManagerId);
    const scope = leads.filter((l) => !l.isConverted && team?.repIds.includes(l.ownerId));
    const own = entries.filter((e) => e.meetingId === meeting.id);
    const mine = meeting.id === openId ? [...saved.values(), ...own.filter((e) => !e.leadId)] : own;
    const earlier = meetings
        .filter(
            (m) =>
                m.id !== meeting.id &&
                m.status === 'Completed' &&
                m.teamManagerId === meeting.teamManagerId &&
                (m.meetingDate ?? '') <= (meeting.meetingDate ?? '')
        )
        .map((m) => ({ meeting: m, entries: entries.filter((e) => e.meetingId === m.id) }));
    return summarizeMeeting(mine, scope, now, earlier);
}

/** The meeting record's fields once it ends: completed, with the summary's counts. */
export function completedFields(meetingId, summary) {
    return {
        Id: meetingId,
        ...meetingToFields({
            status: 'Completed',
            currentLeadId: null,
            leadsInScope: summary.leadsInScope,
            leadsReviewed: summary.leadsReviewed,
            overdueNextSteps: summary.overdueNextSteps,
            flagsRaised: summary.flagsRaised,
            summary: summaryText(summary)
        })
    };
}
