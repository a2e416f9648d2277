/**
 * Hand back to marketing end to end (issue 14), clicking and typing as a rep and a marketer
 * do: the Lead record page's "Hand Back to Marketing" quick action opens in a modal; bad
 * input is refused with nothing written (no reason, "Other" without notes, a past date, a
 * lead converted after its page opened, a lead someone else saved after the action opened, a
 * user without edit access); a lead is
 * handed back, shows in the Nurture Queue with its reason, is undone and handed back again,
 * turns Hot ("Rescore now" marks it ready to return) and goes back to its previous owner
 * from the queue, while a lead whose previous owner left goes by the rule. The database is
 * checked after each step; axe and a clean console at each stop.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { DEFAULT_SETTINGS, settingsToRecord } from '../../core/src/index';
import { READ_ONLY_PROFILE_ID } from '../../localorg/src/store/access';
import {
    clickTab,
    component,
    expectClean,
    openLead,
    pageHeading,
    shownDate,
    toast,
    typeInto,
    useApp
} from './app';

const app = useApp();

const DAY = 86_400_000;
const HANDBACK_FIELDS = [
    'Id',
    'Name',
    'Status',
    'OwnerId',
    'Company',
    'LL_Handback_Reason__c',
    'LL_Handback_Notes__c',
    'LL_Handback_Count__c',
    'LL_Handed_Back_At__c',
    'LL_Previous_Owner__c',
    'LL_Previous_Status__c',
    'LL_Recycled_Count__c',
    'LL_Ready_To_Return__c',
    'LL_Tier__c'
];

function userId(name: string): string {
    return String(app.org.find('User', { Name: name }, ['Id'])[0].Id);
}

function lead(id: string) {
    return app.org.find('Lead', { Id: id }, HANDBACK_FIELDS)[0];
}

function tasksOf(id: string) {
    return app.org.find('Task', { WhoId: id }, ['Id', 'Subject', 'Status']);
}

/** Open leads of `owner` in Working, not in nurture: candidates to hand back. */
function workingLeadsOf(owner: string) {
    return app.org
        .find('Lead', { OwnerId: userId(owner), Status: 'Working', IsConverted: false }, [
            'Id',
            'Name'
        ])
        .map((l) => ({ id: String(l.Id), name: String(l.Name) }));
}

