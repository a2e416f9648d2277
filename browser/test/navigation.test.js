/**
 * The browser's lightning/navigation: page references and Lightning URLs map
 * both ways, ids and state are encoded, a bad page reference says what it lacks,
 * and Navigate keeps history (a new entry, or the current one replaced) while
 * CurrentPageReference follows every change, back and forward included.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
    CurrentPageReference,
    NavigationMixin,
    pageReferenceFromUrl,
    urlFor
} from '../src/platform/navigation.js';

const record = {
    type: 'standard__recordPage',
    attributes: { objectApiName: 'Lead', recordId: '00Q000000000001AAA', actionName: 'view' },
    state: {}
};
const list = {
    type: 'standard__objectPage',
    attributes: { objectApiName: 'Lead', actionName: 'list' },
    state: { filterName: 'Recent' }
};
const tab = {
    type: 'standard__navItemPage',
    attributes: { apiName: 'LL_Scoring_Model' },
    state: {}
};

describe('page references and URLs', () => {
    it('maps each page reference to its Lightning URL and back', () => {
        expect(urlFor(record)).toBe('/lightning/r/Lead/00Q000000000001AAA/view');
        expect(urlFor(list)).toBe('/lightning/o/Lead/list?filterName=Recent');
        expect(urlFor(tab)).toBe('/lightning/n/LL_Scoring_Model');
        for (const ref of [record, list, tab]) {
            expect(pageReferenceFromUrl(urlFor(ref))).toEqual(ref);
        }
    });

    it('never writes a fragment URL (synthetic shadow would rewrite it)', () => {
        for (const ref of [record, list, tab, {}]) expect(urlFor(ref)).toMatch(/^\/lightning\//);
    });

    it('encodes what it puts in a path and decodes it back', () => {
        const odd = { ...tab, attributes: { apiName: 'a/b?c#d' } };
        expect(urlFor(odd)).toBe('/lightning/n/a%2Fb%3Fc%23d');
        expect(pageReferenceFromUrl(urlFor(odd))).toEqual(odd);
    });

    it('defaults the action and reads unknown URLs as home', () => {
        expect(pageReferenceFromUrl('/lightning/o/Lead').attributes.actionName).toBe('list');
        expect(pageReferenceFromUrl('/lightning/r/Lead/00Q1').attributes.actionName).toBe('view');
        expect(pageReferenceFromUrl('/').type).toBe('standard__namedPage');
        expect(pageReferenceFromUrl('/lightning/x/y').type).toBe('standard__namedPage');
    });

    it('says what a page reference lacks', () => {
        expect(() => urlFor({ type: 'standard__recordPage', attributes: {} })).toThrow(
            'A page reference needs an objectApiName.'
        );
        expect(() => urlFor({ type: 'standard__navItemPage', attributes: {} })).toThrow(
            'A page reference needs an apiName.'
        );
    });
});

/** Just enough of a browser window for the History API. */
function fakeWindow(start) {
    const listeners = {};
    const entries = [start];
    let index = 0;
    const location = {};
    const setLocation = () => {
        const url = new URL(entries[index], 'http://127.0.0.1');
        Object.assign(location, { href: url.href, pathname: url.pathname, search: url.search });
    };
    setLocation();
    const go = (delta) => {
        index += delta;
        setLocation();
        listeners.popstate?.();
    };
    return {
        location,
        entries,
        addEventListener: (name, fn) => (listeners[name] = fn),
        removeEventListener: (name) => delete listeners[name],
        open() {},
        history: {
            pushState(_s, _t, url) {
                entries.splice(index + 1, Infinity, url);
                index += 1;
                setLocation();
            },
            replaceState(_s, _t, url) {
                entries[index] = url;
                setLocation();
            },
            back: () => go(-1),
            forward: () => go(1)
        }
    };
}

describe('NavigationMixin and CurrentPageReference', () => {
    let seen;
    let adapter;
    const Page = NavigationMixin(class {});

    beforeEach(() => {
        globalThis.window = fakeWindow('/lightning/o/Lead/list');
        seen = [];
        adapter = new CurrentPageReference((ref) => seen.push(urlFor(ref)));
        adapter.connect();
    });

    afterEach(() => {
        adapter.disconnect();
        delete globalThis.window;
    });

    it('replaces the current entry when asked, and adds none for the page it is on', () => {
        const page = new Page();
        page[NavigationMixin.Navigate](list);
        page[NavigationMixin.Navigate](list);
        page[NavigationMixin.Navigate](tab, true);
        expect(window.entries).toEqual(['/lightning/o/Lead/list', '/lightning/n/LL_Scoring_Model']);
    });

    it('generates URLs for hrefs, and rejects a page reference it cannot link to', async () => {
        const page = new Page();
        await expect(page[NavigationMixin.GenerateUrl](record)).resolves.toBe(
            '/lightning/r/Lead/00Q000000000001AAA/view'
        );
        await expect(
            page[NavigationMixin.GenerateUrl]({ type: 'standard__objectPage', attributes: {} })
        ).rejects.toThrow('needs an objectApiName');
    });

    it('navigates with history and reports every page, back and forward included', () => {
        const page = new Page();
        page[NavigationMixin.Navigate](tab);
        page[NavigationMixin.Navigate](record);
        window.history.back();
        window.history.forward();
        expect(window.entries).toEqual([
            '/lightning/o/Lead/list',
            '/lightning/n/LL_Scoring_Model',
            '/lightning/r/Lead/00Q000000000001AAA/view'
        ]);
        expect(seen).toEqual([
            '/lightning/o/Lead/list',
            '/lightning/n/LL_Scoring_Model',
            '/lightning/r/Lead/00Q000000000001AAA/view',
            '/lightning/n/LL_Scoring_Model',
            '/lightning/r/Lead/00Q000000000001AAA/view'
        ]);
    });
});
