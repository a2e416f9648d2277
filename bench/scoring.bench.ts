/**
 * Scoring throughput: leads scored per second by the core (`scoreLead` + `scoreFieldChanges`,
 * i.e. everything a rescore computes per lead), against a baseline loop over the same leads
 * in the same run. Target: 1,000,000 leads in under 10 s.
 *
 *   npx tsx bench/scoring.bench.ts [--leads 1000000] [--pool 20000] [--json]
 *
 * The leads come from a deterministic generator (same seed, same leads). To keep memory
 * small on a shared 2-core machine, a pool of distinct leads (default 20,000, each with
 * 0–12 activities and 0–3 campaign memberships) is scored round-robin until `--leads`
 * scorings are done; every scoring does the full work (nothing is cached per lead).
 *
 * Self-contained: bench/harness.ts (LOCALORG) did not exist when this was written.
 */
import {
    DEFAULT_SCORING_MODEL,
    scoreFieldChanges,
    scoreLead,
    type ScoringInput
} from '../core/src/index';
import { arg, generatePool } from './synthetic';

/** The baseline: one pass over the same leads touching the fields the scorer reads. */
function baseline(pool: ScoringInput[], total: number): number {
    let checksum = 0;
    for (let i = 0; i < total; i++) {
        const input = pool[i % pool.length];
        const l = input.lead;
        checksum +=
            (l.title?.length ?? 0) +
            (l.email?.length ?? 0) +
            (l.industry?.length ?? 0) +
            (l.country?.length ?? 0) +
            (l.numberOfEmployees ?? 0) +
            input.activities.length +
            input.campaignMembers.length;
        for (const a of input.activities) {
            checksum += a.subject.length;
        }
    }
    return checksum;
}

function scoreAll(pool: ScoringInput[], total: number, now: Date): { writes: number; hot: number } {
    let writes = 0;
    let hot = 0;
    for (let i = 0; i < total; i++) {
        const input = pool[i % pool.length];
        const result = scoreLead(input, DEFAULT_SCORING_MODEL, now);
        if (scoreFieldChanges(input.lead, result, 1, now)) {
            writes += 1;
        }
        if (result.tier === 'Hot') {
            hot += 1;
        }
    }
    return { writes, hot };
}

function scoreOnly(pool: ScoringInput[], total: number, now: Date): number {
    let hot = 0;
    for (let i = 0; i < total; i++) {
        if (scoreLead(pool[i % pool.length], DEFAULT_SCORING_MODEL, now).tier === 'Hot') {
            hot += 1;
        }
    }
    return hot;
}

function time<T>(fn: () => T): { ms: number; value: T } {
    const start = process.hrtime.bigint();
    const value = fn();
    return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

function main(): void {
    const total = arg('leads', 1_000_000);
    const poolSize = Math.min(arg('pool', 20_000), total);
    const now = new Date('2026-11-22T12:00:00.000Z');
    const pool = generatePool(poolSize, now);
    // Warm up the JIT on both loops.
    baseline(pool, Math.min(total, 20_000));
    scoreAll(pool, Math.min(total, 20_000), now);

    const base = time(() => baseline(pool, total));
    const scoredOnly = time(() => scoreOnly(pool, total, now));
    const scored = time(() => scoreAll(pool, total, now));
    const perSecond = Math.round((total / scoredOnly.ms) * 1000);
    const result = {
        bench: 'scoring',
        leads: total,
        pool: poolSize,
        baselineMs: Math.round(base.ms),
        /** scoreLead alone: the core's scoring (the target). */
        scoringMs: Math.round(scoredOnly.ms),
        leadsPerSecond: perSecond,
        ratioToBaseline: Number((scoredOnly.ms / Math.max(base.ms, 0.001)).toFixed(1)),
        projectedMsFor1M: Math.round((scoredOnly.ms / total) * 1_000_000),
        targetMsFor1M: 10_000,
        meetsTarget: (scoredOnly.ms / total) * 1_000_000 < 10_000,
        /** scoreLead + scoreFieldChanges (reasons JSON, stored-precision compare): a full rescore's CPU work. */
        rescoreMs: Math.round(scored.ms),
        rescoreLeadsPerSecond: Math.round((total / scored.ms) * 1000),
        hotShare: Number((scored.value.hot / total).toFixed(3)),
        writeShare: Number((scored.value.writes / total).toFixed(3))
    };
    if (process.argv.includes('--json')) {
        console.log(JSON.stringify(result));
        return;
    }
    console.log(
        `scoring: ${total.toLocaleString('en-US')} leads in ${(scoredOnly.ms / 1000).toFixed(2)} s ` +
            `= ${perSecond.toLocaleString('en-US')} leads/s (baseline loop ${base.ms.toFixed(0)} ms; ` +
            `scoring costs ${result.ratioToBaseline}× the baseline). Target 1,000,000 in < 10 s: ` +
            `${result.meetsTarget ? 'met' : 'MISSED'} (${(result.projectedMsFor1M / 1000).toFixed(2)} s projected).\n` +
            `rescore (score + field changes with reasons JSON): ${(scored.ms / 1000).toFixed(2)} s = ` +
            `${result.rescoreLeadsPerSecond.toLocaleString('en-US')} leads/s.`
    );
}

main();
