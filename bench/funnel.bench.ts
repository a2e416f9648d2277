/**
 * Funnel page benchmark (issue 16): the Funnel tab over an org of many leads (default
 * 100,000), in headless Chromium against the local org: API round trips and time to
 * first paint / to the funnel on screen, each against an empty page in the same run.
 * The page reads aggregates, so its round trips do not grow with the leads: one request
 * for the settings with the stored report links and the latest audit run, then the
 * funnel's aggregates in as many GraphQL requests as the platform's 10 subqueries per
 * query need (3), sent at once (the most in flight together is printed).
 *
 *   npm run bench:funnel                 (builds the production bundle first)
 *   npm run bench:funnel -- --leads 20000
 */
import { openBrowser, signIn } from '../browser/e2e/browser';
import { firstContentfulPaint } from './paint';
import { seedPreview } from '../browser/e2e/demoData';
import { prepareDemo } from '../scripts/seedDemo';
import { startLocalOrg } from '../localorg/src/index';
import { arg, rng } from './synthetic';

const LEADS = arg('leads', 100_000);
const RUNS = Number(process.env.RUNS ?? 5);
const STATUSES = ['New', 'Working', 'Nurturing', 'Qualified', 'Unqualified'];
const SOURCES = ['Web', 'Webinar', 'Trade Show', 'Partner Referral', 'Purchased List', null];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const org = await startLocalOrg({ dataDir: ':memory:', port: 0 });
const now = new Date();
seedPreview(org.store, now);
// The report links, as `npm start` stores them (the page reads them with its settings).
await prepareDemo(org, { audit: false });
const random = rng(16);
const started = performance.now();
org.store.transaction(() => {
    for (let i = 0; i < LEADS; i++) {
        const created = new Date(now.getTime() - Math.floor(random() * 200) * 86_400_000);
        org.store.create('Lead', {
            LastName: `Bench ${i}`,
            Company: `Company ${i % 5000}`,
            Status: STATUSES[Math.floor(random() * STATUSES.length)],
            LeadSource: SOURCES[Math.floor(random() * SOURCES.length)],
            LL_Sales_Ready__c: random() < 0.2,
            CreatedDate: created.toISOString()
        });
    }
});
console.log(
    `funnel bench: ${LEADS.toLocaleString('en-US')} leads inserted in ${((performance.now() - started) / 1000).toFixed(1)} s`
);

const session = await openBrowser();
const url = org.instanceUrl;
await signIn(session, { url, accessToken: org.accessToken });
const { page } = session;
let apiCalls = 0;
let funnelRequests = 0;
let funnelInFlight = 0;
let funnelMostInFlight = 0;
const operationOf = (req: { postData(): string | null }) => {
    try {
        return String(JSON.parse(req.postData() ?? '{}').operationName ?? '');
    } catch {
        return '';
    }
};
const isFunnel = (req: { url(): string; postData(): string | null }) =>
    new URL(req.url()).pathname.endsWith('/graphql') && /^leadLoopFunnel\d$/.test(operationOf(req));
page.on('request', (req) => {
    if (!new URL(req.url()).pathname.startsWith('/services/data/')) return;
    apiCalls++;
    if (isFunnel(req)) {
        funnelRequests++;
        funnelMostInFlight = Math.max(funnelMostInFlight, ++funnelInFlight);
    }
});
const settled = (req: { url(): string; postData(): string | null }) => {
    if (isFunnel(req)) funnelInFlight--;
};
page.on('requestfinished', settled);
page.on('requestfailed', settled);

async function measure(path: string, ready: string | null) {
    await page.goto('about:blank');
    apiCalls = 0;
    funnelRequests = 0;
    funnelMostInFlight = 0;
    await page.goto(`${url}${path}`);
    if (ready) await page.locator(ready).first().waitFor({ timeout: 120_000 });
    const readyAt = await page.evaluate(() => performance.now());
    const fcp = await firstContentfulPaint(page);
    return {
        fcp,
        ready: ready ? readyAt : fcp,
        calls: apiCalls,
        funnel: funnelRequests,
        parallel: funnelMostInFlight
    };
}

try {
    const pages = [
        { name: 'empty page', path: '/empty.html', ready: null },
        {
            name: 'Funnel page',
            path: '/lightning/n/LL_Lead_Funnel',
            ready: '[data-component="leadFunnel"] >> text=Handed to sales'
        }
    ];
    for (const p of pages) await measure(p.path, p.ready);
    const results = new Map(
        pages.map((p) => [
            p.name,
            [] as { fcp: number; ready: number; calls: number; funnel: number; parallel: number }[]
        ])
    );
    for (let i = 0; i < RUNS; i++) {
        for (const p of pages) results.get(p.name)!.push(await measure(p.path, p.ready));
    }
    const emptyFcp = median(results.get('empty page')!.map((r) => r.fcp));
    console.log(`headless Chromium, median of ${RUNS} runs`);
    for (const p of pages) {
        const r = results.get(p.name)!;
        const fcp = median(r.map((x) => x.fcp));
        const ready = median(r.map((x) => x.ready));
        console.log(
            `  ${p.name.padEnd(12)} API round trips ${String(median(r.map((x) => x.calls))).padStart(3)}` +
                `   first paint ${fcp.toFixed(0).padStart(5)} ms (x${(fcp / emptyFcp).toFixed(2)} empty)` +
                (p.ready ? `   funnel on screen ${ready.toFixed(0).padStart(6)} ms` : '') +
                (p.ready
                    ? `   (funnel aggregates: ${median(r.map((x) => x.funnel))} GraphQL requests, ` +
                      `${median(r.map((x) => x.parallel))} in flight at once)`
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
