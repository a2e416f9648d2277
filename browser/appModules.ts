/**
 * The virtual modules the app shell imports, generated from the package's
 * metadata (metadata/src) at build time, so the browser shows the tabs, pages
 * and component placement an org would show:
 *   leadloop/pages       { nav, appPages, recordPages, reports } of the LL_Lead_Loop app
 *   leadloop/components  the UI components (bundles with a template) by name
 */
import type { Plugin } from 'rollup';
import {
    appNavigation,
    readPackageMetadata,
    readReports,
    recordActionsFor,
    recordPageFor,
    type PackageMetadata,
    type PlacedComponent,
    type RecordAction,
    type ReportDef
} from '../metadata/src/index';

export const APP_NAME = 'LL_Lead_Loop';

export interface BrowserPages {
    /** The navigation bar: one item per tab, with the page reference it opens. */
    nav: { key: string; label: string; pageReference: object; appPage?: string }[];
    appPages: { name: string; label: string; components: object[] }[];
    recordPages: Record<string, object[]>;
    /** Per object, the component quick actions its record page's highlights panel shows. */
    recordActions: Record<string, RecordAction[]>;
    /** The package's reports, shown when a report link opens one (by its record id). */
    reports: ReportDef[];
}

/** A flexipage's components, each with its bundle's label (what the page region is called). */
function placed(meta: PackageMetadata, components: PlacedComponent[]) {
    return components.map((c) => ({
        ...c,
        label: meta.lwc.get(c.component.replace(/^c:/, ''))?.masterLabel ?? c.component
    }));
}

export function browserPages(meta: PackageMetadata): BrowserPages {
    const recordObjects = new Set(
        [...meta.flexiPages.values()].flatMap((p) =>
            p.type === 'RecordPage' && p.object ? [p.object] : []
        )
    );
    return {
        nav: appNavigation(meta, APP_NAME).map((item) => ({
            key: item.tab,
            label: item.label,
            pageReference: item.pageReference,
            appPage: item.flexiPage
        })),
        appPages: [...meta.flexiPages.values()]
            .filter((p) => p.type === 'AppPage')
            .map((p) => ({ name: p.name, label: p.label, components: placed(meta, p.components) })),
        recordPages: Object.fromEntries(
            [...recordObjects].map((object) => [
                object,
                placed(meta, recordPageFor(meta, APP_NAME, object)?.components ?? [])
            ])
        ),
        recordActions: Object.fromEntries(
            [...recordObjects].map((object) => [object, recordActionsFor(meta, APP_NAME, object)])
        ),
        reports: readReports(meta.root)
    };
}

/** `c/<name>` for every component bundle in force-app, as the platform names them. */
export function componentModules(meta: PackageMetadata): { name: string; path: string }[] {
    return [...meta.lwc.values()].map((b) => ({ name: `c/${b.name}`, path: b.module }));
}

/** A module named `source` whose code `generate` writes (it may add watch files). */
function virtualModule(
    source: string,
    generate: (watchFile: (file: string) => void) => string
): Plugin {
    const id = `\0${source}`;
    return {
        name: source,
        resolveId: (s) => (s === source ? id : null),
        load(moduleId) {
            return moduleId === id ? generate((file) => this.addWatchFile(file)) : null;
        }
    };
}

export function appModules(root: string): Plugin[] {
    return [
        virtualModule('leadloop/pages', (watchFile) => {
            const meta = readPackageMetadata(root);
            for (const def of [
                ...meta.applications.values(),
                ...meta.tabs.values(),
                ...meta.flexiPages.values(),
                ...meta.quickActions.values()
            ]) {
                watchFile(def.file);
            }
            return `export default ${JSON.stringify(browserPages(meta))};`;
        }),
        virtualModule('leadloop/components', () => {
            const ui = [...readPackageMetadata(root).lwc.values()].filter((b) => b.hasTemplate);
            const lines = ui.map((b, i) => `import C${i} from ${JSON.stringify(`c/${b.name}`)};`);
            const entries = ui.map((b, i) => `${JSON.stringify(b.name)}: C${i}`);
            return `${lines.join('\n')}\nexport default { ${entries.join(', ')} };`;
        })
    ];
}
