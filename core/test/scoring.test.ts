import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
    DEFAULT_SCORING_MODEL,
    activeScoringModel,
    activityFromRecord,
    campaignMemberFromRecord,
    checkModelVersions,
    defaultModelRecord,
    groupScoringInputs,
    leadApiNames,
    SCORING_ACTIVITY_FIELDS,
    SCORING_LEAD_KEYS,
    leadFromRecord,
    newModelVersionRecord,
    nextModelVersion,
    parseReasons,
    parseScoringModelRecord,
    planActivation,
    previewScoringModel,
    previewSummary,
    scoreFieldChanges,
    scoreLead,
    validateScoringModel,
    validateScoringModelJson,
    type Activity,
    type CampaignMember,
    type Lead,
    type ScoringInput,
    type ScoringModel
} from '../src/index';

// Midnight UTC, so a task dated N days back is exactly N days old.
const NOW = new Date('2026-11-22T00:00:00.000Z');

function clone<T>(value: T): T {
    return JSON.parse(JSON.stringify(value)) as T;
}

function lead(overrides: Partial<Lead> = {}): Lead {
    return {
        id: '00Q000000000001AAA',
        firstName: 'Ada',
        lastName: 'Okafor',
        company: 'Acme Analytics',
        title: 'VP of Marketing',
        email: 'ada@acme-analytics.com',
        phone: '+1 555 0100',
        industry: 'Software',
        numberOfEmployees: 250,
        country: 'United States',
        leadSource: 'Web',
        status: 'New',
        isConverted: false,
        ownerId: '005000000000001AAA',
        createdDate: '2026-11-01T09:00:00.000Z',
        ...overrides
    };
}

function task(daysAgo: number, overrides: Partial<Activity> = {}): Activity {
    const date = new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString();
    return {
        id: `00T${daysAgo}`,
        kind: 'Task',
        whoId: '00Q000000000001AAA',
        ownerId: '005000000000001AAA',
        subject: 'Call back',
        type: 'Call',
        activityDate: date.slice(0, 10),
        status: 'Completed',
        createdDate: date,
        ...overrides
    };
}

function member(daysAgo: number, responded = true): CampaignMember {
    const date = new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString();
    return {
        id: `00v${daysAgo}`,
        campaignId: '701000000000001AAA',
        leadId: '00Q000000000001AAA',
        status: responded ? 'Responded' : 'Sent',
        hasResponded: responded,
        firstRespondedDate: responded ? date.slice(0, 10) : null,
        createdDate: date
    };
}

function input(l: Lead, activities: Activity[] = [], members: CampaignMember[] = []): ScoringInput {
    return { lead: l, activities, campaignMembers: members };
}

