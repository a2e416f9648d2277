/**
 * The org's Lead Status values cover the package's default settings: a lead returned from
 * nurture without a settings record is reopened to "Open - Not Contacted", and the review
 * board's "Move to" menu offers every status of the settings, so the org must accept each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, statusOrder } from '../../core/src/index';
import { startLocalOrg, type LocalOrg } from '../src/index';
import { apiCall } from './http';

let org: LocalOrg;

beforeAll(async () => {
    org = await startLocalOrg({ dataDir: ':memory:' });
});

afterAll(async () => {
    await org.close();
});

const statusOf = async (id: string) =>
    (
        (await (await apiCall(org, `/sobjects/Lead/${id}?fields=Status`)).json()) as {
            Status: string;
        }
    ).Status;

describe('Lead Status values', () => {
    it('accepts every status of the default settings through the REST API', async () => {
        const created = await apiCall(org, '/sobjects/Lead', {
            method: 'POST',
            body: JSON.stringify({ LastName: 'Status', Company: 'Acme' })
        });
        expect(created.status).toBe(201);
        const { id } = (await created.json()) as { id: string };
        expect(await statusOf(id)).toBe('New');

        const statuses = statusOrder(DEFAULT_SETTINGS);
        expect(statuses).toEqual(
            expect.arrayContaining(['Open - Not Contacted', 'Working - Contacted'])
        );
        for (const Status of statuses) {
            const res = await apiCall(org, `/sobjects/Lead/${id}`, {
                method: 'PATCH',
                body: JSON.stringify({ Status })
            });
            expect(res.status, `${Status}: ${await res.text()}`).toBe(204);
            expect(await statusOf(id)).toBe(Status);
        }
    });

    it('describes the standard values, with "Closed - Converted" as a converted status', async () => {
        const describe = (await (await apiCall(org, '/sobjects/Lead/describe')).json()) as {
            fields: { name: string; picklistValues: { value: string; defaultValue: boolean }[] }[];
        };
        const values = describe.fields.find((f) => f.name === 'Status')!.picklistValues;
        expect(values.map((v) => v.value)).toEqual([
            'New',
            'Working',
            'Qualified',
            'Nurturing',
            'Unqualified',
            'Converted',
            'Open - Not Contacted',
            'Working - Contacted',
            'Closed - Converted',
            'Closed - Not Converted'
        ]);
        expect(values.filter((v) => v.defaultValue).map((v) => v.value)).toEqual(['New']);

        const lead = org.store.create('Lead', { LastName: 'Won', Company: 'Acme' });
        org.store.convertLead(lead, { status: 'Closed - Converted', convertedDate: '2026-11-24' });
        const res = await apiCall(org, `/sobjects/Lead/${lead}?fields=Status,IsConverted`);
        expect(await res.json()).toMatchObject({ Status: 'Closed - Converted', IsConverted: true });
    });
});
