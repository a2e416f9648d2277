/**
 * Stage hygiene: the snapshot the audit reads and the findings it returns. Plain data,
 * so the Lightning page, the CLI and tests build snapshots from any source (REST, Bulk
 * CSV, GraphQL) through `records.ts` and audit them the same way, without the network.
 */
import type { Activity, Contact, Id, IsoDate, IsoDateTime, Lead, Opportunity } from '../types';

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What a fix does, machine-readable (the audit page and `leadloop fix` act on it). */
export const FIX_KINDS = [
    'work-it',
    'reassign',
    'merge-duplicate',
    'mark-moved-on',
    'close',
    'hand-back',
    'return-to-sales',
    'review-nurture'
] as const;
export type FixKind = (typeof FIX_KINDS)[number];

export interface HygieneUser {
    id: Id;
    name: string;
    isActive: boolean;
}

export interface HygieneQueue {
    id: Id;
    name: string;
    developerName: string | null;
}

export interface HygieneContact extends Contact {
    createdDate?: IsoDateTime | null;
}

export interface HygieneAccount {
    id: Id;
    name: string;
    website?: string | null;
}

/** A Task or Event with what the audit reads beyond scoring: its outcome and whether it is done. */
export interface HygieneActivity extends Activity {
    description?: string | null;
    /** Task.IsClosed when read; undefined when not (then Status = Completed counts). */
    isClosed?: boolean | null;
    /** Event.StartDateTime: when an event touched the lead (the run's speed to first touch). */
    startDateTime?: IsoDateTime | null;
}

/** Everything the audit reads. Leads are audited; the rest is context. */
export interface HygieneSnapshot {
    leads: readonly Lead[];
    users: readonly HygieneUser[];
    queues: readonly HygieneQueue[];
    contacts: readonly HygieneContact[];
    accounts: readonly HygieneAccount[];
    opportunities: readonly Opportunity[];
    tasks: readonly HygieneActivity[];
    events: readonly HygieneActivity[];
}

export type RelatedObject =
    'Lead' | 'User' | 'Group' | 'Contact' | 'Account' | 'Opportunity' | 'Task' | 'Event';

/** A record the finding points at (open it from the page). */
export interface RelatedRecord {
    object: RelatedObject;
    id: Id;
    name: string;
    /** How it relates, e.g. "same email", "owner", "last activity". */
    role: string;
}

export interface FindingEvidence {
    /** Dates that prove the finding (ISO), by what they are, e.g. lastTouch, createdDate. */
    dates: Record<string, IsoDate | IsoDateTime | null>;
    /** Numbers and values behind it, e.g. daysWithoutTouch: 94, threshold: 90. */
    values: Record<string, string | number | boolean | null>;
    related: RelatedRecord[];
}

export interface SuggestedFix {
    kind: FixKind;
    text: string;
    /** The record the fix points at: master lead, contact, opportunity, user. */
    targetId?: Id;
}

export interface Finding {
    leadId: Id;
    leadName: string;
    checkId: string;
    severity: Severity;
    title: string;
    /** What is wrong with this lead, in a sentence a rep understands. */
    detail: string;
    evidence: FindingEvidence;
    fix: SuggestedFix;
}
