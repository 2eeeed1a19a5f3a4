// Bundles the fixture apps (tests/e2e/fixtures/{x,fb,ig}.jsx and their CSS) with esbuild into tests/e2e/.build/.
// `node tests/e2e/build-fixtures.mjs` builds once; server.mjs calls buildFixtures() at every start.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
export const BUILD_DIR = path.join(here, '.build');

export async function buildFixtures() {
  await build({
    entryPoints: Object.fromEntries(['x', 'fb', 'ig'].map((app) => [app, path.join(here, 'fixtures', `${app}.jsx`)])),
    outdir: BUILD_DIR,
    bundle: true,
    format: 'iife',
    jsx: 'automatic',
    target: 'chrome120',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    logLevel: 'warning',
  });
  return BUILD_DIR;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const t0 = performance.now();
  await buildFixtures();
  console.log(
    `fixtures built into ${path.relative(process.cwd(), BUILD_DIR)} in ${Math.round(performance.now() - t0)} ms`,
  );
}
