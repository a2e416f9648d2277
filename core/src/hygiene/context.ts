/**
 * What every check needs, computed once per audit in linear time: owners by id, the
 * nurture queue, each lead's latest touch, the lifecycle stage of each status, and the
 * facts of one lead (so ten checks do not recompute them).
 */
import { MS_PER_DAY, toEpochMs } from '../dates';
import type { Id, Lead, LeadLoopSettings } from '../types';
import { PositionTable } from './positionTable';
import type { HygieneActivity, HygieneQueue, HygieneSnapshot, HygieneUser } from './types';

export type Stage =
    'open' | 'working' | 'qualified' | 'nurturing' | 'disqualified' | 'converted' | 'other';

export type LeadOwner =
    | { kind: 'user'; user: HygieneUser }
    | { kind: 'queue'; queue: HygieneQueue }
    | { kind: 'missing'; id: Id | null };

/** The latest touch on a lead: a done Task, a past Event, or the platform's LastActivityDate. */
export interface Touch {
    ms: number;
    /** The activity, when the touch came from one (not from LastActivityDate alone). */
    activity: HygieneActivity | null;
}

export interface AuditContext {
    settings: LeadLoopSettings;
    now: Date;
    nowMs: number;
    /** Today's date (UTC), ISO. */
    today: string;
    users: ReadonlyMap<Id, HygieneUser>;
    queues: ReadonlyMap<Id, HygieneQueue>;
    nurtureQueueId: Id | null;
    snapshot: HygieneSnapshot;
    stageOf(status: string | null | undefined, isConverted?: boolean | null): Stage;
    /**
     * Per lead position: AUDITED, or why it is skipped (NO_ID, REPEATED_ID). Checks that
     * index the whole snapshot use only audited leads.
     */
    leadState: Uint8Array;
    /** Position of each audited lead by id (`find(id)`, -1 when absent). */
    leadIndex: PositionTable;
    /** Latest activity touch per lead position: its time (NaN: none) and the activity. */
    touchMs: Float64Array;
    touchActivity: readonly (HygieneActivity | null)[];
    /** The owner of a lead by owner id: one object per user or queue, shared by their leads. */
    ownerOf(ownerId: Id | null | undefined): LeadOwner;
    /** An index built once per audit and shared by the checks that need it. */
    shared<T>(name: string, build: () => T): T;
}

export const AUDITED = 0;
export const NO_ID = 1;
export const REPEATED_ID = 2;

/** One lead with what the checks ask about it. */
export interface LeadFacts {
    lead: Lead;
    /** Position in snapshot.leads (checks keep per-lead values in arrays by it). */
    index: number;
    stage: Stage;
    /** Not converted and not closed as disqualified. */
    isOpen: boolean;
    owner: LeadOwner;
    createdMs: number;
    touch: Touch | null;
    /** Whole days since the last touch, or since creation when never touched. */
    daysIdle: number;
}

export function leadName(lead: Pick<Lead, 'firstName' | 'lastName' | 'company'>): string {
    const person = [lead.firstName, lead.lastName].filter(Boolean).join(' ');
    return lead.company ? `${person} (${lead.company})` : person;
}

export function wholeDays(fromMs: number, toMs: number): number {
    return Math.floor((toMs - fromMs) / MS_PER_DAY);
}

function activityMs(activity: HygieneActivity): number {
    const date = activity.activityDate ?? activity.createdDate;
    return toEpochMs(date);
}

/** A Task counts once done (IsClosed, or Status Completed when IsClosed was not read). */
function isDone(activity: HygieneActivity): boolean {
    if (activity.kind === 'Event') return true;
    if (activity.isClosed === true || activity.isClosed === false) return activity.isClosed;
    return activity.status === 'Completed';
}

/** Position of each lead id, and which positions are audited (first of each id). */
function indexLeads(leads: readonly Lead[]): { leadState: Uint8Array; leadIndex: PositionTable } {
    const leadState = new Uint8Array(leads.length);
    const ids = leads.map((lead) => (lead && typeof lead === 'object' ? lead.id : null));
    const leadIndex = new PositionTable(ids, leads.length);
    for (let i = 0; i < leads.length; i++) {
        if (!ids[i] || typeof ids[i] !== 'string') leadState[i] = NO_ID;
        else if (leadIndex.add(i) >= 0) leadState[i] = REPEATED_ID;
    }
    return { leadState, leadIndex };
}

/**
 * The latest touch per lead position, in two arrays (a million activities make no objects).
 * Later wins; equal times go to the smaller activity id, so input order never changes it.
 */
