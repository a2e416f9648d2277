import { describe, expect, it } from 'vitest';
import {
    auditLeads,
    auditRunRecord,
    CHANGED_SINCE_PREVIEW,
    closeStatusOf,
    DEFAULT_SETTINGS,
    fixLogEntryFromRecord,
    fixLogRecords,
    FixInputError,
    fixLogUndoneRecord,
    newFixRunId,
    planFix,
    planFixUndo,
    stillUnchanged,
    type CurrentLead,
    type FixLogEntry,
    type Lead
} from '../../src/index';
import { ago, GONE, lead, NOW, REP, run, snapshot, task } from './fixtures';

const settings = { ...DEFAULT_SETTINGS };
const REP2 = '005000000000003AAA';
const stamp = ago(1);

/** Leads owned by the rep who left (owner-inactive → reassign). */
function orphans(n: number): Lead[] {
    return Array.from({ length: n }, () =>
        lead({ ownerId: GONE, lastModifiedDate: stamp, status: 'Working - Contacted' })
    );
}

describe('planFix: reassign', () => {
    it('gives every orphaned lead to the chosen user, from the old owner', () => {
        const leads = orphans(2);
        const findings = run('owner-inactive', { leads });
        const plan = planFix('reassign', findings, leads, {
            settings,
            to: { id: REP, name: 'Rita Rep', kind: 'user', isActive: true }
        });
        expect(plan.skipped).toEqual([]);
        expect(plan.changes).toEqual(
            leads.map((l) => ({
                leadId: l.id,
                leadName: `Ada ${l.lastName} (${l.company})`,
                kind: 'reassign',
                checkIds: ['owner-inactive'],
                changes: [{ field: 'OwnerId', from: GONE, to: REP }],
                lastModifiedDate: stamp
            }))
        );
    });

    it('deals leads round-robin over active reps and reports those over the cap', () => {
        const leads = orphans(5);
        const findings = run('owner-inactive', { leads });
        const plan = planFix('reassign', findings, leads, {
            settings,
            roundRobin: {
                reps: [
                    { id: REP2, name: 'Bob', openLeads: 0 },
                    { id: REP, name: 'Ann', openLeads: 1 }
                ],
                cap: 2
            }
        });
        expect(plan.changes.map((c) => c.changes[0].to)).toEqual([REP, REP2, REP2]);
        expect(plan.skipped).toEqual(
            leads.slice(3).map((l) => ({
                leadId: l.id,
                leadName: `Ada ${l.lastName} (${l.company})`,
                reason: 'Every active rep already holds the cap of 2 open leads.'
            }))
        );
    });

    it('refuses an inactive user, no target, or two targets, with a clear message', () => {
        const leads = orphans(1);
        const findings = run('owner-inactive', { leads });
        expect(() =>
            planFix('reassign', findings, leads, {
                settings,
                to: { id: GONE, name: 'Gary Gone', kind: 'user', isActive: false }
            })
        ).toThrow('Gary Gone is an inactive user and cannot own leads.');
        expect(() => planFix('reassign', findings, leads, { settings })).toThrow(
            'Reassign needs a new owner: a user, a queue, or round-robin over active reps.'
        );
        expect(() => planFix('work-it', findings, leads, { settings })).toThrow(FixInputError);
    });

    it('finds nothing to do on a second run over the fixed leads', () => {
        const leads = orphans(1);
        const findings = run('owner-inactive', { leads });
        const fixed = leads.map((l) => ({ ...l, ownerId: REP }));
        const plan = planFix('reassign', findings, fixed, {
            settings,
            to: { id: REP, name: 'Rita Rep', kind: 'user' }
        });
        expect(plan.changes).toEqual([]);
        expect(plan.skipped.map((s) => s.reason)).toEqual([
            'nothing to do: the lead already has these values'
        ]);
    });
});

