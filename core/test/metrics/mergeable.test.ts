/**
 * The mergeable form gives exactly the one-shot result: pages in any split and
 * order, accumulators merged, and grouped aggregate rows.
 */
import { describe, expect, it } from 'vitest';
import {
    addAuditRuns,
    addCampaigns,
    addLeadGroups,
    addLeads,
    addReviewMeetings,
    computeMetrics,
    emptyMetrics,
    finishMetrics,
    isQueueId,
    leadFacts,
    mergeMetrics,
    touchMoment,
    type Lead,
    type LeadGroup,
    type MetricActivity,
    type MetricCampaignMember,
    type MetricFinding,
    type MetricOpportunity,
    type MetricReviewEntry,
    type MetricsPage,
    type MetricsSnapshot
} from '../../src/index';
import { statusMap } from '../../src/metrics/facts';
import { rng } from '../../../bench/synthetic';
import { ago, after, event, lead, NOW, OPTIONS, QUEUE, REP_A, REP_B, task } from './fixtures';

const STATUSES = ['New', 'Working - Contacted', 'Qualified', 'Nurturing', 'Unqualified'];

function randomSnapshot(size: number, seed: number): MetricsSnapshot {
    const r = rng(seed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)];
    const snap = {
        leads: [] as Lead[],
        activities: [] as MetricActivity[],
        campaignMembers: [] as MetricCampaignMember[],
        opportunities: [] as MetricOpportunity[],
        reviewEntries: [] as MetricReviewEntry[],
        findings: [] as MetricFinding[],
        campaigns: [
            { id: '701A', name: 'A', actualCost: 1000 },
            { id: '701B', name: 'B' }
        ],
        reviewMeetings: [{ id: 'M1', meetingDate: ago(2).slice(0, 10), leadsInScope: 40 }],
        auditRuns: [
            { ranAt: ago(30), findings: 3, leads: 2, byCheck: { x: 3 }, bySeverity: { low: 3 } }
        ]
    };
    for (let i = 0; i < size; i++) {
        const converted = r() < 0.15;
        const l = lead({
            status: pick(STATUSES),
            ownerId: pick([REP_A, REP_B, QUEUE]),
            createdDate: ago(Math.floor(r() * 200), Math.floor(r() * 24)),
            isConverted: converted,
            convertedOpportunityId: converted ? `006${i}` : null,
            leadSource: pick(['Web', 'Trade Show', null]),
            tier: pick(['Hot', 'Warm', 'Cool', 'Cold', null]),
            salesReady: r() < 0.3,
            handedBackAt: r() < 0.1 ? ago(5) : null,
            handbackReason: pick(['No_Budget', 'Not_Ready', null]),
            previousOwnerId: r() < 0.1 ? REP_A : null,
            lastActivityDate: r() < 0.1 ? ago(Math.floor(r() * 100)).slice(0, 10) : null
        });
        snap.leads.push(l);
        if (converted && r() < 0.9) {
            snap.opportunities.push({
                id: `006${i}`,
                isWon: r() < 0.5,
                isClosed: r() < 0.8,
                amount: Math.floor(r() * 100) * 1000
            });
        }
        for (let t = Math.floor(r() * 4); t > 0; t--) {
            const at = after(l.createdDate, Math.floor(r() * 2000));
            snap.activities.push(r() < 0.7 ? task(l.id, at) : event(l.id, at));
        }
        if (r() < 0.4) {
            snap.campaignMembers.push({
                campaignId: pick(['701A', '701B']),
                leadId: l.id,
                hasResponded: r() < 0.5
            });
        }
        if (r() < 0.3) {
            snap.reviewEntries.push({ leadId: l.id, meetingId: 'M1', reviewedAt: ago(2) });
        }
        if (r() < 0.3) {
            snap.findings.push({ leadId: l.id, checkId: pick(['a', 'b']), severity: 'high' });
        }
    }
    return snap;
}

/** The page of `leads` with exactly their related records. */
function pageOf(snap: MetricsSnapshot, leads: MetricsSnapshot['leads']): MetricsPage {
    const ids = new Set(leads.map((l) => l.id));
    const opps = new Set(leads.map((l) => l.convertedOpportunityId));
    return {
        leads,
        activities: snap.activities!.filter((a) => ids.has(a.whoId ?? '')),
        campaignMembers: snap.campaignMembers!.filter((m) => ids.has(m.leadId ?? '')),
        opportunities: snap.opportunities!.filter((o) => opps.has(o.id)),
        reviewEntries: snap.reviewEntries!.filter((e) => ids.has(e.leadId)),
        findings: snap.findings!.filter((f) => ids.has(f.leadId))
    };
}

function withSideRecords(snap: MetricsSnapshot) {
    const acc = emptyMetrics(OPTIONS);
    addCampaigns(acc, snap.campaigns!);
    addReviewMeetings(acc, snap.reviewMeetings!);
    return addAuditRuns(acc, snap.auditRuns!);
}

