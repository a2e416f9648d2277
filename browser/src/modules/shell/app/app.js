import { LightningElement, track } from 'lwc';
import pages from 'leadloop/pages';
import { users, actAs, currentUserId } from '../../../platform/session';
import { pageReferenceFromHash } from '../../../platform/navigation';

/**
 * The Lead Loop app shell: SLDS global header with the "act as" user picker,
 * the app's navigation bar (tabs from LL_Lead_Loop's metadata) and the page
 * for the current URL (#/lightning/...).
 */
export default class App extends LightningElement {
    @track pageRef = pageReferenceFromHash(window.location.hash);
    sessionError = window.__leadloopSessionError;
    userId = currentUserId;

    connectedCallback() {
        this.onHash = () => {
            this.pageRef = pageReferenceFromHash(window.location.hash);
        };
        window.addEventListener('hashchange', this.onHash);
        if (!window.location.hash) window.location.replace('#/lightning/o/Lead/list');
    }

    disconnectedCallback() {
        window.removeEventListener('hashchange', this.onHash);
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

    get navItems() {
        const items = [
            {
                key: 'Lead',
                label: 'Leads',
                href: '#/lightning/o/Lead/list',
                active: this.isLeadPage
            }
        ];
        for (const p of pages.appPages) {
            items.push({
                key: p.name,
                label: p.label,
                href: `#/lightning/n/${p.name}`,
                active:
                    this.pageRef.type === 'standard__navItemPage' &&
                    this.pageRef.attributes.apiName === p.name
            });
        }
        return items.map((i) => ({
            ...i,
            className: `slds-context-bar__item${i.active ? ' slds-is-active' : ''}`,
            current: i.active ? 'page' : undefined
        }));
    }

    get isLeadPage() {
        const a = this.pageRef.attributes ?? {};
        return (
            (this.pageRef.type === 'standard__objectPage' ||
                this.pageRef.type === 'standard__recordPage') &&
            a.objectApiName === 'Lead'
        );
    }

    get isList() {
        return this.pageRef.type === 'standard__objectPage';
    }

    get isRecord() {
        return this.pageRef.type === 'standard__recordPage';
    }

    get recordId() {
        return this.pageRef.attributes.recordId;
    }

    get objectApiName() {
        return this.pageRef.attributes.objectApiName;
    }

    get appPage() {
        if (this.pageRef.type !== 'standard__navItemPage') return undefined;
        return pages.appPages.find((p) => p.name === this.pageRef.attributes.apiName);
    }

    get notFound() {
        return !this.isList && !this.isRecord && !this.appPage;
    }
}
