// The Firefox package in Debian's Firefox ESR: packaged from dist/chrome as `make package` does (tools/package.mjs),
// linted by web-ext (addons-linter) with 0 errors and 0 notices, installed as a temporary add-on over WebDriver
// BiDi (puppeteer-core), then on the fixture composers (Draft.js on X, Lexical in Facebook's comment box, the React
// textarea of Instagram's comments) under the sites' CSP and a strict one: the counter counts text typed with the
// keyboard (checked against an independent oracle of the editor's OWN model text), a misspelt hashtag is marked,
// and the site's own submit (a click on Post, Enter in Facebook's comment box) is held by the review dialog with
// the hashtag listed until "Post anyway" posts the text once. Each test runs 3 times, no retries. Needs `make build`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import webExt from 'web-ext';
import { buildFirefox, zipDir } from '../../tools/package.mjs';
import { launchFirefox } from './firefox-harness.mjs';

const require = createRequire(import.meta.url);
const twitter = require('twitter-text');

const CHROME_BUILD = new URL('../../dist/chrome', import.meta.url).pathname;
const RUNS = [1, 2, 3];
const TYPO = 'Tips for #SocialMeida managers';
/**
 * Per composer: its page, the editable element, what the platform counts (an oracle independent of Stratège), and
 * the site's own submit (its button, or its keyboard submit as data/sites.json has it).
 */
const COMPOSERS = {
  'x-home': {
    url: 'https://x.com/home',
    editor: '[data-testid=primaryColumn] [data-testid=tweetTextarea_0][role=textbox]',
    count: (text) => twitter.parseTweet(text).weightedLength,
    limit: 280,
    submit: { click: '[data-testid=primaryColumn] [data-testid=tweetButtonInline]' },
  },
  'fb-comment': {
    url: 'https://www.facebook.com/',
    editor: '[role=article] form[role=presentation] [data-lexical-editor=true][aria-label="Comment as Ana Silva"]',
    count: (text) => text.length,
    limit: 8000,
    submit: { key: 'Enter' },
  },
  'ig-comment': {
    url: 'https://www.instagram.com/p/C0deAbc123x/',
    editor: 'section form textarea[aria-label="Add a comment\u2026"]',
    count: (text) => text.length,
    limit: 2200,
    submit: { click: 'section form [role=button] ::-p-text(Post)' },
  },
};

/** The counter of the `<stratege-ui>` host nearest the editor: {core, count, limit, state}, or null while none. */
function counterOf(page, editor) {
  return page.evaluate((ed) => {
    for (let node = ed.parentElement; node; node = node.parentElement) {
      const host = node.querySelector('stratege-ui');
      if (!host) continue;
      const counter = host.shadowRoot?.querySelector('[data-stratege="counter"]');
      return { core: host.dataset.core, ...counter?.dataset };
    }
    return null;
  }, editor);
}

/** Waits until the composer's counter shows `want`, then returns the counter. */
async function waitCount(page, editor, want) {
  await page.waitForFunction(
    (ed, w) => {
      for (let node = ed.parentElement; node; node = node.parentElement) {
        const host = node.querySelector('stratege-ui');
        if (host) return host.shadowRoot?.querySelector('[data-stratege="counter"]')?.dataset.count === w;
      }
      return false;
    },
    {},
    editor,
    String(want),
  );
  return counterOf(page, editor);
}

/** The visible marks of the host nearest the editor: [{kind, text}]. */
function marksOf(page, editor) {
  return page.evaluate((ed) => {
    for (let node = ed.parentElement; node; node = node.parentElement) {
      const host = node.querySelector('stratege-ui');
      if (!host) continue;
      return [...host.shadowRoot.querySelectorAll('[data-stratege="mark"]')]
        .filter((m) => !m.hidden)
        .map((m) => ({ kind: m.dataset.kind, text: m.dataset.text }));
    }
    return [];
  }, editor);
}

