// "Apply this framing", only when the user asks: a new image file cut to the suggested rectangle (drawn by the
// browser on a canvas in the page; a JPEG stays a JPEG at high quality, a PNG a PNG), named after the original with
// a suffix, and handed to the site through its own file input as the user's own choice would be (the input's
// files set from a DataTransfer, then `input` and `change`).

/** JPEG and WebP quality of a framed copy: high, so that cutting does not visibly re-compress (ours). */
const QUALITY = 0.95;
/** Added to the original's name: `photo.jpg` → `photo-framed.jpg`. */
const SUFFIX = '-framed';
/** Formats kept as they are; any other (a still GIF, BMP, AVIF) becomes a PNG, which loses nothing. */
const KEPT = new Map([
  ['image/jpeg', 'jpg'],
  ['image/png', 'png'],
  ['image/webp', 'webp'],
]);

/**
 * The original cut to `crop` (`{x, y, w, h}` in its displayed pixels, EXIF orientation applied), as a new File.
 * @param {File} file
 * @param {{x: number, y: number, w: number, h: number}} crop
 * @param {string} type the original's format, as measured (`image/jpeg`)
 */
export async function framedFile(file, crop, type) {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const canvas = new OffscreenCanvas(crop.w, crop.h);
    canvas.getContext('2d').drawImage(bitmap, crop.x, crop.y, crop.w, crop.h, 0, 0, crop.w, crop.h);
    const kept = KEPT.has(type) ? type : 'image/png';
    const blob = await canvas.convertToBlob({ type: kept, quality: QUALITY });
    const dot = file.name.lastIndexOf('.');
    const base = dot > 0 ? file.name.slice(0, dot) : file.name;
    return new File([blob], `${base}${SUFFIX}.${KEPT.get(kept)}`, { type: kept, lastModified: Date.now() });
  } finally {
    bitmap.close();
  }
}

/**
 * Gives `file` to the site through its file input, as if the user had chosen it there.
 * @param {File} file
 * @param {HTMLInputElement} input the site's file input for this composer
 */
export function handToSite(file, input) {
  const data = new DataTransfer();
  data.items.add(file);
  input.files = data.files;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
