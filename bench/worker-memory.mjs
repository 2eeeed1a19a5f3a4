// The extension's WebAssembly memory once both hashtag dictionaries are loaded, in Chromium: a post with a hashtag
// is typed in the X composer under the strict CSP and its review (which loads the dictionaries first) is waited for;
// then the WebAssembly.Memory objects of the service worker (the counter's checker) and of the review Worker (the
// dictionaries' checker, a dedicated worker of the offscreen document review-host.html) are found over the DevTools
// protocol (Runtime.queryObjects in each target, reached from the page's session through nested sessions) and their
// sizes summed. Printed by `make bench`, never asserted.
import { openComposer } from '../tests/e2e/composers.mjs';
import { launch, waitReviewed } from '../tests/e2e/harness.mjs';

const POST = 'Tips for #SocialMeida ';
/** How long the offscreen document may take to report its Worker once auto-attach is asked. */
const ATTACH_MS = 10000;

/** The page's CDP session as a channel: `send(method, params)` and `on(listener)` for its events. */
function rootChannel(cdp) {
  return {
    send: (method, params) => cdp.send(method, params),
    on: (listener) =>
      cdp.on('Target.receivedMessageFromTarget', (params) =>
        listener({ method: 'Target.receivedMessageFromTarget', params }),
      ),
  };
}

/** A channel to the target of `sessionId`, attached (not flattened) through `parent`. */
function channelTo(parent, sessionId) {
  const listeners = new Set();
  parent.on((message) => {
    if (message.method !== 'Target.receivedMessageFromTarget' || message.params.sessionId !== sessionId) return;
    const inner = JSON.parse(message.params.message);
    for (const listener of [...listeners]) listener(inner);
  });
  let next = 1;
  return {
    on: (listener) => listeners.add(listener),
    send: (method, params) =>
      new Promise((resolve, reject) => {
        const id = next++;
        const onAnswer = (message) => {
          if (message.id !== id) return;
          listeners.delete(onAnswer);
          if (message.error) reject(new Error(`${method}: ${message.error.message}`));
          else resolve(message.result);
        };
        listeners.add(onAnswer);
        parent.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      }),
  };
}

/** Bytes of WebAssembly memory a target holds: the sum of its WebAssembly.Memory objects' buffers. */
async function wasmBytes(channel) {
  const proto = await channel.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
  const found = await channel.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
  const sizes = await channel.send('Runtime.callFunctionOn', {
    objectId: found.objects.objectId,
    functionDeclaration: 'function () { return this.map((m) => m.buffer.byteLength); }',
    returnByValue: true,
  });
  return sizes.result.value.reduce((sum, n) => sum + n, 0);
}

/** The review Worker's channel: auto-attach in the offscreen document reports its dedicated workers. */
async function reviewWorker(offscreen) {
  const attached = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the review Worker was not found')), ATTACH_MS);
    offscreen.on((message) => {
      if (message.method === 'Target.attachedToTarget' && message.params.targetInfo.type === 'worker') {
        clearTimeout(timer);
        resolve(message.params.sessionId);
      }
    });
  });
  await offscreen.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  return channelTo(offscreen, await attached);
}

/**
 * Bytes of WebAssembly memory after a review with both dictionaries: `{service, review}`, the service worker's and
 * the review Worker's.
 */
export async function workerWasmMemory(extensionDir) {
  const h = await launch({ extensionDir, csp: 'strict' });
  try {
    const { page, editor } = await openComposer(h, 'x-home');
    await page.keyboard.type(POST);
    await waitReviewed(page, editor, POST.length);
    const cdp = await h.context.newCDPSession(page);
    const root = rootChannel(cdp);
    const { targetInfos } = await cdp.send('Target.getTargets');
    const ours = (t) => t.url.startsWith(`chrome-extension://${h.extensionId}/`);
    const attach = async (target) =>
      channelTo(
        root,
        (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })).sessionId,
      );
    const service = await attach(targetInfos.find((t) => ours(t) && t.type === 'service_worker'));
    const offscreen = await attach(targetInfos.find((t) => ours(t) && t.url.includes('review-host.html')));
    return { service: await wasmBytes(service), review: await wasmBytes(await reviewWorker(offscreen)) };
  } finally {
    await h.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.env.STRATEGE_DIST ?? new URL('../dist/chrome/', import.meta.url).pathname;
  const { service, review } = await workerWasmMemory(dir);
  const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
  console.log(`WebAssembly memory: review Worker (both dictionaries) ${mb(review)}, service worker ${mb(service)}`);
}
