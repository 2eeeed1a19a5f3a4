// The live character counter of one composer (contracts.md §3): count / limit in the platform's own unit,
// `near` from 90 %, `over` above the limit, and a spoken announcement only when the state changes.

import { platformFacts } from '../../shared/facts.js';

/** Small counts in words, for sentences such as "three lines". */
const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

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
  }

  /** Shows a report's length. */
  show(report) {
    const { count, limit, state, unit, preview_cut: cut } = report.length;
    const el = this.element;
    el.dataset.count = String(count);
    el.dataset.limit = String(limit);
    el.dataset.state = state;
    const facts = platformFacts(report.platform);
    el.title = `${facts?.name || report.platform} counts ${unit}`;
    el.replaceChildren(text(formatNumber(count)), span('limit', `/${formatNumber(limit)}`));
    if (state === 'over') el.append(span('note', `−${formatNumber(count - limit)}`));
    if (state === 'near') el.append(span('note', `${formatNumber(limit - count)} left`));

    this.cut.hidden = cut === undefined;
    if (cut !== undefined) {
      this.cut.textContent = `feed shows ${formatNumber(cut)} before “more”`;
      const { chars, lines } = facts.preview;
      const shown = `the first ${chars} characters or ${NUMBER_WORDS[lines] ?? lines} lines`;
      this.cut.title = `${facts.name} shows ${shown} of a caption in the feed`;
    }
    if (state !== this.state) {
      if (this.state !== null && state !== 'ok') {
        this.live.textContent =
          state === 'over' ? `Over the limit by ${count - limit}` : `Near the limit: ${limit - count} left`;
      }
      this.state = state;
    }
  }

  /** Hides the count when the text cannot be measured (the core failed): no number is better than a wrong one. */
  clear() {
    const el = this.element;
    delete el.dataset.count;
    delete el.dataset.limit;
    delete el.dataset.state;
    el.replaceChildren();
    this.cut.hidden = true;
  }
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
