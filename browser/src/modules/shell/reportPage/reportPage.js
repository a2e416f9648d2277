import { LightningElement, api } from 'lwc';
import pages from 'leadloop/pages';

/**
 * A report link's page (standard__objectPage Report, state c__report = DeveloperName).
 * The local org runs no reports: this shows the report's definition from the package
 * metadata, so a number on the funnel page opens what the platform would report on.
 */
export default class ReportPage extends LightningElement {
    /** The report's DeveloperName (absent: the list of the package's reports). */
    @api developerName;

    get report() {
        return pages.reports.find((r) => r.developerName === this.developerName);
    }

    get reports() {
        return pages.reports;
    }

    get heading() {
        return this.report ? this.report.name : 'Reports';
    }

    get notFound() {
        return Boolean(this.developerName) && !this.report;
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
