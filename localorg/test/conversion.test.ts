/**
 * Lead conversion in the local org (store.convertLead, as the platform's convertLead()
 * leaves a lead; the conversion fields stay read-only to every API) and the opportunity
 * flags the platform derives from the standard stages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOrg, type LocalOrg } from '../src/index';

let org: LocalOrg;

beforeAll(async () => {
    org = await startLocalOrg({ dataDir: ':memory:' });
});

afterAll(async () => {
    await org.close();
});

const read = (object: string, id: string, fields: string[]) =>
    org.store.find(object, {
        fields,
        where: { field: 'Id', op: 'eq', value: id },
        limit: 1,
        offset: 0
    }).records[0];

describe('the local org', () => {
    it('derives IsWon and IsClosed from the standard stages', () => {
        const stages = {
            'Closed Won': [true, true],
            'Closed Lost': [false, true],
            Prospecting: [false, false]
        };
        for (const [StageName, [won, closed]] of Object.entries(stages)) {
            const id = org.store.create('Opportunity', {
                Name: StageName,
                StageName,
                CloseDate: '2026-12-01'
            });
            expect(read('Opportunity', id, ['IsWon', 'IsClosed'])).toMatchObject({
                IsWon: won,
                IsClosed: closed
            });
        }
    });

    it('converts a lead once, to a converted status, with its opportunity', () => {
        const opp = org.store.create('Opportunity', {
            Name: 'Deal',
            StageName: 'Closed Won',
            CloseDate: '2026-12-01'
        });
        const lead = org.store.create('Lead', {
            LastName: 'Convert',
            Company: 'Acme',
            Status: 'Qualified'
        });
        expect(() =>
            org.store.convertLead(lead, { status: 'Qualified', convertedDate: '2026-11-20' })
        ).toThrow(/not a converted lead status/);
        org.store.convertLead(lead, {
            status: 'Converted',
            convertedDate: '2026-11-20',
            opportunityId: opp
        });
        expect(
            read('Lead', lead, ['IsConverted', 'Status', 'ConvertedDate', 'ConvertedOpportunityId'])
        ).toMatchObject({
            IsConverted: true,
            Status: 'Converted',
            ConvertedDate: '2026-11-20',
            ConvertedOpportunityId: opp
        });
        expect(() =>
            org.store.convertLead(lead, { status: 'Converted', convertedDate: '2026-11-21' })
        ).toThrow(/No unconverted lead/);
    });
});
