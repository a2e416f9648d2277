/**
 * Browser benchmark: time to first paint (first-contentful-paint) and time until
 * the Lead Loop content is on screen, for the Lead record page (score card) and
 * the largest app page (scoring model editor), in headless Chromium against the
 * browser org — each as a ratio to an empty page rendered in the same run.
 *
 *   npm run bench:browser            (builds the production bundle first)
 *   RUNS=9 npm run bench:browser
 */
import { startBrowserOrg } from '../browser/e2e/org';
import { openBrowser, signIn } from '../browser/e2e/browser';
import { firstContentfulPaint } from './paint';

const RUNS = Number(process.env.RUNS ?? 5);

const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)];
};

const org = await startBrowserOrg();
const session = await openBrowser();
await signIn(session, org);
const { page } = session;

async function measure(url: string, ready: string | null): Promise<{ fcp: number; ready: number }> {
    await page.goto('about:blank');
    await page.goto(url);
    if (ready) await page.locator(ready).first().waitFor({ timeout: 30_000 });
    const readyAt = await page.evaluate(() => performance.now());
    // FCP is recorded asynchronously: wait for the entry.
    const fcp = await firstContentfulPaint(page);
    return { fcp, ready: ready ? readyAt : fcp };
}

try {
    const lead = org
        .find('Lead', { IsConverted: false }, ['Id', 'LL_Score__c'])
        .sort((a, b) => Number(b.LL_Score__c) - Number(a.LL_Score__c))[0];
    const pages = [
        { name: 'empty page', url: `${org.url}/empty.html`, ready: null },
        {
            name: 'Lead record page',
            url: `${org.url}/lightning/r/Lead/${lead.Id}/view`,
            ready: '[data-component="leadScoreCard"] >> text=Why this score'
        },
        {
            name: 'Scoring model app page',
            url: `${org.url}/lightning/n/LL_Scoring_Model`,
            ready: '[data-component="scoringModelEditor"] >> text=The model is valid.'
        }
    ];
    // One warm-up pass (disk cache, JIT), then RUNS measured passes, interleaved.
    for (const p of pages) await measure(p.url, p.ready);
    const results = new Map(
        pages.map((p) => [p.name, { fcp: [] as number[], ready: [] as number[] }])
    );
    for (let i = 0; i < RUNS; i++) {
        for (const p of pages) {
            const m = await measure(p.url, p.ready);
            results.get(p.name)!.fcp.push(m.fcp);
            results.get(p.name)!.ready.push(m.ready);
        }
    }
    const emptyFcp = median(results.get('empty page')!.fcp);
    console.log(`browser bench: headless Chromium, median of ${RUNS} runs`);
    for (const p of pages) {
        const r = results.get(p.name)!;
        const fcp = median(r.fcp);
        const ready = median(r.ready);
        console.log(
            `  ${p.name.padEnd(24)} first paint ${fcp.toFixed(0).padStart(5)} ms (x${(fcp / emptyFcp).toFixed(2)} empty)` +
                (p.ready
                    ? `   content ready ${ready.toFixed(0).padStart(5)} ms (x${(ready / emptyFcp).toFixed(2)} empty)`
                    : '')
        );
    }
    if (session.consoleErrors.length) {
        console.error(`Console errors:\n${session.consoleErrors.join('\n')}`);
        process.exitCode = 1;
    }
} finally {
    await session.close();
    await org.close();
}
