import HygieneAudit from 'c/hygieneAudit';
import { graphql } from 'lightning/graphql';
import { getNavigateCalledWith } from 'lightning/navigation';
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

describe('c-hygiene-audit', () => {
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
});
