/**
 * The weekly lead review end to end (issue 15): a manager opens the Review Board tab,
 * switches to meeting mode, runs a meeting over the two reps of the demo team with the
 * keyboard (shortcuts, typing notes and next steps, a past date refused), reloads in the
 * middle and resumes where it was, ends it and reads the summary. The meeting and its
 * entries are in the local org afterwards. A second meeting meets the bad cases, changed
 * behind its back in the org: a lead another manager saves meanwhile (the review kept,
 * their change not written over, a message), a lead handed back to marketing from the
 * meeting with the keyboard (the hand-back action itself; the lead's status changed in the
 * org, the entry's outcome Handed_Back), a lead deleted meanwhile (the review kept without
 * the link). Then the board by keyboard: arrows across cards and lanes, Home, Enter opens
 * a card's Move to menu and a status chosen there is written. A rep then sees the next
 * step on their own view. End goes to a lane's true last card, past the 20 cards it shows
 * at first. axe and a clean console at each stop.
 */
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
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

        // A second meeting: a lead handed back to marketing from the meeting, by keyboard.
        await again.getByRole('button', { name: 'Close' }).click();
        await again.getByRole('combobox', { name: 'Team' }).click();
        await again.getByRole('option', { name: "Max Manager's team" }).click();
        await again.getByRole('button', { name: 'Start meeting' }).click();
        const at = again.getByText(/^Rep \d of 2: /);
        await expect.poll(() => at.innerText()).toMatch(/lead 1 of 18 · 0 of 36 reviewed/);
        const cardOnScreen = again.locator('c-review-meeting-lead [data-id="card"]');
        const message = again.locator('[data-id="meeting-message"]');
        // Another manager saves the same lead while the meeting is on it: the review is
        // kept in the meeting, their change is not written over, and the message says so.
        const contestedId = (await cardOnScreen.getAttribute('data-lead'))!;
        const theirStep = org.find('Lead', { Id: contestedId }, ['LL_Next_Step__c'])[0]
            .LL_Next_Step__c;
        org.update('Lead', contestedId, { Title: 'VP Finance' });
        await again.locator('[data-id="walk"]').focus();
        await page.keyboard.press('p');
        await page.keyboard.type('Discussed at the same time as Max');
        await page.keyboard.press('Escape');
        await page.keyboard.press('n');
        await page.keyboard.type('My next step');
        await page.keyboard.press('Escape');
        await page.keyboard.press('r');
        await expect
            .poll(() => message.textContent())
            .toMatch(/^Someone else changed .+ while the meeting was on it/);
        expect(await at.innerText()).toMatch(/lead 1 of 18 · 1 of 36 reviewed/);
        expect(org.find('Lead', { Id: contestedId }, ['LL_Next_Step__c', 'Title'])[0]).toEqual({
            LL_Next_Step__c: theirStep,
            Title: 'VP Finance'
        });
        // The refused write shows in the console as the browser logs any failed request.
        expect(app.session.consoleErrors.splice(0)).toEqual([
            expect.stringContaining('412 (Precondition Failed)')
        ]);
        await page.keyboard.press('j');
        await expect.poll(() => at.innerText()).toMatch(/lead 2 of 18 · 1 of 36 reviewed/);
        const handedId = await cardOnScreen.getAttribute('data-lead');
        await page.keyboard.press('h');
        const dialog = again.getByRole('dialog', { name: /^Hand back .+ to marketing$/ });
        const reason = dialog.getByRole('combobox', { name: 'Reason' });
        await reason.waitFor();
        await expectClean(app);
        // A modal: Tab from its last control goes to its first (the reason's help), Shift+Tab back.
        const confirm = dialog.getByRole('button', { name: 'Hand back', exact: true });
        const isFocused = (control: Locator) => control.evaluate((el) => el.matches(':focus'));
        await confirm.focus();
        await page.keyboard.press('Tab');
        await expect.poll(() => isFocused(dialog.getByRole('button').first())).toBe(true);
        await page.keyboard.press('Shift+Tab');
        await expect.poll(() => isFocused(confirm)).toBe(true);
        await reason.focus();
        await page.keyboard.press('ArrowDown');
        // The list opens on the next render: a key pressed before it shows is lost.
        await dialog.getByRole('option', { name: 'Not ready / timing' }).waitFor();
        await page.keyboard.press('ArrowDown');
        // Enter picks the highlighted option, once the highlight has rendered.
        await dialog.locator('[role="option"].slds-has-focus').waitFor();
        await page.keyboard.press('Enter');
        await expect.poll(() => dialog.getByRole('option').count()).toBe(0);
        // A reason is chosen (the first or second, as the list opened with one highlighted or not).
        await expect.poll(() => dialog.innerText()).not.toContain('Choose a reason');
        await dialog.getByRole('textbox', { name: 'Notes' }).focus();
        await page.keyboard.type('No budget until the spring; keep them warm');
        await dialog.getByRole('button', { name: 'Hand back', exact: true }).focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => at.innerText()).toMatch(/lead 3 of 18 · 2 of 36 reviewed/);
        await expect.poll(() => dialog.count()).toBe(0);
        const handed = org.find('Lead', { Id: handedId }, ['Status', 'LL_Handback_Notes__c'])[0];
        expect(handed).toMatchObject({
            Status: 'Nurturing',
            LL_Handback_Notes__c: 'No budget until the spring; keep them warm'
        });
        const second = org
            .find('LL_Review_Meeting__c', { LL_Status__c: 'In_Progress' }, ['Id'])
            .map((m) => m.Id);
        expect(second).toHaveLength(1);
        await expectClean(app);

        // A lead deleted while the meeting is on it: the review is kept without the link.
        const deletedId = (await cardOnScreen.getAttribute('data-lead'))!;
        org.remove('Lead', deletedId);
        await page.keyboard.press('p');
        await page.keyboard.type('They merged into another account');
        await page.keyboard.press('Escape');
        await page.keyboard.press('r');
        await expect
            .poll(() => message.textContent())
            .toMatch(/ was deleted during the meeting\. Your review is kept in the meeting/);
        // The refused entry link and lead write, as the browser logs failed requests.
        await expect
            .poll(() => again.getByRole('button', { name: 'Mark reviewed' }).isEnabled())
            .toBe(true);
        expect(app.session.consoleErrors.splice(0)).toEqual([
            expect.stringContaining('400 (Bad Request)'),
            expect.stringContaining('404 (Not Found)')
        ]);
        const secondEntries = org.find('LL_Review_Entry__c', { LL_Meeting__c: second[0] }, [
            'LL_Lead__c',
            'LL_Progress__c',
            'LL_Outcome__c',
            'LL_Status_After__c'
        ]);
        expect(secondEntries).toHaveLength(3);
        expect(secondEntries).toContainEqual(
            expect.objectContaining({
                LL_Lead__c: contestedId,
                LL_Progress__c: 'Discussed at the same time as Max'
            })
        );
        expect(secondEntries).toContainEqual(
            expect.objectContaining({
                LL_Lead__c: handedId,
                LL_Outcome__c: 'Handed_Back',
                LL_Status_After__c: 'Nurturing'
            })
        );
        expect(secondEntries).toContainEqual(
            expect.objectContaining({
                LL_Lead__c: null,
                LL_Progress__c: 'They merged into another account'
            })
        );
        await expectClean(app);

        // The board with the keyboard: arrows between cards and lanes, Enter opens the card's
        // Move to menu, and a status chosen there is written.
        await again.getByRole('button', { name: 'Back to the board' }).click();
        // Re-read: leads changed behind the board's back above would refuse a move.
        await again.getByRole('button', { name: 'Refresh' }).click();
        await again.getByText(/^\d+ open leads/).waitFor();
        await again.locator('[data-id="card"][tabindex="0"]').focus();
        const focusedCard = again.locator('[data-id="card"]:focus');
        const firstLabel = await focusedCard.getAttribute('aria-label');
        expect(firstLabel).toMatch(/, 1 of \d+ in /);
        const laneOf = (label: string | null) => /, \d+ of \d+ in (.+)$/.exec(label ?? '')?.[1];
        // Right to the next lane (a rep's, with many cards), down, Home, and back left.
        await page.keyboard.press('ArrowRight');
        await expect
            .poll(async () => laneOf(await focusedCard.getAttribute('aria-label')))
            .not.toBe(laneOf(firstLabel));
        expect(await focusedCard.getAttribute('aria-label')).toMatch(/, 1 of ([2-9]|\d\d+) in /);
        await page.keyboard.press('ArrowDown');
        await expect.poll(() => focusedCard.getAttribute('aria-label')).toMatch(/, 2 of \d+ in /);
        await page.keyboard.press('Home');
        await expect.poll(() => focusedCard.getAttribute('aria-label')).toMatch(/, 1 of \d+ in /);
        await page.keyboard.press('ArrowLeft');
        await expect.poll(() => focusedCard.getAttribute('aria-label')).toBe(firstLabel);
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => focusedCard.getAttribute('aria-label')).toMatch(/, 1 of \d+ in /);
        const movedId = await focusedCard.getAttribute('data-lead');
        const before = org.find('Lead', { Id: movedId }, ['Status'])[0].Status;
        await page.keyboard.press('Enter');
        // Down the menu to a status the org's Status picklist has (the settings' default
        // process also names Salesforce's standard values, which this org refuses).
        const focusedItem = again.locator('[role="menuitem"]:focus');
        let toStatus = '';
        for (let i = 0; i < 8 && !['Working', 'Qualified'].includes(toStatus); i++) {
            await page.keyboard.press('ArrowDown');
            toStatus = (await focusedItem.innerText()).trim();
        }
        expect(toStatus).not.toBe(before);
        await page.keyboard.press('Enter');
        await expect
            .poll(() => again.locator('[data-id="move-message"]').textContent())
            .toMatch(new RegExp(`moved to ${toStatus}\\.$`));
        expect(org.find('Lead', { Id: movedId }, ['Status'])[0].Status).toBe(toStatus);
        await expectClean(app);

        // The rep sees the next step on their own view.
        await page.getByLabel('Act as').selectOption(String(lead.OwnerId));
        await clickTab(page, 'Review Board');
        const mine = component(page, 'My Leads to Act On');
        await mine.getByText('Next: Call legal about the contract', { exact: false }).waitFor();
        await expectClean(app);
    });

    it("goes to a lane's true last card with End, past the cards shown", async () => {
        const { page, org } = app;
        // A rep with more open leads than a lane shows at first (20).
        const userId = (name: string) => String(org.find('User', { Name: name }, ['Id'])[0].Id);
        for (let i = 1; i <= 15; i++) {
            org.create('Lead', {
                FirstName: 'Extra',
                LastName: `Lead ${i}`,
                Company: `Extra Company ${i}`,
                Status: 'Working',
                OwnerId: userId('Rita Rep')
            });
        }
        // The Act as list is read when the app loads: switching user reloads it.
        await page.getByLabel('Act as').selectOption(userId('Max Manager'));
        await page.waitForLoadState('load');
        await clickTab(page, 'Review Board');
        const board = component(page, 'Lead Review Board');
        await board.getByText(/^\d+ open leads/).waitFor();
        const lane = board.getByRole('region', { name: /^Rita Rep \(\d+\)$/ });
        const heading = await lane.getByRole('heading', { level: 2 }).innerText();
        const total = Number(/\((\d+)\)$/.exec(heading)?.[1]);
        expect(total).toBeGreaterThan(25);
        const cards = lane.locator('[data-id="card"]');
        expect(await cards.count()).toBe(20);

        // Click the lane's first card, then End: the lane's last card, not the 20th.
        const focusedCard = board.locator('[data-id="card"]:focus');
        /** Presses a key (if any), then the focused card is announced at `place` of the lane. */
        const pressTo = async (key: string | null, place: string) => {
            if (key) await page.keyboard.press(key);
            await expect
                .poll(() => focusedCard.getAttribute('aria-label'))
                .toMatch(new RegExp(`, ${place} in Rita Rep$`));
        };
        await lane.locator('[data-id="card-name"]').first().click();
        await pressTo(null, `1 of ${total}`);
        await pressTo('End', `${total} of ${total}`);
        // Shown after the first 20 with the few before it; the rest stays behind Show more.
        expect(await cards.count()).toBeLessThan(total);
        await lane.getByRole('button', { name: /^Show \d+ more \(\d+ not shown\)$/ }).waitFor();
        await expectClean(app);

        // Up from there, Home back to the top, End again.
        await pressTo('ArrowUp', `${total - 1} of ${total}`);
        await pressTo('Home', `1 of ${total}`);
        await pressTo('End', `${total} of ${total}`);
        await expectClean(app);
    });
});
