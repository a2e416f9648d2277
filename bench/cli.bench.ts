/**
 * The CLI's full rescore against the local org with 100,000 leads (the demo data
 * set at that size: leads, tasks, events, campaign members), in one run:
 *   - the CLI's `scoreOrg(--full)`: API calls and wall time;
 *   - (a) the minimum possible calls for the same work: for each object read,
 *     the fewer of REST pages (2,000 rows per query/queryMore call) and a Bulk
 *     2.0 query (create, one status poll, one call per 50,000-row results page), plus the scoring
 *     model read, plus the fewer of changed/200 Collections calls and one Bulk
 *     2.0 ingest job (create, upload, close, one poll, successful + failed
 *     results);
 *   - (b) a naive loop: the same reads, then one PATCH per changed lead. The loop
 *     is timed on a sample of leads (`--naive-sample`, default 300) and
 *     extrapolated to every changed lead; the output says so.
 * Targets: the CLI ≥ 20× faster than the naive loop, and within 10% of (a).
 *
 * The local org answers on loopback in well under a millisecond, which no real
 * org does; `--latency-ms` (default 25) adds that many milliseconds to every API
 * call of the measured runs (the local org's latency fault) as a stand-in for
 * the network round trip to a real org. Seeding runs without it. `--latency-ms 0`
 * gives the raw loopback figures. The output states the latency used.
 *
 *   npx tsx bench/cli.bench.ts [--leads 100000] [--naive-sample 300] [--latency-ms 25] [--json]
 */
import { API_VERSION, LEAD_FIELDS } from '../core/src/index';
import { Api, cond, soql } from '../cli/src/api/index';
import { scoreOrg } from '../cli/src/score';
import { generateDemoData, seedOrg } from '../cli/src/seed/index';
import { latencyArg, startBenchOrg } from './benchOrg';
import { arg } from './synthetic';

const LEADS = arg('leads', 100_000);
const NAIVE_SAMPLE = arg('naive-sample', 300);
const LATENCY_MS = latencyArg();
const json = process.argv.includes('--json');
const log = (s: string) => {
    if (!json) console.error(s);
};
const now = new Date('2026-11-22T12:00:00.000Z');

const { org, connect, close } = await startBenchOrg('leadloop-clibench-');

