/**
 * What one lead contributes to the metrics ("facts"), derived from its record
 * and its related records through the LL_Settings__c status mapping. Both
 * per-lead pages and grouped aggregate rows become facts, so one accumulator
 * serves the CLI (every lead) and the funnel page (GraphQL aggregates).
 */
import { MS_PER_DAY, toEpochMs } from '../dates';
import type { Id, Lead, LeadLoopSettings } from '../types';
import { FUNNEL_STAGES, type FunnelStage, type LeakKind } from './types';

/** The Group key prefix: an OwnerId starting with it is a queue, not a user. */
export const QUEUE_KEY_PREFIX = '00G';

export const isQueueId = (ownerId: Id): boolean => ownerId.startsWith(QUEUE_KEY_PREFIX);

/** Stage index in FUNNEL_STAGES. */
export const STAGE = Object.fromEntries(FUNNEL_STAGES.map((s, i) => [s, i])) as Record<
    FunnelStage,
    number
>;

/** The settings' status mapping as sets, resolved once per computation. */
export interface StatusMap {
    qualified: ReadonlySet<string>;
    disqualified: ReadonlySet<string>;
    nurturing: string;
}

export function statusMap(settings: LeadLoopSettings): StatusMap {
    return {
        qualified: new Set(settings.qualifiedStatuses),
        disqualified: new Set(settings.disqualifiedStatuses),
        nurturing: settings.nurturingStatus
    };
}

/** The record state the stage rules read (known for every lead and every aggregate group). */
export interface StageInputs {
    status: string;
    converted: boolean;
    /** The owner is a user (a rep), not a queue. */
    ownerIsUser: boolean;
    /** LL_Previous_Owner__c is set: sales owned it before handing it back. */
    hasPreviousOwner: boolean;
    salesReady: boolean;
    touched: boolean;
    handedBack: boolean;
    won: boolean;
    /** The converted opportunity is closed and not won. */
    lost: boolean;
    dead: boolean;
}

/** Bit i set = the lead shows stage i's own evidence (README: "The six-stage funnel"). */
export function stageEvidence(s: StageInputs, map: StatusMap): number {
    const handed = s.converted || s.ownerIsUser || s.hasPreviousOwner;
    let bits = 1 << STAGE.generated;
    if (s.converted || map.qualified.has(s.status) || s.salesReady) bits |= 1 << STAGE.qualified;
    if (s.status === map.nurturing || s.handedBack) bits |= 1 << STAGE.nurturing;
    if (handed) bits |= 1 << STAGE.handedToSales;
    if (s.converted || (handed && s.touched)) bits |= 1 << STAGE.pursued;
    if (s.won) bits |= 1 << STAGE.won;
    return bits;
}

/** Index of the highest set bit: the furthest stage reached. */
export function furthestStage(bits: number): number {
    return 31 - Math.clz32(bits);
}

export function leakKind(s: StageInputs, map: StatusMap): LeakKind {
    if (s.lost) return 'lost';
    if (!s.converted && map.disqualified.has(s.status)) return 'disqualified';
    if (s.dead) return 'dead';
    return 'inProgress';
}

/** Still in play: not converted, not disqualified, not being nurtured. */
export function isOpen(status: string, converted: boolean, map: StatusMap): boolean {
    return !converted && !map.disqualified.has(status) && status !== map.nurturing;
}

/** A lead's contribution; amounts are totals (of the group, for aggregate rows). */
export interface LeadFacts extends StageInputs {
    evidence: number;
    furthest: number;
    leak: LeakKind;
    open: boolean;
    /** Hours from creation to the first touch; null when unknown or untouched. */
    firstTouchHours: number | null;
    /** Old enough for the follow-up SLA to have passed, and the first touch is known or absent. */
    slaEligible: boolean;
    withinSla: boolean;
    source: string;
    tier: string;
    wonAmount: number;
    handbackReason: string | null;
    inReviewScope: boolean;
    reviewed: boolean;
}

/** Touch times of one lead, gathered from its activities (epoch ms). */
export interface TouchTimes {
    first: number;
    last: number;
}

export interface LeadContext {
    settings: LeadLoopSettings;
    map: StatusMap;
    nowMs: number;
    reviewWindowDays: number;
    isQueue: (ownerId: Id) => boolean;
}

export const NO_SOURCE = '(none)';
export const UNSCORED = 'Unscored';
export const UNSPECIFIED_REASON = 'Unspecified';

/**
 * Fills in the derived facts (stage evidence, furthest stage, leak, open, review scope)
 * of facts built with placeholders for them (`evidence: 0, furthest: 0, leak:
 * 'inProgress', open: false, inReviewScope: false`), in place: one object of one shape,
 * reused lead after lead by `addLeads` (`scratchFacts`).
 */
