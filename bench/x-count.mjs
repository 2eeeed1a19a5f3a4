// X counting speed: the Stratège wasm core (called from JS, string transfer and report conversion included) against
// twitter-text's parseTweet, on the same mixed texts of 280 and 25,000 characters, in one run. The counter asks for
// the length only; the whole check (hashtags and language too, the review lane without dictionaries) is timed beside.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mixedText } from '../tests/support/mixed-text.mjs';

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

const COUNTER = Object.freeze({ platform: 'x', premium: true, length_only: true });
const WHOLE = Object.freeze({ platform: 'x', premium: true });

export async function benchXCount() {
  const glue = await import(new URL('dist/chrome/pkg/stratege.js', ROOT));
  await glue.default({ module_or_path: readFileSync(new URL('dist/chrome/pkg/stratege_bg.wasm', ROOT)) });
  const checker = new glue.Checker();
  const rows = [];
  for (const size of [280, 25_000]) {
    const text = mixedText(size, size);
    const ours = checker.check(text, COUNTER).length.count;
    const theirs = twitter.parseTweet(text).weightedLength;
    const stratege = time(() => checker.check(text, COUNTER));
    const whole = time(() => checker.check(text, WHOLE));
    const reference = time(() => twitter.parseTweet(text));
    rows.push({ size: text.length, stratege, whole, reference, ratio: reference / stratege, same: ours === theirs });
  }
  return rows;
}
