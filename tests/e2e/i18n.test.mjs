// The interface in the browser's language (issue 11 item 3), in Debian Chromium with its translations: with a
// French browser the hashtag card, the tone card and its tip (asked of the core in the interface's language), the
// review dialog and the options page speak French; with an English browser, English. Each test runs 3 times.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, submitted, waitReviewed } from './harness.mjs';
import { openComposer } from './composers.mjs';

const EXTENSION = new URL('../../dist/chrome', import.meta.url).pathname;
const RUNS = [1, 2, 3];
/** An English reply with a misspelt hashtag and an insult: its tip follows the interface, not the text. */
const REPLY = 'You are an idiot #SocialMeida';

const WORDS = {
  fr: {
    card: 'Orthographe du hashtag',
    line: '#SocialMeida semble mal orthographié : vouliez-vous écrire #SocialMedia ?',
    addWord: 'Ajouter «\u00a0SocialMeida\u00a0» à mon dictionnaire',
    tone: 'Ton : hostile',
    toneCard: 'Cette réponse peut paraître hostile',
    tip: /Décrivez plutôt le problème/,
    gate: 'Relire avant de publier ?',
    postAnyway: 'Publier quand même',
    options: ['Réglages de Stratège', 'Où Stratège vérifie vos messages', 'Ce qui retient un message'],
    gateTone: 'Retenir le message',
    importNotes: [
      "Ligne 3, colonne 4 (time) : « hier » n'est pas une date",
      "Ligne 4, colonne 5 (impressions) : « 12x » n'est pas un nombre",
    ],
    importError: "vide.csv n'a pas pu être lu : le fichier est vide",
  },
  en: {
    card: 'Hashtag spelling',
    line: '#SocialMeida looks misspelt: did you mean #SocialMedia?',
    addWord: 'Add “SocialMeida” to my dictionary',
    tone: 'Tone: hostile',
    toneCard: 'This reply may read as hostile',
    tip: /describe the problem/i,
    gate: 'Review before posting?',
    postAnyway: 'Post anyway',
    options: ['Stratège settings', 'Where Stratège checks your posts', 'What holds a post'],
    gateTone: 'Hold the post',
    importNotes: [
      'Line 3, column 4 (time): “hier” is not a date',
      'Line 4, column 5 (impressions): “12x” is not a number',
    ],
    importError: 'vide.csv could not be read: the file is empty',
  },
};

/** An X analytics export with one good row, a time that is no date and a figure that is no number; and an empty
 * file. The core's notes on them are data the options page words in the interface's language. */
const ANALYTICS = {
  'x-notes.csv': [
    'Tweet id,Tweet text,retweets,time,impressions,likes',
    '1,ok,2,2025-10-06 19:10 +0000,1000,60',
    '2,date,2,hier,1000,60',
    '3,number,2,2025-10-07 19:10 +0000,12x,60',
    '',
  ].join('\n'),
  'vide.csv': '',
};

/** The README's screenshots of the review dialog, one per language, under the ignored tests/e2e/out/ (`make docs`). */
const screenshot = (lang) => new URL(`./out/gate-${lang}.png`, import.meta.url).pathname;

/** The box holding both the reply dialog and the review dialog beside it, with a margin, in the viewport. */
async function around(page, ...locators) {
  const boxes = await Promise.all(locators.map((l) => l.boundingBox()));
  const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - 16);
  const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - 16);
  const right = Math.max(...boxes.map((b) => b.x + b.width)) + 16;
  const bottom = Math.min(page.viewportSize().height, Math.max(...boxes.map((b) => b.y + b.height)) + 16);
  return { x, y, width: right - x, height: bottom - y };
}

const ui = (page, selector) => page.locator(`stratege-ui ${selector}`);