export function derive(f: LeadFacts, map: StatusMap): LeadFacts {
    f.evidence = stageEvidence(f, map);
    f.furthest = furthestStage(f.evidence);
    f.leak = leakKind(f, map);
    f.open = isOpen(f.status, f.converted, map);
    f.inReviewScope = f.open && f.ownerIsUser;
    return f;
}

/** A facts object to fill (one per page, reused lead after lead: a million leads, one object). */
export function scratchFacts(): LeadFacts {
    return {
        status: '',
        converted: false,
        ownerIsUser: false,
        hasPreviousOwner: false,
        salesReady: false,
        touched: false,
        handedBack: false,
        won: false,
        lost: false,
        dead: false,
        firstTouchHours: null,
        slaEligible: false,
        withinSla: false,
        source: NO_SOURCE,
        tier: UNSCORED,
        wonAmount: 0,
        handbackReason: null,
        reviewed: false,
        evidence: 0,
        furthest: 0,
        leak: 'inProgress',
        open: false,
        inReviewScope: false
    };
}

/**
 * Facts of one lead. `touches` are its touches from activities (null: none
 * given); `opportunityWon`/`amount` describe its converted opportunity;
 * `lastReviewedMs` is the latest review (entries or LL_Last_Reviewed__c).
 * Written into `into` when given (a scratch object the caller reuses), else a new object.
 */
export function leadFacts(
    lead: Lead,
    touches: TouchTimes | null,
    opportunity: { isWon: boolean; isClosed: boolean; amount?: number | null } | null,
    lastReviewedEntryMs: number,
    ctx: LeadContext,
    into: LeadFacts = scratchFacts()
): LeadFacts {
    const { settings, map, nowMs } = ctx;
    const createdMs = toEpochMs(lead.createdDate);
    const lastActivityMs = toEpochMs(lead.lastActivityDate);
    const activityTouch = Number.isFinite(lastActivityMs) && lastActivityMs <= nowMs;
    const touched = touches !== null || activityTouch;
    const lastTouchMs = Math.max(
        touches?.last ?? -Infinity,
        activityTouch ? lastActivityMs : -Infinity
    );
    const converted = lead.isConverted === true;
    const won = converted && opportunity?.isWon === true;
    const status = lead.status ?? '';

    let firstTouchHours: number | null = null;
    if (touches && Number.isFinite(createdMs)) {
        firstTouchHours = Math.max(0, touches.first - createdMs) / 3_600_000;
    }
    const slaMs = settings.followUpSlaDays * MS_PER_DAY;
    const oldEnough = Number.isFinite(createdMs) && nowMs - createdMs >= slaMs;
    // Touched, but only LastActivityDate says so: the first touch time is unknown.
    const slaEligible = oldEnough && (!touched || firstTouchHours !== null);
    const withinSla =
        slaEligible && firstTouchHours !== null && firstTouchHours * 3_600_000 <= slaMs;

    const sinceMs = touched ? lastTouchMs : createdMs;
    const dead =
        isOpen(status, converted, map) &&
        Number.isFinite(sinceMs) &&
        Math.floor((nowMs - sinceMs) / MS_PER_DAY) >= settings.deadAfterDays;

    const handedBack = Boolean(lead.handedBackAt) || (lead.handbackCount ?? 0) > 0;
    const reviewedMs = Math.max(lastReviewedEntryMs, toEpochMs(lead.lastReviewed) || -Infinity);

    const f = into;
    f.status = status;
    f.converted = converted;
    f.ownerIsUser = Boolean(lead.ownerId) && !ctx.isQueue(lead.ownerId);
    f.hasPreviousOwner = Boolean(lead.previousOwnerId);
    f.salesReady = lead.salesReady === true;
    f.touched = touched;
    f.handedBack = handedBack;
    f.won = won;
    f.lost = converted && opportunity !== null && opportunity.isClosed && !opportunity.isWon;
    f.dead = dead;
    f.firstTouchHours = firstTouchHours;
    f.slaEligible = slaEligible;
    f.withinSla = withinSla;
    f.source = lead.leadSource || NO_SOURCE;
    f.tier = lead.tier || UNSCORED;
    f.wonAmount = won ? Number(opportunity?.amount) || 0 : 0;
    f.handbackReason = handedBack ? lead.handbackReason || UNSPECIFIED_REASON : null;
    f.reviewed = reviewedMs >= nowMs - ctx.reviewWindowDays * MS_PER_DAY;
    return derive(f, map);
}
