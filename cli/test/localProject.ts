/**
 * A project folder whose `local` target is a local org started in the test: what the CLI
 * reads from `.leadloop/local-org.json` when `--target-org local` is given.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { API_VERSION } from '../../core/src/index';
import type { LocalOrg } from '../../localorg/src/index';

export function localProject(root: string, org: LocalOrg): string {
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
    return root;
}
