/**
 * Links from a number to its own report. A report opens by its record id
 * (`standard__recordPage`, objectApiName `Report`, actionName `view`: the page at
 * /lightning/r/Report/{Id}/view, the form Salesforce Help documents for linking to a
 * report, "Filter Reports via URL Parameters in Lightning Experience"). The id differs
 * per org, so the component reads it by the report's DeveloperName: the `Report`
 * object is queryable with DeveloperName filterable (Object Reference for the
 * Salesforce Platform, "Report"), through the GraphQL wire adapter an LWC may call
 * without Apex. Not verified from here: that the UI API exposes Report on a real org
 * (GET /ui-api/object-info/Report tells). A report the query does not return (the
 * object not exposed, the report not deployed or not visible to the user) opens the
 * Reports tab instead, named in its state, so the link still goes somewhere useful.
 */
import { fieldValue, graphqlNodes } from '../records';
import { METRIC_REPORTS } from './view';

/** Every report a number or stage links to (constants, never input). */
export const LINKED_REPORTS: readonly string[] = [...new Set(Object.values(METRIC_REPORTS))];

/** What REPORT_IDS_QUERY reads. */
export const REPORT_READS = { Report: ['Id', 'DeveloperName'] } as const;

/** The GraphQL document reading the linked reports' ids by DeveloperName. */
export const REPORT_IDS_QUERY = `query leadLoopReportIds {
    uiapi {
        query {
            Report(where: { DeveloperName: { in: ${JSON.stringify(LINKED_REPORTS)} } }, first: ${LINKED_REPORTS.length}) {
                edges { node { Id DeveloperName { value } } }
            }
        }
    }
}`;

/** DeveloperName → Id from the answer's `data` (empty for no answer). */
export function reportIdsFromAnswer(data: unknown): Record<string, string> {
    const ids: Record<string, string> = {};
    const connection = (data as { uiapi?: { query?: { Report?: unknown } } } | undefined)?.uiapi
        ?.query?.Report;
    for (const node of graphqlNodes(connection)) {
        const name = fieldValue(node.DeveloperName);
        const id = fieldValue(node.Id);
        if (typeof name === 'string' && typeof id === 'string') ids[name] = id;
    }
    return ids;
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
