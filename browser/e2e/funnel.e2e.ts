/**
 * The funnel page (issue 16): a person opens the Funnel tab, sees the six stages with the
 * leak at each (computed here from the org's leads one by one: the page reads aggregates),
 * and clicks from a number to its report. axe and a clean console on both pages.
 */
import { describe, expect, it } from 'vitest';
import {
    computeMetrics,
    FUNNEL_READS,
    leadFromRecord,
    LEAD_FIELDS,
    metricOpportunityFromRecord,
    parseSettings
} from '../../core/src/index';
import { clickTab, component, expectClean, pageHeading, useApp } from './app';

const app = useApp();

/** The funnel from every lead in the org (touches from LastActivityDate, as aggregates see them). */
function expectedFunnel() {
    const { org } = app;
    const settings = parseSettings(
        org.find('LL_Settings__c', { LL_Active__c: true }, [...FUNNEL_READS.LL_Settings__c])[0]
    ).settings;
    const fields = [
        ...new Set(['Id', 'CreatedDate', 'LastActivityDate', ...Object.values(LEAD_FIELDS)])
    ];
    const leads = org
        .find(
            'Lead',
            {},
            fields.filter((f) => !f.includes('.'))
        )
        .map((r) => leadFromRecord(r));
    const opportunities = org
        .find('Opportunity', {}, ['Id', 'IsWon', 'IsClosed', 'Amount'])
        .map(metricOpportunityFromRecord);
    return computeMetrics({ leads, opportunities }, { settings, now: new Date() });
}

describe('Funnel page', () => {
    it('shows the six stages from the data and opens a number’s report', async () => {
        const { page } = app;
        await clickTab(page, 'Funnel');
        await pageHeading(page, 'Lead Loop Funnel').waitFor();
        const funnel = component(page, 'Lead Loop Funnel');
        const table = funnel.getByRole('table', {
            name: 'Leads reaching each stage and stopping there'
        });
        await table.waitFor();

        const expected = expectedFunnel();
        const rows = table.getByRole('rowgroup').nth(1).getByRole('row');
        await expect.poll(() => rows.count()).toBe(6);
        const seen = await rows.evaluateAll((trs) =>
            trs.map((tr) => [...tr.children].slice(0, 2).map((c) => c.textContent!.trim()))
        );
        expect(seen).toEqual(expected.funnel.map((s) => [s.label, String(s.reached)]));
        expect(expected.funnel[0].reached).toBeGreaterThan(0);
        await funnel.getByText(`Over ${expected.leads} leads`).waitFor();
        await expectClean(app);

        // From the hand-back rate to its report.
        await funnel.getByRole('link', { name: /^Hand-back rate: .*Open the report$/ }).click();
        await expect
            .poll(() => new URL(page.url()).pathname + new URL(page.url()).search)
            .toBe('/lightning/o/Report/home?c__report=LL_Handback_Reasons');
        await pageHeading(page, /hand-?back/i).waitFor();
        await page.getByText('Report type').waitFor();
        await expectClean(app);
    });
});
