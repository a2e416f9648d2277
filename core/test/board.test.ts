import { describe, expect, it } from 'vitest';
import {
    DEFAULT_SCORING_MODEL,
    DEFAULT_SETTINGS,
    BOARD_CHECKS,
    boardFindings,
    buildBoard,
    checkPeriod,
    meetingsInPeriod,
    reviewExportRows,
    REVIEW_EXPORT_COLUMNS,
    checkStatusMove,
    entryFromRecord,
    entryToFields,
    lastReviewOf,
    meetingFromRecord,
    meetingOrder,
    meetingToFields,
    repActions,
    resumeIndex,
    summarizeMeeting,
    summaryText,
    validateNextStep,
    whatMovesUp,
    writeProblem,
    type BoardFinding,
    type LastReview,
    type Lead,
    type ReviewEntry
} from '../src/index';

const NOW = new Date('2026-11-20T10:00:00.000Z');
const ANA = '005000000000001AAA';
const BEN = '005000000000002AAA';
const NAMES = { [ANA]: 'Ana Ruiz', [BEN]: 'Ben Okafor' };

function lead(id: string, overrides: Partial<Lead> = {}): Lead {
    return {
        id,
        firstName: 'Lee',
        lastName: id,
        company: `Co ${id}`,
        status: 'Working',
        isConverted: false,
        ownerId: ANA,
        createdDate: '2026-10-01T09:00:00.000Z',
        lastActivityDate: '2026-11-10',
        tier: 'Warm',
        score: 50,
        nextStep: null,
        nextStepDate: null,
        ...overrides
    };
}

const LEADS: Lead[] = [
    lead('L1', { tier: 'Hot', score: 80, nextStep: 'Call', nextStepDate: '2026-11-18' }),
    lead('L2', { tier: 'Cool', lastActivityDate: null, status: 'New' }),
    lead('L3', { ownerId: BEN, tier: 'Warm', status: 'Qualified' }),
    lead('L4', { ownerId: BEN, isConverted: true }),
    lead('L5', { ownerId: BEN, tier: 'Hot', nextStepDate: '2026-11-20', nextStep: 'Demo' })
];
const FINDINGS: BoardFinding[] = [
    { leadId: 'L2', checkId: 'untouched-sla', severity: 'high', title: 'Untouched past SLA' }
];
const REVIEWS: LastReview[] = [
    {
        leadId: 'L1',
        reviewedAt: '2026-11-01T10:00:00.000Z',
        statusAtReview: 'New',
        tierAtReview: 'Warm'
    },
    {
        leadId: 'L1',
        reviewedAt: '2026-11-13T10:00:00.000Z',
        statusAtReview: 'Working',
        tierAtReview: 'Warm'
    },
    {
        leadId: 'L3',
        reviewedAt: '2026-11-13T10:00:00.000Z',
        statusAtReview: 'Working',
        tierAtReview: 'Hot'
    }
];

