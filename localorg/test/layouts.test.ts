/**
 * Describe layouts: the layout the platform generates for an object nobody has laid out (its
 * fields two to a row, a related list per child relationship), the SYSTEM compact layout, no
 * approval layouts, and User's named layout UserAlt.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOrg, type LocalOrg } from '../src/index';
import { apiCall } from './http';

let org: LocalOrg;
beforeAll(async () => {
    org = await startLocalOrg({ dataDir: ':memory:' });
});
afterAll(() => org?.close());

const json = async <T>(path: string, status = 200): Promise<T> => {
    const res = await apiCall(org, path);
    expect(res.status).toBe(status);
    return (await res.json()) as T;
};

interface Item {
    label: string;
    placeholder: boolean;
    editableForUpdate: boolean;
    layoutComponents: { type: string; value: string; details: { name: string } }[];
}
interface Section {
    columns: number;
    layoutRows: { layoutItems: Item[]; numItems: number }[];
}

describe('describe layouts', () => {
    it("lays out the object's fields and child relationships", async () => {
        const res = await json<{
            layouts: {
                detailLayoutSections: Section[];
                editLayoutSections: Section[];
                relatedLists: { name: string; sobject: string; field: string }[];
            }[];
            recordTypeMappings: unknown[];
        }>('/sobjects/account/describe/layouts');
        expect(res.layouts).toHaveLength(1);
        const [layout] = res.layouts;
        const fields = (s: Section) =>
            s.layoutRows.flatMap((row) =>
                row.layoutItems.flatMap((i) => i.layoutComponents.map((c) => c.value))
            );
        const detail = fields(layout.detailLayoutSections[0]);
        expect(detail).toContain('Name');
        expect(detail).toContain('CreatedById');
        expect(detail).not.toContain('Id');
        expect(layout.detailLayoutSections[0].layoutRows.every((r) => r.numItems === 2)).toBe(true);
        // The edit section holds only fields one can write.
        expect(fields(layout.editLayoutSections[0])).toContain('Name');
        expect(fields(layout.editLayoutSections[0])).not.toContain('CreatedById');
        expect(layout.relatedLists).toContainEqual(
            expect.objectContaining({ name: 'Contacts', sobject: 'Contact', field: 'AccountId' })
        );
        expect(res.recordTypeMappings).toEqual([]);
    });

    it('answers the SYSTEM compact layout and no approval layouts', async () => {
        const compact = await json<{
            compactLayouts: { name: string; objectType: string; fieldItems: Item[] }[];
        }>('/sobjects/Lead/describe/compactLayouts');
        expect(compact.compactLayouts).toMatchObject([{ name: 'SYSTEM', objectType: 'Lead' }]);
        expect(compact.compactLayouts[0].fieldItems[0].layoutComponents[0].value).toBe('Name');
        expect(await json('/sobjects/Account/describe/approvalLayouts')).toEqual({
            approvalLayouts: []
        });
        await json('/sobjects/Nope__c/describe/layouts', 404);
    });

    it("serves User's named layout UserAlt, listed in User's describe, and no other", async () => {
        const describe = await json<{
            namedLayoutInfos: { name: string; urls: { layout: string } }[];
        }>('/sobjects/User/describe');
        expect(describe.namedLayoutInfos.map((n) => n.name)).toEqual(['UserAlt']);
        const path = describe.namedLayoutInfos[0].urls.layout.replace(
            /^\/services\/data\/v[\d.]+/,
            ''
        );
        const named = await json<{ layouts: { relatedLists: unknown[] }[] }>(path);
        expect(named).toEqual(await json('/sobjects/User/describe/layouts'));
        expect(
            (await json<{ namedLayoutInfos: unknown[] }>('/sobjects/Account/describe'))
                .namedLayoutInfos
        ).toEqual([]);
        const missing = await json<{ errorCode: string; message: string }[]>(
            '/sobjects/User/describe/namedLayouts/Other',
            404
        );
        expect(missing[0]).toMatchObject({ errorCode: 'NOT_FOUND' });
        expect(missing[0].message).toContain('Other');
        await json('/sobjects/Account/describe/namedLayouts/UserAlt', 404);
    });
});
