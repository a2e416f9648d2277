/**
 * Handing a lead back to marketing, and undoing it: who may hand back what, the
 * exact field changes, and the completed Task that keeps the history on the
 * record. Pure: the caller reads the lead, resolves the nurture queue's id, and
 * writes the plan (conditionally on the record not having changed since the read).
 */
import { isoDate, toEpochMs } from '../dates';
import { HANDBACK_LEAD_KEYS, leadApiNames } from '../fields';
import { leadToRecord, type SalesforceRecord } from '../records';
import { LEAD_FIELDS } from '../schema';
import type { Id, IsoDate, IsoDateTime, Lead, LeadLoopSettings } from '../types';
import { handbackReasonLabel, isHandbackReason, REASONS_NEEDING_NOTES } from './reasons';

/** A problem a form can show next to the input it names (`lead` for the record itself). */
export interface FieldError {
    field: 'lead' | 'reason' | 'notes' | 'nurtureUntil';
    message: string;
}

/** What the person chose in the quick action. */
export interface HandBackInput {
    reason?: string | null;
    notes?: string | null;
    /** ISO date (YYYY-MM-DD). */
    nurtureUntil?: string | null;
}

/** Room left in LL_Handback_Notes__c (a 32,768-character long text area). */
export const HANDBACK_NOTES_MAX_LENGTH = 32_768;
/** Nurture periods beyond ten years are almost certainly a typo. */
export const NURTURE_MAX_DAYS = 3650;

/** `Lead.<ApiName>` for each field hand-back reads, e.g. for `getRecord`'s optionalFields. */
export function handBackLeadFields(): string[] {
    return leadApiNames(HANDBACK_LEAD_KEYS).map((name) => `Lead.${name}`);
}

/** Fields a plan must know (a field hidden from the user reads as undefined). */
const NEEDED_TO_HAND_BACK = ['status', 'ownerId', 'isConverted', 'handbackCount'] as const;
const NEEDED_TO_UNDO = [
    'status',
    'ownerId',
    'isConverted',
    'handbackCount',
    'handedBackAt',
    'previousOwnerId',
    'previousStatus',
    'lastModifiedDate'
] as const;

function missingFields(lead: Lead, keys: readonly (keyof Lead)[]): FieldError[] {
    const missing = keys.filter((key) => lead[key] === undefined);
    return missing.length
        ? [
              {
                  field: 'lead',
                  message: `Lead Loop cannot read ${missing.map((k) => LEAD_FIELDS[k]).join(', ')} on this lead. Ask your admin for the Lead Loop User permission set.`
              }
          ]
        : [];
}

/** Same record id, whether written with 15 or 18 characters. */
export function sameId(a: Id | null | undefined, b: Id | null | undefined): boolean {
    return Boolean(a && b) && a!.slice(0, 15) === b!.slice(0, 15);
}

