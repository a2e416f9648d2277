/**
 * The funnel page (issue 16): a person opens the Funnel tab, sees the six stages with the
 * leak at each (computed here from the org's leads one by one: the page reads aggregates),
 * and clicks from a number to its report (through the links `npm start` stores). Before any
 * audit the speed to first touch and the defect rate say how to get them; after the person
 * runs the audit on the Hygiene Audit tab, they show the run's figures as of today, and the
 * defect rate opens the audit runs report. axe and a clean console on every page.
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
import { clickTab, component, expectClean, pageHeading, shownDate, useApp } from './app';

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

/** A number's value and its detail line on the page, by its label. */
async function numberOf(label: string) {
    const box = component(app.page, 'Lead Loop Funnel')
        .locator('c-lead-loop-number')
        .filter({ has: app.page.getByRole('heading', { name: label, exact: true }) });
    const [value, detail] = await Promise.all([
        box.locator('[data-id="value"]').textContent(),
        box.locator('[data-id="detail"]').textContent()
    ]);
    return { box, value: value!.trim(), detail: detail!.trim() };
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

    it('shows the speed to first touch and the defect rate after the audit runs', async () => {
        const { page, org } = app;
        await clickTab(page, 'Funnel');
        const funnel = component(page, 'Lead Loop Funnel');
        await funnel.getByText(/^Over \d+ leads$/).waitFor();
        // No audit yet: the page says where the numbers come from.
        for (const label of ['Speed to first touch (median)', 'Process defect rate']) {
            expect(await numberOf(label)).toMatchObject({
                value: '—',
                detail: 'Run the hygiene audit (Hygiene Audit tab or leadloop audit)'
            });
        }

        // The person runs the audit where they would: the Hygiene Audit tab.
        await clickTab(page, 'Hygiene Audit');
        const audit = component(page, 'Lead Loop Hygiene Audit');
        await audit.getByRole('button', { name: 'Run the audit' }).click();
        await audit.getByText(/open leads audited/).waitFor();
        await expect.poll(() => org.find('LL_Audit_Run__c', {}, ['Id']).length).toBe(1);
        const [run] = org.find('LL_Audit_Run__c', {}, [
            'LL_Handed_To_Sales__c',
            'LL_Defective_Leads__c',
            'LL_First_Touch_Leads__c'
        ]);
        // Handed to sales, counted here from the open leads it audited: a rep owns it or had it.
        const open = org.find('Lead', { IsConverted: false }, ['OwnerId', 'LL_Previous_Owner__c']);
        const handed = open.filter(
            (l) => String(l.OwnerId).startsWith('005') || l.LL_Previous_Owner__c
        ).length;
        expect(run.LL_Handed_To_Sales__c).toBe(handed);
        const defective = Number(run.LL_Defective_Leads__c);
        expect(defective).toBeGreaterThan(0);

        await clickTab(page, 'Funnel');
        await funnel.getByText(/^Over \d+ leads$/).waitFor();
        const asOf = `as of ${shownDate(new Date())}`;
        await expect
            .poll(async () => (await numberOf('Process defect rate')).value)
            .toBe(`${Math.round((100 * defective) / handed)}%`);
        const defects = await numberOf('Process defect rate');
        expect(defects.detail).toBe(
            `${Math.round((defective / handed) * 1_000_000).toLocaleString('en-US')} defects per million handed to sales (${defective} of ${handed}), ${asOf}`
        );
        const speed = await numberOf('Speed to first touch (median)');
        expect(speed.value).toMatch(/^\d+\.\d (h|days)$/);
        expect(speed.detail).toMatch(
            new RegExp(`^90th percentile .+, over ${run.LL_First_Touch_Leads__c} leads, ${asOf}$`)
        );
        await expectClean(app);

        // The defect rate opens the report of audit runs over time.
        await defects.box.getByRole('link').click();
        const id = orgReports().find((r) => r.DeveloperName === 'LL_Process_Defects')?.Id;
        expect(id).toMatch(/^00O/);
        await expect
            .poll(() => new URL(page.url()).pathname)
            .toBe(`/lightning/r/Report/${id}/view`);
        await page.getByText('Report unique name: LL_Process_Defects').waitFor();
        await expectClean(app);
    });
});
