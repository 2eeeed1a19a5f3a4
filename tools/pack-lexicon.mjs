// Packs one language's hashtag lexicon from data/hashtags/<lang>/ into the single file the extension's service
// worker loads once (wasm export `load_lexicon`): `STRATEGE-LEXICON 5\n`, then sections `name\nbyte length\nbytes`,
// all of it compressed as one LZMA stream (`xz --format=lzma`, from XZ Utils). The Hunspell .aff goes as it is; the
// .dic front-coded, the word lists, their counts and the bigrams in the binary form that src/hashtags/packed.rs reads
// (counts as their logarithms: words' to 1/1024 of a nat, bigrams' to 1/64). The French lexicon derives the rest of
// its words, its names and its form filter from the .aff and .dic when it loads (src/hashtags/dictionary.rs), after
// the listed words: the ids of the bigrams are those of words.txt. Deterministic: the same data files (and the same
// xz) give the same bytes.
//
//     node tools/pack-lexicon.mjs en dist/chrome/lexicon/en.bin
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [lang, out] = process.argv.slice(2);
if (!['en', 'fr'].includes(lang) || !out) {
  console.error('usage: node tools/pack-lexicon.mjs en|fr OUT');
  process.exit(2);
}
const dir = new URL(`../data/hashtags/${lang}/`, import.meta.url).pathname;
const file = (name) => readFileSync(join(dir, name));
const text = (name) => file(name).toString('utf8');

/** LEB128 varint bytes of a non-negative integer (a BigInt: web counts pass 2^32). */
function varint(n, into) {
  let v = BigInt(n);
  do {
    const low = Number(v & 0x7fn);
    v >>= 7n;
    into.push(v > 0n ? low | 0x80 : low);
  } while (v > 0n);
}

/** `word<TAB>count` lines, most frequent first, as [word, BigInt count] pairs. */
function wordLines(name) {
  return text(name)
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [word, count] = line.split('\t');
      if (!/^[1-9]\d*$/.test(count ?? '')) throw new Error(`${name}: bad count in ${JSON.stringify(line)}`);
      return [word, BigInt(count)];
    });
}

/** Word counts are kept as round(ln(count) × this): a word's cost is then off by at most 1/1024 nat (half a step in
 * its count and in the total), and the English counts zip to 5 KB instead of 66 (src/hashtags/packed.rs). */
const WORD_STEPS_PER_NAT = 1024;

/** A word count as the packed format keeps it. */
const wordSteps = (count) => Math.round(Math.log(Number(count)) * WORD_STEPS_PER_NAT);

/** Each count's steps (`wordSteps`) as their fall from the ones before (the first as they are). */
function fallingCounts(counts, name) {
  const bytes = [];
  counts.forEach((count, i) => {
    const step = i === 0 ? wordSteps(count) : wordSteps(counts[i - 1]) - wordSteps(count);
    if (step < 0) throw new Error(`${name} is not most frequent first`);
    varint(step, bytes);
  });
  return Buffer.from(bytes);
}

/** Bigram counts are kept as round(ln(count) × this): a bigram's cost is then off by at most 1/128 nat (0.8 % of its
 * count), and the English bigrams zip to 108 KB instead of 227 (src/hashtags/packed.rs). */
const BIGRAM_STEPS_PER_NAT = 64;

/** Each line of a text as one byte (how many bytes it begins with of the line before, at most 255), its other bytes
 * and `\n`: the .dic files, about sorted, zip to 76 % (English) and 80 % (French) of their text's size. */
function frontCoded(body) {
  const parts = [];
  let previous = Buffer.alloc(0);
  for (const line of body.toString('utf8').split('\n')) {
    const bytes = Buffer.from(line);
    let shared = 0;
    while (shared < 255 && shared < bytes.length && shared < previous.length && bytes[shared] === previous[shared]) {
      shared++;
    }
    parts.push(Buffer.from([shared]), bytes.subarray(shared), Buffer.from('\n'));
    previous = bytes;
  }
  return Buffer.concat(parts);
}

