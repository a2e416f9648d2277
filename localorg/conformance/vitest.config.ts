import { defineConfig } from 'vitest/config';

// Slow conformance suites: the real sf CLI (a process per command) and jsforce's
// own integration scenarios against a local org. `npm run test:conformance`.
export default defineConfig({
    test: {
        include: ['localorg/conformance/**/*.test.ts'],
        testTimeout: 120_000,
        hookTimeout: 120_000,
        maxWorkers: 2
    }
});
