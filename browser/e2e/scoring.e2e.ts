/**
 * Scoring journeys end to end (issue 7): an admin edits the scoring model, makes a mistake
 * and fixes it, previews the tier distribution over the org's leads, saves a new draft and
 * activates it; then a rep rescores a lead and the new model version scores it. Checks what
 * people see, what ends up in the database, axe and a clean console.
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

async function visit(hash: string) {
    await s.page.goto('about:blank');
    await s.page.goto(`${org.url}/${hash}`);
}

async function expectClean() {
    expect(await axeScan(s.page)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
}

function models() {
    return org.find('LL_Scoring_Model__c', {}, [
        'Id',
        'LL_Version__c',
        'LL_Status__c',
        'LL_Definition__c',
        'LL_Activated_At__c'
    ]);
}

describe('Scoring model: edit, validate, preview, save, activate, rescore', () => {
    it('walks the whole loop and the new version scores leads', async () => {
        const before = models();
        const activeBefore = before.find((m) => m.LL_Status__c === 'Active')!;
        expect(activeBefore).toBeTruthy();

        await visit('#/lightning/n/LL_Scoring_Model');
        const editor = s.page.locator('[data-component="scoringModelEditor"]');
        await editor.getByText('The model is valid.').waitFor();

        // A mistake: grade B above grade A. The rule is named; saving is blocked.
        const setNumber = async (label: string, value: string) => {
            const input = editor.getByLabel(label, { exact: true });
            await input.fill(value);
            await input.blur();
        };
        await setNumber('Grade B from', '80');
        await editor.getByText('1 problem to fix before saving or activating.').waitFor();
        await editor.getByText('Grade thresholds: B (80) must be below A (65).').waitFor();
        expect(await editor.getByRole('button', { name: 'Save as new draft' }).isDisabled()).toBe(
            true
        );
        await expectClean();

        // Fixed.
        await setNumber('Grade B from', '45');
        await editor.getByText('The model is valid.').waitFor();

        // Preview over every open lead in the org.
        const open = org.find('Lead', { IsConverted: false }, ['Id']);
        await editor.getByRole('button', { name: 'Preview over current leads' }).click();
        const summary = editor.locator('[data-id="preview-summary"]');
        await summary.waitFor();
        const first = await summary.innerText();
        expect(first).toMatch(new RegExp(`^${open.length} leads: Hot \\d+`));
        const hot = (text: string) => Number(/Hot (\d+)/.exec(text)![1]);
        const warm = (text: string) => Number(/Warm (\d+)/.exec(text)![1]);

        // A looser model: far lower grade thresholds. The preview follows as you type.
        await setNumber('Grade A from', '20');
        await setNumber('Grade B from', '10');
        await setNumber('Grade C from', '0');
        await expect.poll(() => summary.innerText()).not.toBe(first);
        const looser = await summary.innerText();
        expect(hot(looser) + warm(looser)).toBeGreaterThanOrEqual(hot(first) + warm(first));
        await expectClean();

        // Save as a new draft version.
        const description = editor.getByLabel('Description of this version');
        await description.fill('Looser grades (e2e)');
        await description.blur();
        await editor.getByRole('button', { name: 'Save as new draft' }).click();
        await s.page.locator('[data-id="toast"]').getByText('Draft saved').waitFor();
        const afterSave = models();
        expect(afterSave).toHaveLength(before.length + 1);
        const draft = afterSave.find((m) => !before.some((b) => b.Id === m.Id))!;
        expect(draft.LL_Status__c).toBe('Draft');
        expect(JSON.parse(String(draft.LL_Definition__c)).grades).toEqual({ A: 20, B: 10, C: 0 });

        // Activate it: exactly one Active, the old one Retired, every version kept.
        const activate = editor.getByRole('button', { name: 'Activate this version' });
        await expect.poll(() => activate.isEnabled()).toBe(true);
        await activate.click();
        await s.page.locator('[data-id="toast"]').getByText('Model activated').waitFor();
        const afterActivate = models();
        expect(afterActivate).toHaveLength(before.length + 1);
        expect(afterActivate.filter((m) => m.LL_Status__c === 'Active').map((m) => m.Id)).toEqual([
            draft.Id
        ]);
        expect(afterActivate.find((m) => m.Id === activeBefore.Id)!.LL_Status__c).toBe('Retired');
        expect(afterActivate.find((m) => m.Id === draft.Id)!.LL_Activated_At__c).toBeTruthy();
        await expectClean();

        // A rep rescores a lead: the new version scores it, and the card says so.
        const lead = open[0];
        await visit(`#/lightning/r/Lead/${lead.Id}/view`);
        const card = s.page.locator('[data-component="leadScoreCard"]');
        await card.getByText('Why this lead came in').waitFor();
        await card.getByRole('button', { name: 'Rescore now' }).click();
        await s.page.locator('[data-id="toast"]').getByText('Lead rescored').waitFor();
        const scored = org.find('Lead', { Id: lead.Id }, [
            'LL_Model_Version__c',
            'LL_Tier__c',
            'LL_Fit_Grade__c'
        ])[0];
        expect(Number(scored.LL_Model_Version__c)).toBe(Number(draft.LL_Version__c));
        await expect
            .poll(() => card.innerText())
            .toContain(`model v${Number(draft.LL_Version__c)}`);
        expect(await card.locator('[data-id="tier"]').innerText()).toBe(String(scored.LL_Tier__c));
        await expectClean();
    });
});
