// Differential test of the X weighted length: npm twitter-text 3.1.0 `parseTweet` against the Stratège core, on
// 200,000 texts from a seeded generator (mixed-script domains and paths included), in batches: the core counts one
// batch in its own process while twitter-text counts the same batch here. Texts holding an RGI emoji sequence that twemoji-parser 11 (twitter-text's
// emoji data) does not take as one emoji are left out and counted: there Stratège deliberately differs (every
// RGI sequence of Unicode 16 weighs 2; see ../shared/twitter-text/README.md), which tests/twitter_count.rs covers.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { generate, WITH_DOMAINS } from '../support/mixed-text.mjs';

const require = createRequire(import.meta.url);
const twitter = require('twitter-text');
const twemoji = require('twemoji-parser');
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// How the test reaches the core: one process for every text, one JSON line in and one JSON report out per text
// (contract: `stratege check --jsonl`, report field `length.count`; `length.valid` is compared when present).
// STRATEGE_CORE="path args..." (relative to the repository) runs another build of the same contract.
const CORE = process.env.STRATEGE_CORE?.split(' ') ?? ['target/release/stratege', 'check', '--jsonl'];

const COUNT = 200_000;
const BATCH = 10_000;
// Mostly short posts, as typed: 10% of 60 to 260 tokens, 0.1% of 1,000 to 4,000 (the time goes to the long ones).
const LENGTHS = { medium: 0.099, long: 0.001 };

// X's weight ranges, from the project's copy of twitter-text's configuration (the same file the core reads).
const V3 = JSON.parse(readFileSync(new URL('../../data/twitter/v3.json', import.meta.url), 'utf8'));

// An RGI emoji sequence (of Node's Unicode version) that twemoji-parser does not hold within one emoji entity:
// Stratège counts it as 2 on purpose. A single code point weighing 2 as a character (e.g. U+1F9B0 🦰, unknown
// to twemoji-parser 11) is no such sequence: twitter-text counts it 2 as well, so texts holding one stay in.
const weighsOneAsCharacter = (cp) => V3.ranges.some((r) => r.start <= cp && cp <= r.end && r.weight === V3.scale);
function hasSequenceUnknownToReference(text) {
  const normalized = text.normalize();
  const entities = twemoji.parse(normalized).map((e) => e.indices);
  for (const m of normalized.matchAll(/\p{RGI_Emoji}/gv)) {
    const [start, end] = [m.index, m.index + m[0].length];
    const codePoints = [...m[0]];
    if (codePoints.length === 1 && !weighsOneAsCharacter(codePoints[0].codePointAt(0))) continue;
    if (!entities.some(([s, e]) => s <= start && end <= e)) return true;
  }
  return false;
}

/** Starts the core on `texts`; resolves to one report per text. */
function runCore(texts) {
  const [cmd, ...args] = CORE;
  const bin = new URL(cmd, `file://${ROOT}`);
  assert.ok(existsSync(bin), `core binary missing: ${fileURLToPath(bin)} (build it first: cargo build --release)`);
  const child = spawn(fileURLToPath(bin), args, { cwd: ROOT });
  const out = [];
  const err = [];
  child.stdout.on('data', (d) => out.push(d));
  child.stderr.on('data', (d) => err.push(d));
  child.stdin.end(`${texts.map((text) => JSON.stringify({ platform: 'x', text, length_only: true })).join('\n')}\n`);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      if (status !== 0) return reject(new Error(`${cmd} failed (${status}): ${Buffer.concat(err)}`));
      const lines = Buffer.concat(out)
        .toString('utf8')
        .split('\n')
        .filter((l) => l !== '');
      if (lines.length !== texts.length) return reject(new Error(`${lines.length} reports for ${texts.length} texts`));
      resolve(lines.map((l) => JSON.parse(l)));
    });
  });
}

const jsonAscii = (s) =>
  JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

test('X weighted length: twitter-text 3.1.0 vs the Stratège core', async () => {
  const texts = generate(20260401, COUNT, WITH_DOMAINS, LENGTHS);
  const compared = texts.filter((t) => !hasSequenceUnknownToReference(t));
  const excluded = texts.length - compared.length;
  const mismatches = [];
  let validCompared = 0;
  for (let from = 0; from < compared.length; from += BATCH) {
    const batch = compared.slice(from, from + BATCH);
    const reports = runCore(batch);
    const wanted = batch.map((text) => twitter.parseTweet(text));
    (await reports).forEach(({ length }, i) => {
      const text = batch[i];
      const want = wanted[i];
      assert.ok(length, `no length in the report for ${jsonAscii(text)}`);
      const got = { weightedLength: length.count, over: length.over };
      if (typeof length.valid === 'boolean') {
        got.valid = length.valid;
        validCompared++;
      }
      const expected = { weightedLength: want.weightedLength, over: want.weightedLength > 280 };
      if ('valid' in got) expected.valid = want.valid;
      if (JSON.stringify(got) !== JSON.stringify(expected)) mismatches.push({ text, expected, got });
    });
  }
  console.log(
    `x-count: ${texts.length} generated, ${compared.length} compared, ${excluded} excluded ` +
      `(RGI sequence unknown to twemoji-parser 11), valid compared on ${validCompared}, ${mismatches.length} mismatches`,
  );
  for (const m of mismatches.slice(0, 10)) {
    console.log(
      `  ${jsonAscii(m.text)}\n    twitter-text ${JSON.stringify(m.expected)}\n    stratege     ${JSON.stringify(m.got)}`,
    );
  }
  assert.ok(compared.length >= 190_000, `only ${compared.length} texts compared`);
  assert.equal(mismatches.length, 0, `${mismatches.length} mismatches`);
});