describe('planFix: close and duplicates', () => {
    it('closes worked-unqualified leads with the configured status (else the first disqualified)', () => {
        const l = lead({ lastModifiedDate: stamp });
        const findings = run('worked-unqualified-open', {
            leads: [l],
            tasks: [task(l.id, 2, { subject: 'Call: not a fit' })]
        });
        expect(findings).toHaveLength(1);
        expect(closeStatusOf(settings)).toBe('Closed - Not Converted');
        const plan = planFix('close', findings, [l], {
            settings: { ...settings, closeStatus: 'Unqualified' }
        });
        expect(plan.changes[0].changes).toEqual([
            { field: 'Status', from: 'Working - Contacted', to: 'Unqualified' }
        ]);
        expect(() =>
            planFix('close', findings, [l], {
                settings: { ...settings, closeStatus: '', disqualifiedStatuses: [] }
            })
        ).toThrow(/no status to close leads with: set LL_Close_Status__c/);
    });

    it('closes duplicates in favour of the chosen master, linking to it', () => {
        const a = lead({ email: 'same@x.com', createdDate: ago(30), lastModifiedDate: stamp });
        const b = lead({ email: 'same@x.com', createdDate: ago(5), lastModifiedDate: stamp });
        const c = lead({ email: 'same@x.com', createdDate: ago(4), lastModifiedDate: stamp });
        const leads = [a, b, c];
        const findings = run('duplicate-email', { leads });
        const plan = planFix('merge-duplicate', findings, leads, { settings, masterId: b.id });
        expect(plan.changes.map((ch) => [ch.leadId, ch.changes])).toEqual(
            [a, c].map((l) => [
                l.id,
                [
                    { field: 'Status', from: 'Working - Contacted', to: 'Closed - Not Converted' },
                    { field: 'LL_Duplicate_Of__c', from: null, to: b.id }
                ]
            ])
        );
        expect(plan.skipped.map((s) => [s.leadId, s.reason])).toEqual([[b.id, 'it is the master']]);
    });

    it('refuses a master that is itself closed or converted', () => {
        const a = lead({ email: 'same@x.com' });
        const b = lead({ email: 'same@x.com', status: 'Unqualified' });
        const findings = run('duplicate-email', { leads: [a, b] });
        expect(() =>
            planFix('merge-duplicate', findings, [a, b], { settings, masterId: b.id })
        ).toThrow(
            `The master Ada ${b.lastName} (${b.company}) (${b.id}) is itself closed (Unqualified); choose an open lead as the master.`
        );
    });

    it('closes a lead that duplicates a contact, linked to the contact', () => {
        const l = lead({ email: 'hank@globex.de', lastModifiedDate: stamp });
        const contact = { id: '003A', firstName: 'Hank', lastName: 'S', email: 'hank@globex.de' };
        const findings = run('duplicate-of-contact', { leads: [l], contacts: [contact] });
        const plan = planFix('merge-duplicate', findings, [l], { settings });
        expect(plan.changes[0].changes).toEqual([
            { field: 'Status', from: 'Working - Contacted', to: 'Closed - Not Converted' },
            { field: 'LL_Moved_On_Contact__c', from: null, to: '003A' }
        ]);
    });
});

describe('planFix: moved on', () => {
    it('links the lead to the contact and the opportunity', () => {
        const l = lead({ email: 'hank@globex.de', lastModifiedDate: stamp });
        const findings = run('deal-moved-on', {
            leads: [l],
            contacts: [
                {
                    id: '003A',
                    firstName: 'Hank',
                    lastName: 'S',
                    email: 'hank@globex.de',
                    accountId: '001A',
                    accountName: 'Globex'
                }
            ],
            accounts: [{ id: '001A', name: 'Globex' }],
            opportunities: [
                {
                    id: '006A',
                    name: 'Deal',
                    accountId: '001A',
                    stageName: 'Prospecting',
                    isClosed: false,
                    isWon: false,
                    createdDate: ago(2)
                }
            ]
        });
        const plan = planFix('mark-moved-on', findings, [l], { settings });
        expect(plan.changes[0].changes).toEqual([
            { field: 'LL_Moved_On_Opportunity__c', from: null, to: '006A' },
            { field: 'LL_Moved_On_Contact__c', from: null, to: '003A' }
        ]);
    });
});

