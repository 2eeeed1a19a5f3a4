// The extension's service worker: hosts the Rust core (WebAssembly is always allowed here) for content scripts
// whose page forbids compiling it, and answers checks by message. Listeners are registered synchronously.

import init, { check } from './pkg/stratege.js';

const ready = init({ module_or_path: new URL('./pkg/stratege_bg.wasm', import.meta.url) });

chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (!message || message.type !== 'stratege:check') return false;
  ready
    .then(() => sendResponse({ report: check(String(message.text), JSON.stringify(message.options || {})) }))
    .catch((error) => sendResponse({ error: `core unavailable: ${error && error.message}` }));
  return true; // answered asynchronously
});