describe('buildBoard', () => {
    it('puts open leads in rep lanes by name, hottest and most overdue first', () => {
        const board = buildBoard(LEADS, FINDINGS, REVIEWS, DEFAULT_SETTINGS, NOW, {
            laneBy: 'rep',
            ownerNames: NAMES
        });
        expect(board.lanes.map((l) => [l.label, l.cards.map((c) => c.id)])).toEqual([
            ['Ana Ruiz', ['L1', 'L2']],
            ['Ben Okafor', ['L5', 'L3']]
        ]);
        expect(board.shown).toBe(4);
        expect(board.hidden).toBe(0);
    });

    it('fills each card: touch, flags, overdue next step and changes since the last review', () => {
        const board = buildBoard(LEADS, FINDINGS, REVIEWS, DEFAULT_SETTINGS, NOW, {
            laneBy: 'rep',
            ownerNames: NAMES
        });
        const [l1, l2] = board.lanes[0].cards;
        const [l5, l3] = board.lanes[1].cards;
        expect(l1).toEqual({
            id: 'L1',
            name: 'Lee L1',
            company: 'Co L1',
            ownerId: ANA,
            ownerName: 'Ana Ruiz',
            status: 'Working',
            tier: 'Hot',
            score: 80,
            daysSinceTouch: 10,
            everTouched: true,
            flags: [],
            nextStep: 'Call',
            nextStepDate: '2026-11-18',
            nextStepOverdue: true,
            overdueDays: 2,
            changes: [
                { kind: 'tier-up', text: 'Tier up: Warm → Hot' },
                { kind: 'untouched', text: 'Not touched since the last review' }
            ]
        });
        expect(l2.daysSinceTouch).toBe(50);
        expect(l2.everTouched).toBe(false);
        expect(l2.flags).toEqual(FINDINGS);
        expect(l2.changes).toEqual([{ kind: 'new', text: 'New since the last review' }]);
        expect(l3.changes.map((c) => c.text)).toEqual([
            'Tier down: Hot → Warm',
            'Status moved: Working → Qualified',
            'Not touched since the last review'
        ]);
        // Due today is not overdue.
        expect([l5.nextStepOverdue, l5.overdueDays]).toEqual([false, 0]);
    });

    it('counts a touch on the review day as after the review', () => {
        const board = buildBoard(
            [lead('L9', { lastActivityDate: '2026-11-13' })],
            [],
            [
                {
                    leadId: 'L9',
                    reviewedAt: '2026-11-13T16:00:00.000Z',
                    statusAtReview: 'Working',
                    tierAtReview: 'Warm'
                }
            ],
            DEFAULT_SETTINGS,
            NOW,
            { laneBy: 'rep' }
        );
        expect(board.lanes[0].cards[0].changes).toEqual([
            { kind: 'touched', text: 'Touched since the last review' }
        ]);
        expect(board.lanes[0].label).toBe(ANA);
    });

    it('lays status lanes out in the process order of the settings, empty ones included', () => {
        const board = buildBoard(LEADS, FINDINGS, REVIEWS, DEFAULT_SETTINGS, NOW, {
            laneBy: 'status'
        });
        expect(board.lanes.map((l) => [l.key, l.cards.map((c) => c.id)])).toEqual([
            ['Open - Not Contacted', []],
            ['New', ['L2']],
            ['Working - Contacted', []],
            ['Working', ['L1', 'L5']],
            ['Qualified', ['L3']],
            ['Nurturing', []],
            ['Closed - Not Converted', []],
            ['Unqualified', []]
        ]);
    });

    it('filters by team, tier, flag and overdue, and counts what it hid', () => {
        const by = (filters: object) =>
            buildBoard(LEADS, FINDINGS, REVIEWS, DEFAULT_SETTINGS, NOW, {
                laneBy: 'rep',
                filters
            });
        const ids = (filters: object) => by(filters).lanes.flatMap((l) => l.cards.map((c) => c.id));
        expect(ids({ ownerIds: [BEN] })).toEqual(['L5', 'L3']);
        expect(ids({ tiers: ['Hot'] })).toEqual(['L1', 'L5']);
        expect(ids({ flag: 'untouched-sla' })).toEqual(['L2']);
        expect(ids({ overdueOnly: true })).toEqual(['L1']);
        expect(by({ overdueOnly: true, ownerIds: [BEN] })).toEqual({
            laneBy: 'rep',
            lanes: [],
            shown: 0,
            hidden: 4
        });
    });
});

describe('the meeting walk', () => {
    const board = buildBoard(LEADS, FINDINGS, REVIEWS, DEFAULT_SETTINGS, NOW, {
        laneBy: 'rep',
        ownerNames: NAMES
    });
    const stops = meetingOrder(board);

    it('goes rep by rep, lead by lead', () => {
        expect(stops.map((s) => `${s.repName}/${s.leadId}/${s.repIndex}.${s.leadIndex}`)).toEqual([
            'Ana Ruiz/L1/0.0',
            'Ana Ruiz/L2/0.1',
            'Ben Okafor/L5/1.0',
            'Ben Okafor/L3/1.1'
        ]);
    });

    it('refuses a status board', () => {
        expect(() =>
            meetingOrder(buildBoard(LEADS, [], [], DEFAULT_SETTINGS, NOW, { laneBy: 'status' }))
        ).toThrow('A meeting walks a board with a lane per rep (laneBy: "rep").');
    });

    it('resumes at the saved lead, else the first not reviewed, else the start', () => {
        expect(resumeIndex(stops, 'L5', new Set())).toBe(2);
        expect(resumeIndex(stops, 'GONE', new Set(['L1', 'L2']))).toBe(2);
        expect(resumeIndex(stops, null, new Set(['L1']))).toBe(1);
        expect(resumeIndex(stops, null, new Set(['L1', 'L2', 'L5', 'L3']))).toBe(0);
    });
});

