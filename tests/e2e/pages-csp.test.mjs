// The extension's own pages under their strict CSP (manifest.json `content_security_policy.extension_pages`:
// nothing unless named, no inline style or script, no other origin, markup only through Trusted Types), in Debian
// Chromium: the options page with its heatmaps (the core's SVG, through the one Trusted Types policy) and an
// analytics import, and the popup with the day's schedule drawn from Rust, each fully drawn with no CSP violation
// nor error; and the policy is in force (an inline style is refused, markup from a string throws). 3 runs each.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, popupDrawn } from './harness.mjs';

const EXTENSION = new URL('../../dist/chrome', import.meta.url).pathname;
const RUNS = [1, 2, 3];

/** An X analytics export of two weeks of evening posts: enough for the personal heatmap beside the prior. */
function analytics() {
  const rows = ['Tweet id,Tweet text,time,impressions,engagements,retweets,replies,likes'];
  for (let day = 0; day < 14; day++) {
    const date = new Date(Date.UTC(2025, 9, 6) + day * 86400000).toISOString().slice(0, 10);
    rows.push(`${day},hello,${date} 19:10 +0000,1000,60,10,5,45`);
  }
  return `${rows.join('\n')}\n`;
}

/** Opens an extension page, recording its CSP violations (reported as events) and its errors and console errors. */
async function openRecorded(h, file) {
  const page = await h.context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(
        `CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sample} ${e.sourceFile}:${e.lineNumber}`,
      ),
    );
  });
  await page.goto(`chrome-extension://${h.extensionId}/${file}`);
  return { page, problems };
}

/** The page's CSP refuses an inline style and markup from a plain string (Trusted Types). */
async function assertPolicyInForce(page, problems) {
  const refused = await page.evaluate(async () => {
    const reported = [];
    const both = new Promise((resolve) =>
      document.addEventListener('securitypolicyviolation', (e) => {
        reported.push(e.violatedDirective);
        if (reported.length === 2) resolve();
      }),
    );
    const style = document.createElement('style');
    style.textContent = 'body { outline-color: rgb(1, 2, 3) }';
    document.head.append(style);
    let markup = 'accepted';
    try {
      document.createElement('div').innerHTML = '<b>x</b>';
    } catch (error) {
      markup = error.name;
    }
    await both;
    const applied = getComputedStyle(document.body).outlineColor === 'rgb(1, 2, 3)';
    style.remove();
    return { reported: reported.sort(), applied, markup };
  });
  assert.deepEqual(refused, {
    reported: ['require-trusted-types-for', 'style-src-elem'],
    applied: false,
    markup: 'TypeError',
  });
  // Only the two refusals provoked here were reported.
  const provoked = problems.splice(0);
  assert.ok(
    provoked.every((p) => /style-src-elem|inline style|TrustedHTML|trusted-types/.test(p)),
    provoked.join('\n'),
  );
}

describe("the extension's pages under their strict CSP", () => {
  let h;
  before(async () => {
    h = await launch({ extensionDir: EXTENSION });
  });
  after(async () => {
    await h?.close();
  });

  for (const run of RUNS) {
    test(`the options page draws its heatmaps and an import with no violation (run ${run})`, async () => {
      const { page, problems } = await openRecorded(h, 'options.html');
      try {
        await page.locator('[data-stratege="heatmaps"] figure[data-platform="linkedin"] svg rect').first().waitFor();
        await page.setInputFiles('[data-stratege="schedule-import"]', {
          name: 'evenings.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(analytics()),
        });
        await page.waitForFunction(
          () => document.querySelectorAll('[data-stratege="heatmaps"] figure[data-platform="x"] rect').length === 336,
        );
        // The heatmap's text takes the page's style (pages.css), not an inline one.
        const text = await page.$eval('svg[data-stratege="heatmap"] text.h', (t) => getComputedStyle(t).fontWeight);
        assert.equal(text, '600');
        assert.deepEqual(problems, []);
        await assertPolicyInForce(page, problems);
        await page.locator('[data-stratege="schedule-clear-imports"]').click();
        await page.waitForFunction(
          () => document.querySelectorAll('[data-stratege="heatmaps"] figure[data-platform="x"] rect').length === 168,
        );
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    });

    test(`the popup draws the day's schedule from Rust with no violation (run ${run})`, async () => {
      const { page, problems } = await openRecorded(h, 'popup.html');
      try {
        await popupDrawn(page);
        assert.equal(await page.evaluate(() => getComputedStyle(document.body).width), '340px');
        assert.deepEqual(problems, []);
        await assertPolicyInForce(page, problems);
      } finally {
        await page.close();
      }
    });
  }
});
