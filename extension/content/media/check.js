// The media check of one composer: when its attached images change, decodes each new file once (decode.js),
// sends the images' facts and analysis-size pixels to the core (`core.media`: in the page, or in the worker
// under a strict CSP), and shows the answer in the crop panel. Its problems (media-crop, media-size,
// media-count, media-format, media-alt) join the composer's report for the review before posting.

import { decodeImage } from './decode.js';
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
    this.decoded = new WeakMap(); // File → Promise of decodeImage's answer
    this.files = [];
    this.report = null;
    this.seq = 0;
  }

  /**
   * The composer's attachments changed: `{files, previews}` from attachments.js. Analyses them again; an answer
   * for an older list of files is dropped.
   * @returns {Promise<void>} settled once the panel shows this list (or a newer one)
   */
  async update({ files, previews }) {
    if (sameFiles(files, this.files)) return;
    this.files = files;
    const seq = ++this.seq;
    if (!files.length) {
      this.report = null;
      this.panel.clear();
      return;
    }
    this.panel.busy(files.length);
    try {
      const images = await Promise.all(files.map((file) => this.decode(file)));
      const request = {
        platform: this.platform,
        purpose: 'post',
        images: images.map(({ info, pixels }, i) => ({
          ...info,
          alt_missing: this.altMissing(previews[i]),
          analysis: pixels ? { width: pixels.width, height: pixels.height } : null,
        })),
      };
      const report = await this.core.media(request, concat(images.map((image) => image.pixels?.data)));
      if (seq !== this.seq) return;
      this.report = report;
      this.panel.show(report, images);
    } catch (error) {
      if (seq !== this.seq) return;
      this.report = null;
      this.panel.failed(String(error?.message || error));
    }
  }

  decode(file) {
    let decoded = this.decoded.get(file);
    if (!decoded) {
      decoded = decodeImage(file);
      this.decoded.set(file, decoded);
    }
    return decoded;
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

/** The analysed images' pixels one after the other, as the core's request announces them. */
function concat(parts) {
  const present = parts.filter(Boolean);
  const all = new Uint8Array(present.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of present) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}
