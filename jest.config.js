import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

const mocks = '<rootDir>/force-app/test/jest-mocks';

export default {
    ...jestConfig,
    // LWC tests live next to their components, as in lwc-recipes.
    roots: ['<rootDir>/force-app'],
    moduleNameMapper: {
        '^lightning/navigation$': `${mocks}/lightning/navigation`,
        '^lightning/platformShowToastEvent$': `${mocks}/lightning/platformShowToastEvent`,
        '^lightning/graphql$': `${mocks}/lightning/graphql`,
        '^lightning/actions$': `${mocks}/lightning/actions`,
        // Shared test helpers (deep queries through child components' shadow roots).
        '^jest-utils/(.*)$': '<rootDir>/force-app/test/jest-utils/$1'
    },
    setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv || []), '<rootDir>/jest-sa11y-setup.js'],
    // Generous: CI runs on two shared cores, where a long component test can take 10 s.
    testTimeout: 30000
};
