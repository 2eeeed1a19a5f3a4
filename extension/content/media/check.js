// The media check of one composer: when its attached images change, measures each new file from its header and
// has the core compute every crop at once (the panel shows), then decodes each file once at the analysis size
// (decode.js) and sends the analysis-size pixels to the core (`core.media`: in the page, or in the worker under a
// strict CSP, which is sent a photo's EXIF thumbnail instead) for the saliency and the suggested framings. Its
// problems (media-crop, media-size, media-count, media-format, media-alt) join the composer's report for the review
// before posting.

import { concatBytes } from './bytes.js';
import { decodeImage, measureImage } from './decode.js';
import { framedFile, handToSite } from './framing.js';
import { CropPanel } from '../ui/crop.js';

export class MediaCheck {
  /**
   * @param {import('../ui/host.js').Host} host the composer's host, where the panel goes
   * @param {{media: (request: object, rgba: Uint8Array) => Promise<object>}} core
   * @param {string} platform the site's platform
   * @param {{alt?: string}} rules the site's `media` rules: `alt` finds, in a preview, an image with alt text set
   */
  constructor(host, core, platform, rules) {
    this.host = host;
    this.core = core;
    this.platform = platform;
    this.rules = rules;
    this.panel = new CropPanel(host);
    this.measured = new WeakMap(); // File → Promise of measureImage's answer
    this.decoded = new WeakMap(); // File → Promise of decodeImage's answer
    this.files = [];
    this.previews = () => []; // the site's previews of the files, as they are when asked (attachments.js)
    this.input = () => null; // the site's file input
    this.report = null;
    this.seq = 0;
    // The last framing applied, `{original, made}` (Files), while its copy is attached: what "Undo" puts back.
    this.applied = null;
    this.actions = {
      canApply: (index) => this.canApply(index),
      apply: (index, surface) => this.apply(index, surface),
      undoable: (index) => this.applied?.made === this.files[index],
      undo: () => this.undo(),
    };
  }

  /**
   * The composer's attachments changed: `{files, previews(), input()}` from attachments.js. Analyses them again in two steps:
   * the crops from the images' headers at once (the panel shows every surface's rectangle, what is lost and the
   * warnings, the images drawn by the browser from object URLs or, for a photo with a usable EXIF thumbnail, from
   * the thumbnail's pixels once decoded, "analysing…"), then the saliency and the suggested
   * framings once the analysis-size copies are decoded. An answer for an older list of files is dropped.
   * @returns {Promise<void>} settled once the panel shows this list analysed (or a newer list)
   */
  async update({ files, previews, input }) {
    this.previews = previews;
    this.input = input;
    if (sameFiles(files, this.files)) return;
    this.files = files;
    if (this.applied && !files.includes(this.applied.made)) this.applied = null;
    const seq = ++this.seq;
    if (!files.length) {
      this.report = null;
      this.panel.clear();
      return;
    }
    this.panel.busy(files.length);
    try {
      const measured = await Promise.all(files.map((file) => this.measure(file)));
      if (seq !== this.seq) return;
      // The browser's decoders work off the main thread meanwhile: the crops are computed and drawn while they run.
      // An EXIF thumbnail is decoded on this thread (decode.js) once the crops are drawn.
      const early = measured.map((m, i) => (m.thumbnail ? null : this.decode(files[i], m)));
      const shown = measured.map((m, i) => ({ ...m, pixels: null, file: files[i] }));
      const geometry = await this.core.media(this.request(shown), new Uint8Array(0));
      if (seq !== this.seq) return;
      const pending = measured.some((m) => !m.note);
      this.report = geometry;
      this.panel.show(geometry, shown, { analysing: pending, actions: this.actions });
      if (!pending) return;
      const decoded = await Promise.all(files.map((file, i) => early[i] ?? this.decode(file, measured[i])));
      if (seq !== this.seq) return;
      const images = decoded.map((d, i) => ({ ...d, file: files[i] }));
      const report = await this.core.media(...this.analysisRequest(images));
      if (seq !== this.seq) return;
      this.report = report;
      this.panel.show(report, images, { analysing: false, actions: this.actions });
    } catch (error) {
      if (seq !== this.seq) return;
      this.report = null;
      this.panel.failed(String(error?.message || error));
    }
  }

