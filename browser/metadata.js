/**
 * Reads the package's flexipages (force-app/main/default/flexipages) and
 * Lightning app (applications/LL_Lead_Loop.app-meta.xml) at build time, so the
 * browser shows the pages and component placement an org would show.
 *
 * pages: { recordPages: { Lead: [{ region, component, properties }] },
 *          appPages: [{ name, label, regions: [...] }], tabs: [...] }
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

const parser = new XMLParser({
    ignoreAttributes: true,
    isArray: (name) =>
        ['flexiPageRegions', 'itemInstances', 'componentInstanceProperties', 'tabs'].includes(name)
});

function componentsOf(page) {
    const placed = [];
    for (const region of page.flexiPageRegions ?? []) {
        for (const item of region.itemInstances ?? []) {
            const ci = item.componentInstance;
            if (!ci?.componentName) continue;
            const properties = {};
            for (const p of ci.componentInstanceProperties ?? []) properties[p.name] = p.value;
            placed.push({ region: region.name, component: String(ci.componentName), properties });
        }
    }
    return placed;
}

export function pagesFromMetadata(root) {
    const base = path.join(root, 'force-app/main/default');
    const dir = path.join(base, 'flexipages');
    const files = [];
    const pages = { recordPages: {}, appPages: [], tabs: [] };
    if (existsSync(dir)) {
        for (const file of readdirSync(dir)
            .filter((f) => f.endsWith('.flexipage-meta.xml'))
            .sort()) {
            const full = path.join(dir, file);
            files.push(full);
            const page = parser.parse(readFileSync(full, 'utf8')).FlexiPage ?? {};
            const name = file.replace('.flexipage-meta.xml', '');
            const components = componentsOf(page);
            if (page.type === 'RecordPage' && page.sobjectType) {
                (pages.recordPages[page.sobjectType] ??= []).push(...components);
            } else if (page.type === 'AppPage') {
                pages.appPages.push({ name, label: String(page.masterLabel ?? name), components });
            }
        }
    }
    const app = path.join(base, 'applications/LL_Lead_Loop.app-meta.xml');
    if (existsSync(app)) {
        files.push(app);
        pages.tabs = (parser.parse(readFileSync(app, 'utf8')).CustomApplication?.tabs ?? []).map(
            String
        );
    }
    // The navigation bar: the app's tabs in order (standard-Lead, then each app page's tab).
    pages.nav = [];
    for (const tab of pages.tabs) {
        if (tab.startsWith('standard-')) {
            const object = tab.slice('standard-'.length);
            pages.nav.push({ key: tab, kind: 'object', object, label: `${object}s` });
            continue;
        }
        const file = path.join(base, 'tabs', `${tab}.tab-meta.xml`);
        if (!existsSync(file)) continue;
        files.push(file);
        const def = parser.parse(readFileSync(file, 'utf8')).CustomTab ?? {};
        const page = pages.appPages.find((p) => p.name === String(def.flexiPage ?? ''));
        if (page) {
            pages.nav.push({
                key: tab,
                kind: 'page',
                name: page.name,
                label: String(def.label ?? page.label)
            });
        }
    }
    if (!pages.nav.length) {
        pages.nav = [{ key: 'standard-Lead', kind: 'object', object: 'Lead', label: 'Leads' }];
        for (const p of pages.appPages) {
            pages.nav.push({ key: p.name, kind: 'page', name: p.name, label: p.label });
        }
    }
    return { pages, files };
}
