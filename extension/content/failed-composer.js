// A composer Stratège could not set up (something threw while its session started): it stands in the watcher's
// place of the session, shows "Stratège is off on this composer" in a note of its own, and lets everything through
// (the review before posting finds nothing to hold). The editor and the site's Post button are left as they are.

import { OffNote } from './ui/off-note.js';

export class FailedComposer {
  /**
   * @param {Element} editor the composer's editable element
   * @param {Element} anchor where the note goes (after it)
   * @param {object} rule the composer rule of data/sites.json that found it
   * @param {{text: string, dismiss: string}} words the note's words
   */
  constructor(editor, anchor, rule, words) {
    this.editor = editor;
    this.rule = rule;
    this.options = { reply: false };
    this.note = new OffNote(anchor, words, 'failed');
    this.host = this.note.host;
  }

  /** The review before posting: nothing was checked, so nothing holds the post. */
  gateVerdict() {
    return { state: 'clean', items: [] };
  }

  setOptions() {}

  reattach() {
    this.host.attach();
  }

  destroy() {
    this.note.remove();
  }
}
