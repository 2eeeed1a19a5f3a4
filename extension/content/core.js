// The Rust core as seen from the content script: compiled in the page when its CSP allows WebAssembly (fast
// path: a `Checker` of its own, without dictionaries, for the counter's length-only checks), otherwise reached in
// the extension's service worker. Both answer the same report for the same input. Reviews (spelling with the
// dictionaries and the user's words, tone) always run in the worker's checker: the dictionaries are loaded there
// once per browser instead of once per tab.

/** The first review may wait for the dictionaries to load in a worker that was just started. */
const WORKER_TIMEOUT_MS = 10000;
/** A page whose CSP refused WebAssembly is not asked again for a week: each refusal may send a CSP report. */
const BLOCKED_KEY = 'fastPathBlocked';
const RETRY_AFTER_MS = 7 * 24 * 3600 * 1000;

/**
 * A core that checks texts: `{ path: 'page' | 'worker', check(text, options) → Promise<report>,
 * review(text, options) → Promise<report> }`. `check` is the fast one (the counter); `review` waits for the
 * dictionaries and is the one whose hashtags and tone are shown.
 */
export async function connectCore(origin = location.origin) {
  const worker = workerClient();
  const review = (text, options) => worker(text, options, 'review');
  const blocked = (await chrome.storage.local.get(BLOCKED_KEY))[BLOCKED_KEY] || {};
  if (!(Date.now() - (blocked[origin] || 0) < RETRY_AFTER_MS)) {
    try {
      const glue = await import(chrome.runtime.getURL('pkg/stratege.js'));
      await glue.default({ module_or_path: chrome.runtime.getURL('pkg/stratege_bg.wasm') });
      const checker = new glue.Checker();
      const check = async (text, options) => checker.check(text, options);
      return { path: 'page', check, review };
    } catch {
      // The page's CSP forbids compiling WebAssembly here (or the module could not load): use the worker.
      blocked[origin] = Date.now();
      await chrome.storage.local.set({ [BLOCKED_KEY]: blocked });
    }
  }
  return { path: 'worker', check: (text, options) => worker(text, options, 'count'), review };
}

/**
 * Checks in the service worker over one long-lived port (cheaper per message than sendMessage). The worker may be
 * stopped by the browser at any time: a closed port fails its pending checks and the next check reconnects.
 */
function workerClient() {
  let port = null;
  let nextId = 1;
  const pending = new Map();
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
      for (const request of pending.values()) {
        clearTimeout(request.timer);
        request.reject(new Error('the Stratège worker stopped'));
      }
      pending.clear();
    });
  };
  return (text, options, lane) =>
    new Promise((resolve, reject) => {
      if (!port) connect();
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error('the Stratège worker did not answer'));
      }, WORKER_TIMEOUT_MS);
      pending.set(id, { resolve, reject, timer });
      port.postMessage({ id, text, options, lane });
    });
}
