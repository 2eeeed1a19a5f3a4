// The crop preview panel (contracts.md §3 `[data-stratege="crop-preview"]`), in the composer's `<stratege-ui>`
// host: for each attached image, one `[data-stratege="crop"]` per surface of the platform (`data-platform`,
// `data-surface`, `data-rect` = "x,y,w,h" in source pixels) drawn as a thumbnail with the cut area dimmed, the
// kept area outlined and the suggested framing dashed (the Instagram profile grid is shown as the grid shows
// it); then the suggestion in words (only a suggestion: nothing is cropped), the notes on images that could not
// be previewed, the warnings on size, count and format, and the alt-text reminder. Shown first from the images'
// headers, each image drawn by the browser from an object URL of the user's file (the sites' CSPs allow blob:
// images; where one does not, grey until the analysis pixels come), then drawn on canvases from the analysis
// pixels with the suggestions.

import { msg } from '../../shared/i18n.js';

/** The longest side of a thumbnail, in CSS pixels. */
const THUMB = 112;
/** The panel scrolls past this height, so that a site's dialog keeps its own buttons in view. */
const MAX_HEIGHT = 240;
/** Surfaces shown as the site shows them (the kept area only) rather than as a cut of the whole image. */
const AS_SHOWN = new Set(['grid']);

const STYLES = `
[data-stratege="crop-preview"] {
  margin: 4px 0; padding: 8px; border: 1px solid var(--card-border); border-radius: 8px;
  background: var(--card-bg); color: var(--card-fg); font-size: 12px; line-height: 16px;
  max-height: ${MAX_HEIGHT}px; overflow-y: auto; overscroll-behavior: contain;
}
[data-stratege="crop-preview"] h3 { margin: 0 0 6px; font-size: 13px; }
.media-image + .media-image { margin-top: 8px; border-top: 1px solid var(--card-border); padding-top: 8px; }
.media-meta { color: var(--muted); margin-bottom: 4px; }
.media-crops { display: flex; flex-wrap: wrap; gap: 8px; }
[data-stratege="crop"] { margin: 0; display: flex; flex-direction: column; align-items: flex-start; max-width: ${THUMB + 8}px; }
[data-stratege="crop"] canvas { display: block; border-radius: 3px; }
.media-frame { position: relative; overflow: hidden; border-radius: 3px; background: rgb(128, 128, 128); }
.media-frame img, .media-frame canvas { position: absolute; left: 0; top: 0; max-width: none; }
[data-stratege="crop"] figcaption { margin-top: 2px; }
.media-suggestion { margin: 4px 0 0; }
.media-action {
  margin: 4px 0 0; padding: 2px 10px; border: 1px solid var(--card-border); border-radius: 12px;
  background: transparent; color: inherit; font: inherit; cursor: pointer;
}
.media-action:focus-visible { outline: 2px solid rgb(29, 155, 240); outline-offset: 1px; }
.media-action:disabled { opacity: 0.6; cursor: default; }
.media-note, .media-warnings li[data-severity="warning"], .media-warnings li[data-severity="error"] { color: var(--over); }
.media-warnings { margin: 6px 0 0; padding-left: 16px; }
.media-alt { margin: 6px 0 0; color: var(--muted); }
`;

export class CropPanel {
  /** @param {import('./host.js').Host} host */
  constructor(host) {
    this.host = host;
    this.element = null;
    this.urls = new Map(); // File → object URL
  }

  /** Shows that the attached images are being read. */
  busy(count) {
    const panel = this.panel();
    panel.dataset.state = 'analysing';
    panel.replaceChildren(heading(msg('mediaPanelTitle')), text('p', 'media-meta', msg('mediaAnalysing', count)));
  }

