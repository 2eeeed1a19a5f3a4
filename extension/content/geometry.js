// Where a span of the composer's text is on screen: client rects of a DOM Range over the editor's own text, or,
// for a form field (whose text has no DOM), of the same span in a hidden mirror laid out like the field.

import { TextMap } from './text-map.js';

/** Styles a mirror must share with its field to wrap its text at the same places. */
const MIRRORED = [
  'boxSizing',
  'width',
  'height',
  'overflowX',
  'overflowY',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'borderStyle',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'fontStyle',
  'fontVariant',
  'fontWeight',
  'fontStretch',
  'fontSize',
  'fontSizeAdjust',
  'lineHeight',
  'fontFamily',
  'textAlign',
  'textTransform',
  'textIndent',
  'letterSpacing',
  'wordSpacing',
  'tabSize',
  'direction',
  'writingMode',
  'fontFeatureSettings',
  'fontKerning',
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
  rects(start, end, map = this.snapshot(end)) {
    try {
      return lineRects(map.range(start, end).getClientRects(), map.scrollShort);
    } catch {
      return []; // the text changed under the report: nothing is drawn rather than something in a wrong place
    }
  }

  /**
   * The editor's text as it is now, able to give a DOM Range over any span: a TextMap of a contenteditable, or
   * for a form field its mirror, laid out like the field once per pass, with the field's text up to `upTo` (the
   * last offset that pass measures) and the rest of its word.
   */
  snapshot(upTo = Number.POSITIVE_INFINITY) {
    return this.kind === 'field' ? this.syncMirror(upTo) : new TextMap(this.editor, this.kind);
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

  /**
   * Lays the mirror out like the field (styles, text up to `upTo`, place, scroll); answers ranges over the
   * mirror's text, and `scrollShort`: how far the mirror could not scroll as the field is, for lack of the text
   * left out (its rects are that much lower and further right than the field's).
   */
  syncMirror(upTo) {
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
    const text = mirrorText(field.value, upTo);
    if (mirror.textContent !== text) mirror.textContent = text;
    const box = field.getBoundingClientRect();
    const origin = this.layer.getBoundingClientRect();
    mirror.style.left = `${box.left - origin.left}px`;
    mirror.style.top = `${box.top - origin.top}px`;
    mirror.scrollTop = field.scrollTop;
    mirror.scrollLeft = field.scrollLeft;
    const scrollShort = { x: field.scrollLeft - mirror.scrollLeft, y: field.scrollTop - mirror.scrollTop };
    const node = mirror.firstChild;
    return {
      scrollShort,
      range(start, end) {
        const range = document.createRange();
        range.setStart(node, start); // throws past the text (no node, or an outdated span): nothing is drawn
        range.setEnd(node, end);
        return range;
      },
    };
  }

  destroy() {
    this.mirror?.remove();
  }
}

/**
 * Characters of a field's text kept in its mirror past the last offset measured, at most, looking for the end of
 * the word there (a word wraps whole); a pasted text of hundreds of thousands of characters would otherwise be
 * laid out again at every pass, for seconds.
 */
const WORD_SLACK = 200;

/** `text` up to `upTo` and the rest of the word there (all of it when shorter). */
function mirrorText(text, upTo) {
  if (upTo >= text.length) return text;
  const space = text.slice(upTo, upTo + WORD_SLACK).search(/\s/);
  return text.slice(0, upTo + (space < 0 ? WORD_SLACK : space));
}

/**
 * One rect per line box: a range over inline elements yields a rect per element fragment as well; keep the
 * non-empty ones and merge those on the same line.
 */
function lineRects(list, shift = { x: 0, y: 0 }) {
  const out = [];
  for (const fragment of list) {
    if (fragment.width < 0.5 || fragment.height < 0.5) continue;
    const r = {
      left: fragment.left - shift.x,
      right: fragment.right - shift.x,
      top: fragment.top - shift.y,
      bottom: fragment.bottom - shift.y,
      height: fragment.height,
    };
    const same = out.find(
      (o) => Math.abs(o.top - r.top) < r.height / 2 && Math.abs(o.bottom - r.bottom) < r.height / 2,
    );
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
