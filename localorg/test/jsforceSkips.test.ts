/**
 * The jsforce tests the conformance run skips: each names a test of the vendored suite, and
 * localorg/README.md lists each with its reason.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SKIPPED } from '../conformance/jsforceHarness/skips';

const conformance = path.join(import.meta.dirname, '../conformance');
const readme = readFileSync(path.join(import.meta.dirname, '../README.md'), 'utf8');

describe("jsforce's skipped tests", () => {
    it('the README gives the count skipped', () => {
        expect(readme).toContain(
            SKIPPED.length ? `${SKIPPED.length} skipped` : 'none skipped, none failing'
        );
    });
    it('each is a test of the vendored suite, in the README with its reason', () => {
        for (const { suite, name, reason } of SKIPPED) {
            const source = readFileSync(
                path.join(conformance, `jsforce/test/${suite}.test.ts`),
                'utf8'
            );
            expect(source).toContain(`it('${name}'`);
            expect(readme).toContain(`\`${name}\``);
            expect(readme).toContain(reason);
        }
    });
});