/** Opens the lead's "Hand Back to Marketing" action from its record page; answers the modal. */
async function openAction(name: string): Promise<Locator> {
    await openLead(app.page, name);
    await app.page.getByRole('button', { name: 'Hand Back to Marketing' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Hand Back to Marketing' });
    await dialog.waitFor();
    return dialog;
}

async function chooseReason(dialog: Locator, label: string): Promise<void> {
    await dialog.getByRole('combobox', { name: 'Reason' }).click();
    await dialog.getByRole('option', { name: label, exact: true }).click();
}

async function setDate(dialog: Locator, date: Date): Promise<void> {
    const field = dialog.getByLabel('Nurture until');
    await field.fill(shownDate(date));
    await field.press('Tab');
}

async function closed(dialog: Locator): Promise<void> {
    await dialog.waitFor({ state: 'detached' });
}

/** The failed request a refused write leaves in the console (the browser logs any). */
function expectRefusedRequestLogged(status: string): void {
    expect(app.session.consoleErrors.splice(0)).toEqual([expect.stringContaining(status)]);
}

const queue = () => component(app.page, 'Lead Loop Nurture Queue');

/** The Nurture Queue's row of a lead. */
function queueRow(name: string): Locator {
    return queue().getByRole('row').filter({ hasText: name });
}

describe('Hand back to marketing', () => {
    // A journey that failed with the modal open leaves the page as a person would find it.
    afterEach(async () => {
        const close = app.page.getByRole('button', { name: 'Cancel and close' });
        if (await close.isVisible()) await close.click();
    });
    let handed: { id: string; name: string };
    let conflict: { id: string; name: string };
    let leaverLead: { id: string; name: string };
    let converted: { id: string; name: string };

    it('refuses a missing reason, "Other" without notes and a past date, writing nothing', async () => {
        const { page } = app;
        [handed, conflict, converted] = workingLeadsOf('Rita Rep');
        [leaverLead] = workingLeadsOf('Sam Seller');
        await page.getByLabel('Act as').selectOption(userId('Rita Rep'));
        await page.waitForLoadState('load');
        const before = lead(handed.id);
        const tasks = tasksOf(handed.id).length;

        const dialog = await openAction(handed.name);
        await dialog.getByRole('combobox', { name: 'Reason' }).waitFor();
        await expectClean(app);
        await dialog.getByRole('button', { name: 'Hand back', exact: true }).click();
        await dialog.getByText('Choose why the lead goes back to marketing.').waitFor();

        await chooseReason(dialog, 'Other');
        await dialog.getByRole('button', { name: 'Hand back', exact: true }).click();
        await dialog
            .getByText('Add notes: "Other" needs a few words on why, for marketing.')
            .waitFor();

        await typeInto(dialog.getByLabel('Notes'), 'Wants to revisit after their reorganisation.');
        await setDate(dialog, new Date(Date.now() - DAY));
        await dialog.getByRole('button', { name: 'Hand back', exact: true }).click();
        await dialog.getByText(/The nurture-until date must be after today/).waitFor();
        await expectClean(app);
        expect(lead(handed.id)).toEqual(before);
        expect(tasksOf(handed.id)).toHaveLength(tasks);

        // Cancel closes the modal; still nothing written.
        await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
        await closed(dialog);
        expect(lead(handed.id)).toEqual(before);
    });

    it('keeps the keyboard inside the modal and gives the focus back to its button', async () => {
        const { page } = app;
        const before = lead(handed.id);
        const dialog = await openAction(handed.name);
        await dialog.getByRole('combobox', { name: 'Reason' }).waitFor();
        const first = dialog.getByRole('button', { name: 'Cancel and close' });
        const last = dialog.getByRole('button', { name: 'Hand back', exact: true });
        const isFocused = (control: Locator) => control.evaluate((el) => el.matches(':focus'));
        // Where the keyboard is, looked up through the shadow roots around it.
        const focusInDialog = () =>
            dialog.evaluate((d) => {
                let n: Node | null = document.activeElement;
                while (n instanceof Element && n.shadowRoot?.activeElement) {
                    n = n.shadowRoot.activeElement;
                }
                for (; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) {
                    if (n === d) return true;
                }
                return false;
            });
        // The modal takes the focus when it opens.
        await expect.poll(focusInDialog).toBe(true);

        // Shift+Tab from the modal itself goes to its last control; Tab from there wraps to
        // the first, and Shift+Tab from the first wraps back to the last.
        await page.keyboard.press('Shift+Tab');
        await expect.poll(() => isFocused(last)).toBe(true);
        await page.keyboard.press('Tab');
        await expect.poll(() => isFocused(first)).toBe(true);
        await page.keyboard.press('Shift+Tab');
        await expect.poll(() => isFocused(last)).toBe(true);

        // Tab walks the form from the first control to the last without leaving the modal.
        await page.keyboard.press('Tab');
        await expect.poll(() => isFocused(first)).toBe(true);
        let presses = 0;
        while (!(await isFocused(last)) && presses < 12) {
            await page.keyboard.press('Tab');
            presses += 1;
            expect(await focusInDialog()).toBe(true);
        }
        expect(await isFocused(last)).toBe(true);
        expect(presses).toBeGreaterThan(2); // through the reason, notes and date at least
        await page.keyboard.press('Tab');
        await expect.poll(() => isFocused(first)).toBe(true);
        await expectClean(app);

        // Escape closes it and the focus goes back to the button that opened it.
        await page.keyboard.press('Escape');
        await closed(dialog);
        const opener = page.getByRole('button', { name: 'Hand Back to Marketing' });
        await expect.poll(() => isFocused(opener)).toBe(true);
        // The close button does the same, and nothing was written.
        await opener.click();
        await dialog.getByRole('combobox', { name: 'Reason' }).waitFor();
        await first.click();
        await closed(dialog);
        await expect.poll(() => isFocused(opener)).toBe(true);
        expect(lead(handed.id)).toEqual(before);
    });

    it('refuses a lead converted after its page opened, writing nothing', async () => {
        const { page, org } = app;
        await openLead(page, converted.name);
        // Someone converts the lead elsewhere while the rep has its page open.
        const convertedDate = new Date().toISOString().slice(0, 10);
        org.convertLead(converted.id, { status: 'Closed - Converted', convertedDate });
        const before = lead(converted.id);
        const tasks = tasksOf(converted.id).length;

        await page.getByRole('button', { name: 'Hand Back to Marketing' }).click();
        const dialog = page.getByRole('dialog', { name: 'Hand Back to Marketing' });
        await dialog
            .getByText(
                `This lead was converted on ${convertedDate}; a converted lead cannot be handed back to marketing.`
            )
            .waitFor();
        await expect
            .poll(() => dialog.getByRole('button', { name: 'Hand back', exact: true }).isDisabled())
            .toBe(true);
        await expectClean(app);
        expect(lead(converted.id)).toEqual(before);
        expect(before.Status).toBe('Closed - Converted');
        expect(tasksOf(converted.id)).toHaveLength(tasks);
        await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
        await closed(dialog);
        expect(lead(converted.id)).toEqual(before);
    });

    it('hands a lead back: nurture queue owner and status, previous owner kept, a completed Task', async () => {
        const { page } = app;
        const rita = userId('Rita Rep');
        const dialog = await openAction(handed.name);
        await chooseReason(dialog, 'Not ready / timing');
        await typeInto(dialog.getByLabel('Notes'), 'Budget review in spring.');
        await setDate(dialog, new Date(Date.now() + 30 * DAY));
        await dialog.getByRole('button', { name: 'Hand back', exact: true }).click();
        await toast(page, 'Handed back to marketing');
        await closed(dialog);
        // The record page shows the lead as saved.
        await expect
            .poll(() => page.locator('[data-field="Status"]').innerText())
            .toBe('Nurturing');
        const after = lead(handed.id);
        expect(after).toMatchObject({
            Status: 'Nurturing',
            LL_Handback_Reason__c: 'Not_Ready',
            LL_Handback_Notes__c: 'Budget review in spring.',
            LL_Handback_Count__c: 1,
            LL_Previous_Owner__c: rita,
            LL_Previous_Status__c: 'Working'
        });
        expect(String(after.OwnerId).startsWith('00G')).toBe(true);
        expect(tasksOf(handed.id)).toContainEqual(expect.objectContaining({ Status: 'Completed' }));
        await expectClean(app);
    });

    it('shows the lead in the Nurture Queue with its reason and notes', async () => {
        const { page } = app;
        await clickTab(page, 'Nurture Queue');
        await pageHeading(page, /Nurture Queue/).waitFor();
        const row = queueRow(handed.name);
        await row.waitFor();
        expect(await row.innerText()).toContain('Not ready / timing');
        expect(await row.innerText()).toContain('Budget review in spring.');
        await expectClean(app);
    });

    it('undoes the hand-back from the record, then hands it back again', async () => {
        const { page } = app;
        const rita = userId('Rita Rep');
        let dialog = await openAction(handed.name);
        await dialog.getByText(/Nothing else has changed this lead since/).waitFor();
        await expectClean(app);
        await dialog.getByRole('button', { name: 'Undo hand-back' }).click();
        await toast(page, 'Hand-back undone');
        await closed(dialog);
        // Undo puts back what the hand-back changed, its count included.
        expect(lead(handed.id)).toMatchObject({
            Status: 'Working',
            OwnerId: rita,
            LL_Handback_Count__c: 0
        });

        dialog = await openAction(handed.name);
        await chooseReason(dialog, 'No budget');
        // The date is defaulted from the reason; confirm with the keyboard.
        await dialog.getByRole('button', { name: 'Hand back', exact: true }).focus();
        await page.keyboard.press('Enter');
        await toast(page, 'Handed back to marketing');
        await closed(dialog);
        expect(lead(handed.id)).toMatchObject({
            Status: 'Nurturing',
            LL_Handback_Reason__c: 'No_Budget',
            LL_Handback_Count__c: 1,
            LL_Previous_Owner__c: rita
        });
    });

    it('reports a lead someone else saved after the action opened, and overwrites nothing', async () => {
        const dialog = await openAction(conflict.name);
        await chooseReason(dialog, 'Bad fit');
        // Someone else saves the lead meanwhile (another user, an integration).
        app.org.update('Lead', conflict.id, { Company: 'Renamed Elsewhere Ltd' });
        const tasks = tasksOf(conflict.id).length;
        await dialog.getByRole('button', { name: 'Hand back', exact: true }).click();
        await dialog
            .getByText(/Someone else changed this lead after you opened this action/)
            .waitFor();
        expectRefusedRequestLogged('412 (Precondition Failed)');
        await expectClean(app);
        expect(lead(conflict.id)).toMatchObject({
            Status: 'Working',
            Company: 'Renamed Elsewhere Ltd',
            LL_Handed_Back_At__c: null
        });
        expect(tasksOf(conflict.id)).toHaveLength(tasks);
        await dialog.getByRole('button', { name: 'Cancel and close' }).click();
        await closed(dialog);
    });

    it('turns Hot: "Rescore now" marks it ready to return', async () => {
        const { page, org } = app;
        // The lead engages again (data changed through the API): a CEO who asked for a demo.
        org.update('Lead', handed.id, {
            Title: 'CEO',
            NumberOfEmployees: 1200,
            Industry: 'Technology',
            Country: 'United States',
            LeadSource: 'Web'
        });
        for (const subject of ['Product demo', 'Trial kickoff meeting']) {
            org.create('Task', {
                WhoId: handed.id,
                Subject: subject,
                Status: 'Completed',
                ActivityDate: new Date().toISOString().slice(0, 10)
            });
        }
        await openLead(page, handed.name);
        const card = component(page, 'Lead Loop Score Card');
        await card.getByText('Why this score').waitFor();
        await card.getByRole('button', { name: 'Rescore now' }).click();
        await toast(page, 'Lead rescored');
        expect(lead(handed.id)).toMatchObject({
            LL_Tier__c: 'Hot',
            LL_Ready_To_Return__c: 'Scores Hot again'
        });
        await expectClean(app);
    });

    it("returns it to its previous owner; a leaver's lead goes by the rule", async () => {
        const { page, org } = app;
        const rita = userId('Rita Rep');
        // Sam's lead is handed back, then Sam leaves the company.
        const dialog = await openAction(leaverLead.name);
        await chooseReason(dialog, 'Not the decision maker');
        await dialog.getByRole('button', { name: 'Hand back', exact: true }).click();
        await toast(page, 'Handed back to marketing');
        await closed(dialog);
        const sam = userId('Sam Seller');
        org.update('User', sam, { IsActive: false });
        // The admin has set the org's statuses (the defaults open a lead as the standard
        // "Open - Not Contacted"): a lead going to a new owner starts as New.
        org.create(
            'LL_Settings__c',
            settingsToRecord({ ...DEFAULT_SETTINGS, openStatuses: ['New'] })
        );

        await clickTab(page, 'Nurture Queue');
        await queueRow(handed.name).waitFor();
        expect(await queueRow(handed.name).innerText()).toContain('Scores Hot again.');
        for (const name of [handed.name, leaverLead.name]) {
            await queueRow(name).getByRole('checkbox').check({ force: true });
        }
        await queue().getByRole('button', { name: 'Return to sales' }).click();
        const plan = queue().getByRole('region', { name: 'Return to sales: preview' });
        await plan.waitFor();
        await plan
            .getByText(`${handed.name} → Rita Rep. Back to Rita Rep, who handed it back.`)
            .waitFor();
        const leaverLine = await plan
            .getByRole('listitem')
            .filter({ hasText: leaverLead.name })
            .innerText();
        const m = new RegExp(
            `^${leaverLead.name} → (.+)\\. Round-robin to \\1: Sam Seller, who handed it back, is no longer active\\.$`
        ).exec(leaverLine.trim());
        expect(m, leaverLine).not.toBeNull();
        await expectClean(app);
        expect(lead(handed.id).Status).toBe('Nurturing');

        await queue().getByRole('button', { name: 'Return 2 leads' }).click();
        await queue().getByText(`${handed.name}: returned to Rita Rep.`).waitFor();
        expect(lead(handed.id)).toMatchObject({
            OwnerId: rita,
            Status: 'Working',
            LL_Recycled_Count__c: 1,
            LL_Ready_To_Return__c: null
        });
        const toRule = lead(leaverLead.id);
        const [newOwner] = org.find('User', { Name: m![1] }, ['Id', 'IsActive']);
        expect(newOwner).toEqual({ Id: toRule.OwnerId, IsActive: true });
        expect(toRule.Status).toBe('New');
        expect(toRule.LL_Recycled_Count__c).toBe(1);
        await expectClean(app);
    });

    it("shows the platform's error to a user without edit access, and writes nothing", async () => {
        const { page, org } = app;
        org.create('User', {
            FirstName: 'Rhea',
            LastName: 'Reader',
            Title: 'Marketing Analyst',
            Username: 'rhea@leadloop.local',
            IsActive: true,
            ProfileId: READ_ONLY_PROFILE_ID
        });
        // The Act as list is read when the app loads: switching user reloads it.
        await page.getByLabel('Act as').selectOption(userId('Max Manager'));
        await page.waitForLoadState('load');
        await page.getByLabel('Act as').selectOption(userId('Rhea Reader'));
        await page.waitForLoadState('load');
        const before = lead(conflict.id);
        const tasks = tasksOf(conflict.id).length;
        const dialog = await openAction(conflict.name);
        await chooseReason(dialog, 'Bad fit');
        await dialog.getByRole('button', { name: 'Hand back', exact: true }).click();
        await dialog.getByText('insufficient access rights on object id').waitFor();
        expectRefusedRequestLogged('403 (Forbidden)');
        await expectClean(app);
        expect(lead(conflict.id)).toEqual(before);
        expect(tasksOf(conflict.id)).toHaveLength(tasks);
        await page.keyboard.press('Escape');
        await closed(dialog);
    });
});
