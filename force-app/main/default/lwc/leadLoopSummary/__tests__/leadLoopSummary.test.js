import LeadLoopSummary from 'c/leadLoopSummary';
import { graphql } from 'lightning/graphql';
import { getNavigateCalledWith } from 'lightning/navigation';
import { atFixedTime, flushPromises, mount, queryAllDeep, queryDeep, textOf } from 'jest-utils/dom';

const settings = require('./data/settings.json');
const aggregates = require('./data/aggregates.json');

const NOW = new Date('2026-11-24T10:00:00.000Z');
const isAggregates = (config) => Boolean(config?.variables);
const isSettings = (config) => !isAggregates(config);

async function loaded(props = {}) {
    const element = mount('c-lead-loop-summary', LeadLoopSummary, props);
    graphql.emit(settings, isSettings);
    await flushPromises();
    graphql.emit(aggregates, isAggregates);
    await flushPromises();
    return element;
}

/** sa11y refuses to run under fake timers. */
async function expectAccessible(element) {
    jest.useRealTimers();
    await expect(element).toBeAccessible();
}

const valueOf = (element, key) =>
    queryDeep(element, `[data-key="${key}"] [data-id="value"]`)?.textContent.trim();

describe('c-lead-loop-summary', () => {
    atFixedTime(NOW);

    it('asks for the aggregates only once the settings are read, with the dead-lead cut-offs', async () => {
        mount('c-lead-loop-summary', LeadLoopSummary);
        expect(graphql.getLastConfig().variables).toBeUndefined();
        graphql.emit(settings, isSettings);
        await flushPromises();
        // Default settings: dead after 90 days.
        expect(graphql.getLastConfig().variables).toEqual({
            deadBefore: '2026-08-26',
            deadBeforeTime: '2026-08-26T10:00:00.000Z'
        });
    });

    it('shows the key numbers computed from the aggregates', async () => {
        const element = await loaded();
        expect(textOf(element, 'lead-count')).toBe('Over 100 leads');
        expect(valueOf(element, 'followUp')).toBe('45%');
        expect(valueOf(element, 'qualifiedUntouched')).toBe('33%');
        expect(valueOf(element, 'handback')).toBe('10%');
        expect(valueOf(element, 'speed')).toBe('—');
        expect(textOf(element, 'detail')).toBe('45 of 100 leads touched');
        // No funnel on a home page.
        expect(queryDeep(element, 'c-lead-funnel-chart')).toBeNull();
        await expectAccessible(element);
    });

    it('shows the six stages with the leak at each when asked for the funnel', async () => {
        const element = await loaded({ showFunnel: true });
        const rows = queryAllDeep(element, 'tbody tr').map((tr) =>
            [...tr.children].map((c) => c.textContent.trim())
        );
        expect(rows).toEqual([
            ['Generated', '100', '100%', '50 stopped here (10 dead, 40 in progress)', '50% go on'],
            ['Qualified', '50', '50%', '', '100% go on'],
            ['Nurturing', '50', '50%', '', '100% go on'],
            ['Handed to sales', '50', '50%', '5 stopped here (5 in progress)', '90% go on'],
            ['Pursued', '45', '45%', '39 stopped here (4 lost, 35 in progress)', '13% go on'],
            ['Won', '6', '6%', '', '']
        ]);
        expect(queryAllDeep(element, 'rect.bar')).toHaveLength(6);
        await expectAccessible(element);
    });

    it("opens a number's report, and the funnel report from a stage", async () => {
        const element = await loaded({ showFunnel: true });
        queryDeep(element, '[data-key="handback"] a').click();
        expect(getNavigateCalledWith().pageReference).toEqual({
            type: 'standard__objectPage',
            attributes: { objectApiName: 'Report', actionName: 'home' },
            state: { c__report: 'LL_Handback_Reasons' }
        });
        queryDeep(element, 'a[data-stage="won"]').click();
        expect(getNavigateCalledWith().pageReference.state).toEqual({
            c__report: 'LL_Lead_Funnel_By_Status'
        });
        // The defect rate has no report: no link.
        expect(queryDeep(element, '[data-key="defects"] a')).toBeNull();
    });

    it('shows GraphQL errors in the error panel', async () => {
        const element = mount('c-lead-loop-summary', LeadLoopSummary);
        graphql.emit(settings, isSettings);
        await flushPromises();
        graphql.emitErrors([{ message: 'Field Nope is undefined' }], isAggregates);
        await flushPromises();
        expect(textOf(element, 'errors')).toContain('Field Nope is undefined');
        await expectAccessible(element);
    });

    it('says what is wrong with an answer that lacks a partition', async () => {
        const element = mount('c-lead-loop-summary', LeadLoopSummary);
        graphql.emit(settings, isSettings);
        await flushPromises();
        graphql.emit({ uiapi: { aggregate: {} } }, isAggregates);
        await flushPromises();
        expect(textOf(element, 'errors')).toContain('lacks the aggregate p0');
    });
});
