import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
    DEFAULT_SETTINGS,
    addDays,
    daysBetween,
    graphqlNodes,
    latest,
    leadFromRecord,
    leadToRecord,
    parseSettings,
    reduceErrors,
    settingsToRecord,
    splitList,
    toEpochMs
} from '../src/index';

describe('records', () => {
    it('lists the nodes of a GraphQL connection', () => {
        expect(graphqlNodes({ edges: [{ node: { Id: 'a' } }, { node: null }, {}] })).toEqual([
            { Id: 'a' }
        ]);
        expect(graphqlNodes(undefined)).toEqual([]);
    });

    it('maps flat REST records and leaves unqueried fields undefined', () => {
        const lead = leadFromRecord({
            attributes: { type: 'Lead' },
            Id: '00Q5g00000ABCDEAAA',
            LastName: 'Okafor',
            Company: 'Acme',
            Status: 'New',
            IsConverted: false,
            LL_Score__c: 72,
            LL_Tier__c: null
        });
        expect(lead).toEqual({
            id: '00Q5g00000ABCDEAAA',
            lastName: 'Okafor',
            company: 'Acme',
            status: 'New',
            isConverted: false,
            score: 72,
            tier: null
        });
        expect('email' in lead).toBe(false);
    });

    it('maps GraphQL nodes whose fields are wrapped in { value }', () => {
        const lead = leadFromRecord({
            Id: '00Q1',
            LastName: { value: 'Lee' },
            LL_Fit_Grade__c: { value: 'B' }
        });
        expect(lead).toEqual({ id: '00Q1', lastName: 'Lee', fitGrade: 'B' });
    });

    it('writes only the given fields, with API names', () => {
        expect(leadToRecord({ id: '00Q1', tier: 'Warm', score: undefined })).toEqual({
            Id: '00Q1',
            LL_Tier__c: 'Warm'
        });
        expect(() => leadToRecord({ bogus: 1 } as never)).toThrow(/Unknown field key "bogus"/);
    });
});

describe('dates', () => {
    it('reads ISO dates and date-times exactly as Date.parse does (fast path included)', () => {
        const pad = (n: number, w: number) => String(n).padStart(w, '0');
        fc.assert(
            fc.property(
                fc.integer({ min: 0, max: 9999 }),
                fc.integer({ min: 0, max: 13 }),
                fc.integer({ min: 0, max: 32 }),
                fc.integer({ min: 0, max: 24 }),
                fc.integer({ min: 0, max: 60 }),
                fc.integer({ min: 0, max: 999 }),
                fc.constantFrom('date', 'ms', 'seconds', 'offset', 'rest'),
                (y, mo, d, h, mi, ms, shape) => {
                    const date = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}`;
                    const time = `${pad(h, 2)}:${pad(mi, 2)}:${pad(mi, 2)}`;
                    const text =
                        shape === 'date'
                            ? date
                            : shape === 'ms'
                              ? `${date}T${time}.${pad(ms, 3)}Z`
                              : shape === 'seconds'
                                ? `${date}T${time}Z`
                                : shape === 'rest'
                                  ? `${date}T${time}.${pad(ms, 3)}+0000`
                                  : `${date}T${time}.${pad(ms, 3)}+02:00`;
                    const expected = Date.parse(shape === 'date' ? `${text}T00:00:00.000Z` : text);
                    expect(toEpochMs(text)).toBe(expected);
                }
            ),
            { numRuns: 2000 }
        );
        expect(toEpochMs('2026-11-22T10:00:00.000Z')).toBe(Date.UTC(2026, 10, 22, 10));
        // Ends of months and leap days are read without Date.parse, to the same instant.
        for (const day of ['2024-02-29', '2000-02-29', '2026-01-31', '2026-04-30', '1900-02-28']) {
            expect(toEpochMs(`${day}T23:59:59.999Z`)).toBe(Date.parse(`${day}T23:59:59.999Z`));
        }
        expect(toEpochMs('2026-1x-22')).toBeNaN();
        expect(toEpochMs(null)).toBeNaN();
    });

    it('counts whole days in UTC between dates and date-times', () => {
        expect(daysBetween('2026-11-01', '2026-11-22')).toBe(21);
        expect(daysBetween('2026-11-21T23:00:00.000Z', new Date('2026-11-22T22:59:59.000Z'))).toBe(
            0
        );
        expect(Number.isNaN(daysBetween(null, '2026-11-22'))).toBe(true);
        expect(addDays(new Date('2026-11-22T10:00:00Z'), 90)).toBe('2027-02-20');
        expect(latest('2026-01-01', '2026-02-01')).toBe('2026-02-01');
        expect(latest(null, '2026-02-01')).toBe('2026-02-01');
    });
});

describe('settings', () => {
    it('round-trips through the settings record', () => {
        const { settings, issues } = parseSettings(settingsToRecord(DEFAULT_SETTINGS));
        expect(issues).toEqual([]);
        expect(settings).toEqual(DEFAULT_SETTINGS);
    });

    it('reports bad values by field and keeps the defaults', () => {
        const { settings, issues } = parseSettings({
            LL_Dead_After_Days__c: 'soon',
            LL_Sales_Ready_Tiers__c: 'Hot;Scorching',
            LL_Nurture_Days__c: '{"No_Budget": 30, "Vibes": 4, "No_Response": -1}'
        });
        expect(settings.deadAfterDays).toBe(90);
        expect(settings.salesReadyTiers).toEqual(['Hot']);
        expect(settings.nurtureDays.No_Budget).toBe(30);
        expect(settings.nurtureDays.No_Response).toBe(60);
        expect(issues.map((i) => i.field).sort()).toEqual([
            'LL_Dead_After_Days__c',
            'LL_Nurture_Days__c',
            'LL_Nurture_Days__c',
            'LL_Sales_Ready_Tiers__c'
        ]);
    });

    it('splits semicolon lists', () => {
        expect(splitList(' New ; Working;;')).toEqual(['New', 'Working']);
        expect(splitList(undefined)).toEqual([]);
    });
});

describe('reduceErrors', () => {
    it('handles every error shape without throwing', () => {
        expect(
            reduceErrors([
                undefined,
                'plain',
                new Error('js error'),
                {
                    body: {
                        output: {
                            errors: [{ message: 'dml' }],
                            fieldErrors: { Email: [{ message: 'bad email' }] }
                        }
                    }
                },
                { errors: [{ message: 'graphql' }] },
                { errorCode: 'INVALID_FIELD', message: 'No such column' },
                { statusText: 'Bad Gateway' },
                { body: { message: 'dml' } },
                42
            ])
        ).toEqual([
            'plain',
            'js error',
            'dml',
            'bad email',
            'graphql',
            'No such column',
            'Bad Gateway',
            '42'
        ]);
    });
});
