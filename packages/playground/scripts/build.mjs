// Bundles the playground and the in-browser suite the way a browser app would: browser conditions, ESM.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/playground.ts', 'src/browser-suite.ts'],
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
});
