// The review dialog shown when Post is pressed with open problems (contracts.md §3 `[data-stratege="gate"]`): one
// `gate-item` per problem with its fix where there is one, "Review" (`review`) and "Post anyway" (`post-anyway`).
// An alertdialog beside the composer that never covers the site's Post button or counter: the focus moves into
// it, Tab cycles inside, Escape is Review, and its title is announced in a live region. English and French, after
// the browser's language.

import { msg } from '../../shared/i18n.js';

/** The media problems' names (crop previews, issue 9), in the browser's language. */
const mediaKinds = () => ({
  'media-crop': msg('mediaKind_media_crop'),
  'media-size': msg('mediaKind_media_size'),
  'media-count': msg('mediaKind_media_count'),
  'media-format': msg('mediaKind_media_format'),
  'media-alt': msg('mediaKind_media_alt'),
});

const STRINGS = {
  en: {
    title: 'Review before posting?',
    intro: 'Stratège found something you may want to fix first.',
    review: 'Review',
    postAnyway: 'Post anyway',
    fix: (value) => `Fix: ${value}`,
    note: 'noted only',
    kinds: {
      length: 'Over the limit',
      'hashtag-spelling': 'Hashtag spelling',
      'hashtag-broken': 'Hashtag cut short',
      'hashtag-duplicate': 'Repeated hashtag',
      'hashtag-limit': 'Too many hashtags',
      tone: 'This reply may read as hostile',
      'invalid-char': 'A character the platform refuses',
      'lone-surrogate': 'A broken character',
      ...mediaKinds(),
    },
    count: (count, limit) => `${count} / ${limit}`,
  },
  fr: {
    title: 'Relire avant de publier ?',
    intro: 'Stratège a repéré quelque chose que vous voudrez peut-être corriger avant.',
    review: 'Relire',
    postAnyway: 'Publier quand même',
    fix: (value) => `Corriger : ${value}`,
    note: 'pour information',
    kinds: {
      length: 'Trop long',
      'hashtag-spelling': 'Orthographe du hashtag',
      'hashtag-broken': 'Hashtag coupé',
      'hashtag-duplicate': 'Hashtag répété',
      'hashtag-limit': 'Trop de hashtags',
      tone: 'Cette réponse peut paraître hostile',
      'invalid-char': 'Un caractère que la plateforme refuse',
      'lone-surrogate': 'Un caractère abîmé',
      ...mediaKinds(),
    },
    count: (count, limit) => `${count} / ${limit}`,
  },
};

/** The strings in the browser's language (French or English). */
export function gateStrings(language = chrome.i18n.getUILanguage()) {
  return /^fr\b/i.test(language) ? STRINGS.fr : STRINGS.en;
}

/** Space kept between the dialog and what it must not cover. */
const GAP = 8;
let nextId = 1;