describe('apply and undo', () => {
    const leads = orphans(3);
    const findings = auditLeads(snapshot({ leads }), settings, NOW).findings;
    const plan = planFix('reassign', findings, leads, {
        settings,
        to: { id: REP, name: 'Rita Rep', kind: 'user' }
    });
    const after = '2026-11-22T12:05:00.000Z';

    it('applies only to leads unchanged since the preview', () => {
        const current = new Map<string, string | null>([
            [leads[0].id, stamp.replace('Z', '+0000')],
            [leads[1].id, '2026-11-22T12:01:00.000Z']
        ]);
        const { apply, skipped } = stillUnchanged(plan.changes, current);
        expect(apply.map((c) => c.leadId)).toEqual([leads[0].id]);
        expect(skipped.map((s) => [s.leadId, s.reason])).toEqual([
            [leads[1].id, CHANGED_SINCE_PREVIEW],
            [leads[2].id, 'the lead no longer exists']
        ]);
    });

    it('logs each field and undoes the run, refusing leads changed since', () => {
        const run = { runId: 'FIX-1', appliedAt: after, appliedById: REP };
        const records = fixLogRecords(
            run,
            plan.changes.map((change) => ({
                change,
                status: 'Applied' as const,
                leadModifiedAt: after
            }))
        );
        expect(records[0]).toEqual({
            LL_Run_Id__c: 'FIX-1',
            LL_Check__c: 'owner-inactive',
            LL_Fix_Kind__c: 'reassign',
            LL_Lead__c: leads[0].id,
            LL_Field__c: 'OwnerId',
            LL_Old_Value__c: GONE,
            LL_New_Value__c: REP,
            LL_Lead_Modified_At__c: after,
            LL_Applied_At__c: after,
            LL_Applied_By__c: REP,
            LL_Status__c: 'Applied',
            LL_Message__c: null
        });
        const log: FixLogEntry[] = records.map((r, i) =>
            fixLogEntryFromRecord({ Id: `a0${i}`, ...r })
        );
        const current: CurrentLead[] = [
            { id: leads[0].id, lastModifiedDate: after, values: { OwnerId: REP } },
            {
                id: leads[1].id,
                lastModifiedDate: '2026-11-22T13:00:00.000Z',
                values: { OwnerId: REP }
            },
            { id: leads[2].id, lastModifiedDate: after, values: { OwnerId: REP2 } }
        ];
        const undo = planFixUndo('FIX-1', log, current);
        expect(undo.changes).toEqual([
            {
                leadId: leads[0].id,
                leadName: leads[0].id,
                kind: 'reassign',
                checkIds: ['owner-inactive'],
                changes: [{ field: 'OwnerId', from: REP, to: GONE }],
                lastModifiedDate: after,
                logIds: ['a00']
            }
        ]);
        expect(undo.refused.map((r) => [r.leadId, r.reason])).toEqual([
            [
                leads[1].id,
                `changed since the fix (modified 2026-11-22T13:00:00.000Z, fix left it at ${after})`
            ],
            [leads[2].id, `OwnerId is "${REP2}", not the "${REP}" the fix wrote`]
        ]);
        // Undone rows are not undone twice; other runs are ignored.
        const undone = log.map((e) => ({ ...e, status: 'Undone' }));
        expect(planFixUndo('FIX-1', undone, current).changes).toEqual([]);
        expect(planFixUndo('FIX-2', log, current).changes).toEqual([]);
        expect(fixLogUndoneRecord('a00', after)).toEqual({
            Id: 'a00',
            LL_Status__c: 'Undone',
            LL_Undone_At__c: after
        });
    });

    it('names fix runs by time', () => {
        expect(newFixRunId(NOW, () => 0.5)).toBe('FIX-20261122T120000Z-8000');
    });
});

describe('auditRunRecord', () => {
    it('keeps counts per severity as numbers and per check as JSON', () => {
        const result = auditLeads(snapshot({ leads: orphans(2) }), settings, NOW, {
            checks: ['owner-inactive', 'dead-no-touch']
        });
        expect(auditRunRecord(result, 'CLI')).toEqual({
            LL_Ran_At__c: NOW.toISOString(),
            LL_Leads_Audited__c: 2,
            LL_Leads_With_Findings__c: 2,
            LL_Findings__c: 2,
            LL_Critical__c: 0,
            LL_High__c: 2,
            LL_Medium__c: 0,
            LL_Low__c: 0,
            LL_Checks__c: 'owner-inactive;dead-no-touch',
            LL_Counts_By_Check__c: '{"owner-inactive":2,"dead-no-touch":0}',
            LL_Source__c: 'CLI'
        });
    });
});