/** In nurture: the nurturing status, or owned by the nurture queue. */
export function isInNurture(
    lead: Lead,
    settings: LeadLoopSettings,
    nurtureQueueId?: Id | null
): boolean {
    return lead.status === settings.nurturingStatus || sameId(lead.ownerId, nurtureQueueId);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export function isIsoDate(value: unknown): value is IsoDate {
    return (
        typeof value === 'string' &&
        ISO_DATE.test(value) &&
        !Number.isNaN(toEpochMs(value)) &&
        new Date(toEpochMs(value)).toISOString().startsWith(value)
    );
}

function leadErrors(lead: Lead, settings: LeadLoopSettings, nurtureQueueId?: Id | null) {
    const errors: FieldError[] = [];
    if (lead.isConverted) {
        const when = lead.convertedDate ? ` on ${lead.convertedDate}` : '';
        errors.push({
            field: 'lead',
            message: `This lead was converted${when}; a converted lead cannot be handed back to marketing.`
        });
    } else if (isInNurture(lead, settings, nurtureQueueId)) {
        const since = lead.handedBackAt ? ` since ${lead.handedBackAt.slice(0, 10)}` : '';
        errors.push({
            field: 'lead',
            message: `This lead is already in nurture with marketing${since}; it cannot be handed back again until it returns to sales.`
        });
    }
    return errors;
}

/**
 * Everything wrong with a hand-back, as `{ field, message }` for the form; empty when
 * it may go ahead. "Today" is the UTC date of `now`, as all Lead Loop dates are.
 */
export function validateHandBack(
    lead: Lead,
    input: HandBackInput,
    settings: LeadLoopSettings,
    now: Date,
    nurtureQueueId?: Id | null
): FieldError[] {
    const errors = [
        ...missingFields(lead, NEEDED_TO_HAND_BACK),
        ...leadErrors(lead, settings, nurtureQueueId)
    ];
    const reason = input.reason?.trim() ?? '';
    const notes = input.notes?.trim() ?? '';
    if (!reason) {
        errors.push({ field: 'reason', message: 'Choose why the lead goes back to marketing.' });
    } else if (!isHandbackReason(reason)) {
        errors.push({
            field: 'reason',
            message: `"${reason}" is not a hand-back reason; choose one from the list.`
        });
    } else if (REASONS_NEEDING_NOTES.includes(reason) && !notes) {
        errors.push({
            field: 'notes',
            message: `Add notes: "${handbackReasonLabel(reason)}" needs a few words on why, for marketing.`
        });
    }
    if (notes.length > HANDBACK_NOTES_MAX_LENGTH) {
        errors.push({
            field: 'notes',
            message: `Notes are ${notes.length} characters; the most is ${HANDBACK_NOTES_MAX_LENGTH}.`
        });
    }
    errors.push(...nurtureUntilErrors(input.nurtureUntil, now));
    return errors;
}

function nurtureUntilErrors(value: string | null | undefined, now: Date): FieldError[] {
    const today = isoDate(now);
    if (!value) {
        return [{ field: 'nurtureUntil', message: 'Choose the date marketing nurtures until.' }];
    }
    if (!isIsoDate(value)) {
        return [
            {
                field: 'nurtureUntil',
                message: `"${value}" is not a date; use the date picker (YYYY-MM-DD).`
            }
        ];
    }
    if (value <= today) {
        return [
            {
                field: 'nurtureUntil',
                message: `The nurture-until date must be after today (${today}).`
            }
        ];
    }
    const days = Math.round((toEpochMs(value) - toEpochMs(today)) / 86_400_000);
    if (days > NURTURE_MAX_DAYS) {
        return [
            {
                field: 'nurtureUntil',
                message: `The nurture-until date is ${days} days away; the most is ${NURTURE_MAX_DAYS} (about ten years).`
            }
        ];
    }
    return [];
}

/** A planned write: the field changes (domain keys and API names) and the Task to log. */
export interface LeadWritePlan {
    ok: true;
    changes: Partial<Lead> & { id: Id };
    /** `changes` as Lead API names, ready for `updateRecord({ fields })`. */
    fields: SalesforceRecord;
    /** Pass as `ifUnmodifiedSince`: the write fails if anyone saved the lead since the read. */
    ifUnmodifiedSince: IsoDateTime | null;
    /** A completed Task (API names) for `createRecord({ apiName: 'Task', fields })`. */
    task: SalesforceRecord;
}

export type PlanResult = LeadWritePlan | { ok: false; errors: FieldError[] };

function completedTask(leadId: Id, subject: string, description: string, now: Date) {
    return {
        WhoId: leadId,
        Subject: subject.slice(0, 255),
        Status: 'Completed',
        Priority: 'Normal',
        ActivityDate: isoDate(now),
        Description: description
    };
}

function plan(lead: Lead, changes: Partial<Lead>, task: SalesforceRecord): LeadWritePlan {
    const all = { ...changes, id: lead.id };
    return {
        ok: true,
        changes: all,
        fields: leadToRecord(all),
        ifUnmodifiedSince: lead.lastModifiedDate ?? null,
        task
    };
}

/**
 * The hand-back: owner → nurture queue, status → the configured nurturing status, the
 * previous owner and status kept for undo and the way back, the date stamped, the
 * count raised, reason / notes / nurture-until set; plus a completed Task.
 */
export function planHandBack(
    lead: Lead,
    input: HandBackInput,
    settings: LeadLoopSettings,
    now: Date,
    nurtureQueueId: Id
): PlanResult {
    const errors = validateHandBack(lead, input, settings, now, nurtureQueueId);
    if (!nurtureQueueId) {
        errors.push({
            field: 'lead',
            message: `The nurture queue "${settings.nurtureQueue}" was not found; ask your admin to check Lead Loop settings.`
        });
    }
    if (errors.length) {
        return { ok: false, errors };
    }
    const reason = input.reason!.trim();
    const notes = input.notes?.trim() || null;
    const label = handbackReasonLabel(reason);
    const changes: Partial<Lead> = {
        ownerId: nurtureQueueId,
        status: settings.nurturingStatus,
        previousOwnerId: lead.ownerId,
        previousStatus: lead.status,
        handedBackAt: now.toISOString(),
        handbackCount: (lead.handbackCount ?? 0) + 1,
        handbackReason: reason as Lead['handbackReason'],
        handbackNotes: notes,
        nurtureUntil: input.nurtureUntil!
    };
    const description = [
        `Reason: ${label}`,
        `Nurture until: ${input.nurtureUntil}`,
        notes ? `Notes: ${notes}` : null,
        `Previous status: ${lead.status}`
    ]
        .filter(Boolean)
        .join('\n');
    return plan(
        lead,
        changes,
        completedTask(lead.id, `Handed back to marketing: ${label}`, description, now)
    );
}

/** The lead as it was right after the hand-back write (from the write's response). */
export interface HandBackStamp {
    handedBackAt: IsoDateTime;
    /** LastModifiedDate the platform returned for the hand-back write, when known. */
    lastModifiedDate?: IsoDateTime | null;
}

/**
 * Without the write's own LastModifiedDate, the hand-back stamp (the client's clock)
 * is compared with the platform's LastModifiedDate: a save later than this after the
 * stamp is someone else's edit. It absorbs request time and modest clock skew.
 */
export const UNDO_STAMP_TOLERANCE_MS = 2 * 60_000;

export type UndoPlan = (LeadWritePlan & { allowed: true }) | { allowed: false; reason: string };

/**
 * Undo a hand-back, allowed only while nothing else has changed the lead since: the
 * lead's LastModifiedDate must still be the hand-back write's own. SystemModstamp is
 * not compared: the platform also moves it for its own bookkeeping (e.g. when the
 * logged Task updates the lead's last activity), which is no one's edit.
 */
export function planUndo(lead: Lead, lastHandBack: HandBackStamp | null, now: Date): UndoPlan {
    const missing = missingFields(lead, NEEDED_TO_UNDO);
    if (missing.length) {
        return { allowed: false, reason: missing[0].message };
    }
    if (lead.isConverted) {
        return {
            allowed: false,
            reason: 'The lead has been converted since; undo is not offered.'
        };
    }
    const stamp = lastHandBack ?? (lead.handedBackAt ? { handedBackAt: lead.handedBackAt } : null);
    if (!stamp || !lead.handedBackAt || !lead.previousOwnerId || !lead.previousStatus) {
        return {
            allowed: false,
            reason: 'This lead has no hand-back to undo (the owner and status before it are not recorded).'
        };
    }
    if (toEpochMs(stamp.handedBackAt) !== toEpochMs(lead.handedBackAt)) {
        return {
            allowed: false,
            reason: `The lead was handed back again on ${lead.handedBackAt.slice(0, 10)}; only the latest hand-back can be undone, from the record.`
        };
    }
    const modified = toEpochMs(lead.lastModifiedDate);
    const changedSince = stamp.lastModifiedDate
        ? modified !== toEpochMs(stamp.lastModifiedDate)
        : modified - toEpochMs(stamp.handedBackAt) > UNDO_STAMP_TOLERANCE_MS;
    if (changedSince) {
        return {
            allowed: false,
            reason: `The lead was changed on ${lead.lastModifiedDate} after the hand-back on ${lead.handedBackAt}; undo is offered only while nothing else has changed it. Change the owner and status by hand if it still needs to go back.`
        };
    }
    const changes: Partial<Lead> = {
        ownerId: lead.previousOwnerId,
        status: lead.previousStatus,
        handbackCount: Math.max(0, (lead.handbackCount ?? 1) - 1),
        handbackReason: null,
        handbackNotes: null,
        nurtureUntil: null,
        handedBackAt: null,
        previousOwnerId: null,
        previousStatus: null
    };
    const description = `Undid the hand-back of ${lead.handedBackAt} (${handbackReasonLabel(lead.handbackReason)}); status back to ${lead.previousStatus}.`;
    return {
        allowed: true,
        ...plan(
            lead,
            changes,
            completedTask(lead.id, 'Hand-back to marketing undone', description, now)
        )
    };
}

/**
 * True when a conditional write was refused because the record changed since it was
 * read (HTTP 412 Precondition Failed from If-Unmodified-Since).
 */
export function isEditConflict(error: unknown): boolean {
    if (!error || typeof error !== 'object') {
        return false;
    }
    const e = error as { status?: unknown; statusCode?: unknown; body?: unknown };
    if (e.status === 412 || e.statusCode === 412) {
        return true;
    }
    const body = Array.isArray(e.body) ? e.body : [e.body];
    return body.some(
        (b) =>
            !!b &&
            typeof b === 'object' &&
            ['PRECONDITION_FAILED', 'CONFLICT'].includes(
                String((b as { errorCode?: unknown }).errorCode)
            )
    );
}
