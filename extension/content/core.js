// The Rust core as seen from the content script: compiled in the page when its CSP allows WebAssembly (fast
// path), otherwise reached in the extension's service worker. Both answer the same report for the same input.

const WORKER_TIMEOUT_MS = 5000;
/** A page whose CSP refused WebAssembly is not asked again for a week: each refusal may send a CSP report. */
const BLOCKED_KEY = 'fastPathBlocked';
const RETRY_AFTER_MS = 7 * 24 * 3600 * 1000;

/** A core that checks texts: `{ path: 'page' | 'worker', check(text, options) → Promise<report> }`. */
export async function connectCore(origin = location.origin) {
  const blocked = (await chrome.storage.local.get(BLOCKED_KEY))[BLOCKED_KEY] || {};
  if (!(Date.now() - (blocked[origin] || 0) < RETRY_AFTER_MS)) {
    try {
      const glue = await import(chrome.runtime.getURL('pkg/stratege.js'));
      await glue.default({ module_or_path: chrome.runtime.getURL('pkg/stratege_bg.wasm') });
      return { path: 'page', check: async (text, options) => parse(glue.check(text, JSON.stringify(options))) };
    } catch {
      // The page's CSP forbids compiling WebAssembly here (or the module could not load): use the worker.
      blocked[origin] = Date.now();
      await chrome.storage.local.set({ [BLOCKED_KEY]: blocked });
    }
  }
  return { path: 'worker', check: checkInWorker };
}

function parse(json) {
  const report = JSON.parse(json);
  if (report.error) throw new Error(report.error);
  return report;
}

function checkInWorker(text, options) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the Stratège worker did not answer')), WORKER_TIMEOUT_MS);
    chrome.runtime.sendMessage({ type: 'stratege:check', text, options }, (answer) => {
      clearTimeout(timer);
      if (chrome.runtime.lastError) reject(new Error(chrome.runtime.lastError.message));
      else if (!answer || answer.error) reject(new Error(answer ? answer.error : 'no answer'));
      else resolve(parse(answer.report));
    });
  });
}
