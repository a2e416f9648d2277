/**
 * What every check needs, computed once per audit in linear time: owners by id, the
 * nurture queue, each lead's latest touch, the lifecycle stage of each status, and the
 * facts of one lead (so ten checks do not recompute them).
 */
import { MS_PER_DAY, toEpochMs } from '../dates';
import type { Id, Lead, LeadLoopSettings } from '../types';
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
    /** Latest touch per lead id (absent: never touched). */
    touches: ReadonlyMap<Id, Touch>;
    /** An index built once per audit and shared by the checks that need it. */
    shared<T>(name: string, build: () => T): T;
}

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

/** Later wins; equal times go to the smaller id, so input order never changes the result. */
function later(a: Touch | undefined, b: Touch): boolean {
    if (!a) return true;
    if (b.ms !== a.ms) return b.ms > a.ms;
    return (b.activity?.id ?? '') < (a.activity?.id ?? '');
}

function latestTouches(snapshot: HygieneSnapshot, nowMs: number): Map<Id, Touch> {
    const touches = new Map<Id, Touch>();
    for (const list of [snapshot.tasks, snapshot.events]) {
        for (const activity of list) {
            if (!activity?.whoId || !isDone(activity)) continue;
            const ms = activityMs(activity);
            if (!(ms <= nowMs)) continue;
            const touch = { ms, activity };
            if (later(touches.get(activity.whoId), touch)) touches.set(activity.whoId, touch);
        }
    }
    return touches;
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
        touches: latestTouches(snapshot, nowMs)
    };
}

export function leadFacts(ctx: AuditContext, lead: Lead, index: number): LeadFacts {
    const stage = ctx.stageOf(lead.status, lead.isConverted);
    const ownerId = lead.ownerId || null;
    const user = ownerId ? ctx.users.get(ownerId) : undefined;
    const queue = ownerId && !user ? ctx.queues.get(ownerId) : undefined;
    const owner: LeadOwner = user
        ? { kind: 'user', user }
        : queue
          ? { kind: 'queue', queue }
          : { kind: 'missing', id: ownerId };
    let touch = ctx.touches.get(lead.id) ?? null;
    // LastActivityDate also counts (activities may not have been read, e.g. archived ones).
    const platformMs = toEpochMs(lead.lastActivityDate);
    if (platformMs <= ctx.nowMs && (!touch || platformMs > touch.ms)) {
        touch = { ms: platformMs, activity: null };
    }
    const createdMs = toEpochMs(lead.createdDate);
    return {
        lead,
        index,
        stage,
        isOpen: stage !== 'converted' && stage !== 'disqualified',
        owner,
        createdMs,
        touch,
        daysIdle: wholeDays(touch ? touch.ms : createdMs, ctx.nowMs)
    };
}

export function isoOf(ms: number): string | null {
    return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}
