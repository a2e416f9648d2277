import { describe, expect, it } from 'vitest';
import { ago, dayAgo, flagged, GONE, INBOUND, lead, NURTURE, run, task } from './fixtures';

describe('qualified-not-worked', () => {
    const id = 'qualified-not-worked';
    it('flags a qualified lead idle 7 days (the setting), not 6', () => {
        const idle7 = lead({ status: 'Qualified', createdDate: ago(30) });
        const idle6 = lead({ status: 'Qualified', createdDate: ago(30) });
        const tasks = [task(idle7.id, 7), task(idle6.id, 6)];
        expect(flagged(id, { leads: [idle7, idle6], tasks })).toEqual([idle7.id]);
    });
    it('counts from creation when never touched, and reads the threshold from settings', () => {
        const never = lead({ status: 'Qualified', createdDate: ago(10) });
        expect(flagged(id, { leads: [never] })).toEqual([never.id]);
        expect(flagged(id, { leads: [never] }, { qualifiedUntouchedDays: 11 })).toEqual([]);
        const [finding] = run(id, { leads: [never] });
        expect(finding.severity).toBe('high');
        expect(finding.fix.kind).toBe('work-it');
        expect(finding.evidence.values).toMatchObject({ daysWithoutTouch: 10, threshold: 7 });
        expect(finding.detail).toMatch(/never touched/);
    });
    it('ignores leads that are not qualified, and open tasks (not done) are no touch', () => {
        const working = lead({ createdDate: ago(30) });
        const openTask = lead({ status: 'Qualified', createdDate: ago(30) });
        const tasks = [task(openTask.id, 1, { status: 'Not Started' })];
        expect(flagged(id, { leads: [working, openTask], tasks })).toEqual([openTask.id]);
    });
    it('counts the platform LastActivityDate as a touch', () => {
        const l = lead({ status: 'Qualified', createdDate: ago(30), lastActivityDate: dayAgo(2) });
        expect(flagged(id, { leads: [l] })).toEqual([]);
    });
});

describe('untouched-past-sla', () => {
    const id = 'untouched-past-sla';
    it('flags a new lead untouched for 2 days (the SLA), not 1 day 23 hours', () => {
        const atSla = lead({ status: 'New', createdDate: ago(2) });
        const before = lead({ status: 'New', createdDate: ago(2, -60_000) });
        expect(flagged(id, { leads: [atSla, before] })).toEqual([atSla.id]);
    });
    it('ignores touched leads, leads in a queue and leads already being worked', () => {
        const touched = lead({ status: 'New', createdDate: ago(5) });
        const queued = lead({ status: 'New', createdDate: ago(5), ownerId: INBOUND });
        const working = lead({ createdDate: ago(5) });
        const leads = [touched, queued, working];
        expect(flagged(id, { leads, tasks: [task(touched.id, 4)] })).toEqual([]);
    });
});

describe('dead-no-touch', () => {
    const id = 'dead-no-touch';
    it('flags an open lead with no touch for exactly 90 days, not 89', () => {
        const dead = lead({ createdDate: ago(200) });
        const alive = lead({ createdDate: ago(200) });
        const tasks = [task(dead.id, 90), task(alive.id, 89)];
        expect(flagged(id, { leads: [dead, alive], tasks })).toEqual([dead.id]);
        expect(run(id, { leads: [dead], tasks })[0].fix.kind).toBe('close');
    });
    it('ignores nurturing, closed and converted leads', () => {
        const leads = [
            lead({ status: 'Nurturing', createdDate: ago(200), ownerId: NURTURE }),
            lead({ status: 'Unqualified', createdDate: ago(200) }),
            lead({ isConverted: true, createdDate: ago(200) })
        ];
        expect(flagged(id, { leads })).toEqual([]);
    });
});

describe('worked-unqualified-open', () => {
    const id = 'worked-unqualified-open';
    it('flags an open lead whose last activity says not a fit or disqualified', () => {
        const a = lead();
        const b = lead();
        const tasks = [
            task(a.id, 10),
            task(a.id, 5, { subject: 'Call – not a fit' }),
            task(b.id, 3, { subject: 'Call', description: 'Too small for us, disqualified.' })
        ];
        expect(flagged(id, { leads: [a, b], tasks }).sort()).toEqual([a.id, b.id].sort());
        const finding = run(id, { leads: [a], tasks })[0];
        expect(finding.fix.kind).toBe('close');
        expect(finding.evidence.related.map((r) => r.role)).toContain('last touch');
    });
    it('ignores an older not-a-fit call followed by more work, and closed leads', () => {
        const later = lead();
        const closed = lead({ status: 'Unqualified' });
        const tasks = [
            task(later.id, 10, { subject: 'Call – not a fit' }),
            task(later.id, 2, { subject: 'Demo booked' }),
            task(closed.id, 2, { subject: 'Call – not a fit' })
        ];
        expect(flagged(id, { leads: [later, closed], tasks })).toEqual([]);
    });
});

describe('handed-to-sales-unqualified', () => {
    const id = 'handed-to-sales-unqualified';
    it('flags a rep-owned lead in a sales status, below sales-ready, with no activity', () => {
        const cool = lead({ tier: 'Cool', salesReady: false });
        const qualifiedCold = lead({ status: 'Qualified', tier: 'Cold', salesReady: false });
        const leads = [cool, qualifiedCold];
        expect(flagged(id, { leads })).toEqual([cool.id, qualifiedCold.id]);
        expect(run(id, { leads })[0].fix.kind).toBe('hand-back');
    });
    it('ignores sales-ready, worked, new, queued, unscored leads and reps who left', () => {
        const leads = [
            lead({ tier: 'Hot' }),
            lead({ tier: 'Cool', salesReady: false }),
            lead({ tier: 'Cool', salesReady: false, status: 'New' }),
            lead({ tier: 'Cool', salesReady: false, ownerId: INBOUND }),
            lead({ tier: null, salesReady: null }),
            lead({ tier: 'Cold', salesReady: false, ownerId: GONE })
        ];
        expect(flagged(id, { leads, tasks: [task(leads[1].id, 20)] })).toEqual([]);
    });
    it('uses the sales-ready tiers of the settings', () => {
        const warm = lead({ tier: 'Warm', salesReady: true });
        expect(flagged(id, { leads: [warm] }, { salesReadyTiers: ['Hot'] })).toEqual([warm.id]);
    });
});
