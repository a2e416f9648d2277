import { describe, expect, it } from 'vitest';
import {
    assignRoundRobin,
    parseSettings,
    planReturn,
    readyToReturn,
    readyToReturnChange,
    readyToReturnMark,
    rescoreChange,
    scoreFieldChanges,
    scoreLead,
    DEFAULT_SCORING_MODEL,
    type ReturnOwner
} from '../../src/index';
import { NOW, NURTURE_QUEUE, REP, SETTINGS, nurturedLead, workingLead } from './fixtures';

const LEFT = '005000000000LEFAAA';
const ANA = '005000000000ANAAAA';
const BEN = '005000000000BENAAA';
const CHO = '005000000000CHOAAA';
const SALES_QUEUE = '00G000000000SALAAA';

const USERS: ReturnOwner[] = [
    { id: REP, name: 'Riya Rep', type: 'User', isActive: true },
    { id: LEFT, name: 'Leo Left', type: 'User', isActive: false },
    { id: CHO, name: 'Cho', type: 'User', isActive: true },
    { id: ANA, name: 'Ana', type: 'User', isActive: true },
    { id: BEN, name: 'Ben', type: 'User', isActive: true },
    { id: SALES_QUEUE, name: 'Sales Inbox', type: 'Queue', isActive: true }
];

const ctx = { now: NOW, nurtureQueueId: NURTURE_QUEUE, returnQueueId: SALES_QUEUE };

function leftLeads(n: number) {
    return Array.from({ length: n }, (_, i) =>
        nurturedLead({ id: `00Q00000000000${String(i).padStart(2, '0')}AA`, previousOwnerId: LEFT })
    );
}

describe('readyToReturn', () => {
    it('is ready when the nurture date has passed or is today', () => {
        expect(readyToReturn(nurturedLead({ nurtureUntil: '2026-11-20' }), SETTINGS, NOW)).toEqual({
            ready: true,
            triggers: ['nurtureDatePassed'],
            message: 'Nurture date 2026-11-20 passed 4 days ago.'
        });
        expect(
            readyToReturn(nurturedLead({ nurtureUntil: '2026-11-24' }), SETTINGS, NOW).message
        ).toBe('Nurture date 2026-11-24 is today.');
    });

    it('is ready when it scores Hot again, with both reasons when both hold', () => {
        expect(readyToReturn(nurturedLead({ tier: 'Hot' }), SETTINGS, NOW)).toEqual({
            ready: true,
            triggers: ['hotAgain'],
            message: 'Scores Hot again.'
        });
        expect(
            readyToReturn(nurturedLead({ tier: 'Hot', nurtureUntil: '2026-11-23' }), SETTINGS, NOW)
                .triggers
        ).toEqual(['nurtureDatePassed', 'hotAgain']);
    });

    it('is not ready before the date while not Hot, and says how long', () => {
        expect(readyToReturn(nurturedLead({ nurtureUntil: '2026-12-04' }), SETTINGS, NOW)).toEqual({
            ready: false,
            triggers: [],
            message: 'In nurture until 2026-12-04 (10 days left); tier Warm.'
        });
    });

    it('is never ready outside nurture or once converted', () => {
        expect(readyToReturn(workingLead({ tier: 'Hot' }), SETTINGS, NOW).ready).toBe(false);
        expect(
            readyToReturn(nurturedLead({ tier: 'Hot', isConverted: true }), SETTINGS, NOW).ready
        ).toBe(false);
        // owned by the nurture queue under another status still counts as nurture
        expect(
            readyToReturn(
                nurturedLead({ status: 'Open', tier: 'Hot' }),
                SETTINGS,
                NOW,
                NURTURE_QUEUE
            ).ready
        ).toBe(true);
    });
});

