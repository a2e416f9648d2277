import { LEAD_FIELDS, REVIEW_ENTRY, entryToFields } from 'c/leadLoopCore';

/** The outcome an entry records for what the meeting did. */
export function outcomeOf(lead, draft) {
    if (draft.status && draft.status !== lead.status) return 'Status_Change';
    const stepChanged =
        (draft.nextStep || null) !== (lead.nextStep ?? null) ||
        (draft.nextStepDate || null) !== (lead.nextStepDate ?? null);
    if (draft.nextStep && stepChanged) return 'Next_Step';
    return 'Reviewed';
}

/** The review entry's fields for a lead reviewed now (the meeting id included). */
export function entryFields({ meetingId, stop, lead, card, draft, now }) {
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
        outcome: lead ? outcomeOf(lead, draft) : 'Reviewed',
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