describe('scoreLead', () => {
    it('grades a senior buyer at a target company and explains why', () => {
        const result = scoreLead(
            {
                ...input(lead(), [task(2, { subject: 'Product demo' })], [member(12)]),
                campaignNames: { '701000000000001AAA': 'Spring Webinar' }
            },
            DEFAULT_SCORING_MODEL,
            NOW
        );
        expect(result.fitGrade).toBe('A');
        expect(result.tier).toBe('Hot');
        expect(result.salesReady).toBe(true);
        expect(result.score).toBeGreaterThan(50);
        expect(result.reasons.length).toBeLessThanOrEqual(DEFAULT_SCORING_MODEL.maxReasons);
        const ids = result.reasons.map((r) => r.id);
        expect(ids).toContain('title-vp');
        expect(ids).toContain('act-demo');
        const webinar = result.reasons.find((r) => r.id === 'campaign-response');
        expect(webinar?.text).toContain('Spring Webinar');
        for (const r of result.reasons) {
            expect(r.text.length).toBeGreaterThan(10);
            expect(Number.isFinite(r.points)).toBe(true);
        }
        // strongest first
        const strengths = result.reasons.map((r) => Math.abs(r.points));
        expect([...strengths].sort((a, b) => b - a)).toEqual(strengths);
        expect(result.summary).toMatch(/^Hot, sales-ready: fit A/);
    });

    it('penalises free mail, junk addresses, competitors and students', () => {
        const base = scoreLead(input(lead()), DEFAULT_SCORING_MODEL, NOW);
        const free = scoreLead(input(lead({ email: 'ada@gmail.com' })), DEFAULT_SCORING_MODEL, NOW);
        const junk = scoreLead(input(lead({ email: 'test@test.com' })), DEFAULT_SCORING_MODEL, NOW);
        const competitor = scoreLead(
            input(lead({ email: 'ada@hubspot.com' })),
            DEFAULT_SCORING_MODEL,
            NOW
        );
        const student = scoreLead(
            input(lead({ title: 'Marketing Student' })),
            DEFAULT_SCORING_MODEL,
            NOW
        );
        expect(free.fitPoints).toBe(base.fitPoints - 20);
        expect(free.reasons.map((r) => r.id)).toContain('email-free');
        expect(junk.reasons.map((r) => r.id)).toContain('email-junk');
        expect(competitor.reasons.find((r) => r.id === 'competitor')?.points).toBe(-50);
        expect(student.reasons.find((r) => r.id === 'student')?.text).toContain(
            'Marketing Student'
        );
        expect(student.fitGrade).toBe('D');
    });

    it('degrades to unknown (no points) for hidden fields and no activities', () => {
        const hidden = {
            id: '00Q1',
            lastName: 'X',
            company: 'Y',
            status: 'New',
            isConverted: false
        } as Lead;
        const result = scoreLead(input(hidden), DEFAULT_SCORING_MODEL, NOW);
        expect(result.engagement).toBe(0);
        expect(result.engagementBand).toBe('None');
        expect(result.fitGrade).toBe('D');
        expect(result.tier).toBe('Cold');
        expect(result.summary).toContain('no recent engagement');
    });

    it('is deterministic', () => {
        const i = input(lead(), [task(3), task(40, { type: 'Email' })], [member(5)]);
        expect(scoreLead(i, DEFAULT_SCORING_MODEL, NOW)).toEqual(
            scoreLead(clone(i), clone(DEFAULT_SCORING_MODEL), new Date(NOW.getTime()))
        );
    });

    it('ignores open tasks and future events', () => {
        const open = task(1, { status: 'Not Started' });
        const future: Activity = { ...task(0), kind: 'Event', activityDate: '2026-12-30' };
        const result = scoreLead(
            input(lead({ leadSource: null }), [open, future]),
            DEFAULT_SCORING_MODEL,
            NOW
        );
        expect(result.engagement).toBe(0);
    });

    it('halves an event at the half-life', () => {
        const model = clone(DEFAULT_SCORING_MODEL);
        model.engagement.caps.activity = 1000;
        const l = lead({ leadSource: null });
        const fresh = scoreLead(input(l, [task(0)]), model, NOW).engagement;
        const half = scoreLead(input(l, [task(30)]), model, NOW).engagement;
        const quarter = scoreLead(input(l, [task(60)]), model, NOW).engagement;
        expect(fresh).toBe(12);
        expect(half).toBe(6);
        expect(quarter).toBe(3);
    });

    it('shows a cap as a negative reason and never exceeds it', () => {
        const many = Array.from({ length: 20 }, (_, i) => task(i, { subject: 'Demo' }));
        const result = scoreLead(
            input(lead({ leadSource: null }), many),
            DEFAULT_SCORING_MODEL,
            NOW
        );
        expect(result.engagement).toBe(DEFAULT_SCORING_MODEL.engagement.caps.activity);
        expect(result.reasons.find((r) => r.id === 'cap-activity')?.points).toBeLessThan(0);
    });
});

// ---------------------------------------------------------------------------
// Property tests

const garbage = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant('NaN'),
    fc.constant(''),
    fc.constant('2026-13-45'),
    fc.constant({})
);

const arbLead = fc.record(
    {
        id: fc.string(),
        firstName: garbage,
        lastName: garbage,
        company: garbage,
        title: fc.oneof(garbage, fc.constantFrom('VP Sales', 'CEO', 'Student', 'Director of IT')),
        email: fc.oneof(garbage, fc.emailAddress(), fc.constant('a@gmail.com')),
        phone: garbage,
        industry: fc.oneof(garbage, fc.constantFrom('Software', 'Retail', 'Banking')),
        numberOfEmployees: fc.oneof(garbage, fc.integer({ min: -5, max: 200_000 })),
        country: fc.oneof(garbage, fc.constantFrom('US', 'Germany', 'Brazil')),
        leadSource: fc.oneof(garbage, fc.constantFrom('Web', 'Trade Show')),
        createdDate: fc.oneof(
            garbage,
            fc.date({ noInvalidDate: true }).map((d) => d.toISOString())
        ),
        tier: fc.oneof(garbage, fc.constantFrom('Hot', 'Warm', 'Cool', 'Cold'))
    },
    { requiredKeys: [] }
) as unknown as fc.Arbitrary<Lead>;

