import { LightningElement, api, wire } from 'lwc';
import { getRecord, getFieldValue } from 'lightning/uiRecordApi';
import pages from 'leadloop/pages';

const DEVELOPER_NAME = 'Report.DeveloperName';

/**
 * A report's page: the Report record (/lightning/r/Report/{Id}/view, read from the local
 * org by its id) or the Reports tab naming one (state c__report = DeveloperName). The
 * local org runs no reports: this shows the report's definition from the package
 * metadata, so a number on the funnel page opens what the platform would report on.
 */
export default class ReportPage extends LightningElement {
    /** The report's DeveloperName (the Reports tab's state). */
    @api developerName;
    /** The Report record's id (a report's own page). */
    @api recordId;

    record;
    recordError;

    @wire(getRecord, { recordId: '$recordId', fields: [DEVELOPER_NAME] })
    wiredRecord({ data, error }) {
        this.record = data;
        this.recordError = error;
    }

    /** The DeveloperName of the report shown: the record's, else the tab's state. */
    get shownName() {
        if (this.recordId) {
            return this.record ? getFieldValue(this.record, DEVELOPER_NAME) : undefined;
        }
        return this.developerName;
    }

    get report() {
        return pages.reports.find((r) => r.developerName === this.shownName);
    }

    get reports() {
        return pages.reports;
    }

    get isLoading() {
        return Boolean(this.recordId) && !this.record && !this.recordError;
    }

    get heading() {
        return this.report ? this.report.name : 'Reports';
    }

    get notFound() {
        return (Boolean(this.shownName) && !this.report) || Boolean(this.recordError);
    }

    get missingName() {
        return this.shownName ?? this.recordId;
    }

    get columns() {
        return this.report.columns.map((c, i) => ({ key: `${i}`, label: c }));
    }

    get hasFilters() {
        return this.report.filters.length > 0;
    }

    get groupingText() {
        return this.report.groupings.join(', ') || 'None';
    }
}
