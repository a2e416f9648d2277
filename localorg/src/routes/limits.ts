/** The version list, the API's resource list and `/limits`. */
import { API_VERSION } from '../../../core/src/index';
import { API, type Router } from '../http/router';
import { OLDEST_API_VERSION } from '../http/server';
import type { OrgContext } from './context';

export const BASE = `/services/data/v${API_VERSION}`;

/** A version's release: three a year (Spring, Summer, Winter '{next year}), 66.0 = Spring '26. */
function releaseLabel(version: number): string {
    const steps = version - 66;
    const season = ((steps % 3) + 3) % 3;
    const year = 26 + Math.floor(steps / 3) + (season === 2 ? 1 : 0);
    return `${['Spring', 'Summer', 'Winter'][season]} '${String(year).padStart(2, '0')}`;
}

/** `GET /services/data`: every version from the oldest up to the org's own, oldest first. */
function servedVersions() {
    const versions = [];
    for (let v = OLDEST_API_VERSION; v <= Number(API_VERSION); v++)
        versions.push({
            label: releaseLabel(v),
            url: `/services/data/v${v}.0`,
            version: `${v}.0`
        });
    return versions;
}

/** `GET /services/data/vXX.X`: the resources the local org serves, under the version asked for. */
function resources(version: string) {
    const base = `/services/data/${version}`;
    const names = [
        'sobjects',
        'query',
        'queryAll',
        'search',
        'parameterizedSearch',
        'composite',
        'jobs',
        'limits',
        'tooling',
        'graphql',
        'ui-api'
    ];
    return Object.fromEntries(names.map((n) => [n, `${base}/${n}`]));
}

export function register(router: Router, ctx: OrgContext): void {
    router.get('/services/data', (r) => r.send(200, servedVersions()), { auth: 'none' });
    router.get(API, (r) => r.send(200, resources(r.params.version)));
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