const arbActivity = fc.record(
    {
        id: fc.string(),
        kind: fc.oneof(fc.constantFrom('Task', 'Event'), garbage),
        whoId: garbage,
        ownerId: garbage,
        subject: fc.oneof(garbage, fc.constantFrom('Demo', 'Call', 'Meeting notes')),
        type: fc.oneof(garbage, fc.constantFrom('Call', 'Email', 'Meeting')),
        activityDate: fc.oneof(
            garbage,
            fc
                .date({
                    min: new Date('2020-01-01'),
                    max: new Date('2027-12-31'),
                    noInvalidDate: true
                })
                .map((d) => d.toISOString().slice(0, 10))
        ),
        status: fc.oneof(garbage, fc.constantFrom('Completed', 'Not Started')),
        createdDate: garbage
    },
    { requiredKeys: [] }
) as unknown as fc.Arbitrary<Activity>;

const arbMember = fc.record(
    {
        id: fc.string(),
        campaignId: garbage,
        leadId: garbage,
        status: garbage,
        hasResponded: fc.oneof(fc.boolean(), garbage),
        firstRespondedDate: fc.oneof(
            garbage,
            fc
                .date({
                    min: new Date('2020-01-01'),
                    max: new Date('2027-12-31'),
                    noInvalidDate: true
                })
                .map((d) => d.toISOString().slice(0, 10))
        ),
        createdDate: garbage
    },
    { requiredKeys: [] }
) as unknown as fc.Arbitrary<CampaignMember>;

const arbInput = fc.record({
    lead: arbLead,
    activities: fc.array(arbActivity, { maxLength: 8 }),
    campaignMembers: fc.array(arbMember, { maxLength: 4 })
});

/** Every mutable points value in the model, as [getter, setter]. */
function pointPaths(
    model: ScoringModel
): { name: string; get: () => number; set: (v: number) => void }[] {
    const out: { name: string; get: () => number; set: (v: number) => void }[] = [];
    const push = (name: string, obj: Record<string, number>, key: string): void => {
        out.push({ name, get: () => obj[key], set: (v) => (obj[key] = v) });
    };
    for (const list of [
        model.fit.title,
        model.fit.industry,
        model.fit.companySize,
        model.fit.country,
        model.fit.negative
    ]) {
        for (const rule of list as unknown as Record<string, number>[]) {
            push(`fit:${String(rule.id)}`, rule, 'points');
        }
    }
    push(
        'email.businessPoints',
        model.fit.email as unknown as Record<string, number>,
        'businessPoints'
    );
    push(
        'email.freeMailPoints',
        model.fit.email as unknown as Record<string, number>,
        'freeMailPoints'
    );
    push('email.junkPoints', model.fit.email as unknown as Record<string, number>, 'junkPoints');
    push(
        'completeness',
        model.fit.completeness as unknown as Record<string, number>,
        'pointsPerField'
    );
    for (const rule of model.engagement.activities as unknown as Record<string, number>[]) {
        push(`eng:${String(rule.id)}`, rule, 'points');
    }
    for (const rule of model.engagement.leadSource as unknown as Record<string, number>[]) {
        push(`eng:${String(rule.id)}`, rule, 'points');
    }
    push(
        'campaign.responded',
        model.engagement.campaign as unknown as Record<string, number>,
        'respondedPoints'
    );
    push(
        'campaign.member',
        model.engagement.campaign as unknown as Record<string, number>,
        'memberPoints'
    );
    return out;
}

const TIER_RANK = { Cold: 0, Cool: 1, Warm: 2, Hot: 3 } as const;

