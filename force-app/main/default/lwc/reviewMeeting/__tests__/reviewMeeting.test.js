import ReviewMeeting from 'c/reviewMeeting';
import { graphql } from 'lightning/graphql';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { DEFAULT_SETTINGS, boardFindings, entryFromRecord, leadFromRecord } from 'c/leadLoopCore';
import { atFixedTime, flushPromises, mount, queryDeep, textOf } from 'jest-utils/dom';

const boardPage = require('../../reviewBoard/__tests__/data/boardPage.json');
const meetings = require('./data/meetings.json');

const NOW = new Date('2026-11-20T10:00:00.000Z');
const MGR = '005000000000000MGR';
const ANA = '005000000000001AAA';
const BEN = '005000000000002AAA';
const LEAD = (n) => `00Q00000000000${n}AAA`;
const RUNNING = 'a00000000000002AAA';

const nodes = (name) => boardPage.uiapi.query[name].edges.map((e) => e.node);

function props() {
    const leads = nodes('Lead').map(leadFromRecord);
    const users = [
        { id: MGR, name: 'Marcus Reyes', isActive: true },
        { id: ANA, name: 'Ana Ruiz', isActive: true },
        { id: BEN, name: 'Ben Okafor', isActive: true }
    ];
    return {
        leads,
        entries: nodes('LL_Review_Entry__c').map(entryFromRecord),
        findings: boardFindings(leads, users, [], DEFAULT_SETTINGS, NOW),
        teams: [{ id: MGR, name: "Marcus Reyes's team", repIds: [ANA, BEN] }],
        ownerNames: { [MGR]: 'Marcus Reyes', [ANA]: 'Ana Ruiz', [BEN]: 'Ben Okafor' },
        settings: DEFAULT_SETTINGS
    };
}

async function mountMeeting(extra = {}) {
    const element = mount('c-review-meeting', ReviewMeeting, { ...props(), ...extra });
    graphql.emit(meetings);
    await flushPromises();
    return element;
}

/** Every pending promise chain (the writes are a few async layers deep) settles. */
function settle() {
    return [1, 2, 3, 4].reduce((chain) => chain.then(flushPromises), Promise.resolve());
}

function click(element, dataId) {
    queryDeep(element, `[data-id="${dataId}"]`).click();
    return settle();
}

function press(element, key, init = {}) {
    element.shadowRoot
        .querySelector('[data-id="walk"]')
        .dispatchEvent(
            new KeyboardEvent('keydown', { key, bubbles: true, composed: true, ...init })
        );
    return settle();
}

function edit(element, field, value) {
    element.shadowRoot
        .querySelector('c-review-meeting-lead')
        .dispatchEvent(new CustomEvent('draftchange', { detail: { field, value } }));
    return flushPromises();
}

async function startMeeting(element) {
    createRecord.mockResolvedValueOnce({ id: 'a00000000000009AAA' });
    const team = queryDeep(element, '[data-id="meeting-team"]');
    team.dispatchEvent(new CustomEvent('change', { detail: { value: MGR } }));
    await flushPromises();
    await click(element, 'meeting-start');
}

