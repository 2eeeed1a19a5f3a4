// A small decoder for the baseline JPEGs cameras store as EXIF thumbnails (ITU-T T.81, sequential Huffman, 8-bit;
// EXIF 2.32 §4.5.5 has thumbnails "compressed by the JPEG baseline"): the markers, the Huffman-coded blocks, an 8 × 8
// inverse DCT and the YCbCr colours, with any sampling factors and restart intervals. It runs in the content script,
// on the page's thread, in a few milliseconds for a 512 × 384 thumbnail: no round trip through the browser's decoder
// threads, which a site decoding the 12-megapixel photo for its own preview keeps busy. Progressive, lossless,
// arithmetic-coded and CMYK files, and anything malformed, throw: the caller then decodes the photo instead.

/** Why a JPEG is not decoded: the tests tell these apart; the caller only falls back to the photo. */
const UNREAD = 'not a thumbnail this decoder reads (too large, not 8-bit, or neither grey nor YCbCr)';
const DAMAGED = 'a damaged JPEG';

/**
 * Natural (row-major) position of the n-th coefficient in zig-zag order (T.81 Figure A.6): along the anti-diagonals,
 * up and right on even ones, down and left on odd ones.
 */
const ZIGZAG = new Uint8Array(64);
for (let i = 0, x = 0, y = 0; i < 64; i++) {
  ZIGZAG[i] = y * 8 + x;
  if ((x + y) % 2 === 0) {
    if (x === 7) y++;
    else if (y === 0) x++;
    else [x, y] = [x + 1, y - 1];
  } else if (y === 7) x++;
  else if (x === 0) y++;
  else [x, y] = [x - 1, y + 1];
}

/** Bits of a code read at once through a table's `fast` lookup (most codes are shorter). */
const FAST_BITS = 9;

/** `cos((2x + 1)uπ/16)` scaled by C(u)/2 (T.81 §A.3.3), at [x * 8 + u]. */
const IDCT = Float64Array.from({ length: 64 }, (_, i) => {
  const [x, u] = [i >> 3, i & 7];
  return (u ? 0.5 : Math.SQRT1_2 / 2) * Math.cos(((2 * x + 1) * u * Math.PI) / 16);
});

/**
 * The JPEG in `bytes` decoded to RGBA rows, as stored (no EXIF orientation applied): `{width, height, data}`.
 * Throws an Error saying why when it is not a baseline JPEG of at most `maxSide` pixels a side, or is damaged.
 * @param {Uint8Array} bytes
 * @param {number} maxSide
 */
export function decodeBaseline(bytes, maxSide) {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) fail('not a JPEG');
  const quant = [0, 1, 2, 3].map(() => new Uint16Array(64));
  const dc = [];
  const ac = [];
  let frame = null;
  let interval = 0;
  let scanned = false;
  let at = 2;
  for (;;) {
    if (at + 1 >= bytes.length) {
      if (scanned) break; // data ends without EOI: what was decoded stands
      fail(DAMAGED);
    }
    if (bytes[at] !== 0xff) fail(DAMAGED);
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at++; // fill bytes before a marker
      continue;
    }
    if (marker === 0xd9) break;
    const length = (bytes[at + 2] << 8) | bytes[at + 3];
    if (length < 2 || at + 2 + length > bytes.length) fail(DAMAGED);
    const segment = bytes.subarray(at + 4, at + 2 + length);
    at += 2 + length;
    if (marker === 0xdb) readQuant(segment, quant);
    else if (marker === 0xc4) readHuffman(segment, dc, ac);
    else if (marker === 0xdd) interval = (segment[0] << 8) | segment[1];
    else if (marker === 0xc0 || marker === 0xc1) {
      if (frame) fail(DAMAGED);
      frame = readFrame(segment, maxSide);
    } else if (marker >= 0xc2 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      fail('not a baseline JPEG (progressive, lossless or arithmetic-coded)');
    } else if (marker === 0xda) {
      if (!frame) fail(DAMAGED);
      decodeScan(segment, bytes, at, frame, { quant, dc, ac, interval });
      at = nextMarker(bytes, at);
      scanned = true;
    }
  }
  if (!scanned) fail(DAMAGED);
  return toRgba(frame);
}

