// Embeds specs/*.yaml as objects, so the published server validates against the same specs.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const spec = (name) => JSON.stringify(parse(readFileSync(new URL(`../../../specs/${name}.yaml`, import.meta.url), 'utf8')), null, 2);
writeFileSync(
  new URL('../src/specs.gen.ts', import.meta.url),
  `// Generated from specs/aiuta.yaml and specs/vidau.yaml by scripts/bundle-specs.mjs. Do not edit.\n\nimport type { OpenApiDocument } from './openapi.js';\n\nexport const aiutaSpec: OpenApiDocument = ${spec('aiuta')};\n\nexport const vidauSpec: OpenApiDocument = ${spec('vidau')};\n`,
);
