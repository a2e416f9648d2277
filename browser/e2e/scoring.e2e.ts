/**
 * Scoring journeys end to end (issue 7): an admin edits the scoring model, makes a mistake
 * and fixes it, previews the tier distribution over the org's leads, saves a new draft and
 * activates it; then a rep rescores a lead and the new model version scores it. Moved
 * through as a person does (tabs, links, buttons, the keyboard). Checks what people see,
 * what ends up in the database, axe and a clean console.
 */
import { describe, expect, it } from 'vitest';
import { clickTab, component, expectClean, openLead, toast, typeInto, useApp } from './app';

const app = useApp();

function models() {
    return app.org.find('LL_Scoring_Model__c', {}, [
        'Id',
        'LL_Version__c',
        'LL_Status__c',
        'LL_Definition__c',
        'LL_Activated_At__c'
    ]);
}

describe('Scoring model: edit, validate, preview, save, activate, rescore', () => {
    it('walks the whole loop and the new version scores leads', async () => {
        const { page, org } = app;
        const before = models();
        const activeBefore = before.find((m) => m.LL_Status__c === 'Active')!;
        expect(activeBefore).toBeTruthy();

        await clickTab(page, 'Scoring Model');
        const editor = component(page, 'Lead Loop Scoring Model Editor');
        await editor.getByText('The model is valid.').waitFor();

        // A mistake: grade B above grade A. The rule is named; saving is blocked.
        const setNumber = (label: string, value: string) =>
            typeInto(editor.getByLabel(label, { exact: true }), value);
        await setNumber('Grade B from', '80');
        await editor.getByText('1 problem to fix before saving or activating.').waitFor();
        await editor.getByText('Grade thresholds: B (80) must be below A (65).').waitFor();
        expect(await editor.getByRole('button', { name: 'Save as new draft' }).isDisabled()).toBe(
            true
        );
        await expectClean(app);

        // Fixed.
        await setNumber('Grade B from', '45');
        await editor.getByText('The model is valid.').waitFor();

        // Preview over every open lead in the org.
        const open = org.find('Lead', { IsConverted: false }, ['Id', 'Name']);
        await editor.getByRole('button', { name: 'Preview over current leads' }).click();
        const summary = editor.getByText(/^\d+ leads: Hot \d+/);
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
        await expectClean(app);

        // Save as a new draft version.
        await typeInto(editor.getByLabel('Description of this version'), 'Looser grades (e2e)');
        await editor.getByRole('button', { name: 'Save as new draft' }).click();
        await toast(page, 'Draft saved');
        const afterSave = models();
        expect(afterSave).toHaveLength(before.length + 1);
        const draft = afterSave.find((m) => !before.some((b) => b.Id === m.Id))!;
        expect(draft.LL_Status__c).toBe('Draft');
        expect(JSON.parse(String(draft.LL_Definition__c)).grades).toEqual({ A: 20, B: 10, C: 0 });

        // Activate it: exactly one Active, the old one Retired, every version kept.
        const activate = editor.getByRole('button', { name: 'Activate this version' });
        await expect.poll(() => activate.isEnabled()).toBe(true);
        await activate.click();
        await toast(page, 'Model activated');
        const afterActivate = models();
        expect(afterActivate).toHaveLength(before.length + 1);
        expect(afterActivate.filter((m) => m.LL_Status__c === 'Active').map((m) => m.Id)).toEqual([
            draft.Id
        ]);
        expect(afterActivate.find((m) => m.Id === activeBefore.Id)!.LL_Status__c).toBe('Retired');
        expect(afterActivate.find((m) => m.Id === draft.Id)!.LL_Activated_At__c).toBeTruthy();
        await expectClean(app);

        // A rep opens a lead from the Leads tab and rescores it: the new version scores it,
        // and the card says so.
        const lead = open[0];
        await openLead(page, String(lead.Name));
        const card = component(page, 'Lead Loop Score Card');
        await card.getByText('Why this lead came in').waitFor();
        await card.getByRole('button', { name: 'Rescore now' }).click();
        await toast(page, 'Lead rescored');
        const scored = org.find('Lead', { Id: lead.Id }, [
            'LL_Model_Version__c',
            'LL_Tier__c',
            'LL_Fit_Grade__c'
        ])[0];
        expect(Number(scored.LL_Model_Version__c)).toBe(Number(draft.LL_Version__c));
        await expect
            .poll(() => card.innerText())
            .toContain(`model v${Number(draft.LL_Version__c)}`);
        expect(await card.innerText()).toMatch(new RegExp(`\\bTier\\s+${scored.LL_Tier__c}\\b`));
        await expectClean(app);
    });
});