function fail(why) {
  throw new Error(why);
}

function readQuant(segment, quant) {
  for (let at = 0; at < segment.length; ) {
    const [wide, id] = [segment[at] >> 4, segment[at] & 15];
    const size = wide ? 128 : 64;
    if (id > 3 || wide > 1 || at + 1 + size > segment.length) fail(DAMAGED);
    for (let k = 0; k < 64; k++) {
      quant[id][k] = wide ? (segment[at + 1 + 2 * k] << 8) | segment[at + 2 + 2 * k] : segment[at + 1 + k];
    }
    at += 1 + size;
  }
}

/** Canonical Huffman tables (T.81 §C, Figure F.16): per code length the largest code and where its values start. */
function readHuffman(segment, dc, ac) {
  for (let at = 0; at < segment.length; ) {
    const [cls, id] = [segment[at] >> 4, segment[at] & 15];
    const counts = segment.subarray(at + 1, at + 17);
    const total = counts.reduce((sum, n) => sum + n, 0);
    if (id > 3 || cls > 1 || counts.length < 16 || at + 17 + total > segment.length) fail(DAMAGED);
    const table = {
      maxCode: new Int32Array(17).fill(-1),
      offset: new Int32Array(17),
      fast: new Uint16Array(1 << FAST_BITS),
    };
    table.values = segment.slice(at + 17, at + 17 + total);
    let [code, index] = [0, 0];
    for (let length = 1; length <= 16; length++) {
      const count = counts[length - 1];
      table.offset[length] = index - code;
      // Every FAST_BITS-bit prefix that begins with a code this short: `length << 8 | value`.
      for (let k = 0; length <= FAST_BITS && k < count; k++) {
        const first = (code + k) << (FAST_BITS - length);
        table.fast.fill((length << 8) | table.values[index + k], first, first + (1 << (FAST_BITS - length)));
      }
      code += count;
      index += count;
      table.maxCode[length] = count ? code - 1 : -1;
      code <<= 1;
    }
    (cls ? ac : dc)[id] = table;
    at += 17 + total;
  }
}

function readFrame(segment, maxSide) {
  const [precision, height, width, count] = [
    segment[0],
    (segment[1] << 8) | segment[2],
    (segment[3] << 8) | segment[4],
    segment[5],
  ];
  if (precision !== 8 || !width || !height || width > maxSide || height > maxSide) {
    fail(UNREAD);
  }
  if ((count !== 1 && count !== 3) || segment.length < 6 + 3 * count) fail(UNREAD);
  const components = [];
  for (let i = 0; i < count; i++) {
    const [id, sampling, table] = segment.subarray(6 + 3 * i, 9 + 3 * i);
    const [h, v] = [sampling >> 4, sampling & 15];
    if (h < 1 || h > 4 || v < 1 || v > 4 || table > 3) fail(DAMAGED);
    components.push({ id, h, v, quant: table });
  }
  const hMax = Math.max(...components.map((c) => c.h));
  const vMax = Math.max(...components.map((c) => c.v));
  const [mcusX, mcusY] = [Math.ceil(width / (8 * hMax)), Math.ceil(height / (8 * vMax))];
  for (const c of components) {
    c.stride = mcusX * c.h * 8;
    c.plane = new Uint8ClampedArray(c.stride * mcusY * c.v * 8);
  }
  return { width, height, components, hMax, vMax };
}

/** Where the marker after a scan's data is: its first FF followed by neither a stuffed 00 nor a restart (T.81 §B.1.1.5). */
function nextMarker(bytes, at) {
  for (let i = at; i + 1 < bytes.length; i++) {
    if (bytes[i] === 0xff && bytes[i + 1] !== 0 && (bytes[i + 1] < 0xd0 || bytes[i + 1] > 0xd7)) return i;
  }
  return bytes.length;
}

