import LeadScoreCard from 'c/leadScoreCard';
import { graphql, refreshGraphQL } from 'lightning/graphql';
import { updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEventName } from 'lightning/platformShowToastEvent';
import { atFixedTime, flushPromises, mount, queryAllDeep, queryDeep, textOf } from 'jest-utils/dom';

const scoredLead = require('./data/scoredLead.json');
const staleLead = require('./data/staleLead.json');
const hiddenFieldsLead = require('./data/hiddenFieldsLead.json');
const unscoredLead = require('./data/unscoredLead.json');

const NOW = new Date('2026-11-22T12:00:00.000Z');

function createCard() {
    const element = mount('c-lead-score-card', LeadScoreCard, { recordId: '00Q000000000001AAA' });
    return element;
}

const text = textOf;

describe('c-lead-score-card', () => {
    atFixedTime(NOW);

    it('asks GraphQL for this lead', async () => {
        const element = createCard();
        graphql.emit(scoredLead);
        await flushPromises();
        expect(graphql.getLastConfig().variables).toEqual({ recordId: element.recordId });
    });

    it('shows the tier, grade, engagement, reasons, change and model version', async () => {
        const element = createCard();
        graphql.emit(scoredLead);
        await flushPromises();

        expect(text(element, 'tier')).toBe('Hot');
        expect(queryDeep(element, '[data-id="sales-ready"]')).not.toBeNull();
        expect(text(element, 'grade')).toBe('A');
        expect(text(element, 'engagement')).toBe('41.2');
        expect(text(element, 'score')).toBe('61');
        expect(text(element, 'summary')).toContain('Hot, sales-ready');
        expect(text(element, 'change')).toBe('Up 13 since the last score (was 48, was Warm).');
        expect(text(element, 'scored-at')).toContain('model v1');
        const reasons = [...queryAllDeep(element, '[data-id="reasons"] li')].map((li) =>
            [...li.querySelectorAll('span')].map((span) => span.textContent.trim()).join(' ')
        );
        expect(reasons).toEqual([
            '+26.6 Demo or meeting: "Product demo" (2026-11-18): +26.6 engagement.',
            '+20 Title "VP of Marketing" counts as VP title: +20 fit.',
            '-10 Email uses the free-mail domain gmail.com: -10 fit.'
        ]);
    });

    it('shows why the lead came in: source, campaigns and what the lead did, newest first', async () => {
        const element = createCard();
        graphql.emit(scoredLead);
        await flushPromises();

        expect(text(element, 'lead-source')).toBe('Web');
        expect(text(element, 'campaigns')).toContain('Autumn Analytics Webinar · Responded');
        const timeline = [...queryAllDeep(element, '[data-id="timeline"] li')].map((li) =>
            [...li.querySelectorAll('span')].map((span) => span.textContent.trim()).join(' ')
        );
        expect(timeline).toEqual([
            '2026-11-20 Meeting: Discovery meeting',
            '2026-11-18 Meeting: Product demo',
            '2026-11-02 Call: Intro call',
            '2026-10-01 Campaign response: Autumn Analytics Webinar'
        ]);
    });

    it('rescores with the active model and writes only what changed', async () => {
        const element = createCard();
        graphql.emit(staleLead);
        await flushPromises();
        expect(text(element, 'tier')).toBe('Cool');

        queryDeep(element, '[data-id="rescore"]').click();
        await flushPromises();

        expect(updateRecord).toHaveBeenCalledTimes(1);
        const { fields } = updateRecord.mock.calls[0][0];
        expect(fields.Id).toBe('00Q000000000001AAA');
        expect(fields.LL_Tier__c).toBe('Hot');
        expect(fields.LL_Fit_Grade__c).toBe('A');
        expect(fields.LL_Model_Version__c).toBe(1);
        expect(fields.LL_Previous_Score__c).toBe(30);
        expect(fields.LL_Previous_Tier__c).toBe('Cool');
        expect(fields.LL_Scored_At__c).toBe(NOW.toISOString());
        expect(JSON.parse(fields.LL_Score_Reasons__c).map((r) => r.id)).toContain('title-vp');
        expect(refreshGraphQL).toHaveBeenCalled();

        // The refreshed record shows the new score.
        graphql.emit(scoredLead);
        await flushPromises();
        expect(text(element, 'tier')).toBe('Hot');
    });

    it('writes nothing when the stored score is current', async () => {
        const element = createCard();
        graphql.emit(staleLead);
        await flushPromises();
        queryDeep(element, '[data-id="rescore"]').click();
        await flushPromises();
        const written = updateRecord.mock.calls[0][0].fields;

        // The org now holds what was written: rescoring again changes nothing.
        const stored = JSON.parse(JSON.stringify(staleLead));
        const node = stored.uiapi.query.Lead.edges[0].node;
        for (const [apiName, value] of Object.entries(written)) {
            if (apiName !== 'Id') {
                node[apiName] = { value };
            }
        }
        graphql.emit(stored);
        await flushPromises();
        const toasts = [];
        element.addEventListener(ShowToastEventName, (event) => toasts.push(event.detail));
        queryDeep(element, '[data-id="rescore"]').click();
        await flushPromises();
        expect(updateRecord).toHaveBeenCalledTimes(1);
        expect(toasts[0].title).toBe('Score is up to date');
    });

    it('marks a nurtured lead ready to return as the CLI rescore does, and only when the mark changes', async () => {
        const nurtured = JSON.parse(JSON.stringify(staleLead));
        const node = nurtured.uiapi.query.Lead.edges[0].node;
        node.Status = { value: 'Nurturing' };
        node.LL_Nurture_Until__c = { value: '2026-11-01' };
        node.LL_Ready_To_Return__c = { value: null };
        const element = createCard();
        graphql.emit(nurtured);
        await flushPromises();
        queryDeep(element, '[data-id="rescore"]').click();
        await flushPromises();
        expect(updateRecord.mock.calls[0][0].fields.LL_Ready_To_Return__c).toBe(
            'Nurture date 2026-11-01 passed; Scores Hot again'
        );

        // Already marked: the mark is not written again; back with sales: it is cleared.
        node.LL_Ready_To_Return__c = { value: 'Nurture date 2026-11-01 passed; Scores Hot again' };
        graphql.emit(nurtured);
        await flushPromises();
        queryDeep(element, '[data-id="rescore"]').click();
        await flushPromises();
        expect(updateRecord.mock.calls[1][0].fields).not.toHaveProperty('LL_Ready_To_Return__c');
        node.Status = { value: 'Working' };
        graphql.emit(nurtured);
        await flushPromises();
        queryDeep(element, '[data-id="rescore"]').click();
        await flushPromises();
        expect(updateRecord.mock.calls[2][0].fields.LL_Ready_To_Return__c).toBe(null);
    });

    it('shows the error when the write fails', async () => {
        updateRecord.mockRejectedValueOnce({
            body: { message: 'You do not have access to LL_Score__c' }
        });
        const element = createCard();
        graphql.emit(staleLead);
        await flushPromises();
        queryDeep(element, '[data-id="rescore"]').click();
        await flushPromises();
        expect(text(element, 'action-errors')).toBe('You do not have access to LL_Score__c');
    });

    it('degrades gracefully with no activities and hidden score fields', async () => {
        const element = createCard();
        graphql.emit(hiddenFieldsLead);
        await flushPromises();
        expect(text(element, 'no-access')).toContain('do not have access');
        expect(text(element, 'lead-source')).toBe('Unknown');
        expect(text(element, 'no-campaigns')).toBeTruthy();
        expect(text(element, 'no-activity')).toBeTruthy();
        expect(queryDeep(element, '[data-id="rescore"]').disabled).toBe(true);
        jest.useRealTimers(); // sa11y needs real timers
        await expect(element).toBeAccessible();
    });

    it('writes only the score fields the user can see', async () => {
        const partial = JSON.parse(JSON.stringify(staleLead));
        const node = partial.uiapi.query.Lead.edges[0].node;
        delete node.LL_Score_Reasons__c;
        delete node.LL_Previous_Score__c;
        const element = createCard();
        graphql.emit(partial);
        await flushPromises();
        expect(text(element, 'no-reasons')).toBeTruthy();
        queryDeep(element, '[data-id="rescore"]').click();
        await flushPromises();
        const { fields } = updateRecord.mock.calls[0][0];
        expect(fields.LL_Tier__c).toBe('Hot');
        expect(fields).not.toHaveProperty('LL_Score_Reasons__c');
        expect(fields).not.toHaveProperty('LL_Previous_Score__c');
        expect(fields.LL_Previous_Tier__c).toBe('Cool');
    });

    it('invites a first score for an unscored lead', async () => {
        const element = createCard();
        graphql.emit(unscoredLead);
        await flushPromises();
        expect(text(element, 'not-scored')).toContain('Not scored yet');
        queryDeep(element, '[data-id="rescore"]').click();
        await flushPromises();
        const { fields } = updateRecord.mock.calls[0][0];
        expect(fields).not.toHaveProperty('LL_Previous_Score__c');
        expect(fields).not.toHaveProperty('LL_Previous_Tier__c');
    });

    it('shows GraphQL errors', async () => {
        const element = createCard();
        graphql.emitErrors([{ message: 'Field LL_Tier__c is not accessible' }]);
        await flushPromises();
        expect(text(element, 'load-errors')).toContain('Field LL_Tier__c is not accessible');
        jest.useRealTimers(); // sa11y needs real timers
        await expect(element).toBeAccessible();
    });

    it('is accessible with a scored lead', async () => {
        const element = createCard();
        graphql.emit(scoredLead);
        await flushPromises();
        jest.useRealTimers(); // sa11y needs real timers
        await expect(element).toBeAccessible();
    });
});
