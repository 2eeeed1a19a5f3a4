// A counter that never stalls (issue 12): under a strict CSP, where the counter's checks go through the
// extension's background, a comment of 5,000 hashtags of 60 random letters is pasted (through the clipboard and
// the editor's own paste), then words are typed key by key while the review of that list runs. Every keystroke
// must reach the counter (its count equals the editor model's length after each key), no task of the page may
// spend over 200 ms in Stratège from then on (a DevTools trace of the page: the content script's own calls and
// the layout they force, per task; the editor's own handling of a 300,000-character textarea makes long tasks of
// its own, which the trace tells apart), and the review must say what it left unchecked: the tags past the most
// judged per review, in the composer's note. Each test runs 3 times.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoLongTask, hostOf, launch, modelText, strategeTime } from './harness.mjs';
import { openComposer } from './composers.mjs';

const EXTENSION = new URL('../../dist/chrome', import.meta.url).pathname;
const RUNS = [1, 2, 3];
const COMPOSER = 'ig-comment'; // a textarea: Instagram counts UTF-16 units, so the count is the model's length
const TAGS = 5000;
const TAG_LETTERS = 60;
/** The core judges at most this many tags per review (src/hashtags/mod.rs MAX_JUDGED_TAGS). */
const MAX_JUDGED_TAGS = 100;
const TYPED = ' thanks all';

/** `TAGS` hashtags of `TAG_LETTERS` letters drawn by a seeded generator (xorshift32), space-separated. */
function tagList(seed) {
  let x = 0x9e3779b9 ^ seed;
  const letter = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return String.fromCharCode(97 + ((x >>> 0) % 26));
  };
  return Array.from({ length: TAGS }, () => `#${Array.from({ length: TAG_LETTERS }, letter).join('')}`).join(' ');
}

/** Waits until the composer's counter shows `count`; fails naming what it shows. */
async function waitCounter(page, host, count) {
  try {
    await page.waitForFunction(
      ([h, n]) => h.shadowRoot.querySelector('[data-stratege="counter"]')?.dataset.count === String(n),
      [host, count],
      { timeout: 10000 },
    );
  } catch (error) {
    const shown = await host.evaluate((h) => h.shadowRoot.querySelector('[data-stratege="counter"]')?.dataset.count);
    throw new Error(`the counter shows ${shown}, not ${count}`, { cause: error });
  }
}

describe('a long review never stalls the counter', { concurrency: false }, () => {
  let h;
  before(async () => {
    h = await launch({ extensionDir: EXTENSION, csp: 'strict' });
  });
  after(async () => {
    assert.deepEqual(h?.offsiteRequests ?? [], [], 'the extension makes no network request');
    await h?.close();
  });

  for (const run of RUNS) {
    test(`${COMPOSER}, strict CSP: 5,000 pasted 60-letter tags, then typing: every key counted, no task over 200 ms in Stratège, the unchecked tags said (run ${run})`, async () => {
      const { page, editor } = await openComposer(h, COMPOSER);
      try {
        const host = await hostOf(editor);
        await page.waitForFunction((el) => el.dataset.core, host);
        assert.equal(
          await host.evaluate((el) => el.dataset.core),
          'worker',
          'the strict CSP sends the counter to the worker',
        );
        const pasted = tagList(run);
        await page.evaluate((t) => navigator.clipboard.writeText(t), pasted);
        await page.keyboard.press('Control+V');
        await page.waitForFunction(([n, t]) => window.__fixture.modelText(n) === t, [COMPOSER, pasted], {
          timeout: 30000,
        });
        await waitCounter(page, host, pasted.length);
        let text;
        const traced = await strategeTime(h, page, async () => {
          for (const key of TYPED) {
            await page.keyboard.type(key);
            await waitCounter(page, host, (await modelText(page, COMPOSER)).length);
          }
          text = await modelText(page, COMPOSER);
          // The review of the final text, once every slice is in: the tags past the most judged are said unchecked.
          await page.waitForFunction(
            ([el, n, want]) => {
              const note = el.shadowRoot.querySelector('[data-stratege="unchecked"]');
              return el.dataset.reviewed === String(n) && note?.dataset.count === want;
            },
            [host, text.length, String(TAGS - MAX_JUDGED_TAGS)],
            { timeout: 180000 },
          );
        });
        assert.equal(text, pasted + TYPED);
        const note = await host.evaluate((el) => {
          const shown = el.shadowRoot.querySelector('[data-stratege="unchecked"]');
          return { hidden: shown.hidden, text: shown.textContent, title: shown.title };
        });
        assert.equal(note.hidden, false);
        assert.match(note.text, /4[,.\u202f\u00a0]?900/);
        assert.ok(note.title.length > 0 && !note.title.startsWith('review'), `a reason is given: ${note.title}`);

        assertNoLongTask(traced);
        console.log(
          `run ${run}: most in Stratège in one task ${Math.max(...traced.perTask)} ms over ${traced.perTask.length} tasks; longest tasks of the page ${traced.longest} ms`,
        );
      } finally {
        await page.close();
      }
    });
  }
});
