// Best times to post in Debian Chromium (issue 10): the hint beside each fixture composer, checked against the
// command line's answer for the same zone and minute (`stratege schedule --json`, the native core), placed clear of
// the counter and of the site's buttons, with its why on focus and on hover. Each test runs 3 times, no retries;
// every wait is on a condition.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { launch } from './harness.mjs';
import { openComposer } from './composers.mjs';

const EXTENSION = new URL('../../dist/chrome', import.meta.url).pathname;
const CLI = new URL('../../target/release/stratege', import.meta.url).pathname;
const RUNS = [1, 2, 3];
const HINTED = {
  'x-home': 'x',
  'x-reply': 'x',
  'fb-post': 'facebook',
  'fb-comment': 'facebook',
  'ig-caption': 'instagram',
  'ig-comment': 'instagram',
};

/** The page's zone and local minute, `YYYY-MM-DDTHH:MM`, as the browser sees them. */
function pageNow(page) {
  return page.evaluate(() => {
    const d = new Date();
    const two = (n) => String(n).padStart(2, '0');
    const local = `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
    return { tz: Intl.DateTimeFormat().resolvedOptions().timeZone, local };
  });
}

/** The native core's hint for the same platform, zone and minute. */
function cliHint(platform, tz, local) {
  const out = execFileSync(CLI, [
    'schedule',
    '--date',
    local.slice(0, 10),
    '--tz',
    tz,
    '--platform',
    platform,
    '--now',
    local,
    '--json',
  ]);
  return JSON.parse(out).platforms[0].hint;
}

/** The best-time hint of a composer (nearest host), once it shows a rating. */
async function hintOf(page, editor) {
  const handle = await page.waitForFunction(
    (ed) => {
      for (let node = ed.parentElement; node; node = node.parentElement) {
        const host = node.querySelector('stratege-ui');
        if (!host) continue;
        const hint = host.shadowRoot.querySelector('[data-stratege="best-time"]');
        return hint && !hint.hidden && hint.dataset.now ? hint : null;
      }
      return null;
    },
    await editor.elementHandle(),
  );
  return handle.asElement();
}

describe('best-time hint beside each composer', () => {
  let h;
  before(async () => {
    h = await launch({ extensionDir: EXTENSION });
  });
  after(async () => {
    await h?.close();
  });

  for (const run of RUNS) {
    for (const [name, platform] of Object.entries(HINTED)) {
      test(`${name}: rating and next slot as the core computes them, clear of the counter and buttons (run ${run})`, async () => {
        const { page, editor } = await openComposer(h, name);
        try {
          const hint = await hintOf(page, editor);
          const { tz, local } = await pageNow(page);
          const shown = await hint.evaluate((el) => ({
            now: el.dataset.now,
            next: el.dataset.next,
            text: el.textContent,
          }));
          const want = cliHint(platform, tz, local);
          assert.equal(shown.now, want.now, `${name} at ${local} ${tz}`);
          assert.equal(shown.next, want.next);
          assert.match(shown.next, /^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
          assert.ok(shown.next > local, `data-next ${shown.next} is after now ${local}`);
          if (shown.now === 'good') assert.equal(shown.text, 'Good time to post now');
          else {
            assert.match(shown.text, /^Better (today|tomorrow|on \w+) at \d\d:\d\d \(/);
            assert.ok(shown.text.includes(`at ${shown.next.slice(11)}`), shown.text);
            assert.ok(shown.text.endsWith('from published studies)'), shown.text);
          }

          // Never over the counter or any of the site's buttons around the composer.
          const clash = await hint.evaluate(
            (el, ed) => {
              const rect = el.getBoundingClientRect();
              const over = (b) =>
                rect.left < b.right && b.left < rect.right && rect.top < b.bottom && b.top < rect.bottom;
              const counter = el.getRootNode().querySelector('[data-stratege="counter"]').getBoundingClientRect();
              let container = ed.parentElement;
              while (container && !container.contains(el.getRootNode().host)) container = container.parentElement;
              const buttons = [...(container?.querySelectorAll('button, [role="button"]') ?? [])]
                .map((b) => b.getBoundingClientRect())
                .filter((b) => b.width > 0 && b.height > 0);
              return {
                width: rect.width,
                counter: over(counter),
                buttons: buttons.filter(over).length,
              };
            },
            await editor.elementHandle(),
          );
          assert.ok(clash.width > 0, 'the hint is laid out');
          assert.equal(clash.counter, false, 'the hint does not cover the counter');
          assert.equal(clash.buttons, 0, 'the hint covers none of the site buttons');

          // The why shows on keyboard focus and on hover, named as the hint's description.
          await hint.focus();
          const why = await page.waitForFunction((el) => {
            const tip = el.getRootNode().getElementById(el.getAttribute('aria-describedby'));
            return tip && !tip.hidden && tip.getBoundingClientRect().height > 0 ? tip.textContent : null;
          }, hint);
          assert.match(await why.jsonValue(), /^(Named for|No published study|Your )/);
          await hint.evaluate((el) => el.blur());
          await page.waitForFunction(
            (el) => el.getRootNode().getElementById(el.getAttribute('aria-describedby')).hidden,
            hint,
          );
          await hint.hover();
          await page.waitForFunction(
            (el) => !el.getRootNode().getElementById(el.getAttribute('aria-describedby')).hidden,
            hint,
          );
        } finally {
          await page.close();
        }
      });
    }
  }
});
