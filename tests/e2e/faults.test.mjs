// Faults (issue 14 item 2) in Debian Chromium: the core cannot load. A copy of the package whose stratege_bg.wasm
// is corrupt (neither the page nor the service worker can compile it), under the sites' CSP (the page tries first)
// and a strict one (the worker only): the composer says Stratège is off on it and the note can be dismissed, what is
// typed reaches the editor's model, the site's Post goes through with the text, and the page's console gets no
// flood. And a session that throws as it starts (the test fault `sessionThrows`): the same note, the same
// untouched composer. Each test runs 3 times, no retries; every wait is on a condition.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hostOf, launch, recordConsole, submitted, waitModel, waitReviewed } from './harness.mjs';
import { openComposer } from './composers.mjs';

const EXTENSION = new URL('../../dist/chrome', import.meta.url).pathname;
const RUNS = [1, 2, 3];
const TEXT = 'Opening hours change on Monday #SocialMeida';
const POST = (p) => p.locator('[data-testid=primaryColumn] [data-testid=tweetButtonInline]');
/** At most this many console errors and warnings from a page where the core never loads: one per cause, no flood. */
const MAX_CONSOLE = 2;

/** The package with its WebAssembly cut to its first kilobyte, as a failed or corrupted install would leave it. */
function brokenPackage() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratege-broken-'));
  fs.cpSync(EXTENSION, dir, { recursive: true });
  const wasm = path.join(dir, 'pkg/stratege_bg.wasm');
  fs.writeFileSync(wasm, fs.readFileSync(wasm).subarray(0, 1024));
  return dir;
}

