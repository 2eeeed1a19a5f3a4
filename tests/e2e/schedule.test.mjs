// Best times to post in Debian Chromium (issue 10): the hint beside each fixture composer, checked against the
// command line's answer for the same zone and minute (`stratege schedule --json`, the native core), placed clear of
// the counter and of the site's buttons, with its why on focus and on hover; the popup's day (drawn by the core)
// against the command line's slots, offline, with a post planned by quick add; its reminder's alarm ringing into a
// notification; and the options page's export, delete all and import. Each test runs 3 times, no retries; every
// wait is on a condition.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { launch, modelText, popupDrawn, waitModel } from './harness.mjs';
import { openComposer } from './composers.mjs';

const EXTENSION = new URL('../../dist/chrome', import.meta.url).pathname;
const CLI = new URL('../../target/release/stratege', import.meta.url).pathname;
const RUNS = [1, 2, 3];
/** Written under the ignored tests/e2e/out/; `make docs` copies them to docs/ for the README. */
const OUT = new URL('./out/', import.meta.url).pathname;
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

/** The native core's day for the zone: `stratege schedule --json`, every platform (or one). */
function cliDay(date, tz, local, platform) {
  const args = ['schedule', '--date', date, '--tz', tz, '--now', local, '--json'];
  if (platform) args.push('--platform', platform);
  return JSON.parse(execFileSync(CLI, args));
}

/** The native core's hint for the same platform, zone and minute. */
function cliHint(platform, tz, local) {
  return cliDay(local.slice(0, 10), tz, local, platform).platforms[0].hint;
}

/** The suggested slots of a day as the command line lists them, merged in time order then platform order. */
function cliSlots(day) {
  const order = ['x', 'facebook', 'instagram', 'linkedin'];
  return day.platforms
    .flatMap((p) => p.slots.map((s) => ({ platform: s.platform, time: s.time, start: s.start })))
    .sort((a, b) => a.start.localeCompare(b.start) || order.indexOf(a.platform) - order.indexOf(b.platform))
    .map(({ platform, time }) => `${platform}@${time}`);
}