for (const lang of ['fr', 'en']) {
  describe(`the interface with a browser in ${lang === 'fr' ? 'French' : 'English'}`, { concurrency: false }, () => {
    const words = WORDS[lang];
    let h;
    before(async () => {
      h = await launch({ extensionDir: EXTENSION, csp: 'site', lang });
    });
    after(async () => {
      assert.deepEqual(h?.offsiteRequests ?? [], [], 'the extension makes no network request');
      await h?.close();
    });

    for (const run of RUNS) {
      test(`cards, tone, tip and review dialog speak ${lang} (run ${run})`, async () => {
        assert.match(await h.serviceWorker.evaluate(() => chrome.i18n.getUILanguage()), new RegExp(`^${lang}`));
        const { page, editor } = await openComposer(h, 'x-reply');
        try {
          await page.keyboard.type(REPLY);
          await waitReviewed(page, editor, REPLY.length);
          const mark = ui(page, '[data-stratege="mark"][data-kind="hashtag-spelling"]');
          assert.equal(
            await mark.getAttribute('aria-label'),
            `${words.card}${lang === 'fr' ? '\u00a0: ' : ': '}#SocialMeida`,
          );
          await mark.click();
          const card = ui(page, '[data-stratege="card"]');
          await card.waitFor();
          assert.equal(await card.locator('.title').textContent(), words.card);
          assert.ok((await card.locator('p').allTextContents()).includes(words.line));
          assert.ok((await card.locator('button').allTextContents()).includes(words.addWord));
          await page.keyboard.press('Escape');
          await card.waitFor({ state: 'detached' });

          const tone = ui(page, '[data-stratege="tone"][data-level="hostile"]');
          assert.equal(await tone.textContent(), words.tone);
          await tone.click();
          await card.waitFor();
          assert.equal(await card.locator('.title').textContent(), words.toneCard);
          assert.match(await card.locator('.tip').first().textContent(), words.tip);
          await page.keyboard.press('Escape');
          await card.waitFor({ state: 'detached' });

          await page.keyboard.press('Control+Enter');
          const gate = ui(page, '[data-stratege="gate"]');
          await gate.waitFor();
          assert.equal(await gate.locator('.title').textContent(), words.gate);
          assert.equal(await gate.locator('[data-stratege="post-anyway"]').textContent(), words.postAnyway);
          if (run === 1) {
            fs.mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
            await gate.evaluate((g) => Promise.all(g.getAnimations().map((a) => a.finished)));
            const clip = await around(page, page.locator('#layers [role=dialog]'), gate);
            await page.screenshot({ path: screenshot(lang), clip });
          }
          await gate.locator('[data-stratege="post-anyway"]').click();
          await page.waitForFunction(() => window.__fixture.submitted.length > 0);
          assert.deepEqual(await submitted(page), [{ editor: 'x-reply', text: REPLY }]);
        } finally {
          await page.close();
        }
      });

      test(`the options page speaks ${lang} (run ${run})`, async () => {
        const page = await h.context.newPage();
        try {
          await page.goto(`chrome-extension://${h.extensionId}/options.html`);
          await page.locator('[data-stratege="gate-settings"] select[name=gate-tone] option').first().waitFor({
            state: 'attached',
          });
          assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
          const [title, sites, gateLegend] = words.options;
          assert.equal(await page.title(), title);
          assert.equal(await page.locator('#sites-title').textContent(), sites);
          assert.equal(await page.locator('[data-stratege="gate-settings"] legend').textContent(), gateLegend);
          const hold = await page.locator('select[name=gate-tone] option[value=hold]').textContent();
          assert.equal(hold, words.gateTone);
          // No key shows instead of its words: every text of the page is a message.
          const body = await page.locator('body').textContent();
          assert.doesNotMatch(body, /\b(options|gate|card|counter)[A-Z]\w+/);
          // The analytics import's notes on skipped rows and unusable files.
          await page.setInputFiles(
            '[data-stratege="schedule-import"]',
            Object.entries(ANALYTICS).map(([name, text]) => ({
              name,
              mimeType: 'text/csv',
              buffer: Buffer.from(text),
            })),
          );
          const notes = page.locator('[data-stratege="import"][data-file="x-notes.csv"] li');
          await notes.nth(1).waitFor();
          assert.deepEqual(await notes.allTextContents(), words.importNotes);
          assert.equal(await page.locator('[data-stratege="import-errors"]').textContent(), words.importError);
          await page.locator('[data-stratege="schedule-clear-imports"]').click();
          await page.locator('[data-stratege="import"]').first().waitFor({ state: 'detached' });
        } finally {
          await page.close();
        }
      });
    }
  });
}
