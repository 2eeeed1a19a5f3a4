// The reply-tone indicator of one composer (contracts.md §3 `[data-stratege="tone"]`, `data-level` = caution |
// hostile), shown in the counter row only when the tone deserves a second look; activating it opens its card.

import { msg } from '../../shared/i18n.js';

const LABELS = { caution: () => msg('toneCaution'), hostile: () => msg('toneHostile') };

export class ToneIndicator {
  /**
   * @param {import('./host.js').Host} host
   * @param {(element: Element) => void} open called when the indicator is clicked or activated by keyboard
   */
  constructor(host, open) {
    const el = document.createElement('span');
    el.dataset.stratege = 'tone';
    el.setAttribute('role', 'button');
    el.tabIndex = 0;
    el.hidden = true;
    el.addEventListener('mousedown', (event) => event.preventDefault());
    el.addEventListener('click', () => open(el));
    el.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        open(el);
      }
    });
    this.live = document.createElement('span');
    this.live.className = 'sr-only';
    this.live.setAttribute('aria-live', 'polite');
    host.bar.prepend(el, this.live);
    this.element = el;
    this.level = 'ok';
  }

  /** Shows a report's tone: hidden when it is ok or was not checked. */
  show(tone) {
    const level = tone?.checked && tone.level !== 'ok' ? tone.level : 'ok';
    const el = this.element;
    el.hidden = level === 'ok';
    if (level === 'ok') delete el.dataset.level;
    else {
      el.dataset.level = level;
      el.textContent = LABELS[level]();
      el.title = msg('toneTitle', LABELS[level](), Math.round(tone.score * 100));
    }
    if (level !== this.level && level !== 'ok') this.live.textContent = LABELS[level]();
    this.level = level;
  }
}
