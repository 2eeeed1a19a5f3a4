// The service worker's WebAssembly memory once both hashtag dictionaries are loaded, in Chromium: a post with a
// hashtag is typed in the X composer under the strict CSP, its review (which loads the dictionaries first) is waited
// for, and the worker's WebAssembly.Memory objects are found over the DevTools protocol (Runtime.queryObjects in the
// worker's target, reached from the page's session) and their sizes summed. Printed by `make bench`, never asserted.
import { openComposer } from '../tests/e2e/composers.mjs';
import { launch, waitReviewed } from '../tests/e2e/harness.mjs';

const POST = 'Tips for #SocialMeida ';

/** Sends `method` to the target of `sessionId` through the page's CDP session; resolves with its result. */
function sendToTarget(cdp, sessionId, method, params) {
  const id = Math.floor(Math.random() * 1e9);
  return new Promise((resolve, reject) => {
    const onMessage = (event) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message);
      if (message.id !== id) return;
      cdp.off('Target.receivedMessageFromTarget', onMessage);
      if (message.error) reject(new Error(`${method}: ${message.error.message}`));
      else resolve(message.result);
    };
    cdp.on('Target.receivedMessageFromTarget', onMessage);
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
  });
}

/** Bytes of WebAssembly memory the extension's service worker holds after a review with both dictionaries. */
export async function workerWasmMemory(extensionDir) {
  const h = await launch({ extensionDir, csp: 'strict' });
  try {
    const { page, editor } = await openComposer(h, 'x-home');
    await page.keyboard.type(POST);
    await waitReviewed(page, editor, POST.length);
    const cdp = await h.context.newCDPSession(page);
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    const send = (method, params) => sendToTarget(cdp, sessionId, method, params);
    const proto = await send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
    const found = await send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
    const sizes = await send('Runtime.callFunctionOn', {
      objectId: found.objects.objectId,
      functionDeclaration: 'function () { return this.map((m) => m.buffer.byteLength); }',
      returnByValue: true,
    });
    return sizes.result.value.reduce((sum, n) => sum + n, 0);
  } finally {
    await h.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.env.STRATEGE_DIST ?? new URL('../dist/chrome/', import.meta.url).pathname;
  console.log(
    `worker WebAssembly memory with both dictionaries: ${((await workerWasmMemory(dir)) / 1048576).toFixed(1)} MB`,
  );
}
