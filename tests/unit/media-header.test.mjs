// The image header reader of the crop previews (extension/content/media/header.js): sizes of PNG, GIF, WebP and
// JPEG files from their first bytes, JPEG sizes turned by the EXIF orientation, animation flags, and null for
// what is not one of these images or is cut short.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readHeader } from '../../extension/content/media/header.js';
import { corruptJpeg, hugePng, subjectPng } from '../e2e/images.mjs';

const u16 = (n) => [n >> 8, n & 0xff];

/** A JPEG's markers up to its frame header: an APP1 EXIF block with `orientation` (little-endian TIFF), then SOF0. */
function jpegHead(width, height, orientation) {
  const tiff = [
    0x49,
    0x49,
    0x2a,
    0x00,
    8,
    0,
    0,
    0,
    1,
    0,
    0x12,
    0x01,
    3,
    0,
    1,
    0,
    0,
    0,
    orientation,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
  ];
  const exif = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const app1 = [0xff, 0xe1, ...u16(exif.length + 2), ...exif];
  const sof = [0xff, 0xc0, 0, 17, 8, ...u16(height), ...u16(width), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return new Uint8Array([0xff, 0xd8, ...app1, ...sof]);
}

test('PNG sizes come from IHDR, at any size', () => {
  assert.deepEqual(readHeader(subjectPng(30, 20)), { format: 'png', width: 30, height: 20, animated: false });
  assert.deepEqual(readHeader(hugePng(10000, 5000).subarray(0, 64)), {
    format: 'png',
    width: 10000,
    height: 5000,
    animated: false,
  });
});

test('a JPEG is measured from its frame header, turned by its EXIF orientation', () => {
  const jpeg = (width, height, orientation) => ({
    format: 'jpeg',
    width,
    height,
    orientation,
    thumbnail: null,
    animated: false,
  });
  assert.deepEqual(readHeader(jpegHead(200, 100, 1)), jpeg(200, 100, 1));
  // Orientations 5 to 8 turn the image a quarter: shown 100 wide, 200 high.
  assert.deepEqual(readHeader(jpegHead(200, 100, 6)), jpeg(100, 200, 6));
  assert.deepEqual(readHeader(jpegHead(200, 100, 3)), jpeg(200, 100, 3));
});

test('GIF and WebP sizes, and their animation flags', () => {
  const gif = new Uint8Array([
    ...Buffer.from('GIF89a'),
    64,
    1,
    200,
    0,
    0,
    0,
    0,
    ...Buffer.from('!\xff\x0bNETSCAPE2.0', 'latin1'),
  ]);
  assert.deepEqual(readHeader(gif), { format: 'gif', width: 320, height: 200, animated: true });
  const vp8x = new Uint8Array(30);
  vp8x.set(Buffer.from('RIFF'), 0);
  vp8x.set(Buffer.from('WEBPVP8X'), 8);
  vp8x[20] = 0x02; // animation
  vp8x.set([0x7f, 0x07, 0], 24); // width - 1 = 1919
  vp8x.set([0x37, 0x04, 0], 27); // height - 1 = 1079
  assert.deepEqual(readHeader(vp8x), { format: 'webp', width: 1920, height: 1080, animated: true });
});

test('what is not such an image, or is cut short, has no header', () => {
  assert.equal(readHeader(new Uint8Array(corruptJpeg())), null);
  assert.equal(readHeader(jpegHead(200, 100, 1).subarray(0, 30)), null);
  assert.equal(readHeader(new TextEncoder().encode('not an image at all')), null);
  assert.equal(readHeader(new Uint8Array(0)), null);
});
