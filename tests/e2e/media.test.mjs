// Crop previews and media checks (issue 9) in Debian Chromium on the fixture composers, under the sites' own CSP
// (the core compiled in the page) and a strict CSP (the core in the service worker: the pixels cross the runtime
// port). Generated images go in the way users attach them: through each site's own file input (setInputFiles on
// the site's input), a drop and a paste the site takes. Checked: the panel, one crop per surface with its
// data-rect (equal to the CLI's `stratege media --json` for the same files), the site's own preview still there,
// the editor's own model untouched; a corrupt file and a 50-megapixel image get a clear note and the page keeps
// answering; a camera's EXIF thumbnail stands for its photo only when it shows the whole picture; media problems hold a post in the review before posting. Each test runs 3 times, no retries.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, modelText, waitModel } from './harness.mjs';
import { COMPOSERS, openComposer, xCropPanelGone } from './composers.mjs';
import { corruptJpeg, hugePng, subjectPng, withExifThumbnail } from './images.mjs';

const EXTENSION = new URL('../../dist/chrome', import.meta.url).pathname;
const CLI = new URL('../../target/release/stratege', import.meta.url).pathname;
const BASELINE = new URL('../../extension/content/media/baseline.js', import.meta.url).pathname;
/** Written under the ignored tests/e2e/out/; `make docs` copies it to docs/ for the README. */
const SCREENSHOT = new URL('./out/crop.png', import.meta.url).pathname;
const RUNS = [1, 2, 3];

const DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'stratege-media-'));
/** name → {path, width, height}: portrait story, landscape banner, square, 4:5, and the subject near the top. */
const IMAGES = {};
function image(name, width, height, subject) {
  const file = path.join(DIR, name);
  fs.writeFileSync(file, subjectPng(width, height, subject));
  IMAGES[name] = { path: file, width, height };
}
image('story.png', 1080, 1920, { x: 390, y: 60, size: 300 });
image('banner.png', 2000, 500, { x: 100, y: 150, size: 200 });
image('square.png', 1080, 1080, { x: 390, y: 390, size: 300 });
image('portrait.png', 1080, 1350, { x: 390, y: 500, size: 300 });
const HUGE = path.join(DIR, 'huge.png');
fs.writeFileSync(HUGE, hugePng(10000, 5000));
const CORRUPT = path.join(DIR, 'broken.jpg');
fs.writeFileSync(CORRUPT, corruptJpeg());
/** The banner with 6 MB of padding after its end (decoders stop at IEND): over X's 5 MB (5,242,880 bytes) for images. */
const HEAVY = path.join(DIR, 'heavy.png');
fs.writeFileSync(HEAVY, Buffer.concat([fs.readFileSync(IMAGES['banner.png'].path), Buffer.alloc(6_000_000)]));

/**
 * A JPEG encoded by Chromium, `width`×`height` stored, left half red and right half blue, with an EXIF block saying
 * "turn a quarter clockwise" (orientation 6): shown `height` wide and `width` high, red on top.
 */
async function turnedJpeg(page, width, height) {
  const base64 = await page.evaluate(
    async ([width, height]) => {
      const canvas = new OffscreenCanvas(width, height);
      const g = canvas.getContext('2d');
      g.fillStyle = 'red';
      g.fillRect(0, 0, width / 2, height);
      g.fillStyle = 'blue';
      g.fillRect(width / 2, 0, width / 2, height);
      return new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg' })).arrayBuffer()).toBase64();
    },
    [width, height],
  );
  const jpeg = Buffer.from(base64, 'base64');
  const tiff = [0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0];
  const exif = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const app1 = Buffer.from([0xff, 0xe1, (exif.length + 2) >> 8, (exif.length + 2) & 0xff, ...exif]);
  const file = path.join(DIR, `turned-${width}x${height}.jpg`);
  fs.writeFileSync(file, Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]));
  IMAGES[path.basename(file)] = { path: file, width: height, height: width };
  return path.basename(file);
}

/**
 * A phone camera's JPEG: 1600 × 800 stored with orientation 6 (shown 800 wide, 1600 high), an orange striped
 * subject at the stored left (shown at the top), and an EXIF thumbnail whose subject is at the stored right (shown
 * at the bottom), so that the suggested framing tells which of the two was analysed. `thumbnail`: 'whole' (320 ×
 * 160, the photo's ratio), 'letterboxed' (the picture in a 320 × 240 thumbnail with black bars: refused) or 'broken'
 * (a frame header that reads well and no image data: it does not decode, the photo is analysed instead).
 */
