// Where a span of the composer's text is on screen: client rects of a DOM Range over the editor's own text, or,
// for a form field (whose text has no DOM), of the same span in a hidden mirror laid out like the field.

import { TextMap } from './text-map.js';

/** Styles a mirror must share with its field to wrap its text at the same places. */
const MIRRORED = [
  'boxSizing', 'width', 'height', 'overflowX', 'overflowY', 'borderTopWidth', 'borderRightWidth',
  'borderBottomWidth', 'borderLeftWidth', 'borderStyle', 'paddingTop', 'paddingRight', 'paddingBottom',
  'paddingLeft', 'fontStyle', 'fontVariant', 'fontWeight', 'fontStretch', 'fontSize', 'fontSizeAdjust',
  'lineHeight', 'fontFamily', 'textAlign', 'textTransform', 'textIndent', 'letterSpacing', 'wordSpacing',
  'tabSize', 'direction', 'writingMode', 'fontFeatureSettings', 'fontKerning',
];

export class Geometry {
  /**
   * @param {Element} editor the editable element
   * @param {string} kind its editor kind (editor-text.js)
   * @param {Element} layer the overlay layer (inside the host's shadow root) that may hold a field's mirror
   */
  constructor(editor, kind, layer) {
    this.editor = editor;
    this.kind = kind;
    this.layer = layer;
    this.mirror = null;
  }

  /**
   * Client rects (viewport coordinates) of the text between two UTF-16 offsets, one per line box. `map`: a
   * TextMap of the editor as it is now, when several spans are measured in one pass.
   */
  rects(start, end, map = this.snapshot()) {
    if (this.kind === 'field') return this.fieldRects(start, end);
    try {
      return lineRects(map.range(start, end).getClientRects());
    } catch {
      return []; // the text changed under the report: nothing is drawn rather than something in a wrong place
    }
  }

  /** A map of the editor's text to its DOM as it is now (null for a form field, which needs none). */
  snapshot() {
    return this.kind === 'field' ? null : new TextMap(this.editor, this.kind);
  }

  /** The visible part of the editor: marks outside it (scrolled away) are not drawn. */
  clip() {
    let rect = this.editor.getBoundingClientRect();
    let box = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
    for (let node = this.editor.parentElement; node && node !== document.body; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.overflowY === 'visible' && style.overflowX === 'visible') continue;
      rect = node.getBoundingClientRect();
      box = {
        left: Math.max(box.left, rect.left),
        top: Math.max(box.top, rect.top),
        right: Math.min(box.right, rect.right),
        bottom: Math.min(box.bottom, rect.bottom),
      };
    }
    return box;
  }

  fieldRects(start, end) {
    const field = this.editor;
    if (!this.mirror) {
      this.mirror = document.createElement('div');
      this.mirror.className = 'mirror';
      this.mirror.setAttribute('aria-hidden', 'true');
      this.layer.append(this.mirror);
    }
    const mirror = this.mirror;
    const style = getComputedStyle(field);
    for (const name of MIRRORED) mirror.style[name] = style[name];
    mirror.style.whiteSpace = field instanceof HTMLTextAreaElement ? 'pre-wrap' : 'pre';
    const value = field.value;
    mirror.textContent = value;
    const box = field.getBoundingClientRect();
    const origin = this.layer.getBoundingClientRect();
    mirror.style.left = `${box.left - origin.left}px`;
    mirror.style.top = `${box.top - origin.top}px`;
    mirror.scrollTop = field.scrollTop;
    mirror.scrollLeft = field.scrollLeft;
    const node = mirror.firstChild;
    if (!node || end > value.length) return [];
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    return lineRects(range.getClientRects());
  }

  destroy() {
    this.mirror?.remove();
  }
}

/**
 * One rect per line box: a range over inline elements yields a rect per element fragment as well; keep the
 * non-empty ones and merge those on the same line.
 */
function lineRects(list) {
  const out = [];
  for (const r of list) {
    if (r.width < 0.5 || r.height < 0.5) continue;
    const same = out.find((o) => Math.abs(o.top - r.top) < r.height / 2 && Math.abs(o.bottom - r.bottom) < r.height / 2);
    if (same) {
      same.left = Math.min(same.left, r.left);
      same.right = Math.max(same.right, r.right);
      same.top = Math.min(same.top, r.top);
      same.bottom = Math.max(same.bottom, r.bottom);
    } else {
      out.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    }
  }
  return out;
}
