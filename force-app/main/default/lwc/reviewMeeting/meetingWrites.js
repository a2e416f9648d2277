import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { LEAD_FIELDS, REVIEW_ENTRY, entryToFields, isoDate, writeProblem } from 'c/leadLoopCore';

/** A new meeting's values: today, run by `userId`, for a team and period, in progress. */
export function newMeeting(teamId, periodStart, periodEnd, userId, now) {
    return {
        meetingDate: isoDate(now),
        facilitatorId: userId,
        teamManagerId: teamId,
        periodStart: periodStart || null,
        periodEnd: periodEnd || null,
        status: 'In_Progress'
    };
}

/** The outcome an entry records for what the meeting did (a hand-back says so itself). */
export function outcomeOf(lead, draft, handedBack = false) {
    if (handedBack) return 'Handed_Back';
    if (draft.status && draft.status !== lead.status) return 'Status_Change';
    const stepChanged =
        (draft.nextStep || null) !== (lead.nextStep ?? null) ||
        (draft.nextStepDate || null) !== (lead.nextStepDate ?? null);
    if (draft.nextStep && stepChanged) return 'Next_Step';
    return 'Reviewed';
}

/** The review entry's fields for a lead reviewed now (the meeting id included). */
export function entryFields({ meetingId, stop, lead, card, draft, now, handedBack = false }) {
    return entryToFields({
        meetingId,
        leadId: lead ? lead.id : null,
        repId: stop.repId,
        progress: draft.progress || null,
        nextStep: draft.nextStep || null,
        nextStepDate: draft.nextStepDate || null,
        statusAtReview: lead?.status ?? null,
        statusAfter: draft.status || lead?.status || null,
        tierAtReview: lead?.tier ?? null,
        flags: (card?.flags ?? []).map((f) => f.checkId),
        outcome: lead ? outcomeOf(lead, draft, handedBack) : 'Reviewed',
        reviewedAt: now.toISOString()
    });
}

/** The lead's fields the meeting changes: status, next step and date, last reviewed. */
export function leadFields(lead, draft, now) {
    const fields = { Id: lead.id, [LEAD_FIELDS.lastReviewed]: now.toISOString() };
    if (draft.status && draft.status !== lead.status) fields[LEAD_FIELDS.status] = draft.status;
    if ((draft.nextStep || null) !== (lead.nextStep ?? null)) {
        fields[LEAD_FIELDS.nextStep] = draft.nextStep || null;
    }
    if ((draft.nextStepDate || null) !== (lead.nextStepDate ?? null)) {
        fields[LEAD_FIELDS.nextStepDate] = draft.nextStepDate || null;
    }
    return fields;
}

/** The lead as the board should now see it after `leadFields` were written. */
export function savedLead(lead, draft, now, lastModifiedDate) {
    return {
        id: lead.id,
        status: draft.status || lead.status,
        nextStep: draft.nextStep || null,
        nextStepDate: draft.nextStepDate || null,
        lastReviewed: now.toISOString(),
        lastModifiedDate: lastModifiedDate ?? lead.lastModifiedDate
    };
}

/** The draft a lead opens with: what this meeting saved for it, else the lead's own. */
export function draftFor(lead, entry) {
    return {
        progress: entry?.progress ?? '',
        nextStep: entry?.nextStep ?? lead?.nextStep ?? '',
        nextStepDate: entry?.nextStepDate ?? lead?.nextStepDate ?? '',
        status: entry?.statusAfter ?? lead?.status ?? ''
    };
}

export const ENTRY_OBJECT = REVIEW_ENTRY.objectApiName;

export const MESSAGES = {
    entryConflict:
        "This lead's review in this meeting was saved from another device after you opened it, so yours was not written over. Your notes are still in the form: reload to see the other save, then save again.",
    leadConflict: (name) =>
        `Someone else changed ${name} while the meeting was on it (another manager, or a reassignment). Your review is saved in the meeting, but the lead itself was not changed: refresh the board to see their change, then apply yours again.`,
    leadDeleted: (name) =>
        `${name} was deleted during the meeting. Your review is kept in the meeting without a link to the lead.`,
    missing:
        'This lead is no longer on the board (deleted, converted or no longer visible to you). Anything already recorded for it stays in the meeting.',
    reassigned: (name) => `Reassigned to ${name} since the meeting started.`
};

