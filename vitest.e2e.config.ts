import { defineConfig } from 'vitest/config';

/**
 * `npm run test:e2e`: browser tests against one build of the site.
 * The global setup builds it once (or uses E2E_DIST); one worker, one browser at a time.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/support/e2e-global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