/** Decodes one scan (its header `segment`, its data from `bytes[start]`) into the frame's components' planes. */
function decodeScan(segment, bytes, start, frame, { quant, dc, ac, interval }) {
  const count = segment[0];
  const members = [];
  for (let i = 0; i < count; i++) {
    const c = frame.components.find((component) => component.id === segment[1 + 2 * i]);
    const tables = segment[2 + 2 * i];
    if (!c || !dc[tables >> 4] || !ac[tables & 15]) fail(DAMAGED);
    [c.dc, c.ac, c.predictor] = [dc[tables >> 4], ac[tables & 15], 0];
    members.push(c);
  }
  if (!count || segment.length < 1 + 2 * count) fail(DAMAGED);
  const { width, height, hMax, vMax } = frame;
  // One component alone is coded block by block over its own size (T.81 §A.2.2); several, MCU by MCU.
  const alone = count === 1 ? members[0] : null;
  const mcusX = alone ? Math.ceil(Math.ceil((width * alone.h) / hMax) / 8) : Math.ceil(width / (8 * hMax));
  const mcusY = alone ? Math.ceil(Math.ceil((height * alone.v) / vMax) / 8) : Math.ceil(height / (8 * vMax));
  const bits = new Bits(bytes, start);
  const block = new Float64Array(64);
  for (let mcu = 0; mcu < mcusX * mcusY; mcu++) {
    if (interval && mcu && mcu % interval === 0) {
      bits.restart();
      for (const c of members) c.predictor = 0;
    }
    const mx = mcu % mcusX;
    const my = (mcu - mx) / mcusX;
    for (const c of members) {
      const across = alone ? 1 : c.h;
      const down = alone ? 1 : c.v;
      for (let by = 0; by < down; by++) {
        for (let bx = 0; bx < across; bx++) {
          const dcOnly = decodeBlock(bits, c, quant[c.quant], block);
          idctInto(block, dcOnly, c.plane, c.stride, (mx * across + bx) * 8, (my * down + by) * 8);
        }
      }
    }
  }
}

/** The entropy-coded data: bits MSB first, FF 00 read as FF, and zeros fed once a marker is reached. */
class Bits {
  constructor(bytes, at) {
    this.bytes = bytes;
    this.at = at;
    this.buffer = 0; // the next `count` bits, at the top of 32
    this.count = 0;
  }

  fill() {
    while (this.count <= 24) {
      let byte = 0;
      const b = this.bytes;
      if (this.at < b.length && !(b[this.at] === 0xff && b[this.at + 1] !== 0)) {
        byte = b[this.at];
        this.at += byte === 0xff ? 2 : 1;
      }
      this.buffer = (this.buffer | (byte << (24 - this.count))) >>> 0;
      this.count += 8;
    }
  }

  take(n) {
    if (!n) return 0;
    this.fill();
    const value = this.buffer >>> (32 - n);
    this.buffer = (this.buffer << n) >>> 0;
    this.count -= n;
    return value;
  }

  decode(table) {
    this.fill();
    const entry = table.fast[this.buffer >>> (32 - FAST_BITS)];
    if (entry) {
      this.take(entry >> 8);
      return entry & 255;
    }
    let code = 0;
    for (let length = 1; length <= 16; length++) {
      code = (code << 1) | this.take(1);
      if (code <= table.maxCode[length]) {
        const value = table.values[table.offset[length] + code];
        if (value === undefined) fail(DAMAGED);
        return value;
      }
    }
    return fail(DAMAGED);
  }

  /** A coefficient of `size` bits, its sign extended (T.81 Figure F.12). */
  signed(size) {
    const value = this.take(size);
    return size && value < 1 << (size - 1) ? value - (1 << size) + 1 : value;
  }

  /** At a restart marker: the bits left are dropped and the marker skipped. */
  restart() {
    [this.buffer, this.count] = [0, 0];
    const marker = this.bytes[this.at + 1];
    if (this.bytes[this.at] !== 0xff || marker < 0xd0 || marker > 0xd7) fail(DAMAGED);
    this.at += 2;
  }
}

/** One block's dequantised coefficients into `block`, in natural order; whether it has no AC coefficient. */
function decodeBlock(bits, c, quant, block) {
  block.fill(0);
  const size = bits.decode(c.dc);
  if (size > 11) fail(DAMAGED);
  c.predictor += bits.signed(size);
  block[0] = c.predictor * quant[0];
  let dcOnly = true;
  for (let k = 1; k < 64; k++) {
    const rs = bits.decode(c.ac);
    const size = rs & 15;
    if (!size) {
      if (rs >> 4 !== 15) break; // end of block
      k += 15;
      continue;
    }
    k += rs >> 4;
    if (k > 63 || size > 10) fail(DAMAGED);
    block[ZIGZAG[k]] = bits.signed(size) * quant[k];
    dcOnly = false;
  }
  return dcOnly;
}

