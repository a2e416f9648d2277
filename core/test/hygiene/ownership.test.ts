import { describe, expect, it } from 'vitest';
import { ago, dayAgo, flagged, GONE, INBOUND, lead, NURTURE, REP, run } from './fixtures';

describe('owner-inactive', () => {
    it('flags an open lead owned by a rep who left, with a reassign fix', () => {
        const orphan = lead({ ownerId: GONE });
        const closed = lead({ ownerId: GONE, status: 'Unqualified' });
        const fine = lead({ ownerId: REP });
        expect(flagged('owner-inactive', { leads: [orphan, closed, fine] })).toEqual([orphan.id]);
        const [finding] = run('owner-inactive', { leads: [orphan] });
        expect(finding.fix.kind).toBe('reassign');
        expect(finding.evidence.related).toEqual([
            { object: 'User', id: GONE, name: 'Gary Gone', role: 'owner' }
        ]);
    });
});

describe('owner-cannot-act', () => {
    const id = 'owner-cannot-act';
    it('flags a missing owner and a sales-status lead in a queue other than nurture', () => {
        const noOwner = lead({ ownerId: '' });
        const unknown = lead({ ownerId: '005000000000099AAA' });
        const inbound = lead({ status: 'Qualified', ownerId: INBOUND });
        expect(flagged(id, { leads: [noOwner, unknown, inbound] })).toEqual([
            noOwner.id,
            unknown.id,
            inbound.id
        ]);
    });
    it('ignores new leads in a queue, the nurture queue and active reps', () => {
        const leads = [
            lead({ status: 'New', ownerId: INBOUND }),
            lead({ status: 'Working - Contacted', ownerId: NURTURE }),
            lead({ ownerId: REP })
        ];
        expect(flagged(id, { leads })).toEqual([]);
    });
});

describe('hot-in-marketing-queue', () => {
    const id = 'hot-in-marketing-queue';
    it('flags a Hot lead in the nurture queue for 2 days (the setting), not 1', () => {
        const two = lead({ tier: 'Hot', ownerId: NURTURE, status: 'New', createdDate: ago(2) });
        const one = lead({ tier: 'Hot', ownerId: NURTURE, status: 'New', createdDate: ago(1) });
        expect(flagged(id, { leads: [two, one] })).toEqual([two.id]);
        expect(flagged(id, { leads: [two, one] }, { hotInMarketingDays: 1 })).toEqual([
            two.id,
            one.id
        ]);
        const [finding] = run(id, { leads: [two] });
        expect(finding.severity).toBe('critical');
        expect(finding.fix.kind).toBe('return-to-sales');
    });
    it('counts from the hand-back, and ignores Warm leads, reps and other queues', () => {
        const handedBack = lead({
            tier: 'Hot',
            ownerId: NURTURE,
            status: 'Nurturing',
            createdDate: ago(100),
            handedBackAt: ago(1)
        });
        const leads = [
            handedBack,
            lead({ tier: 'Warm', ownerId: NURTURE, createdDate: ago(30) }),
            lead({ tier: 'Hot', ownerId: REP, createdDate: ago(30) }),
            lead({ tier: 'Hot', ownerId: INBOUND, status: 'New', createdDate: ago(30) })
        ];
        expect(flagged(id, { leads })).toEqual([]);
    });
});

describe('nurture-date-passed', () => {
    const id = 'nurture-date-passed';
    const nurturing = { status: 'Nurturing', ownerId: NURTURE };
    it('flags a nurture date before today, not today', () => {
        const passed = lead({ ...nurturing, nurtureUntil: dayAgo(1), tier: 'Cool' });
        const today = lead({ ...nurturing, nurtureUntil: dayAgo(0) });
        const future = lead({ ...nurturing, nurtureUntil: dayAgo(-10) });
        expect(flagged(id, { leads: [passed, today, future] })).toEqual([passed.id]);
        expect(run(id, { leads: [passed] })[0].fix.kind).toBe('review-nurture');
    });
    it('offers a sales-ready lead back to sales; ignores leads no longer in nurture', () => {
        const ready = lead({ ...nurturing, nurtureUntil: dayAgo(3), tier: 'Hot' });
        const back = lead({ nurtureUntil: dayAgo(3), ownerId: REP });
        expect(flagged(id, { leads: [ready, back] })).toEqual([ready.id]);
        expect(run(id, { leads: [ready] })[0].fix.kind).toBe('return-to-sales');
    });
});
