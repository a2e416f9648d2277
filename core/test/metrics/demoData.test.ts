/**
 * The metrics on the demo data set equal what the data set was built with
 * (README "Demo data": the problem shares, the scenarios' statuses and owners).
 * The generator is imported read-only; its records are resolved into a snapshot
 * here the way seeding resolves them into an org (keys → ids).
 */
import { describe, expect, it } from 'vitest';
import {
    auditRunFigures,
    computeMetrics,
    HANDBACK_REASONS,
    hygieneActivityFromRecord,
    leadFromRecord,
    metricActivityFromRecord,
    metricCampaignFromRecord,
    type Lead,
    type MetricFinding,
    type MetricsSnapshot
} from '../../src/index';
import {
    DEMO_SETTINGS,
    DEMO_SHARES,
    generateDemoData,
    QUEUE_KEY
} from '../../../cli/src/seed/generate';
import { DEMO_PROBLEMS, type DemoData, type SeedRecord } from '../../../cli/src/seed/types';

const now = new Date('2026-11-22T12:00:00.000Z');
const data = generateDemoData({ now });
const LEADS = 5000;
const options = { settings: DEMO_SETTINGS, now };

/** Key prefixes as the platform assigns them (User 005, Group 00G, Lead 00Q…). */
const PREFIX: Record<string, string> = {
    User: '005',
    Group: '00G',
    Lead: '00Q',
    Campaign: '701',
    Task: '00T',
    Event: '00U',
    CampaignMember: '00v',
    Opportunity: '006'
};

function resolve(d: DemoData) {
    const ids = new Map<string, string>();
    for (const s of d.steps) {
        s.records.forEach((r, i) => {
            ids.set(r.key, `${PREFIX[s.object] ?? 'a00'}${String(i).padStart(15, '0')}`);
        });
    }
    const records = (object: string): SeedRecord[] =>
        d.steps.find((s) => s.object === object)!.records;
    const withRefs = (r: SeedRecord): Record<string, unknown> => ({
        Id: ids.get(r.key),
        ...r.fields,
        ...Object.fromEntries(Object.entries(r.refs ?? {}).map(([f, k]) => [f, ids.get(k)]))
    });
    // The planted conversions, applied as seeding applies them (status Converted).
    const conversionOf = new Map(d.conversions.map((c) => [c.lead, c]));
    const leads: Lead[] = records('Lead').map((r) => {
        const c = conversionOf.get(r.key);
        return {
            ...leadFromRecord(withRefs(r)),
            isConverted: Boolean(c),
            ...(c ? { status: 'Converted', convertedOpportunityId: ids.get(c.opportunity)! } : {})
        };
    });
    const snapshot: MetricsSnapshot = {
        leads,
        opportunities: records('Opportunity').map((r) => {
            const stage = String(r.fields.StageName);
            return {
                id: ids.get(r.key)!,
                isWon: stage === 'Closed Won',
                isClosed: stage.startsWith('Closed'),
                amount: Number(r.fields.Amount)
            };
        }),
        activities: [
            ...records('Task').map((r) => metricActivityFromRecord(withRefs(r), 'Task')),
            ...records('Event').map((r) => metricActivityFromRecord(withRefs(r), 'Event'))
        ],
        campaignMembers: records('CampaignMember').map((r) => {
            const m = withRefs(r);
            return {
                campaignId: String(m.CampaignId),
                leadId: String(m.LeadId),
                hasResponded: m.HasResponded === true
            };
        }),
        campaigns: records('Campaign').map((r) => metricCampaignFromRecord(withRefs(r)))
    };
    return { ids, snapshot, records };
}

const { ids, snapshot, records } = resolve(data);
const leadRecords = records('Lead');
const idsOf = (keys: readonly string[]) => new Set(keys.map((k) => ids.get(k)!));
/** The snapshot restricted to some leads (with their related records). */
function only(keys: readonly string[]): MetricsSnapshot {
    const set = idsOf(keys);
    return {
        leads: snapshot.leads.filter((l) => set.has(l.id)),
        activities: snapshot.activities!.filter((a) => set.has(a.whoId ?? ''))
    };
}
const count = (pred: (r: SeedRecord) => boolean) => leadRecords.filter(pred).length;
const m = computeMetrics(snapshot, options);

