/**
 * Compiles the shared TypeScript core (core/src) into the LWC service module
 * force-app/main/default/lwc/leadLoopCore, so components import the same code
 * that the CLI and the local org run. `--check` fails when the committed module
 * is stale against the TypeScript.
 */
import { build } from 'esbuild';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'core/src/index.ts');
const outFile = path.join(root, 'force-app/main/default/lwc/leadLoopCore/leadLoopCore.js');
const BANNER =
    '// Generated from core/src by `npm run build`. Do not edit: change the TypeScript and rebuild.\n' +
    '/* eslint-disable */';

export async function compileCore(): Promise<string> {
    const result = await build({
        entryPoints: [entry],
        bundle: true,
        format: 'esm',
        // LWC compiles service modules itself; keep modern syntax it accepts.
        target: 'es2021',
        platform: 'neutral',
        write: false,
        legalComments: 'none',
        banner: { js: BANNER },
        logLevel: 'silent'
    });
    return result.outputFiles[0].text;
}

async function main(): Promise<void> {
    const check = process.argv.includes('--check');
    const compiled = await compileCore();
    if (check) {
        const current = await readFile(outFile, 'utf8').catch(() => '');
        if (current !== compiled) {
            console.error(
                `✖ ${path.relative(root, outFile)} is stale against core/src.\n  Run \`npm run build\` and commit the result.`
            );
            process.exit(1);
        }
        console.log('✔ leadLoopCore is up to date with core/src');
        return;
    }
    await writeFile(outFile, compiled);
    console.log(`Built ${path.relative(root, outFile)} (${compiled.length} bytes)`);
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
});
