import { createElement } from '@lwc/engine-dom';
import HandBackAction from 'c/handBackAction';
import { graphql } from 'lightning/graphql';
import { createRecord, getRecord, updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEventName } from 'lightning/platformShowToastEvent';
import { CloseActionScreenEventName } from 'lightning/actions';

const workingLead = require('./data/workingLead.json');
const convertedLead = require('./data/convertedLead.json');
const nurturedLead = require('./data/nurturedLead.json');
const nurturedEditedLead = require('./data/nurturedEditedLead.json');
const settings = require('./data/settings.json');

const NOW = new Date('2026-11-24T10:00:00.000Z');
const LEAD_ID = '00Q000000000001AAA';

async function flushPromises() {
    for (let i = 0; i < 5; i++) {
        // eslint-disable-next-line no-await-in-loop
        await Promise.resolve();
    }
}

async function open(record) {
    const element = createElement('c-hand-back-action', { is: HandBackAction });
    element.recordId = LEAD_ID;
    const events = { toasts: [], closed: 0, handedBack: [] };
    element.addEventListener(ShowToastEventName, (e) => events.toasts.push(e.detail));
    element.addEventListener('handedback', (e) => events.handedBack.push(e.detail));
    element.addEventListener(CloseActionScreenEventName, () => events.closed++);
    document.body.appendChild(element);
    getRecord.emit(record);
    graphql.emit(settings);
    await flushPromises();
    return { element, events };
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const form = (element) => $(element, 'c-hand-back-form');
const input = (element, field) => form(element).shadowRoot.querySelector(`[data-field="${field}"]`);

async function type(element, field, value) {
    input(element, field).dispatchEvent(new CustomEvent('change', { detail: { value } }));
    await flushPromises();
}

async function click(element, dataId) {
    $(element, `[data-id="${dataId}"]`).click();
    await flushPromises();
}

/** sa11y refuses to run under fake timers. */
async function expectAccessible(element) {
    jest.useRealTimers();
    await expect(element).toBeAccessible();
}

/** The messages c-error-panel shows, one a line. */
const errorText = (element) => {
    const items = $(element, '[data-id="errors"]')?.shadowRoot.querySelectorAll('li') ?? [];
    return items.length ? [...items].map((li) => li.textContent).join('\n') : undefined;
};

describe('c-hand-back-action', () => {
    beforeEach(() => {
        jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
        jest.setSystemTime(NOW);
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.useRealTimers();
        jest.clearAllMocks();
        updateRecord.mockResolvedValue({});
        createRecord.mockResolvedValue({});
    });

    it('reads the lead fields the core names, optionally', async () => {
        await open(workingLead);
        const config = getRecord.getLastConfig();
        expect(config.recordId).toBe(LEAD_ID);
        expect(config.optionalFields).toEqual(
            expect.arrayContaining(['Lead.LastModifiedDate', 'Lead.LL_Handback_Count__c'])
        );
    });

    it('offers the reasons and defaults the date from the reason until the user picks one', async () => {
        const { element } = await open(workingLead);
        expect(input(element, 'reason').options.map((o) => o.label)).toEqual([
            'Not ready / timing',
            'No budget',
            'Not the decision maker',
            'No response after several attempts',
            'Bad fit',
            'Other'
        ]);
        await type(element, 'reason', 'No_Budget');
        // settings say 120 days for No_Budget
        expect(input(element, 'nurtureUntil').value).toBe('2027-03-24');
        await type(element, 'reason', 'Not_Ready');
        expect(input(element, 'nurtureUntil').value).toBe('2027-02-22');
        await type(element, 'nurtureUntil', '2027-01-15');
        await type(element, 'reason', 'Bad_Fit');
        expect(input(element, 'nurtureUntil').value).toBe('2027-01-15');
        await expectAccessible(element);
    });

    it('validates as the user types and writes nothing while input is bad', async () => {
        const { element } = await open(workingLead);
        await type(element, 'reason', 'Other');
        // nothing shown for inputs the user has not touched yet
        expect(form(element).errors).toEqual([]);
        expect(input(element, 'notes').required).toBe(true);
        await type(element, 'nurtureUntil', '2026-11-24');
        await click(element, 'confirm');
        const errors = form(element).errors.map((e) => `${e.field}: ${e.message}`);
        expect(errors).toEqual([
            'notes: Add notes: "Other" needs a few words on why, for marketing.',
            'nurtureUntil: The nurture-until date must be after today (2026-11-24).'
        ]);
        expect(updateRecord).not.toHaveBeenCalled();
        expect(createRecord).not.toHaveBeenCalled();
        await expectAccessible(element);
    });

    it('refuses a converted lead with the reason and no confirm', async () => {
        const { element } = await open(convertedLead);
        expect(errorText(element)).toBe(
            'This lead was converted on 2026-11-02; a converted lead cannot be handed back to marketing.'
        );
        expect($(element, '[data-id="confirm"]').disabled).toBe(true);
        await click(element, 'confirm');
        expect(updateRecord).not.toHaveBeenCalled();
        await expectAccessible(element);
    });

    it('hands back conditionally on the read, logs the Task, toasts and closes', async () => {
        const { element, events } = await open(workingLead);
        await type(element, 'reason', 'No_Budget');
        await type(element, 'notes', 'Budget frozen until April.');
        await click(element, 'confirm');
        expect(updateRecord).toHaveBeenCalledWith(
            {
                fields: {
                    Id: LEAD_ID,
                    OwnerId: '00G000000000NURAAA',
                    Status: 'Nurturing',
                    LL_Previous_Owner__c: '005000000000REPAAA',
                    LL_Previous_Status__c: 'Working',
                    LL_Handed_Back_At__c: NOW.toISOString(),
                    LL_Handback_Count__c: 2,
                    LL_Handback_Reason__c: 'No_Budget',
                    LL_Handback_Notes__c: 'Budget frozen until April.',
                    LL_Nurture_Until__c: '2027-03-24'
                }
            },
            { ifUnmodifiedSince: '2026-11-20T08:00:00.000Z' }
        );
        expect(createRecord).toHaveBeenCalledWith({
            apiName: 'Task',
            fields: expect.objectContaining({
                WhoId: LEAD_ID,
                Status: 'Completed',
                Subject: 'Handed back to marketing: No budget'
            })
        });
        expect(events.toasts).toEqual([
            {
                title: 'Handed back to marketing',
                message: 'No budget; nurture until 2027-03-24.',
                variant: 'success'
            }
        ]);
        // A host (meeting mode) hears that the lead was handed back, and how.
        expect(events.handedBack).toEqual([
            { changes: expect.objectContaining({ id: LEAD_ID, status: 'Nurturing' }) }
        ]);
        expect(events.closed).toBe(1);
    });

    it('reports a conflict when someone else edited the lead, and logs nothing', async () => {
        updateRecord.mockRejectedValue({
            status: 412,
            body: [{ errorCode: 'PRECONDITION_FAILED', message: 'Precondition Failed' }]
        });
        const { element, events } = await open(workingLead);
        await type(element, 'reason', 'Not_Ready');
        await click(element, 'confirm');
        expect(errorText(element)).toBe(
            'Someone else changed this lead after you opened this action, so nothing was saved. Close it and open it again to see their changes.'
        );
        expect(createRecord).not.toHaveBeenCalled();
        expect(events.closed).toBe(0);
        expect(events.handedBack).toEqual([]);
        await expectAccessible(element);
    });

    it("shows the platform's own error when the user may not edit the lead", async () => {
        updateRecord.mockRejectedValue({
            status: 403,
            body: {
                message: 'An error occurred while trying to update the record.',
                output: {
                    errors: [
                        {
                            errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY',
                            message: 'insufficient access rights on object id'
                        }
                    ],
                    fieldErrors: {}
                }
            }
        });
        const { element } = await open(workingLead);
        await type(element, 'reason', 'Not_Ready');
        await click(element, 'confirm');
        expect(errorText(element)).toBe('insufficient access rights on object id');
        expect(createRecord).not.toHaveBeenCalled();
    });

    it('says when the Task could not be logged after the lead was saved', async () => {
        createRecord.mockRejectedValue({ body: { message: 'Task: insufficient access' } });
        const { element, events } = await open(workingLead);
        await type(element, 'reason', 'Not_Ready');
        await click(element, 'confirm');
        expect(events.toasts[0].variant).toBe('warning');
        expect(events.toasts[0].message).toMatch(/could not be logged: Task: insufficient access/);
        expect(events.closed).toBe(1);
    });

    it('offers undo on a lead in nurture nothing else has changed', async () => {
        const { element, events } = await open(nurturedLead);
        expect(form(element)).toBeNull();
        expect($(element, '[data-id="nurture-summary"]').textContent).toBe(
            'Handed back on 2026-11-24 (No budget); in nurture until 2027-05-23.'
        );
        await click(element, 'undo');
        expect(updateRecord).toHaveBeenCalledWith(
            {
                fields: expect.objectContaining({
                    Id: LEAD_ID,
                    OwnerId: '005000000000REPAAA',
                    Status: 'Working',
                    LL_Handback_Count__c: 1,
                    LL_Handback_Reason__c: null
                })
            },
            { ifUnmodifiedSince: '2026-11-24T09:00:01.000Z' }
        );
        expect(createRecord.mock.calls[0][0].fields.Subject).toBe('Hand-back to marketing undone');
        expect(events.toasts[0].title).toBe('Hand-back undone');
        expect(events.closed).toBe(1);
        expect(events.handedBack).toEqual([]);
        await expectAccessible(element);
    });

    it('explains why undo is not offered once someone else changed the lead', async () => {
        const { element } = await open(nurturedEditedLead);
        expect($(element, '[data-id="undo"]')).toBeNull();
        expect($(element, '[data-id="undo-refused"]').textContent).toMatch(
            /changed on 2026-11-24T09:40:00.000Z after the hand-back/
        );
        await expectAccessible(element);
    });

    it('shows a read error instead of the form', async () => {
        const element = createElement('c-hand-back-action', { is: HandBackAction });
        element.recordId = LEAD_ID;
        document.body.appendChild(element);
        getRecord.error({ message: 'The requested resource does not exist' }, 404);
        graphql.emit(settings);
        await flushPromises();
        expect(errorText(element)).toContain('The requested resource does not exist');
        expect(form(element)).toBeNull();
    });

    it('closes on cancel', async () => {
        const { element, events } = await open(workingLead);
        await click(element, 'cancel');
        expect(events.closed).toBe(1);
        expect(updateRecord).not.toHaveBeenCalled();
    });
});
