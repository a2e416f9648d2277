/**
 * The audit: every selected check over every lead of a snapshot, in linear time, with no
 * network. `auditLeads(snapshot, settings, now, { checks })` returns the findings (a lead
 * can have several) and the counts per check and severity.
 */
import type { LeadLoopSettings } from '../types';
import { AUDITED, buildContext, leadFacts, leadName, NO_ID } from './context';
import { HygieneInputError, selectChecks } from './registry';
import { hygieneSettingsIssues } from './settings';
import { SEVERITIES, type Finding, type HygieneSnapshot, type Severity } from './types';

export interface AuditOptions {
    /** Check ids to run (default: all). Unknown ids are an error listing the known ones. */
    checks?: readonly string[];
    /**
     * Receives each finding as it is found, instead of collecting them in `findings` (which
     * then stays empty): a million-lead audit streams to a file without holding them all.
     */
    onFinding?: (finding: Finding) => void;
}

export interface AuditResult {
    /** The clock the audit ran for (ISO). */
    now: string;
    checks: string[];
    leadsAudited: number;
    leadsWithFindings: number;
    /** Every finding, in lead order (empty when `onFinding` received them). */
    findings: Finding[];
    countsByCheck: Record<string, number>;
    countsBySeverity: Record<Severity, number>;
    /** Leads that could not be audited (no id), by position, with the reason. */
    skipped: { index: number; reason: string }[];
}

const SNAPSHOT_LISTS = [
    'leads',
    'users',
    'queues',
    'contacts',
    'accounts',
    'opportunities',
    'tasks',
    'events'
] as const;

/** A snapshot with every list present; a list given but not an array is an error. */
function checkedSnapshot(snapshot: Partial<HygieneSnapshot>): HygieneSnapshot {
    if (!snapshot || typeof snapshot !== 'object') {
        throw new HygieneInputError(
            `The snapshot must be an object with ${SNAPSHOT_LISTS.join(', ')}.`
        );
    }
    if (!Array.isArray(snapshot.leads)) {
        throw new HygieneInputError(
            'The snapshot has no leads list (snapshot.leads must be an array).'
        );
    }
    const out: Record<string, unknown> = {};
    for (const key of SNAPSHOT_LISTS) {
        const list = snapshot[key];
        if (list !== undefined && !Array.isArray(list)) {
            throw new HygieneInputError(`snapshot.${key} must be an array, not ${typeof list}.`);
        }
        out[key] = list ?? [];
    }
    return out as unknown as HygieneSnapshot;
}

export function auditLeads(
    snapshot: Partial<HygieneSnapshot>,
    settings: LeadLoopSettings,
    now: Date,
    options: AuditOptions = {}
): AuditResult {
    const checks = selectChecks(options?.checks);
    const onFinding = options?.onFinding;
    if (onFinding !== undefined && typeof onFinding !== 'function') {
        throw new HygieneInputError('onFinding must be a function.');
    }
    const issues = hygieneSettingsIssues(settings);
    if (issues.length) throw new HygieneInputError(`Settings are not usable: ${issues.join(' ')}`);
    if (!(now instanceof Date) || !Number.isFinite(now.getTime())) {
        throw new HygieneInputError('now must be a valid Date (the clock of the audit).');
    }
    const snap = checkedSnapshot(snapshot);
    const ctx = buildContext(snap, settings, now);
    const tests = checks.map((check) => check.prepare(ctx));
    const findings: Finding[] = [];
    const countsByCheck: Record<string, number> = Object.fromEntries(checks.map((c) => [c.id, 0]));
    const countsBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<
        Severity,
        number
    >;
    const skipped: AuditResult['skipped'] = [];
    let leadsAudited = 0;
    let leadsWithFindings = 0;
    const leads = snap.leads;
    for (let index = 0; index < leads.length; index++) {
        const lead = leads[index];
        const state = ctx.leadState[index];
        if (state !== AUDITED) {
            skipped.push({
                index,
                reason:
                    state === NO_ID
                        ? 'The lead has no Id.'
                        : `The lead ${lead.id} appears more than once.`
            });
            continue;
        }
        leadsAudited += 1;
        const facts = leadFacts(ctx, lead, index);
        let name: string | null = null;
        for (let t = 0; t < tests.length; t++) {
            const draft = tests[t](facts);
            if (!draft) continue;
            const check = checks[t];
            name ??= leadName(lead);
            countsByCheck[check.id] += 1;
            countsBySeverity[check.severity] += 1;
            const finding: Finding = {
                leadId: lead.id,
                leadName: name,
                checkId: check.id,
                severity: check.severity,
                title: check.title,
                detail: draft.detail,
                evidence: draft.evidence,
                fix: draft.fix
            };
            if (onFinding) onFinding(finding);
            else findings.push(finding);
        }
        if (name !== null) leadsWithFindings += 1;
    }
    return {
        now: now.toISOString(),
        checks: checks.map((c) => c.id),
        leadsAudited,
        leadsWithFindings,
        findings,
        countsByCheck,
        countsBySeverity,
        skipped
    };
}
