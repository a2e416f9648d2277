/**
 * Links from a number to its own report. A report opens by its record id
 * (`standard__recordPage`, objectApiName `Report`, actionName `view`: the page at
 * /lightning/r/Report/{Id}/view, the form Salesforce Help documents for linking to a
 * report). The id differs per org. `Report` is queryable over the REST API (SOQL
 * `SELECT Id, DeveloperName FROM Report`), but the UI API — so `lightning/graphql` —
 * does not list it among its supported objects, so a component cannot be relied on to
 * read it. Instead `leadloop link-reports` reads the ids over REST and stores them as
 * LL_Report_Link__c records (DeveloperName → Id), which the funnel page reads with
 * GraphQL in the request that already reads the settings. There is no GraphQL query of
 * `Report` at all: an unsupported object fails the whole request it is in, and a second
 * request for it would cost a round trip for an answer a real org likely never gives.
 * A report without a stored link (not linked yet, not deployed) opens the Reports tab,
 * named in its state, so the link still goes somewhere useful.
 */
import { fieldValue, graphqlNodes, type SalesforceRecord } from '../records';
import { REPORT_LINK } from '../schema';
import { METRIC_REPORTS } from './view';

/** Every report a number or stage links to (constants, never input). */
export const LINKED_REPORTS: readonly string[] = [...new Set(Object.values(METRIC_REPORTS))];

/** A report record id (key prefix 00O, 15 or 18 characters): nothing else goes into a link. */
const REPORT_ID = /^00O[0-9A-Za-z]{12}(?:[0-9A-Za-z]{3})?$/;

export const isReportId = (id: unknown): id is string =>
    typeof id === 'string' && REPORT_ID.test(id);

/** DeveloperName → Id from the funnel page's answer (its LL_Report_Link__c connection). */
export function reportIdsFromLinks(data: unknown): Record<string, string> {
    const connection = (data as { uiapi?: { query?: Record<string, unknown> } } | undefined)?.uiapi
        ?.query?.[REPORT_LINK.objectApiName];
    const ids: Record<string, string> = {};
    for (const node of graphqlNodes(connection)) {
        const name = fieldValue(node[REPORT_LINK.fields.developerName]);
        const id = fieldValue(node[REPORT_LINK.fields.reportId]);
        // The links are data an admin can edit: only a report id becomes a record page link.
        if (typeof name === 'string' && isReportId(id)) ids[name] = id;
    }
    return ids;
}

export type ReportLinkAction = 'create' | 'update' | 'unchanged' | 'missing';

/** What linking does for one report. */
export interface ReportLinkPlan {
    developerName: string;
    /** The report's Id in the org; null when the org has no such report (not deployed). */
    reportId: string | null;
    /** The Id the stored link holds now; null when there is no link. */
    linkedId: string | null;
    action: ReportLinkAction;
}

/**
 * The plan from the org's reports (`Report` rows: Id, DeveloperName) and the stored links
 * (LL_Report_Link__c rows), one entry per linked report in `LINKED_REPORTS` order.
 */
export function planReportLinks(
    reports: readonly SalesforceRecord[],
    links: readonly SalesforceRecord[]
): ReportLinkPlan[] {
    const f = REPORT_LINK.fields;
    const reportIds = new Map<string, string>();
    for (const r of reports) {
        const name = fieldValue(r.DeveloperName);
        const id = fieldValue(r.Id);
        if (typeof name === 'string' && isReportId(id)) reportIds.set(name, id);
    }
    const linked = new Map<string, string | null>();
    for (const l of links) {
        const name = fieldValue(l[f.developerName]);
        const id = fieldValue(l[f.reportId]);
        if (typeof name === 'string') linked.set(name, typeof id === 'string' ? id : null);
    }
    return LINKED_REPORTS.map((developerName) => {
        const reportId = reportIds.get(developerName) ?? null;
        const linkedId = linked.get(developerName) ?? null;
        const action: ReportLinkAction =
            reportId === null
                ? 'missing'
                : !linked.has(developerName)
                  ? 'create'
                  : linkedId === reportId
                    ? 'unchanged'
                    : 'update';
        return { developerName, reportId, linkedId, action };
    });
}

/** The LL_Report_Link__c record (upsert by DeveloperName) of a planned create or update. */
export function reportLinkRecord(plan: ReportLinkPlan): SalesforceRecord {
    if (plan.reportId === null) {
        throw new Error(`The report ${plan.developerName} is not in the org: nothing to link.`);
    }
    const f = REPORT_LINK.fields;
    return {
        [f.name]: plan.developerName,
        [f.developerName]: plan.developerName,
        [f.reportId]: plan.reportId
    };
}

export interface ReportPageReference {
    type: 'standard__recordPage' | 'standard__objectPage';
    attributes: Record<string, string>;
    state?: Record<string, string>;
}

/** Where a report link goes: the report itself when its id is known, else the Reports tab. */
export function reportPageReference(
    developerName: string,
    ids: Readonly<Record<string, string>>
): ReportPageReference {
    const recordId = ids[developerName];
    if (recordId) {
        return {
            type: 'standard__recordPage',
            attributes: { recordId, objectApiName: 'Report', actionName: 'view' }
        };
    }
    return {
        type: 'standard__objectPage',
        attributes: { objectApiName: 'Report', actionName: 'home' },
        state: { c__report: developerName }
    };
}
