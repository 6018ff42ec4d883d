import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (file: string) => fileURLToPath(new URL(`./src/${file}`, import.meta.url));

export default defineConfig({
  // The README's examples import the package by name (src/readme-examples.test.ts runs them): its sources.
  resolve: {
    alias: [
      { find: /^@signet\/mock-server\/msw$/, replacement: source('msw.ts') },
      { find: /^@signet\/mock-server$/, replacement: source('index.ts') },
    ],
  },
  test: {
    include: ['src/**/*.test.ts'],
    // Property tests are CPU-bound; CI runs every package at once on two cores.
    testTimeout: 60_000,
  },
});
