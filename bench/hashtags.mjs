// Hashtag spell-check quality and speed, measured in the WebAssembly build from Node: lexicon load time and memory
// per language, recall on seeded typo variants (bench/typos.mjs), top-1 suggestion accuracy, false positives on the
// correct tags of tests/data/ (evaluation and development sets, as typed and in lower case), and check latency per
// hashtag. Printed, never asserted.
//
//     node bench/hashtags.mjs [--set evaluation|development] [--details]   (after `make build`; `make bench` too)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { correctTags, typoVariants } from './typos.mjs';

/** The built extension (`STRATEGE_DIST` names another build, to compare two builds in alternating runs). */
const DIST = process.env.STRATEGE_DIST ?? new URL('../dist/chrome/', import.meta.url).pathname;

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Repetitions of each timed check: the machine may be shared, so the best of them is the latency reported. */
const REPEATS = 5;

/**
 * Checks one tag alone in a post; returns the report and the time of one call (ms): the first call's time and the
 * best of REPEATS calls.
 */
function checkTag(checker, tag, lang) {
  const options = lang ? { platform: 'facebook', lang } : { platform: 'facebook' };
  let report;
  const times = [];
  for (let i = 0; i < REPEATS; i++) {
    checker.forget_verdicts(); // each call judges the tag, not the verdict kept from the last one
    const t0 = performance.now();
    report = checker.check(tag, options);
    times.push(performance.now() - t0);
  }
  return { report, first: times[0], best: Math.min(...times) };
}

function spellingOf(report) {
  return report.hashtags[0]?.problems.find((p) => p.kind === 'spelling');
}

/**
 * The tag sets (tests/data/README.md): the development set, which the segmenter and the lexicons were tuned on, and
 * the evaluation set, which nothing was tuned on.
 */
const SETS = [
  { name: 'evaluation', files: ['hashtags-eval.tsv'] },
  { name: 'development', files: ['hashtags-correct.tsv', 'hashtags-fr-dev.tsv'] },
];
/** Each tag is checked as typed and all in lower case (the case most tags are typed in). */
const CASES = [
  ['as typed', (tag) => tag],
  ['lower case', (tag) => tag.toLowerCase()],
];

/** Runs the bench on both sets, or on the one named `only`; returns rows { what, value } ready to print. */
export async function benchHashtags(only) {
  const core = await import(join(DIST, 'pkg/stratege.js'));
  const wasm = core.initSync({ module: readFileSync(join(DIST, 'pkg/stratege_bg.wasm')) });
  const rows = [];
  const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
  const checker = new core.Checker();
  rows.push({ what: 'wasm memory before lexicons', value: mb(wasm.memory.buffer.byteLength) });
  for (const lang of ['en', 'fr']) {
    const bytes = readFileSync(join(DIST, `lexicon/${lang}.bin`));
    const t0 = performance.now();
    const words = checker.load_lexicon(lang, bytes);
    const ms = performance.now() - t0;
    rows.push({ what: `load ${lang}.bin (${mb(bytes.length)}, ${words} words)`, value: `${ms.toFixed(0)} ms` });
    rows.push({ what: `wasm memory after loading ${lang}`, value: mb(wasm.memory.buffer.byteLength) });
  }
  for (const { tag } of correctTags().slice(0, 20)) checkTag(checker, tag, 'en'); // warm-up

  const latencies = { en: { first: [], best: [] }, fr: { first: [], best: [] } };
  const record = (lang, { first, best }) => {
    latencies[lang].first.push(first);
    latencies[lang].best.push(best);
  };
  const groups = new Map();
  const group = (name) => {
    if (!groups.has(name)) groups.set(name, { n: 0, flagged: 0, typos: 0, caught: 0, top1: 0 });
    return groups.get(name);
  };
  const falsePositives = [];
  const misses = [];
  for (const set of SETS.filter((s) => only === undefined || s.name === only)) {
    for (const [caseName, cased] of CASES) {
      for (const file of set.files) {
        for (const { lang, tag } of correctTags(file)) {
          // English and French tags with their language, in a post of the other language (an English tag in a
          // French post is common) and without; brands without, and unlisted ones in an English post too.
          const other = { en: 'fr', fr: 'en' }[lang];
          const languages = { brand: [null], unlisted: ['en', null] }[lang] ?? [lang, other, null];
          for (const given of languages) {
            const checked = checkTag(checker, cased(tag), given);
            if (given === lang) record(given, checked);
            const post = given ? (given === lang ? '' : `, post in ${given}`) : ', language not given';
            const g = group(`${set.name}: ${lang} (${caseName})${post}`);
            g.n++;
            const spelling = spellingOf(checked.report);
            if (spelling) {
              g.flagged++;
              if (given || ['brand', 'unlisted'].includes(lang))
                falsePositives.push(`${set.name}: ${cased(tag)} → ${spelling.suggestion}`);
            }
          }
        }
        for (const { lang, tag, correct } of typoVariants(undefined, undefined, file)) {
          for (const given of [lang, null]) {
            const checked = checkTag(checker, cased(tag), given);
            if (given) record(given, checked);
            const g = group(`${set.name}: ${lang} (${caseName})${given ? '' : ', language not given'}`);
            g.typos++;
            const spelling = spellingOf(checked.report);
            if (spelling) g.caught++;
            if (spelling?.suggestion === cased(correct)) g.top1++;
            else if (given)
              misses.push(
                `${set.name}: ${cased(tag)} → ${spelling?.suggestion ?? '(not flagged)'} (meant ${cased(correct)})`,
              );
          }
        }
      }
    }
  }
  for (const [name, g] of groups) {
    const rate = (k, n) => (k / n).toFixed(3);
    const parts = [`correct flagged ${g.flagged}/${g.n} (${rate(g.flagged, g.n)})`];
    if (g.typos) parts.push(`typos: recall ${rate(g.caught, g.typos)}, top-1 ${rate(g.top1, g.typos)} (n=${g.typos})`);
    rows.push({ what: name, value: parts.join('; ') });
  }
  for (const lang of ['en', 'fr']) {
    for (const [which, label] of [
      ['best', `best of ${REPEATS}`],
      ['first', 'first call'],
    ]) {
      const sorted = latencies[lang][which].sort((a, b) => a - b);
      if (sorted.length === 0) continue;
      rows.push({
        what: `check latency per hashtag (correct and typo tags), ${lang}, ${label} (n=${sorted.length}) p50 / p95 / max`,
        value: `${percentile(sorted, 50).toFixed(3)} / ${percentile(sorted, 95).toFixed(3)} / ${sorted.at(-1).toFixed(2)} ms`,
      });
    }
  }
  return { rows, falsePositives, misses };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--set');
  const { rows, falsePositives, misses } = await benchHashtags(at > 0 ? process.argv[at + 1] : undefined);
  console.log('| hashtags | value |\n|---|---:|');
  for (const r of rows) console.log(`| ${r.what} | ${r.value} |`);
  if (process.argv.includes('--details')) {
    console.log(`\nfalse positives (${falsePositives.length}):\n  ${falsePositives.join('\n  ')}`);
    console.log(`\nmisses (${misses.length}):\n  ${misses.join('\n  ')}`);
  }
}
