// Hashtag marks, cards and one-click fixes, and reply-tone warnings, in Debian Chromium on the fixture composers
// (real Draft.js and Lexical, a React textarea). Typed with the keyboard; fixes are checked in the editor's OWN
// model, with the caret and undo. Marks are checked against the on-screen rect of the flagged words. Each test
// runs 3 times, no retries.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, modelText, waitModel } from './harness.mjs';
import { openComposer } from './composers.mjs';

const EXTENSION = new URL('../../dist/chrome', import.meta.url).pathname;
/** Written under the ignored tests/e2e/out/; `make docs` copies it to docs/ for the README. */
const SCREENSHOT = new URL('./out/review.png', import.meta.url).pathname;
const RUNS = [1, 2, 3];
const TYPO = 'Tips for #SocialMeida managers';
const FIXED = 'Tips for #SocialMedia managers';
const EDITORS = ['x-home', 'fb-post', 'ig-caption', 'ig-comment'];

/** The `<stratege-ui>` host nearest the editor, as a JSHandle. */
function hostOf(editor) {
  return editor.evaluateHandle((ed) => {
    for (let node = ed.parentElement; node; node = node.parentElement) {
      const host = node.querySelector('stratege-ui');
      if (host) return host;
    }
    return null;
  });
}

/** Waits until the composer's latest review is of a text of this length (the review lane has caught up). */
async function waitReviewed(page, editor, length) {
  const host = await hostOf(editor);
  await page.waitForFunction(([h, n]) => h.dataset.reviewed === String(n), [host, length]);
  return host;
}

/** The marks of a host: kind, text and on-screen rect. */
function marksOf(host) {
  return host.evaluate((h) =>
    [...h.shadowRoot.querySelectorAll('[data-stratege="mark"]')]
      .filter((m) => !m.hidden)
      .map((m) => {
        const r = m.getBoundingClientRect();
        return {
          kind: m.dataset.kind,
          text: m.dataset.text,
          left: r.left,
          right: r.right,
          top: r.top,
          bottom: r.bottom,
        };
      }),
  );
}

/** The on-screen rect of the first occurrence of `needle` in the editor's text (contenteditable or textarea). */
function textRect(editor, needle) {
  return editor.evaluate((ed, needle) => {
    if (ed instanceof HTMLTextAreaElement) {
      const r = ed.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, field: true };
    }
    const walker = document.createTreeWalker(ed, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      const r = range.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    }
    return null;
  }, needle);
}

/** A mark sits under its words: same horizontal extent, its bottom at the text's bottom. */
function assertUnder(mark, rect) {
  if (rect.field) {
    assert.ok(mark.left >= rect.left && mark.right <= rect.right, 'the mark lies inside the field');
    assert.ok(mark.top >= rect.top && mark.bottom <= rect.bottom + 4, 'the mark lies inside the field');
    return;
  }
  assert.ok(Math.abs(mark.left - rect.left) <= 1.5, `mark left ${mark.left} vs text ${rect.left}`);
  assert.ok(Math.abs(mark.right - rect.right) <= 1.5, `mark right ${mark.right} vs text ${rect.right}`);
  assert.ok(Math.abs(mark.bottom - rect.bottom) <= 3, `mark bottom ${mark.bottom} vs text ${rect.bottom}`);
}

/** The texts the editor's model goes through while Ctrl+Z is pressed up to `times` times. */
async function undoHistory(page, name, times) {
  const seen = [await modelText(page, name)];
  for (let i = 0; i < times; i++) {
    await page.keyboard.press('Control+Z');
    await page.waitForTimeout(60);
    const text = await modelText(page, name);
    if (text !== seen[seen.length - 1]) seen.push(text);
  }
  return seen;
}

