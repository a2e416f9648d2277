import { createElement } from '@lwc/engine-dom';
import ScoringRuleSection from 'c/scoringRuleSection';
import { DEFAULT_SCORING_MODEL } from 'c/leadLoopCore';
import { changeValue, flushPromises, resetDom, textOf } from 'jest-utils/dom';

const sections = require('./data/sections.json');

function createSection(section, errors = []) {
    const element = createElement('c-scoring-rule-section', { is: ScoringRuleSection });
    Object.assign(element, { section, model: DEFAULT_SCORING_MODEL, errors });
    const changes = [];
    element.addEventListener('modelchange', (event) => changes.push(event.detail));
    document.body.appendChild(element);
    return { element, changes };
}

function ruleInput(element, index, field) {
    return element.shadowRoot.querySelector(`[data-index="${index}"][data-field="${field}"]`);
}

describe('c-scoring-rule-section', () => {
    afterEach(resetDom);

    it('renders one row per rule of its family, with the rule’s own errors', async () => {
        const message = 'Title rule "VP title" (fit.title[0]) points: must be a number.';
        const { element } = createSection(sections.title, [
            { path: 'fit.title[0].points', check: 'bad-number', message },
            { path: 'grades.B', check: 'order', message: 'not mine' }
        ]);
        await flushPromises();
        const rows = element.shadowRoot.querySelectorAll('[data-id="rule-row"]');
        expect(rows).toHaveLength(DEFAULT_SCORING_MODEL.fit.title.length);
        expect(element.shadowRoot.querySelector('h2').textContent).toBe('Title and seniority');
        expect(ruleInput(element, 0, 'label').value).toBe('VP title');
        expect(ruleInput(element, 0, 'list').label).toBe('Keywords');
        expect(ruleInput(element, 0, 'list').value).toBe(
            DEFAULT_SCORING_MODEL.fit.title[0].keywords.join(', ')
        );
        expect(textOf(element, 'rule-error')).toBe(message);
        expect(rows[0].className).toContain('slds-theme_shade');
        await expect(element).toBeAccessible();
    });

    it('sends the whole new rule list up when a rule is edited', async () => {
        const { element, changes } = createSection(sections.title);
        await flushPromises();
        changeValue(ruleInput(element, 0, 'points'), '22');
        changeValue(ruleInput(element, 1, 'points'), 'lots');
        changeValue(ruleInput(element, 0, 'list'), 'vp, , head of ');
        expect(changes.map((c) => c.path)).toEqual(['fit.title', 'fit.title', 'fit.title']);
        expect(changes[0].value[0].points).toBe(22);
        expect(changes[0].value[1]).toEqual(DEFAULT_SCORING_MODEL.fit.title[1]);
        expect(changes[1].value[1].points).toBe('lots'); // left for validation to name
        expect(changes[2].value[0].keywords).toEqual(['vp', 'head of']);
    });

    it('reads ranges, an empty max meaning no limit', async () => {
        const { element, changes } = createSection(sections.companySize);
        await flushPromises();
        changeValue(ruleInput(element, 0, 'max'), '');
        changeValue(ruleInput(element, 0, 'min'), '5');
        expect(changes[0].value[0].max).toBeNull();
        expect(changes[1].value[0].min).toBe(5);
    });

    it('drops optional activity filters when they are cleared', async () => {
        const { element, changes } = createSection(sections.activities);
        await flushPromises();
        const callIndex = DEFAULT_SCORING_MODEL.engagement.activities.findIndex((a) => a.types);
        changeValue(ruleInput(element, callIndex, 'types'), ' ');
        changeValue(ruleInput(element, callIndex, 'kind'), 'Task');
        expect(changes[0].value[callIndex]).not.toHaveProperty('types');
        expect(changes[1].value[callIndex].kind).toBe('Task');
        await expect(element).toBeAccessible();
    });

    it('adds a rule shaped for its family and removes one', async () => {
        const { element, changes } = createSection(sections.companySize);
        await flushPromises();
        const count = DEFAULT_SCORING_MODEL.fit.companySize.length;
        element.shadowRoot.querySelector('lightning-button').click();
        expect(changes[0].value).toHaveLength(count + 1);
        expect(changes[0].value[count]).toMatchObject({
            label: `New rule ${count + 1}`,
            min: 0,
            max: null,
            points: 0
        });
        const remove = element.shadowRoot.querySelector('lightning-button-icon[data-index="0"]');
        expect(remove.alternativeText).toBe(
            `Remove ${DEFAULT_SCORING_MODEL.fit.companySize[0].label}`
        );
        remove.click();
        expect(changes[1].value).toEqual(DEFAULT_SCORING_MODEL.fit.companySize.slice(1));
    });

    it('edits single values: numbers, comma-separated lists and choices', async () => {
        const { element, changes } = createSection(sections.email);
        await flushPromises();
        const field = (path) => element.shadowRoot.querySelector(`[data-path="${path}"]`);
        expect(element.shadowRoot.querySelector('[data-id="business-points"]').value).toBe(
            DEFAULT_SCORING_MODEL.fit.email.businessPoints
        );
        expect(field('fit.completeness.fields').value).toEqual(
            DEFAULT_SCORING_MODEL.fit.completeness.fields
        );
        changeValue(field('fit.email.businessPoints'), '12');
        changeValue(field('fit.email.freeMailDomains'), 'gmail.com, web.de');
        changeValue(field('fit.completeness.fields'), ['title', 'annualRevenue']);
        expect(changes).toEqual([
            { path: 'fit.email.businessPoints', value: 12 },
            { path: 'fit.email.freeMailDomains', value: ['gmail.com', 'web.de'] },
            { path: 'fit.completeness.fields', value: ['title', 'annualRevenue'] }
        ]);
        expect(element.shadowRoot.querySelector('[data-id="rule-row"]')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
