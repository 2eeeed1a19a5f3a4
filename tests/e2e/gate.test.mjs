// The review before posting (contracts.md §3 `gate`) in Debian Chromium on the fixture composers (real Draft.js and
// Lexical, a React textarea), under the sites' CSP and the strict one: a hostile reply is held when its Reply /
// Comment button is clicked or its keyboard submit pressed (the site's own handler has not run), "Review" puts the
// caret on the first problem, "Post anyway" posts exactly once with the text intact; a clean post goes through at
// once; an exception in the extension and a worker that never answers still let the post through; a kind set to
// ignore does not hold. Each test runs 3 times, no retries.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { caretOffset, launch, modelText, submitted, waitReviewed } from './harness.mjs';
import { openComposer } from './composers.mjs';

const EXTENSION = new URL('../../dist/chrome', import.meta.url).pathname;
const RUNS = [1, 2, 3];
const HOSTILE = 'You are an idiot, learn to read.';
/** Where "idiot", the first problem of HOSTILE, starts. */
const FIRST_PROBLEM = HOSTILE.indexOf('idiot');
const CLEAN = 'Thanks for the tips on #SocialMedia managers';

/** The site's own submit button of each composer. */
const SUBMIT = {
  'x-home': (p) => p.locator('[data-testid=primaryColumn] [data-testid=tweetButtonInline]'),
  'x-reply': (p) => p.locator('#layers [role=dialog] [data-testid=tweetButton]'),
  'fb-comment': (p) => p.locator('#focused-state-composer-submit [role=button]'),
  'ig-comment': (p) => p.locator('section form [role=button]', { hasText: 'Post' }),
};
/** The keyboard submit of each composer. */
const KEY = { 'x-reply': 'Control+Enter', 'fb-comment': 'Enter', 'ig-comment': 'Enter' };

const gate = (page) => page.locator('stratege-ui [data-stratege="gate"]');

/** Types a hostile reply and waits until its review is shown (the gate then answers without checking again). */
async function typeHostile(page, editor) {
  await page.keyboard.type(HOSTILE);
  await page.locator('stratege-ui [data-stratege="tone"][data-level="hostile"]').waitFor();
  return waitReviewed(page, editor, HOSTILE.length);
}

/** The dialog is open beside the composer: held post, focus inside, announced, clear of the button and counter. */
async function expectHeld(page, name, host) {
  await gate(page).waitFor();
  assert.deepEqual(await submitted(page), [], "the site's own submit has not run");
  assert.equal(await modelText(page, name), HOSTILE, 'the editor model is intact');
  const kinds = await gate(page)
    .locator('[data-stratege="gate-item"]')
    .evaluateAll((items) => items.map((i) => i.dataset.kind));
  assert.deepEqual(kinds, ['tone']);
  const dialog = await host.evaluate((h) => {
    const g = h.shadowRoot.querySelector('[data-stratege="gate"]');
    const label = h.shadowRoot.getElementById(g.getAttribute('aria-labelledby'));
    const live = [...h.shadowRoot.querySelectorAll('[aria-live]')].map((l) => l.textContent).join(' ');
    const rect = g.getBoundingClientRect();
    const counter = h.shadowRoot.querySelector('[data-stratege="counter"]').getBoundingClientRect();
    return {
      role: g.getAttribute('role'),
      label: label?.textContent,
      live,
      focused: h.shadowRoot.activeElement?.dataset.stratege,
      rect: { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom },
      counter: { left: counter.left, right: counter.right, top: counter.top, bottom: counter.bottom },
    };
  });
  assert.equal(dialog.role, 'alertdialog');
  assert.ok(dialog.label, 'the dialog is labelled by its title');
  assert.ok(dialog.live.includes(dialog.label), `its title is announced: ${dialog.live}`);
  assert.equal(dialog.focused, 'review', 'the focus moved into the dialog');
  // Facebook unmounts its comment button when the comment box loses the focus: then there is nothing to cover.
  const button = (await SUBMIT[name](page).count()) ? await SUBMIT[name](page).boundingBox() : null;
  if (button) {
    const r = { left: button.x, right: button.x + button.width, top: button.y, bottom: button.y + button.height };
    assert.ok(!overlaps(dialog.rect, r), 'the dialog does not cover the Post button');
  }
  assert.ok(!overlaps(dialog.rect, dialog.counter), 'the dialog does not cover the counter');
}

