// Hashtag spell-check quality and speed, measured in the WebAssembly build from Node: lexicon load time and memory
// per language, recall on seeded typo variants (bench/typos.mjs), top-1 suggestion accuracy, false positives on the
// correct tags of tests/data/hashtags-correct.tsv, and check latency per hashtag. Printed, never asserted.
//
//     node bench/hashtags.mjs       (after `make build`; also run by `make bench`)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { correctTags, typoVariants } from './typos.mjs';

const DIST = new URL('../dist/chrome/', import.meta.url).pathname;

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
    const t0 = performance.now();
    report = checker.check(tag, options);
    times.push(performance.now() - t0);
  }
  return { report, first: times[0], best: Math.min(...times) };
}

function spellingOf(report) {
  return report.hashtags[0]?.problems.find((p) => p.kind === 'spelling');
}

/** Runs the whole bench; returns rows { what, value } ready to print. */
export async function benchHashtags() {
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
  const groups = {};
  const group = (name) => (groups[name] ??= { n: 0, flagged: 0, top1: 0 });
  const falsePositives = [];
  for (const { lang, tag } of correctTags()) {
    // English and French tags with their language, then without; brands without, and unlisted ones in an English
    // post too.
    const languages = { brand: [null], unlisted: ['en', null] }[lang] ?? [lang, null];
    for (const given of languages) {
      const checked = checkTag(checker, tag, given);
      const { report } = checked;
      if (given === lang) record(given, checked);
      const g = group(
        `correct ${lang}${given ? (given === lang ? '' : `, post in ${given}`) : ', language not given'}`,
      );
      g.n++;
      if (spellingOf(report)) {
        g.flagged++;
        if (given || ['brand', 'unlisted'].includes(lang))
          falsePositives.push(`${tag} → ${spellingOf(report).suggestion}`);
      }
    }
  }
  const misses = [];
  for (const { lang, tag, correct } of typoVariants()) {
    for (const given of [lang, null]) {
      const checked = checkTag(checker, tag, given);
      const { report } = checked;
      if (given) record(given, checked);
      const g = group(`typos ${lang}${given ? '' : ', language not given'}`);
      g.n++;
      const spelling = spellingOf(report);
      if (spelling) g.flagged++;
      if (spelling?.suggestion === correct) g.top1++;
      else if (given) misses.push(`${tag} → ${spelling?.suggestion ?? '(not flagged)'} (meant ${correct})`);
    }
  }
  for (const [name, g] of Object.entries(groups)) {
    const rate = (k) => (k / g.n).toFixed(3);
    if (name.startsWith('typos')) {
      rows.push({
        what: `${name}: recall (flagged) / top-1 (n=${g.n})`,
        value: `${rate(g.flagged)} / ${rate(g.top1)}`,
      });
    } else {
      rows.push({ what: `${name}: false-positive rate (n=${g.n})`, value: `${rate(g.flagged)}` });
    }
  }
  for (const lang of ['en', 'fr']) {
    for (const [which, label] of [
      ['best', `best of ${REPEATS}`],
      ['first', 'first call'],
    ]) {
      const sorted = latencies[lang][which].sort((a, b) => a - b);
      rows.push({
        what: `check latency per hashtag (correct and typo tags), ${lang}, ${label} (n=${sorted.length}) p50 / p95 / max`,
        value: `${percentile(sorted, 50).toFixed(3)} / ${percentile(sorted, 95).toFixed(3)} / ${sorted.at(-1).toFixed(2)} ms`,
      });
    }
  }
  return { rows, falsePositives, misses };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { rows, falsePositives, misses } = await benchHashtags();
  console.log('| hashtags | value |\n|---|---:|');
  for (const r of rows) console.log(`| ${r.what} | ${r.value} |`);
  if (process.argv.includes('--details')) {
    console.log(`\nfalse positives (${falsePositives.length}):\n  ${falsePositives.join('\n  ')}`);
    console.log(`\nmisses (${misses.length}):\n  ${misses.join('\n  ')}`);
  }
}
