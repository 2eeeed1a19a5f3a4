// The size of an image from its first bytes, without decoding it: JPEG (with its EXIF orientation), PNG, GIF and
// WebP, and whether it is animated (an animated GIF, PNG or WebP). Lets decode.js pick the analysis size before
// decoding and leave huge images undecoded, as the core's CLI does (src/media/decode.rs). A JPEG's header also
// tells its EXIF orientation and where the camera's thumbnail lies in the file (jpeg.js).

import { readJpeg } from './jpeg.js';

/** Bytes read from the file's start: enough for a JPEG's EXIF block (64 KB at most) and the frame header after it. */
export const HEADER_BYTES = 256 * 1024;

/**
 * `{format, width, height, animated}` with width and height as displayed (EXIF orientations 5 to 8 swap them), or
 * null when the bytes are not one of these formats or are cut short; a JPEG's also has `orientation` (EXIF, 1 to 8)
 * and `thumbnail` (jpeg.js: null, or the EXIF thumbnail's `{offset, length, width, height}`).
 * @param {Uint8Array} bytes the file's first bytes
 */
export function readHeader(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (at, length) => String.fromCharCode(...bytes.subarray(at, at + length));
  try {
    if (view.getUint32(0) === 0x89504e47 && ascii(12, 4) === 'IHDR') {
      // PNG: IHDR first; an acTL chunk before the first IDAT makes it animated (APNG).
      return { format: 'png', width: view.getUint32(16), height: view.getUint32(20), animated: pngAnimated(bytes) };
    }
    if (ascii(0, 4) === 'GIF8') {
      return {
        format: 'gif',
        width: view.getUint16(6, true),
        height: view.getUint16(8, true),
        animated: includes(bytes, 'NETSCAPE2.0'),
      };
    }
    if (ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') return webp(view, ascii);
    if (view.getUint16(0) === 0xffd8) {
      const jpeg = readJpeg(view);
      return jpeg && { format: 'jpeg', ...jpeg, animated: false };
    }
  } catch {
    // A RangeError: the header is cut short.
  }
  return null;
}

function pngAnimated(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 8; at + 8 <= bytes.length; ) {
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (type === 'acTL') return true;
    if (type === 'IDAT') return false;
    at += 12 + view.getUint32(at);
  }
  return false;
}

function includes(bytes, text) {
  const first = text.charCodeAt(0);
  outer: for (
    let i = bytes.indexOf(first);
    i >= 0 && i + text.length <= bytes.length;
    i = bytes.indexOf(first, i + 1)
  ) {
    for (let k = 1; k < text.length; k++) if (bytes[i + k] !== text.charCodeAt(k)) continue outer;
    return true;
  }
  return false;
}

/** WebP: lossy (VP8), lossless (VP8L) or extended (VP8X, which carries the animation flag). */
function webp(view, ascii) {
  const chunk = ascii(12, 4);
  if (chunk === 'VP8 ') {
    return {
      format: 'webp',
      width: view.getUint16(26, true) & 0x3fff,
      height: view.getUint16(28, true) & 0x3fff,
      animated: false,
    };
  }
  if (chunk === 'VP8L') {
    const bits = view.getUint32(21, true);
    return { format: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1, animated: false };
  }
  if (chunk === 'VP8X') {
    const u24 = (at) => view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getUint8(at + 2) << 16);
    return { format: 'webp', width: u24(24) + 1, height: u24(27) + 1, animated: (view.getUint8(20) & 0x02) !== 0 };
  }
  return null;
}
