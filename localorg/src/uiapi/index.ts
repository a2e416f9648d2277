/**
 * Route hook (issue 5): the UI API (`/services/data/vXX.X/ui-api/...`) and the
 * browser app (`/`, `/app.js`, `/assets/...`, `/leadloop/session`).
 *
 * The local org's server calls `register(router, ctx)`; `router.use(handler)`
 * takes a Node handler answering `true` when it handled the request, and
 * `ctx.source` is a RecordSource over the store (see ../graphql/source.ts).
 */
import type { RecordSource } from '../graphql/source';
import { createBrowserRoutes, type BrowserRoutesOptions } from './http';

export { createBrowserRoutes, DEFAULT_DIST_DIR } from './http';
export * as records from './records';

export type NodeHandler = (
    req: import('node:http').IncomingMessage,
    res: import('node:http').ServerResponse
) => Promise<boolean>;

export interface RouteRouter {
    use(handler: NodeHandler): void;
}

export interface RouteContext {
    source: RecordSource;
    accessToken: string | (() => string);
    isAuthorized?: (req: import('node:http').IncomingMessage) => boolean;
    distDir?: string;
}

export function register(router: RouteRouter, ctx: RouteContext): void {
    const options: BrowserRoutesOptions = {
        source: ctx.source,
        accessToken: ctx.accessToken,
        isAuthorized: ctx.isAuthorized,
        distDir: ctx.distDir,
        parts: { uiapi: true, app: true, graphql: false }
    };
    router.use(createBrowserRoutes(options));
}
