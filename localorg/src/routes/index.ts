/**
 * The route table: every API is one module exporting `register(router, ctx)`,
 * registered in this order (the browser app's catch-all `GET /*` last).
 */
import type { Router } from '../http/router';
import * as bulkIngest from './bulkIngest';
import * as bulkQuery from './bulkQuery';
import * as bulkV1 from './bulkV1';
import * as collections from './collections';
import * as composite from './composite';
import * as compositeTree from './compositeTree';
import type { AppContext, OrgContext } from './context';
import * as faults from './faults';
import * as graphql from './graphql';
import * as layouts from './layouts';
import * as limits from './limits';
import * as listViews from './listViews';
import * as login from './login';
import * as metadata from './metadata';
import * as oauth from './oauth';
import * as query from './query';
import * as search from './search';
import * as sobjects from './sobjects';
import * as staticFiles from './static';
import * as tooling from './tooling';
import * as uiapi from './uiapi';

/** The APIs that work on any RecordSource: GraphQL, the UI API and the browser app. */
export function registerAppRoutes(router: Router, ctx: AppContext): Router {
    for (const module of [graphql, uiapi, staticFiles]) module.register(router, ctx);
    return router;
}

/** Every API of the local org. */
export function registerOrgRoutes(router: Router, ctx: OrgContext): Router {
    for (const module of [
        oauth,
        login,
        limits,
        faults,
        listViews,
        layouts,
        sobjects,
        query,
        search,
        collections,
        composite,
        compositeTree,
        bulkIngest,
        bulkQuery,
        bulkV1,
        tooling,
        metadata
    ])
        module.register(router, ctx);
    return registerAppRoutes(router, ctx);
}

export type { AppContext, OrgContext } from './context';
