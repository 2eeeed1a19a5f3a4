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
import { launch, recordConsole, submitted, waitModel } from './harness.mjs';
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
