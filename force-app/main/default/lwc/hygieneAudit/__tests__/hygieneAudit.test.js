import HygieneAudit from 'c/hygieneAudit';
import { graphql } from 'lightning/graphql';
import { getNavigateCalledWith } from 'lightning/navigation';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { flushPromises, mount, queryAllDeep, queryDeep, textOf } from 'jest-utils/dom';

const page1 = require('./data/auditPage1.json');
const page2 = require('./data/auditPage2.json');

const $ = queryDeep;

/** The container yields a task between pages: let it run. */
async function settle() {
    await flushPromises();
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    await new Promise((resolve) => setTimeout(resolve, 0));
    await flushPromises();
}

async function audited() {
    const element = mount('c-hygiene-audit', HygieneAudit);
    $(element, '[data-id="run"]').click();
    await flushPromises();
    graphql.emit(page1);
    await settle();
    return element;
}

const LEFT = '00Q000000000001AAA';
const ORPHAN = '00Q000000000002AAA';
const REP = '005000000000001AAA';
const GONE = '005000000000002AAA';

/** What the org answers a lead save with: the record after the save. */
function saved(id, ownerId, at) {
    return { id, lastModifiedDate: at, fields: { OwnerId: { value: ownerId } } };
}

async function settleMany() {
    for (let i = 0; i < 6; i++) {
        // eslint-disable-next-line no-await-in-loop
        await settle();
    }
}

