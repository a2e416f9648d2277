import { describe, expect, it } from 'vitest';
import {
    DEFAULT_SETTINGS,
    computeMetrics,
    percentile,
    touchMoment,
    type MetricsSnapshot
} from '../../src/index';
import { after, ago, event, lead, NOW, OPTIONS, QUEUE, REP_A, REP_B, task } from './fixtures';

describe('metrics on no leads', () => {
    it('gives zero counts and null rates, never NaN', () => {
        const m = computeMetrics({ leads: [] }, OPTIONS);
        expect(m.leads).toBe(0);
        expect(m.followUp.touched).toEqual({ count: 0, of: 0, rate: null });
        expect(m.followUp.withinSla.rate).toBeNull();
        expect(m.speedToFirstTouch).toEqual({
            leads: 0,
            medianHours: null,
            p90Hours: null,
            medianDays: null,
            p90Days: null
        });
        expect(m.qualifiedUntouched.rate).toBeNull();
        expect(m.dead.rate).toBeNull();
        expect(m.funnel.map((s) => [s.reached, s.leak.total, s.conversionToNext])).toEqual([
            [0, 0, null],
            [0, 0, null],
            [0, 0, null],
            [0, 0, null],
            [0, 0, null],
            [0, 0, null]
        ]);
        expect(m.handback.rate.rate).toBeNull();
        expect(m.recycled.shareOfWins.rate).toBeNull();
        expect(m.reviewCoverage.leads.rate).toBeNull();
        expect(m.reviewCoverage.overall.rate).toBeNull();
        expect(m.processDefects).toEqual({
            audited: false,
            defective: { count: 0, of: 0, rate: null },
            ppm: null,
            byCheck: []
        });
        expect(m.hygieneOverTime).toEqual([]);
        expect(JSON.stringify(m)).not.toMatch(/NaN|Infinity/);
    });

    it('rejects unusable options with a clear message', () => {
        expect(() => computeMetrics({ leads: [] }, { ...OPTIONS, now: new Date('x') })).toThrow(
            'Metrics need `now` as a valid Date.'
        );
        expect(() =>
            computeMetrics({ leads: [] }, { settings: undefined as never, now: NOW })
        ).toThrow(/settings/);
        expect(() => computeMetrics({} as MetricsSnapshot, OPTIONS)).toThrow(/needs `leads`/);
    });
});

describe('follow-up rate and speed to first touch', () => {
    const a = lead({ createdDate: ago(10) });
    const b = lead({ createdDate: ago(10) });
    const c = lead({ createdDate: ago(10) });
    const d = lead({ createdDate: ago(10) });
    const e = lead({ createdDate: ago(10), lastActivityDate: ago(3).slice(0, 10) });
    const young = lead({ createdDate: ago(0, 1) });
    const g = lead({ createdDate: ago(10) });
    const snapshot: MetricsSnapshot = {
        leads: [a, b, c, d, e, young, g],
        activities: [
            task(a.id, after(a.createdDate, 6)),
            task(a.id, after(a.createdDate, 100)),
            event(b.id, after(b.createdDate, 72)),
            // Created an hour in, completed a day in: the completion counts.
            task(c.id, after(c.createdDate, 1), { completedDateTime: after(c.createdDate, 24) }),
            // Not touches: an open task, a future event, a task on nobody.
            task(g.id, after(g.createdDate, 2), { status: 'Not Started' }),
            event(g.id, after(NOW.toISOString(), 5)),
            task('', ago(1))
        ]
    };
    const m = computeMetrics(snapshot, OPTIONS);

    it('counts leads with any completed task or held event (or a LastActivityDate)', () => {
        expect(m.followUp.touched).toEqual({ count: 4, of: 7, rate: 4 / 7 });
    });

    it('measures the SLA on leads old enough, leaving out unknown first touches', () => {
        // Eligible: a, b, c, d, g (e's first touch time is unknown; the young lead is 1 h old).
        expect(m.followUp.slaDays).toBe(2);
        expect(m.followUp.withinSla).toEqual({ count: 2, of: 5, rate: 2 / 5 });
    });

    it('gives the median and 90th percentile of hours to the first touch', () => {
        // 6, 24, 72 hours: median 24; p90 at rank 1.8 = 24 + 0.8 × 48.
        expect(m.speedToFirstTouch.leads).toBe(3);
        expect(m.speedToFirstTouch.medianHours).toBe(24);
        expect(m.speedToFirstTouch.p90Hours).toBeCloseTo(62.4, 10);
        expect(m.speedToFirstTouch.medianDays).toBe(1);
        expect(m.speedToFirstTouch.p90Days).toBeCloseTo(2.6, 10);
    });

    it('takes percentiles by interpolation, with ties and even counts', () => {
        expect(percentile([5, 5, 5, 10], 0.5)).toBe(5);
        expect(percentile([5, 5, 5, 10], 0.9)).toBeCloseTo(8.5, 10);
        expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
        expect(percentile([7], 0.9)).toBe(7);
        expect(percentile([], 0.5)).toBeNull();
    });

    it('counts a touch before the lead was created as zero hours', () => {
        const early = lead({ createdDate: ago(5) });
        const r = computeMetrics({ leads: [early], activities: [task(early.id, ago(6))] }, OPTIONS);
        expect(r.speedToFirstTouch.medianHours).toBe(0);
    });

    it('times a task by its completion, else the later of its creation and due date', () => {
        const now = NOW.getTime();
        expect(touchMoment(task('x', ago(2), { completedDateTime: ago(1) }), now)).toBe(
            Date.parse(ago(1))
        );
        // Created before its due date and closed: the due date (midnight UTC).
        expect(touchMoment(task('x', ago(5), { activityDate: ago(3).slice(0, 10) }), now)).toBe(
            Date.parse(`${ago(3).slice(0, 10)}T00:00:00.000Z`)
        );
        expect(touchMoment(task('x', ago(5), { isClosed: false }), now)).toBeNull();
        expect(touchMoment(task('x', ago(5), { status: 'Open', isClosed: true }), now)).toBe(
            Date.parse(ago(5))
        );
    });
});

