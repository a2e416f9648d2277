import { buildBoard, lastReviewOf } from 'c/leadLoopCore';
import { MESSAGES } from './meetingWrites';

/**
 * The team's board for a meeting (rep lanes, the team's reps only), with what changed
 * since each lead's review before this meeting.
 */
export function teamBoard({ leads, findings, entries, settings, ownerNames }, meetingId, team) {
    const earlier = entries.filter((e) => e.meetingId !== meetingId);
    return buildBoard(
        leads,
        findings,
        earlier.map(lastReviewOf).filter(Boolean),
        settings,
        new Date(),
        {
            laneBy: 'rep',
            ownerNames,
            filters: { ownerIds: team?.repIds ?? [] }
        }
    );
}

/** Cards per meeting screen, outside its reactive fields so reading them never re-renders. */
const CARDS = new WeakMap();

/**
 * The team's cards by lead id for `host` (the meeting screen: leads, findings, entries,
 * settings, ownerNames), built once per version of its leads, not per render.
 */
export function teamCards(host, meetingId, team) {
    const cached = CARDS.get(host);
    if (cached?.leads === host.leads && cached.meetingId === meetingId) return cached.cards;
    const board = teamBoard(host, meetingId, team);
    const cards = new Map(board.lanes.flatMap((l) => l.cards).map((c) => [c.id, c]));
    CARDS.set(host, { leads: host.leads, meetingId, cards });
    return cards;
}

/** "Rep 1 of 2: Ana Ruiz · lead 2 of 18 · 3 of 36 reviewed" for the stop at `index`. */
export function positionText(stops, index, saved) {
    const s = stops[index];
    if (!s) return 'No open leads for this team.';
    const reps = new Set(stops.map((x) => x.repId)).size;
    const ofRep = stops.filter((x) => x.repId === s.repId).length;
    const reviewed = stops.filter((x) => saved.get(x.leadId)?.reviewedAt).length;
    return `Rep ${s.repIndex + 1} of ${reps}: ${s.repName} · lead ${s.leadIndex + 1} of ${ofRep} · ${reviewed} of ${stops.length} reviewed`;
}

/** What to know about the stop's lead now: gone from the board, or reassigned. */
export function noticeFor(stop, card) {
    if (!stop) return '';
    if (!card) return MESSAGES.missing;
    return card.ownerId !== stop.repId ? MESSAGES.reassigned(card.ownerName) : '';
}

/** The index of the first stop of the rep `step` reps away from the current one, or -1. */
export function repStart(stops, index, step) {
    const rep = stops[index].repIndex + step;
    return stops.findIndex((s) => s.repIndex === rep);
}
