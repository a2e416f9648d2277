/**
 * Who owns the lead, and can they act? An owner who left, nobody who can act, a hot lead
 * waiting in the marketing queue, a nurture period that is over.
 */
import { toEpochMs } from '../../dates';
import { wholeDays } from '../context';
import { evidence, ownerRecord, plural, type HygieneCheck } from '../check';

export const ownerInactive: HygieneCheck = {
    id: 'owner-inactive',
    severity: 'high',
    title: 'Owner has left',
    explanation:
        'The lead belongs to a user who is no longer active (the rep left), so nobody ' +
        'will follow it up until it is reassigned.',
    settings: ['disqualifiedStatuses'],
    prepare: () => (f) => {
        if (!f.isOpen || f.owner.kind !== 'user' || f.owner.user.isActive) return null;
        return {
            detail: `Owned by ${f.owner.user.name}, who is no longer an active user.`,
            evidence: evidence(
                { createdDate: f.lead.createdDate ?? null },
                { status: f.lead.status, ownerActive: false },
                ownerRecord(f)
            ),
            fix: { kind: 'reassign', text: 'Reassign it to an active rep.' }
        };
    }
};

export const ownerCannotAct: HygieneCheck = {
    id: 'owner-cannot-act',
    severity: 'high',
    title: 'Owned by nobody who can act',
    explanation:
        'The lead has no owner the audit can find, or sits in a queue other than the ' +
        'marketing nurture queue while its status says sales is working it.',
    settings: ['nurtureQueue', 'workingStatuses', 'qualifiedStatuses'],
    prepare: (ctx) => (f) => {
        if (!f.isOpen) return null;
        const o = f.owner;
        if (o.kind === 'missing') {
            return {
                detail: o.id
                    ? `Its owner (${o.id}) is neither a user nor a queue.`
                    : 'It has no owner.',
                evidence: evidence(
                    { createdDate: f.lead.createdDate ?? null },
                    { status: f.lead.status, ownerId: o.id }
                ),
                fix: { kind: 'reassign', text: 'Assign it to an active rep.' }
            };
        }
        const salesStatus = f.stage === 'working' || f.stage === 'qualified';
        if (o.kind !== 'queue' || !salesStatus || o.queue.id === ctx.nurtureQueueId) return null;
        return {
            detail: `Status ${f.lead.status} says sales is working it, but it sits in the queue ${o.queue.name}.`,
            evidence: evidence(
                { createdDate: f.lead.createdDate ?? null },
                { status: f.lead.status },
                ownerRecord(f)
            ),
            fix: { kind: 'reassign', text: 'Assign it to the rep who works it.' }
        };
    }
};

export const hotInMarketingQueue: HygieneCheck = {
    id: 'hot-in-marketing-queue',
    severity: 'critical',
    title: 'Hot lead stuck in the marketing queue',
    explanation:
        'The lead scores Hot but still sits in the marketing nurture queue, where no rep ' +
        'sees it. Hot leads should reach sales within days.',
    settings: ['hotInMarketingDays', 'nurtureQueue'],
    prepare: (ctx) => (f) => {
        const limit = ctx.settings.hotInMarketingDays;
        if (!f.isOpen || f.lead.tier !== 'Hot') return null;
        if (f.owner.kind !== 'queue' || f.owner.queue.id !== ctx.nurtureQueueId) return null;
        // In the queue since it was handed back, or since it came in.
        const since = f.lead.handedBackAt ?? f.lead.createdDate;
        const days = wholeDays(toEpochMs(since), ctx.nowMs);
        if (!(days >= limit)) return null;
        return {
            detail: `Hot (score ${f.lead.score ?? '?'}) and in ${f.owner.queue.name} for ${plural(days, 'day')} (limit ${plural(limit, 'day')}).`,
            evidence: evidence(
                {
                    inQueueSince: since ?? null,
                    handedBackAt: f.lead.handedBackAt ?? null,
                    scoredAt: f.lead.scoredAt ?? null
                },
                { tier: 'Hot', score: f.lead.score ?? null, daysInQueue: days, threshold: limit },
                ownerRecord(f)
            ),
            fix: { kind: 'return-to-sales', text: 'Route it to a rep now.' }
        };
    }
};

export const nurtureDatePassed: HygieneCheck = {
    id: 'nurture-date-passed',
    severity: 'low',
    title: 'Nurture date passed',
    explanation:
        'The lead was handed back to marketing until a date that has passed. Decide: ' +
        'back to sales if it is ready, or a new nurture date.',
    settings: ['nurturingStatus', 'nurtureQueue', 'salesReadyTiers'],
    prepare: (ctx) => {
        const ready = new Set<string>(ctx.settings.salesReadyTiers);
        return (f) => {
            const until = f.lead.nurtureUntil;
            if (!f.isOpen || !until || !(until.slice(0, 10) < ctx.today)) return null;
            const inNurture =
                f.stage === 'nurturing' ||
                (f.owner.kind === 'queue' && f.owner.queue.id === ctx.nurtureQueueId);
            if (!inNurture) return null;
            const isReady = f.lead.tier ? ready.has(f.lead.tier) : f.lead.salesReady === true;
            return {
                detail: `Nurture until ${until.slice(0, 10)}, which has passed; it is ${f.lead.tier ?? 'not scored'} now.`,
                evidence: evidence(
                    { nurtureUntil: until, handedBackAt: f.lead.handedBackAt ?? null },
                    {
                        daysPast: wholeDays(toEpochMs(until.slice(0, 10)), toEpochMs(ctx.today)),
                        tier: f.lead.tier ?? null
                    },
                    ownerRecord(f)
                ),
                fix: isReady
                    ? { kind: 'return-to-sales', text: 'It is sales-ready: return it to sales.' }
                    : { kind: 'review-nurture', text: 'Set a new nurture date or close it.' }
            };
        };
    }
};
