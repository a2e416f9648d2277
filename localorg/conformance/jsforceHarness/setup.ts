/**
 * Runs before each of jsforce's suites: its config (`test/config`, read from the environment)
 * gets the local org's URL, token and user, and the tests named in `skips.ts` are skipped.
 */
import path from 'node:path';
import { expect, inject, it, test } from 'vitest';
import { SKIPPED } from './skips';

const org = inject('jsforceOrg');
process.env.SF_LOGIN_URL = org.instanceUrl;
process.env.SF_ACCESS_TOKEN = org.accessToken;
process.env.SF_USERNAME = org.username;
process.env.SF_PASSWORD = org.password;

const suite = path.basename(expect.getState().testPath ?? '', '.test.ts');
const skipped = new Set(SKIPPED.filter((s) => s.suite === suite).map((s) => s.name));

/** `it` that skips the named tests; everything else (`it.each`, `it.skip`, …) as vitest's. */
function skipping<T extends typeof it>(real: T): T {
    return new Proxy(real, {
        apply: (target, self, args: Parameters<T>) =>
            Reflect.apply(skipped.has(String(args[0])) ? target.skip : target, self, args)
    });
}
Object.assign(globalThis, { it: skipping(it), test: skipping(test) });