describe('the mergeable metrics', () => {
    const snap = randomSnapshot(600, 7);
    const oneShot = computeMetrics(snap, OPTIONS);

    it('exercises every part of the metrics (so the comparisons mean something)', () => {
        expect(oneShot.funnel.every((s) => s.reached > 0)).toBe(true);
        expect(oneShot.speedToFirstTouch.leads).toBeGreaterThan(100);
        expect(oneShot.processDefects.defective.count).toBeGreaterThan(0);
        expect(oneShot.campaigns[0].wonAmount).toBeGreaterThan(0);
        expect(oneShot.unresolvedOpportunities).toBeGreaterThan(0);
    });

    it('gives the one-shot result over pages of any size, in any order', () => {
        for (const size of [1, 7, 250]) {
            const pages: MetricsPage[] = [];
            for (let i = 0; i < snap.leads.length; i += size) {
                pages.push(pageOf(snap, snap.leads.slice(i, i + size)));
            }
            const acc = withSideRecords(snap);
            for (const page of pages.reverse()) addLeads(acc, page);
            expect(finishMetrics(acc)).toEqual(oneShot);
        }
    });

    it('gives the one-shot result when accumulators of halves are merged', () => {
        const half = snap.leads.length / 2;
        const a = withSideRecords(snap);
        addLeads(a, pageOf(snap, snap.leads.slice(0, half)));
        const b = addLeads(emptyMetrics(OPTIONS), pageOf(snap, snap.leads.slice(half)));
        expect(finishMetrics(mergeMetrics(b, a))).toEqual(oneShot);
    });

    it('refuses to merge accumulators with different clocks', () => {
        const other = emptyMetrics({ ...OPTIONS, now: new Date(NOW.getTime() + 1) });
        expect(() => mergeMetrics(emptyMetrics(OPTIONS), other)).toThrow(/same settings and clock/);
    });

    it('gives the same counts from grouped aggregate rows as from the leads', () => {
        // Group the leads by what an aggregate query can group or filter on.
        const ctx = {
            settings: OPTIONS.settings,
            map: statusMap(OPTIONS.settings),
            nowMs: NOW.getTime(),
            reviewWindowDays: 7,
            isQueue: isQueueId
        };
        const page = pageOf(snap, snap.leads);
        const opps = new Map(page.opportunities!.map((o) => [o.id, o]));
        const touched = new Set(
            page
                .activities!.filter((a) => touchMoment(a, NOW.getTime()) !== null)
                .map((a) => a.whoId)
        );
        const reviewed = new Set(page.reviewEntries!.map((e) => e.leadId));
        const groups = new Map<string, LeadGroup>();
        for (const l of snap.leads) {
            const opp = opps.get(l.convertedOpportunityId ?? '') ?? null;
            const f = leadFacts(
                l,
                null,
                opp,
                reviewed.has(l.id) ? Date.parse(ago(2)) : -Infinity,
                ctx
            );
            const g: LeadGroup = {
                count: 0,
                status: l.status,
                isConverted: l.isConverted,
                ownerIsQueue: isQueueId(l.ownerId),
                hasPreviousOwner: Boolean(l.previousOwnerId),
                salesReady: l.salesReady === true,
                touched: f.touched || touched.has(l.id),
                handedBack: f.handedBack,
                handbackReason: l.handbackReason,
                leadSource: l.leadSource,
                tier: l.tier,
                won: f.won,
                lost: f.lost,
                dead: oneShotDead(l.id),
                reviewed: f.reviewed
            };
            const key = JSON.stringify(g);
            const found = groups.get(key);
            if (found) {
                found.count++;
                found.wonAmount! += f.wonAmount;
            } else groups.set(key, { ...g, count: 1, wonAmount: f.wonAmount });
        }
        expect(groups.size).toBeLessThan(snap.leads.length);
        const fromGroups = finishMetrics(
            addLeadGroups(emptyMetrics(OPTIONS), [...groups.values()])
        );
        const { followUp, funnel, qualifiedUntouched, dead, conversionBySource, conversionByTier } =
            oneShot;
        expect(fromGroups.followUp.touched).toEqual(followUp.touched);
        expect(fromGroups.funnel).toEqual(funnel);
        expect(fromGroups.qualifiedUntouched).toEqual(qualifiedUntouched);
        expect(fromGroups.dead).toEqual(dead);
        expect(fromGroups.conversionBySource).toEqual(conversionBySource);
        expect(fromGroups.conversionByTier).toEqual(conversionByTier);
        expect(fromGroups.handback).toEqual(oneShot.handback);
        expect(fromGroups.recycled).toEqual(oneShot.recycled);
        expect(fromGroups.reviewCoverage.leads).toEqual(oneShot.reviewCoverage.leads);
        // Per-lead times are not in aggregate rows.
        expect(fromGroups.speedToFirstTouch.leads).toBe(0);
    });

    it('rejects a bad group row with where and what', () => {
        expect(() =>
            addLeadGroups(emptyMetrics(OPTIONS), [
                { count: 1, status: 'New' },
                { count: -1 } as LeadGroup
            ])
        ).toThrow(/Lead group 2 needs a whole, non-negative count and a status/);
    });

    /** Dead per lead, from a one-lead computation (a filter in an aggregate query). */
    function oneShotDead(id: string): boolean {
        const l = snap.leads.find((x) => x.id === id)!;
        return computeMetrics(pageOf(snap, [l]), OPTIONS).dead.count === 1;
    }
});