describe('the Firefox package', { concurrency: false }, () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'stratege-firefox-'));
  const unpacked = path.join(work, 'firefox');
  const xpi = path.join(work, 'stratege-firefox.zip');
  before(() => {
    buildFirefox(CHROME_BUILD, unpacked);
    zipDir(unpacked, xpi);
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  test('web-ext lint: 0 errors, 0 notices (warnings listed)', async (t) => {
    const result = await webExt.cmd.lint({ sourceDir: unpacked, output: 'none' }, { shouldExitProgram: false });
    const brief = (messages) => messages.map((m) => `${m.code} ${m.file ?? ''}: ${m.message}`);
    for (const warning of brief(result.warnings)) t.diagnostic(`web-ext lint warning: ${warning}`);
    assert.deepEqual(brief(result.errors), []);
    assert.deepEqual(brief(result.notices), []);
  });

  // Under the sites' CSP and under a strict one without 'wasm-unsafe-eval': Firefox compiles the core in the
  // content script under either (its content scripts follow the extension's CSP, not the page's), and reviews
  // always run in the background script.
  for (const mode of ['site', 'strict']) {
    describe(`in Firefox ESR under the ${mode === 'site' ? "sites' CSP" : 'strict CSP'}`, {
      concurrency: false,
    }, () => {
      let h;
      before(async () => {
        h = await launchFirefox({ extension: xpi, csp: mode });
      });
      after(async () => {
        assert.deepEqual(h?.offsiteRequests ?? [], [], 'the pages and the extension make no network request');
        await h?.close();
      });

      test('the temporary add-on has the package id', () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(unpacked, 'manifest.json'), 'utf8'));
        assert.equal(h.extensionId, manifest.browser_specific_settings.gecko.id);
      });

      for (const run of RUNS) {
        for (const [name, composer] of Object.entries(COMPOSERS)) {
          test(`${name}: the counter counts typed text, #SocialMeida is marked and holds the post for review; Post anyway posts once (run ${run})`, async (t) => {
            const page = await h.open(composer.url);
            try {
              const typed = await checkComposer(t, page, name, composer);
              await checkGate(page, name, composer, typed);
            } finally {
              await page.close();
            }
          });
        }
      }
    });
  }
  // The add-on updated while a composer is open: Firefox runs the new version in the open tab, which removes what the
  // old one left (its sandbox is gone, its hosts stay in the page) and takes over: one counter, following the text.
  describe('in Firefox ESR, the add-on updated under an open composer', { concurrency: false }, () => {
    let h;
    before(async () => {
      h = await launchFirefox({ extension: xpi, csp: 'site' });
    });
    after(async () => {
      assert.deepEqual(h?.offsiteRequests ?? [], [], 'the pages and the extension make no network request');
      await h?.close();
    });

    for (const run of RUNS) {
      test(`the new version takes over with one counter, nothing typed lost (run ${run})`, async () => {
        const composer = COMPOSERS['x-home'];
        const page = await h.open(composer.url);
        try {
          const editor = await page.waitForSelector(composer.editor);
          await editor.click();
          await page.keyboard.type(TYPO);
          await waitCount(page, editor, composer.count(TYPO));
          // The old version's host, marked from the page's world (an expando the content scripts do not see).
          await page.evaluate(() => {
            for (const host of document.querySelectorAll('stratege-ui')) host.oldVersion = true;
          });
          assert.equal(await h.browser.installExtension(xpi), h.extensionId);
          await page.waitForFunction(() => {
            const hosts = [...document.querySelectorAll('stratege-ui')];
            return hosts.length > 0 && hosts.every((host) => !host.oldVersion);
          });
          const more = ' today';
          await page.keyboard.type(more);
          await page.waitForFunction((n, want) => window.__fixture.modelText(n) === want, {}, 'x-home', TYPO + more);
          await waitCount(page, editor, composer.count(TYPO + more));
          const counters = await page.evaluate(
            () =>
              [...document.querySelectorAll('stratege-ui')].filter((host) =>
                host.shadowRoot?.querySelector('[data-stratege="counter"]'),
              ).length,
          );
          assert.equal(counters, 1, 'one counter');
        } finally {
          await page.close();
        }
      });
    }
  });
});