async function cameraJpeg(page, thumbnail) {
  const { photo, small } = await page.evaluate(async (kind) => {
    const draw = (g, x, y, w, h, right) => {
      g.fillStyle = '#28303c';
      g.fillRect(x, y, w, h);
      const side = h * 0.4;
      const left = right ? x + w - side - w * 0.05 : x + w * 0.05;
      for (let k = 0; k < 10; k++) {
        g.fillStyle = k % 2 ? '#f07820' : '#c04010';
        g.fillRect(left + (k * side) / 10, y + (h - side) / 2, side / 10, side);
      }
    };
    const encoded = async (canvas) =>
      new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer());
    const photo = new OffscreenCanvas(1600, 800);
    draw(photo.getContext('2d'), 0, 0, 1600, 800, false);
    const small = new OffscreenCanvas(320, kind === 'letterboxed' ? 240 : 160);
    const g = small.getContext('2d');
    g.fillStyle = 'black';
    g.fillRect(0, 0, small.width, small.height);
    draw(g, 0, (small.height - 160) / 2, 320, 160, true);
    return { photo: (await encoded(photo)).toBase64(), small: (await encoded(small)).toBase64() };
  }, thumbnail);
  // SOI, a baseline frame header of 320 × 160 (three components), EOI: read as a thumbnail, decoded as nothing.
  const broken = Buffer.from([
    ...[0xff, 0xd8, 0xff, 0xc0, 0, 17, 8, 0, 160, 1, 64, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1],
    ...[0xff, 0xd9],
  ]);
  const bytes = withExifThumbnail(
    Buffer.from(photo, 'base64'),
    thumbnail === 'broken' ? broken : Buffer.from(small, 'base64'),
    { orientation: 6, little: false },
  );
  const file = path.join(DIR, `camera-${thumbnail}.jpg`);
  fs.writeFileSync(file, bytes);
  IMAGES[path.basename(file)] = { path: file, width: 800, height: 1600 };
  return path.basename(file);
}

/** The CLI's crop rectangles for these files on a platform: [[{surface, rect}] per image]. */
function cliRects(platform, names) {
  const out = execFileSync(CLI, ['media', '--platform', platform, '--json', ...names.map((n) => IMAGES[n].path)]);
  return JSON.parse(out).images.map((im) => im.surfaces.map((s) => ({ surface: s.surface, rect: s.rect })));
}

/** The panel's crops, per image: [[{platform, surface, rect}]], once the panel shows `count` analysed images. */
async function panelCrops(page, count) {
  const panel = page.locator('[data-stratege="crop-preview"][data-state="ready"]');
  await page.waitForFunction((n) => {
    const hosts = [...document.querySelectorAll('stratege-ui')];
    return hosts.some((h) => {
      const p = h.shadowRoot.querySelector('[data-stratege="crop-preview"][data-state="ready"]');
      return p && p.querySelectorAll('.media-image').length === n;
    });
  }, count);
  return panel.evaluate((p) =>
    [...p.querySelectorAll('.media-image')].map((block) =>
      [...block.querySelectorAll('[data-stratege="crop"]')].map((c) => ({
        platform: c.dataset.platform,
        surface: c.dataset.surface,
        rect: c.dataset.rect,
      })),
    ),
  );
}

/** The panel's text (notes, warnings). */
function panelText(page) {
  return page.locator('[data-stratege="crop-preview"]').evaluate((p) => p.textContent);
}

/** Dispatches a drop (or a paste) of these files on the element, as the browser does when the user drops them. */
function transfer(locator, type, names) {
  const files = names.map((n) => ({
    name: path.basename(n.path ?? n),
    type: n.type ?? 'image/png',
    base64: fs.readFileSync(n.path ?? n).toString('base64'),
  }));
  return locator.evaluate(
    (element, { type, files }) => {
      const data = new DataTransfer();
      for (const f of files) data.items.add(new File([Uint8Array.fromBase64(f.base64)], f.name, { type: f.type }));
      const rect = element.getBoundingClientRect();
      const at = { clientX: rect.left + 4, clientY: rect.top + 4, bubbles: true, cancelable: true, composed: true };
      const event =
        type === 'drop'
          ? new DragEvent('drop', { ...at, dataTransfer: data })
          : new ClipboardEvent('paste', { ...at, clipboardData: data });
      element.dispatchEvent(event);
    },
    { type, files },
  );
}