describe('scoring properties', () => {
    it('never produces NaN or throws, whatever the lead holds', () => {
        fc.assert(
            fc.property(arbInput, (i) => {
                const r = scoreLead(i as ScoringInput, DEFAULT_SCORING_MODEL, NOW);
                expect(Number.isFinite(r.score)).toBe(true);
                expect(Number.isFinite(r.engagement)).toBe(true);
                expect(Number.isFinite(r.fitPoints)).toBe(true);
                expect(r.score).toBeGreaterThanOrEqual(0);
                expect(r.score).toBeLessThanOrEqual(100);
                expect(['A', 'B', 'C', 'D']).toContain(r.fitGrade);
                expect(['Hot', 'Warm', 'Cool', 'Cold']).toContain(r.tier);
                expect(r.summary.length).toBeLessThanOrEqual(255);
                for (const reason of r.reasons) {
                    expect(Number.isFinite(reason.points)).toBe(true);
                    // (a subject may literally read "NaN"; the numbers never do)
                    expect(reason.text).not.toMatch(/[+-]?NaN (fit|engagement)|Infinity/);
                }
                expect(r.summary).not.toMatch(/NaN|undefined/);
                // and what it would store is NaN-free too
                const changes = scoreFieldChanges(i.lead as Lead, r, 1, NOW);
                expect(Number.isFinite(changes?.score)).toBe(true);
                expect(Number.isFinite(changes?.engagement)).toBe(true);
                expect(
                    changes?.previousScore === undefined || Number.isFinite(changes.previousScore)
                ).toBe(true);
            }),
            { numRuns: 300 }
        );
    });

    it('is monotone in every criterion: more points never lower fit, engagement, score or tier', () => {
        const paths = pointPaths(clone(DEFAULT_SCORING_MODEL));
        fc.assert(
            fc.property(
                arbInput,
                fc.integer({ min: 0, max: paths.length - 1 }),
                fc.integer({ min: 1, max: 20 }),
                (i, which, bump) => {
                    const low = clone(DEFAULT_SCORING_MODEL);
                    const high = clone(DEFAULT_SCORING_MODEL);
                    high.engagement.caps = { activity: 1000, campaign: 1000, source: 1000 };
                    low.engagement.caps = { activity: 1000, campaign: 1000, source: 1000 };
                    const p = pointPaths(high)[which];
                    p.set(p.get() + bump);
                    const a = scoreLead(i as ScoringInput, low, NOW);
                    const b = scoreLead(i as ScoringInput, high, NOW);
                    expect(b.fitPoints).toBeGreaterThanOrEqual(a.fitPoints);
                    expect(b.engagement).toBeGreaterThanOrEqual(a.engagement);
                    expect(b.score).toBeGreaterThanOrEqual(a.score);
                    expect(TIER_RANK[b.tier]).toBeGreaterThanOrEqual(TIER_RANK[a.tier]);
                }
            ),
            { numRuns: 300 }
        );
    });

    it('adding an activity or campaign response never lowers engagement', () => {
        fc.assert(
            fc.property(arbInput, fc.integer({ min: 0, max: 400 }), (i, daysAgo) => {
                const before = scoreLead(i as ScoringInput, DEFAULT_SCORING_MODEL, NOW);
                const after = scoreLead(
                    {
                        ...(i as ScoringInput),
                        activities: [...(i.activities as Activity[]), task(daysAgo)],
                        campaignMembers: [
                            ...(i.campaignMembers as CampaignMember[]),
                            member(daysAgo)
                        ]
                    },
                    DEFAULT_SCORING_MODEL,
                    NOW
                );
                expect(after.engagement).toBeGreaterThanOrEqual(before.engagement);
                expect(TIER_RANK[after.tier]).toBeGreaterThanOrEqual(TIER_RANK[before.tier]);
            }),
            { numRuns: 200 }
        );
    });

    it('decay halves points at the half-life for any half-life and points', () => {
        fc.assert(
            fc.property(
                fc.integer({ min: 1, max: 365 }),
                fc.integer({ min: 1, max: 100 }),
                (halfLife, points) => {
                    const model = clone(DEFAULT_SCORING_MODEL);
                    model.engagement.halfLifeDays = halfLife;
                    model.engagement.maxAgeDays = null;
                    model.engagement.caps.activity = 1000;
                    model.engagement.activities = [{ id: 'any', label: 'Any', points }];
                    const l = lead({ leadSource: null });
                    const fresh = scoreLead(input(l, [task(0)]), model, NOW).engagement;
                    const half = scoreLead(input(l, [task(halfLife)]), model, NOW).engagement;
                    expect(fresh).toBe(points);
                    expect(Math.abs(half - points / 2)).toBeLessThanOrEqual(0.05);
                }
            )
        );
    });

    it('newer events are worth at least as much as older ones', () => {
        fc.assert(
            fc.property(
                fc.integer({ min: 0, max: 300 }),
                fc.integer({ min: 0, max: 300 }),
                (x, y) => {
                    const [newer, older] = x <= y ? [x, y] : [y, x];
                    const l = lead({ leadSource: null });
                    const a = scoreLead(input(l, [task(newer)]), DEFAULT_SCORING_MODEL, NOW);
                    const b = scoreLead(input(l, [task(older)]), DEFAULT_SCORING_MODEL, NOW);
                    expect(a.engagement).toBeGreaterThanOrEqual(b.engagement);
                }
            )
        );
    });

    it('caps hold for every category', () => {
        fc.assert(
            fc.property(
                fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 40 }),
                fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 20 }),
                fc.integer({ min: 0, max: 80 }),
                fc.integer({ min: 0, max: 80 }),
                (taskDays, memberDays, activityCap, campaignCap) => {
                    const model = clone(DEFAULT_SCORING_MODEL);
                    model.engagement.caps = {
                        activity: activityCap,
                        campaign: campaignCap,
                        source: 5
                    };
                    const r = scoreLead(
                        input(
                            lead(),
                            taskDays.map((d) => task(d, { subject: 'Demo' })),
                            memberDays.map((d) => member(d))
                        ),
                        model,
                        NOW
                    );
                    expect(r.engagement).toBeLessThanOrEqual(activityCap + campaignCap + 5 + 0.05);
                    const activityPoints = r.reasons
                        .filter((x) => x.id.startsWith('act-') || x.id === 'cap-activity')
                        .reduce((s, x) => s + x.points, 0);
                    if (r.reasons.some((x) => x.id === 'cap-activity')) {
                        expect(Math.abs(activityPoints - activityCap)).toBeLessThanOrEqual(0.15);
                    }
                }
            ),
            { numRuns: 150 }
        );
    });
});

