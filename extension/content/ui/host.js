// The `<stratege-ui>` host of one composer: an element with an OPEN shadow root placed right after the
// composer's anchor (never inside the editor), holding Stratège's own styled UI, following the site's theme:
// a row under the composer (counter, tone) and an overlay layer (marks, cards).

import STYLES from './styles.js';

export class Host {
  /** @param {Element} anchor the element the host follows */
  constructor(anchor) {
    this.anchor = anchor;
    this.element = document.createElement('stratege-ui');
    this.root = this.element.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = STYLES;
    this.bar = document.createElement('div');
    this.bar.className = 'bar';
    // Marks, cards and mirrors: a fixed, zero-size layer whose own position tells where its coordinates start
    // (a transformed modal makes it relative to the modal instead of the viewport).
    this.layer = document.createElement('div');
    this.layer.className = 'layer';
    this.root.append(style, this.bar, this.layer);
    this.attach();
  }

  /** Puts the host back after its anchor if the site's re-render moved or dropped it. */
  attach() {
    if (this.anchor.isConnected && this.anchor.nextSibling !== this.element) this.anchor.after(this.element);
    this.followTheme();
  }

  /** Light or dark, from the first opaque background behind the host (X and Facebook have their own themes). */
  followTheme() {
    this.element.dataset.theme = isDark(this.anchor.parentElement) ? 'dark' : 'light';
  }

  remove() {
    this.element.remove();
  }
}

function isDark(element) {
  for (let node = element; node && node.nodeType === Node.ELEMENT_NODE; node = node.parentElement) {
    const rgba = parseColor(getComputedStyle(node).backgroundColor);
    if (rgba && rgba[3] > 0.5) return luminance(rgba) < 0.4;
  }
  return matchMedia('(prefers-color-scheme: dark)').matches;
}

function parseColor(css) {
  const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(css || '');
  return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : null;
}

function luminance([r, g, b]) {
  const lin = (c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
