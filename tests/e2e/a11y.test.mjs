// Look and accessibility (issue 11 item 4) in Debian Chromium on the fixture composers: axe-core (its axe.min.js
// evaluated in the page, reading inside the open shadow roots of the <stratege-ui> hosts) finds no serious or
// critical problem in the suggestion card in X's light, dim and dark themes, in the review dialog, on the options
// page or in the toolbar popup; the card and dialog are reached and worked by the keyboard with a visible focus, never cover the
// site's Post button or the counter, follow the site's theme as it switches, and fade in only without
// prefers-reduced-motion; the counter's live region announces crossing the limit. Each test runs 3 times.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hostOf, launch, popupDrawn, submitted, waitReviewed } from './harness.mjs';
import { openComposer } from './composers.mjs';

const EXTENSION = new URL('../../dist/chrome', import.meta.url).pathname;
const RUNS = [1, 2, 3];
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TYPO = 'Tips for #SocialMeida managers';
const HOSTILE = 'You are an idiot, learn to read.';

/**
 * axe-core's serious and critical violations in `context` (the <stratege-ui> hosts, or the whole document), and
 * which rules passed on which nodes, and whether inside a shadow root, so that a run that saw
 * nothing of ours cannot pass.
 */
async function audit(page, hostsOnly) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(AXE);
  const result = await page.evaluate(async (only) => {
    const r = await window.axe.run(only ? { include: [['stratege-ui']] } : document, {
      resultTypes: ['violations', 'passes'],
    });
    // A node inside a shadow root has a target path: [[host selector, selector inside]].
    const nodes = (list) =>
      list.flatMap((rule) => rule.nodes.map((n) => ({ rule: rule.id, inShadow: Array.isArray(n.target[0]) })));
    return {
      violations: r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target) })),
      checked: nodes(r.passes),
    };
  }, hostsOnly);
  return result;
}

/**
 * Tab goes through every visible control of an extension page, each showing its focus when Tab reaches it. A
 * control is known by its name, its hook or its text. A time field takes several stops (hours, minutes, its
 * picker button): its focus is checked where Tab enters it.
 */
async function assertKeyboardReachesAll(page) {
  const controls = await page.locator('input:visible, select:visible, button:visible, a[href]:visible').count();
  const reached = new Set();
  for (let stops = 0; stops < controls * 4; stops++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const e = document.activeElement;
      if (e === document.body) return null;
      const style = getComputedStyle(e);
      return { name: e.name || e.dataset.stratege || e.textContent.trim(), outline: style.outlineStyle !== 'none' };
    });
    if (!focus) break; // past the last control
    if (reached.has(focus.name)) continue;
    assert.ok(focus.outline, `${focus.name}: its focus is drawn`);
    reached.add(focus.name);
  }
  assert.equal(reached.size, controls, `Tab reaches every control: ${[...reached].join(', ')}`);
}

/**
 * Opens one of the extension's pages, waits until `ready(page)`'s conditions hold (its content is drawn), then
 * audits it with axe (no serious or critical finding, its form fields read) and goes through it by the keyboard.
 */
async function auditExtensionPage(h, file, ready) {
  const page = await h.context.newPage();
  try {
    await page.goto(`chrome-extension://${h.extensionId}/${file}`);
    await Promise.all(ready(page));
    const { violations, checked } = await audit(page, false);
    assert.deepEqual(violations, [], 'no serious or critical finding');
    assert.ok(
      checked.some((n) => n.rule === 'label'),
      'axe read the form fields',
    );
    await assertKeyboardReachesAll(page);
  } finally {
    await page.close();
  }
}