/**
 * The entry's lookup to the lead was refused: the lead is deleted (ENTITY_IS_DELETED while
 * in the recycle bin; INVALID_CROSS_REFERENCE_KEY once it is gone for good, when the lead
 * is the reference: the retry without it tells).
 */
function leadLinkRefused(error) {
    if (writeProblem(error) === 'deleted') return true;
    const bodies = Array.isArray(error?.body) ? error.body : [error?.body];
    return bodies.some((b) => b?.errorCode === 'INVALID_CROSS_REFERENCE_KEY');
}

/** The write condition for a record read with `lastModifiedDate` (none when unknown). */
function unmodifiedSince(record) {
    return record?.lastModifiedDate ? { ifUnmodifiedSince: record.lastModifiedDate } : undefined;
}

/**
 * Writes a lead's review entry: an update conditional on this meeting's last save of it,
 * or a create. Resolves to { record, linked } when saved, { message } when refused (saved
 * from another device); a lead deleted meanwhile keeps the entry without the link. Other
 * errors are thrown for the error panel.
 */
export async function writeEntry(existing, fields, name) {
    try {
        const record = existing?.id
            ? await updateRecord(
                  { fields: { Id: existing.id, ...fields } },
                  unmodifiedSince(existing)
              )
            : await createRecord({ apiName: ENTRY_OBJECT, fields });
        return { record, linked: Boolean(fields[REVIEW_ENTRY.fields.leadId]) };
    } catch (error) {
        const problem = writeProblem(error);
        if (problem === 'conflict') return { message: MESSAGES.entryConflict };
        if (leadLinkRefused(error) && fields[REVIEW_ENTRY.fields.leadId] && !existing?.id) {
            const record = await createRecord({
                apiName: ENTRY_OBJECT,
                fields: { ...fields, [REVIEW_ENTRY.fields.leadId]: null }
            });
            return { record, linked: false, message: MESSAGES.leadDeleted(name) };
        }
        throw error;
    }
}

/**
 * Writes what the meeting changed on the lead, conditional on the lead not having changed
 * since it was read. Resolves to { lead } (as the board should now see it), { message }
 * when refused (changed by someone else, or deleted), or { error } for the error panel.
 */
export async function writeLead(lead, draft, now, name) {
    try {
        const record = await updateRecord(
            { fields: leadFields(lead, draft, now) },
            unmodifiedSince(lead)
        );
        return { lead: savedLead(lead, draft, now, record?.lastModifiedDate) };
    } catch (error) {
        const problem = writeProblem(error);
        if (problem === 'conflict') return { message: MESSAGES.leadConflict(name) };
        if (problem === 'deleted') return { message: MESSAGES.leadDeleted(name) };
        return { error };
    }
}

/** The entry as this meeting keeps it after `fields` were saved as `record`. */
export function savedEntry({ existing, meetingId, stop, draft, fields, record, linked }) {
    return {
        ...(existing ?? {}),
        id: record?.id ?? existing?.id,
        meetingId,
        leadId: linked ? stop.leadId : null,
        repId: stop.repId,
        progress: draft.progress || null,
        nextStep: draft.nextStep || null,
        nextStepDate: draft.nextStepDate || null,
        statusAtReview: fields[REVIEW_ENTRY.fields.statusAtReview],
        statusAfter: fields[REVIEW_ENTRY.fields.statusAfter],
        tierAtReview: fields[REVIEW_ENTRY.fields.tierAtReview],
        flags: (fields[REVIEW_ENTRY.fields.flags] || '').split(';').filter(Boolean),
        outcome: fields[REVIEW_ENTRY.fields.outcome],
        reviewedAt: fields[REVIEW_ENTRY.fields.reviewedAt],
        lastModifiedDate: record?.lastModifiedDate ?? null
    };
}