/** The next day, `YYYY-MM-DD`. */
function nextDate(date) {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The popup's lines in order: `{stratege, platform, time, kind}`. */
function popupLines(page) {
  return page.$$eval('[data-stratege="schedule"] ol > li', (items) =>
    items.map((li) => ({
      stratege: li.dataset.stratege || '',
      platform: li.dataset.platform,
      time: li.dataset.time,
      kind: li.dataset.kind,
    })),
  );
}

/** Opens the popup page in a tab and waits until the core has drawn the day. */
async function openPopup(h) {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/popup.html`);
  await popupDrawn(page);
  return page;
}

/** Plans a post through the popup's quick-add form, typed with the keyboard. */
async function quickAdd(page, { platform, time, draft }) {
  const form = page.locator('[data-stratege="quick-add"]');
  await form.locator('select[name=platform]').selectOption(platform);
  await form.locator('input[name=time]').fill(time);
  await form.locator('input[name=draft]').pressSequentially(draft);
  await form.locator('button[type=submit]').click();
  await page.waitForSelector(
    `[data-stratege="slot"][data-kind="planned"][data-platform="${platform}"][data-time="${time}"]`,
  );
}

/** How long a condition in the service worker may take before the test fails (the worker answers in milliseconds). */
const WORKER_WAIT_MS = 10000;

/**
 * Evaluates `fn(arg)` in the service worker until it answers something truthy (a condition, checked again on each
 * of the worker's answers), and answers that; fails after WORKER_WAIT_MS.
 */
async function untilWorker(h, fn, arg) {
  const deadline = Date.now() + WORKER_WAIT_MS;
  for (;;) {
    const value = await h.serviceWorker.evaluate(fn, arg);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`the service worker never answered true to ${fn}`);
  }
}

/** What the service worker sees: its storage, alarms and notifications. */
function workerState(h) {
  return h.serviceWorker.evaluate(async () => ({
    storage: await chrome.storage.local.get(null),
    alarms: (await chrome.alarms.getAll()).map((a) => ({ name: a.name, when: a.scheduledTime })),
    notifications: Object.keys(await chrome.notifications.getAll()),
  }));
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

/** A local time `minutes` after the page's now, `HH:MM`, on the same day when possible (else 23:59). */
function laterToday(local, minutes) {
  const [hh, mm] = local.slice(11).split(':').map(Number);
  const total = Math.min(hh * 60 + mm + minutes, 23 * 60 + 59);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

describe('the popup: the day drawn by the core, quick add, reminders', () => {
  let h;
  before(async () => {
    h = await launch({ extensionDir: EXTENSION });
  });
  after(async () => {
    await h?.close();
  });

  for (const run of RUNS) {
    test(`today's slots in order offline, tomorrow at a click, a planned post after quick add (run ${run})`, async () => {
      await h.context.setOffline(true);
      const page = await openPopup(h);
      try {
        const { tz, local } = await pageNow(page);
        const today = local.slice(0, 10);
        assert.equal(await page.getAttribute('[data-stratege="schedule"]', 'data-date'), today);
        const lines = await popupLines(page);
        const suggested = lines.filter((l) => l.kind === 'suggested').map((l) => `${l.platform}@${l.time}`);
        assert.deepEqual(suggested, cliSlots(cliDay(today, tz, local)), 'the same slots as the command line, in order');
        const times = lines.filter((l) => l.stratege === 'slot').map((l) => l.time);
        assert.deepEqual(times, [...times].sort(), 'time order');
        // One marker for now, between what is past and what is ahead.
        const now = lines.findIndex((l) => l.stratege === 'now');
        assert.equal(lines.filter((l) => l.stratege === 'now').length, 1);
        const nowTime = local.slice(11);
        // The slots around it (a day with none has a line saying so after the marker).
        const slots = (part) => part.filter((l) => l.stratege === 'slot');
        assert.ok(slots(lines.slice(0, now)).every((l) => l.time <= nowTime));
        assert.ok(slots(lines.slice(now + 1)).every((l) => l.time > nowTime));

        const time = laterToday(local, 30 + run);
        const draft = `Launch day ${run} #BuildInPublic`;
        await quickAdd(page, { platform: 'instagram', time, draft });
        const after = await popupLines(page);
        const planned = after.findIndex((l) => l.kind === 'planned' && l.time === time);
        assert.ok(planned >= 0);
        const ordered = after.filter((l) => l.stratege === 'slot').map((l) => l.time);
        assert.deepEqual(ordered, [...ordered].sort(), 'the planned post sits in time order');
        const stored = (await workerState(h)).storage.schedule.plans.find((p) => p.draft === draft);
        assert.equal(stored.at, `${today}T${time}`);
        assert.equal(stored.platform, 'instagram');
        assert.equal(stored.reminder, true);
        if (run === 1) await page.locator('body').screenshot({ path: `${OUT}popup.png` });

        await page.click('[data-stratege="schedule-tomorrow"]');
        const tomorrow = nextDate(today);
        await page.waitForSelector(`[data-stratege="schedule"][data-date="${tomorrow}"]`);
        const next = (await popupLines(page)).filter((l) => l.kind === 'suggested');
        assert.deepEqual(
          next.map((l) => `${l.platform}@${l.time}`),
          cliSlots(cliDay(tomorrow, tz, local)),
        );
        assert.equal((await popupLines(page)).filter((l) => l.stratege === 'now').length, 0);
        await page.click('[data-stratege="schedule-today"]');
        await page.waitForSelector(`[data-stratege="schedule"][data-date="${today}"]`);
      } finally {
        await page.close();
        await h.context.setOffline(false);
      }
    });

    test(`a planned post's reminder rings: its alarm, then a notification (run ${run})`, async () => {
      const page = await openPopup(h);
      try {
        const { local } = await pageNow(page);
        const draft = `Reminder ${run}: new menu #Lunch`;
        await quickAdd(page, { platform: 'x', time: laterToday(local, 40 + run), draft });
        const plan = (await workerState(h)).storage.schedule.plans.find((p) => p.draft === draft);
        const name = `stratege-plan:${plan.id}`;
        // The worker set the alarm for the planned minute.
        const alarm = await untilWorker(h, (n) => chrome.alarms.get(n), name);
        const [y, m, d] = plan.at.slice(0, 10).split('-').map(Number);
        const [hh, mm] = plan.at.slice(11).split(':').map(Number);
        assert.equal(alarm.scheduledTime, await page.evaluate((a) => new Date(...a).getTime(), [y, m - 1, d, hh, mm]));
        // Ring it now through the alarms API, and wait for the notification.
        await h.serviceWorker.evaluate((n) => chrome.alarms.create(n, { when: Date.now() + 10 }), name);
        await untilWorker(h, async (n) => n in (await chrome.notifications.getAll()), name);
        assert.ok((await workerState(h)).notifications.includes(name));
        await h.serviceWorker.evaluate((n) => chrome.notifications.clear(n), name);
      } finally {
        await page.close();
      }
    });
  }
});