  /**
   * Shows an analysis: the crops from the images' headers while the saliency is `analysing` (`data-state`
   * "measured", the images drawn by the browser from object URLs of the user's own files, or grey while a photo's
   * EXIF thumbnail is decoded in its stead: `thumbnail` set), then the full analysis
   * with the suggested framings (`data-state` "ready", drawn from the analysis pixels).
   * @param {object} report the core's MediaReport
   * @param {{info: object, pixels: object | null, note: string | null, thumbnail?: object | null, file: File}[]}
   *   images in order
   * @param {{analysing: boolean, actions?: object}} options `actions` (media/check.js): `canApply(index)`,
   *   `apply(index, surface)`, `undoable(index)`, `undo()`, for the "Apply this framing" and "Undo" buttons
   */
  show(report, images, { analysing, actions = null }) {
    const panel = this.panel();
    panel.dataset.state = analysing ? 'measured' : 'ready';
    panel.dataset.platform = report.platform;
    this.keepUrls(images.map((image) => image.file));
    const parts = [heading(msg('mediaPanelTitle'))];
    for (const image of report.images) {
      const decoded = images[image.index];
      // A photo whose EXIF thumbnail will stand for it is drawn from the thumbnail's pixels, a few tens of
      // milliseconds later: the browser's own drawing of the full file would decode it again beside them.
      const drawn = !decoded?.pixels && !decoded?.note && !decoded?.thumbnail && decoded?.file;
      const url = drawn ? this.urlOf(decoded.file) : null;
      parts.push(imageBlock(report.platform, image, decoded, url, analysing ? null : actions));
    }
    if (analysing) parts.push(text('p', 'media-meta media-analysing', msg('mediaAnalysingDetail')));
    const warnings = report.problems.filter((p) => p.kind !== 'media-crop' && p.kind !== 'media-alt');
    if (warnings.length) {
      const list = document.createElement('ul');
      list.className = 'media-warnings';
      for (const problem of warnings) {
        const item = text('li', '', warningText(problem, report));
        item.dataset.kind = problem.kind;
        item.dataset.severity = problem.severity;
        list.append(item);
      }
      parts.push(list);
    }
    if (report.problems.some((p) => p.kind === 'media-alt'))
      parts.push(text('p', 'media-alt', msg('mediaAltReminder')));
    panel.replaceChildren(...parts);
  }

  /** An object URL of the user's file, made once: the browser draws it, nothing leaves the page. */
  urlOf(file) {
    let url = this.urls.get(file);
    if (!url) {
      url = URL.createObjectURL(file);
      this.urls.set(file, url);
    }
    return url;
  }

  /** Revokes the object URLs of files no longer attached (all of them with no list). */
  keepUrls(files = []) {
    for (const [file, url] of this.urls) {
      if (files.includes(file)) continue;
      URL.revokeObjectURL(url);
      this.urls.delete(file);
    }
  }

  /** Shows why the images could not be analysed at all. */
  failed(why) {
    const panel = this.panel();
    panel.dataset.state = 'error';
    panel.replaceChildren(heading(msg('mediaPanelTitle')), text('p', 'media-note', msg('mediaFailed', why)));
  }

  clear() {
    this.keepUrls();
    this.element?.remove();
    this.element = null;
  }

  panel() {
    if (!this.element) {
      const style = document.createElement('style');
      style.textContent = STYLES;
      this.element = document.createElement('section');
      this.element.dataset.stratege = 'crop-preview';
      this.element.setAttribute('aria-label', msg('mediaPanelTitle'));
      this.host.bar.after(style, this.element);
      this.style = style;
    }
    return this.element;
  }
}