describe('qualified leads untouched', () => {
    it('uses the settings’ qualified statuses and leaves converted leads out', () => {
        const q1 = lead({ status: 'Qualified' });
        const q2 = lead({ status: 'Qualified' });
        const q3 = lead({ status: 'Qualified' });
        const converted = lead({ status: 'Qualified', isConverted: true });
        const working = lead({ status: 'Working - Contacted' });
        const leads = [q1, q2, q3, converted, working];
        const activities = [task(q1.id, ago(2))];
        const m = computeMetrics({ leads, activities }, OPTIONS);
        expect(m.qualifiedUntouched).toEqual({ count: 2, of: 3, rate: 2 / 3 });

        const sql = { ...DEFAULT_SETTINGS, qualifiedStatuses: ['SQL'] };
        const mapped = computeMetrics(
            { leads: [...leads, lead({ status: 'SQL' })], activities },
            { ...OPTIONS, settings: sql }
        );
        expect(mapped.qualifiedUntouched).toEqual({ count: 1, of: 1, rate: 1 });
    });
});

/** Ten leads, one or more per stage (see the README's funnel definition). */
function funnelSnapshot(): MetricsSnapshot {
    const f1 = lead({ ownerId: QUEUE, createdDate: ago(5), leadSource: 'Web' });
    const f2 = lead({ ownerId: QUEUE, createdDate: ago(200) });
    const f3 = lead({ ownerId: QUEUE, status: 'Qualified', createdDate: ago(5) });
    const f4 = lead({ ownerId: QUEUE, status: 'Nurturing', createdDate: ago(5) });
    const f5 = lead({ status: 'New', createdDate: ago(5), tier: 'Cool' });
    const f6 = lead({ status: 'Working - Contacted', ownerId: REP_B, leadSource: 'Web' });
    const f7 = lead({ status: 'Unqualified', leadSource: 'Trade Show' });
    const f8 = lead({
        status: 'Qualified',
        isConverted: true,
        convertedOpportunityId: '006000000000000WON',
        handedBackAt: ago(40),
        handbackReason: 'No_Budget',
        leadSource: 'Web',
        tier: 'Hot'
    });
    const f9 = lead({
        status: 'Qualified',
        isConverted: true,
        convertedOpportunityId: '006000000000000LST',
        leadSource: 'Web',
        tier: 'Warm'
    });
    const f10 = lead({
        status: 'Nurturing',
        ownerId: QUEUE,
        previousOwnerId: REP_A,
        handedBackAt: ago(20),
        handbackReason: 'Not_Ready',
        handbackCount: 1,
        leadSource: 'Trade Show'
    });
    const touched = [f6, f7, f8, f9, f10];
    return {
        leads: [f1, f2, f3, f4, f5, f6, f7, f8, f9, f10],
        activities: touched.map((l) => task(l.id, after(l.createdDate, 12))),
        opportunities: [
            { id: '006000000000000WON', isWon: true, isClosed: true, amount: 50_000 },
            { id: '006000000000000LST', isWon: false, isClosed: true, amount: 9_000 }
        ],
        campaignMembers: [
            { campaignId: '701A', leadId: f8.id, hasResponded: true },
            { campaignId: '701A', leadId: f9.id, hasResponded: false },
            { campaignId: '701A', leadId: f1.id, hasResponded: true },
            { campaignId: '701B', leadId: f8.id, hasResponded: true },
            { campaignId: '701B', leadId: null, hasResponded: true }
        ],
        campaigns: [
            { id: '701A', name: 'Webinar', actualCost: 10_000 },
            { id: '701B', name: 'Trade show', actualCost: 0 },
            { id: '701C', name: 'Unused', actualCost: 500 }
        ],
        reviewEntries: [
            { leadId: f5.id, meetingId: 'M1', reviewedAt: ago(3) },
            { leadId: f6.id, meetingId: 'M1', reviewedAt: ago(3) },
            { leadId: f6.id, meetingId: 'M1', reviewedAt: ago(3) },
            { leadId: f7.id, meetingId: 'M0', reviewedAt: ago(10) }
        ],
        reviewMeetings: [
            { id: 'M1', meetingDate: ago(3).slice(0, 10), leadsInScope: 4 },
            { id: 'M0', meetingDate: ago(10).slice(0, 10), leadsInScope: 5, leadsReviewed: 5 }
        ],
        findings: [
            { leadId: f5.id, checkId: 'untouchedPastSla', severity: 'high' },
            { leadId: f5.id, checkId: 'handedToSalesUnqualified', severity: 'medium' },
            { leadId: f6.id, checkId: 'handedToSalesUnqualified', severity: 'medium' },
            { leadId: f2.id, checkId: 'deadAfter90', severity: 'low' },
            { leadId: 'not-a-lead-here', checkId: 'deadAfter90', severity: 'low' }
        ],
        auditRuns: [
            {
                ranAt: ago(7),
                findings: 9,
                leads: 6,
                byCheck: { deadAfter90: 9 },
                bySeverity: { low: 9 }
            }
        ]
    };
}

