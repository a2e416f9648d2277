/**
 * Applying safely and undoing: a planned change goes only to a lead whose LastModifiedDate
 * still equals the one read at preview; undo reverts a logged run only on leads nobody
 * changed since the fix, and says why for every lead it leaves alone.
 */
import type { Id, IsoDateTime } from '../../types';
import {
    CHANGED_SINCE_PREVIEW,
    type CurrentLead,
    type FixLogEntry,
    type LeadChange,
    type LeadSkip,
    type FixUndoChange,
    type FixUndoPlan
} from './types';

/** Same instant, whatever the notation (`…000Z`, `…000+0000`). */
export function sameInstant(a: IsoDateTime | null | undefined, b: IsoDateTime | null | undefined) {
    if (!a || !b) return !a && !b;
    const ms = (v: string) => Date.parse(v.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
    return a === b || ms(a) === ms(b);
}

/**
 * Splits planned changes into those still safe to apply and those whose lead changed since
 * the preview (`current`: lead id → LastModifiedDate read just before applying; a lead
 * missing from it was deleted).
 */
export function stillUnchanged<
    T extends Pick<LeadChange, 'leadId' | 'leadName' | 'lastModifiedDate'>
>(
    changes: readonly T[],
    current: ReadonlyMap<Id, IsoDateTime | null>
): { apply: T[]; skipped: LeadSkip[] } {
    const apply: T[] = [];
    const skipped: LeadSkip[] = [];
    for (const change of changes) {
        if (!current.has(change.leadId)) {
            skipped.push({
                leadId: change.leadId,
                leadName: change.leadName,
                reason: 'the lead no longer exists'
            });
        } else if (!sameInstant(current.get(change.leadId), change.lastModifiedDate)) {
            skipped.push({
                leadId: change.leadId,
                leadName: change.leadName,
                reason: CHANGED_SINCE_PREVIEW
            });
        } else {
            apply.push(change);
        }
    }
    return { apply, skipped };
}

/**
 * The reverse of one fix run: each applied log row's field goes back from its new value to
 * its old one. A lead is refused (all its rows) when it was modified after the fix, when a
 * field no longer holds the value the fix wrote, or when it no longer exists.
 */
export function planFixUndo(
    runId: string,
    log: readonly FixLogEntry[],
    current: readonly CurrentLead[]
): FixUndoPlan {
    const now = new Map(current.map((c) => [c.id, c]));
    const byLead = new Map<Id, FixLogEntry[]>();
    for (const entry of log) {
        if (entry.runId !== runId || entry.status !== 'Applied' || entry.undoneAt) continue;
        const rows = byLead.get(entry.leadId) ?? [];
        rows.push(entry);
        byLead.set(entry.leadId, rows);
    }
    const changes: FixUndoChange[] = [];
    const refused: FixUndoPlan['refused'] = [];
    for (const [leadId, rows] of byLead) {
        const lead = now.get(leadId);
        const logIds = rows.map((r) => r.id);
        const leadName = lead?.name ?? leadId;
        const refuse = (reason: string) => refused.push({ leadId, leadName, reason, logIds });
        if (!lead) {
            refuse('the lead no longer exists');
            continue;
        }
        const fixedAt = rows[0].leadModifiedAt;
        if (!sameInstant(lead.lastModifiedDate, fixedAt)) {
            refuse(
                `changed since the fix (modified ${lead.lastModifiedDate ?? 'unknown'}, fix left it at ${fixedAt ?? 'unknown'})`
            );
            continue;
        }
        const moved = rows.find((r) => (lead.values[r.field] ?? null) !== (r.newValue ?? null));
        if (moved) {
            refuse(
                `${moved.field} is ${JSON.stringify(lead.values[moved.field] ?? null)}, not the ${JSON.stringify(moved.newValue)} the fix wrote`
            );
            continue;
        }
        changes.push({
            leadId,
            leadName,
            kind: rows[0].kind as FixUndoChange['kind'],
            checkIds: [...new Set(rows.map((r) => r.checkId).filter((c): c is string => !!c))],
            changes: rows.map((r) => ({ field: r.field, from: r.newValue, to: r.oldValue })),
            lastModifiedDate: lead.lastModifiedDate,
            logIds
        });
    }
    return { runId, changes, refused };
}