describe('metrics on the demo data set (5,000 leads, seed 42)', () => {
    it('hand-back rate: the 200 handed back + 150 nurture-date-passed leads of 5,000', () => {
        expect(data.problems.handedBack).toHaveLength((DEMO_SHARES.handedBack / 100) * LEADS);
        expect(data.problems.nurtureDatePassed).toHaveLength(
            (DEMO_SHARES.nurtureDatePassed / 100) * LEADS
        );
        expect(m.handback.rate).toEqual({ count: 350, of: 5000, rate: 0.07 });
        const reasons = m.handback.reasons;
        expect(reasons.reduce((n, r) => n + r.count, 0)).toBe(350);
        expect(
            reasons.every((r) => (HANDBACK_REASONS as readonly string[]).includes(r.reason))
        ).toBe(true);
        // Every handed-back lead is still with marketing: none returned to sales, none won.
        expect(m.recycled).toMatchObject({ recycled: 350, returnedToSales: 0, won: 0 });
    });

    it('qualified untouched: the 200 qualified-untouched + 150 fake-qualified leads', () => {
        const converted = new Set(data.conversions.map((c) => c.lead));
        const qualified = count((r) => r.fields.Status === 'Qualified' && !converted.has(r.key));
        expect(qualified).toBeGreaterThan(500);
        expect(m.qualifiedUntouched).toEqual({
            count: 200 + 150,
            of: qualified,
            rate: 350 / qualified
        });
        expect(
            computeMetrics(only(data.problems.qualifiedUntouched), options).qualifiedUntouched
        ).toEqual({ count: 200, of: 200, rate: 1 });
    });

    it('follow-up: exactly the leads with a task or event; every untouched problem untouched', () => {
        const withActivity = new Set(
            [...records('Task'), ...records('Event')].map((r) => r.refs!.WhoId)
        );
        expect(m.followUp.touched).toEqual({
            count: withActivity.size,
            of: 5000,
            rate: withActivity.size / 5000
        });
        const untouched = [
            ...data.problems.pastFollowUpSla,
            ...data.problems.qualifiedUntouched,
            ...data.problems.fakeQualified,
            ...data.problems.duplicateEmail,
            ...data.problems.duplicatePerson,
            ...data.problems.duplicateOfContact
        ];
        const r = computeMetrics(only(untouched), options);
        expect(r.followUp.touched.count).toBe(0);
        expect(r.leads).toBe(untouched.length);
        // Past the follow-up SLA (3–85 days old, never touched): all eligible, none within.
        const sla = computeMetrics(only(data.problems.pastFollowUpSla), options);
        expect(sla.followUp.withinSla).toEqual({ count: 0, of: 450, rate: 0 });
        // Every touch has a time: the speed covers every touched lead.
        expect(m.speedToFirstTouch.leads).toBe(withActivity.size);
        expect(m.speedToFirstTouch.medianHours!).toBeLessThanOrEqual(m.speedToFirstTouch.p90Hours!);
    });

    it('dead after 90 days: all 800 dead leads are dead', () => {
        const r = computeMetrics(only(data.problems.deadAfter90), options);
        expect(r.dead).toEqual({ count: 800, of: 800, rate: 1 });
        expect(m.dead.count).toBeGreaterThanOrEqual(800);
    });

    it('stage counts: generated, qualified, nurturing, handed to sales, pursued, won', () => {
        const queueOwned = count((r) => r.refs!.OwnerId === QUEUE_KEY);
        const handedBack = data.problems.handedBack.length + data.problems.nurtureDatePassed.length;
        const nurturing = count(
            (r) => r.fields.Status === 'Nurturing' || Boolean(r.fields.LL_Handed_Back_At__c)
        );
        const byStage = Object.fromEntries(m.funnel.map((s) => [s.stage, s]));
        expect(byStage.generated.reached).toBe(5000);
        // Handed to sales: owned by a rep, or handed back by one (its previous owner kept).
        expect(byStage.handedToSales.ownEvidence).toBe(5000 - queueOwned + handedBack);
        expect(byStage.nurturing.ownEvidence).toBe(nurturing);
        expect(byStage.qualified.ownEvidence).toBe(count((r) => r.fields.Status === 'Qualified'));
        // Won: the planted conversions whose opportunity is won (75 of the 125 converted).
        const won = data.conversions.filter((c) => c.outcome === 'won');
        expect(won).toHaveLength(75);
        expect(byStage.won.reached).toBe(75);
        expect(byStage.pursued.leak.lost).toBe(25);
        expect(m.conversionBySource.reduce((n, g) => n + g.converted, 0)).toBe(125);
        expect(m.conversionBySource.reduce((n, g) => n + g.won, 0)).toBe(75);
        // The hot leads stuck in the marketing queue never reached sales.
        const hot = computeMetrics(only(data.problems.hotInMarketingQueue), options);
        expect(hot.funnel[3].reached).toBe(0);
        // Every lead either stopped at a stage (the leaks) or was won.
        expect(m.funnel.reduce((n, s) => n + s.leak.total, 0) + byStage.won.reached).toBe(5000);
    });

    it('conversion by source and return per campaign are the planted conversions', () => {
        const leadByKey = new Map(leadRecords.map((r) => [r.key, r]));
        const amountOf = new Map(
            records('Opportunity').map((r) => [r.key, Number(r.fields.Amount)])
        );
        const sourceOf = (key: string) => String(leadByKey.get(key)!.fields.LeadSource ?? '(none)');
        const expected = new Map<
            string,
            { leads: number; converted: number; won: number; wonAmount: number }
        >();
        const group = (s: string) => {
            if (!expected.has(s)) expected.set(s, { leads: 0, converted: 0, won: 0, wonAmount: 0 });
            return expected.get(s)!;
        };
        for (const r of leadRecords) group(sourceOf(r.key)).leads++;
        for (const c of data.conversions) {
            const g = group(sourceOf(c.lead));
            g.converted++;
            if (c.outcome === 'won') {
                g.won++;
                g.wonAmount += amountOf.get(c.opportunity)!;
            }
        }
        expect(
            Object.fromEntries(
                m.conversionBySource.map((g) => [
                    g.key,
                    { leads: g.leads, converted: g.converted, won: g.won, wonAmount: g.wonAmount }
                ])
            )
        ).toEqual(Object.fromEntries(expected));
        // Return per campaign: the won amount of the campaign's members' won conversions.
        const members = records('CampaignMember');
        const conversionOf = new Map(data.conversions.map((c) => [c.lead, c]));
        let campaignsWithReturn = 0;
        for (const c of m.campaigns) {
            const key = [...ids].find(([, id]) => id === c.campaignId)![0];
            const own = members.filter((r) => r.refs!.CampaignId === key);
            expect(c.members, c.name!).toBe(own.length);
            expect(c.responded, c.name!).toBe(own.filter((r) => r.fields.HasResponded).length);
            const converted = own.map((r) => conversionOf.get(r.refs!.LeadId)).filter((x) => x);
            const won = converted.filter((x) => x!.outcome === 'won');
            expect(c.convertedLeads, c.name!).toBe(converted.length);
            expect(c.wonLeads, c.name!).toBe(won.length);
            expect(c.wonAmount, c.name!).toBe(
                won.reduce((n, x) => n + amountOf.get(x!.opportunity)!, 0)
            );
            if (c.wonAmount > 0) campaignsWithReturn++;
        }
        expect(campaignsWithReturn).toBeGreaterThan(0);
        expect(m.campaigns).toHaveLength(12);
    });

    it('process defect rate: leads handed to sales that have one of the built-in problems', () => {
        // The audit a perfect hygiene check would return: one finding per problem lead.
        const findings: MetricFinding[] = DEMO_PROBLEMS.flatMap((p) =>
            data.problems[p].map((k) => ({ leadId: ids.get(k)!, checkId: p, severity: 'high' }))
        );
        const total = DEMO_PROBLEMS.reduce((n, p) => n + data.problems[p].length, 0);
        expect(new Set(findings.map((f) => f.leadId)).size).toBe(total);
        const r = computeMetrics({ ...snapshot, findings }, options);
        const handed = r.funnel[3].reached;
        // Every problem lead reached sales except the 100 hot leads stuck in the queue.
        const defective = total - data.problems.hotInMarketingQueue.length;
        expect(r.processDefects.defective).toEqual({
            count: defective,
            of: handed,
            rate: defective / handed
        });
        expect(r.processDefects.byCheck.find((c) => c.checkId === 'hotInMarketingQueue')).toBe(
            undefined
        );
        expect(r.hygieneOverTime).toEqual([
            expect.objectContaining({ ranAt: now.toISOString(), findings: total, leads: total })
        ]);
    });

    it('audit-run figures: the planted defects and the speed to first touch, as the page shows them', () => {
        const findings: MetricFinding[] = DEMO_PROBLEMS.flatMap((p) =>
            data.problems[p].map((k) => ({ leadId: ids.get(k)!, checkId: p, severity: 'high' }))
        );
        const total = DEMO_PROBLEMS.reduce((n, p) => n + data.problems[p].length, 0);
        // The activities as the audit reads them (hygiene records), not as the metrics do.
        const withRefs = (r: SeedRecord) => ({
            Id: ids.get(r.key),
            ...r.fields,
            WhoId: ids.get(r.refs!.WhoId)
        });
        const figures = auditRunFigures(
            {
                leads: snapshot.leads,
                tasks: records('Task').map((r) => hygieneActivityFromRecord(withRefs(r), 'Task')),
                events: records('Event').map((r) => hygieneActivityFromRecord(withRefs(r), 'Event'))
            },
            findings,
            DEMO_SETTINGS,
            now
        );
        const withActivity = new Set(
            [...records('Task'), ...records('Event')].map((r) => r.refs!.WhoId)
        );
        const round2 = (h: number | null) => Math.round(h! * 100) / 100;
        expect(figures).toEqual({
            // Reps' leads plus the 350 handed back by one (README "Tracking and reporting").
            handedToSales: m.funnel[3].reached,
            // Every problem lead but the 100 hot leads stuck in the marketing queue.
            defective: total - data.problems.hotInMarketingQueue.length,
            firstTouchLeads: withActivity.size,
            firstTouchMedianHours: round2(m.speedToFirstTouch.medianHours),
            firstTouchP90Hours: round2(m.speedToFirstTouch.p90Hours)
        });
        expect([figures.handedToSales, figures.defective, figures.firstTouchLeads]).toEqual([
            4784, 2950, 3140
        ]);
    });

    it('review coverage is empty: the demo set has no review meetings yet', () => {
        expect(m.reviewCoverage.meetings).toEqual([]);
        expect(m.reviewCoverage.leads.count).toBe(0);
    });
});
