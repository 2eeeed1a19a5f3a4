// Chrome's offscreen document for the review lane (review-host.html): a service worker cannot start a Worker, so
// this page starts the review Worker (review-worker.js), hands it the service worker's review messages
// (`chrome.runtime.sendMessage` with `target: 'stratege:review'`) and answers each with the Worker's answer. It
// listens to messages, not to ports: the content scripts' ports to the service worker would reach it too, and a
// port still open here would outlive a stopped service worker, so that the next check would not start it again.

const TARGET = 'stratege:review';

const WORKER_URL = new URL('./review-worker.js', import.meta.url).href;
/** The pages' CSP requires Trusted Types (manifest.json): the Worker's script URL goes through a policy that passes
 * this one file and nothing else. */
const scriptUrls = globalThis.trustedTypes?.createPolicy('stratege-review-worker', {
  createScriptURL: (url) => {
    if (url !== WORKER_URL) throw new TypeError(`not the review Worker: ${url}`);
    return url;
  },
});
const worker = new Worker(scriptUrls ? scriptUrls.createScriptURL(WORKER_URL) : WORKER_URL, { type: 'module' });
let nextId = 1;
const waiting = new Map(); // the Worker's id → sendResponse

worker.onmessage = ({ data: { id, report, error } }) => {
  const respond = waiting.get(id);
  waiting.delete(id);
  respond?.({ report, error });
};

chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (message?.target !== TARGET) return false;
  if ('dictionary' in message) {
    worker.postMessage({ dictionary: message.dictionary });
    sendResponse({});
    return false;
  }
  const id = nextId++;
  waiting.set(id, sendResponse);
  worker.postMessage({ id, text: message.text, options: message.options });
  return true; // answered once the Worker has reviewed
});