describe('your data: export, delete all, import', () => {
  let h;
  before(async () => {
    h = await launch({ extensionDir: EXTENSION });
  });
  after(async () => {
    await h?.close();
  });

  for (const run of RUNS) {
    test(`export -> delete all -> import restores settings, dictionary and plans (run ${run})`, async () => {
      const popup = await openPopup(h);
      const options = await h.context.newPage();
      try {
        const { local } = await pageNow(popup);
        await quickAdd(popup, { platform: 'facebook', time: laterToday(local, 50 + run), draft: `Data ${run}` });
        await options.goto(`chrome-extension://${h.extensionId}/options.html`);
        const word = `Brand${run}`;
        await options.locator('[data-stratege="dictionary"] input[name=word]').pressSequentially(word);
        await options.keyboard.press('Enter');
        await options.waitForSelector(`[data-stratege="dictionary"] li[data-word="${word}"]`);
        if (!(await options.isChecked('[data-stratege="settings"] input[name=premium]'))) {
          await options.click('[data-stratege="settings"] input[name=premium]');
        }
        const before = await untilWorker(h, async () => {
          const s = await chrome.storage.local.get(['settings', 'schedule']);
          return s.settings?.premium && s;
        });
        assert.ok(before.settings.dictionary.includes(word));
        const alarmsBefore = (await workerState(h)).alarms.map((a) => a.name).sort();
        assert.ok(alarmsBefore.length > 0);

        const [download] = await Promise.all([
          options.waitForEvent('download'),
          options.click('[data-stratege="data-export"]'),
        ]);
        const file = `${OUT}stratege-data-${run}.json`;
        await download.saveAs(file);
        const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
        assert.equal(exported.format, 'stratege-data');
        assert.deepEqual(exported.settings, before.settings);
        assert.deepEqual(exported.schedule, before.schedule);

        await options.click('[data-stratege="data-delete"]');
        await options.click('[data-stratege="data-delete-confirm"]');
        await options.waitForFunction(() =>
          document.querySelector('[data-stratege="data-status"]').textContent.includes('deleted'),
        );
        const gone = await workerState(h);
        assert.deepEqual(Object.keys(gone.storage), []);
        assert.deepEqual(gone.alarms, []);
        await options.waitForFunction(
          () => !document.querySelector('[data-stratege="settings"] [name=premium]').checked,
        );
        assert.equal(await options.locator(`[data-stratege="dictionary"] li[data-word="${word}"]`).count(), 0);

        await options.setInputFiles('[data-stratege="data-import"]', file);
        await options.waitForFunction(() =>
          document.querySelector('[data-stratege="data-status"]').textContent.startsWith('Restored'),
        );
        const restored = await h.serviceWorker.evaluate(() => chrome.storage.local.get(['settings', 'schedule']));
        assert.deepEqual(restored.settings, before.settings);
        assert.deepEqual(restored.schedule, before.schedule);
        await options.waitForSelector(`[data-stratege="dictionary"] li[data-word="${word}"]`);
        assert.equal(await options.isChecked('[data-stratege="settings"] input[name=premium]'), true);
        // The reminders come back with the plans.
        await untilWorker(
          h,
          async (want) => JSON.stringify((await chrome.alarms.getAll()).map((a) => a.name).sort()) === want,
          JSON.stringify(alarmsBefore),
        );
      } finally {
        await popup.close();
        await options.close();
      }
    });
  }
});

