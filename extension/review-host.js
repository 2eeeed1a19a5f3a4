// Chrome's offscreen document for the review lane (review-host.html): a service worker cannot start a Worker, so
// this page starts the review Worker (review-worker.js), hands it the service worker's review messages
// (`chrome.runtime.sendMessage` with `target: 'stratege:review'`) and answers each with the Worker's answer. It
// listens to messages, not to ports: the content scripts' ports to the service worker would reach it too, and a
// port still open here would outlive a stopped service worker, so that the next check would not start it again.

import { reviewWorkerScript } from './shared/review-worker-script.js';

const TARGET = 'stratege:review';

const worker = new Worker(reviewWorkerScript(new URL('./review-worker.js', import.meta.url).href), { type: 'module' });
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
