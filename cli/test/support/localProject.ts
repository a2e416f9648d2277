/** A project folder whose `local` target is a fresh local org (in-process), for CLI tests. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { API_VERSION } from '../../../core/src/index';
import { startLocalOrg, type LocalOrg } from '../../../localorg/src/index';

export interface LocalProject {
    org: LocalOrg;
    /** The temporary folder holding the org's data and the project. */
    dir: string;
    /** The project root (its .leadloop/local-org.json names the org). */
    root: string;
}

export async function localProject(): Promise<LocalProject> {
    const dir = mkdtempSync(path.join(tmpdir(), 'leadloop-cli-'));
    const org = await startLocalOrg({ dataDir: path.join(dir, 'data'), port: 0 });
    const root = path.join(dir, 'project');
    mkdirSync(path.join(root, '.leadloop'), { recursive: true });
    writeFileSync(
        path.join(root, '.leadloop', 'local-org.json'),
        JSON.stringify({
            instanceUrl: org.instanceUrl,
            accessToken: org.accessToken,
            refreshToken: org.refreshToken,
            username: org.username,
            apiVersion: API_VERSION
        })
    );
    return { org, dir, root };
}
