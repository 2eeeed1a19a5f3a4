// The toolbar popup's speed in Chromium: its first contentful paint and the time until the core has drawn the
// day's schedule (popup.js marks `stratege-schedule-drawn`), over fresh opens of popup.html; medians and p95.
import { launch } from '../tests/e2e/harness.mjs';
import { percentile } from '../tests/e2e/latency.mjs';

/** Opens of the popup measured (the first, with a cold wasm compile cache, is counted too). */
const OPENS = 15;

export async function benchPopup(extensionDir) {
  const h = await launch({ extensionDir });
  try {
    const paint = [];
    const drawn = [];
    for (let i = 0; i < OPENS; i++) {
      const page = await h.context.newPage();
      await page.goto(`chrome-extension://${h.extensionId}/popup.html`);
      const times = await page.waitForFunction(() => {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
        const mark = performance.getEntriesByName('stratege-schedule-drawn')[0];
        return fcp && mark ? { fcp: fcp.startTime, drawn: mark.startTime } : null;
      });
      const { fcp, drawn: done } = await times.jsonValue();
      paint.push(fcp);
      drawn.push(done);
      await page.close();
    }
    return { opens: OPENS, paint, drawn, p: (samples, q) => percentile(samples, q) };
  } finally {
    await h.close();
  }
}
