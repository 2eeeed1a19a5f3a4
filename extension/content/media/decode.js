// Reads an attached image for the media analysis in two steps: measured from its header (size, EXIF orientation,
// format: enough for every crop rectangle, at once), then decoded with the browser's own decoders (createImageBitmap,
// and WebCodecs' ImageDecoder for JPEG photos; off the main thread, EXIF orientation honoured) reduced to the
// analysis size for the saliency, or for a phone's or camera's JPEG its own EXIF thumbnail decoded instead, on the
// page's thread (thumbnail.js, baseline.js): the core needs the image's true size and a small copy of its pixels,
// never the file. Images the browser cannot decode (HEIC, a corrupt file) and huge ones get a note instead of pixels.

import { HEADER_BYTES, readHeader } from './header.js';
import { thumbnailPixels, usableThumbnail } from './thumbnail.js';

/** Longest side of the analysis copy: the core's ANALYSIS_SIDE (src/media/decode.rs; issue 9: 256–512). */
export const ANALYSIS_SIDE = 512;
/** Images with more pixels are measured, not decoded: the core's MAX_DECODE_PIXELS (src/media/decode.rs). */
export const MAX_DECODE_PIXELS = 40_000_000;
/** The formats Chromium and Firefox decode in createImageBitmap (others, such as HEIC, get `unsupported`). */
const DECODABLE = new Set(['jpeg', 'png', 'gif', 'webp', 'avif', 'bmp']);

/**
 * What the file's first bytes say, without decoding it (microseconds after the read): `{info, head, note,
 * thumbnail}`. `info` is the core's image request (`{width, height, bytes, type, animated}`, width and height 0 when
 * unknown), `head` the header read (header.js) or null, and `note` null or why the image will get no pixels:
 * 'unsupported' (a format the browser cannot show) or 'too-large' (over MAX_DECODE_PIXELS: measured only). The crop
 * geometry needs no more. `thumbnail`: a JPEG's EXIF thumbnail that may stand for it in the analysis (thumbnail.js),
 * `{bytes, width, height}` (its JPEG, copied from the bytes read), or null.
 * @param {File} file
 */
export async function measureImage(file) {
  const bytes = new Uint8Array(await file.slice(0, HEADER_BYTES).arrayBuffer());
  const head = readHeader(bytes);
  const usable = head?.format === 'jpeg' ? usableThumbnail(head) : null;
  const thumbnail = usable && { ...usable, bytes: bytes.slice(usable.offset, usable.offset + usable.length) };
  const info = {
    width: head?.width ?? 0,
    height: head?.height ?? 0,
    bytes: file.size,
    type: head ? `image/${head.format}` : file.type || extension(file.name),
    animated: head?.animated ?? false,
  };
  let note = null;
  if (head && head.width * head.height > MAX_DECODE_PIXELS) note = 'too-large';
  else if (!head && !DECODABLE.has(formatOf(file))) note = 'unsupported';
  return { info, head, note, thumbnail };
}

/**
 * The measured image decoded at the analysis size, for the saliency: `{info, pixels, note}` with `pixels`
 * `{width, height, data: Uint8ClampedArray}` (RGBA, and `jpeg: {bytes, orientation}` when they are its EXIF
 * thumbnail's) or null, and `note` also 'corrupt' when it does not decode.
 * @param {File} file
 * @param {{info: object, head: object | null, note: string | null, thumbnail: object | null}} measured what
 *   measureImage gave
 */
export async function decodeImage(file, measured) {
  const { head, note, thumbnail } = measured;
  const info = { ...measured.info }; // the size of an image without a header read is learnt here
  if (note) return { info, pixels: null, note };
  try {
    const pixels = head ? await reduced(file, head, thumbnail) : await decodedWhole(file, info);
    return { info, pixels, note: null };
  } catch {
    return { info, pixels: null, note: DECODABLE.has(head?.format ?? formatOf(file)) ? 'corrupt' : 'unsupported' };
  }
}

/** The analysis size of a width × height image: the longest side at most ANALYSIS_SIDE, never enlarged. */
export function analysisSize(width, height) {
  const scale = Math.min(1, ANALYSIS_SIDE / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * Decoded at the analysis size directly: the decoder never holds the full-size image for us. A JPEG whose EXIF
 * thumbnail shows the whole picture large enough is analysed from the thumbnail (a thumbnail that does not decode falls
 * back to the photo).
 */
async function reduced(file, head, thumbnail) {
  const size = analysisSize(head.width, head.height);
  if (thumbnail) {
    // After the microtasks already queued (observers of the crops just drawn), then at once, in this task.
    await Promise.resolve();
    try {
      const pixels = thumbnailPixels(thumbnail.bytes, head.orientation);
      return { ...pixels, jpeg: { bytes: thumbnail.bytes, orientation: head.orientation } };
    } catch {
      // Not a baseline JPEG, or cut: the photo itself below.
    }
  }
  if (head.format === 'jpeg' && typeof ImageDecoder === 'function') return reducedJpeg(file, size);
  const bitmap = await createImageBitmap(file, {
    resizeWidth: size.width,
    resizeHeight: size.height,
    resizeQuality: 'medium',
    imageOrientation: 'from-image',
  });
  return pixelsOf(bitmap, bitmap.width, bitmap.height);
}

/**
 * A JPEG through WebCodecs' ImageDecoder told the size wanted: the decoder then decodes at 1/2, 1/4 or 1/8 of the
 * size (the JPEG format's own scaled decoding), several times faster than decoding a photo whole; drawing the
 * frame applies its EXIF orientation.
 */
async function reducedJpeg(file, size) {
  const decoder = new ImageDecoder({
    data: file.stream(),
    type: 'image/jpeg',
    desiredWidth: size.width,
    desiredHeight: size.height,
  });
  try {
    const { image } = await decoder.decode();
    return pixelsOf(image, size.width, size.height);
  } finally {
    decoder.close();
  }
}

/** A format whose header we do not read (AVIF, BMP): decoded whole, then drawn at the analysis size. */
async function decodedWhole(file, info) {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  info.width = bitmap.width;
  info.height = bitmap.height;
  const size = analysisSize(bitmap.width, bitmap.height);
  return pixelsOf(bitmap, size.width, size.height);
}

/** The RGBA pixels of a decoded image (an ImageBitmap or a VideoFrame, closed here) drawn at width × height. */
function pixelsOf(image, width, height) {
  try {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    context.drawImage(image, 0, 0, width, height);
    return { width, height, data: context.getImageData(0, 0, width, height).data };
  } finally {
    image.close();
  }
}

function formatOf(file) {
  const name = (file.type || extension(file.name)).toLowerCase().replace(/^image\//, '');
  return name === 'jpg' ? 'jpeg' : name;
}

function extension(name) {
  const dot = (name || '').lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}
