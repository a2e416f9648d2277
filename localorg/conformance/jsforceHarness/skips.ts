/**
 * jsforce's tests that need something out of the local org's scope, by suite and name, with
 * the reason. The same list is in localorg/README.md (`test/jsforceSkips.test.ts` checks it).
 */
export interface SkippedTest {
    suite: string;
    name: string;
    reason: string;
}

/** None today: User's named layout `UserAlt` was the last (the local org serves it now). */
export const SKIPPED: SkippedTest[] = [];