for (const csp of ['site', 'strict']) {
  describe(`crop previews under the ${csp} CSP`, () => {
    let h;
    before(async () => {
      h = await launch({ extensionDir: EXTENSION, csp });
    });
    after(async () => {
      await h?.close();
    });
    const core = csp === 'strict' ? 'worker' : 'page';

    for (const run of RUNS) {
      test(`X: the file input, a drop, a paste and removal follow the site; crops as the CLI's (run ${run})`, async () => {
        const { page, editor } = await openComposer(h, 'x-home');
        try {
          await page.keyboard.type('New banner');
          await waitModel(page, 'x-home', 'New banner');
          const input = page.locator('[data-testid=primaryColumn] input[type=file][data-testid=fileInput]');
          await input.setInputFiles([IMAGES['story.png'].path, IMAGES['banner.png'].path]);
          let crops = await panelCrops(page, 2);
          const want = cliRects('x', ['story.png', 'banner.png']);
          assert.deepEqual(
            crops.map((im) => im.map(({ surface, rect }) => ({ surface, rect }))),
            want,
          );
          assert.ok(crops.flat().every((c) => c.platform === 'x'));
          const previews = page.locator('[data-testid=primaryColumn] [data-testid=attachments] [role=group]');
          assert.equal(await previews.count(), 2, "the site's own previews are there");
          const host = page.locator('[data-testid=primaryColumn] stratege-ui');
          assert.equal(await host.getAttribute('data-core'), core);

          await transfer(page.locator('[data-testid=primaryColumn] [data-testid=toolBar]'), 'drop', [
            IMAGES['square.png'],
          ]);
          crops = await panelCrops(page, 3);
          await transfer(editor, 'paste', [IMAGES['portrait.png']]);
          crops = await panelCrops(page, 4);
          assert.deepEqual(
            crops.map((im) => im.map(({ surface, rect }) => ({ surface, rect }))),
            cliRects('x', ['story.png', 'banner.png', 'square.png', 'portrait.png']),
          );
          assert.equal(await previews.count(), 4);

          await previews.nth(0).locator('button[aria-label="Remove media"]').click();
          crops = await panelCrops(page, 3);
          assert.deepEqual(
            crops.map((im) => im.map(({ surface, rect }) => ({ surface, rect }))),
            cliRects('x', ['banner.png', 'square.png', 'portrait.png']),
          );
          assert.equal(await modelText(page, 'x-home'), 'New banner', 'the editor text is untouched');
        } finally {
          await page.close();
        }
      });

      test(`Facebook: the post dialog's photo step, by its input, a drop and a paste (run ${run})`, async () => {
        const { page, editor } = await openComposer(h, 'fb-post');
        try {
          await page.keyboard.type('Our new shop');
          await waitModel(page, 'fb-post', 'Our new shop');
          await page.locator('[role=dialog] form input[type=file][multiple]').setInputFiles(IMAGES['banner.png'].path);
          let crops = await panelCrops(page, 1);
          // 4:1 is wider than the feed's 1.91:1: cut to it, centred.
          assert.deepEqual(crops[0], [{ platform: 'facebook', surface: 'feed', rect: '522,0,955,500' }]);
          assert.deepEqual(crops[0][0].rect, cliRects('facebook', ['banner.png'])[0][0].rect);
          await transfer(page.locator('[role=dialog] form'), 'drop', [IMAGES['story.png']]);
          await transfer(editor, 'paste', [IMAGES['square.png']]);
          crops = await panelCrops(page, 3);
          assert.deepEqual(
            crops.map((im) => im.map(({ surface, rect }) => ({ surface, rect }))),
            cliRects('facebook', ['banner.png', 'story.png', 'square.png']),
          );
          const photos = page.locator('[role=dialog] form .x-photo');
          assert.equal(await photos.count(), 3, "the site's own previews are there");
          await photos.nth(1).locator('[aria-label="Remove photo"]').click();
          crops = await panelCrops(page, 2);
          assert.deepEqual(
            crops.map((im) => im.map(({ surface, rect }) => ({ surface, rect }))),
            cliRects('facebook', ['banner.png', 'square.png']),
          );
          assert.equal(await modelText(page, 'fb-post'), 'Our new shop', 'the editor text is untouched');
        } finally {
          await page.close();
        }
      });

      test(`Instagram: select → crop → edit → caption, the feed and grid crops, and a drop (run ${run})`, async () => {
        const page = await h.open('https://www.instagram.com/');
        try {
          await page.locator('a[role=link]:has(svg[aria-label="New post"])').click();
          const dialog = page.locator('[role=dialog]');
          await dialog.getByText('Select from computer').waitFor();
          await dialog
            .locator('input[type=file][accept*=heic][multiple]')
            .setInputFiles([IMAGES['story.png'].path, IMAGES['square.png'].path]);
          await dialog.locator('[role=heading]', { hasText: 'Crop' }).waitFor();
          assert.equal(await dialog.locator('.ig-crop-frame img[src^="blob:"]').count(), 1, "the site's crop step");
          await dialog.locator('[role=button]', { hasText: /^Next$/ }).click();
          await dialog.locator('[role=heading]', { hasText: 'Edit' }).waitFor();
          await dialog.locator('[role=button]', { hasText: /^Next$/ }).click();
          const editor = COMPOSERS['ig-caption'].editor(page);
          await editor.click();
          await page.keyboard.type('Golden hour');
          await waitModel(page, 'ig-caption', 'Golden hour');
          const crops = await panelCrops(page, 2);
          assert.deepEqual(crops[0], [
            { platform: 'instagram', surface: 'feed', rect: '0,285,1080,1350' },
            { platform: 'instagram', surface: 'grid', rect: cliRects('instagram', ['story.png'])[0][1].rect },
          ]);
          assert.deepEqual(
            crops.map((im) => im.map(({ surface, rect }) => ({ surface, rect }))),
            cliRects('instagram', ['story.png', 'square.png']),
          );
          assert.equal(await dialog.locator('img.ig-preview[src^="blob:"]').count(), 1, "the site's own preview");
          const panel = page.locator('[data-stratege="crop-preview"]');
          assert.match(await panelText(page), /alt text/);
          assert.equal((await panel.locator('[data-stratege="crop"][data-suggested]').count()) >= 1, true);
          if (run === 1 && csp === 'site') {
            fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
            await page.locator('[role=dialog]').screenshot({ path: SCREENSHOT });
          }
          assert.equal(await modelText(page, 'ig-caption'), 'Golden hour');

          // A new post, the file dropped on the select step.
          await page.locator('.ig-close').click();
          await page.locator('a[role=link]:has(svg[aria-label="New post"])').click();
          await dialog.getByText('Drag photos and videos here').waitFor();
          await transfer(dialog.locator('.ig-select-step'), 'drop', [IMAGES['banner.png']]);
          await dialog.locator('[role=button]', { hasText: /^Next$/ }).click();
          await dialog.locator('[role=button]', { hasText: /^Next$/ }).click();
          await editor.waitFor();
          const dropped = await panelCrops(page, 1);
          assert.deepEqual(
            dropped.map((im) => im.map(({ surface, rect }) => ({ surface, rect }))),
            cliRects('instagram', ['banner.png']),
          );
        } finally {
          await page.close();
        }
      });

      test(`the crops show from the header first, the image drawn from the file; the suggestion follows (run ${run})`, async () => {
        const { page } = await openComposer(h, 'x-home');
        try {
          // Every state the panel goes through, with what it shows then (the observer sees each change).
          const states = page.evaluate(
            () =>
              new Promise((resolve) => {
                const host = document.querySelector('[data-testid=primaryColumn] stratege-ui');
                const seen = [];
                const observer = new MutationObserver(() => {
                  const panel = host.shadowRoot.querySelector('[data-stratege="crop-preview"]');
                  if (!panel || seen.at(-1)?.state === panel.dataset.state) return;
                  seen.push({
                    state: panel.dataset.state,
                    rects: [...panel.querySelectorAll('[data-stratege="crop"]')].map((c) => c.dataset.rect),
                    images: panel.querySelectorAll('[data-stratege="crop"] img[src^="blob:"]').length,
                    suggested: panel.querySelectorAll('[data-suggested]').length,
                    text: panel.textContent,
                  });
                  if (panel.dataset.state === 'ready') {
                    observer.disconnect();
                    resolve(seen);
                  }
                });
                observer.observe(host.shadowRoot, { subtree: true, childList: true, attributes: true });
              }),
          );
          await page
            .locator('[data-testid=primaryColumn] input[type=file][data-testid=fileInput]')
            .setInputFiles(IMAGES['banner.png'].path);
          const seen = await states;
          const want = cliRects('x', ['banner.png'])[0].map(({ rect }) => rect);
          assert.deepEqual(
            seen.map((s) => s.state),
            ['analysing', 'measured', 'ready'],
          );
          const [, measured, ready] = seen;
          assert.deepEqual(measured.rects, want, 'every crop from the header alone');
          assert.equal(measured.images, want.length, 'the image drawn by the browser from an object URL');
          assert.equal(measured.suggested, 0);
          assert.match(measured.text, /Looking for where the detail is/);
          assert.deepEqual(ready.rects, want);
          assert.equal(ready.suggested, 1, 'the subject at the left is cut: a framing is suggested');
          assert.doesNotMatch(ready.text, /Looking for where the detail is/);
        } finally {
          await page.close();
        }
      });

      test(`"Apply this framing" hands a cropped copy to the site's own input; Undo puts the original back (run ${run})`, async () => {
        for (const [name, text, input, preview] of [
          [
            'fb-post',
            'Our new shop',
            '[role=dialog] form input[type=file][multiple]',
            '[role=dialog] form .x-photo img',
          ],
          [
            'x-home',
            'New banner',
            '[data-testid=primaryColumn] input[type=file][data-testid=fileInput]',
            '[data-testid=primaryColumn] [data-testid=attachments] [role=group] img',
          ],
        ]) {
          const { page } = await openComposer(h, name);
          try {
            await page.keyboard.type(text);
            await waitModel(page, name, text);
            await page.locator(input).setInputFiles(IMAGES['banner.png'].path);
            const [[cut]] = await panelCrops(page, 1);
            const panel = page.locator('[data-stratege="crop-preview"][data-state="ready"]');
            const suggested = await panel.locator('[data-stratege="crop"]').getAttribute('data-suggested');
            assert.ok(suggested, `${name}: a framing is suggested for ${cut.rect}`);
            const [, , w, h] = suggested.split(',').map(Number);
            const seen = page.locator(preview);
            const shape = () =>
              seen.evaluateAll((images) =>
                Promise.all(images.map((img) => img.decode().then(() => [img.naturalWidth, img.naturalHeight]))),
              );
            assert.deepEqual(await shape(), [[2000, 500]]);
            assert.match(await panelText(page), /Nothing is cropped unless you apply it/);

            await panel.locator('[data-stratege="media-apply"]').click();
            await page.waitForFunction(
              ([w, h]) =>
                [...document.querySelectorAll('stratege-ui')].some((host) => {
                  const p = host.shadowRoot.querySelector('[data-stratege="crop-preview"][data-state="ready"]');
                  const crops = p ? [...p.querySelectorAll('[data-stratege="crop"]')] : [];
                  return crops.length === 1 && crops[0].dataset.rect === `0,0,${w},${h}`;
                }),
              [w, h],
            );
            assert.deepEqual(await shape(), [[w, h]], "the site's own preview shows the cropped copy alone");
            assert.match(await panelText(page), /shown whole/, 'the panel says the image is kept whole');
            assert.match(await panelText(page), /banner-framed\.png/);
            assert.equal(await modelText(page, name), text, 'the editor text is untouched');

            await panel.locator('[data-stratege="media-undo"]').click();
            await page.waitForFunction(
              (rect) =>
                [...document.querySelectorAll('stratege-ui')].some((host) => {
                  const p = host.shadowRoot.querySelector('[data-stratege="crop-preview"][data-state="ready"]');
                  return (
                    p?.querySelector('[data-stratege="crop"]')?.dataset.rect === rect &&
                    !p.querySelector('[data-stratege="media-undo"]')
                  );
                }),
              cut.rect,
            );
            assert.deepEqual(await shape(), [[2000, 500]], "the site's own preview shows the original again");
            assert.equal(await modelText(page, name), text, 'the editor text is untouched');
          } finally {
            await page.close();
          }
        }
      });

      test(`re-ordering a carousel: the panel follows, Instagram's first slide fixes the ratio of all (run ${run})`, async () => {
        const page = await h.open('https://www.instagram.com/');
        try {
          await page.locator('a[role=link]:has(svg[aria-label="New post"])').click();
          const dialog = page.locator('[role=dialog]');
          await dialog
            .locator('input[type=file][accept*=heic][multiple]')
            .setInputFiles([IMAGES['story.png'].path, IMAGES['square.png'].path]);
          await dialog.locator('[role=heading]', { hasText: 'Crop' }).waitFor();
          await dialog.locator('button:has(svg[aria-label="Open media gallery"])').click();
          const slides = dialog.locator('.ig-gallery [draggable=true]');
          await slides.nth(1).dragTo(slides.nth(0));
          // The site's own crop step now shows the square first.
          await page.waitForFunction(() =>
            [...document.querySelectorAll('.ig-crop-frame img')].some((img) => img.naturalWidth === img.naturalHeight),
          );
          await dialog.locator('[role=button]', { hasText: /^Next$/ }).click();
          await dialog.locator('[role=button]', { hasText: /^Next$/ }).click();
          await COMPOSERS['ig-caption'].editor(page).waitFor();
          const crops = await panelCrops(page, 2);
          const want = cliRects('instagram', ['square.png', 'story.png']);
          assert.deepEqual(
            crops.map((im) => im.map(({ surface, rect }) => ({ surface, rect }))),
            want,
          );
          // The square first: the story is cut to 1:1 in the feed, not to 4:5 as when it came first.
          assert.equal(want[1][0].rect, '0,420,1080,1080');
        } finally {
          await page.close();
        }

        const { page: fb } = await openComposer(h, 'fb-post');
        try {
          await fb.keyboard.type('Three photos');
          await waitModel(fb, 'fb-post', 'Three photos');
          await fb
            .locator('[role=dialog] form input[type=file][multiple]')
            .setInputFiles([IMAGES['banner.png'].path, IMAGES['story.png'].path, IMAGES['square.png'].path]);
          await panelCrops(fb, 3);
          const photos = fb.locator('[role=dialog] form .x-photo');
          await photos.nth(2).dragTo(photos.nth(0));
          const rects = (names) =>
            cliRects('facebook', names).map((surfaces) => surfaces.map(({ rect }) => rect).join(' '));
          const want = rects(['square.png', 'banner.png', 'story.png']);
          await fb.waitForFunction(
            (want) =>
              [...document.querySelectorAll('stratege-ui')].some((host) => {
                const p = host.shadowRoot.querySelector('[data-stratege="crop-preview"][data-state="ready"]');
                const got = p
                  ? [...p.querySelectorAll('.media-image')].map((block) =>
                      [...block.querySelectorAll('[data-stratege="crop"]')].map((c) => c.dataset.rect).join(' '),
                    )
                  : [];
                return JSON.stringify(got) === JSON.stringify(want);
              }),
            want,
          );
          assert.equal(await modelText(fb, 'fb-post'), 'Three photos', 'the editor text is untouched');
        } finally {
          await fb.close();
        }
      });

      test(`a corrupt file and a 50-megapixel image get a clear note; the page keeps answering (run ${run})`, async () => {
        const { page } = await openComposer(h, 'x-home');
        try {
          const input = page.locator('[data-testid=primaryColumn] input[type=file][data-testid=fileInput]');
          await input.setInputFiles([CORRUPT, HUGE]);
          await panelCrops(page, 2);
          const text = await panelText(page);
          assert.match(text, /could not be read as an image/);
          assert.match(text, /50 megapixels: too large to preview/);
          const crops = await panelCrops(page, 2);
          assert.deepEqual(crops[0], [], 'no crop for a file that is not an image');
          // Measured from its header, not decoded: X's 2-image grid cell crop of a 2:1 image.
          assert.equal(crops[1].length, 1);
          assert.equal(crops[1][0].surface, 'grid-2');
          await page.keyboard.type('still typing');
          await waitModel(page, 'x-home', 'still typing');
        } finally {
          await page.close();
        }
      });

      test(`an image over the platform's file size limit is named with the core's limit (run ${run})`, async () => {
        const { page } = await openComposer(h, 'x-home');
        try {
          await page
            .locator('[data-testid=primaryColumn] input[type=file][data-testid=fileInput]')
            .setInputFiles(HEAVY);
          await panelCrops(page, 1);
          const warning = page.locator('[data-stratege="crop-preview"] .media-warnings li[data-kind="media-size"]');
          // X's 5 MB are 5,242,880 bytes (data/media.json), worded from the problem's `limit_bytes`.
          assert.match(await warning.textContent(), /^Image 1 is 6\.\d MB: over the platform's limit of 5\.2 MB\.$/);
        } finally {
          await page.close();
        }
      });

      test(`a JPEG photo is decoded turned as its EXIF orientation says (run ${run})`, async () => {
        const { page } = await openComposer(h, 'x-home');
        try {
          const name = await turnedJpeg(page, 1600, 800);
          const input = page.locator('[data-testid=primaryColumn] input[type=file][data-testid=fileInput]');
          await input.setInputFiles(IMAGES[name].path);
          const crops = await panelCrops(page, 1);
          assert.deepEqual(
            crops.map((im) => im.map(({ surface, rect }) => ({ surface, rect }))),
            cliRects('x', [name]),
          );
          assert.match(await panelText(page), /800 × 1600 · JPEG/);
          // The thumbnail: red (the stored left half) on top, blue at the bottom.
          const [top, bottom] = await page
            .locator('[data-stratege="crop"] canvas')
            .first()
            .evaluate((canvas) => {
              const g = canvas.getContext('2d');
              const at = (y) => [...g.getImageData(canvas.width / 2, y, 1, 1).data];
              return [at(1), at(canvas.height - 2)];
            });
          assert.ok(top[0] > top[2] && bottom[2] > bottom[0], `top ${top}, bottom ${bottom}`);
        } finally {
          await page.close();
        }
      });

      test(`a camera's EXIF thumbnail is analysed, turned like the photo, when it shows the whole picture (run ${run})`, async () => {
        const { page } = await openComposer(h, 'x-home');
        try {
          const input = page.locator('[data-testid=primaryColumn] input[type=file][data-testid=fileInput]');
          const remove = page.locator(
            '[data-testid=primaryColumn] [data-testid=attachments] button[aria-label="Remove media"]',
          );
          // The timeline's crop of an 800 × 1600 image, and where the suggestion puts the kept area: its top edge.
          const framing = async (thumbnail) => {
            const name = await cameraJpeg(page, thumbnail);
            // How many images the browser draws from the file while the panel shows the crops from the header.
            await page.evaluate(() => {
              const host = document.querySelector('[data-testid=primaryColumn] stratege-ui');
              window.__drawnFromFile = null;
              const observer = new MutationObserver(() => {
                const panel = host.shadowRoot.querySelector('[data-stratege="crop-preview"]');
                if (panel?.dataset.state !== 'measured') return;
                window.__drawnFromFile = panel.querySelectorAll('[data-stratege="crop"] img[src^="blob:"]').length;
                observer.disconnect();
              });
              observer.observe(host.shadowRoot, { subtree: true, childList: true, attributes: true });
            });
            await input.setInputFiles(IMAGES[name].path);
            const crops = await panelCrops(page, 1);
            const drawnFromFile = await page.evaluate(() => window.__drawnFromFile);
            assert.deepEqual(
              crops.map((im) => im.map(({ surface, rect }) => ({ surface, rect }))),
              cliRects('x', [name]),
              'the crops from the header, as the CLI gives them',
            );
            const suggested = await page
              .locator('[data-stratege="crop-preview"] [data-suggested]')
              .evaluate((figure) => figure.dataset.suggested.split(',').map(Number));
            await remove.click();
            await xCropPanelGone(page);
            return { platform: crops[0][0].rect.split(',').map(Number), suggested, drawnFromFile };
          };
          // The thumbnail's subject, shown at the bottom once turned, is what the suggestion keeps; until its pixels
          // come, the crops are drawn over grey, not from the file (the browser would decode the photo beside it).
          const whole = await framing('whole');
          assert.ok(whole.suggested[1] > whole.platform[1], `thumbnail analysed: ${whole.suggested}`);
          assert.equal(whole.drawnFromFile, 0, 'a usable thumbnail: the photo is not drawn from the file meanwhile');
          // A letterboxed thumbnail, or one that does not decode: the photo is analysed, its subject at the top.
          for (const thumbnail of ['letterboxed', 'broken']) {
            const { platform, suggested, drawnFromFile } = await framing(thumbnail);
            assert.ok(suggested[1] < platform[1], `${thumbnail}: the photo analysed: ${suggested}`);
            // A refused thumbnail: the browser draws the photo while it is decoded for the analysis.
            if (thumbnail === 'letterboxed') assert.ok(drawnFromFile > 0, 'drawn from the file meanwhile');
          }
        } finally {
          await page.close();
        }
      });

      test(`the EXIF thumbnail's decoder gives Chromium's colours on Chromium's JPEGs (run ${run})`, async () => {
        const { page } = await openComposer(h, 'x-home');
        try {
          // The content script's decoder (bundled there), evaluated in the page beside Chromium's own.
          const source = fs.readFileSync(BASELINE, 'utf8').replace(/^export /gm, '');
          await page.evaluate(`(() => { ${source}; window.__decodeBaseline = decodeBaseline; })()`);
          const differences = await page.evaluate(async () => {
            const results = [];
            // Odd sizes (blocks cut at the right and bottom), a photo-like picture, at two qualities: Chromium
            // encodes 4:2:0, as phones store their thumbnails.
            for (const [width, height, quality] of [
              [203, 117, 0.75],
              [512, 384, 0.92],
              [160, 120, 0.5],
            ]) {
              const canvas = new OffscreenCanvas(width, height);
              const g = canvas.getContext('2d');
              const sky = g.createLinearGradient(0, 0, width, height);
              sky.addColorStop(0, '#2a6fd0');
              sky.addColorStop(1, '#f0c080');
              g.fillStyle = sky;
              g.fillRect(0, 0, width, height);
              for (let i = 0; i < 12; i++) {
                g.fillStyle = `hsl(${i * 30}, 70%, ${30 + i * 4}%)`;
                g.fillRect((i * width) / 13, (i * height) / 15, width / 6, height / 5);
              }
              const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
              const bytes = new Uint8Array(await blob.arrayBuffer());
              const ours = window.__decodeBaseline(bytes, 1024);
              const bitmap = await createImageBitmap(blob);
              const reference = new OffscreenCanvas(width, height).getContext('2d');
              reference.drawImage(bitmap, 0, 0);
              const theirs = reference.getImageData(0, 0, width, height).data;
              let sum = 0;
              for (let i = 0; i < theirs.length; i++) sum += Math.abs(theirs[i] - ours.data[i]);
              results.push({ size: [ours.width, ours.height], mean: sum / (width * height * 3) });
            }
            return results;
          });
          for (const [i, size] of [
            [203, 117],
            [512, 384],
            [160, 120],
          ].entries()) {
            assert.deepEqual(differences[i].size, size);
            // Chromium smooths the subsampled chroma where ours takes the nearest sample: about 1 to 3 levels.
            assert.ok(differences[i].mean < 4, `${size}: ${differences[i].mean.toFixed(2)} levels per channel`);
          }
        } finally {
          await page.close();
        }
      });

      test(`media problems hold the post in the review before posting (run ${run})`, async () => {
        const { page } = await openComposer(h, 'fb-post');
        try {
          await page.keyboard.type('Launch day');
          await waitModel(page, 'fb-post', 'Launch day');
          await page.locator('[role=dialog] form input[type=file][multiple]').setInputFiles(IMAGES['banner.png'].path);
          await panelCrops(page, 1);
          await page.locator('[role=dialog] [role=button][aria-label="Post"]').click();
          const gate = page.locator('[data-stratege="gate"]');
          await gate.waitFor();
          const kinds = await gate
            .locator('[data-stratege="gate-item"]')
            .evaluateAll((items) => items.map((item) => item.dataset.kind));
          assert.deepEqual(kinds, ['media-crop'], 'the subject at the left is cut off on the feed');
          assert.equal((await page.evaluate(() => window.__fixture.submitted)).length, 0, 'held');
          await gate.locator('[data-stratege="post-anyway"]').click();
          await page.waitForFunction(() => window.__fixture.submitted.length === 1);
        } finally {
          await page.close();
        }
      });
    }
  });
}
