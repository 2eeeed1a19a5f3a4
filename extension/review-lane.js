// The review lane as the extension's background (worker.js) reaches it: full reviews (hashtag spelling with the
// dictionaries, tone) run on a thread of their own, review-worker.js, so that the background answers the counter's
// `count` checks at once whatever a review costs (a pasted list of thousands of tags). Firefox's background is an
// event page, which starts the Worker itself; Chrome's is a service worker, which cannot: it opens an offscreen
// document (review-host.html, reason WORKERS) that starts the Worker and answers the reviews sent to it with
// `chrome.runtime.sendMessage`. The offscreen document outlives the service worker's restarts, and with it the
// loaded dictionaries.

import { reviewWorkerScript } from './shared/review-worker-script.js';

const HOST_PAGE = 'review-host.html';
const TARGET = 'stratege:review'; // review-host.js answers the messages sent to it

/** `{review(text, options) → Promise<report>, setDictionary(words)}`; the lane opens at the first review. */
export function reviewLane() {
  let opening = null; // Promise<{post(message)}> while the lane is open or opening
  let dictionary = null; // the user's words, sent again whenever the lane opens
  let nextId = 1;
  const pending = new Map(); // id → {resolve, reject}

  const receive = ({ id, report, error }) => {
    const request = pending.get(id);
    if (!request) return;
    pending.delete(id);
    if (error) request.reject(new Error(error));
    else request.resolve(report);
  };
  const lost = () => {
    opening = null;
    for (const request of pending.values()) request.reject(new Error('the review lane stopped'));
    pending.clear();
  };
  const connected = () => {
    opening ??= open(receive, lost).then(
      (lane) => {
        if (dictionary) lane.post({ dictionary });
        return lane;
      },
      (error) => {
        opening = null;
        throw error;
      },
    );
    return opening;
  };

  return {
    async review(text, options) {
      const lane = await connected();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        lane.post({ id, text, options });
      });
    },
    setDictionary(words) {
      dictionary = [...words];
      opening?.then(
        (lane) => lane.post({ dictionary }),
        () => {},
      );
    },
  };
}

/** Starts the review Worker, here when this context can (Firefox's event page), else in the offscreen document. */
async function open(receive, lost) {
  if (typeof Worker === 'function') {
    const url = new URL('./review-worker.js', import.meta.url).href;
    const worker = new Worker(reviewWorkerScript(url), { type: 'module' });
    worker.onmessage = ({ data }) => receive(data);
    worker.onerror = lost;
    return { post: (message) => worker.postMessage(message) };
  }
  await openHostPage();
  return {
    post(message) {
      chrome.runtime.sendMessage({ target: TARGET, ...message }).then(
        (answer) => receive({ id: message.id, ...answer }),
        lost, // the offscreen document was closed: the next review opens it again
      );
    },
  };
}

/** Opens the offscreen document unless it is open (one per extension: a second one is refused). */
async function openHostPage() {
  const documentUrls = [chrome.runtime.getURL(HOST_PAGE)];
  const open = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls });
  if (open.length > 0) return;
  try {
    await chrome.offscreen.createDocument({
      url: HOST_PAGE,
      reasons: ['WORKERS'],
      justification: 'Runs the spelling and tone review in a Worker so the live counter never waits behind it.',
    });
  } catch (error) {
    if (!/single offscreen document/i.test(String(error?.message))) throw error;
  }
}
