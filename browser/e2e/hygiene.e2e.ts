/**
 * The stage hygiene audit as an admin uses it: the Hygiene Audit tab, running the audit
 * with visible progress, drilling into a check, opening a lead from a finding, then a
 * round-robin reassignment read in the preview, applied (a lead changed by someone else
 * meanwhile is skipped), read per lead and undone; the same fix applied by a user without
 * edit access gets the platform's error per lead and changes nothing. Checks what ends up in
 * the database.
 */
import { describe, expect, it } from 'vitest';
import { READ_ONLY_PROFILE_ID } from '../../localorg/src/store/access';
import { clickTab, component, expectClean, pageHeading, useApp } from './app';

const app = useApp();

/** The check "Owner has left" in the list, and how many leads it found. */
async function ownerLeft() {
    const item = audit().getByRole('listitem').filter({ hasText: 'Owner has left' });
    const count = Number(/(\d+) leads?/.exec((await item.textContent()) ?? '')?.[1]);
    return { item, count };
}

function audit() {
    return component(app.page, 'Lead Loop Hygiene Audit');
}

/** Sam Seller leaves: his leads are owned by an inactive rep. */
function samLeaves() {
    const [sam] = app.org.find('User', { Username: 'sam@leadloop.local' }, ['Id']);
    app.org.update('User', String(sam.Id), { IsActive: false });
    return String(sam.Id);
}

/**
 * Runs the audit from the Hygiene Audit tab, shows the "Owner has left" leads and previews
 * their round-robin reassignment (at most 100 per rep); answers how many leads it found.
 */
async function previewOwnerLeftRoundRobin(): Promise<number> {
    await clickTab(app.page, 'Hygiene Audit');
    await audit()
        .getByRole('button', { name: /^Run the audit/ })
        .click();
    await audit()
        .getByText(/open leads audited/)
        .waitFor();
    const { item, count } = await ownerLeft();
    await item.getByRole('button', { name: 'Show leads' }).click();
    const panel = audit().getByRole('region', { name: 'Reassign these leads' });
    await panel.getByLabel('Most open leads per rep (optional)').fill('100');
    await panel.getByRole('button', { name: 'Preview changes' }).click();
    return count;
}

