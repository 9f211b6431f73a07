// Browser tests of the web workbench: the real server (built) driven through Debian's Chromium by playwright-core.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    // Steps of a scenario build on each other (a user created, then signing in as them): never retry one alone.
    retry: 0,
  },
});
