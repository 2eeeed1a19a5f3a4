// Crop previews end to end in Chromium (issue 9): a 12-megapixel JPEG photo attached through the X composer's own
// file input, as a phone camera writes it (with its EXIF thumbnail) and as an editor exports it (without), timed in the page from the input's `change` to the crop panel shown (header read, every crop computed
// by the core, the panel drawn with the browser's own drawing of the file) and to the suggestion shown (decode at
// the analysis size, pixels read back, the wasm saliency, the panel drawn again), with the core in the page (sites'
// CSP) and in the service worker (strict CSP: the pixels cross the port). And the
// wasm the media analysis adds: the shipped module against the same module without its `analyse_media` export,
// both shrunk by wasm-opt (what only that export reaches goes).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch } from '../tests/e2e/harness.mjs';
import { openComposer, xCropPanelGone } from '../tests/e2e/composers.mjs';
import { percentile } from '../tests/e2e/latency.mjs';
import { withExifThumbnail } from '../tests/e2e/images.mjs';

const DIST = new URL('../dist/chrome', import.meta.url).pathname;
/** A 12-megapixel photo: 4000 × 3000, as phone cameras take them. */
const WIDTH = 4000;
const HEIGHT = 3000;
/**
 * The camera's EXIF thumbnail: 512 × 384, as many Android phones write it (Samsung's Galaxy phones among them), the
 * largest of the common sizes (iPhones write 160 × 120) and so the slowest to decode; JPEG quality 0.75 (ours).
 */
const THUMBNAIL = { width: 512, height: 384, quality: 0.75 };
/**
 * Attaches timed per photo and core path, after the first: 40, so that the p95 is the 39th of 40 (tests/e2e/latency.mjs
 * `percentile`) rather than the largest of 15, which one stall of the page decided.
 */
const SAMPLES = 40;

/**
 * A JPEG photo-like image (gradients, shapes and noise), encoded by Chromium itself, written twice: `files.camera`
 * with an EXIF block holding its thumbnail (the same canvas drawn at THUMBNAIL's size and encoded), as a phone
 * camera writes it, and `files.export` without, as an editor's export or a screenshot tool writes it.
 */
async function makePhotos(page, files) {
  const { photo, thumbnail } = await page.evaluate(
    async ([width, height, small]) => {
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
      const reduced = new OffscreenCanvas(small.width, small.height);
      const r = reduced.getContext('2d');
      r.imageSmoothingQuality = 'high';
      r.drawImage(canvas, 0, 0, small.width, small.height);
      const encoded = async (c, quality) =>
        new Uint8Array(await (await c.convertToBlob({ type: 'image/jpeg', quality })).arrayBuffer()).toBase64();
      return { photo: await encoded(canvas, 0.9), thumbnail: await encoded(reduced, small.quality) };
    },
    [WIDTH, HEIGHT, THUMBNAIL],
  );
  const bytes = Buffer.from(photo, 'base64');
  fs.writeFileSync(files.export, bytes);
  fs.writeFileSync(files.camera, withExifThumbnail(bytes, Buffer.from(thumbnail, 'base64')));
}

/**
 * Milliseconds from `change` to the panel shown (every crop, from the header: `data-state` "measured") and to the
 * suggestion shown (the analysis done: "ready"): the first attach after the page opened (`first`: the wasm code of
 * the analysis compiled on first use, the decoders started, the worker perhaps still loading its lexicons), then
 * SAMPLES more: `{first: {shown, suggested}, shown: [], suggested: [], bytes}`.
 */