// ---------------------------------------------------------------------------

describe('scoreFieldChanges', () => {
    const i = input(lead(), [task(2)], [member(5)]);
    const result = scoreLead(i, DEFAULT_SCORING_MODEL, NOW);

    it('writes every score field the first time, without previous values', () => {
        const changes = scoreFieldChanges(lead(), result, 1, NOW);
        expect(changes).toMatchObject({
            id: lead().id,
            score: result.score,
            tier: result.tier,
            fitGrade: result.fitGrade,
            modelVersion: 1,
            scoredAt: NOW.toISOString()
        });
        expect(changes).not.toHaveProperty('previousScore');
        expect(changes).not.toHaveProperty('previousTier');
        expect(parseReasons(changes?.scoreReasons)).toEqual(result.reasons);
    });

    it('returns null when only scoredAt would change (a re-run writes nothing)', () => {
        const stored = { ...lead(), ...scoreFieldChanges(lead(), result, 1, NOW) } as Lead;
        expect(scoreFieldChanges(stored, result, 1, new Date('2027-01-01T00:00:00Z'))).toBeNull();
    });

    it('compares at the stored precision and the reasons canonically', () => {
        const stored = { ...lead(), ...scoreFieldChanges(lead(), result, 1, NOW) } as Lead;
        // as read back: score 3,0 and engagement 6,1 as numbers; JSON keys in another order
        const reordered = JSON.stringify(
            (JSON.parse(stored.scoreReasons as string) as Record<string, unknown>[]).map((r) =>
                Object.fromEntries(Object.entries(r).reverse())
            )
        );
        const readBack = {
            ...stored,
            engagement: Number(String(stored.engagement)),
            scoreReasons: reordered
        };
        expect(
            scoreFieldChanges(readBack, { ...result, engagement: result.engagement + 0.01 }, 1, NOW)
        ).toBeNull();
        expect(
            scoreFieldChanges(readBack, { ...result, score: result.score + 0.4 }, 1, NOW)
        ).toBeNull();
        expect(scoreFieldChanges(readBack, result, 2, NOW)).toMatchObject({ modelVersion: 2 });
    });

    it('keeps the previous score and tier only when they change', () => {
        const stored = { ...lead(), ...scoreFieldChanges(lead(), result, 1, NOW) } as Lead;
        const colder = { ...result, score: result.score - 10, tier: 'Cold' as const };
        const changes = scoreFieldChanges(stored, colder, 1, NOW);
        expect(changes?.previousScore).toBe(result.score);
        expect(changes?.previousTier).toBe(result.tier);
        const sameTier = scoreFieldChanges(stored, { ...result, score: result.score - 1 }, 1, NOW);
        expect(sameTier?.previousScore).toBe(result.score);
        expect(sameTier).not.toHaveProperty('previousTier');
    });
});

