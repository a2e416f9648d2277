/**
 * Building the review board from leads, their hygiene findings and what the last review
 * saw: lanes per rep or per status, one card per open lead, filters, and the order a
 * meeting walks the board in.
 */
import { daysBetween, isoDate } from '../dates';
import { TIERS, type Id, type Lead, type LeadLoopSettings, type Tier } from '../types';
import type {
    Board,
    BoardCard,
    BoardChange,
    BoardFinding,
    BoardFilters,
    BoardLane,
    BoardOptions,
    LastReview,
    MeetingStop
} from './types';

/** Hot first; leads without a tier last. */
export function tierRank(tier: Tier | null | undefined): number {
    const i = tier ? TIERS.indexOf(tier) : -1;
    return i < 0 ? TIERS.length : i;
}

export function personName(lead: Pick<Lead, 'firstName' | 'lastName'>): string {
    return [lead.firstName, lead.lastName].filter(Boolean).join(' ');
}

/** The statuses in the order the process runs (settings), for status lanes and moves. */
export function statusOrder(settings: LeadLoopSettings): string[] {
    const ordered = [
        ...settings.openStatuses,
        ...settings.workingStatuses,
        ...settings.qualifiedStatuses,
        settings.nurturingStatus,
        ...settings.disqualifiedStatuses
    ];
    return [...new Set(ordered)];
}

/** Whole days a next step is overdue on `now`'s date (0 when due today, later or unset). */
export function overdueDays(nextStepDate: string | null | undefined, now: Date): number {
    if (!nextStepDate) {
        return 0;
    }
    const days = daysBetween(nextStepDate, isoDate(now));
    return Number.isFinite(days) && days > 0 ? days : 0;
}

function changesFor(lead: Lead, last: LastReview | undefined): BoardChange[] {
    if (!last) {
        return [{ kind: 'new', text: 'New since the last review' }];
    }
    const changes: BoardChange[] = [];
    const before = tierRank(last.tierAtReview);
    const after = tierRank(lead.tier);
    if (last.tierAtReview && lead.tier && after < before) {
        changes.push({ kind: 'tier-up', text: `Tier up: ${last.tierAtReview} → ${lead.tier}` });
    } else if (last.tierAtReview && lead.tier && after > before) {
        changes.push({
            kind: 'tier-down',
            text: `Tier down: ${last.tierAtReview} → ${lead.tier}`
        });
    }
    if (last.statusAtReview && last.statusAtReview !== lead.status) {
        changes.push({
            kind: 'status-moved',
            text: `Status moved: ${last.statusAtReview} → ${lead.status}`
        });
    }
    // LastActivityDate is a date: a touch on the review day counts as after the review.
    const touched =
        !!lead.lastActivityDate && lead.lastActivityDate >= last.reviewedAt.slice(0, 10);
    changes.push(
        touched
            ? { kind: 'touched', text: 'Touched since the last review' }
            : { kind: 'untouched', text: 'Not touched since the last review' }
    );
    return changes;
}

function cardFor(
    lead: Lead,
    flags: BoardFinding[],
    last: LastReview | undefined,
    ownerNames: Readonly<Record<Id, string>>,
    now: Date
): BoardCard {
    const touchedOn = lead.lastActivityDate ?? null;
    const since = daysBetween(touchedOn ?? lead.createdDate, now);
    const overdue = overdueDays(lead.nextStepDate, now);
    return {
        id: lead.id,
        name: personName(lead),
        company: lead.company ?? '',
        ownerId: lead.ownerId,
        ownerName: ownerNames[lead.ownerId] ?? lead.ownerId,
        status: lead.status,
        tier: lead.tier ?? null,
        score: lead.score ?? null,
        daysSinceTouch: Number.isFinite(since) ? Math.max(0, since) : null,
        everTouched: !!touchedOn,
        flags,
        nextStep: lead.nextStep ?? null,
        nextStepDate: lead.nextStepDate ?? null,
        nextStepOverdue: overdue > 0,
        overdueDays: overdue,
        changes: changesFor(lead, last)
    };
}

function passes(card: BoardCard, filters: BoardFilters): boolean {
    if (filters.ownerIds?.length && !filters.ownerIds.includes(card.ownerId)) {
        return false;
    }
    if (filters.tiers?.length && !(card.tier && filters.tiers.includes(card.tier))) {
        return false;
    }
    if (filters.flag && !card.flags.some((f) => f.checkId === filters.flag)) {
        return false;
    }
    return !(filters.overdueOnly && !card.nextStepOverdue);
}

/** Within a lane: hottest first, then the most overdue, then by name. */
export function compareCards(a: BoardCard, b: BoardCard): number {
    return (
        tierRank(a.tier) - tierRank(b.tier) ||
        b.overdueDays - a.overdueDays ||
        a.name.localeCompare(b.name) ||
        a.id.localeCompare(b.id)
    );
}

/** The latest review per lead, from any number of entries. */
export function latestReviews(reviews: readonly LastReview[]): Map<Id, LastReview> {
    const byLead = new Map<Id, LastReview>();
    for (const review of reviews) {
        const seen = byLead.get(review.leadId);
        if (!seen || seen.reviewedAt < review.reviewedAt) {
            byLead.set(review.leadId, review);
        }
    }
    return byLead;
}

