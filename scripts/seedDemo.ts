/**
 * What `npm start` does to a new local org: when it has no leads, seed the demo
 * data set and score it through the CLI's seed code (the same path as
 * `leadloop seed`), over jsforce like any other client; then convert the leads the
 * data set converts (no API inserts a converted lead: the local org's conversion).
 * On every start, link the reports as `leadloop link-reports --apply` does, and audit
 * once as `leadloop audit` does, so the funnel page opens reports and shows the figures.
 */
import jsforce from 'jsforce';
import { API_VERSION, AUDIT_RUN, SOURCE_ID_FIELD } from '../core/src/index';
import { Api } from '../cli/src/api/index';
import { readHygieneSnapshot, runAudit, runFigures, saveAuditRun } from '../cli/src/audit';
import { linkReports } from '../cli/src/linkReports';
import { generateDemoData, seedOrg } from '../cli/src/seed/index';
import type { DemoData } from '../cli/src/seed/types';
import type { LocalOrg } from '../localorg/src/index';

/** Converts the data set's converted leads in the local org (its status Converted). */
export function applyDemoConversions(org: LocalOrg, data: DemoData): number {
    const idOf = (object: string, key: string) =>
        org.store.find(object, {
            fields: ['Id'],
            where: { field: SOURCE_ID_FIELD, op: 'eq', value: key },
            limit: 1,
            offset: 0
        }).records[0]?.Id as string | undefined;
    let converted = 0;
    org.store.transaction(() => {
        for (const c of data.conversions) {
            const leadId = idOf('Lead', c.lead);
            if (!leadId) continue;
            org.store.convertLead(leadId, {
                status: 'Converted',
                convertedDate: c.convertedDate,
                opportunityId: idOf('Opportunity', c.opportunity) ?? null
            });
            converted++;
        }
    });
    return converted;
}

/** Seeds the demo data when the org has no leads; answers whether it seeded. */
export async function seedDemoIfEmpty(
    org: LocalOrg,
    options: { leads?: number; seed?: number } = {}
): Promise<boolean> {
    const leads = org.store.find('Lead', { fields: ['Id'], limit: 1, offset: 0 }).totalCount;
    if (leads > 0) return false;
    const conn = connect(org);
    const data = generateDemoData({ seed: options.seed, leads: options.leads, now: new Date() });
    // seedOrg scores every lead afterwards (as `leadloop seed` does), on the clock of that
    // moment: records inserted during the seed (campaign members) are then in the past.
    await seedOrg(conn, data, {});
    applyDemoConversions(org, data);
    return true;
}

/** A jsforce connection to the org, as any client makes one. */
function connect(org: LocalOrg) {
    return new jsforce.Connection({
        instanceUrl: org.instanceUrl,
        accessToken: org.accessToken,
        version: API_VERSION
    });
}

/**
 * Links the package's reports (idempotent: only new or moved ids are written) and, with
 * `audit` and no audit run yet, records one audit run through the CLI's audit. Throws
 * when a link cannot be written (the funnel page would fall back to the Reports tab).
 */
export async function prepareDemo(
    org: LocalOrg,
    options: { audit: boolean; now?: Date }
): Promise<{ linked: number; auditRunId: string | null }> {
    const api = new Api(connect(org));
    const links = await linkReports(api, { apply: true });
    if (links.failures.length) {
        throw new Error(`Linking the reports failed: ${links.failures[0].message}`);
    }
    const runs = org.store.find(AUDIT_RUN.objectApiName, { fields: ['Id'], limit: 1, offset: 0 });
    if (!options.audit || runs.totalCount > 0) return { linked: links.written, auditRunId: null };
    const read = await readHygieneSnapshot(api, { bulkThreshold: 2000 });
    const result = runAudit(read, options.now ?? new Date());
    const auditRunId = await saveAuditRun(api, result, runFigures(read, result));
    return { linked: links.written, auditRunId };
}
