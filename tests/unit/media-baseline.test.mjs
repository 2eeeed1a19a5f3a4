// The EXIF thumbnail's decoder (extension/content/media/baseline.js) on JPEGs built by hand, byte by byte: the
// blocks' DC prediction across a restart marker, the JPEGs it refuses with a reason, and damaged ones (every cut,
// every byte changed), which give an image or the decoder's own error, never another exception or a hang; and the
// service worker's reading of a request that sends a thumbnail instead of pixels. Its colours against Chromium's
// own decoder are checked in the browser (tests/e2e/media.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBaseline } from '../../extension/content/media/baseline.js';
import { withThumbnailPixels } from '../../extension/content/media/thumbnail.js';

/**
 * A 16 × 8 grey JPEG: two blocks with a restart marker between them, DC differences +32 and −32 (after a restart
 * the prediction starts again from 0, so the second block is darker, not mid-grey). `frame` is its frame marker.
 */
function twoBlocks(frame = 0xc0) {
  return Uint8Array.from([
    ...[0xff, 0xd8, 0xff, 0xdb, 0x00, 0x43, 0x00, ...new Array(64).fill(1)], // every quantiser 1
    ...[0xff, frame, 0x00, 0x0b, 0x08, 0x00, 0x08, 0x00, 0x10, 0x01, 0x01, 0x11, 0x00],
    // DC sizes 0 ("0") and 6 ("1"); AC end of block ("0").
    ...[0xff, 0xc4, 0x00, 0x15, 0x00, 0x02, ...new Array(15).fill(0), 0x00, 0x06],
    ...[0xff, 0xc4, 0x00, 0x14, 0x10, 0x01, ...new Array(15).fill(0), 0x00],
    ...[0xff, 0xdd, 0x00, 0x04, 0x00, 0x01], // a restart after every block
    ...[0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00],
    // "1" "100000" "0" = +32, then RST0, then "1" "011111" "0" = −32, then EOI.
    ...[0xc0, 0xff, 0xd0, 0xbe, 0xff, 0xd9],
  ]);
}

test('the DC prediction starts again at each restart marker', () => {
  const image = decodeBaseline(twoBlocks(), 64);
  assert.deepEqual([image.width, image.height], [16, 8]);
  // A DC coefficient of 32 with quantiser 1 shifts a block by 32 / 8 = 4 levels; grey: R = G = B, opaque.
  assert.deepEqual([...image.data.subarray(0, 4)], [132, 132, 132, 255]);
  assert.deepEqual([...image.data.subarray(8 * 4, 8 * 4 + 4)], [124, 124, 124, 255]);
  assert.deepEqual([...image.data.subarray(16 * 7 * 4 + 15 * 4)], [124, 124, 124, 255], 'the last pixel');
});

test('other JPEGs are refused with the reason', () => {
  assert.throws(() => decodeBaseline(Uint8Array.from([0x47, 0x49, 0x46, 0x38]), 64), /not a JPEG/);
  assert.throws(() => decodeBaseline(twoBlocks(0xc2), 64), /not a baseline JPEG/, 'progressive');
  assert.throws(() => decodeBaseline(twoBlocks(0xc9), 64), /not a baseline JPEG/, 'arithmetic-coded');
  assert.throws(() => decodeBaseline(twoBlocks(), 15), /not a thumbnail this decoder reads/, 'wider than allowed');
});

test('a cut or damaged JPEG gives an image or the decoder’s own error, never another exception', () => {
  const jpeg = twoBlocks();
  const attempt = (bytes) => {
    try {
      decodeBaseline(bytes, 64);
    } catch (error) {
      assert.equal(error.constructor, Error, `${error}`);
    }
  };
  for (let end = 0; end < jpeg.length; end++) attempt(jpeg.subarray(0, end));
  for (let i = 0; i < jpeg.length; i++) {
    for (const value of [0x00, 0xff, jpeg[i] ^ 0x5a]) {
      const damaged = Uint8Array.from(jpeg);
      damaged[i] = value;
      attempt(damaged);
    }
  }
});

test("a request sending a thumbnail is read as the core reads pixels: decoded, turned, in the images' order", () => {
  const jpeg = twoBlocks();
  const second = Uint8Array.from([1, 2, 3, 255, 4, 5, 6, 255]); // a 2 × 1 image's pixels, after the thumbnail
  const request = {
    platform: 'x',
    images: [
      { width: 4000, height: 8000, thumbnail: { bytes: jpeg.length, orientation: 6 } },
      { width: 20, height: 10, analysis: { width: 2, height: 1 } },
      { width: 10, height: 10, analysis: null }, // not decoded: nothing in the buffer
    ],
  };
  const { request: read, rgba } = withThumbnailPixels(request, Uint8Array.from([...jpeg, ...second]));
  assert.deepEqual(read.images[0], { width: 4000, height: 8000, analysis: { width: 8, height: 16 } });
  assert.deepEqual(read.images.slice(1), request.images.slice(1));
  assert.equal(rgba.length, 8 * 16 * 4 + second.length);
  // Turned a quarter clockwise: the stored left block (lighter) is on top, the right one below.
  assert.deepEqual([...rgba.subarray(0, 4)], [132, 132, 132, 255]);
  assert.deepEqual([...rgba.subarray(8 * 15 * 4, 8 * 15 * 4 + 4)], [124, 124, 124, 255]);
  assert.deepEqual([...rgba.subarray(8 * 16 * 4)], [...second]);
  assert.throws(() => withThumbnailPixels(request, jpeg), /shorter than the images announce/);
});
