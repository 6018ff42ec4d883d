// A package's prepack runs this first. npm (and yarn 1) pack a package.json's `workspace:` ranges
// as they are, and a tarball that carries them installs nowhere; pnpm rewrites them to the
// workspace's versions when it packs or publishes. So a pack by anything but pnpm of a package with
// such a range stops here, with what to run instead.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const ranges = ['dependencies', 'peerDependencies', 'optionalDependencies'].flatMap((field) =>
  Object.entries(manifest[field] ?? {})
    .filter(([, range]) => String(range).startsWith('workspace:'))
    .map(([name, range]) => `${field}.${name} "${range}"`),
);
// npm_execpath is the packing tool's own script (npm-cli.js, pnpm.cjs, …), set by it for this run.
// biome-ignore lint/suspicious/noUndeclaredEnvVars: set for a package's prepack, which no turbo task runs.
const packer = basename(process.env.npm_execpath ?? 'an unknown tool').replace(/(-cli)?\.c?js$/, '');
if (ranges.length > 0 && !packer.startsWith('pnpm')) {
  console.error(
    [
      `${manifest.name}: not packed. ${packer} would copy ${ranges.join(', ')} into the tarball, and no install can resolve a workspace: range.`,
      'Pack or publish it with pnpm, which writes the versions in: `pnpm pack` (or `pnpm publish`) in this folder,',
      'or a release from the repository root with `pnpm exec changeset publish`.',
    ].join('\n'),
  );
  process.exit(1);
}