describe('the six-stage funnel', () => {
    const m = computeMetrics(funnelSnapshot(), OPTIONS);

    it('counts leads that reached each stage, its own evidence and who skipped it', () => {
        expect(m.funnel.map((s) => [s.stage, s.reached, s.ownEvidence, s.skipped])).toEqual([
            ['generated', 10, 10, 0],
            ['qualified', 8, 3, 5],
            ['nurturing', 7, 3, 4],
            ['handedToSales', 6, 6, 0],
            ['pursued', 5, 5, 0],
            ['won', 1, 1, 0]
        ]);
        expect(m.funnel.map((s) => s.conversionToNext)).toEqual([
            8 / 10,
            7 / 8,
            6 / 7,
            5 / 6,
            1 / 5,
            null
        ]);
        expect(m.funnel[3].label).toBe('Handed to sales');
    });

    it('splits the leak at each stage by why the leads stopped', () => {
        const leak = (i: number) => m.funnel[i].leak;
        expect(leak(0)).toEqual({ total: 2, disqualified: 0, dead: 1, lost: 0, inProgress: 1 });
        expect(leak(1)).toEqual({ total: 1, disqualified: 0, dead: 0, lost: 0, inProgress: 1 });
        expect(leak(2)).toEqual({ total: 1, disqualified: 0, dead: 0, lost: 0, inProgress: 1 });
        expect(leak(3)).toEqual({ total: 1, disqualified: 0, dead: 0, lost: 0, inProgress: 1 });
        expect(leak(4)).toEqual({ total: 4, disqualified: 1, dead: 0, lost: 1, inProgress: 2 });
        expect(leak(5)).toEqual({ total: 0, disqualified: 0, dead: 0, lost: 0, inProgress: 0 });
    });

    it('counts open leads dead after the settings’ days without a touch', () => {
        // Open: f1, f2, f3, f5, f6; f2 was created 200 days ago and never touched.
        expect(m.dead).toEqual({ count: 1, of: 5, rate: 1 / 5 });
    });

    it('counts a lead with no user owner as not handed to sales, also with a custom isQueue', () => {
        const r = computeMetrics(funnelSnapshot(), { ...OPTIONS, isQueue: () => true });
        // Only converted leads and the one with a previous owner are still handed to sales.
        expect(r.funnel[3].reached).toBe(3);
    });
});

