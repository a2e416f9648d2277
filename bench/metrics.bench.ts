/**
 * Metrics throughput: every tracking-and-reporting metric computed by the core over
 * 1,000,000 synthetic leads (with their tasks, events, campaign members, converted
 * opportunities, review entries and hygiene findings), page by page through the
 * mergeable accumulator as the CLI does, against a baseline loop over the same leads
 * and activities in the same run. Target: under 5 s.
 *
 *   npx tsx bench/metrics.bench.ts [--leads 1000000] [--pool 50000] [--page 2000] [--json]
 *
 * A pool of distinct leads (default 50,000, from the same generator as the scoring bench,
 * given statuses, owners, conversions, hand-backs, reviews and findings) is cut into pages
 * of 2,000 leads with their related records; the pages are added round-robin until
 * `--leads` leads are counted. Every page does the full work (its joins are rebuilt per
 * page; nothing is cached), and the speed-to-first-touch percentiles sort every sample.
 */
import {
    addLeads,
    DEFAULT_SETTINGS,
    emptyMetrics,
    finishMetrics,
    type LeadLoopMetrics,
    type MetricsPage
} from '../core/src/index';
import { cpus, loadavg } from 'node:os';
import { arg, metricsPages } from './synthetic';

/** The baseline: one pass over the same leads and activities, touching the fields the metrics read. */
function baseline(pages: MetricsPage[], total: number): number {
    let checksum = 0;
    let done = 0;
    for (let p = 0; done < total; p = (p + 1) % pages.length) {
        const page = pages[p];
        for (const a of page.activities ?? []) checksum += a.createdDate.length;
        for (const l of page.leads) {
            if (done++ >= total) break;
            checksum += l.status.length + l.createdDate.length + (l.isConverted ? 1 : 0);
        }
    }
    return checksum;
}

function computeAll(pages: MetricsPage[], total: number, now: Date): LeadLoopMetrics {
    const acc = emptyMetrics({ settings: DEFAULT_SETTINGS, now });
    let done = 0;
    for (let p = 0; done < total; p = (p + 1) % pages.length) {
        const page = pages[p];
        const rest = total - done;
        addLeads(
            acc,
            rest >= page.leads.length ? page : { ...page, leads: page.leads.slice(0, rest) }
        );
        done += Math.min(rest, page.leads.length);
    }
    return finishMetrics(acc);
}

/** Wall time and this process's CPU time (user + system): on a shared machine the wall time
 * also counts waiting for a core, the CPU time only the work. */
function time<T>(fn: () => T): { ms: number; cpuMs: number; value: T } {
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const value = fn();
    const used = process.cpuUsage(cpu);
    return {
        ms: Number(process.hrtime.bigint() - start) / 1e6,
        cpuMs: (used.user + used.system) / 1000,
        value
    };
}

function main(): void {
    const total = arg('leads', 1_000_000);
    const poolSize = Math.min(arg('pool', 50_000), total);
    const pageSize = arg('page', 2_000);
    const now = new Date('2026-11-22T12:00:00.000Z');
    const pages = metricsPages(poolSize, pageSize, now);
    // Warm up the JIT on both loops.
    baseline(pages, Math.min(total, 20_000));
    computeAll(pages, Math.min(total, 20_000), now);

    const base = time(() => baseline(pages, total));
    const metrics = time(() => computeAll(pages, total, now));
    const m = metrics.value;
    if (m.leads !== total) throw new Error(`counted ${m.leads} leads, expected ${total}`);
    const result = {
        bench: 'metrics',
        leads: total,
        pool: poolSize,
        page: pageSize,
        baselineMs: Math.round(base.ms),
        metricsMs: Math.round(metrics.ms),
        metricsCpuMs: Math.round(metrics.cpuMs),
        baselineCpuMs: Math.round(base.cpuMs),
        loadAverage: Number(loadavg()[0].toFixed(1)),
        leadsPerSecond: Math.round((total / metrics.ms) * 1000),
        ratioToBaseline: Number((metrics.ms / Math.max(base.ms, 0.001)).toFixed(1)),
        projectedMsFor1M: Math.round((metrics.ms / total) * 1_000_000),
        targetMsFor1M: 5_000,
        meetsTarget: (metrics.ms / total) * 1_000_000 < 5_000,
        followUpRate: Number(m.followUp.touched.rate!.toFixed(3)),
        medianHoursToFirstTouch: Number(m.speedToFirstTouch.medianHours!.toFixed(1)),
        processDefectRate: Number(m.processDefects.defective.rate!.toFixed(3))
    };
    if (process.argv.includes('--json')) {
        console.log(JSON.stringify(result));
        return;
    }
    console.log(
        `metrics: ${total.toLocaleString('en-US')} leads in ${(metrics.ms / 1000).toFixed(2)} s ` +
            `= ${result.leadsPerSecond.toLocaleString('en-US')} leads/s, pages of ${pageSize.toLocaleString('en-US')} ` +
            `(baseline loop ${base.ms.toFixed(0)} ms; the metrics cost ${result.ratioToBaseline}× the baseline). ` +
            `Target 1,000,000 in < 5 s: ${result.meetsTarget ? 'met' : 'MISSED'} ` +
            `(${(result.projectedMsFor1M / 1000).toFixed(2)} s projected). CPU time ` +
            `${(metrics.cpuMs / 1000).toFixed(2)} s (baseline ${(base.cpuMs / 1000).toFixed(2)} s); ` +
            `load average ${result.loadAverage} on ${cpus().length} cores.`
    );
}

main();