describe('readyToReturnMark and readyToReturnChange', () => {
    it('names every trigger in words that do not change from day to day', () => {
        const hot = nurturedLead({ nurtureUntil: '2026-11-20', tier: 'Hot' });
        expect(readyToReturnMark(hot, SETTINGS, NOW)).toBe(
            'Nurture date 2026-11-20 passed; Scores Hot again'
        );
        const later = new Date(NOW.getTime() + 3 * 86_400_000);
        expect(readyToReturnMark(hot, SETTINGS, later)).toBe(readyToReturnMark(hot, SETTINGS, NOW));
        expect(readyToReturnMark(nurturedLead({ nurtureUntil: '2026-12-20' }), SETTINGS, NOW)).toBe(
            null
        );
        expect(readyToReturnMark(workingLead({ tier: 'Hot' }), SETTINGS, NOW)).toBe(null);
    });

    it('changes the field only when the stored value is wrong, and clears it when no longer ready', () => {
        const lead = nurturedLead({ tier: 'Hot', nurtureUntil: '2026-12-20' });
        expect(readyToReturnChange(lead, SETTINGS, NOW)).toEqual({
            id: lead.id,
            readyToReturn: 'Scores Hot again'
        });
        expect(
            readyToReturnChange({ ...lead, readyToReturn: 'Scores Hot again' }, SETTINGS, NOW)
        ).toBe(null);
        const returned = workingLead({ readyToReturn: 'Scores Hot again' });
        expect(readyToReturnChange(returned, SETTINGS, NOW)).toEqual({
            id: returned.id,
            readyToReturn: null
        });
        expect(readyToReturnChange(workingLead({ readyToReturn: '' }), SETTINGS, NOW)).toBe(null);
    });
});

describe('rescoreChange', () => {
    const scored = (lead: ReturnType<typeof nurturedLead>) =>
        scoreLead({ lead, activities: [], campaignMembers: [] }, DEFAULT_SCORING_MODEL, NOW);

    it('writes the score fields and the ready mark together, the mark judged by the new tier', () => {
        const lead = nurturedLead({ nurtureUntil: '2026-11-20' });
        const result = scored(lead);
        const out = rescoreChange(lead, result, 1, NOW, { settings: SETTINGS });
        expect(out.readyChanged).toBe(true);
        expect(out.change).toEqual({
            ...scoreFieldChanges(lead, result, 1, NOW),
            id: lead.id,
            readyToReturn: readyToReturnMark({ ...lead, tier: result.tier }, SETTINGS, NOW)
        });
        expect(out.change?.readyToReturn).toMatch(/^Nurture date 2026-11-20 passed/);
    });

    it('writes nothing once the stored score and mark are current', () => {
        const lead = nurturedLead({ nurtureUntil: '2026-11-20' });
        const first = rescoreChange(lead, scored(lead), 1, NOW, { settings: SETTINGS });
        const stored = { ...lead, ...first.change };
        expect(rescoreChange(stored, scored(stored), 1, NOW, { settings: SETTINGS })).toEqual({
            change: null,
            readyChanged: false
        });
    });
});

