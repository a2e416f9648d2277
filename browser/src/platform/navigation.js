/**
 * Browser implementation of `lightning/navigation`. Page references map to the
 * URLs Lightning Experience uses, on the History API (back and forward work):
 *   standard__navItemPage  { apiName }                        /lightning/n/<apiName>
 *   standard__objectPage   { objectApiName, actionName }      /lightning/o/<object>/<action>
 *   standard__recordPage   { recordId, objectApiName, actionName }
 *                                                             /lightning/r/<object>/<id>/<action>
 *   standard__webPage      { url }                            the URL, in a new window
 * A page reference's state becomes the query string. NavigationMixin adds
 * [Navigate] and [GenerateUrl]; CurrentPageReference is a wire adapter that
 * emits the current page reference whenever it changes.
 *
 * URLs are paths, never fragments: in synthetic shadow LWC scopes fragment-only
 * hrefs ("#/x" renders as "#/x-1"), which is why the hash routes broke.
 */
const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

const HOME = { type: 'standard__namedPage', attributes: { pageName: 'home' }, state: {} };

function segment(value, what) {
    if (value === undefined || value === null || value === '') {
        throw new Error(`A page reference needs ${what}.`);
    }
    return encodeURIComponent(String(value));
}

/** The URL of a page reference (a path with its state as the query string). */
export function urlFor(ref) {
    const a = ref?.attributes ?? {};
    const state = new URLSearchParams(ref?.state ?? {}).toString();
    const query = state ? `?${state}` : '';
    switch (ref?.type) {
        case 'standard__recordPage':
            return `/lightning/r/${segment(a.objectApiName, 'an objectApiName')}/${segment(a.recordId, 'a recordId')}/${segment(a.actionName ?? 'view')}${query}`;
        case 'standard__objectPage':
            return `/lightning/o/${segment(a.objectApiName, 'an objectApiName')}/${segment(a.actionName ?? 'list')}${query}`;
        case 'standard__navItemPage':
            return `/lightning/n/${segment(a.apiName, 'an apiName')}${query}`;
        case 'standard__webPage':
            return String(a.url ?? '');
        default:
            return `/lightning/page/home${query}`;
    }
}

/** The page reference of a URL (the inverse of urlFor); home for anything else. */
export function pageReferenceFromUrl(url) {
    const { pathname, searchParams } = new URL(String(url), 'http://localhost');
    const state = Object.fromEntries(searchParams);
    const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] !== 'lightning') return HOME;
    const [, kind, first, second, third] = parts;
    if (kind === 'r' && first && second) {
        return {
            type: 'standard__recordPage',
            attributes: { objectApiName: first, recordId: second, actionName: third ?? 'view' },
            state
        };
    }
    if (kind === 'o' && first) {
        return {
            type: 'standard__objectPage',
            attributes: { objectApiName: first, actionName: second ?? 'list' },
            state
        };
    }
    if (kind === 'n' && first) {
        return { type: 'standard__navItemPage', attributes: { apiName: first }, state };
    }
    return { ...HOME, state };
}

const subscribers = new Set();

function currentPageReference() {
    return pageReferenceFromUrl(window.location.href);
}

function publish() {
    const ref = currentPageReference();
    for (const notify of subscribers) notify(ref);
}

window.addEventListener('popstate', publish);

/** Goes to a page reference: a new history entry, or the current one replaced. */
export function navigate(pageReference, replace = false) {
    const url = urlFor(pageReference);
    if (pageReference?.type === 'standard__webPage') {
        window.open(url, '_blank', 'noopener');
        return;
    }
    const here = window.location.pathname + window.location.search;
    if (replace) window.history.replaceState(null, '', url);
    else if (url !== here) window.history.pushState(null, '', url);
    publish();
}

export function NavigationMixin(Base) {
    return class extends Base {
        [Navigate](pageReference, replace) {
            navigate(pageReference, replace);
        }
        [GenerateUrl](pageReference) {
            return new Promise((resolve) => resolve(urlFor(pageReference)));
        }
    };
}
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

export class CurrentPageReference {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
    }
    connect() {
        subscribers.add(this.dataCallback);
        this.dataCallback(currentPageReference());
    }
    disconnect() {
        subscribers.delete(this.dataCallback);
    }
    update() {}
}