for (const csp of ['site', 'strict']) {
  describe(`the core cannot load (${csp} CSP)`, { concurrency: false }, () => {
    let h;
    let dir;
    before(async () => {
      dir = brokenPackage();
      h = await launch({ extensionDir: dir, csp });
    });
    after(async () => {
      await h?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    for (const run of RUNS) {
      test(`the composer says Stratège is off; typing and Post are untouched (run ${run})`, async () => {
        const { page } = await openComposer(h, 'x-home');
        const logged = recordConsole(page, ['error', 'warning']);
        try {
          await page.keyboard.type(TEXT);
          await waitModel(page, 'x-home', TEXT);
          const note = page.locator('stratege-ui [data-stratege="off-note"][data-reason="failed"]');
          await note.waitFor();
          assert.match(await note.textContent(), /does not answer/);
          assert.equal(await page.locator('stratege-ui [data-stratege="counter"]').getAttribute('data-count'), null);
          await POST(page).click();
          await page.waitForFunction(() => window.__fixture.submitted.length > 0);
          assert.deepEqual(await submitted(page), [{ editor: 'x-home', text: TEXT }]);
          await note.locator('button').click();
          await note.waitFor({ state: 'detached' });
          assert.ok(logged.length <= MAX_CONSOLE, logged.join('\n'));
        } finally {
          await page.close();
        }
      });
    }
  });
}

describe('a session throws as it starts', { concurrency: false }, () => {
  let h;
  before(async () => {
    h = await launch({ extensionDir: EXTENSION, csp: 'site' });
    await h.serviceWorker.evaluate(() => chrome.storage.local.set({ testFaults: { sessionThrows: true } }));
  });
  after(async () => {
    await h?.close();
  });

  for (const run of RUNS) {
    test(`the composer is left to the site with a note; one warning (run ${run})`, async () => {
      const { page } = await openComposer(h, 'x-home');
      const logged = recordConsole(page, ['error', 'warning']);
      try {
        await page.keyboard.type(TEXT);
        await waitModel(page, 'x-home', TEXT);
        await page.locator('stratege-ui [data-stratege="off-note"][data-reason="failed"]').waitFor();
        assert.equal(await page.locator('stratege-ui [data-stratege="counter"]').count(), 0);
        await POST(page).click();
        await page.waitForFunction(() => window.__fixture.submitted.length > 0);
        assert.deepEqual(await submitted(page), [{ editor: 'x-home', text: TEXT }]);
        assert.ok(logged.length <= MAX_CONSOLE, logged.join('\n'));
      } finally {
        await page.close();
      }
    });
  }
});

/** What a damaged profile or a hand-edited storage may hold: every value of the wrong type or out of range. */
const CORRUPT = {
  settings: {
    premium: 'yes',
    sites: 'all',
    tone: { x: 'furious' },
    language: 42,
    instagramHashtagLimit: '5; drop',
    dictionary: [7, null, { word: 'SocialMeida' }],
    checks: 5,
    gate: { 'hashtag-spelling': 'explode' },
  },
  schemaVersion: 'three',
  schedule: 'zz',
  fastPathBlocked: 7,
  offeredDraft: { platform: 'x', draft: 12 },
};
/** chrome.storage.local's quota without the `unlimitedStorage` permission (chrome.storage.local.QUOTA_BYTES). */
const FILL_KEY = 'testBallast';

describe('storage corrupt, then full (strict CSP)', { concurrency: false }, () => {
  let h;
  before(async () => {
    h = await launch({ extensionDir: EXTENSION, csp: 'strict' });
  });
  after(async () => {
    assert.deepEqual(h?.offsiteRequests ?? [], [], 'the extension makes no network request');
    await h?.close();
  });

  for (const run of RUNS) {
    test(`corrupt values are read as the defaults: counter, mark, review before posting; full storage: a word not added is said (run ${run})`, async () => {
      await h.serviceWorker.evaluate(async (corrupt) => {
        await chrome.storage.local.clear();
        await chrome.storage.local.set(corrupt);
      }, CORRUPT);
      const { page, editor } = await openComposer(h, 'x-home');
      const logged = recordConsole(page, ['error', 'warning']);
      try {
        await page.keyboard.type(TEXT);
        await waitModel(page, 'x-home', TEXT);
        const host = await hostOf(editor);
        await waitReviewed(page, editor, TEXT.length);
        assert.equal(
          await page.locator('stratege-ui [data-stratege="counter"]').getAttribute('data-count'),
          String(TEXT.length),
        );
        const mark = page.locator('stratege-ui [data-stratege="mark"][data-text="#SocialMeida"]');
        await mark.waitFor();

        // The storage fills up (another extension's data, a huge import): adding the word cannot be saved.
        await h.serviceWorker.evaluate(async (key) => {
          const quota = chrome.storage.local.QUOTA_BYTES;
          const used = await chrome.storage.local.getBytesInUse(null);
          // Stored size is the key's length plus the value's JSON: leave less room than any word needs.
          await chrome.storage.local.set({ [key]: 'x'.repeat(quota - used - key.length - 2 - 8) });
        }, FILL_KEY);
        await mark.click();
        const card = page.locator('stratege-ui [data-stratege="card"]');
        await card.getByRole('button', { name: /SocialMeida/ }).click();
        const note = page.locator('stratege-ui [data-stratege="storage-note"]');
        await note.waitFor();
        assert.match(await note.textContent(), /not added to your dictionary/);
        await mark.waitFor({ state: 'hidden' });
        assert.deepEqual(
          await h.serviceWorker.evaluate(() => chrome.storage.local.get('settings').then((s) => s.settings.dictionary)),
          CORRUPT.settings.dictionary,
          'nothing was written over the stored settings',
        );

        // Typing goes on and is counted; the tag the user chose to keep holds no post.
        await page.keyboard.type('!');
        await page.waitForFunction(
          ([hh, n]) => hh.shadowRoot.querySelector('[data-stratege="counter"]')?.dataset.count === String(n),
          [host, TEXT.length + 1],
        );
        await POST(page).click();
        await page.waitForFunction(() => window.__fixture.submitted.length > 0);
        assert.deepEqual(await submitted(page), [{ editor: 'x-home', text: `${TEXT}!` }]);
        await note.locator('button').click();
        await note.waitFor({ state: 'detached' });
        assert.deepEqual(logged, [], 'nothing is logged');
      } finally {
        await page.close();
        await h.serviceWorker.evaluate(() => chrome.storage.local.clear());
      }
    });
  }
});

describe('the site changed its markup: the adapter finds no composer', { concurrency: false }, () => {
  let h;
  before(async () => {
    h = await launch({ extensionDir: EXTENSION, csp: 'site' });
  });
  after(async () => {
    assert.deepEqual(h?.offsiteRequests ?? [], [], 'the extension makes no network request');
    await h?.close();
  });

  const unrecognisedNote = (page) => page.locator('stratege-ui [data-stratege="off-note"][data-reason="unrecognised"]');

  for (const run of RUNS) {
    test(`typing in the renamed composer shows one note that Stratège is off on it; the text and Post are the site's (run ${run})`, async () => {
      const page = await h.open('https://x.com/home?markup=changed');
      const logged = recordConsole(page, ['error', 'warning']);
      try {
        const editor = page.locator('[data-testid=primaryColumn] [data-testid=postTextarea_0][role=textbox]');
        await editor.click();
        await page.keyboard.type(TEXT);
        await waitModel(page, 'x-home', TEXT);
        const note = unrecognisedNote(page);
        await note.waitFor();
        assert.match(await note.textContent(), /does not recognise/);
        assert.equal(await page.locator('stratege-ui').count(), 1, 'one note, no counter');
        await page.keyboard.type(' more');
        await waitModel(page, 'x-home', `${TEXT} more`);
        await note.locator('button').click();
        await note.waitFor({ state: 'detached' });
        await page.keyboard.type('!');
        await waitModel(page, 'x-home', `${TEXT} more!`);
        assert.equal(await page.locator('stratege-ui').count(), 0, 'a dismissed note does not come back');
        await POST(page).click();
        await page.waitForFunction(() => window.__fixture.submitted.length > 0);
        assert.deepEqual(await submitted(page), [{ editor: 'x-home', text: `${TEXT} more!` }]);
        assert.deepEqual(logged, [], 'nothing is logged');
      } finally {
        await page.close();
      }
    });
  }

  test('a composer the adapter knows gets no such note', async () => {
    const { page, editor } = await openComposer(h, 'x-home');
    try {
      await page.keyboard.type(TEXT);
      await waitReviewed(page, editor, TEXT.length);
      assert.equal(await unrecognisedNote(page).count(), 0);
    } finally {
      await page.close();
    }
  });
});