export class GateDialog {
  /** @param {import('./host.js').Host} host */
  constructor(host) {
    this.layer = host.layer;
    this.live = document.createElement('span');
    this.live.className = 'sr-only';
    this.live.setAttribute('aria-live', 'assertive');
    host.bar.append(this.live);
    this.element = null;
    this.onKey = (event) => {
      if (!this.element) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopImmediatePropagation();
        this.actions.review();
      } else if (event.key === 'Tab' && this.element.contains(event.composedPath()[0])) {
        this.cycle(event);
      }
    };
    this.onOutside = (event) => {
      if (this.element && !event.composedPath().includes(this.element)) this.close();
    };
  }

  get isOpen() {
    return Boolean(this.element);
  }

  /**
   * Opens the dialog beside `near` (the composer's viewport rect), clear of the `avoid` rects (the site's Post
   * button, the counter). `items` come from gate.js `gateItems`; `report` gives the length figures.
   * `actions`: `{ review(), postAnyway(), fix(item, value) → Promise }`.
   */
  open({ items, report, near, avoid, actions }) {
    this.close();
    const t = gateStrings();
    const id = `stratege-gate-${nextId++}`;
    const dialog = document.createElement('div');
    dialog.dataset.stratege = 'gate';
    dialog.setAttribute('role', 'alertdialog');
    dialog.setAttribute('aria-modal', 'false');
    dialog.setAttribute('aria-labelledby', `${id}-title`);
    dialog.setAttribute('aria-describedby', `${id}-intro`);
    const title = paragraph('title', t.title);
    title.id = `${id}-title`;
    const intro = paragraph('intro', t.intro);
    intro.id = `${id}-intro`;
    const list = document.createElement('ul');
    for (const item of items) list.append(this.itemElement(item, report, t, actions));
    const row = document.createElement('div');
    row.className = 'actions';
    row.append(
      button(t.review, { stratege: 'review', run: () => actions.review() }),
      button(t.postAnyway, { stratege: 'post-anyway', primary: true, run: () => actions.postAnyway() }),
    );
    dialog.append(title, intro, list, row);
    this.layer.append(dialog);
    this.element = dialog;
    this.actions = actions;
    this.place(near, avoid);
    addEventListener('keydown', this.onKey, true);
    document.addEventListener('mousedown', this.onOutside, true);
    this.live.textContent = '';
    this.live.textContent = `${t.title} ${items.map((item) => t.kinds[item.kind] || item.kind).join('. ')}`;
    dialog.querySelector('[data-stratege="review"]').focus();
    return dialog;
  }

  itemElement(item, report, t, actions) {
    const li = document.createElement('li');
    li.dataset.stratege = 'gate-item';
    li.dataset.kind = item.kind;
    li.dataset.hold = String(item.hold);
    const name = document.createElement('strong');
    name.textContent = t.kinds[item.kind] || item.kind;
    li.append(name);
    const detail =
      item.kind === 'length' ? t.count(report.length.count, report.length.limit) : item.text && `“${item.text}”`;
    if (detail) li.append(` ${detail}`);
    if (!item.hold) li.append(` (${t.note})`);
    if (item.suggestion) {
      const fix = button(t.fix(item.suggestion), {
        stratege: 'apply',
        value: item.suggestion,
        run: async () => {
          await actions.fix(item, item.suggestion);
          li.remove();
          this.element?.querySelector('[data-stratege="review"]')?.focus();
        },
      });
      li.append(' ', fix);
    }
    return li;
  }

  /** Tab and Shift+Tab stay inside the dialog. */
  cycle(event) {
    const buttons = [...this.element.querySelectorAll('button')];
    const at = buttons.indexOf(event.composedPath()[0]);
    const next = (at + (event.shiftKey ? -1 : 1) + buttons.length) % buttons.length;
    event.preventDefault();
    event.stopImmediatePropagation();
    buttons[next].focus();
  }

  /**
   * Below the composer, else above it, else to its right or left: the first place inside the viewport that
   * covers none of `avoid`; the first candidate, kept in the viewport, when none is free.
   */
  place(near, avoid) {
    const dialog = this.element;
    const origin = this.layer.getBoundingClientRect();
    const { width, height } = dialog.getBoundingClientRect();
    const all = [near, ...avoid];
    const bottom = Math.max(...all.map((r) => r.bottom));
    const top = Math.min(...all.map((r) => r.top));
    const right = Math.max(...all.map((r) => r.right));
    const candidates = [
      { left: near.left, top: bottom + GAP },
      { left: near.left, top: top - height - GAP },
      { left: right + GAP, top: near.top },
      { left: near.left - width - GAP, top: near.top },
    ];
    const inside = (c) => c.left >= 0 && c.top >= 0 && c.left + width <= innerWidth && c.top + height <= innerHeight;
    const clear = (c) => !avoid.some((r) => overlaps(r, { ...c, right: c.left + width, bottom: c.top + height }));
    const clamp = (c) => ({
      left: Math.min(Math.max(c.left, GAP), innerWidth - width - GAP),
      top: Math.min(Math.max(c.top, GAP), innerHeight - height - GAP),
    });
    const spot =
      candidates.find((c) => inside(c) && clear(c)) || candidates.map(clamp).find(clear) || clamp(candidates[0]);
    dialog.style.transform = `translate(${spot.left - origin.left}px, ${spot.top - origin.top}px)`;
  }

  close() {
    if (!this.element) return;
    this.element.remove();
    this.element = null;
    this.actions = null;
    removeEventListener('keydown', this.onKey, true);
    document.removeEventListener('mousedown', this.onOutside, true);
  }
}

function overlaps(a, b) {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function paragraph(className, text) {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}

function button(label, { stratege, value, primary, run }) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.dataset.stratege = stratege;
  if (value !== undefined) b.dataset.value = value;
  if (primary) b.className = 'primary';
  b.addEventListener('click', run);
  return b;
}
