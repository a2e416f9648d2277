/**
 * The board's hygiene flags: the audit's checks that need only what the board reads
 * (leads, users, queues). Checks that need contacts, accounts, opportunities or task
 * outcomes (duplicates of contacts, deal moved on, worked and unqualified) run on the
 * audit page and in `leadloop audit`, not on every board load.
 */
import { auditLeads } from '../hygiene/audit';
import type { HygieneQueue, HygieneUser } from '../hygiene/types';
import type { Lead, LeadLoopSettings } from '../types';
import type { BoardFinding } from './types';

export const BOARD_CHECKS = [
    'hot-in-marketing-queue',
    'qualified-not-worked',
    'untouched-past-sla',
    'owner-inactive',
    'owner-cannot-act',
    'dead-no-touch',
    'handed-to-sales-unqualified',
    'nurture-date-passed'
] as const;

export function boardFindings(
    leads: readonly Lead[],
    users: readonly HygieneUser[],
    queues: readonly HygieneQueue[],
    settings: LeadLoopSettings,
    now: Date
): BoardFinding[] {
    return auditLeads({ leads, users, queues }, settings, now, {
        checks: BOARD_CHECKS
    }).findings.map(({ leadId, checkId, severity, title }) => ({
        leadId,
        checkId,
        severity,
        title
    }));
}
