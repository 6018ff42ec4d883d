import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The runner tests spawn adapter processes; CI runs every package at once on two cores.
    testTimeout: 60_000,
  },
});
