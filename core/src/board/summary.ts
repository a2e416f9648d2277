/**
 * The summary of a review meeting: coverage, overdue next steps, flags raised and cleared,
 * changes made, per rep, and the trend against earlier meetings.
 */
import { isoDate } from '../dates';
import type { Id, IsoDate, Lead } from '../types';
import { overdueDays } from './board';
import type { ReviewEntry, ReviewMeeting } from './types';

export interface RepSummary {
    repId: Id;
    inScope: number;
    reviewed: number;
    /** reviewed / in scope, 0–1 (1 when nothing was in scope). */
    coverage: number;
    overdueNextSteps: number;
}

export interface TrendPoint {
    meetingId: Id | null;
    meetingDate: IsoDate | null;
    coverage: number;
    overdueNextSteps: number;
    flagsRaised: number;
}

export interface MeetingSummary {
    leadsInScope: number;
    leadsReviewed: number;
    coverage: number;
    overdueNextSteps: number;
    flagsRaised: number;
    flagsCleared: number;
    changes: { nextSteps: number; statusChanges: number; handBacks: number };
    perRep: RepSummary[];
    /** Earlier meetings (oldest first), then this one. */
    trend: TrendPoint[];
    /** Change in coverage (percentage points) and overdue count against the last meeting. */
    versusLast: { coverage: number; overdueNextSteps: number } | null;
    /** Reviewed entries whose lead was deleted since (kept, counted in scope and reviewed). */
    deletedLeads: number;
}

/** An earlier meeting, with its entries when the flags it saw are wanted. */
export interface EarlierMeeting {
    meeting: Pick<
        ReviewMeeting,
        'id' | 'meetingDate' | 'leadsInScope' | 'leadsReviewed' | 'overdueNextSteps' | 'flagsRaised'
    >;
    entries?: readonly ReviewEntry[];
}

const ratio = (part: number, whole: number): number =>
    whole > 0 ? Math.round((part / whole) * 1000) / 1000 : 1;

/** The latest entry per lead (an entry saved twice in one meeting counts once). */
function latestByLead(entries: readonly ReviewEntry[]): Map<Id, ReviewEntry> {
    const map = new Map<Id, ReviewEntry>();
    for (const entry of entries) {
        if (!entry.leadId) continue;
        const seen = map.get(entry.leadId);
        if (!seen || (seen.reviewedAt ?? '') <= (entry.reviewedAt ?? '')) {
            map.set(entry.leadId, entry);
        }
    }
    return map;
}

/**
 * Summarizes a meeting. `leadsInScope` are the leads assigned to the team's reps for the
 * meeting (as they are now); an entry counts as reviewed once it has `reviewedAt`. A lead
 * reviewed and then reassigned out of the team, or deleted, stays in scope and reviewed. Flags
 * raised are checks on a reviewed lead that the lead's entry in the latest earlier
 * meeting (with entries) did not carry; cleared, the reverse. Overdue next steps are in-
 * scope leads whose next step (as agreed in this meeting, else on the lead) is past.
 */
