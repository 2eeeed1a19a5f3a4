// Byte arrays one after the other: the media request's buffer, which holds every analysed image's pixels (or EXIF
// thumbnail) in the order of its images, so that one typed array crosses to the core.

/**
 * The arrays in order in one Uint8Array (absent ones skipped).
 * @param {(Uint8Array | Uint8ClampedArray | null | undefined)[]} parts
 */
export function concatBytes(parts) {
  const present = parts.filter(Boolean);
  const all = new Uint8Array(present.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of present) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}