describe('validateScoringModel', () => {
    it('accepts the default model', () => {
        expect(validateScoringModel(DEFAULT_SCORING_MODEL)).toMatchObject({ ok: true, errors: [] });
    });

    it.each([
        ['not an object', 42, '', 'not-an-object', /must be an object/],
        [
            'unknown field',
            { ...DEFAULT_SCORING_MODEL, colour: 'red' },
            'colour',
            'unknown-field',
            /unknown field "colour"/
        ]
    ])('rejects %s', (_name, def, path, check, message) => {
        const v = validateScoringModel(def);
        expect(v.ok).toBe(false);
        expect(v.errors).toContainEqual({ path, check, message: expect.stringMatching(message) });
    });

    it('names the rule for a bad number', () => {
        const m = clone(DEFAULT_SCORING_MODEL) as unknown as {
            fit: { title: { points: unknown }[] };
        };
        m.fit.title[0].points = 'abc';
        const v = validateScoringModel(m);
        expect(v.errors).toEqual([
            {
                path: 'fit.title[0].points',
                check: 'bad-number',
                message:
                    'Title rule "VP title" (fit.title[0]) points: must be a number from -100 to 100, got "abc".'
            }
        ]);
    });

    it('rejects a zero half-life, unknown rule fields and duplicate ids', () => {
        const m = clone(DEFAULT_SCORING_MODEL) as unknown as Record<
            string,
            Record<string, unknown>
        >;
        m.engagement.halfLifeDays = 0;
        (m.engagement.activities as Record<string, unknown>[])[0].weight = 3;
        (m.engagement.activities as Record<string, unknown>[])[1].id = 'act-demo';
        const v = validateScoringModel(m);
        expect(v.errors.map((e) => [e.path, e.check])).toEqual([
            ['engagement.halfLifeDays', 'bad-number'],
            ['engagement.activities[0].weight', 'unknown-field'],
            ['engagement.activities[1].id', 'duplicate-id']
        ]);
        expect(v.errors[0].message).toContain('half-life');
        expect(v.errors[2].message).toContain('already used by engagement.activities[0]');
    });

    it('rejects overlapping and gapped bands', () => {
        const m = clone(DEFAULT_SCORING_MODEL);
        m.bands[1].max = 45; // Medium 15–45 overlaps High 40+
        m.bands[2].min = 5; // gap 3–5 between None and Low
        const v = validateScoringModel(m);
        expect(v.errors.map((e) => e.check).sort()).toEqual(['band-gap', 'overlapping-ranges']);
        expect(v.errors.find((e) => e.check === 'overlapping-ranges')?.message).toContain(
            'band "High" overlaps band "Medium"'
        );
    });

    it('rejects overlapping company size bands', () => {
        const m = clone(DEFAULT_SCORING_MODEL);
        m.fit.companySize[1].max = 60;
        const v = validateScoringModel(m);
        expect(v.errors[0]).toMatchObject({
            check: 'overlapping-ranges',
            path: 'fit.companySize[2]'
        });
    });

    it('rejects an impossible matrix, a missing cell and unreachable sales-ready tiers', () => {
        const m = clone(DEFAULT_SCORING_MODEL) as ScoringModel;
        m.matrix.D.High = 'Hot'; // D better than C
        const v = validateScoringModel(m);
        expect(v.errors[0]).toMatchObject({ path: 'matrix.D.High', check: 'impossible-matrix' });
        expect(v.errors[0].message).toContain('a better grade must never give a colder tier');

        const missing = clone(DEFAULT_SCORING_MODEL) as unknown as {
            matrix: Record<string, Record<string, unknown>>;
        };
        delete missing.matrix.B.Low;
        expect(validateScoringModel(missing).errors[0]).toMatchObject({
            path: 'matrix.B.Low',
            check: 'missing-field'
        });

        const never = clone(DEFAULT_SCORING_MODEL);
        never.salesReadyTiers = ['Hot'];
        for (const g of ['A', 'B', 'C', 'D'] as const) {
            never.matrix[g] = { High: 'Cool', Medium: 'Cool', Low: 'Cold', None: 'Cold' };
        }
        expect(validateScoringModel(never).errors[0].message).toContain(
            'no lead could ever be sales-ready'
        );
    });

    it('rejects grade thresholds out of order and bad JSON', () => {
        const m = clone(DEFAULT_SCORING_MODEL);
        m.grades = { A: 40, B: 45, C: 25 };
        expect(validateScoringModel(m).errors[0]).toMatchObject({
            path: 'grades.B',
            check: 'grade-order'
        });
        expect(validateScoringModelJson('{').errors[0].message).toMatch(/not valid JSON/);
    });

    it('names the path and the rule for any bad points value in any rule list', () => {
        const lists = [
            ['fit.title', 'Title rule'],
            ['fit.industry', 'Industry rule'],
            ['fit.companySize', 'Company size band'],
            ['fit.country', 'Country rule'],
            ['fit.negative', 'Negative rule'],
            ['engagement.activities', 'Activity rule'],
            ['engagement.leadSource', 'Lead source rule']
        ] as const;
        fc.assert(
            fc.property(
                fc.constantFrom(...lists),
                fc.nat(),
                fc.oneof(fc.string(), fc.constant(Number.NaN), fc.constant(1e9), fc.constant(null)),
                ([path, kind], n, bad) => {
                    const m = clone(DEFAULT_SCORING_MODEL) as unknown as Record<string, unknown>;
                    const [section, key] = path.split('.');
                    const list = (
                        m[section] as Record<string, { label: string; points: unknown }[]>
                    )[key];
                    const i = n % list.length;
                    list[i].points = bad;
                    const v = validateScoringModel(m);
                    expect(v.ok).toBe(false);
                    expect(v.errors).toHaveLength(1);
                    expect(v.errors[0].path).toBe(`${path}[${i}].points`);
                    expect(v.errors[0].message).toContain(`${kind} "${list[i].label}"`);
                }
            ),
            { numRuns: 100 }
        );
    });

    it('never throws on arbitrary input', () => {
        fc.assert(
            fc.property(fc.anything(), (value) => {
                const v = validateScoringModel(value);
                expect(v.ok).toBe(false);
                for (const e of v.errors) {
                    expect(e.message.length).toBeGreaterThan(0);
                }
            })
        );
    });
});

