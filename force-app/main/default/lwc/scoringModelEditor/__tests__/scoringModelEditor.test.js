import ScoringModelEditor from 'c/scoringModelEditor';
import { graphql, refreshGraphQL } from 'lightning/graphql';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import {
    atFixedTime,
    changeValue,
    flushPromises,
    mount,
    queryAllDeep,
    queryDeep,
    textOf
} from 'jest-utils/dom';

const versions = require('./data/versions.json');
const noVersions = require('./data/noVersions.json');
const previewPage1 = require('./data/previewPage1.json');
const previewPage2 = require('./data/previewPage2.json');

const NOW = new Date('2026-11-22T12:00:00.000Z');

const isPreview = (config) => Boolean(config?.variables?.pageSize);
const isVersions = (config) => !isPreview(config);

function createEditor() {
    const element = mount('c-scoring-model-editor', ScoringModelEditor);
    return element;
}

const $ = queryDeep;
const text = textOf;
const change = changeValue;

async function loaded() {
    const element = createEditor();
    graphql.emit(versions, isVersions);
    await flushPromises();
    return element;
}

function ruleInput(element, section, index, field) {
    return $(element, `[data-section="${section}"][data-index="${index}"][data-field="${field}"]`);
}

describe('c-scoring-model-editor', () => {
    atFixedTime(NOW);

    it('lists every version and opens the active one', async () => {
        const element = await loaded();
        const table = $(element, '[data-id="versions"]');
        expect(table.data.map((r) => [r.version, r.status])).toEqual([
            [3, 'Draft'],
            [2, 'Active'],
            [1, 'Retired'],
            [4, 'Draft']
        ]);
        expect($(element, 'lightning-card').title).toBe('Scoring model versions');
        expect(text(element, 'validation-text')).toBe('The model is valid.');
        expect($(element, '[data-id="grade-a"]').value).toBe(65);
        expect($(element, '[data-id="activate"]').disabled).toBe(true); // already active
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('opens an older version from the table', async () => {
        const element = await loaded();
        $(element, '[data-id="versions"]').dispatchEvent(
            new CustomEvent('rowaction', {
                detail: { action: { name: 'open' }, row: { id: 'a00000000000003AAA' } }
            })
        );
        await flushPromises();
        expect($(element, '[data-id="grade-a"]').value).toBe(75);
        expect($(element, '[data-id="activate"]').disabled).toBe(false);
    });

    it('shows errors by rule while editing and clears them when fixed', async () => {
        const element = await loaded();

        change($(element, '[data-id="grade-b"]'), '80');
        await flushPromises();
        expect(text(element, 'validation-text')).toBe(
            '1 problem to fix before saving or activating.'
        );
        const group = $(element, '[data-id="error-group"]');
        expect(group.querySelector('p').textContent).toBe('grades.B');
        expect(group.querySelector('li').textContent).toBe(
            'Grade thresholds: B (80) must be below A (65).'
        );
        expect($(element, '[data-id="save"]').disabled).toBe(true);
        expect($(element, '[data-id="preview"]').disabled).toBe(true);

        change(ruleInput(element, 'title', 0, 'points'), 'lots');
        await flushPromises();
        expect(text(element, 'validation-text')).toBe(
            '2 problems to fix before saving or activating.'
        );
        const groups = [...queryAllDeep(element, '[data-id="error-group"]')].map(
            (g) => g.querySelector('p').textContent
        );
        expect(groups).toEqual(['VP title (fit.title[0])', 'grades.B']);
        expect(text(element, 'rule-error')).toBe(
            'Title rule "VP title" (fit.title[0]) points: must be a number from -100 to 100, got "lots".'
        );

        change(ruleInput(element, 'title', 0, 'points'), '22');
        change($(element, '[data-id="grade-b"]'), '45');
        await flushPromises();
        expect(text(element, 'validation-text')).toBe('The model is valid.');
        expect(queryDeep(element, '[data-id="rule-error"]')).toBeNull();
        expect($(element, '[data-id="save"]').disabled).toBe(false);
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('flags overlapping bands and an impossible matrix', async () => {
        const element = await loaded();
        const bandInputs = queryAllDeep(element, '[data-id="band-row"] lightning-input');
        change(bandInputs[3], '50'); // Medium now 15–50 overlaps High 40+
        const cell = $(element, '[data-path="matrix.D.High"]');
        change(cell, 'Hot');
        await flushPromises();
        const messages = text(element, 'validation');
        expect(messages).toContain('band "High" overlaps band "Medium"');
        expect(messages).toContain('a better grade must never give a colder tier');
        expect(text(element, 'matrix-error')).toContain('Tier matrix: grade D × High is Hot');
    });

    it('saves the edited model as a new draft version', async () => {
        createRecord.mockResolvedValueOnce({ id: 'a00000000000005AAA' });
        const element = await loaded();
        change($(element, '[data-id="half-life"]'), '45');
        change($(element, '[data-id="description"]'), 'Slower decay');
        await flushPromises();
        $(element, '[data-id="save"]').click();
        await flushPromises();

        expect(createRecord).toHaveBeenCalledTimes(1);
        const { apiName, fields } = createRecord.mock.calls[0][0];
        expect(apiName).toBe('LL_Scoring_Model__c');
        expect(fields.LL_Version__c).toBe(5);
        expect(fields.LL_Status__c).toBe('Draft');
        expect(fields.LL_Description__c).toBe('Slower decay');
        expect(JSON.parse(fields.LL_Definition__c).engagement.halfLifeDays).toBe(45);
        expect(refreshGraphQL).toHaveBeenCalled();
    });

    it('activates a version and retires the active one', async () => {
        const element = await loaded();
        $(element, '[data-id="versions"]').dispatchEvent(
            new CustomEvent('rowaction', {
                detail: { action: { name: 'activate' }, row: { id: 'a00000000000003AAA' } }
            })
        );
        await flushPromises();
        expect(updateRecord.mock.calls.map((c) => c[0].fields)).toEqual([
            {
                Id: 'a00000000000003AAA',
                LL_Status__c: 'Active',
                LL_Activated_At__c: NOW.toISOString()
            },
            { Id: 'a00000000000002AAA', LL_Status__c: 'Retired' }
        ]);
        expect(refreshGraphQL).toHaveBeenCalled();
    });

    it('refuses to activate a version with an invalid definition', async () => {
        const element = await loaded();
        $(element, '[data-id="versions"]').dispatchEvent(
            new CustomEvent('rowaction', {
                detail: { action: { name: 'activate' }, row: { id: 'a00000000000004AAA' } }
            })
        );
        await flushPromises();
        expect(updateRecord).not.toHaveBeenCalled();
        expect(text(element, 'action-errors')).toContain(
            'Version v4 cannot be activated: fix its definition first.'
        );
        expect(text(element, 'action-errors')).toContain('not valid JSON');
    });

    it('shows a failed activation', async () => {
        updateRecord.mockRejectedValueOnce({ body: { message: 'Insufficient access' } });
        const element = await loaded();
        $(element, '[data-id="versions"]').dispatchEvent(
            new CustomEvent('rowaction', {
                detail: { action: { name: 'activate' }, row: { id: 'a00000000000003AAA' } }
            })
        );
        await flushPromises();
        expect(text(element, 'action-errors')).toBe('Insufficient access');
    });

    it('previews the tier distribution page by page, and live while editing', async () => {
        const element = await loaded();
        $(element, '[data-id="preview"]').click();
        await flushPromises();
        expect(graphql.getLastConfig().variables).toMatchObject({
            leadAfter: null,
            pageSize: 2000,
            upperBound: 10000
        });

        graphql.emit(previewPage1, isPreview);
        await flushPromises();
        expect(text(element, 'preview-progress')).toContain('2 leads');
        expect(graphql.getLastConfig().variables).toMatchObject({
            leadAfter: 'lead-cursor-1',
            taskAfter: 'task-cursor-1',
            memberAfter: 'member-cursor-1'
        });

        graphql.emit(previewPage2, isPreview);
        await flushPromises();
        expect(text(element, 'preview-summary')).toBe(
            '3 leads: Hot 1 (33%), Warm 0 (0%), Cool 0 (0%), Cold 2 (67%). 2 would change tier; 1 sales-ready.'
        );
        expect(text(element, 'preview-changed')).toBe(
            '2 of 3 leads would change tier (0 not scored yet).'
        );
        expect(text(element, 'preview-transitions')).toContain('Hot→Cold: 1');

        // Raising the grade thresholds re-grades the VP lead at once: scores change.
        change($(element, '[data-id="grade-a"]'), '95');
        change($(element, '[data-id="grade-b"]'), '90');
        change($(element, '[data-id="grade-c"]'), '85');
        await flushPromises();
        expect(text(element, 'preview-summary')).toBe(
            '3 leads: Hot 0 (0%), Warm 0 (0%), Cool 1 (33%), Cold 2 (67%). 2 would change tier; 0 sales-ready.'
        );
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('shows preview errors', async () => {
        const element = await loaded();
        $(element, '[data-id="preview"]').click();
        await flushPromises();
        graphql.emitErrors([{ message: 'Request limit exceeded' }], isPreview);
        await flushPromises();
        expect(text(element, 'preview-errors')).toBe('Request limit exceeded');
    });

    it('offers the default model when none is stored', async () => {
        const element = createEditor();
        graphql.emit(noVersions, isVersions);
        await flushPromises();
        expect(text(element, 'no-versions')).toContain('built-in default model');
        expect($(element, '[data-id="grade-a"]').value).toBe(65);
        $(element, '[data-id="save"]').click();
        await flushPromises();
        expect(createRecord.mock.calls[0][0].fields.LL_Version__c).toBe(1);
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('shows errors loading the versions', async () => {
        const element = createEditor();
        graphql.emitErrors([{ message: 'No access to LL_Scoring_Model__c' }], isVersions);
        await flushPromises();
        expect(text(element, 'version-errors')).toBe('No access to LL_Scoring_Model__c');
    });
});
