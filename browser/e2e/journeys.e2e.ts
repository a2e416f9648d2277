/**
 * End-to-end journeys: Lead Loop's own components in headless Chromium against
 * an org over HTTP, moved through as a person does (the app is opened once; then
 * tabs, links, buttons and the keyboard). Each checks what a person sees, what
 * ends up in the database, an axe scan of the page, and that the console stayed
 * clean.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appNavigation, readPackageMetadata } from '../../metadata/src/index';
import {
    clickTab,
    component,
    expectClean,
    hotLead,
    navigation,
    openLead,
    pageHeading,
    toast,
    typeInto,
    useApp
} from './app';

const app = useApp();
const root = path.resolve(import.meta.dirname, '../..');

/** What each tab of the LL_Lead_Loop app opens: its URL and what the page shows. */
const TAB_PAGES: Record<string, { path: string; shows: (page: Page) => Promise<void> }> = {
    'standard-Lead': {
        path: '/lightning/o/Lead/list',
        async shows(page) {
            await pageHeading(page, 'Open leads').waitFor();
            await page
                .getByRole('table', { name: 'Open leads' })
                .getByRole('link')
                .first()
                .waitFor();
        }
    },
    LL_Review_Board: {
        path: '/lightning/n/LL_Review_Board',
        async shows(page) {
            await pageHeading(page, 'Lead Loop Review Board').waitFor();
            const board = component(page, 'Lead Review Board');
            await board.getByText(/^\d+ open leads/).waitFor();
            await component(page, 'My Leads to Act On').waitFor();
        }
    },
    LL_Lead_Funnel: {
        path: '/lightning/n/LL_Lead_Funnel',
        async shows(page) {
            await pageHeading(page, 'Lead Loop Funnel').waitFor();
            await component(page, 'Lead Loop Funnel').getByRole('table').waitFor();
        }
    },
    LL_Hygiene_Audit: {
        path: '/lightning/n/LL_Hygiene_Audit',
        async shows(page) {
            await pageHeading(page, 'Lead Loop Hygiene Audit').waitFor();
            await component(page, 'Lead Loop Hygiene Audit')
                .getByRole('button', { name: 'Run the audit' })
                .waitFor();
        }
    },
    LL_Nurture_Queue: {
        path: '/lightning/n/LL_Nurture_Queue',
        async shows(page) {
            await pageHeading(page, 'Lead Loop Nurture Queue').waitFor();
            const queue = component(page, 'Lead Loop Nurture Queue');
            await queue.getByRole('button', { name: 'Return to sales' }).waitFor();
            // The journeys' org has no hand-backs yet: the queue says so once it has read.
            await queue.getByText('No handed-back leads match the filters.').waitFor();
        }
    },
    LL_Scoring_Model: {
        path: '/lightning/n/LL_Scoring_Model',
        async shows(page) {
            await pageHeading(page, 'Lead Loop Scoring Model').waitFor();
            const editor = component(page, 'Lead Loop Scoring Model Editor');
            await editor.getByText('Scoring model versions').waitFor();
            await editor.getByText('The model is valid.').waitFor();
        }
    }
};

function leadRows(page: Page) {
    return page
        .getByRole('table', { name: 'Open leads' })
        .getByRole('rowgroup')
        .nth(1)
        .getByRole('row');
}

describe('Lead list', () => {
    it('opens on the Leads tab and lists the open leads from the database, 50 a page', async () => {
        const { page, org } = app;
        await expect.poll(() => new URL(page.url()).pathname).toBe('/lightning/o/Lead/list');
        await pageHeading(page, 'Open leads').waitFor();
        const open = org.find('Lead', { IsConverted: false }, ['Id']);
        await expect.poll(() => leadRows(page).count()).toBe(Math.min(50, open.length));
        await expect
            .poll(() => page.getByText(/^\d+–\d+ of \d+$/).innerText())
            .toContain(`of ${open.length}`);
        await expectClean(app);
    });
});

describe('Navigation', () => {
    const tabs = appNavigation(readPackageMetadata(root), 'LL_Lead_Loop');

    it('knows what every tab of the app opens', () => {
        expect(Object.keys(TAB_PAGES).sort()).toEqual(tabs.map((t) => t.tab).sort());
    });

    it('clicks every tab of the app and reaches its page; back and forward retrace them', async () => {
        const { page } = app;
        const visited: string[] = [];
        for (const tab of tabs) {
            await clickTab(page, tab.label);
            const expected = TAB_PAGES[tab.tab];
            await expect.poll(() => new URL(page.url()).pathname).toBe(expected.path);
            await expected.shows(page);
            const link = navigation(page).getByRole('link', { name: tab.label, exact: true });
            expect(await link.getAttribute('aria-current')).toBe('page');
            expect(await link.getAttribute('href')).toBe(expected.path);
            expect(await page.title()).toBe(`${tab.label} | Lead Loop`);
            await expectClean(app);
            visited.push(tab.tab);
        }
        // Back through every tab to the first, then forward again to the last.
        for (const tab of [...visited].reverse().slice(1)) {
            await page.goBack();
            await expect.poll(() => new URL(page.url()).pathname).toBe(TAB_PAGES[tab].path);
            await TAB_PAGES[tab].shows(page);
        }
        for (const tab of visited.slice(1)) {
            await page.goForward();
            await expect.poll(() => new URL(page.url()).pathname).toBe(TAB_PAGES[tab].path);
            await TAB_PAGES[tab].shows(page);
        }
        await expectClean(app);
    });

    it('opens a tab in a new browser tab with a modified click (a real link)', async () => {
        const { page } = app;
        const tab = tabs[tabs.length - 1];
        const opened = page.context().waitForEvent('page');
        await navigation(page)
            .getByRole('link', { name: tab.label, exact: true })
            .click({ modifiers: ['ControlOrMeta'] });
        const other = await opened;
        try {
            await other.waitForLoadState();
            expect(new URL(other.url()).pathname).toBe(TAB_PAGES[tab.tab].path);
            await TAB_PAGES[tab.tab].shows(other);
        } finally {
            await other.close();
        }
        // The first page stayed where it was.
        await expect.poll(() => new URL(page.url()).pathname).toBe(TAB_PAGES[tab.tab].path);
    });
});

