// The counter's head start under a strict CSP (extension/content/speculation.js): at each printable key the
// content script asks the service worker for the count of the text the key will make, before the editor takes it,
// and uses that answer only when the editor then holds exactly that text. Read from the worker's side: every text
// it is asked to count while keys are typed into Draft.js, Lexical and a React textarea is one the editor held
// (no guess went wrong, none was asked twice), and the guess of a key the page refuses is never shown. Each test
// runs 3 times, no retries.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { hostOf, launch, modelText, waitModel } from './harness.mjs';
import { openComposer } from './composers.mjs';

const EXTENSION = new URL('../../dist/chrome', import.meta.url).pathname;
const RUNS = [1, 2, 3];
const TYPED = 'Hi there, ok';

/** Records in the service worker the texts of the `count` checks the content scripts send, from now on. */
function recordCounts(h) {
  return h.serviceWorker.evaluate(() => {
    self.__counted = [];
    if (self.__recording) return;
    self.__recording = true;
    chrome.runtime.onConnect.addListener((port) => {
      if (port.name !== 'stratege:core') return;
      port.onMessage.addListener((message) => {
        if (message.lane === 'count') self.__counted.push(message.text);
      });
    });
  });
}

const counted = (h) => h.serviceWorker.evaluate(() => self.__counted);

/** Waits until the worker was asked to count `text` (at most `WAIT_MS`). */
const WAIT_MS = 10000;
async function waitCounted(h, text) {
  const deadline = Date.now() + WAIT_MS;
  while (!(await counted(h)).includes(text)) {
    assert.ok(Date.now() < deadline, `the worker was not asked to count ${JSON.stringify(text)}`);
    await h.serviceWorker.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  }
}

/** The count the composer's counter shows, once it shows `count`. */
async function waitCounter(page, editor, count) {
  const host = await hostOf(editor);
  await page.waitForFunction(
    ([hh, n]) => hh.shadowRoot.querySelector('[data-stratege="counter"]')?.dataset.count === String(n),
    [host, count],
  );
}

describe('the counter asks the worker before the editor takes the key (strict CSP)', { concurrency: false }, () => {
  let h;
  before(async () => {
    h = await launch({ extensionDir: EXTENSION, csp: 'strict' });
    // Before any page connects: the recorder hears the ports opened from now on.
    await recordCounts(h);
  });
  after(async () => {
    assert.deepEqual(h?.offsiteRequests ?? [], [], 'the extension makes no network request');
    await h?.close();
  });

  for (const name of ['x-home', 'fb-post', 'ig-comment']) {
    for (const run of RUNS) {
      test(`${name}: each key's text is counted once, and only texts the editor held (run ${run})`, async () => {
        const { page, editor } = await openComposer(h, name);
        try {
          assert.equal(await (await hostOf(editor)).evaluate((hh) => hh.dataset.core), 'worker');
          await waitCounter(page, editor, 0);
          await recordCounts(h);
          await page.keyboard.type(TYPED);
          await waitModel(page, name, TYPED);
          await waitCounter(page, editor, TYPED.length);
          const texts = await counted(h);
          const prefixes = [...TYPED].map((_, i) => TYPED.slice(0, i + 1));
          assert.deepEqual(
            texts.filter((t) => !prefixes.includes(t)),
            [],
            'every text counted is one the editor held',
          );
          assert.equal(new Set(texts).size, texts.length, 'no text is counted twice');
          assert.ok(texts.includes(TYPED), 'the last text is counted');
        } finally {
          await page.close();
        }
      });
    }
  }

  for (const run of RUNS) {
    test(`ig-comment: a key the page refuses is guessed, never shown (run ${run})`, async () => {
      const { page, editor } = await openComposer(h, 'ig-comment');
      try {
        await waitCounter(page, editor, 0);
        await page.keyboard.type('ab');
        await waitCounter(page, editor, 2);
        await recordCounts(h);
        // Every count the counter shows from now on; and the page takes "x" away after its keypress (its own
        // beforeinput handler), so that the field never holds it.
        const host = await hostOf(editor);
        await host.evaluate((hh) => {
          window.__shown = [];
          const counter = hh.shadowRoot.querySelector('[data-stratege="counter"]');
          new MutationObserver(() => window.__shown.push(counter.dataset.count)).observe(counter, {
            attributes: true,
            attributeFilter: ['data-count'],
          });
          addEventListener('beforeinput', (event) => event.data === 'x' && event.preventDefault(), true);
        });
        await page.keyboard.type('x');
        await waitCounted(h, 'abx');
        assert.equal(await modelText(page, 'ig-comment'), 'ab', 'the page refused the key');
        await page.keyboard.press('Backspace');
        await waitModel(page, 'ig-comment', 'a');
        await waitCounter(page, editor, 1);
        assert.deepEqual(await page.evaluate(() => window.__shown), ['1'], 'the guess of the refused key never shows');
        assert.deepEqual(await counted(h), ['abx', 'a'], 'the refused key was guessed, then the text after Backspace');
      } finally {
        await page.close();
      }
    });
  }
});