describe('c-hygiene-audit', () => {
    beforeEach(() => {
        let n = 0;
        createRecord.mockReset();
        updateRecord.mockReset();
        createRecord.mockImplementation(() => Promise.resolve({ id: `a0L00000000000${++n}AAA` }));
    });

    it('reads page by page with progress, then audits and lists findings by check', async () => {
        const element = await audited();
        // After the first page: still reading, with the totals the org gave.
        expect(textOf(element, 'progress-text')).toBe('Reading records… 4 of 5 read.');
        expect(graphql.getLastConfig().variables).toMatchObject({
            leadAfter: 'c2',
            userAfter: null,
            pageSize: 2000,
            upperBound: 100000
        });
        expect($(element, '[data-id="run"]').disabled).toBe(true);
        graphql.emit(page2);
        await settle();
        expect(textOf(element, 'progress-text')).toBe('Read 5 of 5 records.');
        expect(textOf(element, 'summary')).toMatch(
            /^3 open leads audited: \d+ findings on 2 leads\.$/
        );
        const first = queryAllDeep(element, 'li[data-check-id]')[0];
        expect(first.dataset.checkId).toBe('owner-inactive');
        expect(first.textContent).toContain('2 leads');
        await expect(element).toBeAccessible();
    });

    it('drills into a check and opens a lead on its record page', async () => {
        const element = await audited();
        graphql.emit(page2);
        await settle();
        $(element, 'lightning-button[data-check-id="owner-inactive"]').click();
        await flushPromises();
        const links = queryAllDeep(element, 'a[data-lead-id]');
        expect(links.map((a) => a.textContent)).toEqual(['Pat Left (Acme)', 'Pat Orphan (Acme)']);
        expect($(element, 'table').getAttribute('aria-label')).toMatch(/^Leads: /);
        links[1].click();
        expect(getNavigateCalledWith().pageReference).toEqual({
            type: 'standard__recordPage',
            attributes: {
                recordId: '00Q000000000002AAA',
                objectApiName: 'Lead',
                actionName: 'view'
            }
        });
        await expect(element).toBeAccessible();
    });

    it('shows why the reads failed and lets the admin run it again', async () => {
        const element = mount('c-hygiene-audit', HygieneAudit);
        $(element, '[data-id="run"]').click();
        await flushPromises();
        graphql.emitErrors([{ message: 'Field Lead.LL_Tier__c is not accessible' }]);
        await settle();
        expect(textOf(element, 'errors')).toContain('The audit could not run');
        expect($(element, '[data-id="run"]').disabled).toBe(false);
        expect($(element, '[data-id="summary"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('saves the run with its counts and the figures the funnel page shows', async () => {
        await audited();
        graphql.emit(page2);
        await settle();
        const [[run]] = createRecord.mock.calls;
        expect(run.apiName).toBe('LL_Audit_Run__c');
        expect(run.fields).toMatchObject({ LL_Leads_Audited__c: 3, LL_Source__c: 'Audit page' });
        expect(JSON.parse(run.fields.LL_Counts_By_Check__c)['owner-inactive']).toBe(2);
        // The funnel page's figures: the 3 leads are owned by users (handed to sales), the 2
        // with an inactive owner are the defects; no activity, so no first-touch time.
        expect(run.fields).toMatchObject({
            LL_Handed_To_Sales__c: 3,
            LL_Defective_Leads__c: 2,
            LL_First_Touch_Leads__c: 0,
            LL_First_Touch_Median_Hours__c: null,
            LL_First_Touch_P90_Hours__c: null
        });
    });

    it('reassigns round-robin after a preview, skips a lead changed since, and undoes', async () => {
        const element = await audited();
        graphql.emit(page2);
        await settle();
        $(element, 'lightning-button[data-check-id="owner-inactive"]').click();
        await flushPromises();
        $(element, '[data-id="preview"]').click();
        await flushPromises();
        const preview = $(element, 'c-hygiene-fix-preview');
        const cells = queryAllDeep(preview, 'td').map((td) => td.textContent);
        expect(cells).toEqual([
            'Pat Left (Acme)',
            'Owner',
            'Gone Rep',
            'Rita Rep',
            'Pat Orphan (Acme)',
            'Owner',
            'Gone Rep',
            'Rita Rep'
        ]);
        await expect(element).toBeAccessible();

        updateRecord
            .mockResolvedValueOnce(saved(LEFT, REP, '2026-11-24T10:00:00.000Z'))
            .mockRejectedValueOnce({ status: 412, body: { message: 'modified since' } });
        $(element, '[data-id="apply"]').click();
        await settleMany();
        expect(updateRecord.mock.calls[0]).toEqual([
            { fields: { Id: LEFT, OwnerId: REP } },
            { ifUnmodifiedSince: '2026-11-20T08:00:00.000Z' }
        ]);
        expect(textOf(element, 'results-summary')).toBe('1 applied, 1 skipped, 0 failed.');
        expect($(element, 'c-hygiene-fix-results').shadowRoot.textContent).toContain(
            'changed by someone else since the preview'
        );
        const logs = createRecord.mock.calls.slice(1).map(([r]) => r);
        expect(logs.map((r) => [r.apiName, r.fields.LL_Lead__c, r.fields.LL_Status__c])).toEqual([
            ['LL_Fix_Log__c', LEFT, 'Applied'],
            ['LL_Fix_Log__c', ORPHAN, 'Skipped']
        ]);
        await expect(element).toBeAccessible();

        updateRecord.mockReset();
        updateRecord.mockResolvedValue(saved(LEFT, GONE, '2026-11-24T10:05:00.000Z'));
        $(element, '[data-id="undo"]').click();
        await settleMany();
        expect(updateRecord.mock.calls[0]).toEqual([
            { fields: { Id: LEFT, OwnerId: GONE } },
            { ifUnmodifiedSince: '2026-11-24T10:00:00.000Z' }
        ]);
        // the applied log row is marked undone
        expect(updateRecord.mock.calls[1][0].fields).toMatchObject({
            Id: 'a0L000000000002AAA',
            LL_Status__c: 'Undone'
        });
        expect(queryAllDeep(element, '[data-id="results-summary"]')[1].textContent).toBe(
            '1 applied, 0 skipped, 0 failed.'
        );
    });

    it('reports the platform error per lead when the user cannot edit, changing nothing else', async () => {
        const element = await audited();
        graphql.emit(page2);
        await settle();
        $(element, 'lightning-button[data-check-id="owner-inactive"]').click();
        await flushPromises();
        $(element, '[data-id="preview"]').click();
        await flushPromises();
        updateRecord.mockRejectedValue({
            status: 403,
            body: { message: 'insufficient access rights on object id' }
        });
        $(element, '[data-id="apply"]').click();
        await settleMany();
        expect(textOf(element, 'results-summary')).toBe('0 applied, 0 skipped, 2 failed.');
        expect($(element, 'c-hygiene-fix-results').shadowRoot.textContent).toContain(
            'insufficient access rights on object id'
        );
        expect($(element, '[data-id="undo"]').disabled).toBe(true);
    });
});
