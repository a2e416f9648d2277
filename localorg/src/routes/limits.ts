/** The version list, the API's resource list and `/limits`. */
import { API_VERSION } from '../../../core/src/index';
import { API, type Router } from '../http/router';
import type { OrgContext } from './context';

export const BASE = `/services/data/v${API_VERSION}`;

export function register(router: Router, ctx: OrgContext): void {
    router.get(
        '/services/data',
        (r) => r.send(200, [{ label: 'Local', url: BASE, version: API_VERSION }]),
        { auth: 'none' }
    );
    router.get(API, (r) =>
        r.send(200, {
            sobjects: `${BASE}/sobjects`,
            query: `${BASE}/query`,
            limits: `${BASE}/limits`,
            composite: `${BASE}/composite`,
            jobs: `${BASE}/jobs`,
            graphql: `${BASE}/graphql`,
            'ui-api': `${BASE}/ui-api`
        })
    );
    router.get(`${API}/limits`, (r) => {
        const max = ctx.usage.dailyLimit;
        const used = ctx.usage.today();
        const limit = (m: number, remaining: number) => ({ Max: m, Remaining: remaining });
        r.send(200, {
            DailyApiRequests: limit(max, Math.max(0, max - used)),
            DailyBulkV2QueryJobs: limit(10_000, 10_000),
            DailyBulkV2QueryFileStorageMB: limit(976_562, 976_562),
            DataStorageMB: limit(1_024, 1_024)
        });
    });
}