export function summarizeMeeting(
    entries: readonly ReviewEntry[],
    leadsInScope: readonly Lead[],
    now: Date,
    earlierMeetings: readonly EarlierMeeting[] = []
): MeetingSummary {
    const byLead = latestByLead(entries);
    const previous = [...earlierMeetings]
        .filter((m) => m.entries)
        .sort((a, b) => (a.meeting.meetingDate ?? '').localeCompare(b.meeting.meetingDate ?? ''))
        .pop();
    const previousFlags = latestByLead(previous?.entries ?? []);

    const perRep = new Map<Id, RepSummary>();
    const repOf = (repId: Id): RepSummary => {
        if (!perRep.has(repId)) {
            perRep.set(repId, { repId, inScope: 0, reviewed: 0, coverage: 1, overdueNextSteps: 0 });
        }
        return perRep.get(repId)!;
    };
    let reviewed = 0;
    let overdue = 0;
    const scopeIds = new Set<Id>();
    for (const lead of leadsInScope) {
        scopeIds.add(lead.id);
        const rep = repOf(lead.ownerId);
        rep.inScope += 1;
        const entry = byLead.get(lead.id);
        if (entry?.reviewedAt) {
            reviewed += 1;
            rep.reviewed += 1;
        }
        const due = entry?.nextStepDate ?? lead.nextStepDate ?? null;
        if (overdueDays(due, now) > 0) {
            overdue += 1;
            rep.overdueNextSteps += 1;
        }
    }
    let flagsRaised = 0;
    let flagsCleared = 0;
    const changes = { nextSteps: 0, statusChanges: 0, handBacks: 0 };
    let deletedLeads = 0;
    let outOfScope = 0;
    for (const entry of entries) {
        if (!entry.leadId && entry.reviewedAt) deletedLeads += 1;
    }
    for (const entry of byLead.values()) {
        if (!entry.reviewedAt) continue;
        if (!scopeIds.has(entry.leadId!)) {
            // Reviewed, then reassigned out of the team: still a review, of its rep then.
            reviewed += 1;
            outOfScope += 1;
            const rep = repOf(entry.repId ?? '');
            rep.inScope += 1;
            rep.reviewed += 1;
        }
        const before = new Set(previousFlags.get(entry.leadId!)?.flags ?? []);
        const after = new Set(entry.flags);
        for (const flag of after) if (!before.has(flag)) flagsRaised += 1;
        for (const flag of before) if (!after.has(flag)) flagsCleared += 1;
        if (entry.outcome === 'Next_Step') changes.nextSteps += 1;
        if (entry.outcome === 'Handed_Back') changes.handBacks += 1;
        else if (entry.statusAfter && entry.statusAfter !== entry.statusAtReview) {
            changes.statusChanges += 1;
        }
    }
    reviewed += deletedLeads;
    const inScope = leadsInScope.length + outOfScope + deletedLeads;
    for (const rep of perRep.values()) rep.coverage = ratio(rep.reviewed, rep.inScope);
    const coverage = ratio(reviewed, inScope);

    const trend: TrendPoint[] = [...earlierMeetings]
        .map(({ meeting }) => ({
            meetingId: meeting.id,
            meetingDate: meeting.meetingDate,
            coverage: ratio(meeting.leadsReviewed ?? 0, meeting.leadsInScope ?? 0),
            overdueNextSteps: meeting.overdueNextSteps ?? 0,
            flagsRaised: meeting.flagsRaised ?? 0
        }))
        .sort((a, b) => (a.meetingDate ?? '').localeCompare(b.meetingDate ?? ''));
    const last = trend.at(-1);
    trend.push({
        meetingId: null,
        meetingDate: isoDate(now),
        coverage,
        overdueNextSteps: overdue,
        flagsRaised
    });
    return {
        leadsInScope: inScope,
        leadsReviewed: reviewed,
        coverage,
        overdueNextSteps: overdue,
        flagsRaised,
        flagsCleared,
        changes,
        perRep: [...perRep.values()].sort((a, b) => a.repId.localeCompare(b.repId)),
        trend,
        versusLast: last
            ? {
                  coverage: Math.round((coverage - last.coverage) * 1000) / 10,
                  overdueNextSteps: overdue - last.overdueNextSteps
              }
            : null,
        deletedLeads
    };
}

/** One line for the meeting record's summary field. */
export function summaryText(summary: MeetingSummary): string {
    const pct = (n: number) => `${Math.round(n * 100)}%`;
    const parts = [
        `Reviewed ${summary.leadsReviewed} of ${summary.leadsInScope} leads (${pct(summary.coverage)})`,
        `${summary.overdueNextSteps} overdue next steps`,
        `${summary.flagsRaised} flags raised, ${summary.flagsCleared} cleared`,
        `${summary.changes.nextSteps} next steps set, ${summary.changes.statusChanges} status changes, ${summary.changes.handBacks} hand-backs`
    ];
    if (summary.versusLast) {
        const c = summary.versusLast.coverage;
        parts.push(`coverage ${c >= 0 ? '+' : ''}${c} points vs the last meeting`);
    }
    return `${parts.join('; ')}.`;
}
