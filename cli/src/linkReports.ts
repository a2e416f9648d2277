/**
 * `leadloop link-reports`: stores where each linked report is in the org, so the funnel
 * page opens a number's report directly. Report ids are read over the REST API (Report is
 * queryable there; the UI API does not serve it) and upserted as LL_Report_Link__c by the
 * report's DeveloperName, so running it again changes only what moved (a report deployed
 * again gets a new id). The plan is the core's `planReportLinks`.
 */
import {
    LINKED_REPORTS,
    planReportLinks,
    REPORT_LINK,
    reportLinkRecord,
    type ReportLinkAction
} from '../../core/src/index';
import { cond, soql, type Api, type RecordFailure } from './api/index';

export interface ReportLinkRow {
    report: string;
    reportId: string | null;
    /** The id the link held before this run. */
    linkedId: string | null;
    action: ReportLinkAction;
    /** What happened: the action when applied, `would …` in a preview, or `failed`. */
    result: string;
    message: string;
}

export interface LinkReportsResult {
    applied: boolean;
    rows: ReportLinkRow[];
    written: number;
    missing: number;
    failures: RecordFailure[];
}

const PREVIEW: Record<ReportLinkAction, string> = {
    create: 'would create',
    update: 'would update',
    unchanged: 'unchanged',
    missing: 'missing'
};
const APPLIED: Record<ReportLinkAction, string> = {
    create: 'created',
    update: 'updated',
    unchanged: 'unchanged',
    missing: 'missing'
};

/** Reads the reports and the stored links, plans, and with `apply` upserts what changed. */
export async function linkReports(api: Api, opts: { apply: boolean }): Promise<LinkReportsResult> {
    const f = REPORT_LINK.fields;
    const [reports, links] = await Promise.all([
        api.query(
            soql({
                select: ['Id', 'DeveloperName'],
                from: 'Report',
                where: [cond('DeveloperName', 'IN', LINKED_REPORTS)]
            })
        ),
        api.query(
            soql({
                select: [f.id, f.developerName, f.reportId],
                from: REPORT_LINK.objectApiName,
                where: [cond(f.developerName, 'IN', LINKED_REPORTS)]
            })
        )
    ]);
    const plan = planReportLinks(reports, links);
    const rows: ReportLinkRow[] = plan.map((p) => ({
        report: p.developerName,
        reportId: p.reportId,
        linkedId: p.linkedId,
        action: p.action,
        result: (opts.apply ? APPLIED : PREVIEW)[p.action],
        message:
            p.action === 'missing'
                ? 'No report with this DeveloperName in the org (deploy force-app first); its number opens the Reports tab.'
                : ''
    }));
    const missing = plan.filter((p) => p.action === 'missing').length;
    const toWrite = plan
        .map((p, i) => ({ p, i }))
        .filter(({ p }) => p.action === 'create' || p.action === 'update');
    if (!opts.apply || !toWrite.length) {
        return { applied: opts.apply, rows, written: 0, missing, failures: [] };
    }
    const out = await api.write(
        REPORT_LINK.objectApiName,
        toWrite.map(({ p }) => reportLinkRecord(p)),
        'upsert',
        { bulkThreshold: Infinity, externalIdField: f.developerName }
    );
    const failures: RecordFailure[] = [];
    for (const failure of out.failures) {
        const row = rows[toWrite[failure.index].i];
        row.result = 'failed';
        row.message = failure.message;
        failures.push({
            object: REPORT_LINK.objectApiName,
            sourceId: row.report,
            id: null,
            errorCode: failure.errorCode,
            message: failure.message
        });
    }
    return {
        applied: true,
        rows,
        written: toWrite.length - failures.length,
        missing,
        failures
    };
}
