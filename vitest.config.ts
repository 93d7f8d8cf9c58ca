import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // crawler tests count connections at fixture servers; parallel files would only slow each other down on 2 cores
    fileParallelism: true,
    pool: 'forks',
  },
});
