/**
 * Browser build of Lead Loop: the package's own components (force-app, nothing
 * forked), lightning-base-components, synthetic shadow and browser
 * implementations of the platform modules (browser/src/platform) that talk to the
 * local org over HTTP. One LWC engine: the lwc 8.28.2 that sfdx-lwc-jest uses.
 *
 *   npm run build:browser            production build into browser/dist
 *   npm run build:browser -- --watch incremental rebuilds while developing
 */
import { readdirSync, existsSync, statSync, mkdirSync, cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import resolve from '@rollup/plugin-node-resolve';
import { salesforceScopedImports } from './scopedImports.js';
import { pagesFromMetadata } from './metadata.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const lwcDir = path.join(root, 'force-app/main/default/lwc');
const platformDir = path.join(here, 'src/platform');
const production = process.env.BUILD !== 'development';

/** An explicit `c/<name>` entry per component folder in force-app. */
function componentModules() {
    if (!existsSync(lwcDir)) return [];
    return readdirSync(lwcDir)
        .filter((name) => statSync(path.join(lwcDir, name)).isDirectory())
        .filter((name) => existsSync(path.join(lwcDir, name, `${name}.js`)))
        .map((name) => ({ name: `c/${name}`, path: path.join(lwcDir, name, `${name}.js`) }));
}

/** Browser implementations replace the platform's modules of these names. */
const platformModules = [
    ['lightning/graphql', 'graphql.js'],
    ['lightning/uiGraphQLApi', 'graphql.js'],
    ['lightning/uiRecordApi', 'uiRecordApi.js'],
    ['lightning/navigation', 'navigation.js'],
    ['lightning/platformShowToastEvent', 'toast.js'],
    ['lightning/refresh', 'refresh.js'],
    ['lightning/actions', 'actions.js']
].map(([name, file]) => ({ name, path: path.join(platformDir, file) }));

/** Copies SLDS assets and the HTML page next to the bundle. */
function staticAssets() {
    return {
        name: 'leadloop-static-assets',
        generateBundle() {
            const dist = path.join(here, 'dist');
            mkdirSync(dist, { recursive: true });
            const slds = path.join(root, 'node_modules/@salesforce-ux/design-system/assets');
            for (const sub of ['styles', 'icons', 'fonts', 'images']) {
                const from = path.join(slds, sub);
                if (existsSync(from))
                    cpSync(from, path.join(dist, 'assets', sub), { recursive: true });
            }
            cpSync(path.join(here, 'public'), dist, { recursive: true });
        }
    };
}

/** The pages and component placement read from the package's flexipages. */
function pagesModule() {
    const id = '\0leadloop-pages';
    return {
        name: 'leadloop-pages',
        resolveId(source) {
            return source === 'leadloop/pages' ? id : null;
        },
        load(moduleId) {
            if (moduleId !== id) return null;
            for (const file of pagesFromMetadata(root).files) this.addWatchFile(file);
            return `export default ${JSON.stringify(pagesFromMetadata(root).pages)};`;
        }
    };
}

/** `leadloop/components`: the UI components (those with a template) by name, for flexipage placement. */
function componentsModule() {
    const id = '\0leadloop-components';
    return {
        name: 'leadloop-components',
        resolveId(source) {
            return source === 'leadloop/components' ? id : null;
        },
        load(moduleId) {
            if (moduleId !== id) return null;
            const ui = componentModules().filter((m) =>
                existsSync(m.path.replace(/\.js$/, '.html'))
            );
            const lines = ui.map((m, i) => `import C${i} from ${JSON.stringify(m.name)};`);
            const entries = ui.map((m, i) => `${JSON.stringify(m.name.slice(2))}: C${i}`);
            return `${lines.join('\n')}\nexport default { ${entries.join(', ')} };`;
        }
    };
}

export default {
    input: path.join(here, 'src/main.js'),
    output: {
        file: path.join(here, 'dist/app.js'),
        format: 'esm',
        inlineDynamicImports: true,
        sourcemap: !production
    },
    watch: {
        include: [path.join(root, 'force-app/**'), path.join(here, 'src/**')],
        clearScreen: false
    },
    onwarn(warning, warn) {
        if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
        // lightning-base-components' own templates trip a compiler warning the platform ignores.
        if (
            warning.plugin === 'rollup-plugin-lwc-compiler' &&
            warning.id?.includes('lightning-base-components')
        )
            return;
        warn(warning);
    },
    plugins: [
        pagesModule(),
        componentsModule(),
        salesforceScopedImports({ root, readFileSync }),
        replace({
            preventAssignment: true,
            values: {
                'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development'),
                'import.meta.env.SSR': 'false'
            }
        }),
        lwc({
            rootDir: path.join(here, 'src/modules'),
            enableDynamicComponents: true,
            enableSyntheticElementInternals: true,
            modules: [
                ...platformModules,
                ...componentModules(),
                { dir: path.join(here, 'src/modules') },
                { npm: 'lightning-base-components' }
            ]
        }),
        resolve(),
        staticAssets()
    ]
};
