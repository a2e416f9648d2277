/**
 * The audit: every selected check over every lead of a snapshot, in linear time, with no
 * network. `auditLeads(snapshot, settings, now, { checks })` returns the findings (a lead
 * can have several) and the counts per check and severity.
 */
import type { Id, LeadLoopSettings } from '../types';
import { buildContext, leadFacts, leadName } from './context';
import { HygieneInputError, selectChecks } from './registry';
import { hygieneSettingsIssues } from './settings';
import { SEVERITIES, type Finding, type HygieneSnapshot, type Severity } from './types';

export interface AuditOptions {
    /** Check ids to run (default: all). Unknown ids are an error listing the known ones. */
    checks?: readonly string[];
}

export interface AuditResult {
    /** The clock the audit ran for (ISO). */
    now: string;
    checks: string[];
    leadsAudited: number;
    leadsWithFindings: number;
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
    const issues = hygieneSettingsIssues(settings);
    if (issues.length) throw new HygieneInputError(`Settings are not usable: ${issues.join(' ')}`);
    if (!(now instanceof Date) || !Number.isFinite(now.getTime())) {
        throw new HygieneInputError('now must be a valid Date (the clock of the audit).');
    }
    const snap = checkedSnapshot(snapshot);
    const ctx = buildContext(snap, settings, now);
    const tests = checks.map((check) => ({ check, test: check.prepare(ctx) }));
    const findings: Finding[] = [];
    const countsByCheck: Record<string, number> = Object.fromEntries(checks.map((c) => [c.id, 0]));
    const countsBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<
        Severity,
        number
    >;
    const skipped: AuditResult['skipped'] = [];
    const seen = new Set<Id>();
    let leadsWithFindings = 0;
    snap.leads.forEach((lead, index) => {
        if (!lead || typeof lead !== 'object' || !lead.id) {
            skipped.push({ index, reason: 'The lead has no Id.' });
            return;
        }
        if (seen.has(lead.id)) {
            skipped.push({ index, reason: `The lead ${lead.id} appears more than once.` });
            return;
        }
        seen.add(lead.id);
        const facts = leadFacts(ctx, lead, index);
        let name: string | null = null;
        for (const { check, test } of tests) {
            const draft = test(facts);
            if (!draft) continue;
            name ??= leadName(lead);
            countsByCheck[check.id] += 1;
            countsBySeverity[check.severity] += 1;
            findings.push({
                leadId: lead.id,
                leadName: name,
                checkId: check.id,
                severity: check.severity,
                title: check.title,
                ...draft
            });
        }
        if (name !== null) leadsWithFindings += 1;
    });
    return {
        now: now.toISOString(),
        checks: checks.map((c) => c.id),
        leadsAudited: seen.size,
        leadsWithFindings,
        findings,
        countsByCheck,
        countsBySeverity,
        skipped
    };
}
