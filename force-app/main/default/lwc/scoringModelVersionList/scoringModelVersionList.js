import { LightningElement, api } from 'lwc';
import { checkModelVersions } from 'c/leadLoopCore';

const VERSION_COLUMNS = [
    { label: 'Version', fieldName: 'version', type: 'number', initialWidth: 90 },
    { label: 'Name', fieldName: 'name' },
    { label: 'Status', fieldName: 'status', initialWidth: 110 },
    { label: 'Activated', fieldName: 'activatedAt', type: 'date' },
    { label: 'Description', fieldName: 'description' },
    {
        type: 'action',
        typeAttributes: {
            rowActions: [
                { label: 'Open', name: 'open' },
                { label: 'Activate', name: 'activate' }
            ]
        }
    }
];

/**
 * The stored versions of the scoring model, with problems across them (two Active, ...).
 * Row actions go up as `open` and `activate` events with `{ id }`.
 */
export default class ScoringModelVersionList extends LightningElement {
    /** Parsed versions (`parseScoringModelRecord`), newest first. */
    @api versions = [];
    /** True once the versions were read (so "none yet" is not shown while loading). */
    @api loaded = false;
    /** Errors reading the versions. */
    @api errors;

    columns = VERSION_COLUMNS;

    get rows() {
        return (this.versions ?? []).map((v) => ({
            id: v.id,
            version: v.version,
            name: v.name,
            status: v.status,
            activatedAt: v.activatedAt,
            description: v.description
        }));
    }

    get hasVersions() {
        return this.rows.length > 0;
    }

    get noVersionsYet() {
        return this.loaded && !this.hasVersions;
    }

    get problems() {
        return this.hasVersions ? checkModelVersions(this.versions) : [];
    }

    handleRowAction(event) {
        const { action, row } = event.detail;
        if (action.name === 'open' || action.name === 'activate') {
            this.dispatchEvent(new CustomEvent(action.name, { detail: { id: row.id } }));
        }
    }
}
