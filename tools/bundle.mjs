// `make build`: the extension's scripts and style sheets, bundled and minified by esbuild into dist/chrome/. The data
// files the scripts import (data/*.json: the platforms, the sites, the media rules, the best-time priors) are read
// without their `about` notes, which document a file for its readers and which no script reads (4 KB in each of the
// four bundles that import them). Usage: node tools/bundle.mjs OUTDIR WASM_GLUE
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';

const [outdir, glue] = process.argv.slice(2);
if (!outdir || !glue) throw new Error('usage: node tools/bundle.mjs OUTDIR WASM_GLUE');

/** Imported JSON data without its top-level `about` note (a note anywhere else is data and stays). */
const withoutNotes = {
  name: 'data-without-notes',
  setup(bundler) {
    bundler.onLoad({ filter: /\/data\/.*\.json$/ }, async ({ path }) => {
      const data = JSON.parse(await readFile(path, 'utf8'));
      delete data.about;
      return { contents: JSON.stringify(data), loader: 'json' };
    });
  },
};

const common = { bundle: true, minify: true, target: 'chrome116', logLevel: 'warning', plugins: [withoutNotes] };
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
    outdir,
  }),
  build({ ...common, entryPoints: ['extension/content/main.js'], format: 'iife', outfile: `${outdir}/content.js` }),
]);
