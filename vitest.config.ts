import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: [
            'core/test/**/*.test.ts',
            'test/**/*.test.ts',
            'metadata/test/**/*.test.ts',
            'localorg/test/**/*.test.ts',
            'cli/test/**/*.test.ts'
        ],
        testTimeout: 30_000,
        hookTimeout: 60_000,
        // Two cores here and in CI: run test files in parallel, but not more.
        maxWorkers: 2
    }
});
