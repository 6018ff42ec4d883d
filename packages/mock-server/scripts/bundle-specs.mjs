// For every specs/*.yaml, writes into the folder of the mock module of the same name
// (src/apis/<name>/): `spec.gen.ts`, the document itself, so the published server validates against
// the same spec, and `operations.gen.ts`, its openapi-typescript types, which type the module's
// handler table. The list comes from the directory: a new spec is bundled on the next run.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { parse } from 'yaml';

const dir = new URL('../../../specs/', import.meta.url);
const names = readdirSync(dir)
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => file.slice(0, -'.yaml'.length))
  .sort();

for (const name of names) {
  const source = new URL(`${name}.yaml`, dir);
  const folder = new URL(`../src/apis/${name}/`, import.meta.url);
  mkdirSync(folder, { recursive: true });
  const document = JSON.stringify(parse(readFileSync(source, 'utf8')), null, 2);
  writeFileSync(
    new URL('spec.gen.ts', folder),
    `// Generated from specs/${name}.yaml by scripts/bundle-specs.mjs. Do not edit.

import type { OpenApiDocument } from '../../core/openapi.js';

/** \`specs/${name}.yaml\`, as the mock routes and validates it. */
export const spec: OpenApiDocument = ${document};
`,
  );
  writeFileSync(new URL('operations.gen.ts', folder), `${COMMENT_HEADER}${astToString(await openapiTS(source))}`);
}