describe('hashtag and tone reviews in the composers', { concurrency: false }, () => {
  let h;
  before(async () => {
    h = await launch({ extensionDir: EXTENSION, csp: 'site' });
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });
  after(async () => {
    assert.deepEqual(h?.offsiteRequests ?? [], [], 'the extension makes no network request');
    await h?.close();
  });

  for (const run of RUNS) {
    for (const name of EDITORS) {
      test(`${name}: a misspelt hashtag is marked, fixed in one click in the model, typing goes on, undo restores (run ${run})`, async () => {
        const { page, editor } = await openComposer(h, name);
        try {
          await page.keyboard.type(TYPO);
          const host = await waitReviewed(page, editor, TYPO.length);
          await page.waitForFunction((hh) => hh.shadowRoot.querySelector('[data-stratege="mark"]:not([hidden])'), host);
          const marks = await marksOf(host);
          assert.equal(marks.length, 1, `exactly one mark: ${JSON.stringify(marks)}`);
          assert.equal(marks[0].kind, 'hashtag-spelling');
          assert.equal(marks[0].text, '#SocialMeida');
          assertUnder(marks[0], await textRect(editor, '#SocialMeida'));

          await page.locator('stratege-ui [data-stratege="mark"]').click();
          const apply = page.locator('stratege-ui [data-stratege="card"] [data-stratege="apply"]').first();
          assert.equal(await apply.getAttribute('data-value'), '#SocialMedia');
          assert.equal(await page.locator('stratege-ui [data-stratege="card"] [data-stratege="dismiss"]').count(), 1);
          await apply.click();
          await waitModel(page, name, FIXED);
          assert.equal(await page.locator('stratege-ui [data-stratege="card"]').count(), 0, 'the card closed');

          await page.keyboard.type(' now');
          await waitModel(page, name, `${FIXED} now`);
          await waitReviewed(page, editor, FIXED.length + 4);
          assert.deepEqual(await marksOf(host), [], 'a clean post shows no mark');

          const history = await undoHistory(page, name, 6);
          const fixedAt = history.indexOf(FIXED);
          assert.ok(fixedAt > 0, `undo goes back through the fix: ${JSON.stringify(history)}`);
          assert.ok(history.indexOf(TYPO) > fixedAt, `then to the original: ${JSON.stringify(history)}`);
        } finally {
          await page.close();
        }
      });
    }

    test(`x-home: the caret inside the tag returns right after the fix; Ignore and "add to my dictionary" hide the mark (run ${run})`, async () => {
      const { page, editor } = await openComposer(h, 'x-home');
      try {
        await page.keyboard.type('#custmerservice matters');
        const host = await waitReviewed(page, editor, 23);
        await page.waitForFunction((hh) => hh.shadowRoot.querySelector('[data-stratege="mark"]:not([hidden])'), host);
        // Put the caret inside the tag with the keyboard, then open the card from the keyboard too.
        await page.keyboard.press('Home');
        for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
        await page.locator('stratege-ui [data-stratege="mark"]').focus();
        await page.keyboard.press('Enter');
        const apply = page.locator('stratege-ui [data-stratege="card"] [data-stratege="apply"]').first();
        assert.equal(await apply.getAttribute('data-value'), '#customerservice');
        await apply.click();
        await waitModel(page, 'x-home', '#customerservice matters');
        await page.keyboard.type('!');
        await waitModel(page, 'x-home', '#customerservice! matters');

        await page.keyboard.press('End');
        await page.keyboard.type(' #Stratejy');
        const mark = page.locator('stratege-ui [data-stratege="mark"][data-text="#Stratejy"]');
        await mark.waitFor();
        await mark.click();
        await page.locator('stratege-ui [data-stratege="card"] button', { hasText: 'to my dictionary' }).click();
        await mark.waitFor({ state: 'detached' });
        // The mark goes at once; the word reaches the store when its write is done: wait for that, then compare.
        const settings = await h.serviceWorker.evaluate(async () => {
          const read = async () => (await chrome.storage.local.get('settings')).settings;
          while (!(await read())?.dictionary?.length) await new Promise((r) => setTimeout(r, 10));
          return read();
        });
        assert.deepEqual(settings.dictionary, ['Stratejy']);
        await page.keyboard.type(' #Stratejy');
        await waitReviewed(page, editor, (await modelText(page, 'x-home')).length);
        assert.equal(
          (await marksOf(host)).filter((m) => m.text === '#Stratejy').length,
          1,
          'only the duplicate is marked',
        );
        await h.serviceWorker.evaluate(() => chrome.storage.local.set({ settings: { dictionary: [] } }));
      } finally {
        await page.close();
      }
    });

    test(`x-home: a caret moved in the same task as the focus leaves the editor is the one the fix returns to (run ${run})`, async () => {
      const { page, editor } = await openComposer(h, 'x-home');
      try {
        await page.keyboard.type('#custmerservice matters');
        const host = await waitReviewed(page, editor, 23);
        await page.waitForFunction((hh) => hh.shadowRoot.querySelector('[data-stratege="mark"]:not([hidden])'), host);
        // A fast user (or a loaded machine): the caret moves and the focus goes to the mark before the browser
        // dispatches `selectionchange`, and Draft.js empties the selection on blur. The caret must still count.
        await page.evaluate(() => {
          const selection = getSelection();
          selection.modify('move', 'backward', 'lineboundary');
          for (let i = 0; i < 5; i++) selection.modify('move', 'forward', 'character');
          document.querySelector('stratege-ui').shadowRoot.querySelector('[data-stratege="mark"]').focus();
        });
        await page.keyboard.press('Enter');
        await page.locator('stratege-ui [data-stratege="card"] [data-stratege="apply"]').first().click();
        await waitModel(page, 'x-home', '#customerservice matters');
        await page.keyboard.type('!');
        await waitModel(page, 'x-home', '#customerservice! matters');
      } finally {
        await page.close();
      }
    });

    test(`x-reply: an insulting reply shows a hostile tone warning within 1.5 s, with marks on its words; a polite one shows none (run ${run})`, async () => {
      const { page, editor } = await openComposer(h, 'x-reply');
      try {
        const insult = 'You are an idiot, learn to read.';
        await page.keyboard.type(insult);
        const typed = Date.now();
        const tone = page.locator('stratege-ui [data-stratege="tone"][data-level="hostile"]');
        await tone.waitFor({ timeout: 1500 });
        assert.ok(Date.now() - typed <= 1500);
        const host = await hostOf(editor);
        const toneMarks = (await marksOf(host)).filter((m) => m.kind === 'tone');
        const idiot = toneMarks.find((m) => /idiot/i.test(m.text));
        assert.ok(idiot, `a tone mark on "idiot": ${JSON.stringify(toneMarks)}`);
        assertUnder(idiot, await textRect(editor, idiot.text));
        await tone.click();
        const card = page.locator('stratege-ui [data-stratege="card"]');
        await card.waitFor();
        assert.match(await card.textContent(), /idiot/);
        if (run === 1) {
          fs.mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
          await page.screenshot({ path: SCREENSHOT, clip: { x: 330, y: 30, width: 620, height: 560 } });
        }

        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+A');
        await page.keyboard.press('Backspace');
        const polite = 'Thanks for your patience, unfortunately we cannot refund this order.';
        await page.keyboard.type(polite);
        await waitReviewed(page, editor, polite.length);
        assert.equal(await page.locator('stratege-ui [data-stratege="tone"][data-level]').count(), 0);
        assert.deepEqual(
          (await marksOf(host)).filter((m) => m.kind === 'tone'),
          [],
        );
      } finally {
        await page.close();
      }
    });

    test(`fb-comment (Lexical): hostile French comment is flagged with marks on its words (run ${run})`, async () => {
      const { page, editor } = await openComposer(h, 'fb-comment');
      try {
        const text = 'Vous êtes vraiment des abrutis, apprenez à lire.';
        await page.keyboard.type(text);
        await page.locator('stratege-ui [data-stratege="tone"][data-level="hostile"]').waitFor({ timeout: 1500 });
        const host = await waitReviewed(page, editor, text.length);
        const toneMarks = (await marksOf(host)).filter((m) => m.kind === 'tone');
        const insult = toneMarks.find((m) => /abruti/i.test(m.text));
        assert.ok(insult, `a tone mark on "abrutis": ${JSON.stringify(toneMarks)}`);
        assertUnder(insult, await textRect(editor, insult.text));
      } finally {
        await page.close();
      }
    });

    test(`x-home: marks follow page scrolling and re-wrapping when the window narrows (run ${run})`, async () => {
      const { page, editor } = await openComposer(h, 'x-home');
      try {
        for (let i = 0; i < 25; i++) {
          await page.keyboard.type(`line ${i}`);
          await page.keyboard.press('Enter');
        }
        await page.keyboard.type(
          'A longer closing line so that the window can wrap it: tips for #SocialMeida managers',
        );
        const mark = page.locator('stratege-ui [data-stratege="mark"][data-text="#SocialMeida"]');
        await mark.waitFor();
        const host = await hostOf(editor);
        const under = async () => {
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          const [m] = (await marksOf(host)).filter((x) => x.text === '#SocialMeida');
          assertUnder(m, await textRect(editor, '#SocialMeida'));
          return m;
        };
        const before = await under();
        await page.mouse.wheel(0, 150);
        await page.waitForFunction((_y) => scrollY > 0, null);
        const scrolled = await under();
        assert.ok(scrolled.top < before.top, 'the mark moved up with the page');
        await page.setViewportSize({ width: 760, height: 900 });
        await under();
      } finally {
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.close();
      }
    });

    test(`settings: tone sensitivity per site, tone on new posts, the Instagram hashtag limit and my dictionary, from the options page, apply live (run ${run})`, async () => {
      const { page, editor } = await openComposer(h, 'x-reply');
      const options = await h.context.newPage();
      try {
        await options.goto(`chrome-extension://${h.extensionId}/options.html`);
        const form = options.locator('[data-stratege="settings"]');
        const insult = 'You are an idiot.';
        await page.keyboard.type(insult);
        const hostile = page.locator('stratege-ui [data-stratege="tone"][data-level="hostile"]');
        await hostile.waitFor();
        await form.locator('select[name=tone-x]').selectOption('off');
        await hostile.waitFor({ state: 'hidden' });
        await page.keyboard.type(' Really.');
        await waitReviewed(page, editor, insult.length + 8);
        assert.equal(await page.locator('stratege-ui [data-stratege="tone"][data-level]').count(), 0, 'off means off');
        await form.locator('select[name=tone-x]').selectOption('relaxed');
        await hostile.waitFor();

        // New posts: no tone check unless asked for.
        const post = await openComposer(h, 'x-home');
        await post.page.keyboard.type(insult);
        await waitReviewed(post.page, post.editor, insult.length);
        assert.equal(await post.page.locator('stratege-ui [data-stratege="tone"][data-level]').count(), 0);
        await form.locator('input[name=tonePosts]').check();
        await post.page.locator('stratege-ui [data-stratege="tone"][data-level="hostile"]').waitFor();
        await form.locator('input[name=tonePosts]').uncheck();
        await post.page.close();

        // Instagram: six hashtags pass a limit of 6 and break the default 5.
        const ig = await openComposer(h, 'ig-caption');
        const six = '#travel #food #photography #nature #sunset #friends';
        await ig.page.keyboard.type(six);
        const limitMark = ig.page.locator('stratege-ui [data-stratege="mark"][data-kind="hashtag-limit"]');
        await limitMark.first().waitFor();
        await form.locator('input[name=instagramHashtagLimit]').fill('6');
        await form.locator('input[name=instagramHashtagLimit]').dispatchEvent('change');
        await limitMark.first().waitFor({ state: 'detached' });
        await form.locator('input[name=instagramHashtagLimit]').fill('5');
        await form.locator('input[name=instagramHashtagLimit]').dispatchEvent('change');
        await limitMark.first().waitFor();
        await ig.page.close();

        // My dictionary: a word added on the options page is accepted in hashtags, and removed again.
        await page.keyboard.press('Control+A');
        await page.keyboard.type('#Stratejy rocks');
        const mark = page.locator('stratege-ui [data-stratege="mark"][data-text="#Stratejy"]');
        await mark.waitFor();
        const dictionary = options.locator('[data-stratege="dictionary"]');
        await dictionary.locator('input[name=word]').fill('#Stratejy');
        await dictionary.locator('button[type=submit]').click();
        await dictionary.locator('li[data-word="Stratejy"]').waitFor();
        await mark.waitFor({ state: 'detached' });
        await dictionary.locator('li[data-word="Stratejy"] button').click();
        await mark.waitFor();
      } finally {
        await options.close();
        await page.close();
      }
    });

    test(`bad input: 300 hashtags and a 2,000-character tag are reviewed without freezing; every mark lies on the editor (run ${run})`, async () => {
      const { page, editor } = await openComposer(h, 'x-home');
      try {
        const tags = Array.from({ length: 300 }, (_, i) => `#tag${i}${i % 7 === 0 ? 'markting' : ''}`).join(' ');
        const text = `${tags} #${'a'.repeat(2000)} #日本語 #café😀ok`;
        await page.evaluate((t) => navigator.clipboard.writeText(t), text);
        await page.keyboard.press('Control+V');
        await page.waitForFunction(([t]) => window.__fixture.modelText('x-home') === t, [text]);
        const host = await waitReviewed(page, editor, text.length);
        const box = await editor.evaluate((ed) => {
          const r = ed.getBoundingClientRect();
          return { left: r.left, right: r.right };
        });
        for (const mark of await marksOf(host)) {
          assert.ok(mark.left >= box.left - 1 && mark.right <= box.right + 1, `mark ${mark.text} lies on the editor`);
        }
        // Still responsive: a keystroke reaches the model at once.
        await page.keyboard.type('!');
        await page.waitForFunction(([t]) => window.__fixture.modelText('x-home') === `${t}!`, [text]);
      } finally {
        await page.close();
      }
    });
  }
});
