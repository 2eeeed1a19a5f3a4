// One composer being watched: follows every edit (typing, paste, cut, undo/redo, IME, text the site inserts),
// asks the core for a report of the latest text, and shows it in the composer's own `<stratege-ui>` host.

import { editorKind, readText } from './editor-text.js';
import { Host } from './ui/host.js';
import { Counter } from './ui/counter.js';

/** Form fields change without DOM mutations when the site sets their value: look at them this often. */
const FIELD_POLL_MS = 400;
const EDIT_EVENTS = ['input', 'compositionend', 'cut', 'paste', 'drop', 'focus'];

export class ComposerSession {
  /**
   * @param {Element} editor the editable element
   * @param {Element} anchor where the host goes (after it)
   * @param {{path: string, check: (text: string, options: object) => Promise<object>}} core
   * @param {object} options the request fields besides the text ({platform, reply, premium, auto_mentions})
   */
  constructor(editor, anchor, core, options) {
    this.editor = editor;
    this.kind = editorKind(editor);
    this.core = core;
    this.options = options;
    this.host = new Host(anchor);
    this.host.element.dataset.core = core.path;
    this.counter = new Counter(this.host);
    this.lastKey = null;
    this.busy = false;
    this.again = false;
    this.queued = false;

    this.onEdit = () => this.schedule();
    for (const type of EDIT_EVENTS) editor.addEventListener(type, this.onEdit);
    this.observer = new MutationObserver(this.onEdit);
    this.observer.observe(editor, { childList: true, subtree: true, characterData: true });
    if (this.kind === 'field') this.poll = setInterval(this.onEdit, FIELD_POLL_MS);
    this.schedule();
  }

  /** New request fields (settings changed): check again. */
  setOptions(options) {
    this.options = options;
    this.schedule();
  }

  /** Coalesces bursts of edits into one check of the latest text, with at most one check in flight. */
  schedule() {
    if (this.queued || this.destroyed) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      this.update();
    });
  }

  async update() {
    if (this.destroyed) return;
    if (this.busy) {
      this.again = true;
      return;
    }
    const text = readText(this.editor, this.kind);
    const key = JSON.stringify(this.options) + '\u0000' + text;
    if (key === this.lastKey) return;
    this.busy = true;
    try {
      const report = await this.core.check(text, this.options);
      if (this.destroyed) return;
      this.lastKey = key;
      this.counter.show(report);
      delete this.host.element.dataset.error;
    } catch (error) {
      if (this.destroyed) return;
      this.lastKey = null;
      this.counter.clear();
      this.host.element.dataset.error = String(error && error.message);
    } finally {
      this.busy = false;
      if (this.again) {
        this.again = false;
        this.schedule();
      }
    }
  }

  /** Keeps the host in place after the site re-rendered around the composer. */
  reattach() {
    this.host.attach();
  }

  destroy() {
    this.destroyed = true;
    this.observer.disconnect();
    clearInterval(this.poll);
    for (const type of EDIT_EVENTS) this.editor.removeEventListener(type, this.onEdit);
    this.host.remove();
  }
}
