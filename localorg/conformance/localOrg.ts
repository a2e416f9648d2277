/**
 * The org the project's own jsforce scenarios run against: a throwaway local org, an
 * unmodified jsforce connection on its token, and that many leads of one company.
 */
import jsforce, { type Connection } from 'jsforce';
import { startLocalOrg, type LocalOrg, type LocalOrgOptions } from '../src/index';

export async function startConformanceOrg(
    leads: number,
    options: Partial<LocalOrgOptions> = {}
): Promise<{ org: LocalOrg; conn: Connection }> {
    const org = await startLocalOrg({ dataDir: ':memory:', ...options });
    const conn = new jsforce.Connection({
        instanceUrl: org.instanceUrl,
        accessToken: org.accessToken,
        version: org.apiVersion
    });
    org.store.transaction(() => {
        for (let i = 0; i < leads; i++)
            org.store.create('Lead', { LastName: `Big ${i}`, Company: 'Big Co', Status: 'New' });
    });
    return { org, conn };
}
