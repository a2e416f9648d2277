import { Flags } from '@oclif/core';
import { stringify } from 'csv-stringify/sync';
import {
    HYGIENE_CHECK_IDS,
    HYGIENE_CHECKS,
    SEVERITIES,
    type AuditFigures,
    type Finding,
    type Severity
} from '../../../../core/src/index';
import { readHygieneSnapshot, runAudit, runFigures, saveAuditRun } from '../../audit';
import { OrgCommand, type FlagsOf, type OrgContext } from '../../command';
import { nowFlag, orgFlags } from '../../flags';
import { EXIT, table, UsageError, type Outcome } from '../../output';

/** Exit codes of `leadloop audit` (README "The CLI"). */
export const AUDIT_EXIT = { ok: EXIT.ok, findingsAtOrAbove: EXIT.failed, usage: EXIT.usage };

const CSV_COLUMNS = [
    'leadId',
    'leadName',
    'checkId',
    'severity',
    'title',
    'detail',
    'fixKind',
    'fix',
    'evidence'
] as const;

export default class Audit extends OrgCommand {
    static summary = 'Audit the lead line: every hygiene check over every lead.';
    static description =
        'Reads leads, owners, queues, contacts, accounts, opportunities and activities (REST below --bulk-threshold leads, Bulk API 2.0 from it), runs the checks of the core and prints the findings per check, or each finding with --json / --csv. Records the run (LL_Audit_Run__c) unless --dry-run or --no-save. Exit 0; 1 when --fail-on is given and findings at or above that severity exist; 2 for a bad flag or an unknown check.';
    static examples = [
        '<%= config.bin %> <%= command.id %> --target-org local',
        '<%= config.bin %> <%= command.id %> -o prod --checks owner-inactive,duplicate-email --json',
        '<%= config.bin %> <%= command.id %> -o prod --csv > findings.csv',
        '<%= config.bin %> <%= command.id %> -o prod --fail-on high --no-save'
    ];
    static flags = {
        ...orgFlags,
        csv: Flags.boolean({
            summary: 'Print every finding as CSV (one row per finding).',
            default: false,
            exclusive: ['json']
        }),
        checks: Flags.string({
            summary: `Comma-separated check ids to run (default: all). Known: ${HYGIENE_CHECK_IDS.join(', ')}.`
        }),
        'fail-on': Flags.option({
            options: SEVERITIES,
            summary: 'Exit 1 when findings at or above this severity exist.'
        })(),
        'no-save': Flags.boolean({
            summary: 'Do not record the run in LL_Audit_Run__c.',
            default: false
        }),
        now: nowFlag('The audit clock.')
    };

    private checks(f: FlagsOf<typeof Audit>): string[] | undefined {
        if (f.checks === undefined) return undefined;
        const ids = f.checks
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
        const unknown = ids.filter((id) => !HYGIENE_CHECK_IDS.includes(id));
        if (!ids.length || unknown.length) {
            throw new UsageError(
                `${unknown.length ? `Unknown check ${unknown.map((u) => `"${u}"`).join(', ')}` : '--checks is empty'}. Known checks: ${HYGIENE_CHECK_IDS.join(', ')}.`
            );
        }
        return ids;
    }

    protected checkFlags(flags: Record<string, unknown>): void {
        this.checks(flags as FlagsOf<typeof Audit>);
    }

    protected async work(ctx: OrgContext): Promise<Outcome> {
        const { api, bulkThreshold, dryRun } = ctx;
        const f = ctx.flags as FlagsOf<typeof Audit>;
        const now = new Date(f.now ?? new Date().toISOString());
        this.progress('Reading the org…');
        const read = await readHygieneSnapshot(api, { bulkThreshold });
        const result = runAudit(read, now, this.checks(f));
        // What the funnel page shows from the latest run: the metrics over the same read.
        const figures = runFigures(read, result);
        const runId = dryRun || f['no-save'] ? null : await saveAuditRun(api, result, figures);
        const failOn = f['fail-on'] as Severity | undefined;
        const atOrAbove = failOn
            ? SEVERITIES.slice(0, SEVERITIES.indexOf(failOn) + 1).reduce(
                  (n, s) => n + result.countsBySeverity[s],
                  0
              )
            : 0;
        const exit = atOrAbove > 0 ? AUDIT_EXIT.findingsAtOrAbove : AUDIT_EXIT.ok;
        const warnings = read.settingsIssues.map((m) => `Settings: ${m}`);
        if (failOn && atOrAbove) {
            warnings.push(`${atOrAbove} finding(s) at or above ${failOn}: exit ${exit}.`);
        }
        const summary = result.checks.map((id) => {
            const check = HYGIENE_CHECKS.find((c) => c.id === id)!;
            return {
                check: id,
                severity: check.severity,
                count: result.countsByCheck[id],
                explanation: check.explanation
            };
        });
        const json = {
            auditRunId: runId,
            now: result.now,
            transport: read.transport,
            leadsAudited: result.leadsAudited,
            leadsWithFindings: result.leadsWithFindings,
            countsBySeverity: result.countsBySeverity,
            countsByCheck: result.countsByCheck,
            figures,
            skipped: result.skipped,
            findings: result.findings.map(findingJson)
        };
        if (f.csv)
            return { result: json, human: csv(result.findings), warnings, exit, piped: true };
        return {
            result: json,
            warnings,
            exit,
            human:
                `Audit of ${result.leadsAudited} leads (${read.transport}): ${result.findings.length} findings on ${result.leadsWithFindings} leads` +
                `${runId ? `; recorded as ${runId}` : ''}.\n` +
                `${figuresText(figures)}\n` +
                table(summary.map((r) => ({ ...r, explanation: short(r.explanation) })))
        };
    }
}

function findingJson(f: Finding) {
    return {
        leadId: f.leadId,
        leadName: f.leadName,
        checkId: f.checkId,
        severity: f.severity,
        title: f.title,
        detail: f.detail,
        evidence: f.evidence,
        fix: f.fix
    };
}

/** The run's figures in a line (the funnel page shows them from the latest run). */
function figuresText(x: AuditFigures): string {
    const rate = x.handedToSales ? ` (${((100 * x.defective) / x.handedToSales).toFixed(1)}%)` : '';
    const h = (v: number | null) => (v === null ? '—' : `${v} h`);
    return (
        `Process defects: ${x.defective} of ${x.handedToSales} leads handed to sales${rate}. ` +
        `Speed to first touch: median ${h(x.firstTouchMedianHours)}, 90th percentile ${h(x.firstTouchP90Hours)} over ${x.firstTouchLeads} leads.`
    );
}

function short(text: string): string {
    return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function csv(findings: Finding[]): string {
    const rows = findings.map((f) => {
        const row = findingJson(f);
        return {
            ...row,
            fixKind: row.fix.kind,
            fix: row.fix.text,
            evidence: JSON.stringify(row.evidence)
        };
    });
    return stringify(rows, { header: true, columns: [...CSV_COLUMNS] }).trimEnd();
}
