// Playwright harness: starts the fixture server, launches /usr/bin/chromium headless (playwright-core) with an
// unpacked extension, maps the real host names to the server, and records requests to non-fixture hosts and any
// network request of the extension's own worker and pages: `close()` fails when there is one, so every browser test
// of the suite also proves that the extension sends nothing anywhere.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { FIXTURE_HOSTS, startServer } from './server.mjs';

export const CHROMIUM = '/usr/bin/chromium';

export function chromiumArgs({ port, extensionDir }) {
  const map = ['x.com', 'twitter.com', 'www.facebook.com', 'www.instagram.com'].map(
    (h) => `MAP ${h} 127.0.0.1:${port}`,
  );
  return [
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    `--host-resolver-rules=${map.join(',')},MAP * ~NOTFOUND`,
    '--ignore-certificate-errors',
  ];
}

// A request counts as "offsite" when it goes over the network (chrome-extension:, data: and blob: excluded) to a
// host that is not a fixture's, or when the extension's own worker or pages make it, to whatever host.
function isOffsite(url, from) {
  const u = new URL(url);
  if (!/^(https?|wss?):$/.test(u.protocol)) return false;
  return !FIXTURE_HOSTS.includes(u.hostname) || from.startsWith('chrome-extension://');
}

/**
 * launch({extensionDir?, csp?: 'site'|'strict', headless?: boolean, lang?: string, offsiteAllowed?: boolean}) ->
 *   {context, serviceWorker, extensionId, port, offsiteRequests, open(url), close()}
 * Without extensionDir the browser runs with no extension (serviceWorker and extensionId are null).
 * offsiteRequests: [{url, method, resourceType, from}] for every request to a non-fixture host, from pages, frames
 * or service workers (`from` is the page/worker URL), and for every network request of the extension's worker and
 * pages; `close()` throws when there is any, unless `offsiteAllowed` (the harness's own test, which sends some).
 */
export async function launch({ extensionDir, csp = 'site', headless = true, lang, offsiteAllowed = false } = {}) {
  const server = await startServer({ csp });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratege-profile-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless,
      args: [
        ...chromiumArgs({ port: server.port, extensionDir: extensionDir && path.resolve(extensionDir) }),
        ...(lang ? [`--lang=${lang}`] : []),
      ],
      // The browser's interface language (chrome.i18n.getUILanguage) comes from the environment on Linux.
      ...(lang ? { env: { ...process.env, LANGUAGE: lang } } : {}),
      viewport: { width: 1280, height: 900 },
    });
  } catch (error) {
    await server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
  const offsiteRequests = [];
  context.on('request', (request) => {
    const worker = request.serviceWorker();
    const from = worker ? worker.url() : (request.frame()?.url() ?? '');
    if (!isOffsite(request.url(), from)) return;
    offsiteRequests.push({ url: request.url(), method: request.method(), resourceType: request.resourceType(), from });
  });
  let serviceWorker = null;
  let extensionId = null;
  if (extensionDir) {
    serviceWorker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', {
        predicate: (w) => w.url().startsWith('chrome-extension://'),
        timeout: 15000,
      }));
    extensionId = new URL(serviceWorker.url()).host;
  }
  // The initial blank tab is reused by the first open(): closing a headed browser's last tab would end it.
  const blankTabs = context.pages().filter((p) => p.url() === 'about:blank');
  return {
    context,
    serviceWorker,
    extensionId,
    port: server.port,
    offsiteRequests,
    async open(url) {
      const page = blankTabs.shift() ?? (await context.newPage());
      await page.goto(url, { waitUntil: 'load' });
      if (FIXTURE_HOSTS.includes(new URL(url).hostname) && new URL(url).pathname !== '/demo') {
        await page.waitForFunction(() => window.__fixture?.ready === true);
      }
      return page;
    },
    async close() {
      await context.close();
      await server.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
      if (offsiteRequests.length && !offsiteAllowed) {
        const list = offsiteRequests.map((r) => `${r.method} ${r.url} from ${r.from || '?'}`).join('\n');
        throw new Error(`${offsiteRequests.length} request(s) left the device or came from the extension:\n${list}`);
      }
    },
  };
}

/**
 * Waits until the popup's core has drawn the day: its list holds the marker for now (today) or a line saying the day
 * is empty, whether or not any platform has a suggested slot that day (none has on a Sunday in UTC).
 */
export function popupDrawn(page) {
  return page.locator('[data-stratege="schedule"][data-date] ol > li').first().waitFor();
}

