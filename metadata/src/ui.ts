/**
 * What people see: Lightning apps and their tabs, flexipages and the components
 * they place, custom labels, Lightning web component bundles and flows.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { bool, MetadataError, nodes, readXml, str } from './xml';

export interface ApplicationDef {
    name: string;
    label: string;
    /** Tab API names in navigation order (`standard-Lead` for a standard object's tab). */
    tabs: string[];
    /** Pages that replace an object's standard action (e.g. the Lead record page). */
    actionOverrides: { actionName: string; object: string; flexiPage: string }[];
    file: string;
}

export interface TabDef {
    name: string;
    label: string;
    /** The app page (flexipage) a Lightning page tab shows. */
    flexiPage?: string;
    /** The object a custom object tab lists. */
    object?: string;
    file: string;
}

export interface PlacedComponent {
    region: string;
    /** As written in the flexipage: `leadScoreCard`, `c:leadScoreCard` or `force:detailPanel`. */
    component: string;
    properties: Record<string, string>;
    /** List properties (`<valueList>`), e.g. a highlights panel's `actionNames`. */
    valueLists: Record<string, string[]>;
}

export interface QuickActionDef {
    /** `Object.Action` as the file is named (e.g. `Lead.LL_Hand_Back_To_Marketing`). */
    name: string;
    object?: string;
    label: string;
    type: string;
    /** The component a `LightningWebComponent` action opens. */
    lightningWebComponent?: string;
    file: string;
}

export interface FlexiPageDef {
    name: string;
    label: string;
    type: string;
    /** The object of a record page. */
    object?: string;
    components: PlacedComponent[];
    file: string;
}

export interface LwcBundleDef {
    name: string;
    apiVersion: string;
    isExposed: boolean;
    masterLabel?: string;
    targets: string[];
    /** The bundle's JavaScript module. */
    module: string;
    /** True when the bundle has a template (a UI component, not a service module). */
    hasTemplate: boolean;
    file: string;
}

export interface FlowDef {
    name: string;
    label: string;
    apiVersion: string;
    status: string;
    object?: string;
    file: string;
}

export interface CustomLabelDef {
    name: string;
    value: string;
    shortDescription?: string;
    file: string;
}

export function readApplication(name: string, file: string): ApplicationDef {
    const x = readXml(file, 'CustomApplication');
    return {
        name,
        label: String(x.label ?? name),
        tabs: ((x.tabs as unknown[] | undefined) ?? []).map(String),
        actionOverrides: nodes(x.actionOverrides)
            .filter((o) => o.type === 'Flexipage')
            .map((o) => ({
                actionName: String(o.actionName),
                object: String(o.pageOrSobjectType),
                flexiPage: String(o.content)
            })),
        file
    };
}

export function readTab(name: string, file: string): TabDef {
    const x = readXml(file, 'CustomTab');
    const flexiPage = str(x.flexiPage);
    const object = str(x.customObject) === 'true' ? name : undefined;
    if (!flexiPage && !object) {
        throw new MetadataError(file, 'a tab needs a <flexiPage> or <customObject>true');
    }
    return { name, label: String(x.label ?? name), flexiPage, object, file };
}

export function readFlexiPage(name: string, file: string): FlexiPageDef {
    const x = readXml(file, 'FlexiPage');
    const components: PlacedComponent[] = [];
    for (const region of nodes(x.flexiPageRegions)) {
        for (const item of nodes(region.itemInstances)) {
            const instance = item.componentInstance as Record<string, unknown> | undefined;
            if (!instance?.componentName) continue;
            const properties: Record<string, string> = {};
            const valueLists: Record<string, string[]> = {};
            for (const p of nodes(instance.componentInstanceProperties)) {
                const list = p.valueList as { valueListItems?: unknown } | undefined;
                if (list)
                    valueLists[String(p.name)] = nodes(list.valueListItems).map((i) =>
                        String(i.value)
                    );
                else properties[String(p.name)] = String(p.value ?? '');
            }
            components.push({
                region: String(region.name),
                component: String(instance.componentName),
                properties,
                valueLists
            });
        }
    }
    return {
        name,
        label: String(x.masterLabel ?? name),
        type: String(x.type),
        object: str(x.sobjectType),
        components,
        file
    };
}

export function readQuickAction(name: string, file: string): QuickActionDef {
    const x = readXml(file, 'QuickAction');
    const type = String(x.type ?? '');
    const lightningWebComponent = str(x.lightningWebComponent);
    if (type === 'LightningWebComponent' && !lightningWebComponent) {
        throw new MetadataError(
            file,
            'a LightningWebComponent action needs <lightningWebComponent>'
        );
    }
    return {
        name,
        object: name.includes('.') ? name.split('.')[0] : undefined,
        label: String(x.label ?? name),
        type,
        lightningWebComponent,
        file
    };
}

export function readLwcBundle(lwcDir: string, name: string): LwcBundleDef | undefined {
    const dir = path.join(lwcDir, name);
    const file = path.join(dir, `${name}.js-meta.xml`);
    if (!existsSync(file)) return undefined;
    const x = readXml(file, 'LightningComponentBundle');
    const module = path.join(dir, `${name}.js`);
    if (!existsSync(module)) {
        throw new MetadataError(file, `the bundle has no ${name}.js module`);
    }
    const targets = nodes(x.targets)[0]?.target as unknown[] | undefined;
    return {
        name,
        apiVersion: String(x.apiVersion),
        isExposed: bool(x.isExposed),
        masterLabel: str(x.masterLabel),
        targets: (targets ?? []).map(String),
        module,
        hasTemplate: existsSync(path.join(dir, `${name}.html`)),
        file
    };
}

export function readFlow(name: string, file: string): FlowDef {
    const x = readXml(file, 'Flow');
    const start = x.start as Record<string, unknown> | undefined;
    return {
        name,
        label: String(x.label),
        apiVersion: String(x.apiVersion),
        status: String(x.status),
        object: str(start?.object),
        file
    };
}

export function readCustomLabels(file: string): CustomLabelDef[] {
    const x = readXml(file, 'CustomLabels');
    return nodes(x.labels).map((l) => {
        if (!l.fullName) throw new MetadataError(file, 'a label needs a <fullName>');
        return {
            name: String(l.fullName),
            value: String(l.value ?? l.fullName),
            shortDescription: str(l.shortDescription),
            file
        };
    });
}
