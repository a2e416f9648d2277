/**
 * Browser implementation of `lightning/navigation` against the app shell's
 * router (hash URLs: #/lightning/r/Lead/<id>/view, #/lightning/o/Lead/list,
 * #/lightning/n/<AppPage>). NavigationMixin adds [Navigate] and [GenerateUrl];
 * CurrentPageReference is a wire adapter emitting the current page reference.
 */
const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

export function urlFor(ref) {
    const a = ref?.attributes ?? {};
    const state =
        ref?.state && Object.keys(ref.state).length ? `?${new URLSearchParams(ref.state)}` : '';
    switch (ref?.type) {
        case 'standard__recordPage':
            return `#/lightning/r/${a.objectApiName ?? 'Lead'}/${a.recordId}/${a.actionName ?? 'view'}${state}`;
        case 'standard__objectPage':
            return `#/lightning/o/${a.objectApiName}/${a.actionName ?? 'list'}${state}`;
        case 'standard__navItemPage':
            return `#/lightning/n/${a.apiName}${state}`;
        case 'standard__webPage':
            return a.url;
        default:
            return `#/lightning/page/home${state}`;
    }
}

export function pageReferenceFromHash(hash) {
    const [pathPart, query] = String(hash || '')
        .replace(/^#/, '')
        .split('?');
    const state = Object.fromEntries(new URLSearchParams(query ?? ''));
    const parts = pathPart.split('/').filter(Boolean);
    if (parts[1] === 'r') {
        return {
            type: 'standard__recordPage',
            attributes: {
                objectApiName: parts[2],
                recordId: parts[3],
                actionName: parts[4] ?? 'view'
            },
            state
        };
    }
    if (parts[1] === 'o') {
        return {
            type: 'standard__objectPage',
            attributes: { objectApiName: parts[2], actionName: parts[3] ?? 'list' },
            state
        };
    }
    if (parts[1] === 'n')
        return { type: 'standard__navItemPage', attributes: { apiName: parts[2] }, state };
    return { type: 'standard__namedPage', attributes: { pageName: 'home' }, state };
}

export function NavigationMixin(Base) {
    return class extends Base {
        [Navigate](pageReference, replace) {
            const url = urlFor(pageReference);
            if (pageReference?.type === 'standard__webPage') {
                window.open(url, '_blank', 'noopener');
            } else if (replace) {
                window.location.replace(url);
            } else {
                window.location.hash = url;
            }
        }
        [GenerateUrl](pageReference) {
            return Promise.resolve(urlFor(pageReference));
        }
    };
}
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

const subscribers = new Set();
window.addEventListener('hashchange', () => {
    const ref = pageReferenceFromHash(window.location.hash);
    for (const s of subscribers) s(ref);
});

export class CurrentPageReference {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
    }
    connect() {
        subscribers.add(this.dataCallback);
        this.dataCallback(pageReferenceFromHash(window.location.hash));
    }
    disconnect() {
        subscribers.delete(this.dataCallback);
    }
    update() {}
}