function imageBlock(platform, image, decoded, url, actions) {
  const block = document.createElement('div');
  block.className = 'media-image';
  block.dataset.image = String(image.index);
  const size = image.width ? msg('mediaSize', image.width, image.height) : msg('mediaSizeUnknown');
  block.append(
    text('div', 'media-meta', msg('mediaMeta', image.index + 1, size, formatName(image.format), bytes(image.bytes))),
  );
  if (decoded?.note) block.append(text('p', 'media-note', noteText(decoded.note, image)));
  const crops = document.createElement('div');
  crops.className = 'media-crops';
  for (const surface of image.surfaces) crops.append(cropFigure(platform, image, surface, decoded?.pixels, url));
  block.append(crops);
  const applicable = Boolean(actions?.canApply(image.index));
  for (const surface of image.surfaces.filter((s) => s.suggestion)) {
    const { suggestion } = surface;
    block.append(
      text(
        'p',
        'media-suggestion',
        msg(
          applicable ? 'mediaSuggestionApplicable' : 'mediaSuggestion',
          surfaceName(platform, surface),
          suggestion.rect,
          percent(suggestion.detail_kept),
          percent(suggestion.detail_kept_by_platform),
        ),
      ),
    );
    if (applicable) {
      block.append(
        button('media-apply', msg('mediaApplyFraming', surfaceName(platform, surface)), () =>
          actions.apply(image.index, surface.surface),
        ),
      );
    }
  }
  if (actions?.undoable(image.index)) {
    block.append(
      text('p', 'media-meta', msg('mediaFramedCopy', decoded.file.name)),
      button('media-undo', msg('mediaUndoFraming'), () => actions.undo()),
    );
  }
  return block;
}

/** A panel button (`data-stratege` = `hook`) that runs `action` once per click, disabled meanwhile. */
function button(hook, label, action) {
  const element = text('button', 'media-action', label);
  element.type = 'button';
  element.dataset.stratege = hook;
  element.addEventListener('click', async () => {
    element.disabled = true;
    try {
      await action();
    } finally {
      element.disabled = false;
    }
  });
  return element;
}

function cropFigure(platform, image, surface, pixels, url) {
  const figure = document.createElement('figure');
  figure.dataset.stratege = 'crop';
  figure.dataset.platform = platform;
  figure.dataset.surface = surface.surface;
  figure.dataset.rect = surface.rect;
  if (surface.suggestion) figure.dataset.suggested = surface.suggestion.rect;
  if (surface.approximate) figure.dataset.approximate = '';
  figure.append(thumbnail(image, surface, pixels, url));
  const name = surfaceName(platform, surface) + (surface.approximate ? ` ${msg('mediaApproximate')}` : '');
  const lost = surface.area_lost > 0 ? msg('mediaAreaLost', percent(surface.area_lost)) : msg('mediaNothingLost');
  const detail = surface.detail_lost > 0 ? ` ${msg('mediaDetailLost', percent(surface.detail_lost))}` : '';
  const caption = document.createElement('figcaption');
  caption.append(text('b', '', name), document.createElement('br'), `${lost}${detail}`);
  figure.append(caption);
  figure.setAttribute('aria-label', `${name}: ${lost}${detail}`);
  return figure;
}

/**
 * The image with the surface's cut: dimmed outside the kept area, outlined; the suggestion dashed. Drawn from the
 * analysis pixels, or else laid over the browser's own drawing of the file (`url`), or over grey.
 */
