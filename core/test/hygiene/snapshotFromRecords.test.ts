/** The audit page's path: GraphQL nodes by object → snapshot → the same findings. */
import { describe, expect, it } from 'vitest';
import {
    DEFAULT_SETTINGS,
    HYGIENE_PAGE_READS,
    auditLeads,
    hygieneSnapshotFromRecords
} from '../../src/index';
import { GONE, NOW, ago } from './fixtures';

const v = (value: unknown) => ({ value });

describe('hygieneSnapshotFromRecords', () => {
    it('turns GraphQL nodes of every object into the snapshot the audit reads', () => {
        const snapshot = hygieneSnapshotFromRecords({
            Lead: [
                {
                    Id: '00Q000000000001AAA',
                    LastName: v('Left'),
                    Company: v('Acme'),
                    Status: v('Working'),
                    IsConverted: v(false),
                    OwnerId: v(GONE),
                    CreatedDate: v(ago(10))
                }
            ],
            User: [{ Id: GONE, Name: v('Gone Rep'), IsActive: v(false) }],
            Group: [{ Id: '00G000000000009AAA', Name: v('Inbound'), DeveloperName: v('Inbound') }],
            Contact: [{ Id: '003000000000001AAA', LastName: v('C'), Account: { Name: v('Acme') } }]
        });
        expect(snapshot.leads[0]).toMatchObject({ id: '00Q000000000001AAA', ownerId: GONE });
        expect(snapshot.users).toEqual([{ id: GONE, name: 'Gone Rep', isActive: false }]);
        expect(snapshot.queues[0].developerName).toBe('Inbound');
        expect(snapshot.contacts[0].accountName).toBe('Acme');
        expect(snapshot.tasks).toEqual([]);
        const result = auditLeads(snapshot, DEFAULT_SETTINGS, NOW, { checks: ['owner-inactive'] });
        expect(result.countsByCheck['owner-inactive']).toBe(1);
    });

    it('reads every object the snapshot needs, the lead by its API names', () => {
        expect(Object.keys(HYGIENE_PAGE_READS).sort()).toEqual(
            [
                'Account',
                'Contact',
                'Event',
                'Group',
                'LL_Settings__c',
                'Lead',
                'Opportunity',
                'Task',
                'User'
            ].sort()
        );
        expect(HYGIENE_PAGE_READS.Lead).toContain('LastModifiedDate');
    });
});
