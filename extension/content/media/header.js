// The size of an image from its first bytes, without decoding it: JPEG (with its EXIF orientation), PNG, GIF and
// WebP, and whether it is animated (an animated GIF, PNG or WebP). Lets decode.js pick the analysis size before
// decoding and leave huge images undecoded, as the core's CLI does (src/media/decode.rs).

/** Bytes read from the file's start: enough for a JPEG's EXIF block (64 KB at most) and the frame header after it. */
export const HEADER_BYTES = 256 * 1024;

/**
 * `{format, width, height, animated}` with width and height as displayed (EXIF orientations 5 to 8 swap them), or
 * null when the bytes are not one of these formats or are cut short.
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
    if (view.getUint16(0) === 0xffd8) return jpeg(view);
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

/** JPEG: the first start-of-frame marker's size, turned by the EXIF orientation of an APP1 block before it. */
function jpeg(view) {
  let orientation = 1;
  for (let at = 2; at + 4 <= view.byteLength; ) {
    if (view.getUint8(at) !== 0xff) return null;
    const marker = view.getUint8(at + 1);
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    const length = view.getUint16(at + 2);
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      const height = view.getUint16(at + 5);
      const width = view.getUint16(at + 7);
      const swap = orientation >= 5 && orientation <= 8;
      return { format: 'jpeg', width: swap ? height : width, height: swap ? width : height, animated: false };
    }
    if (marker === 0xe1) orientation = exifOrientation(view, at + 4, length - 2) ?? orientation;
    at += 2 + length;
  }
  return null;
}

/** The Orientation tag (0x0112) of an EXIF block's first directory, or null. */
function exifOrientation(view, start, length) {
  if (length < 14 || view.getUint32(start) !== 0x45786966) return null; // "Exif"
  const tiff = start + 6;
  const little = view.getUint16(tiff) === 0x4949;
  const u16 = (at) => view.getUint16(at, little);
  const directory = tiff + view.getUint32(tiff + 4, little);
  const entries = u16(directory);
  for (let i = 0; i < entries; i++) {
    const entry = directory + 2 + i * 12;
    if (u16(entry) === 0x0112) return u16(entry + 8);
  }
  return null;
}
