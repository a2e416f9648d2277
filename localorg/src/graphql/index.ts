/**
 * Route hook (issue 5): `POST /services/data/vXX.X/graphql` in the UI API
 * shapes. The local org's server calls `register(router, ctx)` (same router and
 * ctx as ../uiapi/index.ts).
 */
import { createBrowserRoutes } from '../uiapi/http';
import type { RouteContext, RouteRouter } from '../uiapi/index';

export { executeGraphQL, type GraphQLRequest, type GraphQLResponse } from './execute';
export { buildObjectInfos } from './objectInfos';
export { MemorySource } from './memorySource';
export * from './source';

export function register(router: RouteRouter, ctx: RouteContext): void {
    router.use(
        createBrowserRoutes({
            source: ctx.source,
            accessToken: ctx.accessToken,
            isAuthorized: ctx.isAuthorized,
            parts: { graphql: true, uiapi: false, app: false }
        })
    );
}
