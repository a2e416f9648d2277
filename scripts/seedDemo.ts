/**
 * What `npm start` does to a new local org: when it has no leads, seed the demo
 * data set and score it through the CLI's seed code (the same path as
 * `leadloop seed`), over jsforce like any other client; then convert the leads the
 * data set converts (no API inserts a converted lead: the local org's conversion).
 */
import jsforce from 'jsforce';
import { API_VERSION, SOURCE_ID_FIELD } from '../core/src/index';
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
    const conn = new jsforce.Connection({
        instanceUrl: org.instanceUrl,
        accessToken: org.accessToken,
        version: API_VERSION
    });
    const data = generateDemoData({ seed: options.seed, leads: options.leads, now: new Date() });
    // seedOrg scores every lead afterwards (as `leadloop seed` does), on the clock of that
    // moment: records inserted during the seed (campaign members) are then in the past.
    await seedOrg(conn, data, {});
    applyDemoConversions(org, data);
    return true;
}
