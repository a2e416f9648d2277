/**
 * Browser build of Lead Loop: the package's own components (force-app, nothing
 * forked), lightning-base-components, synthetic shadow and browser
 * implementations of the platform modules (browser/src/platform) that talk to the
 * local org over HTTP. One LWC engine: the lwc 8.28.2 that sfdx-lwc-jest uses.
 * Tabs, pages and components come from the one metadata reader (metadata/src).
 *
 *   npm run build:browser   production build into browser/dist
 *   npm run watch:browser   development build, rebuilt on every change
 */
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import resolve from '@rollup/plugin-node-resolve';
import { rollup, watch, type OutputOptions, type Plugin, type RollupOptions } from 'rollup';
import { readPackageMetadata } from '../metadata/src/index';
import { appModules, componentModules } from './appModules';
import { salesforceScopedImports } from './scopedImports';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const platformDir = path.join(here, 'src/platform');

/** Browser implementations replace the platform's modules of these names. */
const platformModules = [
    ['lightning/graphql', 'graphql.js'],
    ['lightning/uiGraphQLApi', 'graphql.js'],
    ['lightning/uiRecordApi', 'uiRecordApi.js'],
    ['lightning/navigation', 'navigation.js'],
    ['lightning/platformShowToastEvent', 'toast.js'],
    ['lightning/refresh', 'refresh.js']
].map(([name, file]) => ({ name, path: path.join(platformDir, file) }));

/** Copies SLDS assets and the HTML page next to the bundle. */
function staticAssets(): Plugin {
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

export function rollupOptions(production: boolean): RollupOptions & { output: OutputOptions } {
    const meta = readPackageMetadata(root);
    return {
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
            if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED')
                return;
            // lightning-base-components' own templates trip a compiler warning the platform ignores.
            if (
                warning.plugin === 'rollup-plugin-lwc-compiler' &&
                warning.id?.includes('lightning-base-components')
            )
                return;
            warn(warning);
        },
        plugins: [
            ...appModules(root),
            salesforceScopedImports(root),
            replace({
                preventAssignment: true,
                values: {
                    'process.env.NODE_ENV': JSON.stringify(
                        production ? 'production' : 'development'
                    ),
                    'import.meta.env.SSR': 'false'
                }
            }),
            lwc({
                rootDir: path.join(here, 'src/modules'),
                enableDynamicComponents: true,
                enableSyntheticElementInternals: true,
                modules: [
                    ...platformModules,
                    ...componentModules(meta),
                    { dir: path.join(here, 'src/modules') },
                    { npm: 'lightning-base-components' }
                ]
            }),
            resolve(),
            staticAssets()
        ]
    };
}

/** One build into browser/dist. */
export async function buildBrowser({ production = true } = {}): Promise<void> {
    const options = rollupOptions(production);
    const bundle = await rollup(options);
    try {
        await bundle.write(options.output);
    } finally {
        await bundle.close();
    }
}

/** Rebuilds on every change to force-app or browser/src until interrupted. */
function watchBrowser(): void {
    const watcher = watch(rollupOptions(false));
    watcher.on('event', (event) => {
        if (event.code === 'BUNDLE_START') {
            console.log('building browser/dist/app.js…');
        } else if (event.code === 'BUNDLE_END') {
            console.log(`built browser/dist/app.js in ${event.duration} ms`);
            void event.result.close();
        } else if (event.code === 'ERROR') {
            console.error(event.error.message);
            void event.result?.close();
        }
    });
    process.on('SIGINT', () => void watcher.close().then(() => process.exit(0)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    const production = process.env.BUILD !== 'development';
    if (process.argv.includes('--watch')) {
        watchBrowser();
    } else {
        const started = Date.now();
        buildBrowser({ production }).then(
            () => console.log(`built browser/dist/app.js in ${Date.now() - started} ms`),
            (e: Error) => {
                console.error(`The browser build failed: ${e.message}`);
                process.exitCode = 1;
            }
        );
    }
}
