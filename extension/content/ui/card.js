// The suggestion card opened from a mark or the tone indicator (contracts.md §3 `[data-stratege="card"]`):
// what is wrong in plain words, one `apply` button per fix, and `dismiss`. One card per composer at a time;
// Escape or a click elsewhere closes it and gives the focus back to the editor. It never covers the site's Post
// button or the counter row.

import { GAP, placeClear } from './place.js';

export class Card {
  /** @param {import('./host.js').Host} host */
  constructor(host) {
    this.layer = host.layer;
    this.element = null;
    this.onOutside = (event) => {
      if (this.element && !event.composedPath().includes(this.element)) this.close();
    };
    // Escape closes the card first, wherever the focus is (the site's own Escape would close its whole dialog).
    this.onEscape = (event) => {
      if (event.key !== 'Escape' || !this.element) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      this.close(true);
    };
  }

  /**
   * Opens a card under `near` (a viewport rect) with a title, paragraphs and actions:
   * `{ label, value?, stratege?: 'apply' | 'dismiss', run() }`, clear of the `avoid` rects. `onClose(returnFocus)`
   * runs once when it closes.
   */
  open({ near, avoid = [], title, lines, actions, onClose }) {
    this.close();
    const card = document.createElement('div');
    card.dataset.stratege = 'card';
    card.setAttribute('role', 'dialog');
    card.setAttribute('aria-label', title);
    const heading = document.createElement('p');
    heading.className = 'title';
    heading.textContent = title;
    card.append(heading);
    for (const line of lines) {
      const p = document.createElement('p');
      if (typeof line === 'string') p.textContent = line;
      else {
        p.className = line.className || '';
        p.append(...line.parts.map((part) => (typeof part === 'string' ? part : strong(part.strong))));
      }
      card.append(p);
    }
    const row = document.createElement('div');
    row.className = 'actions';
    for (const action of actions) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = action.label;
      if (action.stratege) button.dataset.stratege = action.stratege;
      if (action.value !== undefined) button.dataset.value = action.value;
      if (action.primary) button.className = 'primary';
      button.addEventListener('mousedown', (event) => event.preventDefault());
      button.addEventListener('click', () => {
        this.close(false);
        action.run();
      });
      row.append(button);
    }
    card.append(row);
    this.layer.append(card);
    this.element = card;
    this.onClose = onClose;
    this.place(near, avoid);
    setTimeout(() => document.addEventListener('mousedown', this.onOutside, true));
    addEventListener('keydown', this.onEscape, true);
    return card;
  }

  /** Below the flagged text, else above it, else below or above everything it must not cover. */
  place(near, avoid) {
    const all = [near, ...avoid];
    placeClear(
      this.element,
      this.layer,
      (_width, height) => [
        { left: near.left, top: near.bottom + GAP - 2 },
        { left: near.left, top: near.top - height - GAP + 2 },
        { left: near.left, top: Math.max(...all.map((r) => r.bottom)) + GAP },
        { left: near.left, top: Math.min(...all.map((r) => r.top)) - height - GAP },
      ],
      avoid,
    );
  }

  get isOpen() {
    return Boolean(this.element);
  }

  /** Closes the card; `returnFocus` tells the owner to put the focus back in the editor (Escape). */
  close(returnFocus = false) {
    if (!this.element) return;
    this.element.remove();
    this.element = null;
    document.removeEventListener('mousedown', this.onOutside, true);
    removeEventListener('keydown', this.onEscape, true);
    const onClose = this.onClose;
    this.onClose = null;
    onClose?.(returnFocus);
  }
}

function strong(text) {
  const b = document.createElement('strong');
  b.textContent = text;
  return b;
}