function thumbnail(image, surface, pixels, url) {
  const asShown = AS_SHOWN.has(surface.surface);
  const view = asShown ? surface.crop : { x: 0, y: 0, w: image.width, h: image.height };
  const scale = THUMB / Math.max(view.w, view.h);
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(view.w * scale));
  canvas.height = Math.max(1, Math.round(view.h * scale));
  const context = canvas.getContext('2d');
  const source = pixels && sourceCanvas(pixels);
  if (source) {
    const k = pixels.width / image.width;
    context.drawImage(source, view.x * k, view.y * k, view.w * k, view.h * k, 0, 0, canvas.width, canvas.height);
  } else if (!url) {
    context.fillStyle = 'rgb(128, 128, 128)';
    context.fillRect(0, 0, canvas.width, canvas.height);
  }
  if (!asShown) {
    const { x, y, w, h } = surface.crop;
    const kept = [x * scale, y * scale, w * scale, h * scale];
    context.fillStyle = 'rgba(0, 0, 0, 0.6)';
    context.beginPath();
    context.rect(0, 0, canvas.width, canvas.height);
    context.rect(...kept);
    context.fill('evenodd');
    context.strokeStyle = 'rgb(255, 255, 255)';
    context.lineWidth = 2;
    context.strokeRect(...kept);
    if (surface.suggestion) {
      const s = surface.suggestion.crop;
      context.setLineDash([4, 3]);
      context.strokeStyle = 'rgb(29, 155, 240)';
      context.strokeRect(s.x * scale, s.y * scale, s.w * scale, s.h * scale);
    }
  }
  if (source || !url) return canvas;
  // The browser decodes and draws the file itself, off the main thread; the cut is drawn over it.
  const frame = document.createElement('div');
  frame.className = 'media-frame';
  frame.style.width = `${canvas.width}px`;
  frame.style.height = `${canvas.height}px`;
  const picture = document.createElement('img');
  picture.alt = '';
  picture.decoding = 'async';
  picture.style.width = `${image.width * scale}px`;
  picture.style.height = `${image.height * scale}px`;
  picture.style.left = `${-view.x * scale}px`;
  picture.style.top = `${-view.y * scale}px`;
  picture.addEventListener('error', () => picture.remove());
  picture.src = url;
  frame.append(picture, canvas);
  return frame;
}

const sources = new WeakMap();
/** The analysis pixels on a canvas of their own, once per image. */
function sourceCanvas(pixels) {
  let canvas = sources.get(pixels);
  if (!canvas) {
    canvas = new OffscreenCanvas(pixels.width, pixels.height);
    canvas.getContext('2d').putImageData(new ImageData(pixels.data, pixels.width, pixels.height), 0, 0);
    sources.set(pixels, canvas);
  }
  return canvas;
}

function surfaceName(platform, surface) {
  const key = `mediaSurface_${platform}_${surface.surface.replace(/-/g, '_')}`;
  const name = msg(key);
  return name === key ? surface.label : name;
}

function noteText(note, image) {
  if (note === 'too-large') return msg('mediaNoteTooLarge', Math.round((image.width * image.height) / 1e6));
  if (note === 'corrupt') return msg('mediaNoteCorrupt');
  return msg('mediaNoteUnsupported', formatName(image.format));
}

/** A warning in the interface's language, from the problem's kind and the image it is about. */
function warningText(problem, report) {
  const image = problem.image === undefined ? null : report.images[problem.image];
  const which = image ? msg('mediaImageNumber', image.index + 1) : msg('mediaThePost');
  switch (problem.kind) {
    case 'media-size':
      // Over the platform's file size limit (the core says which), or else too small.
      if (image && problem.limit_bytes)
        return msg('mediaWarnSize', which, bytes(image.bytes), bytes(problem.limit_bytes));
      return msg('mediaWarnSmall', which, image?.width ?? 0, image?.height ?? 0);
    case 'media-count':
      return msg('mediaWarnCount', report.images.length);
    case 'media-format':
      return msg('mediaWarnFormat', which, image ? formatName(image.format) : '');
    default:
      return problem.message;
  }
}

function formatName(format) {
  return (
    { jpeg: 'JPEG', png: 'PNG', gif: 'GIF', webp: 'WebP', avif: 'AVIF', heic: 'HEIC', bmp: 'BMP', tiff: 'TIFF' }[
      format
    ] || msg('mediaFormatUnknown')
  );
}

function percent(share) {
  const p = share * 100;
  return p > 0 && p < 0.5 ? '<1' : String(Math.round(p));
}

function bytes(n) {
  if (n >= 1e6) return msg('mediaMegabytes', (Math.round(n / 1e5) / 10).toLocaleString(chrome.i18n.getUILanguage()));
  return msg('mediaKilobytes', Math.max(1, Math.round(n / 1e3)));
}

function heading(label) {
  return text('h3', '', label);
}

function text(tag, className, content) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  element.textContent = content;
  return element;
}
