import { defineConfig } from 'vitest/config';

// The Electron smoke test: runs where the Electron binary exists, and says it was skipped where it does not.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
