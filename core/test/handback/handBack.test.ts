import { describe, expect, it } from 'vitest';
import {
    DEFAULT_NURTURE_DAYS,
    HANDBACK_REASONS,
    defaultNurtureUntil,
    handBackLeadFields,
    handbackReasonOptions,
    isEditConflict,
    parseSettings,
    planHandBack,
    validateHandBack,
    type HandBackInput
} from '../../src/index';
import { NOW, NURTURE_QUEUE, REP, SETTINGS, nurturedLead, workingLead } from './fixtures';

const GOOD: HandBackInput = { reason: 'No_Budget', notes: '', nurtureUntil: '2027-05-23' };

function errorsFor(input: HandBackInput, lead = workingLead()) {
    return validateHandBack(lead, input, SETTINGS, NOW, NURTURE_QUEUE);
}

describe('hand-back reasons', () => {
    it('offers the fixed list in picklist order with each default period', () => {
        expect(handbackReasonOptions(SETTINGS)).toEqual([
            { value: 'Not_Ready', label: 'Not ready / timing', nurtureDays: 90 },
            { value: 'No_Budget', label: 'No budget', nurtureDays: 180 },
            { value: 'No_Authority', label: 'Not the decision maker', nurtureDays: 60 },
            {
                value: 'No_Response',
                label: 'No response after several attempts',
                nurtureDays: 60
            },
            { value: 'Bad_Fit', label: 'Bad fit', nurtureDays: 365 },
            { value: 'Other', label: 'Other', nurtureDays: 90 }
        ]);
    });

    it('defaults nurture-until per reason from settings', () => {
        for (const reason of HANDBACK_REASONS) {
            const days = DEFAULT_NURTURE_DAYS[reason];
            const expected = new Date(NOW.getTime() + days * 86_400_000).toISOString().slice(0, 10);
            expect(defaultNurtureUntil(reason, SETTINGS, NOW)).toBe(expected);
        }
        const { settings } = parseSettings({ LL_Nurture_Days__c: '{"No_Budget": 30}' });
        expect(defaultNurtureUntil('No_Budget', settings, NOW)).toBe('2026-12-24');
        expect(defaultNurtureUntil('Not_Ready', settings, NOW)).toBe('2027-02-22');
    });
});

describe('validateHandBack', () => {
    it('accepts a working lead with a reason and a future date', () => {
        expect(errorsFor(GOOD)).toEqual([]);
    });

    it('refuses a converted lead', () => {
        const lead = workingLead({ isConverted: true, convertedDate: '2026-11-02' });
        expect(errorsFor(GOOD, lead)).toEqual([
            {
                field: 'lead',
                message:
                    'This lead was converted on 2026-11-02; a converted lead cannot be handed back to marketing.'
            }
        ]);
    });

    it('refuses a lead already in nurture, by status or by the nurture queue owning it', () => {
        const byStatus = errorsFor(GOOD, nurturedLead({ ownerId: REP }));
        expect(byStatus.map((e) => e.field)).toEqual(['lead']);
        expect(byStatus[0].message).toMatch(/already in nurture with marketing since 2026-11-24/);
        const byOwner = errorsFor(GOOD, workingLead({ ownerId: NURTURE_QUEUE.slice(0, 15) }));
        expect(byOwner[0].message).toMatch(/already in nurture/);
    });

    it('requires a reason from the list', () => {
        expect(errorsFor({ ...GOOD, reason: '' })).toEqual([
            { field: 'reason', message: 'Choose why the lead goes back to marketing.' }
        ]);
        expect(errorsFor({ ...GOOD, reason: 'Competitor_Chosen' })).toEqual([
            {
                field: 'reason',
                message: '"Competitor_Chosen" is not a hand-back reason; choose one from the list.'
            }
        ]);
    });

    it('requires notes for "Other", and only for it', () => {
        expect(errorsFor({ ...GOOD, reason: 'Other', notes: '   ' })).toEqual([
            {
                field: 'notes',
                message: 'Add notes: "Other" needs a few words on why, for marketing.'
            }
        ]);
        expect(
            errorsFor({ ...GOOD, reason: 'Other', notes: 'Moving to a new ERP first.' })
        ).toEqual([]);
        expect(errorsFor({ ...GOOD, reason: 'Bad_Fit', notes: '' })).toEqual([]);
    });

    it('refuses a missing, malformed, past, today or far-off nurture date', () => {
        const message = (nurtureUntil: string | null) =>
            errorsFor({ ...GOOD, nurtureUntil }).map((e) => `${e.field}: ${e.message}`);
        expect(message(null)).toEqual(['nurtureUntil: Choose the date marketing nurtures until.']);
        expect(message('2027-02-30')).toEqual([
            'nurtureUntil: "2027-02-30" is not a date; use the date picker (YYYY-MM-DD).'
        ]);
        expect(message('2026-11-01')).toEqual([
            'nurtureUntil: The nurture-until date must be after today (2026-11-24).'
        ]);
        expect(message('2026-11-24')).toEqual([
            'nurtureUntil: The nurture-until date must be after today (2026-11-24).'
        ]);
        expect(message('2026-11-25')).toEqual([]);
        expect(message('2037-01-01')[0]).toMatch(/days away; the most is 3650/);
    });

    it('reports every problem at once, by field', () => {
        const lead = workingLead({ isConverted: true });
        const fields = errorsFor({ reason: 'Other', notes: '', nurtureUntil: '2020-01-01' }, lead);
        expect(fields.map((e) => e.field)).toEqual(['lead', 'notes', 'nurtureUntil']);
    });

    it('says which fields it cannot read rather than guessing (field-level security)', () => {
        const lead = workingLead();
        delete lead.handbackCount;
        expect(errorsFor(GOOD, lead)).toEqual([
            {
                field: 'lead',
                message:
                    'Lead Loop cannot read LL_Handback_Count__c on this lead. Ask your admin for the Lead Loop User permission set.'
            }
        ]);
    });
});

