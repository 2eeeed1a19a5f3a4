// The extension's service worker: hosts the Rust core (WebAssembly is always allowed here) in one `Checker` that
// owns the spelling dictionaries, loaded once per worker at the first review (not when the worker wakes for the
// popup or a counter), and the user's dictionary, set when the worker starts and whenever the settings change.
// It answers the content scripts' checks on their ports: `count` checks (the counter, when the page forbids
// WebAssembly) at once, through the core's counter fast path, `review` checks once the dictionaries are in, and
// `media` analyses of attached images (their pixels at analysis size, in base64). Listeners are registered synchronously.

import init, { Checker, analyse_media } from './pkg/stratege.js';
import { loadSettings, onSettingsChanged } from './shared/settings.js';
import { counterOf } from './content/core.js';
import { listenSchedule } from './worker-schedule.js';
import { fromBase64 } from './shared/base64.js';

const LANGUAGES = ['en', 'fr'];

/** The worker's one checker, with the user's dictionary set, once the core is compiled. */
const ready = init({ module_or_path: new URL('./pkg/stratege_bg.wasm', import.meta.url) }).then(async () => {
  const checker = new Checker();
  checker.set_dictionary((await loadSettings()).dictionary);
  return checker;
});
/** The `count` lane's checks: the core's counter fast path, as in the page. */
const counter = ready.then((checker) => counterOf(checker));
onSettingsChanged(async (settings) => (await ready).set_dictionary(settings.dictionary));
listenSchedule(ready);

let lexicons = null; // the loading of both dictionaries, started by the first review
/** A language whose dictionary cannot load is reviewed without spelling (the report says so), never blocked. */
const loadLexicons = (checker) =>
  Promise.allSettled(
    LANGUAGES.map(async (lang) => {
      const response = await fetch(new URL(`./lexicon/${lang}.bin`, import.meta.url));
      checker.load_lexicon(lang, new Uint8Array(await response.arrayBuffer()));
    }),
  );

chrome.runtime.onConnect.addListener((port) => {
  if (port.name !== 'stratege:core') return;
  port.onMessage.addListener(async ({ id, text, options, lane, request, pixels }) => {
    if (lane === 'media') {
      answer(port, await analysed(id, request, pixels));
      return;
    }
    let check;
    try {
      const checker = await ready;
      const count = await counter;
      check = lane === 'count' ? count : (t, o) => checker.check(t, o);
      if (lane === 'review') {
        lexicons ??= loadLexicons(checker);
        await lexicons;
      }
    } catch (error) {
      answer(port, { id, error: `core unavailable: ${error?.message}` });
      return;
    }
    try {
      answer(port, { id, report: check(String(text), options || {}) });
    } catch (error) {
      answer(port, { id, error: error?.message }); // the options were refused (the core throws why)
    }
  });
});

/** The `media` lane: attached images' analysis-size pixels, sent as base64 by the content script (core.js). */
async function analysed(id, request, pixels) {
  try {
    await ready;
    return { id, report: analyse_media(request, fromBase64(pixels || '')) };
  } catch (error) {
    return { id, error: error?.message };
  }
}

function answer(port, message) {
  try {
    port.postMessage(message);
  } catch {
    // The tab closed or navigated while the check ran: nobody is waiting.
  }
}
