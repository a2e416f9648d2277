/**
 * The UI API: `/ui-api/records` (create), `/ui-api/records/{id}` (get, update,
 * delete), `/ui-api/object-info/{Object}` and its picklist values.
 */
import type { Request } from '../http/request';
import { API, type Router } from '../http/router';
import * as ui from '../uiapi/records';
import type { AppContext } from './context';
import { actingUser } from './graphql';

const UI = `${API}/ui-api`;

export function register(router: Router, ctx: AppContext): void {
    const { store } = ctx;
    const answer = (r: Request, a: ui.ApiResponse) => r.send(a.status, a.body);
    router.post(`${UI}/records`, async (r) =>
        answer(r, ui.createRecord(store, await r.json(), actingUser(r)))
    );
    router.get(`${UI}/records/:id`, (r) =>
        answer(r, ui.getRecord(store, r.params.id, r.url.searchParams))
    );
    router.patch(`${UI}/records/:id`, async (r) =>
        answer(
            r,
            ui.updateRecord(
                store,
                r.params.id,
                await r.json(),
                actingUser(r),
                r.header('if-unmodified-since') || undefined
            )
        )
    );
    router.delete(`${UI}/records/:id`, (r) =>
        answer(r, ui.deleteRecord(store, r.params.id, actingUser(r)))
    );
    router.get(`${UI}/object-info/:object`, (r) =>
        answer(r, ui.objectInfo(store, r.params.object))
    );
    router.get(`${UI}/object-info/:object/picklist-values/:recordTypeId/:field`, (r) =>
        answer(r, ui.picklistValues(store, r.params.object, r.params.recordTypeId, r.params.field))
    );
}
