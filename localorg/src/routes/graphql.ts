/** `POST /services/data/vXX.X/graphql`: GraphQL in the UI API shapes (reads and mutations). */
import { executeGraphQL, isRequestError } from '../graphql/execute';
import type { Request } from '../http/request';
import { API, type Router } from '../http/router';
import type { AppContext } from './context';

/**
 * The user the browser acts as (`X-LeadLoop-Act-As: <User Id>`); writes are stamped with
 * it, and undefined means the org's admin.
 */
export function actingUser(r: Request): string | undefined {
    const actAs = r.header('x-leadloop-act-as');
    return /^005[a-zA-Z0-9]{12,15}$/.test(actAs) ? actAs : undefined;
}

export function register(router: Router, ctx: AppContext): void {
    router.post(`${API}/graphql`, async (r) => {
        const body = await r.json();
        const request = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
        const response = executeGraphQL(ctx.store, request, actingUser(r));
        r.send(isRequestError(response) ? 400 : 200, response);
    });
}
