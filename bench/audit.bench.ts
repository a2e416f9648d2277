/**
 * `leadloop audit` against the local org with 100,000 leads (the demo data set at that size:
 * leads, contacts, accounts, opportunities, tasks, events), in one run:
 *   - the CLI's audit (read the snapshot through the API layer, audit, record the run):
 *     API calls and wall time;
 *   - (a) the minimum possible calls for the same reads: the settings, users and queues in
 *     one composite call (up to 5 queries of one page each), for each other object the fewer
 *     of REST pages (2,000 rows per query/queryMore call) and a Bulk 2.0 query (create, one
 *     status poll, one call per 50,000-row results page), and the run record;
 *   - (b) the same reads over REST pages only (what a script without Bulk 2.0 spends).
 * Target: the CLI within 10% of (a). `--latency-ms` (default 25) adds that much to every API
 * call of the measured run, as the network round trip to a real org; seeding runs without.
 *
 *   npx tsx bench/audit.bench.ts [--leads 100000] [--latency-ms 25] [--json]
 */
import { Api } from '../cli/src/api/index';
import { readHygieneSnapshot, runAudit, runFigures, saveAuditRun } from '../cli/src/audit';
import { generateDemoData, seedOrg } from '../cli/src/seed/index';
import { latencyArg, startBenchOrg } from './benchOrg';
import { arg } from './synthetic';

const LEADS = arg('leads', 100_000);
const LATENCY_MS = latencyArg();
const json = process.argv.includes('--json');
const log = (s: string) => {
    if (!json) console.error(s);
};
const now = new Date('2026-11-22T12:00:00.000Z');
const { org, connect, close } = await startBenchOrg('leadloop-auditbench-');

try {
    let t = performance.now();
    const data = generateDemoData({ leads: LEADS, now });
    const seeded = await seedOrg(connect(), data, {});
    log(
        `generated and seeded ${LEADS} leads in ${Math.round(performance.now() - t)} ms (${seeded.failures.length} failures)`
    );

    if (LATENCY_MS) org.setFaults({ latencyMs: LATENCY_MS });
    const api = new Api(connect());
    t = performance.now();
    const read = await readHygieneSnapshot(api, { bulkThreshold: 2000 });
    const readMs = performance.now() - t;
    const audit = runAudit(read, now);
    await saveAuditRun(api, audit, runFigures(read, audit));
    const cliMs = performance.now() - t;
    const cliCalls = api.calls;
    const s = read.snapshot;
    const rows = {
        Lead: s.leads.length,
        User: s.users.length,
        Group: s.queues.length,
        Contact: s.contacts.length,
        Account: s.accounts.length,
        Opportunity: s.opportunities.length,
        Task: s.tasks.length,
        Event: s.events.length
    };
    const restPages = (n: number) => Math.max(1, Math.ceil(n / 2000));
    const bulk = (n: number) => 2 + Math.max(1, Math.ceil(n / 50_000));
    // The settings read and the LL_Audit_Run__c insert.
    const fixed = 2;
    // Users and queues are read with the settings in one composite call while each fits a page.
    const composite = (object: string, n: number) =>
        (object === 'User' || object === 'Group') && restPages(n) === 1;
    const minimumCalls =
        fixed +
        Object.entries(rows).reduce(
            (sum, [object, n]) =>
                sum + (composite(object, n) ? 0 : Math.min(restPages(n), bulk(n))),
            0
        );
    const restOnlyCalls = fixed + Object.values(rows).reduce((sum, n) => sum + restPages(n), 0);
    const findings = Object.values(audit.countsByCheck).reduce((a, b) => a + b, 0);
    const result = {
        leads: LEADS,
        latencyMsPerCall: LATENCY_MS,
        rows,
        findings,
        cli: {
            calls: cliCalls,
            ms: Math.round(cliMs),
            readMs: Math.round(readMs),
            transport: read.transport
        },
        minimum: { calls: minimumCalls },
        restOnly: { calls: restOnlyCalls },
        callsOverMinimum: +(cliCalls / minimumCalls - 1).toFixed(3),
        callsVsRestOnly: +(restOnlyCalls / cliCalls).toFixed(1),
        targets: { within10PctOfMinimumCalls: cliCalls <= minimumCalls * 1.1 }
    };
    if (json) {
        console.log(JSON.stringify(result, null, 2));
    } else {
        console.log(`
Audit of ${LEADS.toLocaleString('en-US')} leads against the local org
(${rows.Contact} contacts, ${rows.Account} accounts, ${rows.Opportunity} opportunities, ${rows.Task} tasks, ${rows.Event} events;
${LATENCY_MS} ms added to every API call as the network round trip to a real org)

                          API calls      wall time
  leadloop audit          ${String(cliCalls).padStart(9)}  ${String(Math.round(cliMs)).padStart(10)} ms   (${read.transport}; ${findings} findings)
  (a) minimum possible    ${String(minimumCalls).padStart(9)}
  (b) REST pages only     ${String(restOnlyCalls).padStart(9)}

  calls vs minimum:  ${(result.callsOverMinimum * 100).toFixed(1)}% over  (target ≤ 10%: ${result.targets.within10PctOfMinimumCalls ? 'met' : 'NOT met'})
  calls vs REST only: ${result.callsVsRestOnly}× fewer
`);
    }
} finally {
    await close();
}