describe('Lead record page', () => {
    it('opens a lead from the list and shows its fields and its score card', async () => {
        const { page, org } = app;
        const lead = hotLead(org);
        await openLead(page, String(lead.Name));
        expect(new URL(page.url()).pathname).toBe(`/lightning/r/Lead/${lead.Id}/view`);
        await expect
            .poll(() => page.locator('[data-field="Company"]').innerText())
            .toBe(lead.Company);
        const card = component(page, 'Lead Loop Score Card');
        await card.getByText('Why this score').waitFor();
        const text = await card.innerText();
        expect(text).toContain(String(lead.LL_Tier__c));
        expect(text).toContain(String(Math.round(Number(lead.LL_Score__c))));
        await expectClean(app);
        // Back to the list it came from.
        await page.goBack();
        await pageHeading(page, 'Open leads').waitFor();
    });

    it('rescores a lead that changed behind its back, writes the new score and says so', async () => {
        const { page, org } = app;
        const lead = hotLead(org);
        // Someone edits the lead outside the UI: a junk title and company size change the fit.
        org.update('Lead', String(lead.Id), { Title: 'Student', NumberOfEmployees: 3 });
        await openLead(page, String(lead.Name));
        const card = component(page, 'Lead Loop Score Card');
        await card.getByText('Why this score').waitFor();
        await card.getByRole('button', { name: 'Rescore now' }).click();
        await toast(page, 'Lead rescored');
        const after = org.find('Lead', { Id: lead.Id }, [
            'LL_Score__c',
            'LL_Previous_Score__c',
            'LastModifiedById'
        ])[0];
        expect(Number(after.LL_Score__c)).toBeLessThan(Number(lead.LL_Score__c));
        expect(Number(after.LL_Previous_Score__c)).toBe(Number(lead.LL_Score__c));
        await expect
            .poll(() => card.innerText())
            .toContain(String(Math.round(Number(after.LL_Score__c))));
        await expectClean(app);
    });
});

describe('Scoring model app page', () => {
    it('saves an edited model as a new draft version in the database', async () => {
        const { page, org } = app;
        const before = org.find('LL_Scoring_Model__c', {}, ['Id', 'LL_Version__c', 'LL_Status__c']);
        await clickTab(page, 'Scoring Model');
        const editor = component(page, 'Lead Loop Scoring Model Editor');
        await editor.getByText('The model is valid.').waitFor();
        await typeInto(editor.getByLabel('Description of this version'), 'Browser journey draft');
        await editor.getByRole('button', { name: 'Save as new draft' }).click();
        await toast(page, 'Draft saved');
        const after = org.find('LL_Scoring_Model__c', {}, [
            'Id',
            'LL_Version__c',
            'LL_Status__c',
            'LL_Description__c'
        ]);
        expect(after).toHaveLength(before.length + 1);
        const draft = after.find((m) => !before.some((b) => b.Id === m.Id))!;
        expect(draft).toMatchObject({
            LL_Status__c: 'Draft',
            LL_Description__c: 'Browser journey draft'
        });
        expect(Number(draft.LL_Version__c)).toBe(
            Math.max(...before.map((b) => Number(b.LL_Version__c))) + 1
        );
        await expectClean(app);
    });
});

describe('Act as', () => {
    it('switches the user from the header; writes are made as that user', async () => {
        const { page, org } = app;
        const rita = org.find('User', { Name: 'Rita Rep' }, ['Id'])[0];
        const lead = org.find('Lead', { OwnerId: rita.Id, IsConverted: false }, [
            'Id',
            'Name',
            'LL_Score__c'
        ])[0];
        org.update('Lead', String(lead.Id), { Title: 'CEO', NumberOfEmployees: 2000 });
        await page.getByLabel('Act as').selectOption(String(rita.Id));
        await page.waitForLoadState('load');
        await expect.poll(() => page.getByLabel('Act as').inputValue()).toBe(rita.Id);
        await openLead(page, String(lead.Name));
        const card = component(page, 'Lead Loop Score Card');
        await card.getByText('Why this score').waitFor();
        await card.getByRole('button', { name: 'Rescore now' }).click();
        await toast(page, 'Lead rescored');
        const after = org.find('Lead', { Id: lead.Id }, ['LastModifiedById', 'LL_Score__c'])[0];
        expect(after.LastModifiedById).toBe(rita.Id);
        expect(after.LL_Score__c).not.toBe(lead.LL_Score__c);
        await expectClean(app);
    });
});
