import { LightningElement, api } from 'lwc';
import { errorsUnder, formValue, valueAt, withValueAt } from 'c/leadLoopCore';

const NEGATIVE_TARGET_OPTIONS = [
    { label: 'Title', value: 'title' },
    { label: 'Company', value: 'company' },
    { label: 'Email', value: 'email' },
    { label: 'Email domain', value: 'emailDomain' }
];
const KIND_OPTIONS = [
    { label: 'Tasks and events', value: '' },
    { label: 'Tasks', value: 'Task' },
    { label: 'Events', value: 'Event' }
];
const ROW_CLASS = 'slds-box slds-box_x-small slds-m-bottom_x-small';

/** Optional rule keys: an empty value removes the key instead of storing ''. */
const OPTIONAL_RULE_FIELDS = { types: 'list', subjectKeywords: 'list', kind: 'text' };

const text = (list) => (list ?? []).join(', ');
const cell = (field, label, size, value, more) => ({
    field,
    label,
    value,
    colClass: `slds-col slds-size_${size}`,
    type: 'text',
    ...more
});

/** The inputs of one rule, by family: label, what it matches, points. */
function ruleCells(rules, rule) {
    const cells = [cell('label', 'Label', '1-of-4', rule.label ?? '')];
    if (rules.listField) {
        cells.push(cell('list', rules.listLabel, '1-of-3', text(rule[rules.listField])));
    }
    if (rules.target) {
        cells.push(
            cell('target', 'Looks at', '1-of-6', rule.target, { options: NEGATIVE_TARGET_OPTIONS })
        );
    }
    if (rules.range) {
        cells.push(cell('min', 'From', '1-of-6', rule.min, { type: 'number' }));
        cells.push(cell('max', 'Below', '1-of-6', rule.max, { type: 'number' }));
    }
    if (rules.activity) {
        cells.push(cell('kind', 'Kind', '1-of-6', rule.kind ?? '', { options: KIND_OPTIONS }));
        cells.push(cell('types', 'Types', '1-of-6', text(rule.types)));
        cells.push(
            cell('subjectKeywords', 'Subject keywords', '1-of-6', text(rule.subjectKeywords))
        );
    }
    cells.push(cell('points', 'Points', '1-of-8', rule.points, { type: 'number', step: 'any' }));
    return cells;
}

/**
 * One part of the scoring model form: its single values (`section.fields`) and, for a rule
 * family (`section.rules`), the list of rules with add and remove. It never changes the
 * model itself: every edit goes up as a `modelchange` event `{ path, value }` with the new
 * value at that path (for rules, the whole new list).
 */
export default class ScoringRuleSection extends LightningElement {
    /** The section: `{ key, title, help, fields?, rules? }` (see scoringModelEditor/sections.js). */
    @api section;
    /** The model being edited (the draft definition, valid or not). */
    @api model;
    /** Validation errors of the whole model (`{ path, message }`): this section shows its own. */
    @api errors;

    get fields() {
        return (this.section?.fields ?? []).map((field) => {
            const value = valueAt(this.model, field.path);
            return {
                ...field,
                key: field.path,
                colClass: `slds-col slds-size_${field.size}`,
                isList: field.kind === 'list',
                isMulti: field.kind === 'multi',
                isNumber: field.kind === 'number' || field.kind === 'nullable-number',
                value:
                    field.kind === 'list'
                        ? (Array.isArray(value) ? value : []).join(', ')
                        : field.kind === 'multi'
                          ? (value ?? [])
                          : value
            };
        });
    }

    get sectionClass() {
        return this.section?.title ? 'slds-m-top_medium' : '';
    }

    get hasFields() {
        return this.fields.length > 0;
    }

    get rules() {
        return this.section?.rules;
    }

    get ruleList() {
        const list = this.rules ? valueAt(this.model, this.rules.path) : undefined;
        return Array.isArray(list) ? list : [];
    }

    get rows() {
        const rules = this.rules;
        if (!rules) {
            return [];
        }
        return this.ruleList.map((rule, index) => {
            const error = errorsUnder(this.errors, `${rules.path}[${index}]`);
            return {
                key: `${this.section.key}-${index}`,
                index,
                cells: ruleCells(rules, rule ?? {}),
                error,
                rowClass: error ? `${ROW_CLASS} slds-theme_shade` : ROW_CLASS,
                removeLabel: `Remove ${rule?.label || `rule ${index + 1}`}`
            };
        });
    }

    handleFieldChange(event) {
        const { path, kind } = event.target.dataset;
        this.emit(path, formValue(kind, event.detail?.value ?? event.target.value));
    }

    handleRuleChange(event) {
        const index = Number(event.target.dataset.index);
        const field = event.target.dataset.field;
        const raw = event.detail?.value ?? event.target.value;
        let key = field;
        let value;
        if (field === 'points' || field === 'min') {
            value = formValue('number', raw);
        } else if (field === 'max') {
            value = formValue('nullable-number', raw);
        } else if (field === 'list') {
            key = this.rules.listField;
            value = formValue('list', raw);
        } else if (field in OPTIONAL_RULE_FIELDS) {
            value = formValue(OPTIONAL_RULE_FIELDS[field], raw);
            const empty = Array.isArray(value) ? value.length === 0 : !value;
            value = empty ? undefined : value;
        } else {
            value = raw;
        }
        this.emitRules(withValueAt(this.ruleList, [index, key], value));
    }

    handleAddRule() {
        const rules = this.rules;
        const n = this.ruleList.length + 1;
        const rule = {
            id: `${this.section.key}-${Date.now().toString(36)}-${n}`,
            label: `New rule ${n}`
        };
        if (rules.range) {
            Object.assign(rule, { min: 0, max: null, points: 0 });
        } else if (rules.activity) {
            Object.assign(rule, { points: 0 });
        } else if (rules.target) {
            Object.assign(rule, { target: 'title', keywords: [], points: 0 });
        } else {
            Object.assign(rule, { [rules.listField]: [], points: 0 });
        }
        this.emitRules([...this.ruleList, rule]);
    }

    handleRemoveRule(event) {
        const index = Number(event.target.dataset.index);
        this.emitRules(this.ruleList.filter((_rule, i) => i !== index));
    }

    emitRules(list) {
        this.emit(this.rules.path, list);
    }

    emit(path, value) {
        this.dispatchEvent(new CustomEvent('modelchange', { detail: { path, value } }));
    }
}
