/**
 * The hand-back reasons as people read them, and the nurture-until date each one
 * defaults to. The values are the API names of the restricted picklist
 * LL_Handback_Reason__c (a workspace test keeps the two in step), so reports can
 * group by them.
 */
import { addDays } from '../dates';
import {
    HANDBACK_REASONS,
    type HandbackReason,
    type IsoDate,
    type LeadLoopSettings
} from '../types';

/** Picklist labels, as in the field's metadata. */
export const HANDBACK_REASON_LABELS: Record<HandbackReason, string> = {
    Not_Ready: 'Not ready / timing',
    No_Budget: 'No budget',
    No_Authority: 'Not the decision maker',
    No_Response: 'No response after several attempts',
    Bad_Fit: 'Bad fit',
    Other: 'Other'
};

/** Reasons whose hand-back needs notes (a reason nobody can report on needs words). */
export const REASONS_NEEDING_NOTES: readonly HandbackReason[] = ['Other'];

export interface ReasonOption {
    label: string;
    value: HandbackReason;
    /** Default nurture period for this reason, from settings. */
    nurtureDays: number;
}

export function isHandbackReason(value: unknown): value is HandbackReason {
    return typeof value === 'string' && (HANDBACK_REASONS as readonly string[]).includes(value);
}

/** The reasons in picklist order, for a combobox. */
export function handbackReasonOptions(settings: LeadLoopSettings): ReasonOption[] {
    return HANDBACK_REASONS.map((value) => ({
        value,
        label: HANDBACK_REASON_LABELS[value],
        nurtureDays: settings.nurtureDays[value]
    }));
}

export function handbackReasonLabel(reason: string | null | undefined): string {
    return isHandbackReason(reason) ? HANDBACK_REASON_LABELS[reason] : (reason ?? '');
}

/** The nurture-until date a reason defaults to: today (UTC) plus the reason's days. */
export function defaultNurtureUntil(
    reason: HandbackReason,
    settings: LeadLoopSettings,
    now: Date
): IsoDate {
    return addDays(now, settings.nurtureDays[reason]);
}
