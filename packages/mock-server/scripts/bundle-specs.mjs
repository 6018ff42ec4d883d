// Embeds every specs/*.yaml as an object keyed by its file name, so the published server validates
// against the same specs. The list comes from the directory: a new spec is bundled on the next run.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const dir = new URL('../../../specs/', import.meta.url);
const names = readdirSync(dir)
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => file.slice(0, -'.yaml'.length))
  .sort();
const entries = names.map(
  (name) =>
    `  ${JSON.stringify(name)}: ${JSON.stringify(parse(readFileSync(new URL(`${name}.yaml`, dir), 'utf8')), null, 2).replaceAll('\n', '\n  ')},`,
);
writeFileSync(
  new URL('../src/specs.gen.ts', import.meta.url),
  `// Generated from ${names.map((name) => `specs/${name}.yaml`).join(', ')} by scripts/bundle-specs.mjs. Do not edit.

import type { OpenApiDocument } from './core/openapi.js';

/** The name of each bundled spec: its file name in specs/ without \`.yaml\`. */
export type SpecName = ${names.map((name) => JSON.stringify(name)).join(' | ')};

export const specs: Readonly<Record<SpecName, OpenApiDocument>> = {
${entries.join('\n')}
};
`,
);