describe('Hygiene audit app page', () => {
    it('runs the audit with progress, drills into a check, opens a lead and comes back', async () => {
        const { page, org } = app;
        samLeaves();
        await clickTab(page, 'Hygiene Audit');
        await pageHeading(page, 'Lead Loop Hygiene Audit').waitFor();
        await audit().getByRole('button', { name: 'Run the audit' }).click();
        await audit()
            .getByText(/^Read \d+ of \d+ records\.$/)
            .waitFor();
        expect(
            await audit()
                .getByRole('progressbar', { name: 'Records read' })
                .getAttribute('aria-valuenow')
        ).toBe('100');
        const open = org.find('Lead', { IsConverted: false }, ['Id']).length;
        await audit()
            .getByText(new RegExp(`^${open} open leads audited: \\d+ findings`))
            .waitFor();
        // Every audit keeps its counts.
        const [run] = org.find('LL_Audit_Run__c', {}, ['LL_Leads_Audited__c', 'LL_Source__c']);
        expect(run).toEqual({ LL_Leads_Audited__c: open, LL_Source__c: 'Audit page' });
        await expectClean(app);

        const { item, count } = await ownerLeft();
        const [sam] = org.find('User', { Username: 'sam@leadloop.local' }, ['Id']);
        const samsOpen = org.find('Lead', { OwnerId: sam.Id, IsConverted: false }, ['Id']);
        expect(count).toBeGreaterThan(0);
        expect(count).toBeLessThanOrEqual(samsOpen.length);
        await item.getByRole('button', { name: 'Show leads' }).click();
        const table = audit().getByRole('table', { name: 'Leads: Owner has left' });
        await expect.poll(() => table.getByRole('row').count()).toBe(count + 1);
        await expectClean(app);
        const first = table.getByRole('link').first();
        const name = (await first.textContent())!.replace(/ \(.*\)$/, '');
        await first.click();
        await pageHeading(page, name).waitFor();
        // The lead's record page shows its own findings.
        await component(page, 'Lead Loop Hygiene Findings')
            .getByRole('listitem')
            .filter({ hasText: 'Owner has left' })
            .getByText('Fix:')
            .waitFor();
        await expectClean(app);
        await page.goBack();
        await pageHeading(page, 'Lead Loop Hygiene Audit').waitFor();
    });

    it('reassigns round-robin after the preview, skips a lead changed meanwhile, and undoes', async () => {
        const { org } = app;
        const count = await previewOwnerLeftRoundRobin();
        const preview = audit().getByRole('table', { name: 'Changes to apply' });
        await expect.poll(() => preview.getByRole('row').count()).toBe(count + 1);
        await audit().getByText(`${count} leads will change.`).waitFor();
        await expectClean(app);

        // Someone else edits one of the leads after the preview.
        const [sam] = org.find('User', { Username: 'sam@leadloop.local' }, ['Id']);
        const samLeads = org.find('Lead', { OwnerId: sam.Id, IsConverted: false }, ['Id']);
        const listed = await preview
            .getByRole('row')
            .nth(1)
            .getByRole('cell')
            .first()
            .textContent();
        const [firstName, ...rest] = listed!.replace(/ \(.*\)$/, '').split(' ');
        const [racedLead] = org.find('Lead', { FirstName: firstName, LastName: rest.join(' ') }, [
            'Id'
        ]);
        const raced = String(racedLead.Id);
        await new Promise((resolve) => setTimeout(resolve, 5));
        org.update('Lead', raced, { Title: 'Changed meanwhile' });

        await audit().getByRole('button', { name: 'Apply changes' }).click();
        const results = audit().getByRole('region', { name: 'Fix results' });
        await results.getByText(`${count - 1} applied, 1 skipped, 0 failed.`).waitFor();
        expect(
            await results
                .getByRole('row')
                .filter({ hasText: 'changed by someone else since the preview' })
                .count()
        ).toBe(1);
        const owners = (id: unknown) => org.find('Lead', { Id: id }, ['OwnerId'])[0].OwnerId;
        expect(owners(raced)).toBe(sam.Id);
        const stillSams = samLeads.filter((l) => owners(l.Id) === sam.Id);
        expect(stillSams.length).toBe(samLeads.length - (count - 1));
        expect(org.find('LL_Fix_Log__c', { LL_Status__c: 'Applied' }, ['Id']).length).toBe(
            count - 1
        );
        // The one refused write shows in the console as the browser logs any failed request.
        expect(app.session.consoleErrors.splice(0)).toEqual([
            expect.stringContaining('412 (Precondition Failed)')
        ]);
        await expectClean(app);

        await results.getByRole('button', { name: 'Undo this fix' }).click();
        await audit()
            .getByRole('region', { name: 'Undo results' })
            .getByText(`${count - 1} applied, 0 skipped, 0 failed.`)
            .waitFor();
        expect(samLeads.map((l) => owners(l.Id)).every((o) => o === sam.Id)).toBe(true);
        expect(org.find('LL_Fix_Log__c', { LL_Status__c: 'Undone' }, ['Id']).length).toBe(
            count - 1
        );
        await expectClean(app);
    });

    it("gives a user without edit access the platform's error per lead, and changes nothing", async () => {
        const { page, org } = app;
        const sam = samLeaves();
        const reader = org.create('User', {
            FirstName: 'Rhea',
            LastName: 'Reader',
            Title: 'Sales Analyst',
            Username: 'rhea.reader@leadloop.local',
            IsActive: true,
            ProfileId: READ_ONLY_PROFILE_ID
        });
        // The Act as list is read when the app loads: switching user reloads it.
        const [manager] = org.find('User', { Username: 'max.manager@leadloop.local' }, ['Id']);
        await page.getByLabel('Act as').selectOption(String(manager.Id));
        await page.waitForLoadState('load');
        await page.getByLabel('Act as').selectOption(reader);
        await page.waitForLoadState('load');
        const leadFields = ['Id', 'OwnerId', 'Status', 'LastModifiedDate'];
        const before = org.find('Lead', {}, leadFields);
        const logs = () => org.find('LL_Fix_Log__c', {}, ['Id']).length;
        const runs = () => org.find('LL_Audit_Run__c', {}, ['Id']).length;
        const [logsBefore, runsBefore] = [logs(), runs()];

        const count = await previewOwnerLeftRoundRobin();
        expect(count).toBeGreaterThan(0);
        await audit().getByText(`${count} leads will change.`).waitFor();
        await audit().getByRole('button', { name: 'Apply changes' }).click();
        const results = audit().getByRole('region', { name: 'Fix results' });
        await results.getByText(`0 applied, 0 skipped, ${count} failed.`).waitFor();
        expect(
            await results
                .getByRole('row')
                .filter({ hasText: 'insufficient access rights on object id' })
                .count()
        ).toBe(count);
        // Nothing else changed: every lead as it was, no fix log, no audit run saved.
        expect(org.find('Lead', {}, leadFields)).toEqual(before);
        expect(org.find('Lead', { OwnerId: sam, IsConverted: false }, ['Id']).length).toBe(
            before.filter((l) => l.OwnerId === sam).length
        );
        expect([logs(), runs()]).toEqual([logsBefore, runsBefore]);
        // Every refused write shows in the console as the browser logs any failed request.
        const refused = app.session.consoleErrors.splice(0);
        expect(refused.length).toBeGreaterThan(0);
        expect(refused.every((e) => e.includes('403 (Forbidden)'))).toBe(true);
        await expectClean(app);
    });
});
