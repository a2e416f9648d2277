import { describe, expect, it } from 'vitest';
import {
    accountFromRecord,
    auditLeads,
    contactFromRecord,
    DEFAULT_SETTINGS,
    HYGIENE_CHECK_IDS,
    HYGIENE_CHECKS,
    HYGIENE_FIELDS,
    HYGIENE_LEAD_KEYS,
    hygieneActivityFromRecord,
    leadApiNames,
    opportunityFromRecord,
    parseSettings,
    queueFromRecord,
    settingsToRecord,
    userFromRecord,
    type LeadLoopSettings
} from '../../src/index';
import { ago, lead, NOW, snapshot, task } from './fixtures';

describe('auditLeads', () => {
    it('gives a lead several findings and counts them per check and severity', () => {
        const l = lead({
            status: 'Qualified',
            ownerId: '005000000000002AAA',
            createdDate: ago(120)
        });
        const result = auditLeads(snapshot({ leads: [l, lead()] }), DEFAULT_SETTINGS, NOW);
        expect(result.findings.map((f) => f.checkId).sort()).toEqual([
            'dead-no-touch',
            'owner-inactive',
            'qualified-not-worked'
        ]);
        expect(result).toMatchObject({
            leadsAudited: 2,
            leadsWithFindings: 1,
            countsBySeverity: { critical: 0, high: 2, medium: 1, low: 0 }
        });
        expect(result.countsByCheck['owner-inactive']).toBe(1);
        expect(result.checks).toEqual(HYGIENE_CHECK_IDS);
    });

    it('streams findings to onFinding instead of collecting them', () => {
        const l = lead({ status: 'Qualified', createdDate: ago(120) });
        const streamed: string[] = [];
        const result = auditLeads(snapshot({ leads: [l] }), DEFAULT_SETTINGS, NOW, {
            onFinding: (f) => streamed.push(f.checkId)
        });
        expect(result.findings).toEqual([]);
        expect(streamed.sort()).toEqual(['dead-no-touch', 'qualified-not-worked']);
        expect(result.countsByCheck['dead-no-touch']).toBe(1);
    });

    it('runs only the chosen checks; an unknown id is an error listing the known ones', () => {
        const l = lead({ status: 'Qualified', createdDate: ago(120) });
        const result = auditLeads(snapshot({ leads: [l] }), DEFAULT_SETTINGS, NOW, {
            checks: ['dead-no-touch']
        });
        expect(result.findings.map((f) => f.checkId)).toEqual(['dead-no-touch']);
        expect(() =>
            auditLeads(snapshot(), DEFAULT_SETTINGS, NOW, { checks: ['dead-no-touch', 'stale'] })
        ).toThrow(
            /Unknown check id "stale"\. Known checks: hot-in-marketing-queue, qualified-not-worked,/
        );
    });

    it('rejects thresholds out of range, naming the field and the value', () => {
        const bad = { ...DEFAULT_SETTINGS, deadAfterDays: -4, hotInMarketingDays: 5000 };
        expect(() => auditLeads(snapshot(), bad, NOW)).toThrow(
            'Settings are not usable: LL_Dead_After_Days__c (deadAfterDays) must be a number of days from 0 to 3650, not -4. LL_Hot_In_Marketing_Days__c (hotInMarketingDays) must be a number of days from 0 to 3650, not 5000.'
        );
        const noToggle = {
            ...DEFAULT_SETTINGS,
            matchDuplicatePhone: 'yes'
        } as unknown as LeadLoopSettings;
        expect(() => auditLeads(snapshot(), noToggle, NOW)).toThrow(
            /LL_Match_Duplicate_Phone__c \(matchDuplicatePhone\) must be true or false, not "yes"/
        );
    });

    it('rejects a snapshot without leads and a bad clock; skips leads without an id', () => {
        expect(() => auditLeads({} as never, DEFAULT_SETTINGS, NOW)).toThrow(
            /snapshot.leads must be an array/
        );
        expect(() => auditLeads({ leads: [], tasks: 'x' } as never, DEFAULT_SETTINGS, NOW)).toThrow(
            'snapshot.tasks must be an array, not string.'
        );
        expect(() => auditLeads(snapshot(), DEFAULT_SETTINGS, new Date('nope'))).toThrow(
            /now must be a valid Date/
        );
        const l = lead();
        const result = auditLeads(
            snapshot({ leads: [{ ...l, id: '' }, l, l] }),
            DEFAULT_SETTINGS,
            NOW
        );
        expect(result.skipped).toEqual([
            { index: 0, reason: 'The lead has no Id.' },
            { index: 2, reason: `The lead ${l.id} appears more than once.` }
        ]);
        expect(result.leadsAudited).toBe(1);
        // The repeated record is not audited, so it is not the lead's own duplicate either.
        expect(result.findings.filter((f) => f.checkId.startsWith('duplicate-'))).toEqual([]);
    });

    it('describes every check: stable kebab-case id, severity, title, explanation, settings', () => {
        expect(new Set(HYGIENE_CHECK_IDS).size).toBe(HYGIENE_CHECKS.length);
        for (const check of HYGIENE_CHECKS) {
            expect(check.id).toMatch(/^[a-z]+(-[a-z]+)+$/);
            expect(['critical', 'high', 'medium', 'low']).toContain(check.severity);
            expect(check.title.length).toBeGreaterThan(5);
            expect(check.explanation.length).toBeGreaterThan(40);
            for (const key of check.settings) expect(DEFAULT_SETTINGS).toHaveProperty(key);
        }
    });
});

