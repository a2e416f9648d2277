import { defineConfig } from 'vitest/config';

// Slow conformance suites (`npm run test:conformance`): the real sf CLI (a process per
// command), the project's own jsforce scenarios, and jsforce's own integration suites
// (vendored in jsforce/, run as jsforce runs them with jest: globals, one org set up once).
export default defineConfig({
    test: {
        testTimeout: 120_000,
        hookTimeout: 120_000,
        maxWorkers: 2,
        projects: [
            {
                extends: true,
                test: {
                    name: 'local org',
                    include: ['localorg/conformance/*.test.ts']
                }
            },
            {
                extends: true,
                resolve: {
                    alias: {
                        through2: new URL('./jsforceHarness/through2.ts', import.meta.url).pathname
                    }
                },
                test: {
                    name: 'jsforce',
                    include: ['localorg/conformance/jsforce/test/*.test.ts'],
                    globals: true,
                    // One file at a time: query and connection-crud import bulk.test (and so
                    // run its tests), whose file scenarios write fixed paths under test/data.
                    maxWorkers: 1,
                    globalSetup: ['localorg/conformance/jsforceHarness/globalSetup.ts'],
                    setupFiles: ['localorg/conformance/jsforceHarness/setup.ts']
                }
            }
        ]
    }
});