try {
    // ---- data --------------------------------------------------------------------------------
    let t = performance.now();
    const data = generateDemoData({ leads: LEADS, now });
    log(`generated ${LEADS} leads in ${Math.round(performance.now() - t)} ms`);
    t = performance.now();
    const seeded = await seedOrg(connect(), data, {});
    const counts = Object.fromEntries(data.steps.map((s) => [s.object, s.records.length] as const));
    log(
        `seeded in ${Math.round(performance.now() - t)} ms (${seeded.apiCalls} API calls, ${seeded.failures.length} failures)`
    );

    // ---- the CLI's full rescore -----------------------------------------------------------------
    if (LATENCY_MS) org.setFaults({ latencyMs: LATENCY_MS });
    const api = new Api(connect());
    t = performance.now();
    const run = await scoreOrg(api, { full: true, now });
    const cliMs = performance.now() - t;
    const cliCalls = api.calls;
    log(
        `scoreOrg --full: ${run.leadsRead} leads read, ${run.leadsChanged} changed, ${run.written} written, ${cliCalls} calls, ${Math.round(cliMs)} ms (${run.transport})`
    );

    // ---- (a) the minimum calls for the same reads and writes ------------------------------------
    const rows = {
        Lead: run.leadsRead,
        Task: counts.Task ?? 0,
        Event: counts.Event ?? 0,
        CampaignMember: counts.CampaignMember ?? 0
    };
    // REST: one call per 2,000 rows; Bulk 2.0 query: create + one status poll + one call per
    // results page of 50,000 rows (the default page of the platform and of the local org).
    const minRead = (n: number) =>
        Math.min(Math.max(1, Math.ceil(n / 2000)), 2 + Math.max(1, Math.ceil(n / 50_000)));
    const readMin = 1 + Object.values(rows).reduce((s, n) => s + minRead(n), 0);
    const writeMin = run.leadsChanged === 0 ? 0 : Math.min(Math.ceil(run.leadsChanged / 200), 6);
    const minimumCalls = readMin + writeMin;

    // ---- (b) the naive loop: one call per changed lead (sampled, then extrapolated) -------------
    // A second full run first, so the sample writes real changes: reset the stored scores of
    // the sample leads, then PATCH each one by one with the values the CLI computed.
    const naiveConn = connect();
    const naiveApi = new Api(naiveConn);
    const sample = await naiveApi.query<Record<string, unknown>>(
        soql({
            select: ['Id', LEAD_FIELDS.score, LEAD_FIELDS.tier],
            from: 'Lead',
            where: [cond('IsConverted', '=', false)],
            orderBy: 'Id',
            limit: NAIVE_SAMPLE
        })
    );
    t = performance.now();
    for (const r of sample) {
        await naiveConn.request({
            method: 'PATCH',
            url: `/services/data/v${API_VERSION}/sobjects/Lead/${String(r.Id)}`,
            body: JSON.stringify({
                [LEAD_FIELDS.score]: r[LEAD_FIELDS.score],
                [LEAD_FIELDS.tier]: r[LEAD_FIELDS.tier]
            }),
            headers: { 'Content-Type': 'application/json' }
        });
    }
    const perRecordMs = (performance.now() - t) / Math.max(1, sample.length);
    // The naive script reads with the same REST pages (no bulk), then writes one by one.
    const naiveReadCalls = 1 + Object.values(rows).reduce((s, n) => s + Math.ceil(n / 2000), 0);
    const naiveCalls = naiveReadCalls + run.leadsChanged;
    // Only its writes are counted (its reads are left out): conservative for the naive loop.
    const naiveMs = perRecordMs * run.leadsChanged;

    // ---- a second full run on unchanged data writes nothing --------------------------------------
    const api2 = new Api(connect());
    t = performance.now();
    const again = await scoreOrg(api2, { full: true, now });
    const againMs = performance.now() - t;

    const result = {
        leads: LEADS,
        latencyMsPerCall: LATENCY_MS,
        rows,
        cli: {
            calls: cliCalls,
            ms: Math.round(cliMs),
            transport: run.transport,
            leadsChanged: run.leadsChanged,
            written: run.written,
            failures: run.failures.length
        },
        minimum: { calls: minimumCalls, reads: readMin, writes: writeMin },
        callsOverMinimum: +(cliCalls / minimumCalls - 1).toFixed(3),
        naive: {
            calls: naiveCalls,
            ms: Math.round(naiveMs),
            perRecordMs: +perRecordMs.toFixed(3),
            sampled: sample.length,
            extrapolated: true
        },
        speedupVsNaive: +(naiveMs / cliMs).toFixed(1),
        callsVsNaive: +(naiveCalls / cliCalls).toFixed(1),
        rerun: { calls: api2.calls, ms: Math.round(againMs), written: again.written },
        targets: {
            speedup20x: naiveMs / cliMs >= 20,
            within10PctOfMinimumCalls: cliCalls <= minimumCalls * 1.1,
            rerunWritesNothing: again.written === 0
        }
    };
    if (json) {
        console.log(JSON.stringify(result, null, 2));
    } else {
        console.log(`
Full rescore of ${LEADS.toLocaleString('en-US')} leads against the local org
(${rows.Task} tasks, ${rows.Event} events, ${rows.CampaignMember} campaign members;
${LATENCY_MS} ms added to every API call as the network round trip to a real org)

                         API calls      wall time
  leadloop score --full  ${String(cliCalls).padStart(9)}  ${String(Math.round(cliMs)).padStart(10)} ms   (${run.transport}; ${run.leadsChanged} leads changed)
  (a) minimum possible   ${String(minimumCalls).padStart(9)}               (reads ${readMin} + writes ${writeMin})
  (b) naive per record   ${String(naiveCalls).padStart(9)}  ${String(Math.round(naiveMs)).padStart(10)} ms   (timed on ${sample.length} PATCHes, ${perRecordMs.toFixed(2)} ms each, extrapolated to ${run.leadsChanged})

  speed-up vs naive: ${result.speedupVsNaive}×  (target ≥ 20×: ${result.targets.speedup20x ? 'met' : 'NOT met'})
  calls vs minimum:  ${(result.callsOverMinimum * 100).toFixed(1)}% over  (target ≤ 10%: ${result.targets.within10PctOfMinimumCalls ? 'met' : 'NOT met'})
  second run on unchanged data: ${again.written} written, ${api2.calls} calls, ${Math.round(againMs)} ms
`);
    }
} finally {
    await close();
}
