/**
 * jsforce's tests that need something out of the local org's scope, by suite and name, with
 * the reason. The same list is in localorg/README.md (`test/jsforceSkips.test.ts` checks it).
 */
export interface SkippedTest {
    suite: string;
    name: string;
    reason: string;
}

const NAMED_LAYOUTS =
    "Named layouts (User's UserAlt) are alternate layouts of the platform's own that the local org does not have; it serves each object's generated layout only.";

export const SKIPPED: SkippedTest[] = [
    'should list named layout for SObject and return User named layout information',
    'should list named layouts (cache-first) and return User named layout information',
    'should get cached named layouts and return User named layout information immediately'
].map((name) => ({ suite: 'sobject', name, reason: NAMED_LAYOUTS }));