describe('model versions', () => {
    const record = (
        id: string,
        version: number,
        status: string,
        def: unknown = DEFAULT_SCORING_MODEL
    ) =>
        parseScoringModelRecord({
            Id: id,
            Name: `Model v${version}`,
            LL_Version__c: version,
            LL_Status__c: status,
            LL_Definition__c: JSON.stringify(def)
        });

    it('ships the default model as an Active version-1 record that parses back', () => {
        const rec = defaultModelRecord(NOW);
        expect(rec).toMatchObject({
            LL_Version__c: 1,
            LL_Status__c: 'Active',
            LL_Activated_At__c: NOW.toISOString()
        });
        const parsed = parseScoringModelRecord(rec);
        expect(parsed.model).toEqual(DEFAULT_SCORING_MODEL);
        expect(parsed.errors).toEqual([]);
    });

    it('reads the GraphQL shape and reports an invalid definition', () => {
        const parsed = parseScoringModelRecord({
            Id: 'a00',
            Name: { value: 'Broken' },
            LL_Version__c: { value: 3 },
            LL_Status__c: { value: 'Draft' },
            LL_Definition__c: { value: '{"name": 1}' }
        });
        expect(parsed).toMatchObject({
            id: 'a00',
            name: 'Broken',
            version: 3,
            status: 'Draft',
            model: null
        });
        expect(parsed.errors.length).toBeGreaterThan(0);
    });

    it('numbers versions and activates exactly one, keeping every version', () => {
        const versions = [
            record('a1', 1, 'Retired'),
            record('a2', 2, 'Active'),
            record('a3', 3, 'Draft')
        ];
        expect(nextModelVersion(versions)).toBe(4);
        expect(nextModelVersion([])).toBe(1);
        const plan = planActivation(versions, 'a3', NOW);
        expect(plan).toEqual({
            ok: true,
            errors: [],
            updates: [
                { Id: 'a3', LL_Status__c: 'Active', LL_Activated_At__c: NOW.toISOString() },
                { Id: 'a2', LL_Status__c: 'Retired' }
            ]
        });
        expect(checkModelVersions(versions)).toEqual([]);
        expect(checkModelVersions([...versions, record('a4', 4, 'Active')])[0]).toContain(
            'exactly one'
        );
        expect(activeScoringModel(versions)).toMatchObject({ version: 2, fromDefault: false });
        expect(activeScoringModel([])).toMatchObject({ version: 0, fromDefault: true });
    });

    it('refuses to activate an invalid or unknown version', () => {
        const versions = [record('a1', 1, 'Active'), record('a2', 2, 'Draft', { name: 'x' })];
        expect(planActivation(versions, 'a2', NOW).ok).toBe(false);
        expect(planActivation(versions, 'a2', NOW).errors[0]).toContain('fix its definition');
        expect(planActivation(versions, 'zz', NOW).ok).toBe(false);
    });

    it('creates a new draft with the next version', () => {
        const rec = newModelVersionRecord(
            DEFAULT_SCORING_MODEL,
            [{ version: 1 }, { version: 7 }],
            'Tighter'
        );
        expect(rec).toMatchObject({
            LL_Version__c: 8,
            LL_Status__c: 'Draft',
            LL_Description__c: 'Tighter'
        });
    });
});