/** The `words` and `counts` sections of a word list (src/hashtags/packed.rs). */
function packWords(rows, name) {
  const parts = [];
  let previous = Buffer.alloc(0);
  rows.forEach(([word, count], i) => {
    const bytes = Buffer.from(word);
    if (i > 0 && wordSteps(count) === wordSteps(rows[i - 1][1])) {
      let shared = 0;
      while (shared < 255 && shared < bytes.length && shared < previous.length && bytes[shared] === previous[shared]) {
        shared++;
      }
      parts.push(Buffer.from([shared]), bytes.subarray(shared));
    } else {
      parts.push(bytes);
    }
    parts.push(Buffer.from('\n'));
    previous = bytes;
  });
  return [
    Buffer.concat(parts),
    fallingCounts(
      rows.map(([, count]) => count),
      name,
    ),
  ];
}

const words = wordLines('words.txt');
// Ids as src/hashtags/lexicon.rs gives them: an elided word without its apostrophe, the first id of a word listed
// twice.
const ids = new Map();
words.forEach(([word], id) => {
  const key = word.replace(/'$/, '');
  if (!ids.has(key)) ids.set(key, id);
});
// A pair listed twice keeps its last count (as src/hashtags/lexicon.rs reads the text); pairs sorted by ids.
const pairs = new Map();
for (const line of text('bigrams.txt').split('\n').filter(Boolean)) {
  const [pair, count] = line.split('\t');
  const [first, second] = pair.split(' ').map((w) => ids.get(w.replace(/'$/, '')));
  // The lexicon would find a word derived at load that words.txt lacks: no pair of one is written.
  if (first === undefined || second === undefined) throw new Error(`bigrams.txt: a word words.txt lacks in ${line}`);
  if (!/^\d+$/.test(count ?? '') || BigInt(count) === 0n) throw new Error(`bigrams.txt: bad count in ${line}`);
  pairs.set(`${first} ${second}`, [first, second, Math.round(Math.log(Number(count)) * BIGRAM_STEPS_PER_NAT)]);
}
const sorted = [...pairs.values()].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
// Three columns: each first id's step from the one before, each second id (its step from the one before under the
// same first id), each quantised count.
const bigramBytes = [];
varint(sorted.length, bigramBytes);
sorted.forEach(([first], i) => {
  varint(first - (i ? sorted[i - 1][0] : 0), bigramBytes);
});
sorted.forEach(([first, second], i) => {
  varint(i && sorted[i - 1][0] === first ? second - sorted[i - 1][1] : second, bigramBytes);
});
for (const [, , steps] of sorted) varint(steps, bigramBytes);

const [wordBytes, countBytes] = packWords(words, 'words.txt');
const sections = [
  ['lang', Buffer.from(lang)],
  ['aff', file('index.aff')],
  ['dic', frontCoded(file('index.dic'))],
  ['words', wordBytes],
  ['counts', countBytes],
  ['bigrams', Buffer.from(bigramBytes)],
];
// French words are forms dictionary-fr accepts (tools/hashtag_data.py), and the dictionary's other words are derived
// at load; English ones are web counts.
sections.push(['words-from-dictionary', Buffer.from(lang === 'fr' ? 'yes' : 'no')]);
sections.push(['dictionary-prior', Buffer.from(lang === 'fr' ? 'yes' : 'no')]);

const parts = [Buffer.from('STRATEGE-LEXICON 5\n')];
for (const [name, body] of sections) parts.push(Buffer.from(`${name}\n${body.length}\n`), body);
// LZMA at xz's strongest preset, with a 512 KiB window (the decoder's buffer: a 1 MiB one gains 0.1 KB on English
// and 2 KB on French) and no position bits (the sections are bytes, not words: 0.5-1.5 KB less). The header's unpacked
// size (8 bytes little-endian at 5, which xz leaves unknown, ending the stream with a marker) is filled in: the
// reader allocates it once (src/hashtags/packed.rs).
const sectionBytes = Buffer.concat(parts);
const lzma = execFileSync('xz', ['--format=lzma', '--lzma1=preset=9e,dict=512KiB,pb=0', '--stdout'], {
  input: sectionBytes,
  maxBuffer: 1 << 26,
});
lzma.writeBigUInt64LE(BigInt(sectionBytes.length), 5);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, lzma);
