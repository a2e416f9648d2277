/**
 * jsforce's tests that need something out of the local org's scope, by suite and name, with
 * the reason. The same list is in localorg/README.md (`test/jsforceSkips.test.ts` checks it).
 */
export interface SkippedTest {
    suite: string;
    name: string;
    reason: string;
}

const LAYOUTS =
    'Page layouts (describe layouts, named, compact and approval layouts) are UI metadata the local org does not hold.';

export const SKIPPED: SkippedTest[] = [
    {
        suite: 'sobject',
        name: 'should list layout for SObject and return Account layout information',
        reason: LAYOUTS
    },
    {
        suite: 'sobject',
        name: 'should list layouts (cache-first) and return Account layout information',
        reason: LAYOUTS
    },
    {
        suite: 'sobject',
        name: 'should get cached layouts and return Account layout information immediately',
        reason: LAYOUTS
    },
    {
        suite: 'sobject',
        name: 'should list named layout for SObject and return User named layout information',
        reason: LAYOUTS
    },
    {
        suite: 'sobject',
        name: 'should list named layouts (cache-first) and return User named layout information',
        reason: LAYOUTS
    },
    {
        suite: 'sobject',
        name: 'should get cached named layouts and return User named layout information immediately',
        reason: LAYOUTS
    },
    {
        suite: 'sobject',
        name: 'should list compact layout for SObject and return Account comact layout information',
        reason: LAYOUTS
    },
    {
        suite: 'sobject',
        name: 'should list compact layouts (cache-first) and return Account comact layout information',
        reason: LAYOUTS
    },
    {
        suite: 'sobject',
        name: 'should get cached compact layouts and return Account comapct layout information immediately',
        reason: LAYOUTS
    },
    {
        suite: 'sobject',
        name: 'should list approval layout for SObject and return Account approval layout information',
        reason: LAYOUTS
    },
    {
        suite: 'sobject',
        name: 'should list approval layouts (cache-first) and return Account approval layout information',
        reason: LAYOUTS
    },
    {
        suite: 'sobject',
        name: 'should get cached approval layouts and return Account approval layout information immediately',
        reason: LAYOUTS
    }
];