describe('validateNextStep', () => {
    it('accepts today and later, with a step', () => {
        expect(validateNextStep('Call back', '2026-11-20', NOW)).toEqual([]);
        expect(validateNextStep('Call back', '2026-12-01', NOW)).toEqual([]);
        expect(validateNextStep('', '', NOW)).toEqual([]);
    });

    it('says a past date is in the past and which day is the earliest', () => {
        expect(validateNextStep('Call back', '2026-11-19', NOW)).toEqual([
            {
                field: 'nextStepDate',
                message:
                    'The next-step date 2026-11-19 is in the past; pick today (2026-11-20) or a later date.'
            }
        ]);
    });

    it('refuses a malformed date, a date without a step and an overlong step', () => {
        expect(validateNextStep('x', '20/11/2026', NOW)).toEqual([
            { field: 'nextStepDate', message: '"20/11/2026" is not a date; use YYYY-MM-DD.' }
        ]);
        expect(validateNextStep(' ', '2026-11-21', NOW)).toEqual([
            { field: 'nextStep', message: 'Say what the next step is when you give it a date.' }
        ]);
        expect(validateNextStep('a'.repeat(256), null, NOW)).toEqual([
            { field: 'nextStep', message: 'The next step is 256 characters; keep it to 255.' }
        ]);
    });
});

describe('checkStatusMove', () => {
    it('allows a known, different status and says why not otherwise', () => {
        const card = { name: 'Lee L1', status: 'Working' };
        expect(checkStatusMove(card, 'Qualified', DEFAULT_SETTINGS)).toBeNull();
        expect(checkStatusMove(card, 'Working', DEFAULT_SETTINGS)).toBe(
            'Lee L1 is already Working.'
        );
        expect(checkStatusMove(card, 'Won', DEFAULT_SETTINGS)).toBe(
            `"Won" is not a lead status Lead Loop knows; check the settings' status lists.`
        );
    });
});

function entry(leadId: string | null, overrides: Partial<ReviewEntry> = {}): ReviewEntry {
    return {
        id: `E-${leadId}`,
        meetingId: 'M2',
        leadId,
        repId: ANA,
        progress: null,
        nextStep: null,
        nextStepDate: null,
        statusAtReview: 'Working',
        statusAfter: 'Working',
        tierAtReview: 'Warm',
        flags: [],
        outcome: 'Reviewed',
        reviewedAt: '2026-11-20T09:30:00.000Z',
        ...overrides
    };
}

