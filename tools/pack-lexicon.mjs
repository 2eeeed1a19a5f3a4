// Packs one language's hashtag lexicon from data/hashtags/<lang>/ into the single file the extension's service
// worker loads once (wasm export `load_lexicon`): `STRATEGE-LEXICON 2\n`, then sections `name\nbyte length\nbytes`.
// The Hunspell files go as they are; the word lists, their counts and the bigrams in the binary form that
// src/hashtags/packed.rs reads (exact counts, about half the bytes of the text once zipped). Deterministic: the same
// data files give the same bytes.
//
//     node tools/pack-lexicon.mjs en dist/chrome/lexicon/en.bin
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
      if (!/^\d+$/.test(count ?? '')) throw new Error(`${name}: bad count in ${JSON.stringify(line)}`);
      return [word, BigInt(count)];
    });
}

/** Each count as its fall from the one before (the first as it is). */
function fallingCounts(counts, name) {
  const bytes = [];
  counts.forEach((count, i) => {
    const step = i === 0 ? count : counts[i - 1] - count;
    if (step < 0n) throw new Error(`${name} is not most frequent first`);
    varint(step, bytes);
  });
  return Buffer.from(bytes);
}

/** The `words` and `counts` sections of a word list (src/hashtags/packed.rs). */
function packWords(rows, name) {
  const parts = [];
  let previous = Buffer.alloc(0);
  rows.forEach(([word, count], i) => {
    const bytes = Buffer.from(word);
    if (i > 0 && count === rows[i - 1][1]) {
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
const names = lang === 'fr' ? wordLines('names.txt') : [];
// Ids as src/hashtags/lexicon.rs gives them: words then names, an elided word without its apostrophe, the first id
// of a word listed twice.
const ids = new Map();
[...words, ...names].forEach(([word], id) => {
  const key = word.replace(/'$/, '');
  if (!ids.has(key)) ids.set(key, id);
});
const bigramBytes = [];
let previousCount = null;
for (const line of text('bigrams.txt').split('\n').filter(Boolean)) {
  const [pair, count] = line.split('\t');
  const [first, second] = pair.split(' ').map((w) => ids.get(w.replace(/'$/, '')));
  if (first === undefined || second === undefined) continue; // the lexicon skips them too
  const n = BigInt(count);
  if (previousCount !== null && n > previousCount) throw new Error('bigrams.txt is not most frequent first');
  varint(first, bigramBytes);
  varint(second, bigramBytes);
  varint(previousCount === null ? n : previousCount - n, bigramBytes);
  previousCount = n;
}

const [wordBytes, countBytes] = packWords(words, 'words.txt');
const sections = [
  ['lang', Buffer.from(lang)],
  ['aff', file('index.aff')],
  ['dic', file('index.dic')],
  ['words', wordBytes],
  ['counts', countBytes],
  ['bigrams', Buffer.from(bigramBytes)],
];
if (lang === 'fr') {
  const [nameBytes, nameCounts] = packWords(names, 'names.txt');
  sections.push(['names', nameBytes], ['name-counts', nameCounts], ['forms', file('forms.bloom')]);
}
// French words are forms dictionary-fr accepts (tools/hashtag_data.py); English ones are web counts.
sections.push(['words-from-dictionary', Buffer.from(lang === 'fr' ? 'yes' : 'no')]);

const parts = [Buffer.from('STRATEGE-LEXICON 2\n')];
for (const [name, body] of sections) parts.push(Buffer.from(`${name}\n${body.length}\n`), body);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, Buffer.concat(parts));
