// "Stratège is off on this composer": a small, dismissible note at the start of the counter row, shown where
// Stratège gave up on a composer: in the composer's own host when its checks keep failing (the core could not load,
// the worker does not answer), or in a host of its own when the extension was updated or removed while the page
// stayed open. The site's composer and Post button are left as they are.

import { Host } from './host.js';
import { msg } from '../../shared/i18n.js';

/**
 * The note's message by reason: the extension went (updated, reloaded, removed), the composer's checks failed, or a
 * box that looks like a composer is one no adapter recognises.
 */
const TEXTS = { updated: 'offUpdated', failed: 'offFailed', unrecognised: 'offUnrecognised' };

/** The note's words for a reason (`updated` | `failed` | `unrecognised`): read them before the extension may be gone. */
export function offWords(reason) {
  return { text: msg(TEXTS[reason]), dismiss: msg('offDismiss') };
}

const STYLE = `
.stratege-note {
  pointer-events: auto;
  display: flex;
  align-items: center;
  gap: 6px;
  margin-right: auto;
  min-width: 0;
  overflow: hidden;
  white-space: nowrap;
}
.stratege-note span { overflow: hidden; text-overflow: ellipsis; }
.stratege-note button {
  pointer-events: auto;
  font: inherit;
  line-height: 1;
  padding: 0 4px;
  border: 0;
  background: transparent;
  color: inherit;
  cursor: pointer;
}
.stratege-note button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
`;

/**
 * Adds the note to a host's row (its style once per host) and answers the note element.
 * @param {import('./host.js').Host} host
 * @param {{text: string, dismiss: string}} words the note and the dismiss button's label
 * @param {string} reason why (`data-reason`: updated | failed)
 * @param {() => void} onDismiss what the dismiss button does
 * @param {string} hook its `data-stratege`: `off-note`, or `storage-note` where a change could not be saved (the
 *   same small note, for a failure that leaves Stratège on)
 */
export function appendOffNote(host, words, reason, onDismiss, hook = 'off-note') {
  if (!host.root.querySelector('style[data-off-note]')) {
    const style = document.createElement('style');
    style.dataset.offNote = '';
    style.textContent = STYLE;
    host.root.prepend(style);
  }
  const note = document.createElement('div');
  note.className = 'stratege-note';
  note.dataset.stratege = hook;
  note.dataset.reason = reason;
  note.setAttribute('role', 'status');
  const text = document.createElement('span');
  text.textContent = words.text;
  text.title = words.text;
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.textContent = '×';
  dismiss.setAttribute('aria-label', words.dismiss);
  dismiss.addEventListener('mousedown', (event) => event.preventDefault());
  dismiss.addEventListener('click', onDismiss);
  note.append(text, dismiss);
  host.bar.prepend(note);
  return note;
}

/** The note in a host of its own, where the composer's host is gone (the content script retired). */
export class OffNote {
  /**
   * @param {Element} anchor the composer's anchor (the host goes after it, as the composer's own host did)
   * @param {{text: string, dismiss: string}} words read beforehand: once the extension is gone, its messages may
   *   be too
   * @param {string} reason why (`data-reason`)
   */
  constructor(anchor, words, reason) {
    this.host = new Host(anchor);
    appendOffNote(this.host, words, reason, () => this.remove());
  }

  remove() {
    this.host.remove();
  }
}