describe('summarizeMeeting', () => {
    const scope = LEADS.filter((l) => !l.isConverted);
    const earlier = [
        {
            meeting: {
                id: 'M0',
                meetingDate: '2026-11-06',
                leadsInScope: 4,
                leadsReviewed: 1,
                overdueNextSteps: 3,
                flagsRaised: 0
            }
        },
        {
            meeting: {
                id: 'M1',
                meetingDate: '2026-11-13',
                leadsInScope: 4,
                leadsReviewed: 2,
                overdueNextSteps: 2,
                flagsRaised: 1
            },
            entries: [
                entry('L2', { meetingId: 'M1', flags: ['dead-90'] }),
                entry('L3', { meetingId: 'M1', flags: ['owner-inactive'] })
            ]
        }
    ];

    it('counts coverage, overdue, flags, changes, per rep and the trend', () => {
        const entries = [
            entry('L1', {
                nextStep: 'Send pricing',
                nextStepDate: '2026-11-24',
                outcome: 'Next_Step'
            }),
            entry('L2', {
                flags: ['untouched-sla'],
                statusAfter: 'Working',
                statusAtReview: 'New',
                outcome: 'Status_Change'
            }),
            entry('L3', {
                repId: BEN,
                flags: ['owner-inactive'],
                outcome: 'Handed_Back',
                statusAfter: 'Nurturing'
            }),
            entry('L5', { repId: BEN, reviewedAt: null })
        ];
        const summary = summarizeMeeting(entries, scope, NOW, earlier);
        expect(summary).toEqual({
            leadsInScope: 4,
            leadsReviewed: 3,
            coverage: 0.75,
            // L1's next step moved to the 24th in the meeting; none other is past.
            overdueNextSteps: 0,
            flagsRaised: 1,
            flagsCleared: 1,
            changes: { nextSteps: 1, statusChanges: 1, handBacks: 1 },
            perRep: [
                { repId: ANA, inScope: 2, reviewed: 2, coverage: 1, overdueNextSteps: 0 },
                { repId: BEN, inScope: 2, reviewed: 1, coverage: 0.5, overdueNextSteps: 0 }
            ],
            trend: [
                {
                    meetingId: 'M0',
                    meetingDate: '2026-11-06',
                    coverage: 0.25,
                    overdueNextSteps: 3,
                    flagsRaised: 0
                },
                {
                    meetingId: 'M1',
                    meetingDate: '2026-11-13',
                    coverage: 0.5,
                    overdueNextSteps: 2,
                    flagsRaised: 1
                },
                {
                    meetingId: null,
                    meetingDate: '2026-11-20',
                    coverage: 0.75,
                    overdueNextSteps: 0,
                    flagsRaised: 1
                }
            ],
            versusLast: { coverage: 25, overdueNextSteps: -2 },
            deletedLeads: 0
        });
        expect(summaryText(summary)).toBe(
            'Reviewed 3 of 4 leads (75%); 0 overdue next steps; 1 flags raised, 1 cleared; 1 next steps set, 1 status changes, 1 hand-backs; coverage +25 points vs the last meeting.'
        );
    });

    it('keeps leads reviewed and then deleted or reassigned out of the team', () => {
        const entries = [
            entry(null, { id: 'E-deleted' }),
            entry('L9', { repId: BEN }),
            entry('L1')
        ];
        const summary = summarizeMeeting(entries, [LEADS[0]], NOW);
        expect(summary.leadsInScope).toBe(3);
        expect(summary.leadsReviewed).toBe(3);
        expect(summary.coverage).toBe(1);
        expect(summary.deletedLeads).toBe(1);
        expect(summary.overdueNextSteps).toBe(1);
        expect(summary.versusLast).toBeNull();
        expect(summary.perRep).toEqual([
            { repId: ANA, inScope: 1, reviewed: 1, coverage: 1, overdueNextSteps: 1 },
            { repId: BEN, inScope: 1, reviewed: 1, coverage: 1, overdueNextSteps: 0 }
        ]);
    });

    it('reports full coverage of an empty scope', () => {
        expect(summarizeMeeting([], [], NOW).coverage).toBe(1);
    });
});

describe('records', () => {
    it('reads and writes meetings and entries in UI API and REST shapes', () => {
        const meeting = meetingFromRecord({
            Id: 'M1',
            Name: 'Review 1',
            LL_Status__c: { value: 'In_Progress' },
            LL_Team_Manager__c: { value: ANA },
            LL_Current_Lead__c: { value: 'L3' },
            LL_Leads_In_Scope__c: { value: 4 },
            LL_Meeting_Date__c: '2026-11-20'
        });
        expect(meeting).toMatchObject({
            id: 'M1',
            status: 'In_Progress',
            teamManagerId: ANA,
            currentLeadId: 'L3',
            leadsInScope: 4,
            leadsReviewed: null,
            meetingDate: '2026-11-20'
        });
        expect(meetingToFields({ id: 'M1', status: 'Completed', currentLeadId: null })).toEqual({
            LL_Status__c: 'Completed',
            LL_Current_Lead__c: null
        });
        const e = entryFromRecord({
            Id: 'E1',
            LL_Meeting__c: 'M1',
            LL_Lead__c: 'L1',
            LL_Flags__c: 'dead-90; owner-inactive',
            LL_Tier_At_Review__c: 'Lukewarm',
            LL_Outcome__c: 'Next_Step',
            LL_Reviewed_At__c: '2026-11-20T09:00:00.000Z'
        });
        expect(e.flags).toEqual(['dead-90', 'owner-inactive']);
        expect(e.tierAtReview).toBeNull();
        expect(e.outcome).toBe('Next_Step');
        expect(lastReviewOf(e)).toEqual({
            leadId: 'L1',
            reviewedAt: '2026-11-20T09:00:00.000Z',
            statusAtReview: null,
            tierAtReview: null
        });
        expect(lastReviewOf({ ...e, reviewedAt: null })).toBeNull();
        expect(entryToFields({ id: 'E1', flags: ['a', 'b'], progress: 'ok' })).toEqual({
            LL_Flags__c: 'a;b',
            LL_Progress__c: 'ok'
        });
    });
});

