/**
 * The weekly lead review end to end (issue 15): a manager opens the Review Board tab,
 * switches to meeting mode, runs a meeting over the two reps of the demo team with the
 * keyboard (shortcuts, typing notes and next steps, a past date refused), reloads in the
 * middle and resumes where it was, ends it and reads the summary. The meeting and its
 * entries are in the local org afterwards; a rep then sees the next step on their own
 * view. axe and a clean console at each stop.
 */
import { describe, expect, it } from 'vitest';
import { clickTab, component, expectClean, shownDate, useApp } from './app';

const app = useApp();

describe('Review board: a meeting with the keyboard, resumed after a reload', () => {
    it('runs the meeting, keeps every entry and shows the rep their next steps', async () => {
        const { page, org } = app;
        await clickTab(page, 'Review Board');
        const board = component(page, 'Lead Review Board');
        await board.getByText(/^\d+ open leads/).waitFor();
        await expectClean(app);

        await board.getByRole('button', { name: 'Meeting mode' }).click();
        await board.getByRole('combobox', { name: 'Team' }).click();
        await board.getByRole('option', { name: "Max Manager's team" }).click();
        await board.getByRole('button', { name: 'Start meeting' }).click();
        const position = board.getByText(/^Rep \d of 2: /);
        await position.waitFor();
        expect(await position.innerText()).toMatch(
            /^Rep 1 of 2: Rita Rep · lead 1 of 18 · 0 of 36 reviewed/
        );
        await expectClean(app);

        const walk = board.locator('[data-id="walk"]');
        // Rep 1, lead 1: notes and a next step, then a date in the past is refused.
        await walk.focus();
        await page.keyboard.press('p');
        await page.keyboard.type('Pricing sent, legal reviewing');
        await page.keyboard.press('Escape');
        await page.keyboard.press('n');
        await page.keyboard.type('Call legal about the contract');
        await page.keyboard.press('Escape');
        const yesterday = new Date(Date.now() - 86_400_000);
        const today = new Date();
        const dateField = board.getByLabel('Next-step date');
        await dateField.fill(shownDate(yesterday));
        await dateField.press('Tab');
        await board
            .getByText(/^The next-step date \d{4}-\d{2}-\d{2} is in the past; pick today/)
            .waitFor();
        await walk.focus();
        await page.keyboard.press('r');
        expect(await position.innerText()).toMatch(/lead 1 of 18 · 0 of 36 reviewed/);
        await dateField.fill(shownDate(today));
        await dateField.press('Tab');
        await walk.focus();
        await page.keyboard.press('r');
        await expect
            .poll(() => position.innerText())
            .toMatch(/^Rep 1 of 2: Rita Rep · lead 2 of 18 · 1 of 36 reviewed/);
        // Next rep with Shift+J; its first lead reviewed with a note.
        await page.keyboard.press('Shift+J');
        await expect
            .poll(() => position.innerText())
            .toMatch(/^Rep 2 of 2: Sam Seller · lead 1 of 18/);
        await page.keyboard.press('p');
        await page.keyboard.type('No answer twice; trying email');
        await page.keyboard.press('Escape');
        await page.keyboard.press('r');
        await expect
            .poll(() => position.innerText())
            .toMatch(/^Rep 2 of 2: Sam Seller · lead 2 of 18 · 2 of 36 reviewed/);
        await expectClean(app);

        // Reload mid-meeting: resume where it was.
        await page.reload();
        const again = component(page, 'Lead Review Board');
        await again.getByRole('button', { name: 'Meeting mode' }).click();
        await again.getByRole('button', { name: 'Resume' }).click();
        await expect
            .poll(() => again.getByText(/^Rep \d of 2: /).innerText())
            .toMatch(/^Rep 2 of 2: Sam Seller · lead 2 of 18 · 2 of 36 reviewed/);
        await again.locator('[data-id="walk"]').focus();
        await page.keyboard.press('r');
        await expect
            .poll(() => again.getByText(/^Rep \d of 2: /).innerText())
            .toMatch(/3 of 36 reviewed$/);

        // End: the summary, and the records in the org.
        // The save of that lead finishes (the button is enabled again) before the end.
        await expect
            .poll(() => again.getByRole('button', { name: 'Mark reviewed' }).isEnabled())
            .toBe(true);
        await page.keyboard.press('e');
        const summary = again.getByRole('region', { name: 'Meeting summary' });
        await summary.getByText('3 of 36 leads reviewed (8%)').waitFor();
        await expectClean(app);
        const meetings = org.find('LL_Review_Meeting__c', {}, [
            'Id',
            'LL_Status__c',
            'LL_Leads_Reviewed__c',
            'LL_Leads_In_Scope__c',
            'LL_Summary__c'
        ]);
        expect(meetings).toHaveLength(1);
        expect(meetings[0]).toMatchObject({
            LL_Status__c: 'Completed',
            LL_Leads_Reviewed__c: 3,
            LL_Leads_In_Scope__c: 36
        });
        const entries = org.find('LL_Review_Entry__c', { LL_Meeting__c: meetings[0].Id }, [
            'LL_Lead__c',
            'LL_Progress__c',
            'LL_Next_Step__c',
            'LL_Next_Step_Date__c',
            'LL_Reviewed_At__c'
        ]);
        expect(entries).toHaveLength(3);
        const first = entries.find((e) => e.LL_Progress__c === 'Pricing sent, legal reviewing')!;
        expect(first).toMatchObject({
            LL_Next_Step__c: 'Call legal about the contract',
            LL_Next_Step_Date__c: today.toISOString().slice(0, 10)
        });
        const lead = org.find('Lead', { Id: first.LL_Lead__c }, [
            'LL_Next_Step__c',
            'LL_Next_Step_Date__c',
            'OwnerId'
        ])[0];
        expect(lead.LL_Next_Step__c).toBe('Call legal about the contract');

        // The rep sees the next step on their own view.
        await page.getByLabel('Act as').selectOption(String(lead.OwnerId));
        await clickTab(page, 'Review Board');
        const mine = component(page, 'My Leads to Act On');
        await mine.getByText('Next: Call legal about the contract', { exact: false }).waitFor();
        await expectClean(app);
    });
});