function latestTouches(
    snapshot: HygieneSnapshot,
    leadIndex: PositionTable,
    nowMs: number
): { touchMs: Float64Array; touchActivity: (HygieneActivity | null)[] } {
    const touchMs = new Float64Array(snapshot.leads.length).fill(Number.NaN);
    const touchActivity: (HygieneActivity | null)[] = new Array(snapshot.leads.length).fill(null);
    for (const list of [snapshot.tasks, snapshot.events]) {
        for (const activity of list) {
            if (!activity?.whoId || !isDone(activity)) continue;
            const ms = activityMs(activity);
            if (!(ms <= nowMs)) continue;
            const i = leadIndex.find(activity.whoId);
            if (i < 0) continue;
            const seenMs = touchMs[i];
            const later =
                !(seenMs === seenMs) ||
                ms > seenMs ||
                (ms === seenMs && activity.id < (touchActivity[i] as HygieneActivity).id);
            if (later) {
                touchMs[i] = ms;
                touchActivity[i] = activity;
            }
        }
    }
    return { touchMs, touchActivity };
}

/** One owner object per user and queue id, so leads share them instead of making one each. */
function owners(
    users: ReadonlyMap<Id, HygieneUser>,
    queues: ReadonlyMap<Id, HygieneQueue>
): (ownerId: Id | null | undefined) => LeadOwner {
    const known = new Map<Id, LeadOwner>();
    for (const queue of queues.values()) known.set(queue.id, { kind: 'queue', queue });
    for (const user of users.values()) known.set(user.id, { kind: 'user', user });
    const nobody: LeadOwner = { kind: 'missing', id: null };
    return (ownerId) => {
        if (!ownerId) return nobody;
        let owner = known.get(ownerId);
        if (!owner) {
            owner = { kind: 'missing', id: ownerId };
            known.set(ownerId, owner);
        }
        return owner;
    };
}

export function buildContext(
    snapshot: HygieneSnapshot,
    settings: LeadLoopSettings,
    now: Date
): AuditContext {
    const nowMs = now.getTime();
    const users = new Map<Id, HygieneUser>();
    for (const user of snapshot.users) if (user?.id) users.set(user.id, user);
    const queues = new Map<Id, HygieneQueue>();
    let nurtureQueueId: Id | null = null;
    for (const queue of snapshot.queues) {
        if (!queue?.id) continue;
        queues.set(queue.id, queue);
        const setting = settings.nurtureQueue;
        if (queue.developerName === setting || queue.id === setting || queue.name === setting) {
            nurtureQueueId = queue.id;
        }
    }
    const stages = new Map<string, Stage>();
    for (const s of settings.openStatuses) stages.set(s, 'open');
    for (const s of settings.workingStatuses) stages.set(s, 'working');
    for (const s of settings.qualifiedStatuses) stages.set(s, 'qualified');
    stages.set(settings.nurturingStatus, 'nurturing');
    for (const s of settings.disqualifiedStatuses) stages.set(s, 'disqualified');
    const cache = new Map<string, unknown>();
    const { leadState, leadIndex } = indexLeads(snapshot.leads);
    return {
        shared: <T>(name: string, build: () => T): T => {
            if (!cache.has(name)) cache.set(name, build());
            return cache.get(name) as T;
        },
        settings,
        now,
        nowMs,
        today: now.toISOString().slice(0, 10),
        users,
        queues,
        nurtureQueueId,
        snapshot,
        stageOf: (status, isConverted) =>
            isConverted ? 'converted' : (stages.get(status ?? '') ?? 'other'),
        leadState,
        leadIndex,
        ...latestTouches(snapshot, leadIndex, nowMs),
        ownerOf: owners(users, queues)
    };
}

export function leadFacts(ctx: AuditContext, lead: Lead, index: number): LeadFacts {
    const stage = ctx.stageOf(lead.status, lead.isConverted);
    const activityMs = ctx.touchMs[index];
    let touch: Touch | null =
        activityMs === activityMs ? { ms: activityMs, activity: ctx.touchActivity[index] } : null;
    // LastActivityDate also counts (activities may not have been read, e.g. archived ones).
    if (lead.lastActivityDate) {
        const platformMs = toEpochMs(lead.lastActivityDate);
        if (platformMs <= ctx.nowMs && (!touch || platformMs > touch.ms)) {
            touch = { ms: platformMs, activity: null };
        }
    }
    const createdMs = toEpochMs(lead.createdDate);
    return {
        lead,
        index,
        stage,
        isOpen: stage !== 'converted' && stage !== 'disqualified',
        owner: ctx.ownerOf(lead.ownerId),
        createdMs,
        touch,
        daysIdle: wholeDays(touch ? touch.ms : createdMs, ctx.nowMs)
    };
}

export function isoOf(ms: number): string | null {
    return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}