describe('repActions', () => {
    const fitA: Partial<Lead> = {
        title: 'VP of Sales',
        industry: 'Technology',
        numberOfEmployees: 200,
        country: 'US',
        email: 'lee@acme.io',
        phone: '555'
    };
    const input = (l: Lead) => ({ lead: l, activities: [], campaignMembers: [] });

    it('names the smallest event that lifts the tier, from the model', () => {
        const m = DEFAULT_SCORING_MODEL;
        // A fit, no engagement: Warm; a campaign response (20) reaches Medium: Hot.
        expect(whatMovesUp(input(lead('A1', fitA)), m, NOW)).toBe(
            'A campaign response would make this lead Hot'
        );
        // B fit (no industry, no country: 55 points) and a web source (10, Low): Cool; an email (6) reaches Medium.
        expect(
            whatMovesUp(
                input(
                    lead('B1', {
                        ...fitA,
                        industry: null,
                        country: null,
                        leadSource: 'Web',
                        createdDate: NOW.toISOString()
                    })
                ),
                m,
                NOW
            )
        ).toBe('A completed email would make this lead Warm');
        // D fit: one event cannot reach High engagement.
        expect(whatMovesUp(input(lead('D1', { email: 'x@gmail.com' })), m, NOW)).toBe(
            'No single activity moves this lead up: fit grade D keeps it Cold'
        );
        // A fit with a demo and a response today: already Hot.
        const hot = {
            lead: lead('H1', fitA),
            activities: [],
            campaignMembers: [
                {
                    id: 'cm',
                    campaignId: 'c',
                    leadId: 'H1',
                    status: 'Responded',
                    hasResponded: true,
                    firstRespondedDate: '2026-11-20',
                    createdDate: NOW.toISOString()
                }
            ]
        };
        expect(whatMovesUp(hot, m, NOW)).toBeNull();
    });

    it('lists open leads with a reason, by tier, then overdue, with what moves them up', () => {
        const leads = [
            input(
                lead('D1', {
                    email: 'x@gmail.com',
                    nextStep: 'Call',
                    nextStepDate: '2026-11-01',
                    lastActivityDate: '2026-11-19'
                })
            ),
            input(
                lead('A1', {
                    ...fitA,
                    nextStep: 'Demo',
                    nextStepDate: '2026-11-20',
                    lastActivityDate: '2026-11-19'
                })
            ),
            input(lead('A2', { ...fitA, lastActivityDate: '2026-11-19' })),
            input(
                lead('A3', {
                    ...fitA,
                    nextStep: 'Later',
                    nextStepDate: '2026-12-01',
                    lastActivityDate: '2026-11-19'
                })
            ),
            input(lead('X1', { ...fitA, status: 'Unqualified', nextStepDate: '2026-11-01' })),
            input(lead('X2', { ...fitA, isConverted: true, nextStepDate: '2026-11-01' }))
        ];
        const actions = repActions(leads, DEFAULT_SCORING_MODEL, NOW);
        expect(actions.map((a) => [a.leadId, a.tier, a.overdueDays, a.reasons, a.moveUp])).toEqual([
            [
                'A1',
                'Warm',
                0,
                ['Next step due today'],
                'A campaign response would make this lead Hot'
            ],
            [
                'A2',
                'Warm',
                0,
                ['Warm lead with no next step'],
                'A campaign response would make this lead Hot'
            ],
            [
                'D1',
                'Cold',
                19,
                ['Next step overdue by 19 days'],
                'No single activity moves this lead up: fit grade D keeps it Cold'
            ]
        ]);
    });

    it('says when a lead was never touched', () => {
        const [action] = repActions(
            [
                input(
                    lead('N1', {
                        ...fitA,
                        lastActivityDate: null,
                        nextStep: 'x',
                        nextStepDate: '2026-12-01'
                    })
                )
            ],
            DEFAULT_SCORING_MODEL,
            NOW
        );
        expect(action.reasons).toEqual(['Never touched in 50 days']);
    });
});

