// A short note in the composer's bar when the latest review left hashtags' spelling unjudged by its bounds (the
// report's `hashtags_not_checked`, each tag's `not_checked`: too many tags, too long, or the time of one review
// used up while the rest is still being checked); hidden otherwise. Its title says why.

import { msg } from '../../shared/i18n.js';

export class UncheckedNote {
  /** @param {import('./host.js').Host} host */
  constructor(host) {
    this.element = document.createElement('span');
    this.element.dataset.stratege = 'unchecked';
    this.element.className = 'cut';
    this.element.hidden = true;
    host.bar.prepend(this.element);
  }

  /** Shows how many hashtags a review left unchecked, and why (hidden when none). */
  show(report) {
    const count = report.hashtags_not_checked ?? 0;
    const el = this.element;
    el.hidden = count === 0;
    el.dataset.count = String(count);
    if (count === 0) return;
    const reasons = new Set(report.hashtags.map((tag) => tag.not_checked).filter(Boolean));
    el.textContent = msg('reviewUncheckedTags', count.toLocaleString());
    el.title = [...reasons].map((reason) => msg(REASON_KEYS[reason] ?? 'reviewUncheckedTooMany')).join(' ');
  }
}

/** The message explaining each `not_checked` reason of the core (src/report.rs `NotChecked`). */
const REASON_KEYS = {
  'too-many': 'reviewUncheckedTooMany',
  'too-long': 'reviewUncheckedTooLong',
  'time-budget': 'reviewUncheckedTimeBudget',
};
