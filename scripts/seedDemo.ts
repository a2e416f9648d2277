/**
 * What `npm start` does to a new local org: when it has no leads, seed the demo
 * data set and score it through the CLI's seed code (the same path as
 * `leadloop seed`), over jsforce like any other client.
 */
import jsforce from 'jsforce';
import { API_VERSION } from '../core/src/index';
import { generateDemoData, seedOrg } from '../cli/src/seed/index';
import type { LocalOrg } from '../localorg/src/index';

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
    return true;
}