describe('boardFindings', () => {
    it("flags what the board's checks find from leads and users alone", () => {
        const leads = [
            lead('F1', { ownerId: 'GONE', lastActivityDate: '2026-11-19' }),
            lead('F2', {
                status: 'New',
                lastActivityDate: null,
                createdDate: '2026-11-01T09:00:00.000Z'
            })
        ];
        const users = [
            { id: ANA, name: 'Ana Ruiz', isActive: true },
            { id: 'GONE', name: 'Gone Rep', isActive: false }
        ];
        const found = boardFindings(leads, users, [], DEFAULT_SETTINGS, NOW);
        expect(found.map((f) => `${f.leadId}:${f.checkId}`)).toEqual(
            expect.arrayContaining(['F1:owner-inactive', 'F2:untouched-past-sla'])
        );
        expect(found.every((f) => (BOARD_CHECKS as readonly string[]).includes(f.checkId))).toBe(
            true
        );
        expect(Object.keys(found[0]).sort()).toEqual(['checkId', 'leadId', 'severity', 'title']);
    });
});

describe('writeProblem', () => {
    it('tells a changed record from a deleted one from anything else', () => {
        expect(writeProblem({ status: 412, body: [{ errorCode: 'PRECONDITION_FAILED' }] })).toBe(
            'conflict'
        );
        expect(writeProblem({ status: 400, body: { errorCode: 'PRECONDITION_FAILED' } })).toBe(
            'conflict'
        );
        expect(writeProblem({ status: 404, body: [{ errorCode: 'NOT_FOUND' }] })).toBe('deleted');
        expect(writeProblem({ status: 400, body: [{ errorCode: 'ENTITY_IS_DELETED' }] })).toBe(
            'deleted'
        );
        expect(
            writeProblem({
                status: 400,
                body: [{ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION' }]
            })
        ).toBeNull();
        expect(writeProblem(undefined)).toBeNull();
    });
});

describe('review export', () => {
    const m = (id: string, meetingDate: string | null) => ({
        ...meetingFromRecord({ Id: id }),
        meetingDate,
        teamManagerId: ANA
    });

    it('checks the period and says what is wrong', () => {
        expect(checkPeriod('2026-11-01', '2026-11-30')).toEqual([]);
        expect(checkPeriod(undefined, undefined)).toEqual([]);
        expect(checkPeriod('11/01/2026', '2026-13-45')).toEqual([
            '--from must be a date as YYYY-MM-DD, not "11/01/2026".',
            '--to must be a date as YYYY-MM-DD, not "2026-13-45".'
        ]);
        expect(checkPeriod('2026-12-01', '2026-11-01')).toEqual([
            '--from (2026-12-01) is after --to (2026-11-01).'
        ]);
    });

    it('keeps meetings in the period, both ends included', () => {
        const list = [
            m('M1', '2026-11-06'),
            m('M2', '2026-11-13'),
            m('M3', '2026-11-20'),
            m('M4', null)
        ];
        expect(meetingsInPeriod(list, '2026-11-13', '2026-11-20').map((x) => x.id)).toEqual([
            'M2',
            'M3'
        ]);
        expect(meetingsInPeriod(list, undefined, '2026-11-06').map((x) => x.id)).toEqual(['M1']);
    });

    it('flattens entries per meeting, by review time', () => {
        const rows = reviewExportRows(
            [m('M1', '2026-11-13')],
            [
                entry('L2', {
                    meetingId: 'M1',
                    reviewedAt: '2026-11-13T10:05:00.000Z',
                    flags: ['a', 'b']
                }),
                entry('L1', { meetingId: 'M1', reviewedAt: '2026-11-13T10:00:00.000Z' }),
                entry('L3', { meetingId: 'M9' })
            ]
        );
        expect(rows.map((r) => [r.leadId, r.flags, r.meetingDate, r.meetingStatus])).toEqual([
            ['L1', '', '2026-11-13', 'In_Progress'],
            ['L2', 'a;b', '2026-11-13', 'In_Progress']
        ]);
        expect(Object.keys(rows[0])).toEqual([...REVIEW_EXPORT_COLUMNS]);
    });
});
