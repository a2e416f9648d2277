import LeadLoopSummary from 'c/leadLoopSummary';
import { FUNNEL_AGGREGATE_QUERIES } from 'c/leadLoopCore';
import { graphql } from 'lightning/graphql';
import { getNavigateCalledWith } from 'lightning/navigation';
import { atFixedTime, flushPromises, mount, queryAllDeep, queryDeep, textOf } from 'jest-utils/dom';

const settings = require('./data/settings.json');
const aggregates = require('./data/aggregates.json');
const latestAuditRun = require('./data/latestAuditRun.json');

const NOW = new Date('2026-11-24T10:00:00.000Z');
const PARTS = FUNNEL_AGGREGATE_QUERIES.length;
const isPart = (i) => (config) => config?.operationName === `leadLoopFunnel${i}`;
const isSettings = (config) => config?.operationName === 'leadLoopFunnelSettings';

/** The settings answer with other report links or an audit run in its connections. */
const settingsWith = (query) => ({ uiapi: { query: { ...settings.uiapi.query, ...query } } });

/** The answer of request i: the partitions (aliases) its document asks for. */
function answerOf(i, all = aggregates) {
    const aliases = FUNNEL_AGGREGATE_QUERIES[i].match(/\bp\d+(?=: Lead\()/g);
    return {
        uiapi: {
            aggregate: Object.fromEntries(aliases.map((a) => [a, all.uiapi.aggregate[a]]))
        }
    };
}

async function loaded(props = {}, settingsAnswer = settings) {
    const element = mount('c-lead-loop-summary', LeadLoopSummary, props);
    graphql.emit(settingsAnswer, isSettings);
    await flushPromises();
    for (let i = 0; i < PARTS; i++) graphql.emit(answerOf(i), isPart(i));
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
        // Default settings: dead after 90 days; a request declares the cut-offs it uses.
        const { operationName, variables } = graphql.getLastConfig();
        expect(operationName).toMatch(/^leadLoopFunnel\d$/);
        expect(Object.keys(variables).length).toBeGreaterThan(0);
        expect({
            deadBefore: '2026-08-26',
            deadBeforeTime: '2026-08-26T10:00:00.000Z'
        }).toMatchObject(variables);
    });

    it('splits the aggregates into three requests within the platform limit', () => {
        expect(PARTS).toBe(3);
        for (const q of FUNNEL_AGGREGATE_QUERIES) {
            expect(q.match(/\bp\d+: Lead\(/g).length).toBeLessThanOrEqual(10);
        }
    });

    it('shows the key numbers computed from the aggregates', async () => {
        const element = await loaded();
        expect(textOf(element, 'lead-count')).toBe('Over 100 leads');
        expect(valueOf(element, 'followUp')).toBe('45%');
        expect(valueOf(element, 'qualifiedUntouched')).toBe('33%');
        expect(valueOf(element, 'handback')).toBe('10%');
        expect(valueOf(element, 'speed')).toBe('—');
        expect(textOf(element, 'detail')).toBe('45 of 100 leads touched');
        // No audit run yet: what only an audit computes says how to get it.
        expect(valueOf(element, 'defects')).toBe('—');
        expect(
            queryDeep(element, '[data-key="defects"] [data-id="detail"]').textContent.trim()
        ).toBe('Run the hygiene audit (Hygiene Audit tab or leadloop audit)');
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

    it('shows the latest audit run’s speed to first touch and defect rate, as of the run', async () => {
        const element = await loaded({}, settingsWith({ LL_Audit_Run__c: latestAuditRun }));
        const detailOf = (key) =>
            queryDeep(element, `[data-key="${key}"] [data-id="detail"]`).textContent.trim();
        expect(valueOf(element, 'speed')).toBe('26.5 h');
        expect(detailOf('speed')).toBe(
            '90th percentile 10.0 days, over 40 leads, as of Nov 23, 2026'
        );
        // 31 of 50 handed to sales with a finding: as a share and in parts per million.
        expect(valueOf(element, 'defects')).toBe('62%');
        expect(detailOf('defects')).toBe(
            '620,000 defects per million handed to sales (31 of 50), as of Nov 23, 2026'
        );
        queryDeep(element, '[data-key="defects"] a').click();
        expect(getNavigateCalledWith().pageReference.attributes.recordId).toBe(
            '00O000000000003AAA'
        );
        await expectAccessible(element);
    });

    it('shows a run recorded before runs kept their figures as not audited', async () => {
        const old = JSON.parse(JSON.stringify(latestAuditRun));
        delete old.edges[0].node.LL_Handed_To_Sales__c;
        const element = await loaded({}, settingsWith({ LL_Audit_Run__c: old }));
        expect(valueOf(element, 'defects')).toBe('—');
        expect(valueOf(element, 'speed')).toBe('—');
    });

    it("opens a number's own report by its id, and the funnel report from a stage", async () => {
        const element = await loaded({ showFunnel: true });
        queryDeep(element, '[data-key="handback"] a').click();
        expect(getNavigateCalledWith().pageReference).toEqual({
            type: 'standard__recordPage',
            attributes: {
                recordId: '00O000000000002AAA',
                objectApiName: 'Report',
                actionName: 'view'
            }
        });
        queryDeep(element, 'a[data-stage="won"]').click();
        expect(getNavigateCalledWith().pageReference.attributes.recordId).toBe(
            '00O000000000001AAA'
        );
    });

    it('opens the Reports tab, naming the report, when no link is stored', async () => {
        const element = await loaded(
            { showFunnel: true },
            settingsWith({ LL_Report_Link__c: { edges: [] } })
        );
        queryDeep(element, '[data-key="handback"] a').click();
        expect(getNavigateCalledWith().pageReference).toEqual({
            type: 'standard__objectPage',
            attributes: { objectApiName: 'Report', actionName: 'home' },
            state: { c__report: 'LL_Handback_Reasons' }
        });
    });

    it('never links to a stored id that is not a report id', async () => {
        const bad = {
            edges: [
                {
                    node: {
                        Id: 'a0R000000000009AAA',
                        LL_Report_Developer_Name__c: { value: 'LL_Handback_Reasons' },
                        LL_Report_Id__c: { value: '/lightning/setup/Home' }
                    }
                }
            ]
        };
        const element = await loaded({}, settingsWith({ LL_Report_Link__c: bad }));
        queryDeep(element, '[data-key="handback"] a').click();
        expect(getNavigateCalledWith().pageReference.type).toBe('standard__objectPage');
    });

    it('waits for every request before computing', async () => {
        const element = mount('c-lead-loop-summary', LeadLoopSummary);
        graphql.emit(settings, isSettings);
        await flushPromises();
        graphql.emit(answerOf(0), isPart(0));
        graphql.emit(answerOf(1), isPart(1));
        await flushPromises();
        expect(queryDeep(element, 'lightning-spinner')).not.toBeNull();
        graphql.emit(answerOf(2), isPart(2));
        await flushPromises();
        expect(textOf(element, 'lead-count')).toBe('Over 100 leads');
    });

    it('shows GraphQL errors in the error panel', async () => {
        const element = mount('c-lead-loop-summary', LeadLoopSummary);
        graphql.emit(settings, isSettings);
        await flushPromises();
        graphql.emitErrors([{ message: 'Field Nope is undefined' }], isPart(1));
        await flushPromises();
        expect(textOf(element, 'errors')).toContain('Field Nope is undefined');
        await expectAccessible(element);
    });

    it('says what is wrong with an answer that lacks a partition', async () => {
        const element = mount('c-lead-loop-summary', LeadLoopSummary);
        graphql.emit(settings, isSettings);
        await flushPromises();
        for (let i = 0; i < PARTS; i++) {
            graphql.emit(i === 1 ? { uiapi: { aggregate: {} } } : answerOf(i), isPart(i));
        }
        await flushPromises();
        // The first partition of the second request is named.
        const first = FUNNEL_AGGREGATE_QUERIES[1].match(/\bp\d+(?=: Lead\()/)[0];
        expect(textOf(element, 'errors')).toContain(`lacks the aggregate ${first}`);
    });
});
