import NurtureQueue from 'c/nurtureQueue';
import { graphql, refreshGraphQL } from 'lightning/graphql';
import { updateRecord } from 'lightning/uiRecordApi';
import { atFixedTime, flushPromises, mount, queryAllDeep, queryDeep, textOf } from 'jest-utils/dom';

const firstPage = require('./data/firstPage.json');
const lastPage = require('./data/lastPage.json');

const NOW = new Date('2026-11-24T10:00:00.000Z');
const HOT = '00Q000000000001AAA';
const WAITING = '00Q000000000002AAA';
const PASSED = '00Q000000000003AAA';

/** Mounts the page and emits both pages of leads. */
async function open() {
    const element = mount('c-nurture-queue', NurtureQueue);
    graphql.emit(firstPage);
    await flushPromises();
    graphql.emit(lastPage);
    await flushPromises();
    return element;
}

const table = (element) => queryDeep(element, 'lightning-datatable');
const rowsShown = (element) => table(element)?.data ?? [];

async function select(element, ids) {
    const rows = rowsShown(element).filter((r) => ids.includes(r.id));
    table(element).dispatchEvent(
        new CustomEvent('rowselection', { detail: { selectedRows: rows } })
    );
    await flushPromises();
}

async function click(element, dataId) {
    queryDeep(element, `[data-id="${dataId}"]`).click();
    await flushPromises();
}

async function expectAccessible(element) {
    jest.useRealTimers();
    await expect(element).toBeAccessible();
}

describe('c-nurture-queue', () => {
    atFixedTime(NOW);

    it('reads every page and shows reason, days, tier, score and why each is ready or not', async () => {
        const element = await open();
        expect(graphql.getLastConfig().variables).toEqual({ after: 'cursor-1' });
        const rows = rowsShown(element);
        expect(rows.map((r) => r.id)).toEqual([HOT, WAITING, PASSED]);
        expect(rows[0]).toMatchObject({
            name: 'Ada Hot',
            reason: 'No budget',
            notes: 'Budget next year',
            daysInNurture: 30,
            tier: 'Hot',
            score: 82,
            readyLabel: 'Yes',
            why: 'Scores Hot again.'
        });
        expect(rows[1]).toMatchObject({ readyLabel: 'No', reason: 'Other' });
        expect(rows[2].why).toBe('Nurture date 2026-11-01 passed 23 days ago.');
        await expectAccessible(element);
    });

    it('filters by reason and by ready to return', async () => {
        const element = await open();
        const filters = queryDeep(element, 'c-nurture-queue-filters');
        filters.dispatchEvent(
            new CustomEvent('filterchange', { detail: { reason: '', readyOnly: true } })
        );
        await flushPromises();
        expect(rowsShown(element).map((r) => r.id)).toEqual([HOT, PASSED]);
        filters.dispatchEvent(
            new CustomEvent('filterchange', { detail: { reason: 'Other', readyOnly: false } })
        );
        await flushPromises();
        expect(rowsShown(element).map((r) => r.id)).toEqual([WAITING]);
    });

    it('previews who gets which lead, then returns each conditionally with its own result', async () => {
        const element = await open();
        expect(queryDeep(element, '[data-id="return"]').disabled).toBe(true);
        await select(element, [HOT, PASSED]);
        await click(element, 'return');
        expect(textOf(element, HOT)).toBe(
            'Ada Hot → Riya Rep. Back to Riya Rep, who handed it back.'
        );
        expect(textOf(element, PASSED)).toBe(
            'Cleo Passed → Ana Active. Round-robin to Ana Active: Leo Left, who handed it back, is no longer active.'
        );
        expect(updateRecord).not.toHaveBeenCalled();
        await expectAccessible(element);
        jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
        jest.setSystemTime(NOW);

        // Someone else saved Cleo since the page read her: the platform answers 412.
        updateRecord.mockImplementation(({ fields }) => {
            if (fields.Id === PASSED) {
                return Promise.reject({
                    status: 412,
                    body: [{ errorCode: 'PRECONDITION_FAILED' }]
                });
            }
            return Promise.resolve({});
        });
        await click(element, 'apply-return');
        expect(updateRecord).toHaveBeenCalledTimes(2);
        const [input, options] = updateRecord.mock.calls.find(([i]) => i.fields.Id === HOT);
        expect(input.fields).toMatchObject({
            OwnerId: '005000000000REPAAA',
            Status: 'Working',
            LL_Recycled_Count__c: 1,
            LL_Ready_To_Return__c: null
        });
        expect(options).toEqual({ ifUnmodifiedSince: '2026-11-20T10:00:00.000Z' });
        expect(textOf(element, HOT)).toBe('Ada Hot: returned to Riya Rep.');
        expect(textOf(element, PASSED)).toMatch(/^Cleo Passed: not returned. Someone else changed/);
        expect(refreshGraphQL).toHaveBeenCalled();
    });

    it('shows a read error through the error panel', async () => {
        const element = mount('c-nurture-queue', NurtureQueue);
        graphql.emitErrors(['No access to LL_Settings__c']);
        await flushPromises();
        expect(queryAllDeep(element, 'lightning-datatable')).toHaveLength(0);
        expect(textOf(element, 'load-errors')).toContain('The nurture queue could not be loaded');
    });
});