async function measure(csp, file, files) {
  const h = await launch({ extensionDir: DIST, csp });
  try {
    const { page } = await openComposer(h, 'x-home');
    if (!fs.existsSync(file)) await makePhotos(page, files);
    const input = page.locator('[data-testid=primaryColumn] input[type=file][data-testid=fileInput]');
    const remove = page.locator(
      '[data-testid=primaryColumn] [data-testid=attachments] button[aria-label="Remove media"]',
    );
    const shown = [];
    const suggested = [];
    let first = null;
    for (let i = -1; i < SAMPLES; i++) {
      const done = page.evaluate(
        () =>
          new Promise((resolve) => {
            let start = 0;
            let first = 0;
            // The event's own time stamp: when the browser made it, before any listener (ours included) ran.
            addEventListener('change', (event) => (start = event.timeStamp), { capture: true, once: true });
            const host = document.querySelector('[data-testid=primaryColumn] stratege-ui');
            const observer = new MutationObserver(() => {
              const panel = host.shadowRoot.querySelector('[data-stratege="crop-preview"]');
              const state = panel?.dataset.state;
              if (!start || (state !== 'measured' && state !== 'ready')) return;
              const now = performance.now();
              if (!first) first = now;
              if (state === 'ready') {
                observer.disconnect();
                resolve({ shown: first - start, suggested: now - start });
              }
            });
            observer.observe(host.shadowRoot, { subtree: true, childList: true, attributes: true });
          }),
      );
      await input.setInputFiles(file);
      const sample = await done;
      if (i < 0) first = sample;
      else {
        shown.push(sample.shown);
        suggested.push(sample.suggested);
      }
      await remove.click();
      await xCropPanelGone(page);
    }
    return { first, shown, suggested, bytes: fs.statSync(file).size };
  } finally {
    await h.close();
  }
}

/**
 * Rows `{photo, where, stage, first, samples, p50, p95, bytes}`: per photo (with and without its EXIF thumbnail)
 * and core path, the panel shown and the suggestion shown, from `change`, and the time between the two (`first`: the
 * first attach, not among the samples).
 */
export async function benchMedia() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratege-bench-'));
  const files = { camera: path.join(dir, 'camera-12mp.jpg'), export: path.join(dir, 'export-12mp.jpg') };
  const rows = [];
  for (const [file, photo] of [
    [files.camera, `with its EXIF thumbnail (${THUMBNAIL.width} × ${THUMBNAIL.height}), as a phone writes it`],
    [files.export, 'without (an editor’s export)'],
  ]) {
    for (const [csp, where] of [
      ['site', "the page (sites' CSP)"],
      ['strict', 'the service worker (strict CSP)'],
    ]) {
      const { first, shown, suggested, bytes } = await measure(csp, file, files);
      // The decode and the analysis alone: they start when the header is read, as the panel is drawn, and end when
      // the suggestion is shown. In the page the crops' geometry and the drawing take about 1 ms; through the worker
      // the geometry's round trip overlaps the decode, so that there the row is a lower bound.
      const analysed = suggested.map((time, i) => time - shown[i]);
      for (const [stage, samples, once] of [
        ['panel shown (every crop, from the header)', shown, first.shown],
        ['suggestion shown (decoded, saliency)', suggested, first.suggested],
        [
          'decode and analysis alone (from the panel shown to the suggestion shown)',
          analysed,
          first.suggested - first.shown,
        ],
      ]) {
        rows.push({
          photo,
          where,
          stage,
          first: once,
          samples: samples.length,
          p50: percentile(samples, 50),
          p95: percentile(samples, 95),
          bytes,
        });
      }
    }
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

/** Repetitions of each analysis in the comparison with smartcrop.js, after one warm-up. */
const COMPARE_RUNS = 20;

/**
 * Generated scenes at the analysis size (longest side 512, as decode.js gives the core): a sky-to-grass gradient
 * with a little noise, and a textured subject (an orange square and a skin-toned disc beside it) at a known place
 * that the platforms' centred crops cut into. `{name, width, height, data}` (RGBA).
 */
function scenes() {
  const scene = (name, width, height, cx, cy) => {
    const data = new Uint8ClampedArray(width * height * 4);
    let seed = 99;
    const side = Math.round(Math.min(width, height) * 0.22);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        const n = (seed >>> 16) & 31;
        const at = (y * width + x) * 4;
        const t = y / height;
        let rgb = [110 - 40 * t + (n >> 2), 160 - 20 * t + (n >> 2), 220 - 160 * t + (n >> 2)];
        const dx = x - cx * width;
        const dy = y - cy * height;
        if (Math.abs(dx + side * 0.6) < side / 2 && Math.abs(dy) < side / 2) rgb = [230 - n * 3, 110 + n * 3, 30];
        else if (Math.hypot(dx - side * 0.6, dy) < side / 2) rgb = [224 - n, 172 - n, 138 - n];
        data.set([...rgb, 255], at);
      }
    }
    return { name, width, height, data };
  };
  return [
    scene('story 9:16, subject at the top', 288, 512, 0.5, 0.15),
    scene('story 9:16, subject at the bottom', 288, 512, 0.45, 0.85),
    scene('tall 1:2, subject at the top left', 256, 512, 0.35, 0.2),
    scene('square, subject at the left', 512, 512, 0.25, 0.5),
    scene('landscape 3:2, subject at the right', 512, 341, 0.78, 0.45),
    scene('banner 2:1, subject at the left', 512, 256, 0.2, 0.5),
    scene('banner 3:1, subject at the right', 512, 171, 0.82, 0.5),
    scene('panorama 4:1, subject in the middle', 512, 128, 0.5, 0.5),
  ];
}

