// "Stratège is off on this composer": a small, dismissible note in the counter row, in a `<stratege-ui>` host of
// its own, shown where Stratège gave up on a composer (the extension was updated or removed while the page stayed
// open, or something inside Stratège failed). The site's composer and Post button are left as they are.

import { Host } from './host.js';

const STYLE = `
[data-stratege="off-note"] {
  pointer-events: auto;
  display: flex;
  align-items: center;
  gap: 6px;
  margin-right: auto;
  min-width: 0;
  overflow: hidden;
  white-space: nowrap;
}
[data-stratege="off-note"] span { overflow: hidden; text-overflow: ellipsis; }
[data-stratege="off-note"] button {
  pointer-events: auto;
  font: inherit;
  line-height: 1;
  padding: 0 4px;
  border: 0;
  background: transparent;
  color: inherit;
  cursor: pointer;
}
[data-stratege="off-note"] button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
`;

export class OffNote {
  /**
   * @param {Element} anchor the composer's anchor (the host goes after it, as the composer's own host did)
   * @param {{text: string, dismiss: string}} words the note and the dismiss button's label, read beforehand: once
   *   the extension is gone, its messages may be too
   * @param {string} reason why (`data-reason`: updated | failed)
   */
  constructor(anchor, words, reason) {
    this.host = new Host(anchor);
    const style = document.createElement('style');
    style.textContent = STYLE;
    this.host.root.prepend(style);
    const note = document.createElement('div');
    note.dataset.stratege = 'off-note';
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
    dismiss.addEventListener('click', () => this.remove());
    note.append(text, dismiss);
    this.host.bar.append(note);
  }

  remove() {
    this.host.remove();
  }
}
