// `make bench`: X counting speed against twitter-text, keystroke→counter latency and crop-preview time in Chromium
// under both CSP modes, and the sizes of what ships. One run, printed as a table with ratios; nothing here asserts a time.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { benchXCount } from './x-count.mjs';
import { benchHashtags } from './hashtags.mjs';
import { benchTone } from './tone.mjs';
import { benchMedia, compareSmartcrop, mediaWasmSize } from './media.mjs';
import { benchPopup } from './popup.mjs';
import { workerWasmMemory } from './worker-memory.mjs';
import { zipDir } from '../tools/package.mjs';
import { benchLanes } from './lanes.mjs';
import { launch } from '../tests/e2e/harness.mjs';
import { openComposer } from '../tests/e2e/composers.mjs';
import { percentile, typeMeasuringLatency } from '../tests/e2e/latency.mjs';

const ROOT = new URL('../', import.meta.url).pathname;
const DIST = join(ROOT, 'dist/chrome');
const LATENCY_TEXT = 'Launching our spring menu today! 🌸 Book a table: https://example.com/menu 中文 ';

function dirSize(dir) {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => {
    const path = join(dir, e.name);
    return sum + (e.isDirectory() ? dirSize(path) : statSync(path).size);
  }, 0);
}

async function latency(csp) {
  const h = await launch({ extensionDir: DIST, csp });
  try {
    const samples = { total: [], stratege: [] };
    for (const name of ['x-home', 'fb-post', 'ig-caption']) {
      const { page, editor } = await openComposer(h, name);
      await page.waitForFunction(() => document.querySelector('stratege-ui')?.shadowRoot.querySelector('[data-count]'));
      const typed = await typeMeasuringLatency(page, editor, LATENCY_TEXT);
      samples.total.push(...typed.total);
      samples.stratege.push(...typed.stratege);
      await page.close();
    }
    return samples;
  } finally {
    await h.close();
  }
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const us = (n) => (n >= 1000 ? `${(n / 1000).toFixed(2)} ms` : `${n.toFixed(1)} µs`);

console.log(
  '## X weighted length: Stratège wasm (from JS, string transfer and report conversion included) vs twitter-text parseTweet\n',
);
console.log(
  '| text | Stratège, the counter (`Checker.count`, as the extension calls it) | twitter-text | ratio | same count | Stratège, whole check without dictionaries |',
);
console.log('|---|---:|---:|---:|---|---:|');
for (const row of await benchXCount()) {
  console.log(
    `| ${row.size.toLocaleString('en')} chars | ${us(row.stratege)} | ${us(row.reference)} | ${row.ratio.toFixed(1)}× | ${row.same ? 'yes' : 'NO'} | ${us(row.whole)} |`,
  );
}

console.log('\n## Reply tone (evaluation data kept apart from training: bench/data/tone/ORIGIN.md)\n');
console.log('| what | measured | target |');
console.log('|---|---:|---|');
for (const row of await benchTone()) {
  console.log(`| ${row.what} | ${row.value} | ${row.target} |`);
}

console.log('\n## Keystroke→counter latency in Chromium (X, Facebook, Instagram composers)\n');
console.log("| core runs in | keys | p50 | p95 | after the editor's own change: p50 | p95 |");
console.log('|---|---:|---:|---:|---:|---:|');
for (const [csp, where] of [
  ['site', "the page (sites' CSP)"],
  ['strict', 'the service worker (strict CSP)'],
]) {
  const { total, stratege } = await latency(csp);
  const ms = (l, p) => `${percentile(l, p).toFixed(1)} ms`;
  console.log(
    `| ${where} | ${total.length} | ${ms(total, 50)} | ${ms(total, 95)} | ${ms(stratege, 50)} | ${ms(stratege, 95)} |`,
  );
}

console.log(
  "\n## Keystroke→counter in X's composer, quiet and under a heavy review in another tab (bench/lanes.mjs)\n",
);
console.log("| core runs in | keys | p50 | p95 | after the editor's own change: p50 | p95 | the heavy review |");
console.log('|---|---:|---:|---:|---:|---:|---|');
{
  const lanes = await benchLanes(DIST);
  for (const row of lanes.rows) {
    const ms = (n) => (n === undefined ? '—' : `${n.toFixed(1)} ms`);
    console.log(
      `| ${row.what} | ${row.keys} | ${ms(row.p50)} | ${ms(row.p95)} | ${ms(row.ownP50)} | ${ms(row.ownP95)} | ${row.note} |`,
    );
  }
  console.log(
    `\nMemory per open tab (the content script's wasm instance, sites' CSP): ${(lanes.tab.memory / 1048576).toFixed(1)} MB of linear memory + the ${kb(lanes.tab.module)} module`,
  );
}

console.log('\n## Crop previews: a 12-megapixel JPEG photo attached in Chromium, from `change`\n');
console.log('| photo | core runs in | until | bytes | first attach | samples | p50 | p95 | target |');
console.log('|---|---|---|---:|---:|---:|---:|---:|---|');
for (const row of await benchMedia()) {
  console.log(
    `| ${row.photo} | ${row.where} | ${row.stage} | ${kb(row.bytes)} | ${row.first.toFixed(0)} ms | ${row.samples} | ${row.p50.toFixed(0)} ms | ${row.p95.toFixed(0)} ms | p95 ≤ 30 ms (issue 9) |`,
  );
}

console.log('\n## Saliency: the wasm core against smartcrop.js on the same analysis-size pixels (Node, same run)\n');
console.log('| scene (512 px) | surface | framing suggested | wasm (all surfaces) | smartcrop.js (one crop) | IoU |');
console.log('|---|---|---|---:|---:|---:|');
{
  const { rows, ratio } = await compareSmartcrop();
  for (const row of rows) {
    console.log(
      `| ${row.name} | ${row.surface} | ${row.suggested ? 'yes' : 'no'} | ${row.wasm.toFixed(1)} ms | ${row.smartcrop.toFixed(1)} ms | ${row.iou.toFixed(2)} |`,
    );
  }
  const mean = rows.reduce((sum, row) => sum + row.iou, 0) / rows.length;
  console.log(`| all | | | | ${ratio.toFixed(1)}× slower (target: wasm ≥ 3× faster) | mean ${mean.toFixed(2)} |`);
}

console.log('\n## Toolbar popup in Chromium (popup.html, the schedule drawn by the core from Rust)\n');
console.log('| what | opens | p50 | p95 |');
console.log('|---|---:|---:|---:|');
{
  const popup = await benchPopup(DIST);
  for (const [what, samples] of [
    ['first contentful paint', popup.paint],
    ['schedule drawn (wasm compiled, day computed, DOM built)', popup.drawn],
  ]) {
    console.log(
      `| ${what} | ${popup.opens} | ${popup.p(samples, 50).toFixed(1)} ms | ${popup.p(samples, 95).toFixed(1)} ms |`,
    );
  }
}

const wasm = readFileSync(join(DIST, 'pkg/stratege_bg.wasm'));
console.log('\n## Sizes\n');
console.log('| what | size |');
console.log('|---|---:|');
console.log(`| stratege_bg.wasm | ${kb(wasm.length)} (${kb(gzipSync(wasm, { level: 9 }).length)} gzip) |`);
const media = mediaWasmSize();
console.log(
  `| of which the media analysis (\`analyse_media\` and what only it reaches) | ${kb(media.shipped - media.without)} |`,
);
console.log(`| content.js | ${kb(statSync(join(DIST, 'content.js')).size)} |`);
console.log(`| popup.js | ${kb(statSync(join(DIST, 'popup.js')).size)} |`);
for (const lang of ['en', 'fr']) {
  const bin = readFileSync(join(DIST, `lexicon/${lang}.bin`));
  console.log(
    `| lexicon/${lang}.bin (loaded once by the service worker) | ${kb(bin.length)} (${kb(gzipSync(bin, { level: 9 }).length)} gzip) |`,
  );
}
console.log(`| dist/chrome | ${kb(dirSize(DIST))} |`);
{
  const dir = mkdtempSync(join(tmpdir(), 'stratege-zip-'));
  zipDir(DIST, join(dir, 'chrome.zip')); // as `make package` zips it
  console.log(
    `| the Chrome package (\`make package\`: stratege-chrome.zip) | ${kb(statSync(join(dir, 'chrome.zip')).size)} |`,
  );
  rmSync(dir, { recursive: true, force: true });
}
{
  const { service, review } = await workerWasmMemory(DIST);
  const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
  console.log(
    `| the review Worker's WebAssembly memory after a review, both dictionaries loaded (Chromium) | ${mb(review)} |`,
  );
  console.log(
    `| the service worker's WebAssembly memory then (the counter's checker, no dictionaries) | ${mb(service)} |`,
  );
}

console.log('\n## Hashtag spell-check in wasm (bench/hashtags.mjs: tag sets and seeded typos of tests/data/)\n');
console.log('| what | value |');
console.log('|---|---:|');
for (const row of (await benchHashtags()).rows) console.log(`| ${row.what} | ${row.value} |`);
