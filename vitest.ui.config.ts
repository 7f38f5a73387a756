import { defineConfig } from 'vitest/config';

// UI tests: Playwright (playwright-core + Debian's Chromium) against the built renderer and the real services.
export default defineConfig({
  test: {
    include: ['tests/ui/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    globalSetup: ['tests/ui/global-setup.ts'],
    // UI assertions poll until the page settles (machines are loaded; a single read after a key press races React).
    expect: { poll: { timeout: 10_000, interval: 25 } },
  },
});
