// The camera's own thumbnail (its EXIF preview) as the analysis copy of a JPEG photo: phones and cameras store a
// small JPEG of the same picture in the EXIF block (160 × 120 on iPhones, 320 × 240 or 512 × 384 on many Android
// phones), which decodes in a fraction of the time the photo takes even at 1/8 (baseline.js, on the page's thread).
// It is used when it shows the whole picture (the photo's aspect ratio) and is large enough for the saliency to place
// the same framing; the photo's EXIF orientation is applied to it here, since the thumbnail's own JPEG carries none.

import { decodeBaseline } from './baseline.js';
import { concatBytes } from './bytes.js';

/**
 * Shortest long side of a thumbnail used for the analysis. Measured on a development set of generated scenes
 * (examples/thumbnail_framing.rs: 120 photos, 180 surfaces of X, Facebook and Instagram that cut them; the framing
 * from the thumbnail against the one from the 512-pixel decode): mean IoU 0.984 at 160 pixels, 0.985–0.987 at 240
 * to 384, 0.996 at 512; at 128 the mean holds (0.982) but the worst case falls to 0.46 (0.61 at 160). Not refined
 * by a full decode afterwards: that would bring the mean from about 0.985 to 0.996 for the whole decode's time.
 */
export const MIN_THUMBNAIL_SIDE = 160;
/**
 * Largest difference of aspect ratio (relative) between thumbnail and photo: rounding a 4000 × 3000 photo to a
 * 160-pixel thumbnail moves it well under 1 %; a 16:9 photo letterboxed in a 4:3 thumbnail is off by a third.
 */
const RATIO_TOLERANCE = 0.01;

/**
 * The JPEG header's thumbnail when it may stand for the photo in the analysis, else null.
 * @param {{width: number, height: number, thumbnail: {offset: number, length: number, width: number, height: number} | null}} head
 *   a JPEG's header read (header.js): sizes as displayed, the thumbnail's turned like the photo
 */
export function usableThumbnail(head) {
  const thumbnail = head.thumbnail;
  if (!thumbnail || Math.max(thumbnail.width, thumbnail.height) < MIN_THUMBNAIL_SIDE) return null;
  const ratio = head.width / head.height;
  return Math.abs(thumbnail.width / thumbnail.height - ratio) <= ratio * RATIO_TOLERANCE ? thumbnail : null;
}

/**
 * Longest side of a thumbnail decoded: EXIF 2.32 §4.5.5 keeps the APP1 block, thumbnail included, within 64 KB,
 * which holds no sensible JPEG much past 1024 pixels; larger claims are refused before any pixel is decoded.
 */
const MAX_THUMBNAIL_SIDE = 1024;

/**
 * The thumbnail's RGBA pixels as the photo is displayed (`{width, height, data}`), decoded from the bytes already
 * read (the EXIF block lies in the header read), at its own size (one larger than the analysis size is reduced by the
 * core's saliency map). Throws when the thumbnail does not decode (baseline.js).
 * @param {Uint8Array} bytes the thumbnail's JPEG
 * @param {number} orientation the photo's EXIF orientation
 */
export function thumbnailPixels(bytes, orientation) {
  return turned(decodeBaseline(bytes, MAX_THUMBNAIL_SIDE), orientation);
}

/**
 * A media request whose images may name an EXIF thumbnail (`thumbnail: {bytes, orientation}`: its JPEG's length in
 * the buffer) as the core reads it: each thumbnail decoded and turned here, the buffer then holding every analysed
 * image's RGBA pixels in order (`analysis: {width, height}`). What the service worker does with what a content
 * script sends it under a strict CSP: a thumbnail's few tens of kilobytes cross the port instead of its pixels.
 * Throws when the buffer does not hold what the images announce, or a thumbnail does not decode.
 * @param {{images: object[]}} request
 * @param {Uint8Array} buffer
 * @returns {{request: object, rgba: Uint8Array}}
 */
export function withThumbnailPixels(request, buffer) {
  const parts = [];
  let at = 0;
  const take = (length) => {
    if (at + length > buffer.length) throw new Error('the buffer is shorter than the images announce');
    at += length;
    return buffer.subarray(at - length, at);
  };
  const images = request.images.map(({ thumbnail, ...image }) => {
    if (thumbnail) {
      const pixels = thumbnailPixels(take(thumbnail.bytes), thumbnail.orientation);
      parts.push(pixels.data);
      return { ...image, analysis: { width: pixels.width, height: pixels.height } };
    }
    if (image.analysis) parts.push(take(image.analysis.width * image.analysis.height * 4));
    return image;
  });
  return { request: { ...request, images }, rgba: concatBytes(parts) };
}

/**
 * RGBA pixels stored `width` × `height`, as EXIF `orientation` shows them (EXIF 2.32 §4.6.4 A: 2 mirrored, 3 turned
 * half, 4 flipped, 5 transposed, 6 turned a quarter clockwise, 7 transversed, 8 turned a quarter anticlockwise; other
 * values leave them as stored).
 * @param {{width: number, height: number, data: Uint8ClampedArray}} stored
 * @param {number} orientation
 */
export function turned({ width, height, data }, orientation) {
  if (!(orientation >= 2 && orientation <= 8)) return { width, height, data };
  const swapped = orientation >= 5;
  const shownWidth = swapped ? height : width;
  const out = new Uint32Array(width * height);
  const pixels = new Uint32Array(data.buffer, data.byteOffset, width * height);
  // Where a stored pixel goes is linear in its x and y: the place of (0, 0) and the steps of x and y.
  const place = (x, y) => {
    const [sx, sy] = shownAt(orientation, x, y, width, height);
    return sy * shownWidth + sx;
  };
  const [origin, stepX, stepY] = [place(0, 0), place(1, 0) - place(0, 0), place(0, 1) - place(0, 0)];
  for (let y = 0, from = 0; y < height; y++) {
    for (let x = 0, to = origin + y * stepY; x < width; x++, from++, to += stepX) out[to] = pixels[from];
  }
  return {
    width: shownWidth,
    height: swapped ? width : height,
    data: new Uint8ClampedArray(out.buffer),
  };
}

/** Where the stored pixel (x, y) of a width × height image is shown under EXIF `orientation` (2 to 8). */
function shownAt(orientation, x, y, width, height) {
  switch (orientation) {
    case 2:
      return [width - 1 - x, y];
    case 3:
      return [width - 1 - x, height - 1 - y];
    case 4:
      return [x, height - 1 - y];
    case 5:
      return [y, x];
    case 6:
      return [height - 1 - y, x];
    case 7:
      return [height - 1 - y, width - 1 - x];
    default:
      return [y, width - 1 - x];
  }
}
