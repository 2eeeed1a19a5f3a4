// Proves the harness with a throwaway MV3 extension written to a temp dir: the extension loads headless, its
// service worker and id are found, its content script runs on every fixture host under the site CSP, and
// requests to non-fixture hosts (from a content script or the worker) and any request of the worker land in
// offsiteRequests, and a browser whose extension sent one fails when it closes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch } from './harness.mjs';

const RUNS = [1, 2, 3];
const PAGES = ['https://x.com/home', 'https://www.facebook.com/', 'https://www.instagram.com/'];

// Content script: adds <stratege-ui> with an open shadow root; phones home only when the URL says so.
const CONTENT = `
const host = document.createElement('stratege-ui');
host.attachShadow({ mode: 'open' }).innerHTML = '<span data-stratege="counter" data-count="0" data-limit="280" data-state="ok">0</span>';
document.body.append(host);
if (location.hash === '#phone-home') fetch('https://telemetry.example/ping').catch(() => {});
`;
// Module service worker; the worker test makes it fetch through serviceWorker.evaluate().
const WORKER = `self.addEventListener('install', () => self.skipWaiting());\n`;

function writeExtension() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratege-throwaway-ext-'));
  const manifest = {
    manifest_version: 3,
    name: 'Stratège harness probe',
    version: '0.0.1',
    background: { service_worker: 'worker.js', type: 'module' },
    content_scripts: [
      {
        matches: ['*://x.com/*', '*://www.facebook.com/*', '*://www.instagram.com/*'],
        js: ['content.js'],
        run_at: 'document_idle',
      },
    ],
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  fs.writeFileSync(path.join(dir, 'content.js'), CONTENT);
  fs.writeFileSync(path.join(dir, 'worker.js'), WORKER);
  return dir;
}

describe('harness with a throwaway extension', () => {
  let h;
  let extensionDir;
  before(async () => {
    extensionDir = writeExtension();
    h = await launch({ extensionDir, csp: 'site', offsiteAllowed: true });
  });
  after(async () => {
    await h?.close();
    fs.rmSync(extensionDir, { recursive: true, force: true });
  });

  for (const run of RUNS) {
    test(`service worker found and extension id derived from it (run ${run})`, () => {
      assert.match(h.extensionId, /^[a-p]{32}$/);
      assert.equal(h.serviceWorker.url(), `chrome-extension://${h.extensionId}/worker.js`);
    });

    for (const url of PAGES) {
      test(`content script adds <stratege-ui> on ${new URL(url).hostname}, no offsite request (run ${run})`, async () => {
        const before = h.offsiteRequests.length;
        const page = await h.open(url);
        try {
          const counter = page.locator('stratege-ui [data-stratege="counter"]');
          await counter.waitFor({ state: 'attached' });
          assert.equal(await counter.getAttribute('data-limit'), '280');
          assert.deepEqual(h.offsiteRequests.slice(before), []);
        } finally {
          await page.close();
        }
      });
    }

    test(`offsiteRequests records a content-script request to a non-fixture host (run ${run})`, async () => {
      const sent = h.context.waitForEvent('request', {
        predicate: (r) => r.url() === 'https://telemetry.example/ping',
      });
      const page = await h.open('https://x.com/home#phone-home');
      try {
        await sent;
        const hit = h.offsiteRequests.find((r) => r.url === 'https://telemetry.example/ping');
        assert.ok(hit, 'content-script request not recorded');
        assert.equal(hit.from, 'https://x.com/home#phone-home');
      } finally {
        await page.close();
      }
    });

    test(`offsiteRequests records a service-worker request to a non-fixture host (run ${run})`, async () => {
      const before = h.offsiteRequests.length;
      await h.serviceWorker.evaluate(() => fetch('https://worker-telemetry.example/ping').catch(() => {}));
      const hit = h.offsiteRequests.slice(before).find((r) => r.url === 'https://worker-telemetry.example/ping');
      assert.ok(hit, 'worker request not recorded');
      assert.equal(hit.from, h.serviceWorker.url());
    });

    test(`offsiteRequests records the worker's request even to a fixture host (run ${run})`, async () => {
      const before = h.offsiteRequests.length;
      const url = `https://x.com/worker-ping-${run}`;
      await h.serviceWorker.evaluate((u) => fetch(u).catch(() => {}), url);
      assert.ok(h.offsiteRequests.slice(before).some((r) => r.url === url && r.from === h.serviceWorker.url()));
    });
  }
});

describe('a browser closed after its extension sent a request', () => {
  for (const run of RUNS) {
    test(`close() fails, naming the request (run ${run})`, async () => {
      const extensionDir = writeExtension();
      try {
        const h = await launch({ extensionDir, csp: 'site' });
        await h.serviceWorker.evaluate(() => fetch('https://leak.example/draft').catch(() => {}));
        await assert.rejects(
          h.close(),
          /1 request\(s\) left the device[\s\S]*GET https:\/\/leak\.example\/draft from chrome-extension:/,
        );
      } finally {
        fs.rmSync(extensionDir, { recursive: true, force: true });
      }
    });
  }
});