describe('preview and record mapping', () => {
    it('counts tiers and tier changes against the stored tier', () => {
        const leads = [
            input(lead({ id: 'l1', tier: 'Hot' }), [task(1, { subject: 'Demo' })], [member(3)]),
            input(lead({ id: 'l2', tier: 'Hot', title: 'Student', email: 'x@gmail.com' })),
            input(lead({ id: 'l3', tier: null }))
        ];
        const preview = previewScoringModel(leads, DEFAULT_SCORING_MODEL, NOW);
        expect(preview.total).toBe(3);
        expect(Object.values(preview.byTier).reduce((a, b) => a + b, 0)).toBe(3);
        expect(preview.byTier.Hot).toBe(1);
        expect(preview.changedTier).toBe(2);
        expect(preview.unscored).toBe(1);
        expect(preview.transitions['Hot→Cold']).toBe(1);
        expect(previewSummary(preview)).toMatch(/^3 leads: Hot 1 \(33%\)/);
    });

    it('maps GraphQL Task, Event and CampaignMember records and groups them by lead', () => {
        const t = activityFromRecord(
            {
                Id: '00T1',
                WhoId: { value: 'l1' },
                Subject: { value: 'Demo' },
                Type: { value: 'Call' },
                ActivityDate: { value: '2026-11-20' },
                Status: { value: 'Completed' }
            },
            'Task'
        );
        const e = activityFromRecord(
            {
                Id: '00U1',
                WhoId: { value: 'l1' },
                StartDateTime: { value: '2026-11-21T10:00:00.000Z' }
            },
            'Event'
        );
        const m = campaignMemberFromRecord({
            Id: '00v1',
            LeadId: { value: 'l1' },
            CampaignId: { value: '701' },
            HasResponded: { value: true },
            Campaign: { Name: { value: 'Spring Webinar' } }
        });
        expect(t).toMatchObject({
            kind: 'Task',
            whoId: 'l1',
            type: 'Call',
            activityDate: '2026-11-20'
        });
        expect(e.activityDate).toBe('2026-11-21');
        expect(m).toMatchObject({
            leadId: 'l1',
            hasResponded: true,
            campaignName: 'Spring Webinar'
        });
        const l1 = leadFromRecord({ Id: 'l1', LastName: 'A', Company: 'B' });
        const grouped = groupScoringInputs([l1, { ...l1, id: 'l2' }], [t, e], [m]);
        expect(grouped[0].activities).toHaveLength(2);
        expect(grouped[0].campaignMembers).toHaveLength(1);
        expect(grouped[1].activities).toHaveLength(0);
    });
});

describe('rescore field lists', () => {
    it('names only Lead fields the schema knows and maps flat REST records', () => {
        expect(leadApiNames(SCORING_LEAD_KEYS)).toContain('LL_Score_Reasons__c');
        const m = campaignMemberFromRecord({
            Id: '00v',
            LeadId: 'l1',
            CampaignId: '701',
            HasResponded: true,
            Campaign: { Name: 'Expo' }
        });
        expect(m).toMatchObject({ leadId: 'l1', hasResponded: true, campaignName: 'Expo' });
        expect(SCORING_ACTIVITY_FIELDS.CampaignMember).toContain('Campaign.Name');
    });

    it('reads a Bulk API 2.0 lead (every value text) as the same lead read over REST', () => {
        const rest = {
            Id: '00Q000000000001AAA',
            NumberOfEmployees: 250,
            AnnualRevenue: 1500000.5,
            IsConverted: false,
            LL_Score__c: 71,
            LL_Engagement__c: 12.5,
            LL_Sales_Ready__c: true,
            LL_Model_Version__c: 2,
            LL_Previous_Score__c: null,
            Title: 'VP Sales'
        };
        const csv = Object.fromEntries(
            Object.entries(rest).map(([k, v]) => [k, v === null ? null : String(v)])
        );
        expect(leadFromRecord(csv)).toEqual(leadFromRecord(rest));
        expect(
            leadFromRecord({ Id: 'x', LL_Score__c: 'n/a', LL_Sales_Ready__c: '' })
        ).toMatchObject({
            score: null,
            salesReady: null
        });
    });
});
