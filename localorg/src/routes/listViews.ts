/**
 * List views (`/sobjects/{Object}/listviews`, `…/listviews/{id}/describe`, `…/results`). The
 * local org holds no list view metadata, so every object has one list view, the platform's
 * "All" view of it (`All <plural label>`): the name field (or Id), the created and modified
 * dates, ordered by the first column. Its query runs through the SOQL engine like any other.
 */
import { ApiError, notFound } from '../http/errors';
import { API, type Router } from '../http/router';
import { newId, normalizeId } from '../store/ids';
import type { ObjectInfo } from '../store/source';
import { runSoql } from '../store/soql';
import type { SqliteSource } from '../store/sqliteSource';
import type { OrgContext } from './context';
import { objectNamed } from './records';

const LIST_VIEWS = `${API}/sobjects/:object/listviews`;
/** The platform's page of list view results: 25 by default, 2,000 at most. */
const DEFAULT_ROWS = 25;
const MAX_ROWS = 2_000;

interface ListView {
    id: string;
    developerName: string;
    label: string;
    object: ObjectInfo;
    columns: { field: string; label: string; type: string }[];
    query: string;
}

/** A stable id for the object's "All" view (ListView ids start with 00B). */
function viewId(object: string): string {
    let hash = 0;
    for (const c of object.toLowerCase()) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
    return newId('00B', hash);
}

function allView(info: ObjectInfo): ListView {
    const first = info.fields.Name ? 'Name' : 'Id';
    const columns = [first, 'CreatedDate', 'LastModifiedDate']
        .filter((name) => info.fields[name])
        .map((name) => ({
            field: name,
            label: info.fields[name].label,
            type: info.fields[name].kind
        }));
    // Names from the schema only; Id last, as the platform adds it to every view's query.
    const select = [...columns.map((c) => c.field).filter((f) => f !== 'Id'), 'Id'].join(', ');
    return {
        id: viewId(info.name),
        developerName: `All${info.name.replace(/__c$/, '')}`,
        label: `All ${info.labelPlural}`,
        object: info,
        columns,
        query: `SELECT ${select} FROM ${info.name} ORDER BY ${first} ASC NULLS FIRST, Id ASC NULLS FIRST`
    };
}

/** The list view with this id on any object, for `/query?explain={listViewId}`. */
export function listViewById(store: SqliteSource, id: string): ListView | undefined {
    const id18 = normalizeId(id);
    if (!id18) return undefined;
    const name = store.objectNames().find((n) => viewId(n) === id18);
    return name ? allView(store.objectInfo(name)!) : undefined;
}

export function register(router: Router, ctx: OrgContext): void {
    const base = (version: string, view: ListView) =>
        `/services/data/${version}/sobjects/${view.object.name}/listviews/${view.id}`;
    const viewAt = (object: string, id: string): ListView => {
        const view = allView(objectNamed(ctx, object));
        if (normalizeId(id) !== view.id)
            throw notFound(`No list view ${id} on ${view.object.name}.`);
        return view;
    };
    const columnsOf = (view: ListView) =>
        view.columns.map((c, i) => ({
            ascendingLabel: null,
            descendingLabel: null,
            fieldNameOrPath: c.field,
            hidden: false,
            label: c.label,
            selectListItem: c.field,
            sortDirection: i === 0 ? 'ascending' : null,
            sortIndex: i === 0 ? 0 : null,
            sortable: true,
            type: c.type
        }));

    router.get(LIST_VIEWS, (r) => {
        const view = allView(objectNamed(ctx, r.params.object));
        const url = base(r.params.version, view);
        r.send(200, {
            done: true,
            listviews: [
                {
                    describeUrl: `${url}/describe`,
                    developerName: view.developerName,
                    id: view.id,
                    label: view.label,
                    resultsUrl: `${url}/results`,
                    soqlCompatible: true,
                    url
                }
            ],
            nextRecordsUrl: null,
            size: 1,
            sobjectType: view.object.name
        });
    });
    router.get(`${LIST_VIEWS}/:id/describe`, (r) => {
        const view = viewAt(r.params.object, r.params.id);
        r.send(200, {
            columns: columnsOf(view),
            id: view.id,
            orderBy: [
                {
                    fieldNameOrPath: view.columns[0].field,
                    nullsPosition: 'first',
                    sortDirection: 'ascending'
                }
            ],
            query: view.query,
            relatedEntityId: null,
            scope: null,
            scopeEntityId: null,
            sobjectType: view.object.name,
            whereCondition: { conditions: [], conjunction: 'and' }
        });
    });
    router.get(`${LIST_VIEWS}/:id/results`, (r) => {
        const view = viewAt(r.params.object, r.params.id);
        const limit = count(r.query('limit'), DEFAULT_ROWS, MAX_ROWS, 'limit');
        const offset = count(r.query('offset'), 0, MAX_ROWS, 'offset');
        // One row past the page tells whether it is the last, without reading the rest.
        const rows = runSoql(ctx.store, view.query, new Date(), {
            page: { limit: limit + 1, offset }
        }).records;
        const page = rows.slice(0, limit);
        const fields = [...view.columns.map((c) => c.field), 'Id'];
        r.send(200, {
            columns: columnsOf(view),
            developerName: view.developerName,
            done: rows.length <= limit,
            id: view.id,
            label: view.label,
            records: page.map((row) => ({
                columns: [...new Set(fields)].map((f) => ({
                    fieldNameOrPath: f,
                    value: row[f] === undefined || row[f] === null ? null : String(row[f])
                }))
            })),
            size: page.length
        });
    });
}

function count(text: string | null, fallback: number, max: number, name: string): number {
    if (text === null) return fallback;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0 || n > max)
        throw new ApiError(400, 'INVALID_QUERY_PARAMETER_VALUE', `${name} must be 0 to ${max}.`);
    return n;
}
