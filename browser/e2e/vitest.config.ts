import { defineConfig } from 'vitest/config';

// The browser journeys: one file at a time (one Chromium), a few minutes on 2 cores.
export default defineConfig({
    test: {
        include: ['browser/e2e/**/*.e2e.ts'],
        testTimeout: 60_000,
        hookTimeout: 120_000,
        fileParallelism: false,
        maxWorkers: 1,
        // A write and the page's answer to it can take seconds on two busy cores.
        expect: { poll: { timeout: 10_000 } }
    }
});
