// Generated test images, written as real PNG files (zlib from Node, no image library): a plain background with a
// bright square "subject" at a known place, of any size; a 1-bit image for huge sizes that stay small on disk; and
// a corrupt JPEG. Used by the media browser tests and the media benchmark.
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
