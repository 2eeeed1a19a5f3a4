// X counting speed: the Stratège wasm core (called from JS, string transfer and report conversion included) against
// twitter-text's parseTweet, on the same mixed texts of 280 and 25,000 characters, in one run. The counter row times
// what the extension's counter calls (extension/content/core.js `counterOf`, with one options object, as a composer
// sends it until its settings change); the whole check (hashtags and language too, the review lane without dictionaries) is timed
// beside. The three are timed in alternating slices, each the fastest of its slices, so that the ratios compare
// them under the same load on a shared machine.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mixedText } from '../tests/support/mixed-text.mjs';
import { counterOf } from '../extension/content/core.js';

const require = createRequire(import.meta.url);
const twitter = require('twitter-text');
const ROOT = new URL('../', import.meta.url);

/** Mean time of one call, in microseconds, over at least `minMs` of repeated calls after a warm-up. */
export function time(fn, minMs = 400) {
  for (let i = 0; i < 20; i++) fn();
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < 10; i++) fn();
    calls += 10;
    elapsed = performance.now() - start;
  }
  return (elapsed * 1000) / calls;
}

/**
 * Mean times of one call of each function, in microseconds: `slices` rounds in which each function runs for
 * `sliceMs` in turn (after a warm-up), the fastest round of each counting.
 */
export function timeTogether(fns, slices = 8, sliceMs = 80) {
  const best = fns.map(() => Number.POSITIVE_INFINITY);
  for (let round = 0; round < slices; round++) {
    fns.forEach((fn, i) => {
      best[i] = Math.min(best[i], time(fn, sliceMs));
    });
  }
  return best;
}

/** The options of an X composer (extension/content/main.js `optionsFor`), for a Premium account. */
const OPTIONS = Object.freeze({ platform: 'x', reply: false, premium: true, auto_mentions: false, tone: 'off' });
/** The counter's options, as a composer keeps them (extension/content/composer.js `countOptions`). */
const COUNT_OPTIONS = Object.freeze({ ...OPTIONS, length_only: true });

export async function benchXCount() {
  const glue = await import(new URL('dist/chrome/pkg/stratege.js', ROOT));
  await glue.default({ module_or_path: readFileSync(new URL('dist/chrome/pkg/stratege_bg.wasm', ROOT)) });
  const checker = new glue.Checker();
  const counter = counterOf(new glue.Checker());
  const rows = [];
  for (const size of [280, 25_000]) {
    const text = mixedText(size, size);
    const ours = counter(text, COUNT_OPTIONS).length.count;
    const theirs = twitter.parseTweet(text).weightedLength;
    const [stratege, whole, reference] = timeTogether([
      () => counter(text, COUNT_OPTIONS),
      () => checker.check(text, OPTIONS),
      () => twitter.parseTweet(text),
    ]);
    rows.push({ size: text.length, stratege, whole, reference, ratio: reference / stratege, same: ours === theirs });
  }
  return rows;
}

// `node bench/x-count.mjs`: these rows alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await benchXCount()) {
    const cells = ['stratege', 'reference', 'whole'].map((k) => `${k} ${row[k].toFixed(1)} µs`).join(', ');
    console.log(`${row.size} chars: ${cells}, ratio ${row.ratio.toFixed(1)}×, same count: ${row.same}`);
  }
}
