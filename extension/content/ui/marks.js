// Underlines over flagged text (contracts.md §3 `[data-stratege="mark"]`), drawn in the host's overlay layer
// from the client rects of the flagged span, never inside the editor. They follow scrolling, resizing, line
// wrapping and transformed modals, and are redrawn at most once per frame.

/** A mark is a strip this tall under the text: clickable, yet leaving the text itself to the editor. */
const STRIP_PX = 5;
/**
 * Underlines drawn at most, the first ones in the text: a pasted list of thousands of tags (each past the
 * platform's hashtag limit is a problem) would take seconds of layout per frame. The review dialog still lists
 * every problem; far more than a composer shows at once.
 */
const MAX_DRAWN = 200;

export class Marks {
  /**
   * @param {import('./host.js').Host} host
   * @param {import('../geometry.js').Geometry} geometry
   * @param {(mark: object, element: Element) => void} open called when a mark is clicked or activated by keyboard
   */
  constructor(host, geometry, open) {
    this.layer = host.layer;
    this.geometry = geometry;
    this.open = open;
    this.items = []; // { mark, element }
    this.frame = 0;
    this.onMove = () => this.requestDraw();
    addEventListener('scroll', this.onMove, { capture: true, passive: true });
    addEventListener('resize', this.onMove, { passive: true });
    this.resizeObserver = new ResizeObserver(this.onMove);
    this.resizeObserver.observe(geometry.editor);
  }

  /**
   * Shows these marks: `{ kind, start, end, text, ... }` with UTF-16 offsets into the composer's text. Elements
   * are reused for marks that are still there, so a redraw after each keystroke does not flicker; they are placed
   * in the next animation frame, once per frame however many edits came.
   */
  show(marks) {
    const keep = new Map(this.items.map((item) => [item.key, item]));
    this.items = keyed(marks.slice(0, MAX_DRAWN)).map(({ mark, key }) => {
      const old = keep.get(key);
      if (old) {
        keep.delete(key);
        old.mark = mark;
        return old;
      }
      return { mark, key, element: this.create(mark) };
    });
    for (const item of keep.values()) item.element.remove();
    this.requestDraw();
  }

  create(mark) {
    const element = document.createElement('div');
    element.dataset.stratege = 'mark';
    element.dataset.kind = mark.kind;
    element.dataset.text = mark.text;
    element.hidden = true; // until placed by the next drawing pass
    element.tabIndex = 0;
    element.setAttribute('role', 'button');
    element.setAttribute('aria-label', mark.label);
    element.title = mark.label;
    // Keep the editor's focus and selection: the caret must be where the user left it when a fix is applied.
    element.addEventListener('mousedown', (event) => event.preventDefault());
    element.addEventListener('click', () => this.open(this.itemOf(element).mark, element));
    element.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        this.open(this.itemOf(element).mark, element);
      }
    });
    this.layer.append(element);
    return element;
  }

  itemOf(element) {
    return this.items.find((item) => item.element === element);
  }

  /** The mark whose span holds a text offset (a click in the flagged word opens its card too). */
  at(offset) {
    return this.items.find(({ mark }) => offset >= mark.start && offset <= mark.end)?.mark || null;
  }

  elementOf(mark) {
    return this.items.find((item) => item.mark === mark)?.element || null;
  }

  requestDraw() {
    if (this.frame || !this.items.length) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /** Places every mark under its text, in the layer's coordinates (the layer may sit in a transformed modal). */
  draw() {
    if (!this.items.length) return;
    const origin = this.layer.getBoundingClientRect();
    const clip = this.geometry.clip();
    const map = this.geometry.snapshot(Math.max(...this.items.map(({ mark }) => mark.end)));
    // Every rect is read before any mark moves: a write between two reads would lay the page out again each time.
    const placed = this.items.map(({ mark, element }) => ({
      element,
      rects: this.geometry
        .rects(mark.start, mark.end, map)
        .filter((r) => r.bottom > clip.top && r.top < clip.bottom && r.right > clip.left && r.left < clip.right),
    }));
    for (const { element, rects } of placed) {
      element.hidden = rects.length === 0;
      if (!rects.length) continue;
      const first = rects[0];
      const left = Math.max(first.left, clip.left);
      const right = Math.min(first.right, clip.right);
      const top = Math.min(first.bottom, clip.bottom) - STRIP_PX + 1;
      element.style.transform = `translate(${left - origin.left}px, ${top - origin.top}px)`;
      element.style.width = `${Math.max(right - left, 4)}px`;
      // A span wrapped over several lines: one more strip per line, placed relative to the first.
      const extra = rects.slice(1).map((r) => {
        const strip = document.createElement('span');
        strip.className = 'more';
        strip.style.transform = `translate(${Math.max(r.left, clip.left) - left}px, ${r.bottom - first.bottom}px)`;
        strip.style.width = `${Math.min(r.right, clip.right) - Math.max(r.left, clip.left)}px`;
        return strip;
      });
      element.replaceChildren(...extra);
    }
  }

  clear() {
    this.show([]);
  }

  destroy() {
    cancelAnimationFrame(this.frame);
    removeEventListener('scroll', this.onMove, { capture: true });
    removeEventListener('resize', this.onMove);
    this.resizeObserver.disconnect();
    this.clear();
  }
}

/**
 * A key per mark that survives edits elsewhere in the text (which move its offsets): its kind, its text and
 * which occurrence of that pair it is. A mark whose element can be reused is not redrawn from scratch.
 */
function keyed(marks) {
  const seen = new Map();
  return marks.map((mark) => {
    const base = `${mark.kind}|${mark.text}`;
    const n = (seen.get(base) || 0) + 1;
    seen.set(base, n);
    return { mark, key: `${base}|${n}` };
  });
}
