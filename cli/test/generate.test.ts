import { describe, expect, it } from 'vitest';
import {
    activityFromRecord,
    campaignMemberFromRecord,
    DEFAULT_SCORING_MODEL,
    leadFromRecord,
    scoreLead,
    type Activity,
    type CampaignMember
} from '../../core/src/index';
import {
    DEMO_SHARES,
    demoCounts,
    generateDemoData,
    INACTIVE_REPS,
    QUEUE_KEY,
    repUsername
} from '../src/seed/generate';
import { DEMO_PROBLEMS, type DemoData, type SeedRecord } from '../src/seed/types';

const now = new Date('2026-11-22T12:00:00.000Z');
const data = generateDemoData({ now });

function step(d: DemoData, object: string): SeedRecord[] {
    return d.steps.find((s) => s.object === object)!.records;
}

describe('generateDemoData', () => {
    it('is deterministic for the same seed and clock, and differs for another seed', () => {
        expect(JSON.stringify(generateDemoData({ now }))).toBe(JSON.stringify(data));
        expect(JSON.stringify(generateDemoData({ now, seed: 7 }))).not.toBe(JSON.stringify(data));
    });

    it('has the documented counts and unique keys', () => {
        const counts = demoCounts(data);
        // The counts the README states (section "Demo data").
        expect(counts).toMatchObject({
            Account: 262,
            Contact: 453,
            Opportunity: 340,
            CampaignMember: 3071,
            Task: 7409,
            Event: 250
        });
        expect(counts.Lead).toBe(5000);
        // 125 converted leads (half the 250 qualified, worked ones), each with its own
        // opportunity: 75 won, 25 lost, 25 open.
        const outcomes = data.conversions.map((c) => c.outcome);
        expect(outcomes.filter((o) => o === 'won')).toHaveLength(75);
        expect(outcomes.filter((o) => o === 'lost')).toHaveLength(25);
        expect(outcomes.filter((o) => o === 'open')).toHaveLength(25);
        expect(new Set(data.conversions.map((c) => c.lead)).size).toBe(125);
        const opps = new Map(
            data.steps.find((s) => s.object === 'Opportunity')!.records.map((r) => [r.key, r])
        );
        for (const c of data.conversions) {
            const stage = opps.get(c.opportunity)!.fields.StageName;
            if (c.outcome === 'won') expect(stage).toBe('Closed Won');
            else if (c.outcome === 'lost') expect(stage).toBe('Closed Lost');
            else expect(stage).not.toMatch(/^Closed/);
        }
        expect(counts.User).toBe(15);
        expect(counts.Campaign).toBe(12);
        expect(counts.Account).toBeGreaterThan(200);
        expect(counts.Contact).toBeGreaterThan(counts.Account);
        expect(counts.Task).toBeGreaterThan(5000);
        expect(counts.Event).toBeGreaterThan(100);
        expect(counts.CampaignMember).toBeGreaterThan(1500);
        for (const s of data.steps) {
            const keys = s.records.map((r) => r.key);
            expect(new Set(keys).size, s.object).toBe(keys.length);
        }
        const users = step(data, 'User');
        expect(users.filter((u) => u.fields.IsActive === false)).toHaveLength(INACTIVE_REPS.length);
    });

    it('every reference points at a record of the data set (or the org admin)', () => {
        const keys = new Set(data.steps.flatMap((s) => s.records.map((r) => r.key)));
        for (const s of data.steps) {
            for (const r of s.records) {
                for (const target of Object.values(r.refs ?? {})) {
                    expect(keys.has(target), `${s.object} ${r.key} → ${target}`).toBe(true);
                }
            }
        }
    });

    it('natural keys of activities and campaign members are unique', () => {
        for (const [object, fields] of [
            ['Task', ['WhoId', 'Subject', 'ActivityDate']],
            ['Event', ['WhoId', 'Subject', 'StartDateTime']],
            ['CampaignMember', ['CampaignId', 'LeadId']]
        ] as const) {
            const keys = step(data, object).map((r) =>
                fields.map((f) => r.refs?.[f] ?? r.fields[f]).join('|')
            );
            expect(new Set(keys).size, object).toBe(keys.length);
        }
    });

    it('dates are in the past 180 days and never in the future (except planned nurture dates)', () => {
        const min = now.getTime() - 181 * 86_400_000;
        for (const object of ['Lead', 'Task', 'Event']) {
            for (const r of step(data, object)) {
                const created = Date.parse(String(r.fields.CreatedDate));
                expect(created).toBeLessThanOrEqual(now.getTime());
                expect(created).toBeGreaterThanOrEqual(min - 3 * 86_400_000);
            }
        }
    });

    it('shows every problem in its share (within bounds)', () => {
        for (const p of DEMO_PROBLEMS) {
            const share = (data.problems[p].length / 5000) * 100;
            expect(share, p).toBeGreaterThanOrEqual(1);
            expect(share, p).toBeLessThanOrEqual(20);
        }
        expect(data.problems.deadAfter90.length / 50).toBeCloseTo(DEMO_SHARES.deadAfter90, 0);
        expect(data.duplicateContacts.length).toBeGreaterThan(0);
    });

    it('problem leads really have the problem', () => {
        const leads = new Map(step(data, 'Lead').map((r) => [r.key, r]));
        const tasksByLead = new Map<string, number>();
        for (const t of [...step(data, 'Task'), ...step(data, 'Event')]) {
            tasksByLead.set(t.refs!.WhoId, (tasksByLead.get(t.refs!.WhoId) ?? 0) + 1);
        }
        const inactive = new Set(INACTIVE_REPS.map(repUsername));
        for (const k of data.problems.ownerLeft) {
            expect(inactive.has(leads.get(k)!.refs!.OwnerId)).toBe(true);
        }
        for (const k of data.problems.qualifiedUntouched) {
            expect(leads.get(k)!.fields.Status).toBe('Qualified');
            expect(tasksByLead.get(k) ?? 0).toBe(0);
        }
        const contactEmails = new Set(step(data, 'Contact').map((c) => c.fields.Email));
        for (const k of [...data.problems.dealMovedOn, ...data.problems.duplicateOfContact]) {
            expect(contactEmails.has(leads.get(k)!.fields.Email)).toBe(true);
        }
        const emails = step(data, 'Lead').map((l) => l.fields.Email);
        for (const k of data.problems.duplicateEmail) {
            const email = leads.get(k)!.fields.Email;
            expect(emails.filter((e) => e === email).length).toBeGreaterThan(1);
        }
        for (const k of [
            ...data.problems.hotInMarketingQueue,
            ...data.problems.nurtureDatePassed
        ]) {
            expect(leads.get(k)!.refs!.OwnerId).toBe(QUEUE_KEY);
        }
        for (const k of data.problems.nurtureDatePassed) {
            expect(Date.parse(String(leads.get(k)!.fields.LL_Nurture_Until__c))).toBeLessThan(
                now.getTime()
            );
        }
        for (const k of data.problems.deadAfter90) {
            expect(Date.parse(String(leads.get(k)!.fields.CreatedDate))).toBeLessThan(
                now.getTime() - 90 * 86_400_000
            );
        }
    });

    it('every tier shows up when the leads are scored with the default model', () => {
        const acts = new Map<string, Activity[]>();
        for (const kind of ['Task', 'Event'] as const) {
            for (const r of step(data, kind)) {
                const a = activityFromRecord({ Id: r.key, ...r.fields, ...r.refs }, kind);
                acts.set(a.whoId!, [...(acts.get(a.whoId!) ?? []), a]);
            }
        }
        const members = new Map<string, CampaignMember[]>();
        for (const r of step(data, 'CampaignMember')) {
            const m = campaignMemberFromRecord({ Id: r.key, ...r.fields, ...r.refs });
            members.set(m.leadId!, [...(members.get(m.leadId!) ?? []), m]);
        }
        const tiers: Record<string, number> = {};
        for (const r of step(data, 'Lead')) {
            const lead = leadFromRecord({ Id: r.key, ...r.fields });
            const { tier } = scoreLead(
                {
                    lead,
                    activities: acts.get(r.key) ?? [],
                    campaignMembers: members.get(r.key) ?? []
                },
                DEFAULT_SCORING_MODEL,
                now
            );
            tiers[tier] = (tiers[tier] ?? 0) + 1;
        }
        for (const tier of ['Hot', 'Warm', 'Cool', 'Cold']) {
            expect(tiers[tier] ?? 0, tier).toBeGreaterThanOrEqual(50);
        }
        // The hot leads stuck in the marketing queue do score Hot.
        const hot = data.problems.hotInMarketingQueue.filter((k) => {
            const r = step(data, 'Lead').find((l) => l.key === k)!;
            const lead = leadFromRecord({ Id: r.key, ...r.fields });
            return (
                scoreLead(
                    {
                        lead,
                        activities: acts.get(k) ?? [],
                        campaignMembers: members.get(k) ?? []
                    },
                    DEFAULT_SCORING_MODEL,
                    now
                ).tier === 'Hot'
            );
        });
        expect(hot.length / data.problems.hotInMarketingQueue.length).toBeGreaterThan(0.7);
    });

    it('seeds hand-backs the quick action would accept: "Other" always has notes', () => {
        const handedBack = step(data, 'Lead').filter((l) => l.fields.LL_Handback_Reason__c);
        expect(handedBack.length).toBeGreaterThan(0);
        // Several seeds, so an "Other" with the empty pick shows up.
        for (const seed of [1, 2, 3, 4, 5]) {
            const leads = step(generateDemoData({ now, seed, leads: 400 }), 'Lead');
            for (const lead of leads.filter((l) => l.fields.LL_Handback_Reason__c === 'Other')) {
                expect(String(lead.fields.LL_Handback_Notes__c ?? '').trim(), lead.key).not.toBe(
                    ''
                );
            }
        }
    });

    it('rejects a bad size', () => {
        expect(() => generateDemoData({ leads: 0, now })).toThrow(/leads must be/);
    });
});
