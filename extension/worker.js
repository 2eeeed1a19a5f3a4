// The extension's service worker: hosts the Rust core (WebAssembly is always allowed here) for content scripts
// whose page forbids compiling it, and answers checks on their ports. Listeners are registered synchronously.

import init, { check } from './pkg/stratege.js';

const ready = init({ module_or_path: new URL('./pkg/stratege_bg.wasm', import.meta.url) });

chrome.runtime.onConnect.addListener((port) => {
  if (port.name !== 'stratege:core') return;
  port.onMessage.addListener(async ({ id, text, options }) => {
    let answer;
    try {
      await ready;
      answer = { id, report: check(String(text), JSON.stringify(options || {})) };
    } catch (error) {
      answer = { id, error: `core unavailable: ${error && error.message}` };
    }
    try {
      port.postMessage(answer);
    } catch {
      // The tab closed or navigated while the check ran: nobody is waiting.
    }
  });
});