/**
 * The board: one card per open (not converted) lead, in lanes per rep (by name) or per
 * status (in the process order of the settings, then any other status met). Filters hide
 * cards, and empty rep lanes; status lanes always show, so a card can be dropped on any.
 */
export function buildBoard(
    leads: readonly Lead[],
    findings: readonly BoardFinding[],
    lastReview: readonly LastReview[],
    settings: LeadLoopSettings,
    now: Date,
    options: BoardOptions
): Board {
    const flagsByLead = new Map<Id, BoardFinding[]>();
    for (const f of findings) {
        const list = flagsByLead.get(f.leadId) ?? [];
        list.push({ leadId: f.leadId, checkId: f.checkId, severity: f.severity, title: f.title });
        flagsByLead.set(f.leadId, list);
    }
    const reviews = latestReviews(lastReview);
    const ownerNames = options.ownerNames ?? {};
    const filters = options.filters ?? {};
    const lanes = new Map<string, BoardLane>();
    if (options.laneBy === 'status') {
        for (const status of statusOrder(settings)) {
            lanes.set(status, { key: status, label: status, cards: [] });
        }
    }
    let shown = 0;
    let hidden = 0;
    for (const lead of leads) {
        if (lead.isConverted) {
            continue;
        }
        const card = cardFor(
            lead,
            flagsByLead.get(lead.id) ?? [],
            reviews.get(lead.id),
            ownerNames,
            now
        );
        if (!passes(card, filters)) {
            hidden += 1;
            continue;
        }
        shown += 1;
        const key = options.laneBy === 'rep' ? card.ownerId : card.status;
        const label = options.laneBy === 'rep' ? card.ownerName : card.status;
        if (!lanes.has(key)) {
            lanes.set(key, { key, label, cards: [] });
        }
        lanes.get(key)!.cards.push(card);
    }
    const list = [...lanes.values()];
    for (const lane of list) {
        lane.cards.sort(compareCards);
    }
    if (options.laneBy === 'rep') {
        list.sort((a, b) => a.label.localeCompare(b.label) || a.key.localeCompare(b.key));
    }
    return { laneBy: options.laneBy, lanes: list, shown, hidden };
}

/** The meeting's walk: rep by rep (by name), each rep's leads in board order. */
export function meetingOrder(board: Board): MeetingStop[] {
    if (board.laneBy !== 'rep') {
        throw new Error('A meeting walks a board with a lane per rep (laneBy: "rep").');
    }
    const stops: MeetingStop[] = [];
    board.lanes.forEach((lane, repIndex) => {
        lane.cards.forEach((card, leadIndex) => {
            stops.push({
                repId: lane.key,
                repName: lane.label,
                leadId: card.id,
                repIndex,
                leadIndex
            });
        });
    });
    return stops;
}

/** Where a meeting resumes: the saved current lead, else the first lead not yet reviewed. */
export function resumeIndex(
    stops: readonly MeetingStop[],
    currentLeadId: Id | null,
    reviewedLeadIds: ReadonlySet<Id>
): number {
    const saved = currentLeadId ? stops.findIndex((s) => s.leadId === currentLeadId) : -1;
    if (saved >= 0) {
        return saved;
    }
    const open = stops.findIndex((s) => !reviewedLeadIds.has(s.leadId));
    return open >= 0 ? open : 0;
}

export interface FieldProblem {
    field: string;
    message: string;
}

/**
 * Checks a next step before it is saved: a date must not be in the past (today is fine),
 * a date needs a step and the step fits the field (255).
 */
export function validateNextStep(
    nextStep: string | null | undefined,
    nextStepDate: string | null | undefined,
    now: Date
): FieldProblem[] {
    const problems: FieldProblem[] = [];
    const step = (nextStep ?? '').trim();
    const date = (nextStepDate ?? '').trim();
    if (step.length > 255) {
        problems.push({
            field: 'nextStep',
            message: `The next step is ${step.length} characters; keep it to 255.`
        });
    }
    if (date) {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
            problems.push({
                field: 'nextStepDate',
                message: `"${date}" is not a date; use YYYY-MM-DD.`
            });
        } else if (date < isoDate(now)) {
            problems.push({
                field: 'nextStepDate',
                message: `The next-step date ${date} is in the past; pick today (${isoDate(now)}) or a later date.`
            });
        }
        if (!step) {
            problems.push({
                field: 'nextStep',
                message: 'Say what the next step is when you give it a date.'
            });
        }
    }
    return problems;
}

/** Checks a status move from the board: the target must be a known, different status. */
export function checkStatusMove(
    card: Pick<BoardCard, 'name' | 'status'>,
    toStatus: string,
    settings: LeadLoopSettings
): string | null {
    if (!statusOrder(settings).includes(toStatus)) {
        return `"${toStatus}" is not a lead status Lead Loop knows; check the settings' status lists.`;
    }
    if (toStatus === card.status) {
        return `${card.name} is already ${toStatus}.`;
    }
    return null;
}
