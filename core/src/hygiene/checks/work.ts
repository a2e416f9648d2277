/**
 * Is anybody working the lead? Qualified but not worked, untouched past the follow-up SLA,
 * dead without a touch, worked and found not a fit but still open, and handed to sales
 * without being qualified.
 */
import type { LeadFacts } from '../context';
import { evidence, lastTouchRecord, ownerRecord, plural, type HygieneCheck } from '../check';

/** The last touch as the record carries it (no new date strings per finding). */
const lastTouchDate = (f: LeadFacts): string | null =>
    f.touch
        ? (f.touch.activity?.activityDate ??
          f.touch.activity?.createdDate ??
          f.lead.lastActivityDate ??
          null)
        : null;

const touchDates = (f: LeadFacts) => ({
    createdDate: f.lead.createdDate ?? null,
    lastTouch: lastTouchDate(f)
});

const idleText = (f: LeadFacts): string =>
    f.touch
        ? `no touch for ${plural(f.daysIdle, 'day')}`
        : `never touched in the ${plural(f.daysIdle, 'day')} since it came in`;

export const qualifiedNotWorked: HygieneCheck = {
    id: 'qualified-not-worked',
    severity: 'high',
    title: 'Qualified but not worked',
    explanation:
        'The lead is marked qualified, but nobody has called, emailed or met it recently. ' +
        'Qualified leads that are not followed up go cold.',
    settings: ['qualifiedUntouchedDays', 'qualifiedStatuses'],
    prepare: (ctx) => (f) => {
        const limit = ctx.settings.qualifiedUntouchedDays;
        if (f.stage !== 'qualified' || !(f.daysIdle >= limit)) return null;
        return {
            detail: `Qualified, but ${idleText(f)} (limit ${plural(limit, 'day')}).`,
            evidence: evidence(
                { ...touchDates(f), statusChangedAt: f.lead.statusChangedAt ?? null },
                { status: f.lead.status, daysWithoutTouch: f.daysIdle, threshold: limit },
                [...ownerRecord(f), ...lastTouchRecord(f)]
            ),
            fix: { kind: 'work-it', text: 'Call or email the lead today and log it.' }
        };
    }
};

export const untouchedPastSla: HygieneCheck = {
    id: 'untouched-past-sla',
    severity: 'high',
    title: 'Untouched past the follow-up SLA',
    explanation:
        'A new lead owned by a rep has had no first touch within the follow-up SLA. ' +
        'Speed to first touch decides whether the lead still answers.',
    settings: ['followUpSlaDays', 'openStatuses'],
    prepare: (ctx) => (f) => {
        const limit = ctx.settings.followUpSlaDays;
        if (f.stage !== 'open' || f.owner.kind !== 'user' || f.touch) return null;
        if (!(f.daysIdle >= limit)) return null;
        return {
            detail: `New for ${plural(f.daysIdle, 'day')} with no first touch (SLA ${plural(limit, 'day')}).`,
            evidence: evidence(
                touchDates(f),
                { status: f.lead.status, daysSinceCreated: f.daysIdle, threshold: limit },
                ownerRecord(f)
            ),
            fix: { kind: 'work-it', text: 'Make the first touch now: call, then email.' }
        };
    }
};

export const deadNoTouch: HygieneCheck = {
    id: 'dead-no-touch',
    severity: 'medium',
    title: 'Dead: no touch for too long',
    explanation:
        'An open lead nobody has touched for this long is dead in practice. Close it, or ' +
        'hand it back to marketing to nurture, so the pipeline shows what is real.',
    settings: ['deadAfterDays', 'nurturingStatus', 'disqualifiedStatuses'],
    prepare: (ctx) => (f) => {
        const limit = ctx.settings.deadAfterDays;
        if (!f.isOpen || f.stage === 'nurturing' || !(f.daysIdle >= limit)) return null;
        return {
            detail: `Open, and ${idleText(f)} (dead after ${plural(limit, 'day')}).`,
            evidence: evidence(
                touchDates(f),
                { status: f.lead.status, daysWithoutTouch: f.daysIdle, threshold: limit },
                [...ownerRecord(f), ...lastTouchRecord(f)]
            ),
            fix: { kind: 'close', text: 'Close it as not converted, or hand it back to marketing.' }
        };
    }
};

/** Outcomes that mean the rep found the lead is not a fit. */
const NOT_A_FIT =
    /\b(?:not an? (?:good )?fit|no fit|not qualified|disqualif\w*|unqualified|not interested)\b/i;

export const workedUnqualifiedOpen: HygieneCheck = {
    id: 'worked-unqualified-open',
    severity: 'medium',
    title: 'Worked, found not a fit, still open',
    explanation:
        'The last activity on the lead says it is not a fit (or disqualified), but the lead ' +
        'was never closed, so it still counts as open pipeline.',
    settings: ['disqualifiedStatuses', 'nurturingStatus'],
    prepare: () => (f) => {
        const last = f.touch?.activity;
        if (!f.isOpen || f.stage === 'nurturing' || !last) return null;
        const outcome = [last.subject, last.description].filter(Boolean).join(' — ');
        if (!NOT_A_FIT.test(outcome)) return null;
        return {
            detail: `Last activity (${lastTouchDate(f)?.slice(0, 10)}) says "${outcome}", but the lead is still ${f.lead.status}.`,
            evidence: evidence(
                touchDates(f),
                { status: f.lead.status, outcome, daysSinceOutcome: f.daysIdle },
                [...lastTouchRecord(f), ...ownerRecord(f)]
            ),
            fix: { kind: 'close', text: 'Close the lead with the disqualified status.' }
        };
    }
};

export const handedToSalesUnqualified: HygieneCheck = {
    id: 'handed-to-sales-unqualified',
    severity: 'medium',
    title: 'Handed to sales unqualified',
    explanation:
        'A rep owns the lead in a sales status, but it is below sales-ready and nobody ' +
        'qualified it: no call, email or meeting is logged. Marketing should qualify it first.',
    settings: ['salesReadyTiers', 'workingStatuses', 'qualifiedStatuses'],
    prepare: (ctx) => {
        const ready = new Set<string>(ctx.settings.salesReadyTiers);
        return (f) => {
            if (f.stage !== 'working' && f.stage !== 'qualified') return null;
            if (f.owner.kind !== 'user' || !f.owner.user.isActive || f.touch) return null;
            const tier = f.lead.tier ?? null;
            const salesReady = tier ? ready.has(tier) : f.lead.salesReady;
            if (salesReady !== false) return null;
            return {
                detail: `${f.owner.user.name} owns it as ${f.lead.status}, but it is ${tier ?? 'not sales-ready'} and no activity is logged.`,
                evidence: evidence(
                    { createdDate: f.lead.createdDate ?? null },
                    { status: f.lead.status, tier, score: f.lead.score ?? null },
                    ownerRecord(f)
                ),
                fix: {
                    kind: 'hand-back',
                    text: 'Hand it back to marketing to qualify and nurture.'
                }
            };
        };
    }
};
