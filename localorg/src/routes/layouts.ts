/**
 * Describe layouts (`/sobjects/{Object}/describe/layouts`, `…/compactLayouts`,
 * `…/approvalLayouts`). The local org holds no page layout metadata, so each object has the
 * layout the platform generates for an object nobody has laid out: one "Information" section
 * with its fields two to a row, a related list per child relationship; its compact layout is
 * the platform's `SYSTEM` default (the name field); it has no approval layouts, as the local
 * org runs no approval processes. A named layout (User's `UserAlt`, `NAMED_LAYOUTS`) is
 * that same generated layout under its name; any other name is NOT_FOUND.
 */
import { API, type Router } from '../http/router';
import { notFound } from '../http/errors';
import { describeField, NAMED_LAYOUTS } from '../store/describe';
import type { FieldInfo, ObjectInfo } from '../store/source';
import type { OrgContext } from './context';
import { objectNamed } from './records';

const DESCRIBE = `${API}/sobjects/:object/describe`;
/** Fields the platform keeps off a generated layout (the id and the system's own). */
const SYSTEM_FIELDS = new Set(['Id', 'IsDeleted', 'SystemModstamp', 'LastActivityDate']);

function layoutItem(f: FieldInfo | undefined, tabOrder: number) {
    if (!f)
        return {
            editableForNew: false,
            editableForUpdate: false,
            label: '',
            layoutComponents: [],
            placeholder: true,
            required: false
        };
    return {
        editableForNew: f.createable,
        editableForUpdate: f.updateable,
        label: f.label,
        layoutComponents: [
            { details: describeField(f), displayLines: 1, tabOrder, type: 'Field', value: f.name }
        ],
        placeholder: false,
        required: !!f.required
    };
}

function section(info: ObjectInfo, editable: boolean) {
    const fields = Object.values(info.fields).filter(
        (f) => !SYSTEM_FIELDS.has(f.name) && (!editable || f.createable || f.updateable)
    );
    const rows = [];
    for (let i = 0; i < fields.length; i += 2) {
        const items = [layoutItem(fields[i], i + 1), layoutItem(fields[i + 1], i + 2)];
        rows.push({ layoutItems: items, numItems: items.length });
    }
    return {
        collapsed: false,
        columns: 2,
        heading: 'Information',
        layoutRows: rows,
        layoutSectionId: null,
        parentLayoutId: null,
        rows: rows.length,
        tabOrder: 'TopToBottom',
        useCollapsibleSection: false,
        useHeading: true
    };
}

function layoutOf(ctx: OrgContext, info: ObjectInfo) {
    return {
        buttonLayoutSection: { detailButtons: [] },
        detailLayoutSections: [section(info, false)],
        editLayoutSections: [section(info, true)],
        feedView: null,
        highlightsPanelLayoutSection: null,
        id: null,
        multirowEditLayoutSections: [],
        offlineLinks: [],
        quickActionList: { quickActionListItems: [] },
        relatedContent: null,
        relatedLists: info.childRelationships.map((r) => {
            const child = ctx.store.objectInfo(r.childObject);
            return {
                buttons: [],
                columns: [
                    {
                        field: `${r.childObject}.Id`,
                        fieldApiName: 'Id',
                        format: null,
                        label: 'Id',
                        lookupId: null,
                        name: 'Id',
                        sortable: true
                    }
                ],
                custom: r.childObject.endsWith('__c'),
                field: r.field,
                label: child?.labelPlural ?? r.relationshipName,
                limitRows: 5,
                name: r.relationshipName,
                sobject: r.childObject,
                sort: []
            };
        }),
        saveOptions: []
    };
}

function layouts(ctx: OrgContext, info: ObjectInfo) {
    return {
        layouts: [layoutOf(ctx, info)],
        recordTypeMappings: [],
        recordTypeSelectorRequired: [false]
    };
}

export function register(router: Router, ctx: OrgContext): void {
    router.get(`${DESCRIBE}/layouts`, (r) => {
        r.send(200, layouts(ctx, objectNamed(ctx, r.params.object)));
    });
    router.get(`${DESCRIBE}/namedLayouts/:name`, (r) => {
        const info = objectNamed(ctx, r.params.object);
        if (!(NAMED_LAYOUTS[info.name] ?? []).includes(r.params.name))
            throw notFound(`no named layout ${r.params.name} on ${info.name}`);
        r.send(200, layouts(ctx, info));
    });
    router.get(`${DESCRIBE}/compactLayouts`, (r) => {
        const info = objectNamed(ctx, r.params.object);
        const name = info.fields.Name ?? info.fields.Id;
        r.send(200, {
            compactLayouts: [
                {
                    actions: [],
                    fieldItems: [layoutItem(name, 1)],
                    id: null,
                    imageItems: [],
                    label: 'System Default',
                    name: 'SYSTEM',
                    objectType: info.name
                }
            ],
            defaultCompactLayoutId: null,
            recordTypeCompactLayoutMappings: []
        });
    });
    router.get(`${DESCRIBE}/approvalLayouts`, (r) => {
        objectNamed(ctx, r.params.object);
        r.send(200, { approvalLayouts: [] });
    });
}
