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
        const ref = this.pageRef;
        const onObject = (object) =>
            (ref.type === 'standard__objectPage' || ref.type === 'standard__recordPage') &&
            ref.attributes.objectApiName === object;
        const items = pages.nav.map((n) => {
            if (n.kind === 'object') {
                const href = `#/lightning/o/${n.object}/list`;
                return { key: n.key, label: n.label, href, active: onObject(n.object) };
            }
            const active =
                ref.type === 'standard__navItemPage' && ref.attributes.apiName === n.name;
            return { key: n.key, label: n.label, href: `#/lightning/n/${n.name}`, active };
        });
        return items.map((i) => ({
            ...i,
            className: `slds-context-bar__item${i.active ? ' slds-is-active' : ''}`,
            current: i.active ? 'page' : undefined
        }));
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
