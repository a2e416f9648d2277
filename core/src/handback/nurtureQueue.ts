/**
 * The nurture queue's rows (the app page's table and `leadloop handback list`); what it
 * reads is `NURTURE_QUEUE_READS` in `../fields`.
 */
import { daysBetween, isoDate } from '../dates';
import type { Id, Lead, LeadLoopSettings } from '../types';
import { handbackReasonLabel } from './reasons';
import { readyToReturn } from './returns';

/** One lead of the nurture queue (the app page's table and `leadloop handback list`). */
export interface NurtureQueueRow {
    id: Id;
    name: string;
    company: string;
    reason: string;
    notes: string;
    handedBackAt: string;
    daysInNurture: number | null;
    nurtureUntil: string;
    tier: string;
    score: number | null;
    ready: boolean;
    why: string;
}

/** The columns of `leadloop handback list --csv`, in order. */
export const NURTURE_QUEUE_COLUMNS: readonly (keyof NurtureQueueRow)[] = [
    'id',
    'name',
    'company',
    'reason',
    'notes',
    'handedBackAt',
    'daysInNurture',
    'nurtureUntil',
    'tier',
    'score',
    'ready',
    'why'
];

export function nurtureQueueRow(
    lead: Lead,
    settings: LeadLoopSettings,
    now: Date,
    nurtureQueueId?: Id | null
): NurtureQueueRow {
    const readiness = readyToReturn(lead, settings, now, nurtureQueueId);
    const days = lead.handedBackAt ? daysBetween(lead.handedBackAt, now) : NaN;
    return {
        id: lead.id,
        name: [lead.firstName, lead.lastName].filter(Boolean).join(' '),
        company: lead.company ?? '',
        reason: handbackReasonLabel(lead.handbackReason),
        notes: lead.handbackNotes ?? '',
        handedBackAt: lead.handedBackAt ? isoDate(new Date(lead.handedBackAt)) : '',
        daysInNurture: Number.isNaN(days) ? null : days,
        nurtureUntil: lead.nurtureUntil ?? '',
        tier: lead.tier ?? '',
        score: lead.score ?? null,
        ready: readiness.ready,
        why: readiness.message
    };
}
