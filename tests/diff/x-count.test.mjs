// Differential test of the X weighted length: npm twitter-text 3.1.0 `parseTweet` against the Stratège core, on
// 6,000 texts from a seeded generator. Texts holding an RGI emoji sequence that twemoji-parser 11 (twitter-text's
// emoji data) does not take as one emoji are left out and counted: there Stratège deliberately differs (every
// RGI sequence of Unicode 16 weighs 2; see ../shared/twitter-text/README.md), which tests/twitter_count.rs covers.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const twitter = require('twitter-text');
const twemoji = require('twemoji-parser');
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// How the test reaches the core: one process for every text, one JSON line in and one JSON report out per text
// (contract: `stratege check --jsonl`, report field `length.count`; `length.valid` is compared when present).
// STRATEGE_CORE="path args..." (relative to the repository) runs another build of the same contract.
const CORE = process.env.STRATEGE_CORE?.split(' ') ?? ['target/release/stratege', 'check', '--jsonl'];

const COUNT = 6000;

// --- seeded generator (mulberry32) ---
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const POOLS = {
  word: ['the', 'Hello', 'world', 'strategy', 'post', 'X', 'a', 'ok', 'ÉTÉ', 'naïve', '2026', 'l\'été', 'don\'t'],
  space: [' ', ' ', ' ', '  ', '\n', '\n\n', '\t', '\r\n', '\u00a0', '\u2003', '\u200a', '\u3000'],
  punct: ['.', ',', '!', '?', '…', ':', ';', '-', '—', '–', '(', ')', '"', '«', '»', '“', '”', '/', '&', '%', '*', '#', '\'', '‼'],
  nfc: ['é', 'ñ', 'ü', 'Å', 'ç', 'ő', 'ệ', '가', '각', 'Ω'],
  nfd: ['e\u0301', 'n\u0303', 'u\u0308', 'A\u030a', '\u212b', 'c\u0327', 'e\u0323\u0302', '\u1100\u1161', '\u1100\u1161\u11a8', '\u2126', '\ufb2c', 'a\u0301\u0301', 'x\u0300'],
  cjk: ['故人西辞黄鹤楼', '日本語', 'テキスト', 'ｶﾀｶﾅ', '한국어', '中文，', '。'],
  script: ['Привет', 'мир', 'مرحبا', 'بالعالم', 'שלום', 'नमस्ते', 'สวัสดี', 'ελληνικά', 'ქართული', 'ሰላም', '𝕏𝕪𝕫', '𐍈'],
  emoji: ['😷', '👾', '🔥', '💩', '🐱', '☺', '☺️', '❤', '❤️', '✈', '✈️', '🏳️‍🌈', '🏴‍☠️', '👨‍👩‍👧‍👦', '👩‍❤️‍💋‍👨',
    '👍🏽', '👋🏿', '🙋🏽', '👨‍🎤', '👩🏾‍🔬', '🏃‍♀️', '🏃🏻‍♂️', '🏋️‍♀️', '⛹🏼‍♂️', '🇫🇷', '🇺🇸', '🇯🇵', '🇦', '🇦🇦',
    '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '#️⃣', '1️⃣', '1⃣', '*⃣', '©', '©️', '®️', '™', '™️', '↔', '↔️', '↔︎', '⌚', '⌚️', '☝', '☝️🏽', '☝🏽',
    '🏻', '🏽', '🏿', '\u200d', '\ufe0f', '\ufe0e', '👁‍🗨', '🧑', '⛷🏽', '👨‍🦰', '👨‍🦰‍🦰', '😷\u200d😷', '🦰', '🥰', '🦄', '🧀', '♀', '♂️', '🕵️‍♀️', '🕵🏽'],
  // Sequences twemoji-parser 11 does not know: texts holding them are left out (see above), so kept rare.
  newEmoji: ['👁️‍🗨️', '🧑‍🎤', '🐦‍⬛', '🍋‍🟩', '🙂‍↕️', '🧑‍🧑‍🧒', '🤝🏽', '🫩', '🇨🇶'],
  url: ['http://test.co', 'https://www.twitter.com/jack', 'https://example.com/path?q=1&b=2#frag', 'http://foo.bar/baz.',
    'example.com', 'www.stratege.app/docs', 't.co/abc123', 'foo.org/path)', 'https://例え.jp/テスト', 'http://foobar.پاکستان/',
    'a.b.c.museum', 'sub.domain.co.uk/x_y-z', 'HTTPS://CAPS.COM', 'http://1.2.3.4/', 'bit.ly/3xYz', 'x.com/@user',
    'https://x.com/status/1234567890123456789', 'google.com,', 'google.com.', 'email@example.com', 'ftp://nope.com', 'localhost:8080'],
  mention: ['@jack', '@Stratège', '@user_name', '@x', '.@foo', '@a/list'],
  hashtag: ['#hashtag', '#SocialMedia', '#été', '#日本', '#123', '#tag_with_underscore', '#Привет', '$TWTR', '＃fullwidth'],
  invalid: ['\ufeff', '\ufffe', '\uffff'],
  bidi: ['\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u061c'],
};
const KINDS = Object.keys(POOLS);
const WEIGHTS = { word: 12, space: 10, punct: 5, nfc: 2, nfd: 2, cjk: 3, script: 3, emoji: 8, newEmoji: 0.05, url: 4, mention: 2, hashtag: 2, invalid: 0.3, bidi: 0.7 };
const TOTAL = KINDS.reduce((s, k) => s + WEIGHTS[k], 0);

