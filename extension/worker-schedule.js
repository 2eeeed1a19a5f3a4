// The service worker's schedule side: answers the content scripts' best-time questions with the Rust core
// (`schedule_hint`, with the user's imports), in the user's time zone. Registered synchronously by worker.js.

import { schedule_hint } from './pkg/stratege.js';
import { loadSchedule } from './shared/schedule-store.js';

/** What the content scripts may ask: `{type: 'stratege:schedule', method, request}` → `{value}` or `{error}`. */
const METHODS = {
  async hint(request) {
    const { imports } = await loadSchedule();
    return schedule_hint({ ...request, imports });
  },
};

/** @param {Promise<unknown>} ready the core, compiled */
export function listenSchedule(ready) {
  chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    if (message?.type !== 'stratege:schedule' || !Object.hasOwn(METHODS, message.method)) return false;
    ready
      .then(() => METHODS[message.method](message.request || {}))
      .then(
        (value) => sendResponse({ value }),
        (error) => sendResponse({ error: String(error?.message || error) }),
      );
    return true;
  });
}
