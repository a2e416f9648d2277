/**
 * Regenerates docs/screenshots/*.png: each page of the Lead Loop app in headless
 * Chromium, against the browser org with demo data. Run `npm run screenshots`
 * (it builds the browser bundle first).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBrowserOrg } from '../browser/e2e/org';
import { openBrowser, signIn } from '../browser/e2e/browser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'docs/screenshots');

// With one audit run, as `npm start` records: the funnel shows its figures.
const org = await startBrowserOrg({ audit: true });
const session = await openBrowser({ width: 1280, height: 860 });
await signIn(session, org);
const { page } = session;
try {
    mkdirSync(outDir, { recursive: true });
    const leads = org.find('Lead', { IsConverted: false }, ['Id', 'LL_Score__c']);
    const top = leads.sort((a, b) => Number(b.LL_Score__c) - Number(a.LL_Score__c))[0];
    const shots: { file: string; path: string; ready: string; fullPage?: boolean }[] = [
        { file: 'lead-list.png', path: '/lightning/o/Lead/list', ready: '[data-id="lead-row"]' },
        {
            file: 'lead-record-page.png',
            path: `/lightning/r/Lead/${top.Id}/view`,
            ready: '[data-component="leadScoreCard"] >> text=Why this score'
        },
        {
            file: 'funnel.png',
            path: '/lightning/n/LL_Lead_Funnel',
            ready: '[data-component="leadFunnel"] >> text=Handed to sales',
            fullPage: true
        },
        {
            file: 'scoring-model.png',
            path: '/lightning/n/LL_Scoring_Model',
            ready: '[data-component="scoringModelEditor"] >> text=The model is valid.'
        }
    ];
    for (const shot of shots) {
        await page.goto('about:blank');
        await page.goto(`${org.url}${shot.path}`);
        await page.locator(shot.ready).first().waitFor({ timeout: 30_000 });
        await page.waitForTimeout(300);
        await page.screenshot({
            path: path.join(outDir, shot.file),
            fullPage: shot.fullPage ?? false
        });
        console.log(`wrote docs/screenshots/${shot.file}`);
    }
    if (session.consoleErrors.length) {
        console.error(`Console errors while rendering:\n${session.consoleErrors.join('\n')}`);
        process.exitCode = 1;
    }
} finally {
    await session.close();
    await org.close();
}