function generate(seed, count) {
  const rnd = prng(seed);
  const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
  const kind = () => {
    let x = rnd() * TOTAL;
    for (const k of KINDS) if ((x -= WEIGHTS[k]) < 0) return k;
    return 'word';
  };
  const texts = [];
  for (let i = 0; i < count; i++) {
    // Mostly short posts; some long ones (to cross 280) and a few very long ones.
    const r = rnd();
    const tokens = r < 0.8 ? 1 + Math.floor(rnd() * 30) : r < 0.97 ? 60 + Math.floor(rnd() * 200) : 1000 + Math.floor(rnd() * 3000);
    let text = '';
    for (let t = 0; t < tokens; t++) {
      const k = kind();
      // URLs, mentions and hashtags are usually separated by a space, as in real posts.
      if ((k === 'url' || k === 'mention' || k === 'hashtag') && rnd() < 0.8) text += ' ';
      text += pick(POOLS[k]);
    }
    texts.push(text);
  }
  return texts;
}

// An RGI emoji sequence (of Node's Unicode version) that twemoji-parser does not hold within one emoji entity:
// Stratège counts it as 2 on purpose. A single code point weighing 2 as a character (e.g. U+1F9B0 🦰, unknown
// to twemoji-parser 11) is no such sequence: twitter-text counts it 2 as well, so texts holding one stay in.
const weighsOneAsCharacter = (cp) => cp <= 4351 || (cp >= 8192 && cp <= 8205) || (cp >= 8208 && cp <= 8223) || (cp >= 8242 && cp <= 8247);
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

function runCore(texts) {
  const [cmd, ...args] = CORE;
  const bin = new URL(cmd, `file://${ROOT}`);
  assert.ok(existsSync(bin), `core binary missing: ${fileURLToPath(bin)} (build it first: cargo build --release)`);
  const input = texts.map((text) => JSON.stringify({ platform: 'x', text })).join('\n') + '\n';
  const run = spawnSync(fileURLToPath(bin), args, { input, cwd: ROOT, maxBuffer: 1 << 28, encoding: 'utf8' });
  assert.equal(run.status, 0, `${cmd} failed: ${run.error ?? run.stderr}`);
  const lines = run.stdout.split('\n').filter((l) => l !== '');
  assert.equal(lines.length, texts.length, 'one report line per text');
  return lines.map((l) => JSON.parse(l));
}

const escape = (s) => JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

test('X weighted length: twitter-text 3.1.0 vs the Stratège core', () => {
  const texts = generate(20260401, COUNT);
  const compared = texts.filter((t) => !hasSequenceUnknownToReference(t));
  const excluded = texts.length - compared.length;
  const reports = runCore(compared);
  const mismatches = [];
  let validCompared = 0;
  compared.forEach((text, i) => {
    const want = twitter.parseTweet(text);
    const { length } = reports[i];
    assert.ok(length, `no length in the report for ${escape(text)}: ${JSON.stringify(reports[i])}`);
    const got = { weightedLength: length.count, over: length.over };
    if (typeof length.valid === 'boolean') {
      got.valid = length.valid;
      validCompared++;
    }
    const expected = { weightedLength: want.weightedLength, over: want.weightedLength > 280 };
    if ('valid' in got) expected.valid = want.valid;
    if (JSON.stringify(got) !== JSON.stringify(expected)) mismatches.push({ text, expected, got });
  });
  console.log(`x-count: ${texts.length} generated, ${compared.length} compared, ${excluded} excluded ` +
    `(RGI sequence unknown to twemoji-parser 11), valid compared on ${validCompared}, ${mismatches.length} mismatches`);
  for (const m of mismatches.slice(0, 10)) {
    console.log(`  ${escape(m.text)}\n    twitter-text ${JSON.stringify(m.expected)}\n    stratege     ${JSON.stringify(m.got)}`);
  }
  assert.ok(compared.length >= 5000, `only ${compared.length} texts compared`);
  assert.equal(mismatches.length, 0, `${mismatches.length} mismatches`);
});