describe('hygiene settings in LL_Settings__c', () => {
    it('round-trips the new thresholds and toggles', () => {
        const settings = { ...DEFAULT_SETTINGS, hotInMarketingDays: 4, matchDuplicatePhone: false };
        const { settings: parsed, issues } = parseSettings(settingsToRecord(settings));
        expect(issues).toEqual([]);
        expect(parsed).toMatchObject({ hotInMarketingDays: 4, matchDuplicatePhone: false });
        expect(
            parseSettings({ LL_Match_Duplicate_Email__c: 'false' }).settings.matchDuplicateEmail
        ).toBe(false);
    });
    it('reports a value out of range with the field and the value, and keeps the default', () => {
        const { settings, issues } = parseSettings({
            LL_Hot_In_Marketing_Days__c: 9000,
            LL_Match_Duplicate_Person__c: 'maybe'
        });
        expect(settings.hotInMarketingDays).toBe(2);
        expect(settings.matchDuplicatePerson).toBe(true);
        expect(issues).toEqual([
            {
                field: 'LL_Hot_In_Marketing_Days__c',
                message:
                    'LL_Hot_In_Marketing_Days__c must be a number of days from 0 to 3650, not 9000; using 2.'
            },
            {
                field: 'LL_Match_Duplicate_Person__c',
                message:
                    'LL_Match_Duplicate_Person__c must be true or false, not "maybe"; using true.'
            }
        ]);
    });
});

describe('records the audit reads', () => {
    it('lists the fields per object', () => {
        expect(leadApiNames(HYGIENE_LEAD_KEYS)).toContain('LL_Nurture_Until__c');
        expect(HYGIENE_FIELDS.Contact).toContain('Account.Name');
        expect(HYGIENE_FIELDS.Task).toContain('Description');
    });
    it('reads REST, Bulk CSV text and GraphQL shapes alike', () => {
        const rest = {
            Id: '003A',
            FirstName: 'Ada',
            LastName: 'King',
            Email: 'a@b.co',
            AccountId: '001A',
            Account: { Name: 'Acme' }
        };
        const csv = {
            Id: '003A',
            FirstName: 'Ada',
            LastName: 'King',
            Email: 'a@b.co',
            AccountId: '001A',
            'Account.Name': 'Acme',
            CreatedDate: ''
        };
        const gql = {
            Id: '003A',
            FirstName: { value: 'Ada' },
            LastName: { value: 'King' },
            Email: { value: 'a@b.co' },
            AccountId: { value: '001A' },
            Account: { Name: { value: 'Acme' } }
        };
        const expected = contactFromRecord(rest);
        expect(expected.accountName).toBe('Acme');
        expect(contactFromRecord(csv)).toEqual(expected);
        expect(contactFromRecord(gql)).toEqual(expected);

        expect(userFromRecord({ Id: '005A', Name: 'Gary', IsActive: 'false' }).isActive).toBe(
            false
        );
        expect(
            userFromRecord({
                id: '005A',
                fields: { Name: { value: 'Gary' }, IsActive: { value: true } }
            })
        ).toEqual({
            id: '005A',
            name: 'Gary',
            isActive: true
        });
        expect(queueFromRecord({ Id: '00GA', Name: 'Q', DeveloperName: 'Q_1' }).developerName).toBe(
            'Q_1'
        );
        expect(accountFromRecord({ Id: '001A', Name: 'Acme', Website: '' }).website).toBeNull();
        expect(
            opportunityFromRecord({
                Id: '006A',
                StageName: 'Closed Won',
                IsClosed: 'true',
                IsWon: 'true'
            })
        ).toMatchObject({
            isClosed: true,
            isWon: true
        });
        expect(opportunityFromRecord({ Id: '006A', StageName: 'Closed Lost' })).toMatchObject({
            isClosed: true,
            isWon: false
        });
        const t = hygieneActivityFromRecord(
            {
                Id: '00TA',
                WhoId: '00QA',
                Subject: 'Call',
                Status: 'Completed',
                IsClosed: 'true',
                Description: 'not a fit',
                ActivityDate: '2026-11-01'
            },
            'Task'
        );
        expect(t).toMatchObject({
            whoId: '00QA',
            isClosed: true,
            description: 'not a fit',
            activityDate: '2026-11-01'
        });
        expect(task('00QA', 1).kind).toBe('Task');
    });
});