describe('planReturn', () => {
    it('returns to the previous owner while active, with the status it had, counted as recycled', () => {
        const lead = nurturedLead({ recycledCount: 1 });
        expect(planReturn([lead], USERS, SETTINGS, ctx)).toEqual([
            {
                leadId: lead.id,
                ok: true,
                to: { id: REP, name: 'Riya Rep', via: 'previousOwner' },
                explanation: 'Back to Riya Rep, who handed it back.',
                changes: {
                    id: lead.id,
                    ownerId: REP,
                    status: 'Working',
                    returnedAt: '2026-11-24T10:00:00.000Z',
                    recycledCount: 2
                },
                fields: {
                    Id: lead.id,
                    OwnerId: REP,
                    Status: 'Working',
                    LL_Returned_At__c: '2026-11-24T10:00:00.000Z',
                    LL_Recycled_Count__c: 2
                }
            }
        ]);
    });

    it("sends a leaver's lead to the queue under the Queue rule, as a new lead", () => {
        const settings = { ...SETTINGS, returnRule: 'Queue' as const, returnQueue: 'Sales_Inbox' };
        const [item] = planReturn(leftLeads(1), USERS, settings, ctx);
        expect(item).toMatchObject({
            ok: true,
            to: { id: SALES_QUEUE, name: 'Sales Inbox', via: 'queue' },
            explanation:
                'To the queue Sales Inbox: Leo Left, who handed it back, is no longer active.',
            changes: { ownerId: SALES_QUEUE, status: 'New', recycledCount: 1 }
        });
        const [missing] = planReturn(leftLeads(1), USERS, settings, {
            ...ctx,
            returnQueueId: null
        });
        expect(missing).toMatchObject({ ok: false });
        expect(!missing.ok && missing.message).toMatch(
            /The return queue "Sales_Inbox" \(LL_Return_Queue__c\) was not found/
        );
    });

    it("deals a leaver's leads round-robin over active reps in name order", () => {
        const plan = planReturn(leftLeads(5), USERS, SETTINGS, ctx);
        expect(plan.map((p) => (p.ok ? p.to.name : p.message))).toEqual([
            'Ana',
            'Ben',
            'Cho',
            'Riya Rep',
            'Ana'
        ]);
        expect(plan[0].ok && plan[0].explanation).toBe(
            'Round-robin to Ana: Leo Left, who handed it back, is no longer active.'
        );
        // deterministic: same input, same plan
        expect(planReturn(leftLeads(5), USERS, SETTINGS, ctx)).toEqual(plan);
    });

    it("plans a leaver's lead listed before a lead that goes back to its previous owner", () => {
        const leads = [...leftLeads(1), nurturedLead({ id: '00Q0000000000RIYAA' })];
        const plan = planReturn(leads, USERS, SETTINGS, ctx);
        expect(plan.map((p) => (p.ok ? `${p.to.name} (${p.to.via})` : p.message))).toEqual([
            'Ana (roundRobin)',
            'Riya Rep (previousOwner)'
        ]);
    });

    it('respects the cap, counting open leads and leads going back to their previous owner', () => {
        const settings = { ...SETTINGS, roundRobinCap: 2 };
        const users: ReturnOwner[] = [
            { id: REP, name: 'Riya Rep', type: 'User', isActive: true, openLeads: 1 },
            { id: LEFT, name: 'Leo Left', type: 'User', isActive: false },
            { id: ANA, name: 'Ana', type: 'User', isActive: true, openLeads: 2 },
            { id: BEN, name: 'Ben', type: 'User', isActive: true, openLeads: 0 }
        ];
        const leads = [nurturedLead({ id: '00Q0000000000RIYAA' }), ...leftLeads(3)];
        const plan = planReturn(leads, users, settings, ctx);
        expect(plan.map((p) => (p.ok ? p.to.name : p.message))).toEqual([
            'Riya Rep',
            'Ben',
            'Ben',
            'Every active rep already holds the cap of 2 open leads. (Leo Left, who handed it back, is no longer active.)'
        ]);
    });

    it('skips reps left out of round-robin and reports leads it cannot return', () => {
        const users = USERS.map((u) => (u.id === ANA ? { ...u, inRoundRobin: false } : u));
        const [first] = planReturn(leftLeads(1), users, SETTINGS, ctx);
        expect(first.ok && first.to.name).toBe('Ben');
        const plan = planReturn(
            [
                workingLead(),
                nurturedLead({ isConverted: true }),
                nurturedLead({ previousOwnerId: null })
            ],
            [],
            SETTINGS,
            ctx
        );
        expect(plan.map((p) => (p.ok ? 'ok' : p.message))).toEqual([
            'Not in nurture; it is already with sales.',
            'Converted; nothing to return.',
            'There is no active rep to assign it to. (its previous owner is not recorded.)'
        ]);
    });
});

describe('assignRoundRobin', () => {
    it('starts after the last rep given a lead and skips reps at the cap', () => {
        const reps = [
            { id: 'b', name: 'B', openLeads: 0 },
            { id: 'a', name: 'A', openLeads: 1 }
        ];
        const result = assignRoundRobin([1, 2, 3, 4], reps, 2);
        expect(result.map((r) => (r.ok ? r.rep.id : 'none'))).toEqual(['a', 'b', 'b', 'none']);
    });
});

describe('return settings', () => {
    it('reads the rule, queue and cap, and explains bad values', () => {
        const good = parseSettings({
            LL_Return_Rule__c: 'Queue',
            LL_Return_Queue__c: ' Sales_Inbox ',
            LL_Round_Robin_Cap__c: 25
        });
        expect(good.issues).toEqual([]);
        expect(good.settings).toMatchObject({
            returnRule: 'Queue',
            returnQueue: 'Sales_Inbox',
            roundRobinCap: 25
        });
        const bad = parseSettings({ LL_Return_Rule__c: 'Queue', LL_Round_Robin_Cap__c: 2.5 });
        expect(bad.settings).toMatchObject({ returnRule: 'Round_Robin', roundRobinCap: null });
        expect(bad.issues).toEqual([
            {
                field: 'LL_Return_Queue__c',
                message:
                    'LL_Return_Queue__c must name a queue (its developer name) when LL_Return_Rule__c is Queue; using Round_Robin.'
            },
            {
                field: 'LL_Round_Robin_Cap__c',
                message:
                    'LL_Round_Robin_Cap__c must be a whole number of leads from 1 to 10000, or blank for no cap; using no cap.'
            }
        ]);
        expect(parseSettings({ LL_Return_Rule__c: 'Lottery' }).issues[0].message).toBe(
            'LL_Return_Rule__c "Lottery" is not a return rule; rules are Round_Robin, Queue. Using Round_Robin.'
        );
    });
});
