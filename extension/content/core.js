// The Rust core as seen from the content script: compiled in the page when its CSP allows WebAssembly (fast
// path: a `Checker` of its own, without dictionaries, for the counter's length-only checks, through the core's
// counter fast path: `counterOf`), otherwise reached in the extension's service worker. Both answer the same report for the same input. Reviews (spelling with the
// dictionaries and the user's words, tone) always run in the worker's checker: the dictionaries are loaded there
// once per browser instead of once per tab.

import { toBase64 } from '../shared/base64.js';

/** The first review may wait for the dictionaries to load in a worker that was just started. */
const WORKER_TIMEOUT_MS = 10000;
/** A page whose CSP refused WebAssembly is not asked again for a week: each refusal may send a CSP report. */
const BLOCKED_KEY = 'fastPathBlocked';
const RETRY_AFTER_MS = 7 * 24 * 3600 * 1000;

/**
 * A core that checks texts: `{ path: 'page' | 'worker', check(text, options) → Promise<report>,
 * review(text, options) → Promise<report>, media(request, rgba) → Promise<mediaReport> }`. `check` is the fast
 * one (the counter); `review` waits for the dictionaries and is the one whose hashtags and tone are shown;
 * `media` analyses attached images (wasm `analyse_media`) from their analysis-size pixels, never the files: in
 * the worker, the pixels cross the port as base64 (ports serialise messages).
 */
export async function connectCore(origin = location.origin) {
  const worker = workerClient();
  const review = (text, options) => worker({ text, options, lane: 'review' });
  const workerMedia = (request, rgba) => worker({ request, pixels: toBase64(rgba), lane: 'media' });
  const blocked = await blockedOrigins();
  if (!(Date.now() - (blocked[origin] || 0) < RETRY_AFTER_MS)) {
    try {
      const glue = await import(chrome.runtime.getURL('pkg/stratege.js'));
      await glue.default({ module_or_path: chrome.runtime.getURL('pkg/stratege_bg.wasm') });
      const count = counterOf(new glue.Checker());
      const check = async (text, options) => count(text, options);
      const media = async (request, rgba) => glue.analyse_media(request, rgba);
      return { path: 'page', check, review, media };
    } catch {
      // The page's CSP forbids compiling WebAssembly here (or the module could not load): use the worker.
      // Remembered if the storage can take it (full or unavailable, the page is simply asked again next time).
      blocked[origin] = Date.now();
      await chrome.storage.local.set({ [BLOCKED_KEY]: blocked }).catch(() => {});
    }
  }
  const check = (text, options) => worker({ text, options, lane: 'count' });
  return { path: 'worker', check, review, media: workerMedia };
}

/** The pages whose CSP refused WebAssembly, by origin (time of the refusal): none when storage is unreadable. */
async function blockedOrigins() {
  const stored = await chrome.storage.local.get(BLOCKED_KEY).then(
    (items) => items[BLOCKED_KEY],
    () => null,
  );
  if (stored === null || typeof stored !== 'object' || Array.isArray(stored)) return {};
  return Object.fromEntries(Object.entries(stored).filter(([, time]) => Number.isFinite(time)));
}

/**
 * `Checker.count`'s answer, one number (src/wasm/mod.rs `count`): from the low bits, valid (1 bit), the state (2 bits,
 * `STATES[i]`), the feed's cut plus one (`CUT_BITS`; 0: no cut) and the count (from bit `COUNT_SHIFT`).
 */
const STATES = ['ok', 'near', 'over'];
const CUT_BITS = 17;
const COUNT_SHIFT = 2 ** (3 + CUT_BITS);

/**
 * The counter's length-only check through the core's fast path (`Checker.set_counter_options`, then `Checker.count`):
 * `(text, options) → {platform, length: {count, limit, over, valid, state, unit, preview_cut?}}`, the fields of
 * `checker.check(text, {...options, length_only: true})` that the counter shows. The options cross to the core
 * only when they change (settings), not at every keystroke (a composer sends the same object until then; through
 * the worker, equal values); the text goes in and one number comes out.
 */
export function counterOf(checker) {
  let set = null; // the options last set, with what they fix: {options, platform, unit, limit}
  return (text, options) => {
    if (set === null || (options !== set.options && !sameFields(set.options, options))) {
      set = { options, ...checker.set_counter_options(options) };
    }
    const packed = checker.count(text);
    const count = Math.floor(packed / COUNT_SHIFT);
    const low = packed - count * COUNT_SHIFT; // below 2^20: bit operations hold it
    const { platform, unit, limit } = set;
    const length = { count, limit, over: count > limit, valid: (low & 1) === 1, state: STATES[(low >> 1) & 3], unit };
    if (low >> 3) length.preview_cut = (low >> 3) - 1;
    return { platform, length };
  };
}

/** Two option objects hold the same values (those of the worker's `count` checks are new at every message). */
function sameFields(a, b) {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** A check is sent again on a new port this many times when the worker stops under it (then it fails). */
const MAX_SENDS = 3;

/**
 * Checks in the service worker over one long-lived port (cheaper per message than sendMessage). The browser may
 * stop the worker at any time, and the port closes with the checks under way: they are sent again on a new port
 * (which starts the worker again), so no answer is lost. A check fails when the extension was reloaded or
 * updated (this content script can no longer reach it) or when the worker does not answer in time.
 */
function workerClient() {
  let port = null;
  let nextId = 1;
  const pending = new Map(); // id → {message, resolve, reject, timer, sends}
  const fail = (id, error) => {
    const request = pending.get(id);
    if (!request) return;
    pending.delete(id);
    clearTimeout(request.timer);
    request.reject(error);
  };
  const send = (request) => {
    request.sends++;
    try {
      if (!port) connect();
      port.postMessage(request.message);
    } catch {
      fail(request.message.id, new Error('Stratège was updated or reloaded: reload the page to check again'));
    }
  };
  const connect = () => {
    port = chrome.runtime.connect({ name: 'stratege:core' });
    port.onMessage.addListener(({ id, report, error }) => {
      const request = pending.get(id);
      if (!request) return;
      pending.delete(id);
      clearTimeout(request.timer);
      if (error) request.reject(new Error(error));
      else request.resolve(report);
    });
    port.onDisconnect.addListener(() => {
      port = null;
      for (const [id, request] of [...pending]) {
        if (request.sends < MAX_SENDS) send(request);
        else fail(id, new Error('the Stratège worker stopped'));
      }
    });
  };
  return (message) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => fail(id, new Error('the Stratège worker did not answer')), WORKER_TIMEOUT_MS);
      const request = { message: { id, ...message }, resolve, reject, timer, sends: 0 };
      pending.set(id, request);
      send(request);
    });
}
