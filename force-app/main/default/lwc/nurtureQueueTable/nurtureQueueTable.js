import { LightningElement, api } from 'lwc';

const COLUMNS = [
    { label: 'Lead', fieldName: 'name' },
    { label: 'Company', fieldName: 'company' },
    { label: 'Reason', fieldName: 'reason' },
    { label: 'Notes', fieldName: 'notes', wrapText: true },
    { label: 'Days in nurture', fieldName: 'daysInNurture', type: 'number' },
    { label: 'Nurture until', fieldName: 'nurtureUntil' },
    { label: 'Tier', fieldName: 'tier' },
    { label: 'Score', fieldName: 'score', type: 'number' },
    { label: 'Ready to return', fieldName: 'readyLabel' },
    { label: 'Why', fieldName: 'why', wrapText: true }
];

/**
 * The handed-back leads (rows from the core's `nurtureQueueRow`), display only: the
 * selection goes to the container through `selectionchange` ({ ids }).
 */
export default class NurtureQueueTable extends LightningElement {
    @api rows = [];
    @api selectedIds = [];

    columns = COLUMNS;

    get tableRows() {
        return this.rows.map((row) => ({ ...row, readyLabel: row.ready ? 'Yes' : 'No' }));
    }

    get hasRows() {
        return this.rows.length > 0;
    }

    handleSelection(event) {
        const ids = event.detail.selectedRows.map((row) => row.id);
        this.dispatchEvent(new CustomEvent('selectionchange', { detail: { ids } }));
    }
}