/** Intersection over union of two `{x, y, w, h}`. */
function iou(a, b) {
  const w = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x));
  const h = Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
  return (w * h) / (a.w * a.h + b.w * b.h - w * h);
}

async function timed(runs, work) {
  await work();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return percentile(samples, 50);
}

/**
 * The wasm saliency (`analyse_media`, Instagram: the saliency once, then the feed's and the profile grid's crops
 * and suggested framings) against smartcrop.js (npm `smartcrop`, MIT, only here) asked for one crop shape: the
 * feed's where the feed cuts the scene, else the profile grid's; on the same analysis-size pixels in the same Node
 * run (V8, as Chromium's). smartcrop's own 256-pixel prescale is off, so that both read the same pixels. Per scene:
 * the median times, and the overlap (IoU) of the framings: ours is the suggestion where the core makes one, else
 * the platform's own crop (the core found it as good).
 * `{rows: [{name, surface, suggested, wasm, smartcrop, iou}], ratio}` (ratio: smartcrop's total time over ours).
 */
export async function compareSmartcrop() {
  const { default: smartcrop } = await import('smartcrop');
  const glue = await import(path.join(DIST, 'pkg/stratege.js'));
  glue.initSync({ module: fs.readFileSync(path.join(DIST, 'pkg/stratege_bg.wasm')) });
  const imageOperations = {
    open: (image) => Promise.resolve(image),
    resample: () => Promise.reject(new Error('prescale is off: the same pixels as the wasm')),
    getData: (image) => Promise.resolve(new smartcrop.ImgData(image.width, image.height, image.data)),
  };
  const rows = [];
  for (const image of scenes()) {
    const bytes = new Uint8Array(image.data.buffer);
    const request = {
      platform: 'instagram',
      purpose: 'post',
      images: [
        {
          width: image.width,
          height: image.height,
          bytes: bytes.length,
          type: 'image/png',
          analysis: { width: image.width, height: image.height },
        },
      ],
    };
    const { surfaces } = glue.analyse_media(request, bytes).images[0];
    const cut =
      surfaces.find((s) => s.surface === 'feed' && s.area_lost > 0) ?? surfaces.find((s) => s.surface === 'grid');
    const ours = cut.suggestion?.crop ?? cut.crop;
    const options = { width: cut.crop.w, height: cut.crop.h, prescale: false, imageOperations };
    const { topCrop } = await smartcrop.crop(image, options);
    rows.push({
      name: image.name,
      wasm: await timed(COMPARE_RUNS, () => glue.analyse_media(request, bytes)),
      smartcrop: await timed(COMPARE_RUNS, () => smartcrop.crop(image, options)),
      iou: iou(ours, { x: topCrop.x, y: topCrop.y, w: topCrop.width, h: topCrop.height }),
      surface: cut.surface,
      suggested: Boolean(cut.suggestion),
    });
  }
  const total = (key) => rows.reduce((sum, row) => sum + row[key], 0);
  return { rows, ratio: total('smartcrop') / total('wasm') };
}

if (process.argv[1] === import.meta.filename) {
  console.log('| photo | core runs in | until | bytes | first attach | samples | p50 | p95 |');
  console.log('|---|---|---|---:|---:|---:|---:|---:|');
  for (const row of await benchMedia()) {
    const ms = (n) => `${n.toFixed(0)} ms`;
    console.log(
      `| ${row.photo} | ${row.where} | ${row.stage} | ${(row.bytes / 1024).toFixed(0)} KB | ${ms(row.first)} | ${row.samples} | ${ms(row.p50)} | ${ms(row.p95)} |`,
    );
  }
}
