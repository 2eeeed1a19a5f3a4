// The options page (contracts.md `settings`) drives open tabs at once (issue 11 item 2), in Debian Chromium on the
// X fixture (real Draft.js): with a composer open in one tab, changes made in the options page in another tab
// (by the keyboard and the mouse, as a user does) change what that composer shows without a reload: a hashtag check
// switched off and on, X Premium (the limit), the tone sensitivity, the site switched off and on. Each test runs
// 3 times, no retries.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, waitReviewed } from './harness.mjs';
import { openComposer } from './composers.mjs';

const EXTENSION = new URL('../../dist/chrome', import.meta.url).pathname;
const RUNS = [1, 2, 3];
const TEXT = 'You are an idiot #SocialMeida';

describe('the options page changes open tabs at once', { concurrency: false }, () => {
  let h;
  before(async () => {
    h = await launch({ extensionDir: EXTENSION, csp: 'site' });
  });
  after(async () => {
    assert.deepEqual(h?.offsiteRequests ?? [], [], 'the extension makes no network request');
    await h?.close();
  });

  /** Waits until the stored setting at `path` is `value` (the options page saved the change). */
  const saved = (path, value) =>
    h.serviceWorker.evaluate(
      async ([keys, wanted]) => {
        const read = async () => keys.reduce((v, k) => v?.[k], (await chrome.storage.local.get('settings')).settings);
        while ((await read()) !== wanted) await new Promise((r) => setTimeout(r, 10));
      },
      [path, value],
    );

  for (const run of RUNS) {
    test(`checks, Premium, tone and the site itself, switched in the options page, change the open composer (run ${run})`, async () => {
      const options = await h.context.newPage();
      await options.goto(`chrome-extension://${h.extensionId}/options.html`);
      const form = options.locator('[data-stratege="settings"]');
      const { page, editor } = await openComposer(h, 'x-reply');
      // The reply dialog's own host (the page under it has a composer of its own).
      const ui = (selector) => page.locator(`#layers [role=dialog] stratege-ui ${selector}`);
      const spelling = ui('[data-stratege="mark"][data-kind="hashtag-spelling"]');
      const counter = ui('[data-stratege="counter"]');
      try {
        await page.keyboard.type(TEXT);
        await waitReviewed(page, editor, TEXT.length);
        await spelling.waitFor({ state: 'attached' });
        assert.equal(await counter.getAttribute('data-limit'), '280');
        await ui('[data-stratege="tone"][data-level="hostile"]').waitFor();

        // A check switched off by the keyboard (Space on the focused checkbox): its mark goes, the tone stays.
        await form.locator('[name="check-hashtag-spelling"]').focus();
        await options.keyboard.press('Space');
        await saved(['checks', 'hashtag-spelling'], false);
        await spelling.waitFor({ state: 'detached' });
        assert.equal(await ui('[data-stratege="tone"]').getAttribute('data-level'), 'hostile');
        await form.locator('[name="check-hashtag-spelling"]').check();
        await spelling.waitFor({ state: 'attached' });

        // X Premium: the open composer's limit follows.
        await form.locator('[name="premium"]').check();
        await page.waitForFunction((c) => c.dataset.limit === '25000', await counter.elementHandle());
        await form.locator('[name="premium"]').uncheck();
        await page.waitForFunction((c) => c.dataset.limit === '280', await counter.elementHandle());

        // The language of the posts: detected, English or French (settings.js LANGUAGES), saved when chosen.
        const language = form.locator('[name="language"]');
        assert.deepEqual(await language.locator('option').evaluateAll((o) => o.map((x) => x.value)), [
          'auto',
          'en',
          'fr',
        ]);
        assert.equal(await language.inputValue(), 'auto');
        await language.selectOption('fr');
        await saved(['language'], 'fr');
        await language.selectOption('auto');
        await saved(['language'], 'auto');

        // The tone sensitivity on X set to off: the warning goes; back to relaxed, it comes back.
        await form.locator('[name="tone-x"]').selectOption('off');
        await ui('[data-stratege="tone"][data-level]').waitFor({ state: 'hidden' });
        await form.locator('[name="tone-x"]').selectOption('relaxed');
        await ui('[data-stratege="tone"][data-level="hostile"]').waitFor();

        // The site switched off: Stratège leaves the page; on again, the composer is checked again.
        await form.locator('[name="site-x"]').uncheck();
        await counter.waitFor({ state: 'detached' });
        assert.equal(await page.locator('stratege-ui').count(), 0, 'no host left on the page');
        await form.locator('[name="site-x"]').check();
        await counter.waitFor();
        await spelling.waitFor({ state: 'attached' });
        assert.equal(await options.locator('.saved').textContent(), 'Saved.');
      } finally {
        await h.serviceWorker.evaluate(() => chrome.storage.local.remove('settings'));
        await options.close();
        await page.close();
      }
    });
  }
});
