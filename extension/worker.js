// The extension's service worker (Firefox: event page): hosts the Rust core (WebAssembly is always allowed here)
// in one `Checker` without dictionaries, and answers the content scripts' checks on their ports: `count` checks
// (the counter, when the page forbids WebAssembly) at once, through the core's counter fast path, and `media`
// analyses of attached images (their pixels at analysis size, or a photo's EXIF thumbnail, in base64). `review`
// checks go to the review lane (review-lane.js): a thread of their own, which holds the spelling dictionaries and the
// user's words (set when the worker starts and whenever the settings change), so that no review ever holds up a
// `count`. Listeners are registered synchronously.

import init, { Checker, analyse_media } from './pkg/stratege.js';
import { loadSettings, onSettingsChanged } from './shared/settings.js';
import { counterOf } from './content/core.js';
import { listenSchedule } from './worker-schedule.js';
import { fromBase64 } from './shared/base64.js';
import { reviewLane } from './review-lane.js';
import { withThumbnailPixels } from './content/media/thumbnail.js';

/** The worker's one checker (counter, media, schedule), once the core is compiled. */
const ready = init({ module_or_path: new URL('./pkg/stratege_bg.wasm', import.meta.url) }).then(() => new Checker());
/** The `count` lane's checks: the core's counter fast path, as in the page. */
const counter = ready.then((checker) => counterOf(checker));
listenSchedule(ready);

const reviews = reviewLane();
const dictionary = loadSettings().then((settings) => reviews.setDictionary(settings.dictionary));
onSettingsChanged(async (settings) => {
  await dictionary; // never overtaken by the words read at start
  reviews.setDictionary(settings.dictionary);
});

chrome.runtime.onConnect.addListener((port) => {
  if (port.name !== 'stratege:core') return;
  port.onMessage.addListener(async ({ id, text, options, lane, request, pixels }) => {
    if (lane === 'media') {
      answer(port, await analysed(id, request, pixels));
      return;
    }
    if (lane === 'review') {
      try {
        await dictionary;
        answer(port, { id, report: await reviews.review(String(text), options || {}) });
      } catch (error) {
        answer(port, { id, error: error?.message }); // the lane stopped, or the options were refused
      }
      return;
    }
    let count;
    try {
      count = await counter;
    } catch (error) {
      answer(port, { id, error: `core unavailable: ${error?.message}` });
      return;
    }
    try {
      answer(port, { id, report: count(String(text), options || {}) });
    } catch (error) {
      answer(port, { id, error: error?.message }); // the options were refused (the core throws why)
    }
  });
});

/**
 * The `media` lane: attached images' analysis-size pixels, or a photo's EXIF thumbnail to decode here, sent as base64
 * by the content script (core.js, media/check.js).
 */
async function analysed(id, request, pixels) {
  try {
    await ready;
    const decoded = withThumbnailPixels(request, fromBase64(pixels || ''));
    return { id, report: analyse_media(decoded.request, decoded.rgba) };
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
