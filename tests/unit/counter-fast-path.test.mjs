// The counter's fast path as the content script reads it (extension/content/core.js `counterOf`: the options set
// once, one packed number per text) against the core's whole check of the same text with `length_only`: the same
// platform and length, feed cut included, for every platform and texts short, long, over the limit, in lines and
// with unpaired surrogates. Runs on the built wasm (dist/chrome/pkg), in Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { counterOf } from '../../extension/content/core.js';
import { mixedText } from '../support/mixed-text.mjs';

const PKG = new URL('../../dist/chrome/pkg/', import.meta.url);
const PLATFORMS = ['x', 'instagram', 'facebook', 'threads', 'bluesky', 'mastodon'];

function texts() {
  const out = ['', 'Hello', 'one\ntwo\nthree\nfour\nfive', 'a\ud800b\udc00 lone halves', '中'.repeat(141)];
  for (let seed = 1; seed <= 40; seed++) out.push(mixedText(seed * 37, seed));
  out.push(mixedText(30_000, 99));
  return out;
}

test('the counter fast path unpacks to the length of the whole check', {
  skip: !existsSync(new URL('stratege_bg.wasm', PKG)) && 'make build first',
}, async () => {
  const glue = await import(new URL('stratege.js', PKG));
  await glue.default({ module_or_path: readFileSync(new URL('stratege_bg.wasm', PKG)) });
  const checker = new glue.Checker();
  const counter = counterOf(new glue.Checker());
  let cuts = 0;
  for (const platform of PLATFORMS) {
    for (const reply of [false, true]) {
      const options = { platform, reply, premium: false, tone: 'off', length_only: true };
      for (const text of texts()) {
        const whole = checker.check(text, options);
        const fast = counter(text, options);
        assert.equal(fast.platform, whole.platform);
        assert.deepEqual(fast.length, whole.length, `${platform} ${JSON.stringify(text.slice(0, 40))}`);
        if (fast.length.preview_cut !== undefined) cuts++;
      }
    }
  }
  assert.ok(cuts > 0, 'some texts are cut by a feed');
});
