/**
 * The compiled core must load as an LWC module and behave as the TypeScript
 * does: components rely on it exactly as the CLI and the local org do.
 */
import {
    API_VERSION,
    LEAD_FIELDS,
    leadFromRecord,
    parseSettings,
    reduceErrors
} from 'c/leadLoopCore';

describe('c/leadLoopCore', () => {
    it('exposes the shared API version and schema', () => {
        expect(API_VERSION).toMatch(/^\d+\.0$/);
        expect(LEAD_FIELDS.score).toBe('LL_Score__c');
    });

    it('maps a UI API record to a domain lead', () => {
        const lead = leadFromRecord({
            id: '00Q000000000001AAA',
            fields: {
                LastName: { value: 'Ng', displayValue: null },
                LL_Tier__c: { value: 'Hot', displayValue: 'Hot' }
            }
        });
        expect(lead).toEqual({ id: '00Q000000000001AAA', lastName: 'Ng', tier: 'Hot' });
    });

    it('reduces LDS errors to messages', () => {
        expect(
            reduceErrors([
                { body: { message: 'Insufficient access' } },
                { body: [{ message: 'No such column' }] }
            ])
        ).toEqual(['Insufficient access', 'No such column']);
    });

    it('falls back to default settings and reports bad values', () => {
        const { settings, issues } = parseSettings({ LL_Dead_After_Days__c: -4 });
        expect(settings.deadAfterDays).toBe(90);
        expect(issues[0].field).toBe('LL_Dead_After_Days__c');
    });
});
