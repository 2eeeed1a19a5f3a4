// The `<stratege-ui>` host of one composer: an element with an OPEN shadow root placed right after the
// composer's anchor (never inside the editor), holding Stratège's own styled UI, following the site's theme
// (light, dim or dark, from the colour behind the composer, looked at again when the page switches theme): a row
// under the composer (counter, tone) and an overlay layer (marks, cards, the review dialog).

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
    // The sites switch theme on the root or body element (a class, a style, an attribute) or follow the system's.
    this.onTheme = () => this.followTheme();
    this.themeObserver = new MutationObserver(this.onTheme);
    for (const element of [document.documentElement, document.body]) {
      if (element) this.themeObserver.observe(element, { attributes: true, attributeFilter: THEME_ATTRIBUTES });
    }
    this.scheme = matchMedia('(prefers-color-scheme: dark)');
    this.scheme.addEventListener('change', this.onTheme);
  }

  /** Puts the host back after its anchor if the site's re-render moved or dropped it. */
  attach() {
    if (this.anchor.isConnected && this.anchor.nextSibling !== this.element) this.anchor.after(this.element);
    this.followTheme();
  }

  /** The site's theme where the host is (`data-theme` = light | dim | dark), which picks the host's palette. */
  followTheme() {
    const theme = themeBehind(this.anchor.parentElement);
    if (this.element.dataset.theme !== theme) this.element.dataset.theme = theme;
  }

  remove() {
    this.themeObserver.disconnect();
    this.scheme.removeEventListener('change', this.onTheme);
    this.element.remove();
  }
}

/** Attributes whose change may switch a site's theme (X: body style; Facebook: a class on the root element). */
const THEME_ATTRIBUTES = ['class', 'style', 'data-theme', 'data-color-mode'];
/** Relative luminance (WCAG) below which a background is dark; below DARKEST, black as X's "Lights out". */
const DARK_BELOW = 0.4;
const DARKEST = 0.005;

/**
 * light, dim or dark, from the first opaque background behind an element: X's Default (white), Dim (rgb(21, 32,
 * 43)) and Lights out (black); Facebook's dark mode (grey surfaces) reads as dim, Instagram's (black) as dark. With
 * no opaque background, the page's color-scheme or else the system's.
 */
function themeBehind(element) {
  for (let node = element; node && node.nodeType === Node.ELEMENT_NODE; node = node.parentElement) {
    const rgba = parseColor(getComputedStyle(node).backgroundColor);
    if (rgba && rgba[3] > 0.5) {
      const l = luminance(rgba);
      return l >= DARK_BELOW ? 'light' : l < DARKEST ? 'dark' : 'dim';
    }
  }
  const scheme = getComputedStyle(document.documentElement).colorScheme;
  const dark =
    scheme.includes('dark') && (!scheme.includes('light') || matchMedia('(prefers-color-scheme: dark)').matches);
  return dark ? 'dark' : 'light';
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
