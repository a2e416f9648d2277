/**
 * The org jsforce's scenarios run against: a throwaway local org, an unmodified
 * jsforce connection on its token, and Lead rows standing in for jsforce's
 * BigTable__c.
 */
import jsforce, { type Connection } from 'jsforce';
import { startLocalOrg, type LocalOrg, type LocalOrgOptions } from '../src/index';

export async function startConformanceOrg(
    bigTableRows: number,
    options: Partial<LocalOrgOptions> = {}
): Promise<{ org: LocalOrg; conn: Connection }> {
    const org = await startLocalOrg({ dataDir: ':memory:', ...options });
    const conn = new jsforce.Connection({
        instanceUrl: org.instanceUrl,
        accessToken: org.accessToken,
        version: org.apiVersion
    });
    org.store.transaction(() => {
        for (let i = 0; i < bigTableRows; i++)
            org.store.create('Lead', { LastName: `Big ${i}`, Company: 'Big Co', Status: 'New' });
    });
    return { org, conn };
}

/**
 * A connection on an invalid token, as jsforce's session scenarios make one; with `onRefresh`
 * its refreshFn hands it the org's token (after 50 ms), without it there is no refreshFn.
 */
export function staleConnection(org: LocalOrg, onRefresh?: () => void): Connection {
    return new jsforce.Connection({
        instanceUrl: org.instanceUrl,
        accessToken: 'invalid_token',
        version: org.apiVersion,
        ...(onRefresh && {
            refreshFn: (_c: Connection, callback: (err: Error | null, token?: string) => void) => {
                onRefresh();
                setTimeout(() => callback(null, org.accessToken), 50);
            }
        })
    });
}
