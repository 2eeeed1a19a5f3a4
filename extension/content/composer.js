// One composer being watched: follows every edit (typing, paste, cut, undo/redo, IME, text the site inserts),
// asks the core for a report of the latest text, and shows it in the composer's own `<stratege-ui>` host.

import { editorKind, readText } from './editor-text.js';
import { Host } from './ui/host.js';
import { Counter } from './ui/counter.js';

/** Form fields change without DOM mutations when the site sets their value: look at them this often. */
const FIELD_POLL_MS = 400;
const EDIT_EVENTS = ['input', 'compositionend', 'cut', 'paste', 'drop', 'focus'];
/** Checks of one composer under way at once (the latest text is always among them or next). */
const MAX_IN_FLIGHT = 2;

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
    this.lastText = null; // the text and options of the newest check sent
    this.lastOptions = null;
    this.sent = 0; // checks sent
    this.shown = 0; // the newest check whose answer is shown
    this.inFlight = 0;
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

  /** Coalesces a burst of edits (one task's mutations and events) into one check of the latest text. */
  schedule() {
    if (this.queued || this.destroyed) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      this.update();
    });
  }

  /**
   * Sends the latest text to the core. Up to MAX_IN_FLIGHT checks may be under way (a round trip to the worker
   * takes a few milliseconds: a keystroke should not wait for the previous one's answer); an answer older than
   * the one shown is dropped, so the counter never goes back in time.
   */
  async update() {
    if (this.destroyed) return;
    if (this.inFlight >= MAX_IN_FLIGHT) {
      this.again = true;
      return;
    }
    const text = readText(this.editor, this.kind);
    if (text === this.lastText && this.options === this.lastOptions) return;
    this.lastText = text;
    this.lastOptions = this.options;
    const seq = ++this.sent;
    this.inFlight++;
    try {
      const report = await this.core.check(text, this.options);
      if (this.destroyed || seq < this.shown) return;
      this.shown = seq;
      this.counter.show(report);
      delete this.host.element.dataset.error;
    } catch (error) {
      if (this.destroyed || seq < this.shown) return;
      this.shown = seq;
      this.lastText = null; // check this text again at the next edit
      this.counter.clear();
      this.host.element.dataset.error = String(error && error.message);
    } finally {
      this.inFlight--;
      if (this.again && !this.destroyed) {
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
