// Chrome's offscreen document for the review lane (review-host.html): a service worker cannot start a Worker, so
// this page starts the review Worker (review-worker.js) and relays the background's messages to it over the
// `stratege:review` port, and the answers back. It holds no state of its own but which port waits for which
// answer: ids are renumbered so that the ports of a restarted service worker never mix.

const worker = new Worker(new URL('./review-worker.js', import.meta.url), { type: 'module' });
let nextId = 1;
const waiting = new Map(); // relayed id → {port, id}

worker.onmessage = ({ data }) => {
  const to = waiting.get(data.id);
  if (!to) return;
  waiting.delete(data.id);
  try {
    to.port.postMessage({ ...data, id: to.id });
  } catch {
    // The service worker stopped while the review ran: its content scripts ask again.
  }
};

chrome.runtime.onConnect.addListener((port) => {
  if (port.name !== 'stratege:review') return;
  port.onMessage.addListener((message) => {
    if (message.dictionary) {
      worker.postMessage(message);
      return;
    }
    const id = nextId++;
    waiting.set(id, { port, id: message.id });
    worker.postMessage({ ...message, id });
  });
  port.onDisconnect.addListener(() => {
    for (const [id, to] of waiting) if (to.port === port) waiting.delete(id);
  });
});
