/**
 * Turns an accumulator into the metrics: rates (null when nothing to divide
 * by), percentiles, the funnel with its leaks, and groups sorted for display.
 */
import type { GroupCounts, MetricsAccumulator } from './accumulate';
import { percentile, sortedSamples } from './samples';
import {
    FUNNEL_STAGE_LABELS,
    FUNNEL_STAGES,
    LEAK_KINDS,
    type CampaignReturn,
    type FunnelStageResult,
    type GroupConversion,
    type LeadLoopMetrics,
    type MetricAuditRun,
    type Ratio,
    type ReviewMeetingCoverage
} from './types';

/** count / of, or null when `of` is 0. */
export function ratio(count: number, of: number): Ratio {
    return { count, of, rate: of > 0 ? count / of : null };
}

const rateOf = (count: number, of: number): number | null => (of > 0 ? count / of : null);

/** Most leads first, then by key, so the order is stable. */
function groups(map: Map<string, GroupCounts>): GroupConversion[] {
    return [...map]
        .map(([key, g]) => ({
            key,
            ...g,
            conversionRate: rateOf(g.converted, g.leads),
            winRate: rateOf(g.won, g.leads)
        }))
        .sort((a, b) => b.leads - a.leads || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function funnel(acc: MetricsAccumulator): FunnelStageResult[] {
    const reached: number[] = [];
    let beyond = 0;
    for (let i = FUNNEL_STAGES.length - 1; i >= 0; i--) {
        beyond += acc.furthest[i];
        reached[i] = beyond;
    }
    const last = FUNNEL_STAGES.length - 1;
    return FUNNEL_STAGES.map((stage, i) => {
        // Won leads did not leak: they are the output of the line.
        const leak = Object.fromEntries(
            LEAK_KINDS.map((k) => [k, i === last ? 0 : acc.leak[i][k]])
        ) as FunnelStageResult['leak'];
        leak.total = i === last ? 0 : acc.furthest[i];
        return {
            stage,
            label: FUNNEL_STAGE_LABELS[stage],
            reached: reached[i],
            ownEvidence: acc.evidence[i],
            skipped: reached[i] - acc.evidence[i],
            leak,
            conversionToNext: i === last ? null : rateOf(reached[i + 1], reached[i])
        };
    });
}

function campaigns(acc: MetricsAccumulator): CampaignReturn[] {
    const ids = new Set([...acc.campaigns.keys(), ...acc.campaignInfo.keys()]);
    return [...ids]
        .map((campaignId) => {
            const c = acc.campaigns.get(campaignId);
            const info = acc.campaignInfo.get(campaignId);
            const wonAmount = c?.wonAmount ?? 0;
            const cost = info?.actualCost ?? null;
            return {
                campaignId,
                name: info?.name ?? null,
                members: c?.members ?? 0,
                responded: c?.responded ?? 0,
                convertedLeads: c?.convertedLeads ?? 0,
                wonLeads: c?.wonLeads ?? 0,
                wonAmount,
                cost,
                returnOnCost: cost !== null && cost > 0 ? (wonAmount - cost) / cost : null
            };
        })
        .sort(
            (a, b) =>
                b.wonAmount - a.wonAmount ||
                b.members - a.members ||
                (a.campaignId < b.campaignId ? -1 : 1)
        );
}

function meetings(acc: MetricsAccumulator): ReviewMeetingCoverage[] {
    return [...acc.meetings.values()]
        .map((m) => {
            const inScope = m.leadsInScope ?? 0;
            const reviewed = m.leadsReviewed ?? acc.entriesPerMeeting.get(m.id) ?? 0;
            return {
                meetingId: m.id,
                meetingDate: m.meetingDate,
                inScope,
                reviewed,
                coverage: rateOf(reviewed, inScope)
            };
        })
        .sort((a, b) =>
            (a.meetingDate ?? '') < (b.meetingDate ?? '')
                ? -1
                : (a.meetingDate ?? '') > (b.meetingDate ?? '')
                  ? 1
                  : a.meetingId < b.meetingId
                    ? -1
                    : 1
        );
}

function hygieneOverTime(acc: MetricsAccumulator): MetricAuditRun[] {
    const runs = new Map(acc.auditRuns);
    if (acc.current) runs.set(acc.current.ranAt, acc.current);
    return [...runs.values()].sort((a, b) => (a.ranAt < b.ranAt ? -1 : a.ranAt > b.ranAt ? 1 : 0));
}

export function finishMetrics(acc: MetricsAccumulator): LeadLoopMetrics {
    const { settings, nowMs, reviewWindowDays } = acc.ctx;
    const sorted = sortedSamples(acc.speedHours);
    const median = percentile(sorted, 0.5);
    const p90 = percentile(sorted, 0.9);
    const stages = funnel(acc);
    const handedToSales = stages[FUNNEL_STAGES.indexOf('handedToSales')].reached;
    const meetingList = meetings(acc);
    const sum = (key: 'inScope' | 'reviewed') => meetingList.reduce((n, m) => n + m[key], 0);
    const defective = ratio(acc.defective, handedToSales);
    return {
        asOf: new Date(nowMs).toISOString(),
        leads: acc.leads,
        followUp: {
            touched: ratio(acc.touched, acc.leads),
            slaDays: settings.followUpSlaDays,
            withinSla: ratio(acc.withinSla, acc.slaEligible)
        },
        speedToFirstTouch: {
            leads: sorted.length,
            medianHours: median,
            p90Hours: p90,
            medianDays: median === null ? null : median / 24,
            p90Days: p90 === null ? null : p90 / 24
        },
        qualifiedUntouched: ratio(acc.qualifiedUntouched, acc.qualifiedNow),
        dead: ratio(acc.dead, acc.open),
        funnel: stages,
        conversionBySource: groups(acc.bySource),
        conversionByTier: groups(acc.byTier),
        campaigns: campaigns(acc),
        handback: {
            rate: ratio(acc.handedBack, acc.leads),
            ofHandedToSales: ratio(acc.handedBack, handedToSales),
            reasons: [...acc.reasons]
                .map(([reason, count]) => ({
                    reason,
                    count,
                    share: rateOf(count, acc.handedBack)
                }))
                .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1))
        },
        recycled: {
            recycled: acc.handedBack,
            returnedToSales: acc.returnedToSales,
            won: acc.recycledWon,
            wonAmount: acc.recycledWonAmount,
            shareOfWins: ratio(acc.recycledWon, acc.won)
        },
        reviewCoverage: {
            windowDays: reviewWindowDays,
            leads: ratio(acc.reviewed, acc.reviewScope),
            meetings: meetingList,
            overall: ratio(sum('reviewed'), sum('inScope'))
        },
        hygieneOverTime: hygieneOverTime(acc),
        processDefects: {
            audited: acc.current !== null,
            defective,
            ppm: defective.rate === null ? null : Math.round(defective.rate * 1_000_000),
            byCheck: [...acc.defectiveByCheck]
                .map(([checkId, leads]) => ({ checkId, leads }))
                .sort((a, b) => b.leads - a.leads || (a.checkId < b.checkId ? -1 : 1))
        },
        unresolvedOpportunities: acc.unresolvedOpportunities
    };
}
