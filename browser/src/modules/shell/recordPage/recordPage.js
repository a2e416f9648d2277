import { LightningElement, api, wire } from 'lwc';
import { getRecord, getFieldValue, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import pages from 'leadloop/pages';
import components from 'leadloop/components';

const FIELDS = [
    ['Name', 'Name'],
    ['Company', 'Company'],
    ['Title', 'Title'],
    ['Email', 'Email'],
    ['Phone', 'Phone'],
    ['Status', 'Lead Status'],
    ['LeadSource', 'Lead Source'],
    ['Industry', 'Industry'],
    ['NumberOfEmployees', 'No. of Employees'],
    ['Country', 'Country'],
    ['Owner.Name', 'Lead Owner'],
    ['CreatedDate', 'Created Date']
];

/**
 * A record page: the highlights and standard fields, then the Lead Loop
 * components in the regions the package's record flexipage places them.
 */
export default class RecordPage extends LightningElement {
    @api recordId;
    @api objectApiName;
    record;
    error;
    /** The quick action open in its modal (null: none). */
    openAction = null;
    /** Bumped when a quick action closes, so the placed components read the record again. */
    generation = 0;

    @wire(getRecord, { recordId: '$recordId', fields: '$fieldNames' })
    wiredRecord({ data, error }) {
        this.record = data;
        this.error = error?.body?.message;
    }

    get fieldNames() {
        return FIELDS.map(([f]) => `${this.objectApiName}.${f}`);
    }

    get title() {
        return this.record ? getFieldValue(this.record, `${this.objectApiName}.Name`) : '';
    }

    get fields() {
        if (!this.record) return [];
        return FIELDS.filter(([f]) => f !== 'Name').map(([f, label]) => {
            const parts = f.split('.');
            let node = this.record;
            let value;
            for (const p of parts) {
                const v = node?.fields?.[p];
                value = v ? (v.displayValue ?? v.value) : undefined;
                node = v?.value;
            }
            return { key: f, label, value: value ?? '' };
        });
    }

    get placed() {
        return (pages.recordPages[this.objectApiName] ?? []).map((p, i) => ({
            ...p,
            key: `${p.component}-${i}-${this.generation}`
        }));
    }

    /** The highlights panel's component quick actions (dynamic actions), in its order. */
    get actions() {
        return (pages.recordActions?.[this.objectApiName] ?? [])
            .map((a) => ({ ...a, ctor: components[a.component] }))
            .filter((a) => a.ctor);
    }

    get hasActions() {
        return this.actions.length > 0;
    }

    handleAction(event) {
        const name = event.currentTarget.dataset.action;
        this.openAction = this.actions.find((a) => a.name === name) ?? null;
    }

    /** As Lightning does when an action closes: the record page shows the record as saved. */
    handleActionClose() {
        this.openAction = null;
        this.generation += 1;
        notifyRecordUpdateAvailable([{ recordId: this.recordId }]);
    }

    get main() {
        return this.slotted((region) => region !== 'sidebar');
    }

    get sidebar() {
        return this.slotted((region) => region === 'sidebar');
    }

    slotted(test) {
        return this.placed
            .filter((p) => test(p.region))
            .map((p) => ({ ...p, ctor: components[p.component.replace(/^c:/, '')] }))
            .filter((p) => p.ctor)
            .map((p) => ({
                ...p,
                props: {
                    ...p.properties,
                    recordId: this.recordId,
                    objectApiName: this.objectApiName
                }
            }));
    }
}
