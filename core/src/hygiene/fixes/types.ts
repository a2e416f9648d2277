/**
 * Bulk fixes for hygiene findings: a plan says, per lead, which fields change from what to
 * what; it is shown as a preview, applied only to leads unchanged since the preview, logged
 * field by field (LL_Fix_Log__c) and undone from that log. Plain data, no network.
 */
import type { Id, IsoDateTime } from '../../types';
import type { FixKind } from '../types';

/** The fix kinds that change records (the others are advice for the rep: work it, …). */
export const APPLICABLE_FIX_KINDS = [
    'reassign',
    'close',
    'merge-duplicate',
    'mark-moved-on'
] as const satisfies readonly FixKind[];
export type ApplicableFixKind = (typeof APPLICABLE_FIX_KINDS)[number];

/** One Lead field: its API name, the value read at preview and the value to write. */
export interface FieldChange {
    field: string;
    from: string | null;
    to: string | null;
}

/** Everything one lead gets from a fix. */
export interface LeadChange {
    leadId: Id;
    leadName: string;
    kind: ApplicableFixKind;
    /** The checks whose findings asked for it. */
    checkIds: string[];
    changes: FieldChange[];
    /** LastModifiedDate read at preview: the change applies only while it still matches. */
    lastModifiedDate: IsoDateTime | null;
}

/** A lead left alone, with the reason (per record, never a silent drop). */
export interface LeadSkip {
    leadId: Id;
    leadName: string;
    reason: string;
}

export interface FixPlan {
    kind: ApplicableFixKind;
    changes: LeadChange[];
    skipped: LeadSkip[];
}

/** The owner a reassignment gives, with its name for the preview. */
export interface FixOwner {
    id: Id;
    name: string;
    /** Queues (Group) may own leads too. */
    kind: 'user' | 'queue';
    /** Users only: an inactive user cannot be given leads. */
    isActive?: boolean;
}

/** One row of LL_Fix_Log__c as the planner reads it back (for undo). */
export interface FixLogEntry {
    id: Id;
    runId: string;
    checkId: string | null;
    kind: string;
    leadId: Id;
    field: string;
    oldValue: string | null;
    newValue: string | null;
    /** The lead's LastModifiedDate right after the fix. */
    leadModifiedAt: IsoDateTime | null;
    status: string;
    undoneAt?: IsoDateTime | null;
}

/** A lead as undo sees it now: when it was last changed and its current values. */
export interface CurrentLead {
    id: Id;
    name?: string;
    lastModifiedDate: IsoDateTime | null;
    /** API name → current value (as text, null when empty). */
    values: Record<string, string | null>;
}

export interface FixUndoChange extends LeadChange {
    /** The log rows this change reverts (marked Undone once applied). */
    logIds: Id[];
}

export interface FixUndoPlan {
    runId: string;
    changes: FixUndoChange[];
    refused: (LeadSkip & { logIds: Id[] })[];
}

/** Bad input to a fix: no target, a closed master, an unknown kind. */
export class FixInputError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'FixInputError';
    }
}

/** The reason a lead changed between preview and apply is skipped. */
export const CHANGED_SINCE_PREVIEW = 'changed by someone else since the preview';
