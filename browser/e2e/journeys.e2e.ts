/**
 * End-to-end journeys: Lead Loop's own components in headless Chromium against
 * an org over HTTP. Each checks what a person sees, what ends up in the
 * database, an axe scan of the page, and that the console stayed clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserOrg, type BrowserOrg } from './org';
import { axeScan, openBrowser, signIn, type Session } from './browser';

let org: BrowserOrg;
let s: Session;

beforeAll(async () => {
    org = await startBrowserOrg();
    s = await openBrowser();
    await signIn(s, org);
});

afterAll(async () => {
    await s?.close();
    await org?.close();
});

/** Loads a page afresh (a hash change alone would keep the components' data). */
async function visit(hash: string) {
    await s.page.goto('about:blank');
    await s.page.goto(`${org.url}/${hash}`);
}

async function expectClean() {
    expect(await axeScan(s.page)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
}

function hotLead() {
    const leads = org.find('Lead', { IsConverted: false }, [
        'Id',
        'Name',
        'Company',
        'LL_Score__c',
        'LL_Tier__c',
        'Status'
    ]);
    return leads.sort((a, b) => Number(b.LL_Score__c) - Number(a.LL_Score__c))[0];
}

describe('Lead list', () => {
    it('lists the open leads from the database, 50 a page', async () => {
        await visit('#/lightning/o/Lead/list');
        await s.page.locator('[data-id="lead-row"]').first().waitFor();
        const open = org.find('Lead', { IsConverted: false }, ['Id']);
        const rows = await s.page.locator('[data-id="lead-row"]').count();
        expect(rows).toBe(Math.min(50, open.length));
        await expect
            .poll(() => s.page.locator('[data-id="page-label"]').innerText())
            .toContain(`of ${open.length}`);
        await expectClean();
    });
});

describe('Lead record page', () => {
    it('opens a lead from the list and shows its fields and its score card', async () => {
        const lead = hotLead();
        await visit('#/lightning/o/Lead/list');
        await s.page.locator(`a[href="#/lightning/r/Lead/${lead.Id}/view"]`).click();
        await expect
            .poll(() => s.page.locator('[data-id="record-title"]').innerText())
            .toBe(lead.Name);
        await expect
            .poll(() => s.page.locator('[data-field="Company"]').innerText())
            .toBe(lead.Company);
        const card = s.page.locator('[data-component="leadScoreCard"]');
        await card.getByText('Why this score').waitFor();
        const text = await card.innerText();
        expect(text).toContain(String(lead.LL_Tier__c));
        expect(text).toContain(String(Math.round(Number(lead.LL_Score__c))));
        await expectClean();
    });

    it('rescores a lead that changed behind its back, writes the new score and says so', async () => {
        const lead = hotLead();
        // Someone edits the lead outside the UI: a junk title and company size change the fit.
        org.update('Lead', String(lead.Id), { Title: 'Student', NumberOfEmployees: 3 });
        await visit(`#/lightning/r/Lead/${lead.Id}/view`);
        const card = s.page.locator('[data-component="leadScoreCard"]');
        await card.getByText('Why this score').waitFor();
        await card.getByRole('button', { name: 'Rescore now' }).click();
        await s.page.locator('[data-id="toast"]').getByText('Lead rescored').waitFor();
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
        await expectClean();
    });
});

describe('Scoring model app page', () => {
    it('saves an edited model as a new draft version in the database', async () => {
        const before = org.find('LL_Scoring_Model__c', {}, ['Id', 'LL_Version__c', 'LL_Status__c']);
        await visit('#/lightning/n/LL_Scoring_Model');
        const editor = s.page.locator('[data-component="scoringModelEditor"]');
        await editor.getByText('The model is valid.').waitFor();
        const name = editor.getByLabel('Description of this version');
        await name.fill('Browser journey draft');
        await name.blur();
        await editor.getByRole('button', { name: 'Save as new draft' }).click();
        await s.page.locator('[data-id="toast"]').getByText('Draft saved').waitFor();
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
        await expectClean();
    });
});

describe('Act as', () => {
    it('switches the user from the header; writes are made as that user', async () => {
        const rita = org.find('User', { Name: 'Rita Rep' }, ['Id'])[0];
        const lead = org.find('Lead', { OwnerId: rita.Id, IsConverted: false }, [
            'Id',
            'LL_Score__c'
        ])[0];
        org.update('Lead', String(lead.Id), { Title: 'CEO', NumberOfEmployees: 2000 });
        await visit(`#/lightning/r/Lead/${lead.Id}/view`);
        await s.page.getByLabel('Act as').selectOption(String(rita.Id));
        await s.page.waitForLoadState('load');
        await expect.poll(() => s.page.getByLabel('Act as').inputValue()).toBe(rita.Id);
        const card = s.page.locator('[data-component="leadScoreCard"]');
        await card.getByText('Why this score').waitFor();
        await card.getByRole('button', { name: 'Rescore now' }).click();
        await s.page.locator('[data-id="toast"]').getByText('Lead rescored').waitFor();
        const after = org.find('Lead', { Id: lead.Id }, ['LastModifiedById', 'LL_Score__c'])[0];
        expect(after.LastModifiedById).toBe(rita.Id);
        expect(after.LL_Score__c).not.toBe(lead.LL_Score__c);
        await expectClean();
    });
});
