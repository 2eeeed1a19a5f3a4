// Keystroke→counter latency, measured in the page: from each keydown (capture phase) to the next change of the
// composer's counter. Shared by the browser tests (recorded) and `make bench` (reported).

/** Types `text` key by key into the focused composer `editor` and returns one latency sample (ms) per update. */
export async function typeMeasuringLatency(page, editor, text) {
  await editor.evaluate((ed) => {
    let host = null;
    for (let node = ed.parentElement; node && !host; node = node.parentElement)
      host = node.querySelector('stratege-ui');
    const counter = host.shadowRoot.querySelector('[data-stratege="counter"]');
    const samples = [];
    window.__strategeLatency = samples;
    let pending = null;
    document.addEventListener(
      'keydown',
      () => {
        pending = performance.now();
      },
      true,
    );
    new MutationObserver(() => {
      if (pending !== null) samples.push(performance.now() - pending);
      pending = null;
    }).observe(counter, { attributes: true, attributeFilter: ['data-count'] });
  });
  await page.keyboard.type(text, { delay: 15 });
  return page.evaluate(() => window.__strategeLatency);
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
