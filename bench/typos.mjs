// Seeded typo variants of correct hashtags, for bench/hashtags.mjs: one edit (insertion, deletion, substitution or
// transposition of adjacent letters) inside a word of five letters or more, keeping the case of the letters around.
// The same seed gives the same variants.
//
//     node bench/typos.mjs [seed] [file]   prints "lang<TAB>#Typo<TAB>#Correct" lines from a file of tests/data/
//                                          (hashtags-correct.tsv by default)

import { readFileSync } from 'node:fs';
import { prng } from '../tests/support/mixed-text.mjs';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
export const OPERATIONS = ['insert', 'delete', 'substitute', 'transpose'];

/** The correct tags of a file of tests/data/: [{ lang, tag }]. */
export function correctTags(file = 'hashtags-correct.tsv') {
  const path = new URL(`../tests/data/${file}`, import.meta.url);
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [lang, tag] = l.split('\t');
      return { lang, tag };
    });
}

/** Spans [start, end) of the letter words of a tag body: CamelCase humps, or the whole run when lowercase. */
function words(body) {
  return [...body.matchAll(/\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})/gu)].map((m) => [m.index, m.index + m[0].length]);
}

function sameCase(letter, like) {
  return like === like.toUpperCase() ? letter.toUpperCase() : letter;
}

/** One typo of `tag` by `operation`, or null when it has no word long enough. */
export function typo(tag, operation, random) {
  const body = tag.slice(1);
  const long = words(body).filter(([s, e]) => e - s >= 5);
  if (long.length === 0) return null;
  const [s, e] = long[Math.floor(random() * long.length)];
  // Never the first letter of a word: it carries the CamelCase hump.
  const at = s + 1 + Math.floor(random() * (e - s - 2));
  const pick = (not) => {
    for (;;) {
      const l = LETTERS[Math.floor(random() * LETTERS.length)];
      if (l !== not.toLowerCase()) return sameCase(l, not);
    }
  };
  let out;
  switch (operation) {
    case 'insert':
      out = body.slice(0, at) + pick(body[at]) + body.slice(at);
      break;
    case 'delete':
      out = body.slice(0, at) + body.slice(at + 1);
      break;
    case 'substitute':
      out = body.slice(0, at) + pick(body[at]) + body.slice(at + 1);
      break;
    case 'transpose':
      if (body[at] === body[at + 1]) return null;
      out = body.slice(0, at) + body[at + 1] + body[at] + body.slice(at + 2);
      break;
  }
  return out === body ? null : `#${out}`;
}

/** Typo variants of the English and French tags: [{ lang, tag, correct, operation }], each operation in turn. */
export function typoVariants(seed = 20261127, perTag = 2, file = 'hashtags-correct.tsv') {
  const random = prng(seed);
  const out = [];
  let k = 0;
  for (const { lang, tag } of correctTags(file).filter((t) => t.lang === 'en' || t.lang === 'fr')) {
    for (let i = 0; i < perTag; i++) {
      const operation = OPERATIONS[k++ % OPERATIONS.length];
      const variant = typo(tag, operation, random);
      if (variant) out.push({ lang, tag: variant, correct: tag, operation });
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [seed, file] = process.argv.slice(2);
  for (const v of typoVariants(Number(seed ?? 20261127), 2, file)) console.log(`${v.lang}\t${v.tag}\t${v.correct}`);
}
