// The live character counter of one composer (contracts.md §3): count / limit in the platform's own unit,
// `near` from 90 %, `over` above the limit, and a spoken announcement (a polite live region) only when the state
// changes: crossing into `near` or `over`, and back under the limit.

import { platformFacts } from '../../shared/facts.js';
import { msg } from '../../shared/i18n.js';
import { unitName } from '../../shared/units.js';

export class Counter {
  /** @param {import('./host.js').Host} host */
  constructor(host) {
    this.element = document.createElement('span');
    this.element.dataset.stratege = 'counter';
    this.cut = document.createElement('span');
    this.cut.className = 'cut';
    this.cut.hidden = true;
    this.live = document.createElement('span');
    this.live.className = 'sr-only';
    this.live.setAttribute('aria-live', 'polite');
    host.bar.append(this.cut, this.element, this.live);
    this.state = null;
    /** The figures drawn last (`show`), null when none are. */
    this.drawn = null;
  }

  /**
   * Shows a report's length. The same figures again (the text read anew after a key the page refused) are left as
   * drawn: nothing on the page changes.
   */
  show(report) {
    const { count, limit, state, unit, preview_cut: cut } = report.length;
    const figures = `${report.platform} ${unit} ${count} ${limit} ${state} ${cut}`;
    if (figures === this.drawn) return;
    this.drawn = figures;
    const el = this.element;
    el.dataset.count = String(count);
    el.dataset.limit = String(limit);
    el.dataset.state = state;
    const facts = platformFacts(report.platform);
    const name = facts?.name || report.platform;
    el.title = msg('counterTitle', name, unitName(facts?.unit, unit));
    el.replaceChildren(text(formatNumber(count)), span('limit', `/${formatNumber(limit)}`));
    if (state === 'over') el.append(span('note', `−${formatNumber(count - limit)}`));
    if (state === 'near') el.append(span('note', msg('counterLeft', formatNumber(limit - count))));

    this.cut.hidden = cut === undefined;
    if (cut !== undefined) {
      this.cut.textContent = msg('counterFeedCut', formatNumber(cut));
      const { chars, lines } = facts.preview;
      this.cut.title = msg('counterFeedCutTitle', name, chars, lines);
    }
    if (state !== this.state) {
      if (this.state !== null) this.live.textContent = announcement(state, count, limit);
      this.state = state;
    }
  }

  /** Hides the count when the text cannot be measured (the core failed): no number is better than a wrong one. */
  clear() {
    this.drawn = null;
    const el = this.element;
    delete el.dataset.count;
    delete el.dataset.limit;
    delete el.dataset.state;
    el.replaceChildren();
    this.cut.hidden = true;
  }
}

/** What the live region says when the counter's state changes. */
function announcement(state, count, limit) {
  if (state === 'over') return msg('counterAnnounceOver', formatNumber(count - limit));
  if (state === 'near') return msg('counterAnnounceNear', formatNumber(limit - count));
  return msg('counterAnnounceOk');
}

const numberFormat = new Intl.NumberFormat(undefined);
function formatNumber(n) {
  return numberFormat.format(n);
}

function text(s) {
  return document.createTextNode(s);
}

function span(className, s) {
  const el = document.createElement('span');
  el.className = className;
  el.textContent = s;
  return el;
}
