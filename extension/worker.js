// The extension's service worker: hosts the Rust core (WebAssembly is always allowed here) with the spelling
// dictionaries, loaded once per browser at the first review (not when the worker wakes for the popup or a
// counter), and answers the content scripts' checks on their ports: `count` checks (the counter, when the page
// forbids WebAssembly) at once, `review` checks once the dictionaries are in.
// Listeners are registered synchronously.

import init, { check, load_lexicon } from './pkg/stratege.js';

const LANGUAGES = ['en', 'fr'];

const ready = init({ module_or_path: new URL('./pkg/stratege_bg.wasm', import.meta.url) });
let lexicons = null; // the loading of both dictionaries, started by the first review
/** A language whose dictionary cannot load is reviewed without spelling (the report says so), never blocked. */
const loadLexicons = () =>
  Promise.allSettled(
    LANGUAGES.map(async (lang) => {
      const response = await fetch(new URL(`./lexicon/${lang}.bin`, import.meta.url));
      const answer = JSON.parse(load_lexicon(lang, new Uint8Array(await response.arrayBuffer())));
      if (answer.error) throw new Error(answer.error);
    }),
  );

chrome.runtime.onConnect.addListener((port) => {
  if (port.name !== 'stratege:core') return;
  port.onMessage.addListener(async ({ id, text, options, lane }) => {
    let answer;
    try {
      await ready;
      if (lane === 'review') {
        lexicons ??= loadLexicons();
        await lexicons;
      }
      answer = { id, report: check(String(text), JSON.stringify(options || {})) };
    } catch (error) {
      answer = { id, error: `core unavailable: ${error?.message}` };
    }
    try {
      port.postMessage(answer);
    } catch {
      // The tab closed or navigated while the check ran: nobody is waiting.
    }
  });
});
