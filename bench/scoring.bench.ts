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
    type Activity,
    type CampaignMember,
    type Lead,
    type ScoringInput
} from '../core/src/index';
import { rng } from './random';

function arg(name: string, fallback: number): number {
    const i = process.argv.indexOf(`--${name}`);
    const n = i >= 0 ? Number(process.argv[i + 1]) : fallback;
    return Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
}

const TITLES = [
    'VP Sales',
    'CEO',
    'Director of IT',
    'Marketing Manager',
    'Analyst',
    'Student',
    'Engineer',
    null
];
const INDUSTRIES = ['Software', 'Banking', 'Retail', 'Healthcare', 'Education', null];
const COUNTRIES = ['United States', 'Germany', 'UK', 'Brazil', 'India', null];
const DOMAINS = ['acme.com', 'gmail.com', 'globex.io', 'test.com', 'hubspot.com', 'initech.de'];
const SOURCES = ['Web', 'Trade Show', 'Purchased List', 'Partner Referral', null];
const SUBJECTS = ['Call', 'Product demo', 'Follow-up email', 'Meeting', 'Sent pricing'];
const TYPES = ['Call', 'Email', 'Meeting', null];

export function generatePool(size: number, now: Date, seed = 42): ScoringInput[] {
    const r = rng(seed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)];
    const day = 86_400_000;
    const pool: ScoringInput[] = [];
    for (let i = 0; i < size; i++) {
        const id = `00Q${String(i).padStart(15, '0')}`;
        const created = new Date(now.getTime() - Math.floor(r() * 400) * day).toISOString();
        const lead: Lead = {
            id,
            firstName: r() < 0.9 ? 'Ada' : null,
            lastName: `Lead ${i}`,
            company: `Company ${i % 997}`,
            title: pick(TITLES),
            email: r() < 0.95 ? `person${i}@${pick(DOMAINS)}` : null,
            phone: r() < 0.7 ? '+1 555 0100' : null,
            industry: pick(INDUSTRIES),
            numberOfEmployees: r() < 0.8 ? Math.floor(r() * 20_000) : null,
            country: pick(COUNTRIES),
            leadSource: pick(SOURCES),
            status: 'New',
            isConverted: false,
            ownerId: '005000000000001AAA',
            createdDate: created,
            tier: r() < 0.5 ? pick(['Hot', 'Warm', 'Cool', 'Cold'] as const) : null,
            score: r() < 0.5 ? Math.floor(r() * 100) : null
        };
        const activities: Activity[] = [];
        const nActs = Math.floor(r() * 13);
        for (let a = 0; a < nActs; a++) {
            const when = new Date(now.getTime() - Math.floor(r() * 300) * day).toISOString();
            activities.push({
                id: `00T${i}-${a}`,
                kind: r() < 0.8 ? 'Task' : 'Event',
                whoId: id,
                ownerId: '005000000000001AAA',
                subject: pick(SUBJECTS),
                type: pick(TYPES),
                activityDate: when.slice(0, 10),
                status: r() < 0.85 ? 'Completed' : 'Not Started',
                createdDate: when
            });
        }
        const members: CampaignMember[] = [];
        const nMembers = Math.floor(r() * 4);
        for (let m = 0; m < nMembers; m++) {
            const when = new Date(now.getTime() - Math.floor(r() * 200) * day).toISOString();
            const responded = r() < 0.5;
            members.push({
                id: `00v${i}-${m}`,
                campaignId: `701${m}`,
                leadId: id,
                status: responded ? 'Responded' : 'Sent',
                hasResponded: responded,
                firstRespondedDate: responded ? when.slice(0, 10) : null,
                createdDate: when
            });
        }
        pool.push({ lead, activities, campaignMembers: members });
    }
    return pool;
}

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
