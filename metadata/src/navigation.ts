/**
 * A Lightning app as people move through it: its tabs as page references (what
 * `lightning/navigation` navigates to) and the record page it shows per object.
 */
import type { PackageMetadata } from './index';
import type { FlexiPageDef } from './ui';
import { MetadataError } from './xml';

export interface PageReference {
    type: 'standard__objectPage' | 'standard__navItemPage' | 'standard__namedPage';
    attributes: Record<string, string>;
}

export interface NavigationItem {
    /** The tab's API name as the app lists it (`standard-Lead`, `LL_Scoring_Model`). */
    tab: string;
    label: string;
    pageReference: PageReference;
    /** The app page (flexipage) a Lightning page tab shows. */
    flexiPage?: string;
}

function app(meta: PackageMetadata, appName: string) {
    const def = meta.applications.get(appName);
    if (!def) throw new MetadataError(meta.root, `no application ${appName}.app-meta.xml`);
    return def;
}

/** The app's navigation bar: its tabs, in order, each with the page reference it opens. */
export function appNavigation(meta: PackageMetadata, appName: string): NavigationItem[] {
    const def = app(meta, appName);
    return def.tabs.map((tab): NavigationItem => {
        if (tab === 'standard-home') {
            return {
                tab,
                label: 'Home',
                pageReference: { type: 'standard__namedPage', attributes: { pageName: 'home' } }
            };
        }
        if (tab.startsWith('standard-')) {
            const object = tab.slice('standard-'.length);
            return {
                tab,
                label: meta.objects.get(object)?.pluralLabel ?? `${object}s`,
                pageReference: objectList(object)
            };
        }
        const custom = meta.tabs.get(tab);
        if (!custom) {
            throw new MetadataError(def.file, `tab "${tab}" has no tabs/${tab}.tab-meta.xml`);
        }
        if (custom.object) {
            return { tab, label: custom.label, pageReference: objectList(custom.object) };
        }
        if (!custom.flexiPage || !meta.flexiPages.has(custom.flexiPage)) {
            throw new MetadataError(
                custom.file,
                `the tab's flexipage "${custom.flexiPage}" is not in flexipages/`
            );
        }
        return {
            tab,
            label: custom.label,
            flexiPage: custom.flexiPage,
            pageReference: { type: 'standard__navItemPage', attributes: { apiName: tab } }
        };
    });
}

function objectList(object: string): PageReference {
    return {
        type: 'standard__objectPage',
        attributes: { objectApiName: object, actionName: 'list' }
    };
}

/**
 * The record page the app shows for an object: the app's View override, else the
 * object's record flexipage (undefined when the package has none).
 */
export function recordPageFor(
    meta: PackageMetadata,
    appName: string,
    object: string
): FlexiPageDef | undefined {
    const override = app(meta, appName).actionOverrides.find(
        (o) => o.actionName === 'View' && o.object === object
    );
    if (override) {
        const page = meta.flexiPages.get(override.flexiPage);
        if (!page) {
            throw new MetadataError(
                app(meta, appName).file,
                `the ${object} View override's flexipage "${override.flexiPage}" is not in flexipages/`
            );
        }
        return page;
    }
    return [...meta.flexiPages.values()].find(
        (p) => p.type === 'RecordPage' && p.object === object
    );
}

/** A quick action shown on a record page that opens a Lightning web component. */
export interface RecordAction {
    /** `Object.Action`, as the page lists it. */
    name: string;
    label: string;
    /** The component's bundle name (`handBackAction`). */
    component: string;
}

/**
 * The component quick actions the record page's highlights panel shows (its `actionNames`,
 * dynamic actions), in order. Standard actions (Edit, Delete, ...) are the org's own.
 */
export function recordActionsFor(
    meta: PackageMetadata,
    appName: string,
    object: string
): RecordAction[] {
    const page = recordPageFor(meta, appName, object);
    const panel = page?.components.find((c) => c.component === 'force:highlightsPanel');
    return (panel?.valueLists.actionNames ?? []).flatMap((name) => {
        const action = meta.quickActions.get(name);
        if (!action) {
            if (!name.includes('.')) return [];
            throw new MetadataError(
                page!.file,
                `the highlights panel lists the action "${name}", which is not in quickActions/`
            );
        }
        return action.type === 'LightningWebComponent' && action.lightningWebComponent
            ? [{ name, label: action.label, component: action.lightningWebComponent }]
            : [];
    });
}
