import { LightningElement, api } from 'lwc';

const LANE_OPTIONS = [
    { label: 'Per rep', value: 'rep' },
    { label: 'Per status', value: 'status' }
];

/**
 * The board's filters: lanes per rep or status, team, tier, hygiene flag, overdue only.
 * Shows what it is given; every change goes up as a `filterchange` event.
 */
export default class ReviewBoardFilters extends LightningElement {
    @api laneBy = 'rep';
    @api filters = {};
    @api teamOptions = [];
    @api tierOptions = [];
    @api flagOptions = [];

    laneOptions = LANE_OPTIONS;

    handleChange(event) {
        const name = event.target.dataset.filter;
        const value = name === 'overdueOnly' ? event.target.checked : event.detail.value;
        this.dispatchEvent(new CustomEvent('filterchange', { detail: { [name]: value } }));
    }
}
