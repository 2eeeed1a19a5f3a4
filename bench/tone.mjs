// Reply tone on evaluation data kept apart from training (bench/data/tone/ORIGIN.md): English insults in social
// commentary (Kaggle/Impermium test set, read from a git mirror), French hostile replies, polite-but-firm brand
// replies in both languages; the time of one 280-character reply in the wasm core from Node; the model's size.
// Nothing here asserts a figure: the rows are printed by bench/run.mjs.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { time } from './x-count.mjs';

const ROOT = new URL('../', import.meta.url);
const INSULTS_GIT = process.env.STRATEGE_INSULTS_GIT ?? '/work/.mirror/AWConant+internet-hate-comments/repo/.git';
const INSULTS_FILE = 'ff7e1c9:test_with_solutions.csv';

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

function kaggleInsults() {
  try {
    const csv = execFileSync('git', ['--git-dir', INSULTS_GIT, 'show', INSULTS_FILE], { maxBuffer: 64 << 20 }).toString(
      'utf8',
    );
    const [header, ...rows] = parseCsv(csv);
    const [label, comment] = [header.indexOf('Insult'), header.indexOf('Comment')];
    return rows
      .filter((r) => r.length > comment)
      .map((r) => ({ text: unescapeComment(r[comment]), insult: r[label] === '1' }));
  } catch {
    return null;
  }
}

/** ROC AUC as the Mann–Whitney statistic (ties count one half). */
function rocAuc(scored) {
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

  const insults = kaggleInsults();
  if (insults) {
    for (const lang of [undefined, 'en']) {
      const scored = insults.map(({ text, insult }) => {
        const t = tone(text, { lang });
        return { positive: insult, score: t.score, flagged: flagged(t) };
      });
      const tp = scored.filter((s) => s.positive && s.flagged).length;
      const fp = scored.filter((s) => !s.positive && s.flagged).length;
      const fn = scored.filter((s) => s.positive && !s.flagged).length;
      const precision = tp / (tp + fp);
      const recall = tp / (tp + fn);
      const f1 = (2 * precision * recall) / (precision + recall);
      const set = `English insults, Kaggle test set (${scored.length}, ${scored.filter((s) => s.positive).length} insults), ${lang ? 'read as English' : 'language detected'}, relaxed`;
      rows.push({
        what: set,
        value: `P ${precision.toFixed(3)} · R ${recall.toFixed(3)} · F1 ${f1.toFixed(3)} · AUC ${rocAuc(scored).toFixed(3)}`,
        target: 'F1 ≥ 0.75, AUC ≥ 0.92',
      });
    }
  } else {
    rows.push({
      what: 'English insults, Kaggle test set',
      value: `missing: no git mirror at ${INSULTS_GIT}`,
      target: '',
    });
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
  for (const [file, label] of [
    ['polite_en.txt', 'English'],
    ['polite_fr.txt', 'French'],
  ]) {
    const polite = lines(file);
    for (const sensitivity of ['relaxed', 'strict']) {
      const fp = polite.filter((text) => flagged(tone(text, { tone: sensitivity })));
      rows.push({
        what: `${label} polite-but-firm replies (${polite.length}), flagged, ${sensitivity}`,
        value: `${pct(fp.length / polite.length)}${fp.length ? ` (${fp.map((t) => JSON.stringify(t.slice(0, 40))).join('; ')})` : ''}`,
        target: '≤ 1 %',
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
    what: 'models shipped in the wasm (model.bin + profanity_check.bin)',
    value: size(['model.bin', 'profanity_check.bin']),
    target: '≤ 1 MB gzip',
  });
  rows.push({ what: 'lexicons (en + fr)', value: size(['lexicon_en.txt', 'lexicon_fr.txt']), target: '' });
  return rows;
}
