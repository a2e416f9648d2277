/**
 * Merging two accumulators (pages computed apart, e.g. in parallel): the
 * result equals one accumulator that saw both inputs.
 */
import { bump, emptyRun, type GroupCounts, type MetricsAccumulator } from './accumulate';
import { appendSamples } from './samples';
import { FUNNEL_STAGES, LEAK_KINDS } from './types';

const add = <K>(map: Map<K, number>, key: K, n: number): void => {
    map.set(key, (map.get(key) ?? 0) + n);
};

function mergeGroups(into: Map<string, GroupCounts>, from: Map<string, GroupCounts>): void {
    for (const [key, g] of from) {
        const t = into.get(key);
        if (!t) into.set(key, { ...g });
        else {
            t.leads += g.leads;
            t.converted += g.converted;
            t.won += g.won;
            t.wonAmount += g.wonAmount;
        }
    }
}

function mergeRecord(into: Record<string, number>, from: Record<string, number>): void {
    for (const [k, v] of Object.entries(from)) bump(into, k, v);
}

/**
 * Adds `b` into `a` (both from `emptyMetrics` with the same options): the
 * result equals one accumulator that saw both inputs.
 */
export function mergeMetrics(a: MetricsAccumulator, b: MetricsAccumulator): MetricsAccumulator {
    if (a.ctx.nowMs !== b.ctx.nowMs || a.ctx.settings !== b.ctx.settings) {
        throw new Error('Only metrics computed with the same settings and clock can be merged.');
    }
    const sums = [
        'leads',
        'touched',
        'slaEligible',
        'withinSla',
        'qualifiedNow',
        'qualifiedUntouched',
        'open',
        'dead',
        'won',
        'wonAmount',
        'handedBack',
        'returnedToSales',
        'recycledWon',
        'recycledWonAmount',
        'reviewScope',
        'reviewed',
        'defective',
        'unresolvedOpportunities'
    ] as const;
    for (const key of sums) a[key] += b[key];
    appendSamples(a.speedHours, b.speedHours);
    for (let i = 0; i < FUNNEL_STAGES.length; i++) {
        a.furthest[i] += b.furthest[i];
        a.evidence[i] += b.evidence[i];
        for (const k of LEAK_KINDS) a.leak[i][k] += b.leak[i][k];
    }
    mergeGroups(a.bySource, b.bySource);
    mergeGroups(a.byTier, b.byTier);
    for (const [id, c] of b.campaigns) {
        const t = a.campaigns.get(id);
        if (!t) a.campaigns.set(id, { ...c });
        else {
            t.members += c.members;
            t.responded += c.responded;
            t.convertedLeads += c.convertedLeads;
            t.wonLeads += c.wonLeads;
            t.wonAmount += c.wonAmount;
        }
    }
    for (const [id, c] of b.campaignInfo) a.campaignInfo.set(id, c);
    for (const [k, v] of b.reasons) add(a.reasons, k, v);
    for (const [id, m] of b.meetings) a.meetings.set(id, m);
    for (const [id, n] of b.entriesPerMeeting) add(a.entriesPerMeeting, id, n);
    for (const [at, r] of b.auditRuns) a.auditRuns.set(at, r);
    if (b.current) {
        const run = (a.current ??= emptyRun(b.current.ranAt));
        run.findings += b.current.findings;
        run.leads += b.current.leads;
        mergeRecord(run.byCheck, b.current.byCheck);
        mergeRecord(run.bySeverity, b.current.bySeverity);
    }
    for (const [k, v] of b.defectiveByCheck) add(a.defectiveByCheck, k, v);
    return a;
}
