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
