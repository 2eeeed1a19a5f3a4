// A JPEG's header without decoding it: the frame's size, and from the EXIF block (APP1) the orientation and the
// thumbnail a camera or phone stores there (IFD1's JPEGInterchangeFormat and ...Length: TIFF 6.0 §22 and EXIF 2.32
// §4.5.8), which file browsers show instead of decoding the photo. Every offset is checked against the block's
// bounds: a cut, corrupt or lying EXIF block gives no thumbnail (and orientation 1), never a throw or a loop.

/** EXIF tags (EXIF 2.32 §4.6.3 and §4.6.4, TIFF 6.0): IFD0's orientation; IFD1's compression and thumbnail. */
const ORIENTATION = 0x0112;
const COMPRESSION = 0x0103;
const THUMBNAIL_OFFSET = 0x0201;
const THUMBNAIL_LENGTH = 0x0202;
/** Compression 6: the IFD1 image is a JPEG (TIFF 6.0 §22); other values are uncompressed thumbnails we do not read. */
const JPEG_COMPRESSION = 6;
/** TIFF field types of a SHORT and a LONG. */
const SHORT = 3;
const LONG = 4;

/**
 * `{width, height, orientation, thumbnail}` of the JPEG in `view` (the file's first bytes), width and height as
 * displayed (orientations 5 to 8 swap them), `thumbnail` null or `{offset, length, width, height}`: where the EXIF
 * thumbnail's own JPEG lies in the file and its size, turned by the same orientation. Null when no frame header is
 * found in these bytes.
 * @param {DataView} view
 */
export function readJpeg(view) {
  let exif = null;
  const frame = frameOf(view, 2, view.byteLength, (start, length) => {
    exif ??= readExif(view, start, Math.min(start + length, view.byteLength));
  });
  if (!frame) return null;
  const orientation = exif?.orientation ?? 1;
  const thumbnail = exif?.thumbnail ?? null;
  return {
    ...turned(frame.width, frame.height, orientation),
    orientation,
    thumbnail: thumbnail && {
      offset: thumbnail.offset,
      length: thumbnail.length,
      ...turned(thumbnail.width, thumbnail.height, orientation),
    },
  };
}

/** Orientations 5 to 8 turn the image a quarter (EXIF 2.32 §4.6.4 A, Orientation). */
function turned(width, height, orientation) {
  return orientation >= 5 && orientation <= 8 ? { width: height, height: width } : { width, height };
}

/**
 * The first start-of-frame marker's size between `start` (just after SOI) and `end`, calling `onExif(start,
 * length)` for each APP1 block before it; null when the markers run out or stop being markers.
 */
function frameOf(view, start, end, onExif) {
  for (let at = start; at + 4 <= end; ) {
    if (view.getUint8(at) !== 0xff) return null;
    const marker = view.getUint8(at + 1);
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    const length = view.getUint16(at + 2);
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      if (at + 9 > end) return null;
      return { width: view.getUint16(at + 7), height: view.getUint16(at + 5) };
    }
    if (marker === 0xe1) onExif(at + 4, length - 2);
    at += 2 + length;
  }
  return null;
}

/**
 * `{orientation, thumbnail}` of an APP1 block whose contents lie in [start, end), or null when it is not EXIF.
 * Reads IFD0 and IFD1 only (no chain to follow), each entry checked to lie in the block.
 */
function readExif(view, start, end) {
  if (start + 14 > end || view.getUint32(start) !== 0x45786966 || view.getUint16(start + 4) !== 0) return null;
  const tiff = start + 6; // offsets in the block count from here
  const order = view.getUint16(tiff);
  if (order !== 0x4949 && order !== 0x4d4d) return null;
  const little = order === 0x4949;
  if (view.getUint16(tiff + 2, little) !== 42) return null;
  const ifd0 = directory(view, tiff, view.getUint32(tiff + 4, little), end, little);
  if (!ifd0) return null;
  const rawOrientation = ifd0.tags.get(ORIENTATION);
  const orientation = rawOrientation >= 1 && rawOrientation <= 8 ? rawOrientation : 1;
  const ifd1 = ifd0.next ? directory(view, tiff, ifd0.next, end, little) : null;
  return { orientation, thumbnail: ifd1 && thumbnail(view, tiff, end, ifd1.tags) };
}

/**
 * The SHORT and LONG single values of the directory at `offset` from `tiff` (`tags`: tag → value) and the next
 * directory's offset (0: none), or null when the directory does not lie wholly in the block.
 */
function directory(view, tiff, offset, end, little) {
  const at = tiff + offset;
  if (offset < 8 || at + 2 > end) return null;
  const count = view.getUint16(at, little);
  if (at + 2 + count * 12 + 4 > end) return null;
  const tags = new Map();
  for (let i = 0; i < count; i++) {
    const entry = at + 2 + i * 12;
    const type = view.getUint16(entry + 2, little);
    if (view.getUint32(entry + 4, little) !== 1) continue;
    if (type === SHORT) tags.set(view.getUint16(entry, little), view.getUint16(entry + 8, little));
    else if (type === LONG) tags.set(view.getUint16(entry, little), view.getUint32(entry + 8, little));
  }
  return { tags, next: view.getUint32(at + 2 + count * 12, little) };
}

/** IFD1's JPEG thumbnail, `{offset, length, width, height}` as stored, when it lies in the block and has a frame. */
function thumbnail(view, tiff, end, tags) {
  const compression = tags.get(COMPRESSION) ?? JPEG_COMPRESSION;
  const offset = tags.get(THUMBNAIL_OFFSET);
  const length = tags.get(THUMBNAIL_LENGTH);
  if (compression !== JPEG_COMPRESSION || !offset || !length) return null;
  const at = tiff + offset;
  if (offset < 8 || at + length > end || length < 4 || view.getUint16(at) !== 0xffd8) return null;
  const frame = frameOf(view, at + 2, at + length, () => {});
  if (!frame?.width || !frame.height) return null;
  return { offset: at, length, width: frame.width, height: frame.height };
}
