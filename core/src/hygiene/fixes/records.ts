/**
 * The records a fix and an audit leave behind: LL_Fix_Log__c rows (one per lead field
 * changed, skipped or failed) and the LL_Audit_Run__c of an audit, and the way back from a
 * log record to a `FixLogEntry`. Built here so the page and the CLI write the same rows.
 */
import { fieldValue, type SalesforceRecord } from '../../records';
import { AUDIT_RUN, FIX_LOG } from '../../schema';
import { auditFiguresFields, type AuditFigures } from '../../metrics/auditFigures';
import type { Id, IsoDateTime } from '../../types';
import type { AuditResult } from '../audit';
import type { FixLogEntry, LeadChange } from './types';

export interface FixRun {
    runId: string;
    /** The check the fix was chosen by, when it was chosen by check. */
    checkId?: string | null;
    appliedAt: IsoDateTime;
    appliedById?: Id | null;
}

/** What happened to one lead's change when it was applied. */
export interface ChangeOutcome {
    change: LeadChange;
    status: 'Applied' | 'Failed' | 'Skipped';
    message?: string | null;
    /** The lead's LastModifiedDate after the save (Applied only). */
    leadModifiedAt?: IsoDateTime | null;
}

const MAX_TEXT = 255;
const clip = (v: string | null | undefined): string | null =>
    v === null || v === undefined ? null : v.length > MAX_TEXT ? `${v.slice(0, MAX_TEXT - 1)}…` : v;

/** A new fix run id: time-ordered and unique enough to undo by (`FIX-20261122T120000Z-ab12`). */
export function newFixRunId(now: Date, random: () => number = Math.random): string {
    const stamp = now.toISOString().replace(/[-:]|\.\d{3}/g, '');
    return `FIX-${stamp}-${Math.floor(random() * 0x10000)
        .toString(16)
        .padStart(4, '0')}`;
}

/** LL_Fix_Log__c rows for the outcomes of a run: one per field of each lead. */
export function fixLogRecords(run: FixRun, outcomes: readonly ChangeOutcome[]): SalesforceRecord[] {
    const f = FIX_LOG.fields;
    return outcomes.flatMap(({ change, status, message, leadModifiedAt }) =>
        change.changes.map((c) => ({
            [f.runId]: run.runId,
            [f.checkId]: run.checkId ?? clip(change.checkIds.join(';')),
            [f.fixKind]: change.kind,
            [f.leadId]: change.leadId,
            [f.field]: c.field,
            [f.oldValue]: clip(c.from),
            [f.newValue]: clip(c.to),
            [f.leadModifiedAt]: status === 'Applied' ? (leadModifiedAt ?? null) : null,
            [f.appliedAt]: run.appliedAt,
            [f.appliedById]: run.appliedById ?? null,
            [f.status]: status,
            [f.message]: clip(message ?? null)
        }))
    );
}

const str = (v: unknown): string | null => {
    const value = fieldValue(v);
    return value === null || value === undefined || value === '' ? null : String(value);
};

export function fixLogEntryFromRecord(record: SalesforceRecord): FixLogEntry {
    const f = FIX_LOG.fields;
    return {
        id: str(record.Id) ?? '',
        runId: str(record[f.runId]) ?? '',
        checkId: str(record[f.checkId]),
        kind: str(record[f.fixKind]) ?? '',
        leadId: str(record[f.leadId]) ?? '',
        field: str(record[f.field]) ?? '',
        oldValue: str(record[f.oldValue]),
        newValue: str(record[f.newValue]),
        leadModifiedAt: str(record[f.leadModifiedAt]),
        status: str(record[f.status]) ?? '',
        undoneAt: str(record[f.undoneAt])
    };
}

/** The update that marks log rows undone (or says why undo left them). */
export function fixLogUndoneRecord(
    id: Id,
    undoneAt: IsoDateTime,
    message: string | null = null
): SalesforceRecord {
    const f = FIX_LOG.fields;
    return message
        ? { Id: id, [f.message]: clip(`Undo skipped: ${message}`) }
        : { Id: id, [f.status]: 'Undone', [f.undoneAt]: undoneAt };
}

/**
 * The LL_Audit_Run__c of an audit: its counts per severity as numbers, per check as JSON,
 * and the figures the funnel page shows (`auditRunFigures`) when given.
 */
export function auditRunRecord(
    result: AuditResult,
    source: string,
    figures?: AuditFigures
): SalesforceRecord {
    const f = AUDIT_RUN.fields;
    const total = Object.values(result.countsByCheck).reduce((a, b) => a + b, 0);
    return {
        [f.ranAt]: result.now,
        [f.leadsAudited]: result.leadsAudited,
        [f.leadsWithFindings]: result.leadsWithFindings,
        [f.findings]: total,
        [f.critical]: result.countsBySeverity.critical,
        [f.high]: result.countsBySeverity.high,
        [f.medium]: result.countsBySeverity.medium,
        [f.low]: result.countsBySeverity.low,
        [f.checks]: clip(result.checks.join(';')),
        [f.countsByCheck]: JSON.stringify(result.countsByCheck),
        [f.source]: source,
        ...(figures ? auditFiguresFields(figures) : {})
    };
}
