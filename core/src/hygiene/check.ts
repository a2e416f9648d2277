/** The shape of a hygiene check, and small helpers the checks share. */
import type { LeadLoopSettings } from '../types';
import type { AuditContext, LeadFacts } from './context';
import type { FindingEvidence, RelatedRecord, Severity, SuggestedFix } from './types';

/** What a check says about one lead; the audit adds the lead and the check's id. */
export interface FindingDraft {
    detail: string;
    evidence: FindingEvidence;
    fix: SuggestedFix;
}

export interface HygieneCheck {
    /** Stable, kebab-case: reports, `--checks` and fix logs use it. */
    id: string;
    severity: Severity;
    title: string;
    /** What the check means, for a rep. */
    explanation: string;
    /** The settings (LL_Settings__c) the check reads. */
    settings: readonly (keyof LeadLoopSettings)[];
    /**
     * Called once per audit: builds what the check needs over the whole snapshot (in linear
     * time) and returns the test of one lead.
     */
    prepare(ctx: AuditContext): (facts: LeadFacts) => FindingDraft | null;
}

export function evidence(
    dates: FindingEvidence['dates'],
    values: FindingEvidence['values'] = {},
    related: RelatedRecord[] = []
): FindingEvidence {
    return { dates, values, related };
}

/** The owner as a related record (when it is a user or a queue). */
export function ownerRecord(facts: LeadFacts): RelatedRecord[] {
    const o = facts.owner;
    if (o.kind === 'user')
        return [{ object: 'User', id: o.user.id, name: o.user.name, role: 'owner' }];
    if (o.kind === 'queue') {
        return [{ object: 'Group', id: o.queue.id, name: o.queue.name, role: 'owner (queue)' }];
    }
    return [];
}

export function lastTouchRecord(facts: LeadFacts): RelatedRecord[] {
    const a = facts.touch?.activity;
    return a ? [{ object: a.kind, id: a.id, name: a.subject, role: 'last touch' }] : [];
}

export function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
