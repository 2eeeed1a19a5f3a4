// The review dialog shown when Post is pressed with open problems (contracts.md §3 `[data-stratege="gate"]`): one
// `gate-item` per problem with its fix where there is one, "Review" (`review`) and "Post anyway" (`post-anyway`).
// An alertdialog beside the composer that never covers the site's Post button or counter: the focus moves into
// it, Tab cycles inside, Escape is Review, and its title is announced in a live region. In the interface's
// language (msg).

import { msg } from '../../shared/i18n.js';
import { GAP, placeClear } from './place.js';

/** Each problem kind the dialog lists (settings.js GATE_KINDS), in words. */
const KINDS = {
  length: () => msg('gateKindLength'),
  'hashtag-spelling': () => msg('gateKindHashtagSpelling'),
  'hashtag-broken': () => msg('gateKindHashtagBroken'),
  'hashtag-duplicate': () => msg('gateKindHashtagDuplicate'),
  'hashtag-limit': () => msg('gateKindHashtagLimit'),
  tone: () => msg('gateKindTone'),
  'invalid-char': () => msg('gateKindInvalidChar'),
  'lone-surrogate': () => msg('gateKindLoneSurrogate'),
  'media-crop': () => msg('mediaKind_media_crop'),
  'media-size': () => msg('mediaKind_media_size'),
  'media-count': () => msg('mediaKind_media_count'),
  'media-format': () => msg('mediaKind_media_format'),
  'media-alt': () => msg('mediaKind_media_alt'),
};
const kindName = (kind) => KINDS[kind]?.() ?? kind;

const number = new Intl.NumberFormat(undefined);

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
    const id = `stratege-gate-${nextId++}`;
    const dialog = document.createElement('div');
    dialog.dataset.stratege = 'gate';
    dialog.setAttribute('role', 'alertdialog');
    dialog.setAttribute('aria-modal', 'false');
    dialog.setAttribute('aria-labelledby', `${id}-title`);
    dialog.setAttribute('aria-describedby', `${id}-intro`);
    const title = paragraph('title', msg('gateTitle'));
    title.id = `${id}-title`;
    const intro = paragraph('intro', msg('gateIntro'));
    intro.id = `${id}-intro`;
    const list = document.createElement('ul');
    for (const item of items) list.append(this.itemElement(item, report, actions));
    const row = document.createElement('div');
    row.className = 'actions';
    row.append(
      button(msg('gateReview'), { stratege: 'review', run: () => actions.review() }),
      button(msg('gatePostAnyway'), { stratege: 'post-anyway', primary: true, run: () => actions.postAnyway() }),
    );
    dialog.append(title, intro, list, row);
    this.layer.append(dialog);
    this.element = dialog;
    this.actions = actions;
    this.place(near, avoid);
    addEventListener('keydown', this.onKey, true);
    document.addEventListener('mousedown', this.onOutside, true);
    this.live.textContent = '';
    this.live.textContent = [msg('gateTitle'), ...items.map((item) => kindName(item.kind))].join(' ');
    dialog.querySelector('[data-stratege="review"]').focus();
    return dialog;
  }

  itemElement(item, report, actions) {
    const li = document.createElement('li');
    li.dataset.stratege = 'gate-item';
    li.dataset.kind = item.kind;
    li.dataset.hold = String(item.hold);
    const name = document.createElement('strong');
    name.textContent = kindName(item.kind);
    li.append(name);
    const detail =
      item.kind === 'length'
        ? msg('gateCount', number.format(report.length.count), number.format(report.length.limit))
        : item.text && msg('gateQuote', item.text);
    if (detail) li.append(` ${detail}`);
    if (!item.hold) li.append(` ${msg('gateNoteOnly')}`);
    if (item.suggestion) {
      const fix = button(msg('gateFix', item.suggestion), {
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
    const all = [near, ...avoid];
    const bottom = Math.max(...all.map((r) => r.bottom));
    const top = Math.min(...all.map((r) => r.top));
    const right = Math.max(...all.map((r) => r.right));
    placeClear(
      this.element,
      this.layer,
      (width, height) => [
        { left: near.left, top: bottom + GAP },
        { left: near.left, top: top - height - GAP },
        { left: right + GAP, top: near.top },
        { left: near.left - width - GAP, top: near.top },
      ],
      avoid,
    );
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
