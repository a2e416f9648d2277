import { LightningElement, wire } from 'lwc';
import { CurrentPageReference, NavigationMixin } from 'lightning/navigation';
import pages from 'leadloop/pages';
import { users, actAs, currentUserId } from '../../../platform/session';

const APP_LABEL = 'Lead Loop';

/**
 * The Lead Loop app shell: SLDS global header with the "act as" user picker,
 * the app's navigation bar (LL_Lead_Loop's tabs, read from its metadata) and the
 * page for the current page reference (/lightning/...). Navigation goes through
 * lightning/navigation, as in Lightning Experience.
 */
export default class App extends NavigationMixin(LightningElement) {
    pageRef = { type: 'standard__namedPage', attributes: {}, state: {} };
    sessionError = window.__leadloopSessionError;
    userId = currentUserId;

    @wire(CurrentPageReference)
    wiredPageReference(ref) {
        if (!ref) return;
        if (ref.type === 'standard__namedPage' && pages.nav.length) {
            // The app opens on its first tab, as Lightning does.
            this[NavigationMixin.Navigate](pages.nav[0].pageReference, true);
            return;
        }
        this.pageRef = ref;
        const active = this.navItems.find((i) => i.active);
        document.title = active ? `${active.label} | ${APP_LABEL}` : APP_LABEL;
    }

    get userOptions() {
        return users().map((u) => ({
            label: `${u.Name}${u.Role ? ` (${u.Role})` : ''}`,
            value: u.Id,
            selected: u.Id === this.userId
        }));
    }

    handleUser(event) {
        actAs(event.target.value);
        // Components read @salesforce/user/Id when constructed: start afresh as that user.
        window.location.reload();
    }

    /** True when the tab's page reference is (or owns) the current page. */
    isActive(tabRef) {
        const ref = this.pageRef;
        if (tabRef.type === 'standard__objectPage') {
            return (
                (ref.type === 'standard__objectPage' || ref.type === 'standard__recordPage') &&
                ref.attributes.objectApiName === tabRef.attributes.objectApiName
            );
        }
        return ref.type === tabRef.type && ref.attributes.apiName === tabRef.attributes.apiName;
    }

    get navItems() {
        return pages.nav.map((item) => {
            const active = this.isActive(item.pageReference);
            return {
                ...item,
                active,
                className: `slds-context-bar__item${active ? ' slds-is-active' : ''}`,
                current: active ? 'page' : undefined
            };
        });
    }

    get isList() {
        return this.pageRef.type === 'standard__objectPage' && !this.isReport;
    }

    /**
     * A report link: a Report record's page (/lightning/r/Report/{Id}/view, how a number
     * opens its report), or the Reports tab (naming a report whose id was not known).
     */
    get isReport() {
        return (
            (this.pageRef.type === 'standard__objectPage' ||
                this.pageRef.type === 'standard__recordPage') &&
            this.pageRef.attributes.objectApiName === 'Report'
        );
    }

    get reportName() {
        return this.pageRef.state?.c__report;
    }

    get reportId() {
        return this.pageRef.type === 'standard__recordPage'
            ? this.pageRef.attributes.recordId
            : undefined;
    }

    get isRecord() {
        return this.pageRef.type === 'standard__recordPage' && !this.isReport;
    }

    get recordId() {
        return this.pageRef.attributes.recordId;
    }

    get objectApiName() {
        return this.pageRef.attributes.objectApiName;
    }

    /** The app page (flexipage) of the current tab. */
    get appPage() {
        if (this.pageRef.type !== 'standard__navItemPage') return undefined;
        const tab = pages.nav.find(
            (i) => i.pageReference.attributes.apiName === this.pageRef.attributes.apiName
        );
        return tab && pages.appPages.find((p) => p.name === tab.appPage);
    }

    get notFound() {
        return !this.isList && !this.isReport && !this.isRecord && !this.appPage;
    }
}
