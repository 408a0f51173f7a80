import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
    // The JSON file feeds .ci/run's "<N> passed, <M> failed" line.
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
  },
});