/** Types into the composer; the counter follows the editor's model and the misspelt hashtag gets its mark. */
async function checkComposer(t, page, name, composer) {
  const editor = await page.waitForSelector(composer.editor);
  await editor.click();
  const empty = await waitCount(page, editor, 0);
  assert.equal(empty.limit, String(composer.limit));
  assert.equal(empty.state, 'ok');

  await page.keyboard.type(TYPO);
  await page.waitForFunction((n, want) => window.__fixture.modelText(n) === want, {}, name, TYPO);
  const counter = await waitCount(page, editor, composer.count(TYPO));
  assert.equal(counter.state, 'ok');
  t.diagnostic(`${name}: the counter's core ran in the ${counter.core === 'page' ? 'content script' : 'background'}`);

  await page.waitForFunction(
    (ed) => {
      for (let node = ed.parentElement; node; node = node.parentElement) {
        const host = node.querySelector('stratege-ui');
        if (host) return host.shadowRoot.querySelector('[data-stratege="mark"]:not([hidden])') !== null;
      }
      return false;
    },
    {},
    editor,
  );
  assert.deepEqual(await marksOf(page, editor), [{ kind: 'hashtag-spelling', text: '#SocialMeida' }]);

  await page.keyboard.type(' ok');
  const typed = `${TYPO} ok`;
  await page.waitForFunction((n, want) => window.__fixture.modelText(n) === want, {}, name, typed);
  await waitCount(page, editor, composer.count(typed));
  return typed;
}

const GATE = 'stratege-ui >>> [data-stratege="gate"]';

/**
 * With the misspelt hashtag still open, the site's own submit is held: the review dialog lists the hashtag (with its
 * fix) and the site's handler has not run; "Post anyway" lets it run exactly once, with the text as typed.
 */
async function checkGate(page, name, composer, typed) {
  const editor = await page.$(composer.editor);
  // The gate decides on the latest review: wait until it covers the whole text (else it would check again first).
  await page.waitForFunction(
    (ed, n) => {
      for (let node = ed.parentElement; node; node = node.parentElement) {
        const host = node.querySelector('stratege-ui');
        if (host) return host.dataset.reviewed === String(n);
      }
      return false;
    },
    {},
    editor,
    typed.length,
  );
  if (composer.submit.click) await page.click(composer.submit.click);
  else await page.keyboard.press(composer.submit.key);

  const gate = await page.waitForSelector(GATE);
  assert.deepEqual(await page.evaluate(() => window.__fixture.submitted), [], "the site's own submit has not run");
  assert.equal(await page.evaluate((n) => window.__fixture.modelText(n), name), typed, 'the editor model is intact');
  const items = await gate.$$eval('[data-stratege="gate-item"]', (all) =>
    all.map((i) => ({
      kind: i.dataset.kind,
      quotes: i.textContent.includes('\u201c#SocialMeida\u201d'),
      hold: i.dataset.hold,
      fix: i.querySelector('[data-stratege="apply"]')?.dataset.value,
    })),
  );
  assert.deepEqual(items, [{ kind: 'hashtag-spelling', quotes: true, hold: 'true', fix: '#SocialMedia' }]);

  await (await gate.$('[data-stratege="post-anyway"]')).click();
  await page.waitForFunction(() => window.__fixture.submitted.length > 0);
  await page.waitForSelector(GATE, { hidden: true });
  // The site's own handler runs once: nothing else is queued behind it.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
  assert.deepEqual(await page.evaluate(() => window.__fixture.submitted), [{ editor: name, text: typed }]);
  assert.ok(
    ['', null].includes(await page.evaluate((n) => window.__fixture.modelText(n), name)),
    'the site cleared its composer',
  );
}
