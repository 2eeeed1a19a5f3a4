// The extension updated or reloaded while a composer is open (issue 14 item 1), in Debian Chromium, under the sites'
// CSP (core in the page) and a strict one (core in the worker): the old content script retires at the user's next
// action (its counter, marks and review before posting go; a note says Stratège is off on the composer until the
// page is reloaded), nothing typed is lost, the site's Post works untouched, nothing is logged as an error. That the
// new version takes over with one counter is tested in Firefox, which brings an updated add-on back into open tabs
// (firefox.test.mjs). Each test runs 3 times, no retries; every wait is on a condition.
import { after, afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, recordConsole, submitted, waitModel, waitReviewed } from './harness.mjs';
import { COMPOSERS, openComposer } from './composers.mjs';

const EXTENSION = new URL('../../dist/chrome', import.meta.url).pathname;
const RUNS = [1, 2, 3];
const FIRST = 'Great tips #SocialMeida';
const MORE = ' for managers';
const POST = (p) => p.locator('[data-testid=primaryColumn] [data-testid=tweetButtonInline]');

/**
 * Reloads the extension from its worker. Loaded from the command line (as here), Chromium does not bring it back: it
 * is gone from the page's point of view, as when it is updated (the old content script's context is invalidated
 * either way) or removed. Waits until the extension's pages are refused.
 */
async function reloadExtension(h) {
  // The worker dies while it answers: the evaluation may fail with it.
  await h.serviceWorker.evaluate(() => chrome.runtime.reload()).catch(() => {});
  const probe = await h.context.newPage();
  try {
    for (;;) {
      const gone = await probe
        .goto(`chrome-extension://${h.extensionId}/popup.html`)
        .then(() => false)
        .catch((error) => /ERR_BLOCKED_BY_CLIENT/.test(error.message));
      if (gone) return;
    }
  } finally {
    await probe.close();
  }
}

for (const csp of ['site', 'strict']) {
  describe(`the extension reloaded under an open composer (${csp} CSP)`, { concurrency: false }, () => {
    let h;
    afterEach(async () => {
      await h?.close();
      h = null;
    });
    after(async () => {
      await h?.close();
    });

    for (const run of RUNS) {
      test(`the old script retires with a note, the text and Post intact (run ${run})`, async () => {
        h = await launch({ extensionDir: EXTENSION, csp });
        const { page, editor } = await openComposer(h, 'x-home');
        const errors = recordConsole(page);
        await page.keyboard.type(FIRST);
        await waitReviewed(page, editor, FIRST.length);
        await page.locator('stratege-ui [data-stratege="mark"]').first().waitFor({ state: 'attached' });

        await reloadExtension(h);
        await page.keyboard.type(MORE);
        await waitModel(page, 'x-home', FIRST + MORE);
        const note = page.locator('stratege-ui [data-stratege="off-note"][data-reason="updated"]');
        await note.waitFor();
        assert.match(await note.textContent(), /reload the page/);
        assert.equal(await page.locator('stratege-ui [data-stratege="counter"]').count(), 0, 'the old counter went');
        assert.equal(await page.locator('stratege-ui [data-stratege="mark"]').count(), 0, 'its marks went');
        assert.equal(await page.locator('stratege-ui').count(), 1, 'only the note is left');
        // Post goes straight to the site (no review held it, though the hashtag is misspelt).
        await POST(page).click();
        await page.waitForFunction(() => window.__fixture.submitted.length > 0);
        assert.deepEqual(await submitted(page), [{ editor: 'x-home', text: FIRST + MORE }]);
        // The note can be dismissed.
        await note.locator('button').click();
        await note.waitFor({ state: 'detached' });
        assert.deepEqual(errors, [], 'no error in the console');

        // The page reloaded: no script of the old version is left in it.
        await page.reload();
        await page.waitForFunction(() => window.__fixture?.ready === true);
        await COMPOSERS['x-home'].editor(page).click();
        await page.keyboard.type(FIRST);
        await waitModel(page, 'x-home', FIRST);
        assert.equal(await page.locator('stratege-ui').count(), 0);
      });
    }
  });
}