/** A control of the composer's host (nearest `<stratege-ui>`), by its data-stratege name, once it is shown. */
async function control(page, editor, name) {
  const handle = await page.waitForFunction(
    ([ed, n]) => {
      for (let node = ed.parentElement; node; node = node.parentElement) {
        const host = node.querySelector('stratege-ui');
        if (!host) continue;
        const el = host.shadowRoot.querySelector(`[data-stratege="${n}"]`);
        return el && !el.hidden && el.getBoundingClientRect().width > 0 ? el : null;
      }
      return null;
    },
    [await editor.elementHandle(), name],
  );
  return handle.asElement();
}

describe('planning from the composer, and the planned draft offered back', () => {
  let h;
  before(async () => {
    h = await launch({ extensionDir: EXTENSION });
  });
  after(async () => {
    await h?.close();
  });

  for (const run of RUNS) {
    test(`"Plan for the next good slot" plans the typed draft at data-next with a reminder (run ${run})`, async () => {
      const { page, editor } = await openComposer(h, 'x-home');
      try {
        const draft = `Our spring menu is out ${run} #Lunch`;
        await page.keyboard.type(draft);
        await waitModel(page, 'x-home', draft);
        const next = await (await hintOf(page, editor)).evaluate((el) => el.dataset.next);
        const plan = await control(page, editor, 'plan-next');
        await plan.click();
        await page.waitForFunction((el) => el.dataset.planned, plan);
        assert.equal(await plan.evaluate((el) => el.dataset.planned), next);
        const stored = await untilWorker(
          h,
          async (d) => (await chrome.storage.local.get('schedule')).schedule?.plans.find((p) => p.draft === d),
          draft,
        );
        assert.deepEqual(
          { platform: stored.platform, at: stored.at, reminder: stored.reminder },
          { platform: 'x', at: next, reminder: true },
        );
        await untilWorker(h, (n) => chrome.alarms.get(n), `stratege-plan:${stored.id}`);
      } finally {
        await page.close();
      }
    });

    test(`a reminder's planned draft is offered in the composer and enters the editor's model (run ${run})`, async () => {
      const draft = `Planned draft ${run}: doors open at 9 #SmallBusiness`;
      // What a click on the reminder's notification stores (worker-schedule.js `open`) before opening the site.
      await h.serviceWorker.evaluate(
        (d) => chrome.storage.local.set({ offeredDraft: { platform: 'facebook', draft: d, id: 'test' } }),
        draft,
      );
      const { page, editor } = await openComposer(h, 'fb-post');
      try {
        const chip = await control(page, editor, 'plan-draft');
        await chip.click();
        await waitModel(page, 'fb-post', draft);
        assert.equal(await modelText(page, 'fb-post'), draft);
        await page.waitForFunction((el) => el.hidden, chip);
        assert.equal(
          await untilWorker(h, async () => !('offeredDraft' in (await chrome.storage.local.get(null)))),
          true,
        );
      } finally {
        await page.close();
      }
    });
  }
});

/** An X post analytics export shaped like the real one: 8 weeks of a post at 19:10 and one at 07:10 (UTC), the
 * evening ones far more engaging, plus one row whose time cannot be read. */
function xAnalyticsCsv() {
  const rows = ['Tweet id,Tweet permalink,Tweet text,time,impressions,engagements,retweets,replies,likes'];
  const start = Date.UTC(2025, 9, 6);
  for (let day = 0; day < 56; day++) {
    const date = new Date(start + day * 86400000).toISOString().slice(0, 10);
    rows.push(`${day}1,https://x.com/a/status/${day}1,"Evening, ""news""",${date} 19:10 +0000,1000,90,10,5,60`);
    rows.push(`${day}2,https://x.com/a/status/${day}2,Morning,${date} 07:10 +0000,1000,5,1,1,3`);
  }
  rows.push('999,https://x.com/a/status/999,Broken,not a date,1000,5,1,1,3');
  return `${rows.join('\n')}\n`;
}

