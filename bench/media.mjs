// Crop previews end to end in Chromium (issue 9): a 12-megapixel JPEG photo attached through the X composer's own
// file input, timed in the page from the input's `change` to the crop panel showing the analysis (header read,
// createImageBitmap decode at analysis size, pixels read back, the wasm saliency and crops, the panel drawn),
// with the core in the page (sites' CSP) and in the service worker (strict CSP: the pixels cross the port). And the
// wasm the media analysis adds: the shipped module against the same module without its `analyse_media` export,
// both shrunk by wasm-opt (what only that export reaches goes).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch } from '../tests/e2e/harness.mjs';
import { openComposer } from '../tests/e2e/composers.mjs';
import { percentile } from '../tests/e2e/latency.mjs';

const DIST = new URL('../dist/chrome', import.meta.url).pathname;
/** A 12-megapixel photo: 4000 × 3000, as phone cameras take them. */
const WIDTH = 4000;
const HEIGHT = 3000;
const SAMPLES = 15;

/** A JPEG photo-like image (gradients, shapes and noise), encoded by Chromium itself. */
async function makePhoto(page, file) {
  const base64 = await page.evaluate(
    async ([width, height]) => {
      const canvas = new OffscreenCanvas(width, height);
      const g = canvas.getContext('2d');
      const sky = g.createLinearGradient(0, 0, 0, height);
      sky.addColorStop(0, '#7fb2e5');
      sky.addColorStop(1, '#e9c79a');
      g.fillStyle = sky;
      g.fillRect(0, 0, width, height);
      let seed = 7;
      const random = () => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed / 0x7fffffff;
      };
      for (let i = 0; i < 400; i++) {
        g.fillStyle = `hsl(${random() * 360}, 60%, ${30 + random() * 40}%)`;
        g.beginPath();
        g.arc(random() * width, height * 0.4 + random() * height * 0.6, 20 + random() * 200, 0, Math.PI * 2);
        g.fill();
      }
      const noise = g.getImageData(0, 0, width, height);
      for (let i = 0; i < noise.data.length; i += 4) {
        const n = (random() - 0.5) * 24;
        noise.data[i] += n;
        noise.data[i + 1] += n;
        noise.data[i + 2] += n;
      }
      g.putImageData(noise, 0, 0);
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
      return new Uint8Array(await blob.arrayBuffer()).toBase64();
    },
    [WIDTH, HEIGHT],
  );
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
}

/** Milliseconds from `change` to the panel showing the analysis, SAMPLES times; `{samples, bytes}`. */
async function measure(csp, file) {
  const h = await launch({ extensionDir: DIST, csp });
  try {
    const { page } = await openComposer(h, 'x-home');
    if (!fs.existsSync(file)) await makePhoto(page, file);
    const input = page.locator('[data-testid=primaryColumn] input[type=file][data-testid=fileInput]');
    const remove = page.locator(
      '[data-testid=primaryColumn] [data-testid=attachments] button[aria-label="Remove media"]',
    );
    const samples = [];
    for (let i = 0; i < SAMPLES; i++) {
      const done = page.evaluate(
        () =>
          new Promise((resolve) => {
            let start = 0;
            addEventListener('change', () => (start = performance.now()), { capture: true, once: true });
            const observer = new MutationObserver(() => {
              const host = document.querySelector('[data-testid=primaryColumn] stratege-ui');
              const panel = host?.shadowRoot.querySelector('[data-stratege="crop-preview"][data-state="ready"]');
              if (start && panel) {
                observer.disconnect();
                resolve(performance.now() - start);
              }
            });
            const host = document.querySelector('[data-testid=primaryColumn] stratege-ui');
            observer.observe(host.shadowRoot, { subtree: true, childList: true, attributes: true });
          }),
      );
      await input.setInputFiles(file);
      samples.push(await done);
      await remove.click();
      await page.waitForFunction(
        () =>
          !document
            .querySelector('[data-testid=primaryColumn] stratege-ui')
            .shadowRoot.querySelector('[data-stratege="crop-preview"]'),
      );
    }
    return { samples, bytes: fs.statSync(file).size };
  } finally {
    await h.close();
  }
}

/** Rows `{where, samples, p50, p95, bytes}`: one per core path. */
export async function benchMedia() {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'stratege-bench-')), 'photo-12mp.jpg');
  const rows = [];
  for (const [csp, where] of [
    ['site', "the page (sites' CSP)"],
    ['strict', 'the service worker (strict CSP)'],
  ]) {
    const { samples, bytes } = await measure(csp, file);
    rows.push({ where, samples: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), bytes });
  }
  return rows;
}

/** `{shipped, without}`: bytes of the shipped wasm, and of the same without `analyse_media` (binaryen's wasm-opt). */
export function mediaWasmSize() {
  const wasm = path.join(DIST, 'pkg/stratege_bg.wasm');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratege-wasm-'));
  const optimise = (out, ...passes) =>
    execFileSync('wasm-opt', [wasm, ...passes, '--remove-unused-module-elements', '-Os', '-o', out]);
  optimise(path.join(dir, 'same.wasm'));
  optimise(path.join(dir, 'without.wasm'), '--remove-exports', '--pass-arg=remove-exports@analyse_media');
  const size = (name) => fs.statSync(path.join(dir, name)).size;
  const sizes = { shipped: size('same.wasm'), without: size('without.wasm') };
  fs.rmSync(dir, { recursive: true, force: true });
  return sizes;
}
