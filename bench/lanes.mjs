// The counter under a heavy review, in Chromium: keystroke → counter latency (tests/e2e/latency.mjs) in X's home
// composer while another tab's comment holds 5,000 pasted hashtags of 60 random letters whose review is under way
// (the review lane is shared by every tab; the counter's own lane must not wait behind it), with the core in the
// page (sites' CSP) and in the extension's background (strict CSP); and the memory a tab adds: the content
// script's WebAssembly instance (its linear memory, read in the content script's isolated world over the
// DevTools protocol, and the module's size). Printed by `make bench`, never asserted.
//
//     node bench/lanes.mjs [extension dir]   (after `make build`: dist/chrome by default)
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { hostOf, launch } from '../tests/e2e/harness.mjs';
import { openComposer } from '../tests/e2e/composers.mjs';
import { percentile, typeMeasuringLatency } from '../tests/e2e/latency.mjs';

const HEAVY_TAGS = 5000;
const TAG_LETTERS = 60;
/** A counter not shown by then is reported as stalled (a review holding the lane the counter needs). */
const COUNTER_WAIT_MS = 60000;
/** The core judges at most this many tags per review (src/hashtags/mod.rs MAX_JUDGED_TAGS). */
const MAX_JUDGED_TAGS = 100;
const TYPED = 'Launching our spring menu today! 🌸 Book a table: https://example.com/menu 中文 ';

/** `HEAVY_TAGS` hashtags of `TAG_LETTERS` random letters (a fixed xorshift32 sequence), space-separated. */
function heavyText() {
  let x = 0x2545f491;
  const letter = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return String.fromCharCode(97 + ((x >>> 0) % 26));
  };
  return Array.from({ length: HEAVY_TAGS }, () => `#${Array.from({ length: TAG_LETTERS }, letter).join('')}`).join(' ');
}

/**
 * Keystroke → counter samples (ms) in x-home with the core where `csp` puts it, quiet or while a review of the
 * heavy text runs in another tab; `underWay`: that review had not finished when the typing ended.
 */
async function typing(extensionDir, csp, heavy) {
  const h = await launch({ extensionDir, csp });
  try {
    let busy = null;
    if (heavy) {
      busy = await openComposer(h, 'ig-comment');
      const text = heavyText();
      await busy.page.evaluate((t) => navigator.clipboard.writeText(t), text);
      await busy.page.keyboard.press('Control+V');
      await busy.page.waitForFunction((t) => window.__fixture.modelText('ig-comment') === t, text, { timeout: 60000 });
    }
    const { page, editor } = await openComposer(h, 'x-home');
    const shown = await page
      .waitForFunction(() => document.querySelector('stratege-ui')?.shadowRoot.querySelector('[data-count]'), null, {
        timeout: COUNTER_WAIT_MS,
      })
      .then(
        () => true,
        () => false,
      );
    if (!shown) return { samples: { total: [], stratege: [] }, underWay: true, stalled: true };
    const samples = await typeMeasuringLatency(page, editor, TYPED);
    let underWay = false;
    if (busy) {
      const host = await hostOf(busy.editor);
      // Once every slice is in, only the tags past the most judged per review stay unchecked.
      const final = String(HEAVY_TAGS - MAX_JUDGED_TAGS);
      underWay = await host.evaluate(
        (el, want) => el.shadowRoot.querySelector('[data-stratege="unchecked"]')?.dataset.count !== want,
        final,
      );
    }
    return { samples, underWay };
  } finally {
    await h.close();
  }
}

/** The content script's wasm instance in an X tab (sites' CSP: the core compiled in the page): bytes. */
async function tabMemory(extensionDir) {
  const h = await launch({ extensionDir, csp: 'site' });
  try {
    const { page, editor } = await openComposer(h, 'x-home');
    const host = await hostOf(editor);
    await page.waitForFunction((el) => el.dataset.core === 'page', host);
    const cdp = await h.context.newCDPSession(page);
    const contexts = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    const isolated = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.includes(h.extensionId));
    // The glue's init answers the instance already made (wasm-bindgen caches it) in the content script's realm.
    const { result } = await cdp.send('Runtime.evaluate', {
      contextId: isolated.id,
      expression: `import(chrome.runtime.getURL('pkg/stratege.js')).then(async (m) => (await m.default()).memory.buffer.byteLength)`,
      awaitPromise: true,
      returnByValue: true,
    });
    if (typeof result.value !== 'number')
      throw new Error(`no wasm instance in the content script: ${result.description}`);
    return { memory: result.value, module: statSync(join(extensionDir, 'pkg/stratege_bg.wasm')).size };
  } finally {
    await h.close();
  }
}

/**
 * Rows `{ what, keys, p50, p95, ownP50, ownP95, note }` of keystroke → counter latency (own: from the editor's
 * change of its DOM, Stratège's part), and the per-tab memory.
 */
export async function benchLanes(extensionDir) {
  const rows = [];
  for (const [csp, where] of [
    ['site', 'the page (sites’ CSP)'],
    ['strict', 'the background (strict CSP)'],
  ]) {
    for (const heavy of [false, true]) {
      const { samples, underWay, stalled } = await typing(extensionDir, csp, heavy);
      const during = heavy
        ? `, during a review of ${HEAVY_TAGS.toLocaleString('en')} long tags in another tab`
        : ', quiet';
      rows.push({
        what: `core in ${where}${during}`,
        keys: samples.total.length,
        p50: percentile(samples.total, 50),
        p95: percentile(samples.total, 95),
        ownP50: percentile(samples.stratege, 50),
        ownP95: percentile(samples.stratege, 95),
        note: stalled
          ? `no count shown within ${COUNTER_WAIT_MS / 1000} s`
          : heavy
            ? underWay
              ? 'review still under way at the last key'
              : 'review over before the last key'
            : '',
      });
    }
  }
  return { rows, tab: await tabMemory(extensionDir) };
}

if (process.argv[1] === import.meta.filename) {
  const dir = process.argv[2] || new URL('../dist/chrome', import.meta.url).pathname;
  const { rows, tab } = await benchLanes(dir);
  const ms = (n) => (n === undefined ? '—' : `${n.toFixed(1)} ms`);
  for (const r of rows) {
    console.log(
      `| ${r.what} | ${r.keys} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.ownP50)} | ${ms(r.ownP95)} | ${r.note} |`,
    );
  }
  console.log(
    `| per tab: wasm memory ${(tab.memory / 1048576).toFixed(1)} MB + module ${(tab.module / 1024).toFixed(0)} KB |`,
  );
}