function overlaps(a, b) {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** "Post anyway": the site's own submit runs exactly once, with the text as typed; the site clears its editor. */
async function postAnyway(page, name, text) {
  await gate(page).locator('[data-stratege="post-anyway"]').click();
  await page.waitForFunction(() => window.__fixture.submitted.length > 0);
  await gate(page).waitFor({ state: 'detached' });
  // The site's own handler runs once: nothing else is queued behind it.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
  assert.deepEqual(await submitted(page), [{ editor: name, text }]);
  assert.ok(['', null].includes(await modelText(page, name)), 'the site cleared (or closed) its composer');
}

for (const mode of ['site', 'strict']) {
  describe(`review before posting under the ${mode === 'site' ? "sites' CSP" : 'strict CSP (no wasm in the page)'}`, {
    concurrency: false,
  }, () => {
    let h;
    before(async () => {
      h = await launch({ extensionDir: EXTENSION, csp: mode });
    });
    after(async () => {
      assert.deepEqual(h?.offsiteRequests ?? [], [], 'the extension makes no network request');
      await h?.close();
    });

    for (const run of RUNS) {
      for (const name of ['x-reply', 'fb-comment']) {
        test(`${name}: a click on the site's submit is held; Review puts the caret on the first problem; Post anyway posts once (run ${run})`, async () => {
          const { page, editor } = await openComposer(h, name);
          try {
            const host = await typeHostile(page, editor);
            await SUBMIT[name](page).click();
            await expectHeld(page, name, host);
            await gate(page).locator('[data-stratege="review"]').click();
            await gate(page).waitFor({ state: 'detached' });
            assert.equal(await caretOffset(editor), FIRST_PROBLEM, 'the caret is on the first problem');
            assert.deepEqual(await submitted(page), []);

            await SUBMIT[name](page).click();
            await expectHeld(page, name, host);
            await postAnyway(page, name, HOSTILE);
          } finally {
            await page.close();
          }
        });
      }

      for (const name of ['x-reply', 'fb-comment', 'ig-comment']) {
        test(`${name}: the keyboard submit (${KEY[name]}) is held; Tab stays inside, Escape is Review; Post anyway posts once (run ${run})`, async () => {
          const { page, editor } = await openComposer(h, name);
          try {
            const host = await typeHostile(page, editor);
            await page.keyboard.press(KEY[name]);
            await expectHeld(page, name, host);
            const focused = () => host.evaluate((hh) => hh.shadowRoot.activeElement?.dataset.stratege ?? null);
            const seen = [];
            for (let i = 0; i < 3; i++) {
              await page.keyboard.press('Tab');
              seen.push(await focused());
            }
            assert.deepEqual(seen, ['post-anyway', 'review', 'post-anyway'], 'Tab cycles inside the dialog');
            await page.keyboard.press('Shift+Tab');
            assert.equal(await focused(), 'review');
            await page.keyboard.press('Escape');
            await gate(page).waitFor({ state: 'detached' });
            assert.equal(
              await caretOffset(editor),
              FIRST_PROBLEM,
              'Escape is Review: the caret is on the first problem',
            );
            assert.equal(await modelText(page, name), HOSTILE, 'the held key changed nothing in the editor');

            await page.keyboard.press(KEY[name]);
            await expectHeld(page, name, host);
            await postAnyway(page, name, HOSTILE);
          } finally {
            await page.close();
          }
        });
      }

      test(`ig-caption (Lexical): Share is held for a misspelt hashtag; the dialog's fix changes the editor's model; Post anyway shares the fixed caption once (run ${run})`, async () => {
        const { page, editor } = await openComposer(h, 'ig-caption');
        try {
          const typo = 'Sunset tips #SocialMeida';
          const fixed = 'Sunset tips #SocialMedia';
          await page.keyboard.type(typo);
          await waitReviewed(page, editor, typo.length);
          await page.locator('[role=dialog] [role=button]', { hasText: /^Share$/ }).click();
          await gate(page).waitFor();
          assert.deepEqual(await submitted(page), [], 'not shared yet');
          const item = gate(page).locator('[data-stratege="gate-item"]');
          assert.deepEqual(await item.evaluateAll((items) => items.map((i) => i.dataset.kind)), ['hashtag-spelling']);
          const fix = item.locator('[data-stratege="apply"]');
          assert.equal(await fix.getAttribute('data-value'), '#SocialMedia');
          await fix.click();
          await page.waitForFunction((t) => window.__fixture.modelText('ig-caption') === t, fixed);
          await item.waitFor({ state: 'detached' });
          assert.deepEqual(await submitted(page), [], 'a fix does not post');
          await postAnyway(page, 'ig-caption', fixed);
        } finally {
          await page.close();
        }
      });

      test(`a clean post goes through at once, by click (Draft.js) and by Enter (Lexical), with no dialog (run ${run})`, async () => {
        for (const [name, submit] of [
          ['x-home', (page) => SUBMIT['x-home'](page).click()],
          ['fb-comment', (page) => page.keyboard.press('Enter')],
        ]) {
          const { page, editor } = await openComposer(h, name);
          try {
            await page.keyboard.type(CLEAN);
            await waitReviewed(page, editor, CLEAN.length);
            await submit(page);
            // The site's handler ran within the click or key itself: no waiting needed to see it.
            assert.deepEqual(await submitted(page), [{ editor: name, text: CLEAN }]);
            assert.equal(await gate(page).count(), 0, 'no dialog');
          } finally {
            await page.close();
          }
        }
      });

      test(`an exception inside the extension during submit lets the post through untouched (run ${run})`, async () => {
        await h.serviceWorker.evaluate(() => chrome.storage.local.set({ testFaults: { gateThrows: true } }));
        const { page, editor } = await openComposer(h, 'x-reply');
        try {
          await typeHostile(page, editor);
          await SUBMIT['x-reply'](page).click();
          assert.deepEqual(await submitted(page), [{ editor: 'x-reply', text: HOSTILE }]);
          assert.equal(await gate(page).count(), 0, 'no dialog');
        } finally {
          await h.serviceWorker.evaluate(() => chrome.storage.local.remove('testFaults'));
          await page.close();
        }
      });

      test(`a worker that never answers: a stale report is not checked past the budget, the post goes through once (run ${run})`, async () => {
        const { page, editor } = await openComposer(h, 'fb-comment');
        try {
          await typeHostile(page, editor);
          // Keep the service worker's thread busy for 4 s: the review the gate asks for cannot be answered.
          await h.serviceWorker.evaluate(() => {
            setTimeout(() => {
              const end = Date.now() + 4000;
              while (Date.now() < end) {
                // busy: no message is handled meanwhile
              }
            });
          });
          await page.keyboard.type(' Now.');
          // Pressed twice, as an impatient user does: still one post.
          await page.keyboard.press('Enter');
          await page.keyboard.press('Enter');
          await page.waitForFunction(() => window.__fixture.submitted.length > 0);
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
          assert.deepEqual(await submitted(page), [{ editor: 'fb-comment', text: `${HOSTILE} Now.` }]);
          assert.equal(await gate(page).count(), 0, 'no dialog');
          assert.equal(await modelText(page, 'fb-comment'), '');
        } finally {
          await page.close();
        }
      });

      test(`settings: a kind set to ignore on the options page does not hold; set back to hold, it does (run ${run})`, async () => {
        const options = await h.context.newPage();
        const setTone = async (action) => {
          await options.locator('[data-stratege="gate-settings"] select[name=gate-tone]').selectOption(action);
          await h.serviceWorker.evaluate(async (a) => {
            while ((await chrome.storage.local.get('settings')).settings?.gate?.tone !== a) {
              await new Promise((r) => setTimeout(r, 10));
            }
          }, action);
        };
        await options.goto(`chrome-extension://${h.extensionId}/options.html`);
        const { page, editor } = await openComposer(h, 'x-reply');
        try {
          await setTone('ignore');
          await typeHostile(page, editor);
          await SUBMIT['x-reply'](page).click();
          assert.deepEqual(await submitted(page), [{ editor: 'x-reply', text: HOSTILE }]);
          assert.equal(await gate(page).count(), 0, 'ignored: no dialog');

          const again = await openComposer(h, 'x-reply');
          await setTone('hold');
          const host = await typeHostile(again.page, again.editor);
          await SUBMIT['x-reply'](again.page).click();
          await expectHeld(again.page, 'x-reply', host);
          await again.page.close();
        } finally {
          await h.serviceWorker.evaluate(() => chrome.storage.local.remove('settings'));
          await options.close();
          await page.close();
        }
      });
    }
  });
}

describe('review before posting in French', { concurrency: false }, () => {
  let h;
  before(async () => {
    h = await launch({ extensionDir: EXTENSION, csp: 'site', lang: 'fr' });
  });
  after(async () => {
    await h?.close();
  });

  for (const run of RUNS) {
    test(`with a French browser the dialog speaks French (run ${run})`, async () => {
      assert.match(await h.serviceWorker.evaluate(() => chrome.i18n.getUILanguage()), /^fr/);
      const { page, editor } = await openComposer(h, 'x-reply');
      try {
        await typeHostile(page, editor);
        await SUBMIT['x-reply'](page).click();
        await gate(page).waitFor();
        assert.equal(await gate(page).locator('.title').textContent(), 'Relire avant de publier ?');
        assert.equal(await gate(page).locator('[data-stratege="review"]').textContent(), 'Relire');
        assert.equal(await gate(page).locator('[data-stratege="post-anyway"]').textContent(), 'Publier quand même');
        assert.match(await gate(page).locator('[data-stratege="gate-item"]').textContent(), /hostile/);
        await postAnyway(page, 'x-reply', HOSTILE);
      } finally {
        await page.close();
      }
    });
  }
});
