// Keystroke→counter latency, measured in the page: from each keydown (capture phase) to the next change of the
// composer's counter, and the part of it that is Stratège's: from the editor's own change of its DOM (the first
// mutation after the keydown: the editor has taken the key) to the counter's change. Shared by the browser tests
// (recorded) and `make bench` (reported).

/**
 * Types `text` key by key into the focused composer `editor`; answers `{total, stratege}`, one sample (ms) of
 * each per counter update: keydown → counter, and the editor's DOM change → counter.
 */
export async function typeMeasuringLatency(page, editor, text) {
  await editor.evaluate((ed) => {
    let host = null;
    for (let node = ed.parentElement; node && !host; node = node.parentElement)
      host = node.querySelector('stratege-ui');
    const counter = host.shadowRoot.querySelector('[data-stratege="counter"]');
    const samples = { total: [], stratege: [] };
    window.__strategeLatency = samples;
    let pending = null;
    let edited = null;
    document.addEventListener(
      'keydown',
      () => {
        pending = performance.now();
        edited = null;
      },
      true,
    );
    new MutationObserver(() => {
      if (pending !== null && edited === null) edited = performance.now();
    }).observe(ed, { childList: true, subtree: true, characterData: true });
    new MutationObserver(() => {
      if (pending === null) return;
      const now = performance.now();
      samples.total.push(now - pending);
      // The editor's observer was made first, so its callback runs first when both see the same checkpoint.
      if (edited !== null) samples.stratege.push(now - edited);
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
