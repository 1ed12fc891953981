import { defineConfig } from 'vitest/config';

/** `npm test`: unit and built-site tests. Browser tests live in tests/e2e/ (`npm run test:e2e`). */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', '**/node_modules/**'],
    // Site tests run a full Astro build in a child process.
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
