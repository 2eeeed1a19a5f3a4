// Generated test images, written as real PNG files (zlib from Node, no image library): a plain background with a
// bright square "subject" at a known place, of any size; a 1-bit image for huge sizes that stay small on disk; and
// a corrupt JPEG; and an EXIF block with a camera's thumbnail put into a JPEG. Used by the media browser tests, the
// media benchmark and the header reader's unit tests.
import zlib from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function png(width, height, bitDepth, colorType, rows) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = bitDepth;
  header[9] = colorType;
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const data = zlib.deflateSync(rows, { level: 1 });
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', data), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * An RGB PNG, `width`×`height`, dark blue-grey with a textured orange square (side `subject.size` px, top-left at
 * `subject.x`, `subject.y`) and, with `noise`, a light texture everywhere (a photo's worth of detail).
 */
export function subjectPng(width, height, subject = null, { noise = false } = {}) {
  const stride = 1 + width * 3;
  const rows = Buffer.alloc(stride * height);
  let seed = 12345;
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    for (let x = 0; x < width; x++) {
      const at = row + 1 + x * 3;
      const inside =
        subject && x >= subject.x && x < subject.x + subject.size && y >= subject.y && y < subject.y + subject.size;
      let n = 0;
      if (noise || inside) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        n = (seed >>> 16) & 63;
      }
      if (inside) {
        rows[at] = 255 - (n >> 1);
        rows[at + 1] = 120 + n;
        rows[at + 2] = 20;
      } else {
        rows[at] = 40 + (noise ? n : 0);
        rows[at + 1] = 48 + (noise ? n : 0);
        rows[at + 2] = 60 + (noise ? n : 0);
      }
    }
  }
  return png(width, height, 8, 2, rows);
}

/** A 1-bit greyscale PNG: huge in pixels, small on disk (a 50-megapixel image is a few kilobytes). */
export function hugePng(width, height) {
  const stride = 1 + Math.ceil(width / 8);
  return png(width, height, 1, 0, Buffer.alloc(stride * height));
}

/** A file named .jpg, typed image/jpeg, that starts like a JPEG and then is not one. */
export function corruptJpeg() {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('JFIF\0 but then nothing useful'),
  ]);
}

/**
 * `jpeg` (a JPEG file's bytes) with an EXIF block as a phone camera writes it, right after the start of image:
 * IFD0 with the Orientation tag, IFD1 with the thumbnail `thumbnail` (a JPEG's bytes) stored in the block (TIFF 6.0 §22
 * JPEGInterchangeFormat and ...Length, offsets from the TIFF header). `little`: Intel byte order (Android phones)
 * rather than Motorola's (iPhones). `ifd1` replaces IFD1's three entries (`[[tag, type, value]]`, three at most) to make lying blocks.
 */
export function withExifThumbnail(jpeg, thumbnail, { orientation = 1, little = true, ifd1 = null } = {}) {
  const ifd0Entries = [[0x0112, 3, orientation]];
  const thumbnailAt = 8 + 2 + 12 + 4 + 2 + 3 * 12 + 4; // header, IFD0 (one entry), IFD1 (three entries)
  const ifd1Entries = ifd1 ?? [
    [0x0103, 3, 6],
    [0x0201, 4, thumbnailAt],
    [0x0202, 4, thumbnail.length],
  ];
  const tiff = Buffer.alloc(thumbnailAt);
  const u16 = (value, at) => (little ? tiff.writeUInt16LE(value, at) : tiff.writeUInt16BE(value, at));
  const u32 = (value, at) => (little ? tiff.writeUInt32LE(value, at) : tiff.writeUInt32BE(value, at));
  tiff.write(little ? 'II' : 'MM', 0, 'latin1');
  u16(42, 2);
  u32(8, 4);
  const directory = (at, entries, next) => {
    u16(entries.length, at);
    entries.forEach(([tag, type, value], i) => {
      const entry = at + 2 + i * 12;
      u16(tag, entry);
      u16(type, entry + 2);
      u32(1, entry + 4);
      if (type === 3) u16(value, entry + 8);
      else u32(value, entry + 8);
    });
    u32(next, at + 2 + entries.length * 12);
    return at + 2 + entries.length * 12 + 4;
  };
  const ifd1At = directory(8, ifd0Entries, 8 + 2 + 12 + 4);
  directory(ifd1At, ifd1Entries, 0);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff, Buffer.from(thumbnail)]);
  if (body.length + 2 > 0xffff) throw new Error(`an APP1 block holds 65,533 bytes, not ${body.length}`);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(body.length + 2);
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1]), length, body, Buffer.from(jpeg).subarray(2)]);
}
