// Packs one language's hashtag lexicon from data/hashtags/<lang>/ into the single file the extension's service
// worker loads once (wasm export `load_lexicon`): `STRATEGE-LEXICON 1\n`, then sections `name\nbyte length\nbytes`.
// Deterministic: the same data files give the same bytes.
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
const sections = [
  ['lang', Buffer.from(lang)],
  ['aff', file('index.aff')],
  ['dic', file('index.dic')],
  ['words', file('words.txt')],
  ['bigrams', file('bigrams.txt')],
];
if (lang === 'fr') sections.push(['names', file('names.txt')], ['forms', file('forms.bloom')]);
// French words are forms dictionary-fr accepts (tools/hashtag_data.py); English ones are web counts.
sections.push(['words-from-dictionary', Buffer.from(lang === 'fr' ? 'yes' : 'no')]);

const parts = [Buffer.from('STRATEGE-LEXICON 1\n')];
for (const [name, body] of sections) parts.push(Buffer.from(`${name}\n${body.length}\n`), body);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, Buffer.concat(parts));
