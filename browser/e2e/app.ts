/**
 * The one fixture of the browser journeys: an org with the demo data, one
 * headless Chromium, and the app opened ONCE by signing in through the login URL
 * `npm start` prints. From then on a journey moves as a person does: it clicks
 * tabs, links and buttons and types with the keyboard, never typing a URL.
 * Locators go by role and label, so they survive components being split up.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { axeScan, openBrowser, signIn, type Session } from './browser';
import { startBrowserOrg, type BrowserOrg } from './org';

export interface App {
    org: BrowserOrg;
    session: Session;
    page: Page;
}

/** Starts the org and the browser and signs in once for the journeys of one file. */
export function useApp(): App {
    const app = {} as App;
    beforeAll(async () => {
        app.org = await startBrowserOrg();
        app.session = await openBrowser();
        app.page = app.session.page;
        await signIn(app.session, app.org);
    });
    afterAll(async () => {
        await app.session?.close();
        await app.org?.close();
    });
    return app;
}

/** No serious or critical axe violation on the page, and nothing in the console. */
export async function expectClean(app: App): Promise<void> {
    expect(await axeScan(app.page)).toEqual([]);
    expect(app.session.consoleErrors).toEqual([]);
}

/** The app's navigation bar. */
export function navigation(page: Page): Locator {
    return page.getByRole('navigation', { name: 'Lead Loop' });
}

/** Clicks a tab of the navigation bar. */
export async function clickTab(page: Page, label: string): Promise<void> {
    await navigation(page).getByRole('link', { name: label, exact: true }).click();
}

/** The page's heading (level 1). */
export function pageHeading(page: Page, name: string | RegExp): Locator {
    return page.getByRole('heading', { level: 1, name });
}

/** Opens a lead the way a rep does: the Leads tab, then the lead's name in the list. */
export async function openLead(page: Page, name: string): Promise<void> {
    await clickTab(page, 'Leads');
    await pageHeading(page, 'Open leads').waitFor();
    await page
        .getByRole('table', { name: 'Open leads' })
        .getByRole('link', { name, exact: true })
        .click();
    await pageHeading(page, name).waitFor();
}

/** A component placed on the page, by its label (the page region it fills). */
export function component(page: Page, label: string): Locator {
    return page.getByRole('region', { name: label });
}

/** Waits for the toast that says `text`. */
export async function toast(page: Page, text: string): Promise<void> {
    await page.getByRole('status').filter({ hasText: text }).first().waitFor();
}

/** A date as an en-US date field shows it ("Nov 24, 2026"), to type into one. */
export const shownDate = (date: Date) =>
    date.toLocaleDateString('en-US', {
        month: 'short',
        day: 'numeric',
        year: 'numeric',
        timeZone: 'UTC'
    });

/** Types into a labelled field with the keyboard, replacing its value, then tabs away. */
export async function typeInto(field: Locator, text: string): Promise<void> {
    await field.click();
    await field.press('ControlOrMeta+A');
    await field.pressSequentially(text);
    await field.press('Tab');
}

/** The open lead with the highest score. */
export function hotLead(org: BrowserOrg) {
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
