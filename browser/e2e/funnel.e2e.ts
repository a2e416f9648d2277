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

/** The org's Report records (the package's reports, with the ids this org gave them). */
const orgReports = () => app.org.find('Report', {}, ['Id', 'DeveloperName']);

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

        // From a number to its own report: the Report record's page, by the id the org gave
        // the report's DeveloperName, showing that report (not the Reports tab).
        const reportIds = new Map(
            orgReports().map((r) => [r.DeveloperName as string, r.Id as string])
        );
        for (const [number, developerName, heading] of [
            [/^Hand-back rate: .*Open the report$/, 'LL_Handback_Reasons', /hand-?back/i],
            [/^Follow-up rate: .*Open the report$/, 'LL_Follow_Up_Never_Touched', /never touched/i]
        ] as const) {
            if (!(await table.isVisible())) {
                await clickTab(page, 'Funnel');
                await table.waitFor();
            }
            await funnel.getByRole('link', { name: number }).click();
            const id = reportIds.get(developerName);
            expect(id).toMatch(/^00O/);
            await expect
                .poll(() => new URL(page.url()).pathname)
                .toBe(`/lightning/r/Report/${id}/view`);
            await pageHeading(page, heading).waitFor();
            await page.getByText(`Report unique name: ${developerName}`).waitFor();
            await page.getByText('Report type').waitFor();
            await expectClean(app);
        }
    });
});