/** The page's console messages of the given types, as they come (a list the caller reads). */
export function recordConsole(page, types = ['error']) {
  const logged = [];
  page.on('console', (m) => types.includes(m.type()) && logged.push(m.text()));
  return logged;
}

/** The named editor's own model text (Draft: getPlainText; Lexical: $getRoot().getTextContent(); textarea: React state). */
export function modelText(page, name) {
  return page.evaluate((n) => window.__fixture.modelText(n), name);
}

/** Waits until the named editor's model holds `text`; on a timeout the error shows what the model holds instead. */
export async function waitModel(page, name, text) {
  try {
    await page.waitForFunction(([n, t]) => window.__fixture.modelText(n) === t, [name, text]);
  } catch (error) {
    throw new Error(
      `${name}: the model holds ${JSON.stringify(await modelText(page, name))}, not ${JSON.stringify(text)}`,
      {
        cause: error,
      },
    );
  }
}

/** What the fixture recorded as submitted: [{editor, text}]. */
export function submitted(page) {
  return page.evaluate(() => window.__fixture.submitted);
}

/** Waits until the named editor is mounted (registered with window.__fixture). */
export async function waitForEditor(page, name) {
  await page.waitForFunction((n) => window.__fixture.editors().includes(n), name);
}

/** The `<stratege-ui>` host nearest an editor (a Playwright locator), as a JSHandle. */
export function hostOf(editor) {
  return editor.evaluateHandle((ed) => {
    for (let node = ed.parentElement; node; node = node.parentElement) {
      const host = node.querySelector('stratege-ui');
      if (host) return host;
    }
    return null;
  });
}

/** Waits until the composer's latest review is of a text of this length (the review lane has caught up). */
export async function waitReviewed(page, editor, length) {
  const host = await hostOf(editor);
  await page.waitForFunction(([h, n]) => h.dataset.reviewed === String(n), [host, length]);
  return host;
}

/** Where the caret is in an editor, as an offset into its text (single-line texts), or null when it is elsewhere. */
export function caretOffset(editor) {
  return editor.evaluate((ed) => {
    if (ed instanceof HTMLTextAreaElement) return document.activeElement === ed ? ed.selectionStart : null;
    const selection = getSelection();
    if (!selection.focusNode || !ed.contains(selection.focusNode)) return null;
    const range = document.createRange();
    range.setStart(ed, 0);
    range.setEnd(selection.focusNode, selection.focusOffset);
    return range.toString().length;
  });
}

/** Longer tasks make typing visibly stutter: the issues' bound (12, 14) for what Stratège may cause in one task. */
export const LONG_TASK_MS = 200;
const TRACE_CATEGORIES = 'devtools.timeline,disabled-by-default-devtools.timeline';

/**
 * Traces the page's renderer while `during` runs; answers, per task of the thread that ran the content script,
 * the time spent in the content script (its outermost calls, with the style and layout they forced), in ms,
 * and the longest tasks of that thread whatever ran in them.
 */
export async function strategeTime(h, page, during) {
  const cdp = await h.context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
  try {
    await during();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  const ours = (e) => e.name === 'FunctionCall' && e.ph === 'X' && e.args?.data?.url?.includes(h.extensionId);
  const calls = events.filter(ours).sort((a, b) => a.ts - b.ts);
  assert.ok(calls.length > 0, 'the trace shows the content script running');
  const thread = calls[0].tid;
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.tid === thread);
  const outermost = calls.filter(
    (c) => c.tid === thread && !calls.some((o) => o !== c && o.ts <= c.ts && c.ts + c.dur <= o.ts + o.dur),
  );
  const ms = (us) => Math.round(us / 1000);
  const perTask = tasks
    .map((task) =>
      outermost.filter((c) => c.ts >= task.ts && c.ts < task.ts + task.dur).reduce((sum, c) => sum + c.dur, 0),
    )
    .filter((us) => us > 0)
    .map(ms);
  const longest = tasks
    .map((task) => ms(task.dur))
    .sort((a, b) => b - a)
    .slice(0, 5);
  return { perTask, longest };
}

/** Fails when a task of a trace (strategeTime) spent more than LONG_TASK_MS in Stratège, naming them. */
export function assertNoLongTask(traced) {
  const busy = traced.perTask.filter((ms) => ms > LONG_TASK_MS);
  assert.deepEqual(busy, [], `ms in Stratège per task: ${traced.perTask}; longest tasks: ${traced.longest}`);
}