describe('planHandBack', () => {
    it('moves the lead to the nurture queue and keeps what it was', () => {
        const lead = workingLead({ handbackCount: 2 });
        const plan = planHandBack(
            lead,
            { reason: 'Other', notes: '  Re-org until Q2 ', nurtureUntil: '2027-03-01' },
            SETTINGS,
            NOW,
            NURTURE_QUEUE
        );
        expect(plan).toEqual({
            ok: true,
            changes: {
                id: lead.id,
                ownerId: NURTURE_QUEUE,
                status: 'Nurturing',
                previousOwnerId: REP,
                previousStatus: 'Working',
                handedBackAt: '2026-11-24T10:00:00.000Z',
                handbackCount: 3,
                handbackReason: 'Other',
                handbackNotes: 'Re-org until Q2',
                nurtureUntil: '2027-03-01'
            },
            fields: {
                Id: lead.id,
                OwnerId: NURTURE_QUEUE,
                Status: 'Nurturing',
                LL_Previous_Owner__c: REP,
                LL_Previous_Status__c: 'Working',
                LL_Handed_Back_At__c: '2026-11-24T10:00:00.000Z',
                LL_Handback_Count__c: 3,
                LL_Handback_Reason__c: 'Other',
                LL_Handback_Notes__c: 'Re-org until Q2',
                LL_Nurture_Until__c: '2027-03-01'
            },
            ifUnmodifiedSince: '2026-11-20T08:00:00.000Z',
            task: {
                WhoId: lead.id,
                Subject: 'Handed back to marketing: Other',
                Status: 'Completed',
                Priority: 'Normal',
                ActivityDate: '2026-11-24',
                Description:
                    'Reason: Other\nNurture until: 2027-03-01\nNotes: Re-org until Q2\nPrevious status: Working'
            }
        });
    });

    it('starts the count at one and stores blank notes as empty', () => {
        const plan = planHandBack(
            workingLead({ handbackCount: null }),
            GOOD,
            SETTINGS,
            NOW,
            NURTURE_QUEUE
        );
        expect(plan.ok && plan.changes.handbackCount).toBe(1);
        expect(plan.ok && plan.changes.handbackNotes).toBeNull();
        expect(plan.ok && plan.task.Description).not.toMatch(/Notes:/);
    });

    it('uses the configured nurturing status', () => {
        const settings = { ...SETTINGS, nurturingStatus: 'Recycled' };
        const plan = planHandBack(workingLead(), GOOD, settings, NOW, NURTURE_QUEUE);
        expect(plan.ok && plan.changes.status).toBe('Recycled');
    });

    it('writes nothing when anything is wrong', () => {
        const plan = planHandBack(
            workingLead(),
            { ...GOOD, nurtureUntil: '2026-11-24' },
            SETTINGS,
            NOW,
            NURTURE_QUEUE
        );
        expect(plan).toEqual({
            ok: false,
            errors: [
                {
                    field: 'nurtureUntil',
                    message: 'The nurture-until date must be after today (2026-11-24).'
                }
            ]
        });
    });

    it('refuses when the nurture queue was not found', () => {
        const plan = planHandBack(workingLead(), GOOD, SETTINGS, NOW, '');
        expect(plan.ok).toBe(false);
        expect(!plan.ok && plan.errors[0].message).toBe(
            'The nurture queue "LL_Marketing_Nurture" was not found; ask your admin to check Lead Loop settings.'
        );
    });

    it('names every field it reads as Lead.<ApiName>', () => {
        const fields = handBackLeadFields();
        expect(fields).toContain('Lead.LastModifiedDate');
        expect(fields).toContain('Lead.LL_Handback_Count__c');
        expect(fields.every((f) => f.startsWith('Lead.'))).toBe(true);
    });
});

describe('isEditConflict', () => {
    it('recognises the platform refusing a conditional write', () => {
        expect(isEditConflict({ status: 412, body: { message: 'Precondition Failed' } })).toBe(
            true
        );
        expect(isEditConflict({ body: [{ errorCode: 'PRECONDITION_FAILED', message: 'x' }] })).toBe(
            true
        );
        expect(
            isEditConflict({
                status: 403,
                body: [{ errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY', message: 'no' }]
            })
        ).toBe(false);
        expect(isEditConflict(null)).toBe(false);
        expect(isEditConflict('412')).toBe(false);
    });
});
