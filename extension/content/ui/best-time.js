// The best-time hint beside one composer (contracts.md §3 `[data-stratege="best-time"]`: `data-now` good | ok |
// poor, `data-next` the local start of the next good slot strictly after now): "Good time to post now" or "Better
// today at 18:00 (about +35 % engagement, from published studies)", at the start of the counter row, so it never
// covers the site's Post button or the counter; its one-line why shows on hover or keyboard focus. The core
// answers in the service worker (worker-schedule.js), with the user's imports, in the user's time zone. Beside it,
// "Plan for the next good slot" plans the composer's draft there with a reminder, and a reminder's planned draft
// is offered (plan-chip.js).

import { msg } from '../../shared/i18n.js';
import { hintSentence, whyLine } from '../../shared/schedule-words.js';
import { PlanChip } from './plan-chip.js';

/** The hint is asked again at the next hour boundary: the ratings are per hour. */
const HOUR_MS = 3600000;

const STYLE = `
[data-stratege="best-time"] {
  pointer-events: auto;
  min-width: 0;
  flex: 0 1 auto;
  margin-right: auto;
  overflow: hidden;
  text-overflow: ellipsis;
  white-space: nowrap;
  cursor: default;
}
[data-stratege="best-time"]:not([hidden]) ~ [data-stratege="tone"] { margin-right: 0; }
[data-stratege="best-time"][data-now="good"] { color: rgb(0, 135, 90); }
:host([data-theme="dim"]) [data-stratege="best-time"][data-now="good"],
:host([data-theme="dark"]) [data-stratege="best-time"][data-now="good"] { color: rgb(0, 200, 130); }
[data-stratege="best-time"]:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
[data-stratege="best-time"] ~ [data-stratege="counter"], [data-stratege="counter"] { flex: none; }
.schedule-chip {
  pointer-events: auto;
  flex: none;
  font: inherit;
  padding: 0 8px;
  border-radius: 999px;
  border: 1px solid var(--card-border);
  background: transparent;
  color: inherit;
  cursor: pointer;
}
.schedule-chip:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.best-time-why {
  position: absolute;
  left: 0;
  top: 0;
  box-sizing: border-box;
  max-width: min(360px, calc(100vw - 16px));
  width: max-content;
  padding: 6px 10px;
  border: 1px solid var(--card-border);
  border-radius: 8px;
  background: var(--card-bg);
  color: var(--card-fg);
  box-shadow: 0 4px 14px rgba(0, 0, 0, 0.16);
  pointer-events: none;
}
`;

let nextId = 1;

export class BestTimeHint {
  /**
   * @param {import('./host.js').Host} host
   * @param {string} platform the composer's platform (`x`, `facebook`, `instagram`)
   * @param {{draft: () => string, insert: (draft: string) => Promise<boolean>}} composer its text, and how a
   *   draft is put in it
   */
  constructor(host, platform, composer) {
    this.platform = platform;
    this.layer = host.layer;
    const style = document.createElement('style');
    style.textContent = STYLE;
    const el = document.createElement('span');
    el.dataset.stratege = 'best-time';
    el.tabIndex = 0;
    el.hidden = true;
    this.why = document.createElement('div');
    this.why.className = 'best-time-why';
    this.why.setAttribute('role', 'tooltip');
    this.why.id = `stratege-best-time-why-${nextId++}`;
    this.why.hidden = true;
    el.setAttribute('aria-describedby', this.why.id);
    const show = () => this.showWhy();
    const hide = () => {
      this.why.hidden = true;
    };
    el.addEventListener('mouseenter', show);
    el.addEventListener('focus', show);
    el.addEventListener('mouseleave', hide);
    el.addEventListener('blur', hide);
    this.plan = document.createElement('button');
    this.plan.type = 'button';
    this.plan.dataset.stratege = 'plan-next';
    this.plan.className = 'schedule-chip';
    this.plan.hidden = true;
    this.plan.textContent = msg('scheduleComposerPlan');
    this.plan.addEventListener('mousedown', (event) => event.preventDefault());
    this.plan.addEventListener('click', () => this.planNext(composer.draft()));
    host.root.prepend(style);
    host.bar.prepend(el, this.plan);
    host.layer.append(this.why);
    this.element = el;
    this.chip = new PlanChip(host, platform, composer.insert);
    this.timer = 0;
    this.refresh();
  }

  /** Asks the core for the hint of now, shows it, and asks again at the next hour boundary. */
  async refresh() {
    clearTimeout(this.timer);
    const now = Date.now();
    this.timer = setTimeout(() => this.refresh(), HOUR_MS - (now % HOUR_MS) + 1000);
    try {
      const answer = await chrome.runtime.sendMessage({
        type: 'stratege:schedule',
        method: 'hint',
        request: { platform: this.platform, tz: Intl.DateTimeFormat().resolvedOptions().timeZone, now },
      });
      if (this.destroyed) return;
      if (!answer || answer.error) throw new Error(answer?.error || 'no answer');
      this.show(answer.value);
    } catch (error) {
      if (this.destroyed) return;
      this.element.hidden = true;
      this.element.dataset.error = String(error?.message);
    }
  }

  /** Shows a `schedule_hint` answer. */
  show(hint) {
    const el = this.element;
    delete el.dataset.error;
    el.dataset.now = hint.now;
    if (hint.next) el.dataset.next = hint.next;
    else delete el.dataset.next;
    el.textContent = hintSentence(hint);
    this.why.textContent = whyLine(hint.why);
    el.hidden = false;
    this.next = hint.next;
    this.plan.hidden = !hint.next;
    this.plan.textContent = msg('scheduleComposerPlan');
    delete this.plan.dataset.planned;
  }

  /** Plans the draft for the next good slot, with a reminder; the button then says when. */
  async planNext(draft) {
    if (!this.next) return;
    const at = this.next;
    const answer = await chrome.runtime.sendMessage({
      type: 'stratege:schedule',
      method: 'plan',
      request: { platform: this.platform, at, draft },
    });
    if (this.destroyed || !answer || answer.error) return;
    this.plan.dataset.planned = at;
    this.plan.textContent = msg('scheduleComposerPlanned', at.slice(11));
  }

  /** The why, under the hint (above it when there is no room below), inside the viewport. */
  showWhy() {
    if (this.element.hidden) return;
    this.why.hidden = false;
    const near = this.element.getBoundingClientRect();
    const origin = this.layer.getBoundingClientRect();
    const { width, height } = this.why.getBoundingClientRect();
    const left = Math.min(Math.max(near.left, 8), innerWidth - width - 8);
    let top = near.bottom + 4;
    if (top + height > innerHeight - 8) top = near.top - height - 4;
    this.why.style.transform = `translate(${left - origin.left}px, ${top - origin.top}px)`;
  }

  destroy() {
    this.destroyed = true;
    clearTimeout(this.timer);
    this.why.remove();
    this.plan.remove();
    this.chip.destroy();
    this.element.remove();
  }
}
