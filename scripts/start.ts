/**
 * `npm start`: builds what is stale (the core module, the browser app), starts
 * the local org on 127.0.0.1 with its data under .leadloop/data, seeds the
 * demo data set on the first run, and prints the API URL, the token and the
 * browser app's sign-in URL. Options: --port N (default 6166), --reset (start
 * over), --data-dir DIR, --leads N (demo size on first run), --source-dir DIR
 * (repeatable: the custom objects and fields of an SFDX source folder).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { API_VERSION, reduceErrors } from '../core/src/index';
import { startLocalOrg } from '../localorg/src/index';
import { buildBrowser } from '../browser/build';
import { prepareDemo, seedDemoIfEmpty } from './seedDemo';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stateDir = path.join(root, '.leadloop');
const connectionFile = path.join(stateDir, 'local-org.json');

function newestMtime(dir: string): number {
    if (!existsSync(dir)) return 0;
    let newest = 0;
    for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        const st = statSync(p);
        newest = Math.max(newest, st.isDirectory() ? newestMtime(p) : st.mtimeMs);
    }
    return newest;
}

function run(cmd: string, args: string[]): void {
    execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
}

async function main(): Promise<void> {
    const { values } = parseArgs({
        options: {
            port: { type: 'string', default: process.env.PORT ?? '6166' },
            reset: { type: 'boolean', default: false },
            'data-dir': { type: 'string', default: path.join(stateDir, 'data') },
            leads: { type: 'string', default: '5000' },
            'source-dir': { type: 'string', multiple: true, default: [] }
        }
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new Error(`--port must be a port number (0-65535), not "${values.port}".`);
    }
    const leads = Number(values.leads);
    if (!Number.isInteger(leads) || leads < 1 || leads > 1_000_000) {
        throw new Error(
            `--leads must be a whole number from 1 to 1,000,000, not "${values.leads}".`
        );
    }

    // Build only what is stale, so a warm start takes seconds.
    const coreModule = path.join(root, 'force-app/main/default/lwc/leadLoopCore/leadLoopCore.js');
    if (
        !existsSync(coreModule) ||
        newestMtime(path.join(root, 'core/src')) > statSync(coreModule).mtimeMs
    ) {
        run('npx', ['tsx', 'scripts/build-core.ts']);
    }
    const app = path.join(root, 'browser/dist/app.js');
    const appSources = Math.max(
        newestMtime(path.join(root, 'force-app/main/default')),
        newestMtime(path.join(root, 'browser/src'))
    );
    if (!existsSync(app) || appSources > statSync(app).mtimeMs) {
        console.log('Building the browser app…');
        await buildBrowser();
    }

    // Keep the token across restarts so saved CLI targets stay valid.
    let previous: { accessToken?: string; refreshToken?: string; password?: string } = {};
    if (!values.reset && existsSync(connectionFile)) {
        try {
            previous = JSON.parse(readFileSync(connectionFile, 'utf8'));
        } catch {
            previous = {};
        }
    }
    const dataDir = path.resolve(values['data-dir']!);
    const firstRun = values.reset || !existsSync(path.join(dataDir, 'org.sqlite'));
    if (firstRun) console.log(`Seeding the demo data set (${leads} leads)…`);
    const org = await startLocalOrg({
        dataDir,
        port,
        reset: values.reset,
        sourceDirs: values['source-dir']!.map((d) => path.resolve(d)),
        token: previous.accessToken,
        refreshToken: previous.refreshToken,
        password: previous.password
    }).catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'EADDRINUSE') {
            throw new Error(
                `Port ${port} is in use: stop the other local org, or pass --port <another>.`
            );
        }
        throw e;
    });
    await seedDemoIfEmpty(org, { leads });
    await prepareDemo(org, { audit: true });
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(
        connectionFile,
        JSON.stringify(
            {
                instanceUrl: org.instanceUrl,
                accessToken: org.accessToken,
                refreshToken: org.refreshToken,
                username: org.username,
                password: org.password,
                apiVersion: API_VERSION
            },
            null,
            2
        ) + '\n',
        { mode: 0o600 }
    );
    const leadCount = org.store.find('Lead', { fields: ['Id'], limit: 1, offset: 0 }).totalCount;
    console.log(`
Lead Loop local org is running (${leadCount} leads).

  Browser app   ${org.instanceUrl}/login?token=${encodeURIComponent(org.accessToken)}
  API           ${org.instanceUrl}/services/data/v${API_VERSION}
  Token         ${org.accessToken}
  Username      ${org.username}
  Password      ${org.password} (every active local user; SOAP login, OAuth password grant)
  Saved to      ${path.relative(process.cwd(), connectionFile)} (the CLI's --target-org local)

  jsforce:  new jsforce.Connection({ instanceUrl: '${org.instanceUrl}', accessToken: '<token>' })
  sf CLI:   SF_ACCESS_TOKEN='<token>' sf org login access-token --instance-url ${org.instanceUrl} --alias leadloop-local --no-prompt

Ctrl-C stops it; the data stays in ${path.relative(process.cwd(), dataDir)} (npm start -- --reset starts over).
`);
    const stop = () => {
        org.close().then(
            () => process.exit(0),
            () => process.exit(1)
        );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
    console.error(`✖ ${reduceErrors(e).join('\n  ') || 'The local org did not start.'}`);
    process.exit(1);
});