describe('options: heatmaps drawn by the core and the analytics import', () => {
  let h;
  before(async () => {
    h = await launch({ extensionDir: EXTENSION });
  });
  after(async () => {
    await h?.close();
  });

  for (const run of RUNS) {
    test(`a CSV import is summarised and the personal heatmap appears beside the prior (run ${run})`, async () => {
      const csv = `${OUT}x-analytics.csv`;
      fs.writeFileSync(csv, xAnalyticsCsv());
      const options = await h.context.newPage();
      try {
        await options.goto(`chrome-extension://${h.extensionId}/options.html`);
        await options.waitForSelector('[data-stratege="heatmaps"] figure[data-platform="linkedin"] svg rect');
        const tz = await options.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
        await options.setInputFiles('[data-stratege="schedule-import"]', csv);
        const item = await options.waitForSelector('[data-stratege="import"][data-file="x-analytics.csv"]');
        assert.equal(await item.getAttribute('data-used'), '112');
        const text = await item.textContent();
        assert.match(text, /x-analytics\.csv \(X\): 113 rows, 112 used/);
        assert.match(text, /Skipped: 1 × no usable date/);
        assert.match(text, /Line 114, column 4 \(time\): “not a date” is not a date/);
        await options.waitForFunction(
          () => document.querySelectorAll('[data-stratege="heatmaps"] figure[data-platform="x"] rect').length === 336,
        );
        // The same colours, cell for cell, as the command line's heatmap for the same file and zone.
        const shown = await options.$$eval('[data-stratege="heatmaps"] figure[data-platform="x"] rect', (rects) =>
          rects.map((r) => r.getAttribute('fill')),
        );
        const cli = execFileSync(CLI, ['heatmap', '--tz', tz, '--platform', 'x', '--import', csv], {
          encoding: 'utf8',
        });
        assert.deepEqual(
          shown,
          [...cli.matchAll(/<rect [^>]*fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]),
        );
        // Its words are the interface's (English here), the cells' figures the core's.
        const words = await options.$eval('[data-stratege="heatmaps"] figure[data-platform="x"] svg', (svg) => ({
          title: svg.querySelector(':scope > title').textContent,
          headings: [...svg.querySelectorAll('text.h')].map((t) => t.textContent),
          days: [...svg.querySelectorAll(':scope > text')].map((t) => t.textContent),
          cells: [...svg.querySelectorAll('rect > title')].map((t) => t.textContent),
        }));
        assert.equal(words.title, 'Best times to post on X');
        assert.deepEqual(words.headings, ['X: published studies', 'X: your data (112 posts)']);
        assert.deepEqual(words.days, ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
        const cliCells = [
          ...cli.matchAll(/<title>(\w{3} \d\d:00), ([+-]?\d+) % against[^<]*?(?:, (\d+) of your posts)?<\/title>/g),
        ];
        assert.equal(cliCells.length, 336);
        assert.deepEqual(
          words.cells,
          cliCells.map(([, when, percent, mine]) => {
            const n = Number(percent);
            const sign = n > 0 ? `+${n}` : n < 0 ? `\u2212${-n}` : '0';
            return `${when}, ${sign} % against the average hour${mine === undefined ? '' : `, ${mine} of your posts`}`;
          }),
        );
        if (run === 1) {
          await options.locator('[data-stratege="heatmaps"] figure[data-platform="x"]').screenshot({
            path: `${OUT}heatmap.png`,
          });
        }
        await options.click('[data-stratege="schedule-clear-imports"]');
        await options.waitForFunction(
          () =>
            !document.querySelector('[data-stratege="import"]') &&
            document.querySelectorAll('[data-stratege="heatmaps"] figure[data-platform="x"] rect').length === 168,
        );
      } finally {
        await options.close();
      }
    });
  }
});
