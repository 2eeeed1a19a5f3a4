// A JPEG's EXIF thumbnail (extension/content/media/jpeg.js, thumbnail.js): found where a phone camera stores it, in
// either byte order and turned by the photo's orientation (its size, and its pixels); refused when it is too small or does not show the whole
// picture; and a cut, corrupt or lying EXIF block gives no thumbnail, never a throw or a hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readHeader } from '../../extension/content/media/header.js';
import { MIN_THUMBNAIL_SIDE, turned, usableThumbnail } from '../../extension/content/media/thumbnail.js';
import { withExifThumbnail } from '../e2e/images.mjs';

const u16 = (n) => [n >> 8, n & 0xff];

/** The markers of a JPEG up to its frame header (SOF0) and one more segment: what the header reader needs. */
function jpegFrame(width, height) {
  const sof = [0xff, 0xc0, 0, 17, 8, ...u16(height), ...u16(width), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return Buffer.from([0xff, 0xd8, ...sof, 0xff, 0xd9]);
}

/** Where the thumbnail lies in a file made by withExifThumbnail: SOI, APP1 marker and length, "Exif\0\0", TIFF. */
const THUMBNAIL_AT = 2 + 4 + 6 + 68;

test('the EXIF thumbnail is found, in either byte order, with its size', () => {
  const thumbnail = jpegFrame(320, 240);
  for (const little of [true, false]) {
    const head = readHeader(withExifThumbnail(jpegFrame(4000, 3000), thumbnail, { little }));
    assert.deepEqual(head, {
      format: 'jpeg',
      width: 4000,
      height: 3000,
      orientation: 1,
      thumbnail: { offset: THUMBNAIL_AT, length: thumbnail.length, width: 320, height: 240 },
      animated: false,
    });
  }
});

test('the thumbnail is turned by the photo orientation, as the photo is', () => {
  const head = readHeader(withExifThumbnail(jpegFrame(4000, 3000), jpegFrame(160, 120), { orientation: 6 }));
  assert.equal(head.orientation, 6);
  assert.deepEqual([head.width, head.height], [3000, 4000]);
  assert.deepEqual([head.thumbnail.width, head.thumbnail.height], [120, 160]);
  assert.equal(usableThumbnail(head), head.thumbnail);
});

test('a thumbnail is used only when large enough and of the photo aspect ratio', () => {
  const head = (w, h, pw, ph) => readHeader(withExifThumbnail(jpegFrame(w, h), jpegFrame(pw, ph)));
  assert.ok(usableThumbnail(head(4000, 3000, 512, 384)));
  assert.ok(usableThumbnail(head(4000, 3000, MIN_THUMBNAIL_SIDE, 120)));
  assert.equal(usableThumbnail(head(4000, 3000, 128, 96)), null, 'too small');
  // A 16:9 photo letterboxed into a 4:3 thumbnail, as some cameras store it: the thumbnail is not the picture.
  assert.equal(usableThumbnail(head(4000, 2250, 160, 120)), null, 'letterboxed');
  assert.ok(usableThumbnail(head(4000, 2250, 320, 180)), 'a 16:9 thumbnail of a 16:9 photo');
  // Rounding: 4032 × 3024 (an iPhone's) with its 160 × 120 thumbnail is the same ratio; 2 % off is not.
  assert.ok(usableThumbnail(head(4032, 3024, 160, 120)));
  assert.equal(usableThumbnail(head(4000, 3000, 320, 235)), null, 'ratio 2 % off');
  assert.equal(usableThumbnail(readHeader(jpegFrame(4000, 3000))), null, 'no EXIF');
});

test('a lying EXIF block gives no thumbnail and keeps the frame size', () => {
  const main = jpegFrame(4000, 3000);
  const thumbnail = jpegFrame(320, 240);
  const lying = {
    'offset past the block': [
      [0x0103, 3, 6],
      [0x0201, 4, 68 + 5000],
      [0x0202, 4, thumbnail.length],
    ],
    'length past the block': [
      [0x0103, 3, 6],
      [0x0201, 4, 68],
      [0x0202, 4, thumbnail.length + 1],
    ],
    'length wrapping past 2^32': [
      [0x0103, 3, 6],
      [0x0201, 4, 68],
      [0x0202, 4, 0xffffffff],
    ],
    'offset into the TIFF header': [
      [0x0103, 3, 6],
      [0x0201, 4, 2],
      [0x0202, 4, thumbnail.length],
    ],
    'offset onto the directories, not a JPEG': [
      [0x0103, 3, 6],
      [0x0201, 4, 8],
      [0x0202, 4, 40],
    ],
    'uncompressed thumbnail (compression 1)': [
      [0x0103, 3, 1],
      [0x0201, 4, 68],
      [0x0202, 4, thumbnail.length],
    ],
    'no length': [
      [0x0103, 3, 6],
      [0x0201, 4, 68],
    ],
    'the length typed UNDEFINED': [
      [0x0103, 3, 6],
      [0x0201, 4, 68],
      [0x0202, 7, thumbnail.length],
    ],
  };
  for (const [name, ifd1] of Object.entries(lying)) {
    const head = readHeader(withExifThumbnail(main, thumbnail, { ifd1 }));
    assert.deepEqual([head.width, head.height, head.thumbnail], [4000, 3000, null], name);
  }
  // A thumbnail that is not a JPEG frame: its start-of-image replaced, or no frame header in its bytes.
  const notJpeg = Buffer.from(thumbnail);
  notJpeg[1] = 0xd9;
  assert.equal(readHeader(withExifThumbnail(main, notJpeg)).thumbnail, null);
  assert.equal(readHeader(withExifThumbnail(main, Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).thumbnail, null);
});

test('broken directories give orientation 1 and no thumbnail, and a cut block no header', () => {
  const file = withExifThumbnail(jpegFrame(4000, 3000), jpegFrame(320, 240), { orientation: 6 });
  const tiff = 12;
  const broken = (patch) => {
    const copy = Buffer.from(file);
    patch(copy);
    return readHeader(copy);
  };
  // IFD0 claiming 65,535 entries, past the block.
  let head = broken((b) => b.writeUInt16LE(0xffff, tiff + 8));
  assert.deepEqual([head.width, head.orientation, head.thumbnail], [4000, 1, null]);
  // IFD1's offset past the block: orientation kept, no thumbnail.
  head = broken((b) => b.writeUInt32LE(0x7fffffff, tiff + 8 + 2 + 12));
  assert.deepEqual([head.width, head.orientation, head.thumbnail], [3000, 6, null]);
  // IFD1 pointing back at IFD0 (a loop in a reader that follows the chain): IFD0 has no thumbnail tags.
  head = broken((b) => b.writeUInt32LE(8, tiff + 8 + 2 + 12));
  assert.deepEqual([head.orientation, head.thumbnail], [6, null]);
  // An orientation out of 1–8, a wrong TIFF magic number, a byte order that is neither.
  assert.equal(broken((b) => b.writeUInt16LE(9, tiff + 8 + 2 + 8)).orientation, 1);
  assert.deepEqual(broken((b) => b.writeUInt16LE(43, tiff + 2)).thumbnail, null);
  assert.deepEqual(broken((b) => b.write('XX', tiff, 'latin1')).thumbnail, null);
  // The file cut inside the EXIF block: no frame header, no header at all.
  for (const end of [8, 20, 40, 70, THUMBNAIL_AT + 10]) assert.equal(readHeader(file.subarray(0, end)), null);
});

test('random corruption inside the EXIF block keeps the frame size, and a thumbnail found lies in the file', () => {
  const thumbnail = jpegFrame(320, 240);
  const file = withExifThumbnail(jpegFrame(4000, 3000), thumbnail, { orientation: 8 });
  let seed = 42;
  const random = (n) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let run = 0; run < 5000; run++) {
    const copy = Buffer.from(file);
    // From the TIFF header to the thumbnail's end: the APP1 marker and length stay, so the photo's frame is found.
    for (let k = 1 + random(4); k > 0; k--) copy[12 + random(THUMBNAIL_AT - 12 + thumbnail.length)] = random(256);
    const head = readHeader(copy);
    assert.equal(head.width * head.height, 4000 * 3000);
    if (!head.thumbnail) continue;
    const { offset, length } = head.thumbnail;
    assert.ok(offset > 0 && offset + length <= copy.length && copy.readUInt16BE(offset) === 0xffd8);
  }
});

test('the thumbnail is turned as EXIF says: every stored pixel where its orientation shows it', () => {
  // A 3 × 2 image whose pixels are numbered 0 to 5 (the number in the red channel), row by row:
  //   0 1 2
  //   3 4 5
  const stored = { width: 3, height: 2, data: Uint8ClampedArray.from({ length: 24 }, (_, i) => (i % 4 ? 0 : i / 4)) };
  const expected = {
    1: [3, 2, [0, 1, 2, 3, 4, 5]],
    2: [3, 2, [2, 1, 0, 5, 4, 3]],
    3: [3, 2, [5, 4, 3, 2, 1, 0]],
    4: [3, 2, [3, 4, 5, 0, 1, 2]],
    5: [2, 3, [0, 3, 1, 4, 2, 5]],
    6: [2, 3, [3, 0, 4, 1, 5, 2]],
    7: [2, 3, [5, 2, 4, 1, 3, 0]],
    8: [2, 3, [2, 5, 1, 4, 0, 3]],
    9: [3, 2, [0, 1, 2, 3, 4, 5]], // not an orientation: as stored
  };
  for (const [o, [width, height, reds]] of Object.entries(expected)) {
    const shown = turned(stored, Number(o));
    assert.deepEqual([shown.width, shown.height], [width, height], `orientation ${o}`);
    assert.deepEqual(
      [...shown.data].filter((_, i) => i % 4 === 0),
      reds,
      `orientation ${o}`,
    );
  }
});