describe('conversion, campaigns, hand-backs and recycled wins', () => {
    const m = computeMetrics(funnelSnapshot(), OPTIONS);

    it('converts by source and by tier, most leads first (then by name)', () => {
        expect(m.conversionBySource).toEqual([
            {
                key: '(none)',
                leads: 4,
                converted: 0,
                won: 0,
                wonAmount: 0,
                conversionRate: 0,
                winRate: 0
            },
            {
                key: 'Web',
                leads: 4,
                converted: 2,
                won: 1,
                wonAmount: 50_000,
                conversionRate: 0.5,
                winRate: 0.25
            },
            {
                key: 'Trade Show',
                leads: 2,
                converted: 0,
                won: 0,
                wonAmount: 0,
                conversionRate: 0,
                winRate: 0
            }
        ]);
        expect(m.conversionByTier.map((g) => [g.key, g.leads, g.converted, g.won])).toEqual([
            ['Unscored', 7, 0, 0],
            ['Cool', 1, 0, 0],
            ['Hot', 1, 1, 1],
            ['Warm', 1, 1, 0]
        ]);
    });

    it('credits each won amount to every campaign its lead is a member of', () => {
        expect(m.campaigns).toEqual([
            {
                campaignId: '701A',
                name: 'Webinar',
                members: 3,
                responded: 2,
                convertedLeads: 2,
                wonLeads: 1,
                wonAmount: 50_000,
                cost: 10_000,
                returnOnCost: 4
            },
            {
                campaignId: '701B',
                name: 'Trade show',
                members: 1,
                responded: 1,
                convertedLeads: 1,
                wonLeads: 1,
                wonAmount: 50_000,
                cost: 0,
                returnOnCost: null
            },
            {
                campaignId: '701C',
                name: 'Unused',
                members: 0,
                responded: 0,
                convertedLeads: 0,
                wonLeads: 0,
                wonAmount: 0,
                cost: 500,
                returnOnCost: -1
            }
        ]);
    });

    it('gives the hand-back rate of all leads and of leads handed to sales, with reasons', () => {
        expect(m.handback.rate).toEqual({ count: 2, of: 10, rate: 0.2 });
        expect(m.handback.ofHandedToSales).toEqual({ count: 2, of: 6, rate: 2 / 6 });
        expect(m.handback.reasons).toEqual([
            { reason: 'No_Budget', count: 1, share: 0.5 },
            { reason: 'Not_Ready', count: 1, share: 0.5 }
        ]);
    });

    it('counts recycled leads, those back with sales, and their wins', () => {
        expect(m.recycled).toEqual({
            recycled: 2,
            returnedToSales: 1,
            won: 1,
            wonAmount: 50_000,
            shareOfWins: { count: 1, of: 1, rate: 1 }
        });
    });
});

describe('review coverage, hygiene over time and the process defect rate', () => {
    const m = computeMetrics(funnelSnapshot(), OPTIONS);

    it('covers open leads owned by reps reviewed in the last 7 days, and each meeting', () => {
        // In scope: f5, f6 (open, user-owned); f7 is disqualified. Both reviewed 3 days ago.
        expect(m.reviewCoverage.windowDays).toBe(7);
        expect(m.reviewCoverage.leads).toEqual({ count: 2, of: 2, rate: 1 });
        expect(m.reviewCoverage.meetings).toEqual([
            {
                meetingId: 'M0',
                meetingDate: ago(10).slice(0, 10),
                inScope: 5,
                reviewed: 5,
                coverage: 1
            },
            // No LL_Leads_Reviewed__c: the distinct leads of its entries.
            {
                meetingId: 'M1',
                meetingDate: ago(3).slice(0, 10),
                inScope: 4,
                reviewed: 2,
                coverage: 0.5
            }
        ]);
        expect(m.reviewCoverage.overall).toEqual({ count: 7, of: 9, rate: 7 / 9 });
        const narrow = computeMetrics(funnelSnapshot(), { ...OPTIONS, reviewWindowDays: 2 });
        expect(narrow.reviewCoverage.leads).toEqual({ count: 0, of: 2, rate: 0 });
    });

    it('lists audit runs over time, the current findings last (only on the given leads)', () => {
        expect(m.hygieneOverTime).toEqual([
            {
                ranAt: ago(7),
                findings: 9,
                leads: 6,
                byCheck: { deadAfter90: 9 },
                bySeverity: { low: 9 }
            },
            {
                ranAt: NOW.toISOString(),
                findings: 4,
                leads: 3,
                byCheck: { untouchedPastSla: 1, handedToSalesUnqualified: 2, deadAfter90: 1 },
                bySeverity: { high: 1, medium: 2, low: 1 }
            }
        ]);
    });

    it('gives the share of leads handed to sales with any finding, in ppm too', () => {
        // Handed to sales: f5..f10 (6); with findings: f5, f6 (f2 never reached sales).
        expect(m.processDefects).toEqual({
            audited: true,
            defective: { count: 2, of: 6, rate: 2 / 6 },
            ppm: 333_333,
            byCheck: [
                { checkId: 'handedToSalesUnqualified', leads: 2 },
                { checkId: 'untouchedPastSla', leads: 1 }
            ]
        });
    });

    it('counts a converted lead whose opportunity is missing as not won, and says so', () => {
        const snap = funnelSnapshot();
        const r = computeMetrics({ ...snap, opportunities: [] }, OPTIONS);
        expect(r.unresolvedOpportunities).toBe(2);
        expect(r.funnel[5].reached).toBe(0);
        expect(m.unresolvedOpportunities).toBe(0);
    });
});
