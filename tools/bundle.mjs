// `make build`: the extension's scripts and style sheets, bundled and minified by esbuild into dist/chrome/. The data
// files the scripts import (data/*.json: the platforms, the sites, the best-time priors) are read without their
// `about` notes, which document a file for its readers and which no script reads (4 KB in each of the four bundles
// that import them). The site list's adapters (how the content script finds a site's composers, attachments and
// unrecognised pages) go to the content script alone: the extension's pages and workers read a site's id, platform
// and hosts (extension/shared/facts.js, worker-schedule.js), 5 KB less in each of three bundles. Usage:
// node tools/bundle.mjs OUTDIR WASM_GLUE
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';

const [outdir, glue] = process.argv.slice(2);
if (!outdir || !glue) throw new Error('usage: node tools/bundle.mjs OUTDIR WASM_GLUE');

/** What of a site of data/sites.json the bundles other than the content script read. */
const SITE_FACTS = ['id', 'platform', 'hosts'];

/**
 * Imported JSON data without its top-level `about` note (a note anywhere else is data and stays), and, unless
 * `adapters`, the sites without their adapters.
 */
function data({ adapters }) {
  return {
    name: 'data-without-notes',
    setup(bundler) {
      bundler.onLoad({ filter: /\/data\/.*\.json$/ }, async ({ path }) => {
        const data = JSON.parse(await readFile(path, 'utf8'));
        delete data.about;
        if (!adapters && path.endsWith('/data/sites.json')) {
          data.sites = data.sites.map((site) => Object.fromEntries(SITE_FACTS.map((key) => [key, site[key]])));
        }
        return { contents: JSON.stringify(data), loader: 'json' };
      });
    },
  };
}

const common = { bundle: true, minify: true, target: 'chrome116', logLevel: 'warning' };
await Promise.all([
  build({
    entryPoints: [glue],
    minify: true,
    format: 'esm',
    logLevel: 'warning',
    outfile: `${outdir}/pkg/stratege.js`,
  }),
  build({ entryPoints: ['extension/*.css'], minify: true, logLevel: 'warning', outdir }),
  build({
    ...common,
    entryPoints: [
      'extension/worker.js',
      'extension/review-worker.js',
      'extension/review-host.js',
      'extension/options.js',
      'extension/popup.js',
    ],
    format: 'esm',
    external: ['./pkg/stratege.js'],
    plugins: [data({ adapters: false })],
    outdir,
  }),
  build({
    ...common,
    entryPoints: ['extension/content/main.js'],
    format: 'iife',
    plugins: [data({ adapters: true })],
    outfile: `${outdir}/content.js`,
  }),
]);
