// The camera's own thumbnail (its EXIF preview) as the analysis copy of a JPEG photo: phones and cameras store a
// small JPEG of the same picture in the EXIF block (160 × 120 on iPhones, 320 × 240 or 512 × 384 on many Android phones), which decodes in
// a fraction of the time the photo takes even at 1/8. It is used when it shows the whole picture (the photo's
// aspect ratio) and is large enough for the saliency to place the same framing; the photo's EXIF orientation is
// applied to it here, since the thumbnail's own JPEG carries none.

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
 * The canvas transform `[a, b, c, d, e, f]` that draws a `width` × `height` image (as stored) as EXIF `orientation`
 * shows it (EXIF 2.32 §4.6.4 A: 2 mirrored, 3 turned half, 4 flipped, 5 transposed, 6 turned a quarter clockwise,
 * 7 transversed, 8 turned a quarter anticlockwise).
 */
export function orientationTransform(orientation, width, height) {
  switch (orientation) {
    case 2:
      return [-1, 0, 0, 1, width, 0];
    case 3:
      return [-1, 0, 0, -1, width, height];
    case 4:
      return [1, 0, 0, -1, 0, height];
    case 5:
      return [0, 1, 1, 0, 0, 0];
    case 6:
      return [0, 1, -1, 0, height, 0];
    case 7:
      return [0, -1, -1, 0, height, width];
    case 8:
      return [0, -1, 1, 0, 0, width];
    default:
      return [1, 0, 0, 1, 0, 0];
  }
}

/**
 * The thumbnail's RGBA pixels as the photo is displayed, `size` (`{width, height}`) the analysis size: the
 * thumbnail's own size, or less when it is larger than the analysis copy. Decoded from the bytes already read (the
 * EXIF block lies in the header read), by WebCodecs' ImageDecoder where there is one (no Blob to register), else
 * createImageBitmap. Throws when the thumbnail does not decode.
 * @param {Uint8Array} bytes the thumbnail's JPEG
 * @param {number} orientation the photo's EXIF orientation
 * @param {{width: number, height: number}} size
 */
export async function thumbnailPixels(bytes, orientation, size) {
  const decoder = typeof ImageDecoder === 'function' ? new ImageDecoder({ data: bytes, type: 'image/jpeg' }) : null;
  try {
    const image = decoder
      ? (await decoder.decode()).image
      : await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }), { imageOrientation: 'none' });
    try {
      const [width, height] = [image.displayWidth ?? image.width, image.displayHeight ?? image.height];
      const turned = orientation >= 5 && orientation <= 8;
      const canvas = new OffscreenCanvas(size.width, size.height);
      const context = canvas.getContext('2d', { willReadFrequently: true });
      // Scale the displayed thumbnail to the analysis size, then draw the stored one turned into it.
      context.scale(size.width / (turned ? height : width), size.height / (turned ? width : height));
      context.transform(...orientationTransform(orientation, width, height));
      context.drawImage(image, 0, 0, width, height);
      const data = context.getImageData(0, 0, size.width, size.height).data;
      return { width: size.width, height: size.height, data };
    } finally {
      image.close();
    }
  } finally {
    decoder?.close();
  }
}