/** The inverse DCT's scratch space: the block after its column pass, one column, one transformed line. */
const afterColumns = new Float64Array(64);
const column = new Float64Array(8);
const out = new Float64Array(8);

/**
 * The 8 × 8 inverse DCT of `block`, level-shifted, written at (x, y) of a plane: columns, then rows, each split in
 * its even and odd halves (out[i] and out[7 − i] share them). A block with no AC coefficient (most blocks of a small
 * JPEG's smooth areas) is flat at DC / 8; a column of zeros is skipped.
 */
function idctInto(block, dcOnly, plane, stride, x, y) {
  if (dcOnly) {
    const value = (block[0] / 8 + 128.5) | 0; // the clamped array clamps
    for (let row = 0; row < 8; row++) plane.fill(value, (y + row) * stride + x, (y + row) * stride + x + 8);
    return;
  }
  for (let u = 0; u < 8; u++) {
    let zeros = true;
    for (let v = 0; v < 8; v++) {
      column[v] = block[v * 8 + u];
      if (v && column[v]) zeros = false;
    }
    if (zeros) out.fill(column[0] * IDCT[0]);
    else idct1d(column, 0, out);
    for (let row = 0; row < 8; row++) afterColumns[row * 8 + u] = out[row];
  }
  for (let row = 0; row < 8; row++) {
    idct1d(afterColumns, row * 8, out);
    const at = (y + row) * stride + x;
    for (let i = 0; i < 8; i++) plane[at + i] = (out[i] + 128.5) | 0;
  }
}

/** One dimension of the inverse DCT, from the 8 values of `c` at `a` into `o`. */
function idct1d(c, a, o) {
  for (let i = 0; i < 4; i++) {
    const t = i * 8;
    const even = c[a] * IDCT[t] + c[a + 2] * IDCT[t + 2] + c[a + 4] * IDCT[t + 4] + c[a + 6] * IDCT[t + 6];
    const odd = c[a + 1] * IDCT[t + 1] + c[a + 3] * IDCT[t + 3] + c[a + 5] * IDCT[t + 5] + c[a + 7] * IDCT[t + 7];
    o[i] = even + odd;
    o[7 - i] = even - odd;
  }
}

/** The YCbCr to RGB factors (JFIF, T.871 §7) in 16-bit fixed point. */
const [CR_R, CB_G, CR_G, CB_B] = [1.402, 0.344136, 0.714136, 1.772].map((k) => Math.round(k * 65536));
const HALF = 1 << 15;

/** The planes as RGBA, subsampled chroma taken from the nearest sample. */
function toRgba({ width, height, components, hMax, vMax }) {
  const data = new Uint8ClampedArray(width * height * 4);
  // Per component, its plane and the plane's column of each image column (its sampling may be coarser).
  const planes = components.map((c) => c.plane);
  const columns = components.map((c) => Int32Array.from({ length: width }, (_, x) => Math.floor((x * c.h) / hMax)));
  const [yPlane, cbPlane = yPlane, crPlane = yPlane] = planes;
  const [yColumns, cbColumns = yColumns, crColumns = yColumns] = columns;
  const grey = components.length === 1;
  for (let y = 0, at = 0; y < height; y++) {
    const [yRow, cbRow = yRow, crRow = yRow] = components.map((c) => Math.floor((y * c.v) / vMax) * c.stride);
    for (let x = 0; x < width; x++, at += 4) {
      const l = yPlane[yRow + yColumns[x]];
      if (grey) {
        data[at] = data[at + 1] = data[at + 2] = l;
      } else {
        const b = cbPlane[cbRow + cbColumns[x]] - 128;
        const r = crPlane[crRow + crColumns[x]] - 128;
        data[at] = l + ((CR_R * r + HALF) >> 16);
        data[at + 1] = l + ((HALF - CB_G * b - CR_G * r) >> 16);
        data[at + 2] = l + ((CB_B * b + HALF) >> 16);
      }
      data[at + 3] = 255;
    }
  }
  return { width, height, data };
}