  /** The core's request for these images (`{info, pixels}` each), with the site's previews' alt text. */
  request(images) {
    const previews = this.previews();
    return {
      platform: this.platform,
      purpose: 'post',
      images: images.map(({ info, pixels }, i) => ({
        ...info,
        alt_missing: this.altMissing(previews[i]),
        analysis: pixels ? { width: pixels.width, height: pixels.height } : null,
      })),
    };
  }

  /**
   * The core's request and buffer for the analysis: the images' pixels, one after the other. Through the service
   * worker, a photo analysed from its EXIF thumbnail sends the thumbnail's JPEG instead (the worker decodes it:
   * thumbnail.js `withThumbnailPixels`), a few tens of kilobytes rather than 768 KB of pixels over the port.
   */
  analysisRequest(images) {
    const request = this.request(images);
    if (this.core.path !== 'worker') return [request, concatBytes(images.map((image) => image.pixels?.data))];
    images.forEach(({ pixels }, i) => {
      if (!pixels?.jpeg) return;
      request.images[i].analysis = null;
      request.images[i].thumbnail = { bytes: pixels.jpeg.bytes.length, orientation: pixels.jpeg.orientation };
    });
    return [request, concatBytes(images.map(({ pixels }) => pixels?.jpeg?.bytes ?? pixels?.data))];
  }

  measure(file) {
    let measured = this.measured.get(file);
    if (!measured) {
      measured = measureImage(file);
      this.measured.set(file, measured);
    }
    return measured;
  }

  decode(file, measured) {
    let decoded = this.decoded.get(file);
    if (!decoded) {
      decoded = decodeImage(file, measured);
      this.decoded.set(file, decoded);
    }
    return decoded;
  }

  /** A framing can be applied where the site takes files by its input and removes the original by its button. */
  canApply(index) {
    return Boolean(this.input() && this.removeButton(index));
  }

  removeButton(index) {
    return (this.rules.remove && this.previews()[index]?.querySelector(this.rules.remove)) || null;
  }

  /**
   * The user asked for the suggested framing of image `index` on `surface`: a cropped copy replaces the original
   * through the site's own remove button and file input. The panel follows from the site's own change.
   */
  async apply(index, surface) {
    const original = this.files[index];
    const crop = this.report?.images[index]?.surfaces.find((s) => s.surface === surface)?.suggestion?.crop;
    if (!original || !crop || !this.canApply(index)) return;
    const { info } = await this.measure(original);
    const made = await framedFile(original, crop, info.type);
    const at = this.files.indexOf(original); // the user may have changed the attachments meanwhile
    if (at < 0 || !this.canApply(at)) return;
    const input = this.input();
    this.removeButton(at).click();
    handToSite(made, input);
    this.applied = { original, made };
  }

  /** Puts the original back the same way: the framed copy removed, the original given to the site's input. */
  undo() {
    const applied = this.applied;
    const index = applied ? this.files.indexOf(applied.made) : -1;
    if (index < 0 || !this.canApply(index)) return;
    const input = this.input();
    this.applied = null;
    this.removeButton(index).click();
    handToSite(applied.original, input);
  }

  /** The site offers alt text (its `alt` rule) and the image's preview shows none set. */
  altMissing(preview) {
    if (!this.rules.alt) return false;
    return !preview?.querySelector(this.rules.alt);
  }

  /** The media problems in the report's shape (contracts.md §2): about no span of the text. */
  problems() {
    return (this.report?.problems || []).map(({ kind, severity, message }) => ({
      kind,
      severity,
      message,
      start: 0,
      end: 0,
    }));
  }

  destroy() {
    this.seq++;
    this.panel.clear();
  }
}

function sameFiles(a, b) {
  return a.length === b.length && a.every((file, i) => file === b[i]);
}
