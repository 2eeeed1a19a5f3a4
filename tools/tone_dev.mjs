// The tone analyser on the development data only (data/tone/ORIGIN.md says which set chose which constant):
// ConvAbuse `valid`, MLMA French development (HITId % 5 == 1), data/tone/dev_{en,fr}.tsv and the development
// templates of both HateCheck suites, per functionality. Never reads an evaluation set. After `make build`:
//   node tools/tone_dev.mjs
// With `--dump FILE` it writes the same cases as JSON lines for the choice of the analyser's constants
// (src/tone/grid.rs) instead.
import { readFileSync, writeFileSync } from 'node:fs';
import { convAbuse, expectation, hateCheck, mlma, rocAuc } from '../bench/tone.mjs';

const ROOT = new URL('../', import.meta.url);
const glue = await import(new URL('dist/chrome/pkg/stratege.js', ROOT));
await glue.default({ module_or_path: readFileSync(new URL('dist/chrome/pkg/stratege_bg.wasm', ROOT)) });
const checker = new glue.Checker();
const tone = (text, lang) => checker.check(text, { platform: 'x', reply: true, lang }).tone;

/** data/tone/dev_{en,fr}.tsv: label<TAB>text, # comments. */
const ownDev = (name) =>
  readFileSync(new URL(`data/tone/${name}`, ROOT), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => ({ positive: l.split('\t')[0] === '1', text: l.slice(l.indexOf('\t') + 1) }));

const SETS = [
  ['ConvAbuse valid', 'convabuse', convAbuse('valid'), 'en'],
  ['MLMA French development', 'mlma', mlma(1), 'fr'],
  ['dev_en.tsv', 'dev_en', ownDev('dev_en.tsv'), 'en'],
  ['dev_fr.tsv', 'dev_fr', ownDev('dev_fr.tsv'), 'fr'],
];

const dump = process.argv.indexOf('--dump');
if (dump !== -1) {
  const rows = [];
  for (const [, set, cases, lang] of SETS) {
    for (const { text, positive } of cases)
      rows.push({ set, lang, functionality: '', want: positive ? 'flag' : 'ok', text });
  }
  for (const lang of ['en', 'fr']) {
    for (const c of hateCheck(lang, 'development')) {
      rows.push({
        set: 'hatecheck',
        lang,
        functionality: c.functionality,
        want: expectation(c.functionality),
        text: c.text,
      });
    }
  }
  writeFileSync(process.argv[dump + 1], rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
  process.exit(0);
}

const f1s = [];
for (const [name, , cases, lang] of SETS) {
  const scored = cases.map(({ text, positive }) => {
    const t = tone(text, lang);
    const strict = checker.check(text, { platform: 'x', reply: true, lang, tone: 'strict' }).tone;
    return { positive, score: t.score, flagged: t.level !== 'ok', strict: strict.level !== 'ok' };
  });
  const tp = scored.filter((s) => s.positive && s.flagged).length;
  const precision = tp / scored.filter((s) => s.flagged).length;
  const recall = tp / scored.filter((s) => s.positive).length;
  const f1 = (2 * precision * recall) / (precision + recall);
  f1s.push(f1);
  console.log(
    `${name}: P ${precision.toFixed(3)} R ${recall.toFixed(3)} F1 ${f1.toFixed(3)} AUC ${rocAuc(scored).toFixed(3)}; ` +
      `not to flag, flagged at strict: ${scored.filter((s) => !s.positive && s.strict).length} of ${scored.filter((s) => !s.positive).length}`,
  );
}
console.log(`mean F1 ${(f1s.reduce((a, b) => a + b, 0) / f1s.length).toFixed(3)}`);

for (const lang of ['en', 'fr']) {
  const cases = hateCheck(lang, 'development').map((c) => ({ ...c, level: tone(c.text, lang).level }));
  const right = (c) => {
    const want = expectation(c.functionality);
    return want === 'flag' ? c.level !== 'ok' : want === 'calm' ? c.level !== 'hostile' : c.level === 'ok';
  };
  const share = (list) => `${(list.filter(right).length / list.length).toFixed(2)} (${list.length})`;
  const line = [...new Set(cases.map((c) => c.functionality))]
    .sort()
    .map((f) => `${f} ${share(cases.filter((c) => c.functionality === f))}`);
  const flag = cases.filter((c) => expectation(c.functionality) === 'flag');
  const toYou = cases.filter((c) => c.toYou);
  const leave = cases.filter((c) => expectation(c.functionality) !== 'flag');
  console.log(
    `HateCheck ${lang} development: to flag ${share(flag)}, aimed at "you" ${share(toYou)}, to leave ${share(leave)}; ${line.join(', ')}`,
  );
}