/** The composer's overlay (`[data-stratege=NAME]`) does not overlap the counter row nor the site's Post button. */
async function assertClear(host, name, postButton) {
  const rects = await host.evaluate((h, n) => {
    const box = (e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    return {
      overlay: box(h.shadowRoot.querySelector(`[data-stratege="${n}"]`)),
      counter: box(h.shadowRoot.querySelector('[data-stratege="counter"]')),
    };
  }, name);
  const b = await postButton.boundingBox();
  const button = { left: b.x, right: b.x + b.width, top: b.y, bottom: b.y + b.height };
  for (const [what, r] of [
    ['counter', rects.counter],
    ['Post button', button],
  ]) {
    const overlaps =
      rects.overlay.left < r.right &&
      r.left < rects.overlay.right &&
      rects.overlay.top < r.bottom &&
      r.top < rects.overlay.bottom;
    assert.ok(!overlaps, `the ${name} does not cover the ${what}`);
  }
}

/** The element focused inside the host's shadow root: its hook and whether its focus is drawn. */
function focusOf(host) {
  return host.evaluate((h) => {
    const e = h.shadowRoot.activeElement;
    if (!e) return null;
    const style = getComputedStyle(e);
    return {
      stratege: e.dataset.stratege ?? e.localName,
      outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px',
    };
  });
}

/** Waits until the overlay's fade-in (if any) is over, so that colours are measured as shown. */
function settled(host, name) {
  return host.evaluate(
    (h, n) =>
      Promise.all(
        h.shadowRoot
          .querySelector(`[data-stratege="${n}"]`)
          .getAnimations()
          .map((a) => a.finished),
      ),
    name,
  );
}

describe('look and accessibility', { concurrency: false }, () => {
  let h;
  before(async () => {
    h = await launch({ extensionDir: EXTENSION, csp: 'site' });
  });
  after(async () => {
    assert.deepEqual(h?.offsiteRequests ?? [], [], 'the extension makes no network request');
    await h?.close();
  });

  for (const run of RUNS) {
    test(`the card in X's light, dim and dark themes: by the keyboard, visible focus, clear of Post and the counter, no serious axe finding (run ${run})`, async () => {
      const { page, editor } = await openComposer(h, 'x-home');
      const post = page.locator('[data-testid=primaryColumn] [data-testid=tweetButtonInline]');
      try {
        await page.keyboard.type(TYPO);
        const host = await waitReviewed(page, editor, TYPO.length);
        for (const theme of ['light', 'dim', 'dark']) {
          await page.evaluate((t) => window.__fixture.setTheme(t), theme);
          await page.waitForFunction(([hh, t]) => hh.dataset.theme === t, [host, theme]);
          // From the editor, Tab reaches the underline (after the best-time hint, whose why shows on focus), each
          // stop with its focus drawn; Enter opens its card with the focus on its first button.
          await editor.focus();
          const stops = [];
          while (stops.at(-1)?.stratege !== 'mark' && stops.length < 4) {
            await page.keyboard.press('Tab');
            stops.push(await focusOf(host));
          }
          assert.deepEqual(
            stops.at(-1),
            { stratege: 'mark', outline: true },
            `Tab reaches the mark: ${JSON.stringify(stops)}`,
          );
          assert.ok(
            stops.every((stop) => stop?.outline),
            `every stop on the way shows its focus: ${JSON.stringify(stops)}`,
          );
          await page.keyboard.press('Enter');
          const card = page.locator('stratege-ui [data-stratege="card"]');
          await card.waitFor();
          assert.deepEqual(await focusOf(host), { stratege: 'apply', outline: true }, 'the focus is on the fix');
          await page.keyboard.press('Tab');
          assert.equal((await focusOf(host)).outline, true, 'each button shows its focus');
          await settled(host, 'card');
          await assertClear(host, 'card', post);
          const { violations, checked } = await audit(page, true);
          assert.deepEqual(violations, [], `${theme}: no serious or critical finding`);
          assert.ok(
            checked.some((n) => n.rule === 'color-contrast' && n.inShadow),
            `${theme}: axe read the card's colours inside the shadow root`,
          );
          assert.ok(checked.some((n) => n.rule === 'button-name' && n.inShadow));
          await page.keyboard.press('Escape');
          await card.waitFor({ state: 'detached' });
        }
      } finally {
        await page.close();
      }
    });

    test(`the review dialog: announced, worked by the keyboard, clear of Post and the counter, no serious axe finding (run ${run})`, async () => {
      const { page, editor } = await openComposer(h, 'x-reply');
      try {
        await page.keyboard.type(HOSTILE);
        await page.locator('stratege-ui [data-stratege="tone"][data-level="hostile"]').waitFor();
        const host = await waitReviewed(page, editor, HOSTILE.length);
        const post = page.locator('#layers [role=dialog] [data-testid=tweetButton]');
        await page.keyboard.press('Control+Enter');
        const gate = page.locator('stratege-ui [data-stratege="gate"]');
        await gate.waitFor();
        assert.deepEqual(await focusOf(host), { stratege: 'review', outline: true });
        const live = await host.evaluate((hh) =>
          [...hh.shadowRoot.querySelectorAll('[aria-live="assertive"]')].map((l) => l.textContent).join(' '),
        );
        assert.match(live, /Review before posting\?.*hostile/, 'the dialog and its problem are announced');
        await settled(host, 'gate');
        await assertClear(host, 'gate', post);
        const { violations, checked } = await audit(page, true);
        assert.deepEqual(violations, [], 'no serious or critical finding');
        assert.ok(
          checked.some((n) => n.rule === 'aria-dialog-name' && n.inShadow),
          'axe read the dialog',
        );
        await page.keyboard.press('Tab');
        assert.deepEqual(await focusOf(host), { stratege: 'post-anyway', outline: true });
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => window.__fixture.submitted.length > 0);
        assert.deepEqual(await submitted(page), [{ editor: 'x-reply', text: HOSTILE }]);
      } finally {
        await page.close();
      }
    });

    test(`the options page: every control by the keyboard with a visible focus, no serious axe finding (run ${run})`, () =>
      auditExtensionPage(h, 'options.html', (page) => [
        page.locator('[data-stratege="platforms"] tbody tr').first().waitFor(),
        page.locator('select[name=gate-tone] option').first().waitFor({ state: 'attached' }),
      ]));

    test(`the popup: the day's schedule and the quick settings by the keyboard, no serious axe finding (run ${run})`, () =>
      auditExtensionPage(h, 'popup.html', (page) => [popupDrawn(page)]));

    test(`the host follows a theme switch; cards fade in only without reduced motion; crossing the limit is announced (run ${run})`, async () => {
      const { page, editor } = await openComposer(h, 'fb-comment');
      try {
        await page.keyboard.type(TYPO);
        const host = await waitReviewed(page, editor, TYPO.length);
        assert.equal(await host.evaluate((hh) => hh.dataset.theme), 'light');
        await page.evaluate(() => window.__fixture.setTheme('dark'));
        // Facebook's dark greys read as dim (X's Dim palette), not black.
        await page.waitForFunction((hh) => hh.dataset.theme === 'dim', host);
        await page.evaluate(() => window.__fixture.setTheme('light'));
        await page.waitForFunction((hh) => hh.dataset.theme === 'light', host);

        const card = page.locator('stratege-ui [data-stratege="card"]');
        const animation = () => card.evaluate((c) => getComputedStyle(c).animationName);
        await page.locator('stratege-ui [data-stratege="mark"]').click();
        assert.equal(await animation(), 'stratege-in');
        await page.keyboard.press('Escape');
        await card.waitFor({ state: 'detached' });
        await page.emulateMedia({ reducedMotion: 'reduce' });
        await page.locator('stratege-ui [data-stratege="mark"]').click();
        assert.equal(await animation(), 'none', 'no motion when the user asked for less');
        await page.keyboard.press('Escape');
        await card.waitFor({ state: 'detached' });
        await page.emulateMedia({ reducedMotion: null });
      } finally {
        await page.close();
      }
      // X's limit (280) neared and crossed by typing: the polite live region says each crossing once, and the way back.
      const x = await openComposer(h, 'x-home');
      try {
        const host = await hostOf(x.editor);
        const polite = () =>
          host.evaluate(
            (hh) => hh.shadowRoot.querySelector('[data-stratege="counter"] ~ [aria-live="polite"]').textContent,
          );
        await x.page.keyboard.type('a'.repeat(279));
        await x.page.waitForFunction(
          (hh) => hh.shadowRoot.querySelector('[data-stratege="counter"]').dataset.count === '279',
          host,
        );
        // Said once, when the count crossed 90 % of the limit (252), not at every key since.
        assert.equal(await polite(), 'Near the limit: 28 left');
        await x.page.keyboard.type('bc');
        await x.page.waitForFunction(
          (hh) => hh.shadowRoot.querySelector('[data-stratege="counter"]').dataset.state === 'over',
          host,
        );
        assert.equal(await polite(), 'Over the limit by 1');
        await x.page.keyboard.press('Backspace');
        await x.page.waitForFunction(
          (hh) => hh.shadowRoot.querySelector('[data-stratege="counter"]').dataset.state === 'near',
          host,
        );
        assert.equal(await polite(), 'Near the limit: 0 left', 'back at the limit (280), no longer over');
      } finally {
        await x.page.close();
      }
    });
  }
});
