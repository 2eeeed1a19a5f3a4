// The service worker may stop at any moment (the browser stops an idle one after about 30 s). Under a strict CSP
// every check goes through it, so a check under way when it stops must be asked again: the counter ends on the
// text typed and the hashtag marks come back, without another keystroke. The worker is stopped with the
// DevTools protocol (ServiceWorker.stopAllWorkers) as soon as it runs, between keystrokes and under a check. Each
// test runs 3 times.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { hostOf, launch, modelText, waitReviewed } from './harness.mjs';
import { openComposer } from './composers.mjs';

const EXTENSION = new URL('../../dist/chrome', import.meta.url).pathname;
const RUNS = [1, 2, 3];

/**
 * Follows the extension's worker over the DevTools protocol: `running()` resolves once it runs (at once if it does);
 * `stop()` stops every service worker of the browser and resolves once it has stopped. The worker may also be
 * started by anything else the extension does, so the test never expects one start per stop.
 */
async function workerControl(h, page) {
  const cdp = await h.context.newCDPSession(page);
  let status = 'stopped';
  let waiting = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) {
      if (!version.scriptURL.includes(h.extensionId)) continue;
      status = version.runningStatus;
      const now = waiting.filter((w) => w.status === status);
      waiting = waiting.filter((w) => w.status !== status);
      for (const w of now) w.resolve();
    }
  });
  await cdp.send('ServiceWorker.enable');
  /** A worker that is not started again within this bound was not asked again: a check was dropped. */
  const BOUND_MS = 15000;
  const next = (wanted) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the worker was not ${wanted} within ${BOUND_MS} ms`)), BOUND_MS);
      waiting.push({ status: wanted, resolve: () => resolve(clearTimeout(timer)) });
    });
  return {
    running: () => (status === 'running' ? Promise.resolve() : next('running')),
    async stop() {
      if (status === 'stopped') return;
      const stopped = next('stopped');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await stopped;
    },
    detach: () => cdp.detach(),
  };
}

describe('a worker that stops', { concurrency: false }, () => {
  let h;
  before(async () => {
    h = await launch({ extensionDir: EXTENSION, csp: 'strict' });
  });
  after(async () => {
    assert.deepEqual(h?.offsiteRequests ?? [], [], 'the extension makes no network request');
    await h?.close();
  });

  for (const run of RUNS) {
    test(`x-home, strict CSP: the worker stops between keystrokes and under a check; the counter ends exact and the marks come back without a keystroke (run ${run})`, async () => {
      const { page, editor } = await openComposer(h, 'x-home');
      const worker = await workerControl(h, page);
      try {
        const host = await hostOf(editor);
        await page.keyboard.type('Hello #SocialMeida');
        await waitReviewed(page, editor, 18);
        assert.equal(
          await host.evaluate((hh) => hh.dataset.core),
          'worker',
          'the strict CSP sends checks to the worker',
        );

        // Between keystrokes: the worker is gone when each next key comes; the key's check starts it again, and
        // it is stopped as soon as it runs, mostly before it can answer (the check is then sent again).
        await worker.stop();
        for (const key of ' big!') {
          await page.keyboard.type(key);
          await worker.running();
          await worker.stop();
        }
        // Under a check, up to three times more: whenever the worker starts again for a check it was asked, it is
        // stopped at once, so that a check can fail after its last send and be retried. Once nothing is left to
        // ask, the worker stays stopped and the composer shows the exact count.
        const settled = page.waitForFunction(
          ([hh, n]) =>
            hh.shadowRoot.querySelector('[data-stratege="counter"]')?.dataset.count === String(n) &&
            hh.dataset.reviewed === String(n) &&
            !hh.dataset.error,
          [host, 'Hello #SocialMeida big!'.length],
        );
        settled.catch(() => {}); // waited for below, with the assertions that say what was wrong
        for (let i = 0; i < 3; i++) {
          const started = worker.running().then(() => true);
          started.catch(() => {}); // once settled, a start that never comes is no failure
          const again = await Promise.race([started, settled.then(() => false)]);
          if (!again) break;
          await worker.stop();
        }

        const text = await modelText(page, 'x-home');
        assert.equal(text, 'Hello #SocialMeida big!');
        await page.waitForFunction(
          ([hh, n]) => hh.shadowRoot.querySelector('[data-stratege="counter"]')?.dataset.count === String(n),
          [host, text.length],
        );
        await waitReviewed(page, editor, text.length);
        await page.waitForFunction(
          (hh) => hh.shadowRoot.querySelector('[data-stratege="mark"][data-text="#SocialMeida"]:not([hidden])'),
          host,
        );
        assert.equal(await host.evaluate((hh) => hh.dataset.error ?? null), null, 'no error is left shown');
      } finally {
        await worker.detach();
        await page.close();
      }
    });
  }
});
