// The release as a user meets it: publishes every public package to a local registry with
// `changeset publish`, installs them with npm and with pnpm in fresh consumer projects, type-checks
// a README-like example (moduleResolution nodenext, and bundler for a browser app) and runs it
// against the mock server, runs the same signed calls under Deno and Bun, and runs the signature
// doctor with npx from an empty folder, and on a VidAU 401 as the error's message says.
//
// It also publishes a patch release of @signet/auth and @signet/client-core and installs
// @signet/aiuta at the older version beside @signet/auth at the patch: the consumers must end up
// with one @signet/client-core, so that an AuthenticationError thrown by aiuta is
// `instanceof SignetError` as exported by @signet/auth.
//
//   node scripts/registry-e2e.mjs [--keep] [--no-build]
//
// The registry (Verdaccio 5) and the Deno and Bun binaries come from scripts/registry-e2e/, a
// lockfile-pinned npm project installed here with `npm ci` on first use. Verdaccio listens on
// 127.0.0.1 only and has no uplink: only @signet/* is served from it (the consumers' .npmrc scopes
// it), everything else comes from the usual registry. The whole job is bounded by LIMIT_MS.
//
// The job's parts are in that folder too: job.mjs (deadline, steps, commands), registry.mjs
// (Verdaccio, the releases), examples.mjs, consumer.mjs (npm and pnpm projects), runtimes.mjs,
// doctor.mjs (npx).
import { rmSync } from 'node:fs';
import { consumer } from './registry-e2e/consumer.mjs';
import { doctorFromEmptyFolder, doctorFromError } from './registry-e2e/doctor.mjs';
import { children, LIMIT_MS, results, run, started, step, work } from './registry-e2e/job.mjs';
import { installTools, publishPatch, publishRelease, startRegistry } from './registry-e2e/registry.mjs';
import { runtimes } from './registry-e2e/runtimes.mjs';
import { publicPackages } from './workspace-packages.mjs';

const keep = process.argv.includes('--keep');

async function main() {
  const packages = publicPackages();
  const versions = new Map(packages.map((p) => [p.manifest.name, p.manifest.version]));
  step('tools (Verdaccio, Deno, Bun)', true, await installTools());
  if (!process.argv.includes('--no-build')) {
    await run('pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']);
    step('build', true);
  }
  const registry = await startRegistry();
  step('Verdaccio on 127.0.0.1', true, registry.url);

  const published = await publishRelease(registry, versions);
  step('changeset publish: every public package', published.length === versions.size, published.join(', '));

  // X+patch of the lower packages, as a later patch release would leave the registry.
  const byName = new Map(packages.map((p) => [p.manifest.name, p]));
  const authPatch = await publishPatch(byName.get('@signet/auth'), registry);
  const corePatch = await publishPatch(byName.get('@signet/client-core'), registry);
  step('patch releases published', true, `@signet/auth@${authPatch}, @signet/client-core@${corePatch}`);

  const mixed = { aiuta: versions.get('@signet/aiuta'), auth: authPatch };
  const npmConsumer = await consumer('npm', registry, versions, mixed);
  await consumer('pnpm', registry, versions, mixed);
  await runtimes(npmConsumer.dir, npmConsumer.signature);
  await doctorFromEmptyFolder(registry);
  await doctorFromError(registry, npmConsumer.dir);
}

const timer = setTimeout(() => {
  step(`finished within ${LIMIT_MS / 60_000} minutes`, false);
  for (const child of children) child.kill('SIGKILL');
  process.exit(1);
}, LIMIT_MS);
try {
  await main();
} catch (error) {
  step('registry e2e', false, error instanceof Error ? error.message : String(error));
} finally {
  clearTimeout(timer);
  for (const child of children) child.kill();
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
  const failed = results.filter((r) => !r.ok).length;
  console.log(`registry e2e (${((Date.now() - started) / 1000).toFixed(0)} s): ${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}