describe('c-review-meeting', () => {
    atFixedTime(NOW);

    it('lists meetings to resume and past ones, and starts a meeting for a team', async () => {
        const element = await mountMeeting();
        expect(textOf(element, 'meetings-in-progress')).toBe(
            "Marcus Reyes's team, 2026-11-20 (2026-11-13 to 2026-11-20)"
        );
        expect(textOf(element, 'meetings-completed')).toBe(
            "Marcus Reyes's team, 2026-11-13 (2026-11-06 to 2026-11-13)"
        );
        await startMeeting(element);
        expect(createRecord.mock.calls[0][0]).toEqual({
            apiName: 'LL_Review_Meeting__c',
            fields: {
                LL_Meeting_Date__c: '2026-11-20',
                LL_Facilitator__c: '005000000000000000',
                LL_Team_Manager__c: MGR,
                LL_Period_Start__c: '2026-11-13',
                LL_Period_End__c: '2026-11-20',
                LL_Status__c: 'In_Progress'
            }
        });
        expect(textOf(element, 'meeting-position')).toBe(
            'Rep 1 of 2: Ana Ruiz · lead 1 of 2 · 0 of 4 reviewed'
        );
        expect(textOf(element, 'meeting-shortcuts')).toContain('j or ↓ Next lead');
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('walks lead by lead and rep by rep with the keyboard, saving where it is', async () => {
        const element = await mountMeeting();
        await startMeeting(element);
        updateRecord.mockResolvedValue({});
        await press(element, 'j');
        expect(textOf(element, 'meeting-position')).toBe(
            'Rep 1 of 2: Ana Ruiz · lead 2 of 2 · 0 of 4 reviewed'
        );
        expect(updateRecord).toHaveBeenLastCalledWith({
            fields: { Id: 'a00000000000009AAA', LL_Current_Lead__c: LEAD(2) }
        });
        await press(element, 'ArrowUp');
        expect(textOf(element, 'meeting-position')).toMatch(/^Rep 1 of 2: Ana Ruiz · lead 1/);
        await press(element, 'J', { shiftKey: true });
        expect(textOf(element, 'meeting-position')).toMatch(/^Rep 2 of 2: Ben Okafor · lead 1/);
        // Letters typed into a field are text, not shortcuts.
        const form = element.shadowRoot.querySelector('c-review-meeting-lead');
        const input = form.shadowRoot.querySelector('[data-field="nextStep"]');
        input.dispatchEvent(
            new KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true })
        );
        await flushPromises();
        expect(textOf(element, 'meeting-position')).toMatch(/^Rep 2 of 2: Ben Okafor · lead 1/);
    });

    it('refuses a next-step date in the past with a clear message, then records the outcome', async () => {
        const element = await mountMeeting();
        await startMeeting(element);
        await edit(element, 'progress', 'Pricing sent, waiting on legal');
        await edit(element, 'nextStep', 'Call legal');
        await edit(element, 'nextStepDate', '2026-11-19');
        expect(textOf(element, 'problem-nextStepDate')).toBe(
            'The next-step date 2026-11-19 is in the past; pick today (2026-11-20) or a later date.'
        );
        await press(element, 'r');
        expect(createRecord).toHaveBeenCalledTimes(1);

        await edit(element, 'nextStepDate', '2026-11-24');
        await edit(element, 'status', 'Qualified');
        createRecord.mockResolvedValueOnce({ id: 'a01000000000009AAA', lastModifiedDate: 'x' });
        updateRecord.mockResolvedValue({ lastModifiedDate: '2026-11-20T10:00:00.000Z' });
        const saved = jest.fn();
        element.addEventListener('leadsaved', saved);
        await press(element, 'r');
        expect(createRecord.mock.calls[1][0]).toEqual({
            apiName: 'LL_Review_Entry__c',
            fields: {
                LL_Meeting__c: 'a00000000000009AAA',
                LL_Lead__c: LEAD(1),
                LL_Rep__c: ANA,
                LL_Progress__c: 'Pricing sent, waiting on legal',
                LL_Next_Step__c: 'Call legal',
                LL_Next_Step_Date__c: '2026-11-24',
                LL_Status_At_Review__c: 'Working',
                LL_Status_After__c: 'Qualified',
                LL_Tier_At_Review__c: 'Hot',
                LL_Flags__c: '',
                LL_Outcome__c: 'Status_Change',
                LL_Reviewed_At__c: '2026-11-20T10:00:00.000Z'
            }
        });
        expect(updateRecord.mock.calls[0]).toEqual([
            {
                fields: {
                    Id: LEAD(1),
                    LL_Last_Reviewed__c: '2026-11-20T10:00:00.000Z',
                    Status: 'Qualified',
                    LL_Next_Step__c: 'Call legal',
                    LL_Next_Step_Date__c: '2026-11-24'
                }
            },
            { ifUnmodifiedSince: '2026-11-19T09:00:00.000Z' }
        ]);
        expect(saved.mock.calls[0][0].detail.lead).toMatchObject({
            id: LEAD(1),
            status: 'Qualified'
        });
        expect(textOf(element, 'meeting-position')).toBe(
            'Rep 1 of 2: Ana Ruiz · lead 2 of 2 · 1 of 4 reviewed'
        );
    });

    it('resumes a meeting at its saved lead', async () => {
        const element = await mountMeeting();
        queryDeep(element, `[data-meeting="${RUNNING}"]`).click();
        await flushPromises();
        expect(textOf(element, 'meeting-position')).toBe(
            'Rep 2 of 2: Ben Okafor · lead 1 of 2 · 0 of 4 reviewed'
        );
    });

    it('keeps the review when another manager changed the lead, and says so', async () => {
        const element = await mountMeeting();
        await startMeeting(element);
        createRecord.mockResolvedValueOnce({ id: 'a01000000000009AAA' });
        updateRecord.mockRejectedValueOnce({
            status: 412,
            body: [{ errorCode: 'PRECONDITION_FAILED', message: 'changed' }]
        });
        await edit(element, 'progress', 'Demo booked');
        await press(element, 'r');
        expect(createRecord).toHaveBeenCalledTimes(2);
        expect(textOf(element, 'meeting-message')).toBe(
            'Someone else changed Lee Lead1 while the meeting was on it (another manager, or a reassignment). Your review is saved in the meeting, but the lead itself was not changed: refresh the board to see their change, then apply yours again.'
        );
        // It stays on the lead, with the notes still in the form.
        expect(textOf(element, 'meeting-position')).toMatch(/lead 1 of 2 · 1 of 4 reviewed$/);
    });

    it('keeps the review of a lead deleted during the meeting, without the link', async () => {
        const element = await mountMeeting();
        await startMeeting(element);
        createRecord
            .mockRejectedValueOnce({
                status: 400,
                body: [{ errorCode: 'ENTITY_IS_DELETED', message: 'deleted' }]
            })
            .mockResolvedValueOnce({ id: 'a01000000000010AAA' });
        updateRecord.mockRejectedValueOnce({ status: 404, body: [{ errorCode: 'NOT_FOUND' }] });
        await edit(element, 'progress', 'Was a duplicate');
        await press(element, 'r');
        expect(createRecord.mock.calls[2][0].fields.LL_Lead__c).toBeNull();
        expect(textOf(element, 'meeting-message')).toBe(
            'Lee Lead1 was deleted during the meeting. Your review is kept in the meeting without a link to the lead.'
        );
    });

    it('keeps the review of a lead deleted for good (its link refused), without the link', async () => {
        const element = await mountMeeting();
        await startMeeting(element);
        createRecord
            .mockRejectedValueOnce({
                status: 400,
                body: {
                    errorCode: 'INVALID_CROSS_REFERENCE_KEY',
                    message: `Lead: id value of incorrect type: ${LEAD(1)}`
                }
            })
            .mockResolvedValueOnce({ id: 'a01000000000012AAA' });
        updateRecord.mockRejectedValueOnce({ status: 404, body: { errorCode: 'NOT_FOUND' } });
        await edit(element, 'progress', 'Merged away');
        await press(element, 'r');
        expect(createRecord.mock.calls[2][0].fields).toMatchObject({
            LL_Lead__c: null,
            LL_Progress__c: 'Merged away'
        });
        expect(textOf(element, 'meeting-message')).toBe(
            'Lee Lead1 was deleted during the meeting. Your review is kept in the meeting without a link to the lead.'
        );
        expect(textOf(element, 'meeting-errors')).toBe('');
    });

    it('says when another device saved the same entry, without writing over it', async () => {
        const entry = {
            id: 'a01000000000020AAA',
            meetingId: RUNNING,
            leadId: LEAD(4),
            repId: BEN,
            progress: 'From the tablet',
            reviewedAt: null,
            flags: [],
            lastModifiedDate: '2026-11-20T09:30:00.000Z'
        };
        const element = await mountMeeting({ entries: [entry] });
        queryDeep(element, `[data-meeting="${RUNNING}"]`).click();
        await flushPromises();
        await press(element, 'j');
        updateRecord.mockRejectedValueOnce({
            status: 412,
            body: [{ errorCode: 'PRECONDITION_FAILED' }]
        });
        await press(element, 'r');
        expect(updateRecord.mock.calls.at(-1)[1]).toEqual({
            ifUnmodifiedSince: '2026-11-20T09:30:00.000Z'
        });
        expect(textOf(element, 'meeting-message')).toMatch(
            /^This lead's review in this meeting was saved from another device/
        );
    });

    it('ends the meeting: records the summary and shows it', async () => {
        const element = await mountMeeting();
        await startMeeting(element);
        createRecord.mockResolvedValue({ id: 'a01000000000009AAA' });
        updateRecord.mockResolvedValue({});
        await press(element, 'r');
        await press(element, 'e');
        const last = updateRecord.mock.calls.at(-1)[0].fields;
        expect(last).toEqual({
            Id: 'a00000000000009AAA',
            LL_Status__c: 'Completed',
            LL_Current_Lead__c: null,
            LL_Leads_In_Scope__c: 4,
            LL_Leads_Reviewed__c: 1,
            LL_Overdue_Next_Steps__c: 1,
            LL_Flags_Raised__c: 0,
            LL_Summary__c:
                'Reviewed 1 of 4 leads (25%); 1 overdue next steps; 0 flags raised, 0 cleared; 0 next steps set, 0 status changes, 0 hand-backs; coverage +0 points vs the last meeting.'
        });
        expect(textOf(element, 'summary-coverage')).toBe('1 of 4 leads reviewed (25%)');
        expect(textOf(element, 'summary-reps')).toContain('Ana Ruiz 1 2 50% 1');
        expect(textOf(element, 'summary-trend')).toBe(
            '2026-11-13: 25% coverage, 2 overdue, 0 flags raised 2026-11-20: 25% coverage, 1 overdue, 0 flags raised (this meeting)'
        );
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('hands a lead back with h: the action itself, its hand-back the outcome, then the next lead', async () => {
        const element = await mountMeeting();
        await startMeeting(element);
        updateRecord.mockResolvedValue({});
        await edit(element, 'progress', 'No budget this year');
        await press(element, 'h');
        const dialog = element.shadowRoot.querySelector('c-review-meeting-hand-back');
        expect(dialog.leadId).toBe(LEAD(1));
        expect(dialog.leadName).toBe('Lee Lead1');
        // While it is open the meeting's shortcuts wait.
        await press(element, 'j');
        expect(textOf(element, 'meeting-position')).toMatch(/lead 1 of 2 · 0 of 4 reviewed$/);

        createRecord.mockResolvedValueOnce({ id: 'a01000000000011AAA' });
        const saved = jest.fn();
        element.addEventListener('leadsaved', saved);
        const changes = { id: LEAD(1), status: 'Nurturing', ownerId: '00G000000000NURAAA' };
        dialog.dispatchEvent(new CustomEvent('handedback', { detail: { changes } }));
        dialog.dispatchEvent(new CustomEvent('close'));
        await settle();
        expect(createRecord.mock.calls[1][0].fields).toMatchObject({
            LL_Lead__c: LEAD(1),
            LL_Progress__c: 'No budget this year',
            LL_Status_At_Review__c: 'Working',
            LL_Status_After__c: 'Nurturing',
            LL_Outcome__c: 'Handed_Back'
        });
        // The action wrote the lead; the meeting only saves where it is.
        expect(updateRecord.mock.calls.map((c) => c[0].fields.Id)).toEqual(['a00000000000009AAA']);
        expect(saved.mock.calls[0][0].detail.lead).toMatchObject(changes);
        expect(textOf(element, 'meeting-position')).toBe(
            'Rep 1 of 2: Ana Ruiz · lead 2 of 2 · 1 of 4 reviewed'
        );
        expect(textOf(element, 'meeting-done')).toBe(
            'Lee Lead1 handed back to marketing; the meeting recorded it.'
        );
        expect(element.shadowRoot.querySelector('c-review-meeting-hand-back')).toBeNull();
        expect(textOf(element, 'meeting-shortcuts')).toContain(
            'h Hand back to marketing (then the next lead)'
        );
    });

    it('does from its buttons what the shortcuts do', async () => {
        const element = await mountMeeting();
        await startMeeting(element);
        updateRecord.mockResolvedValue({});
        const button = (action) => queryDeep(element, `[data-action="${action}"]`);
        button('next').click();
        await settle();
        expect(textOf(element, 'meeting-position')).toMatch(/lead 2 of 2/);
        button('previous').click();
        await settle();
        expect(textOf(element, 'meeting-position')).toMatch(/lead 1 of 2/);
        button('handBack').click();
        await settle();
        expect(element.shadowRoot.querySelector('c-review-meeting-hand-back').leadId).toBe(LEAD(1));
    });
});
