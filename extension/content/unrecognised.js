// A site redesign can leave the adapter (data/sites.json) finding no composer at all: Stratège would then stay
// silent where the user expects it. When the user types in a box that looks like a composer (the site's
// `unrecognised` rule: a text box in the main column or a dialog, not in direct messages) and no composer rule found
// it, a small note after the box says, once per page, that Stratège is off on it. The box itself is never touched.

import { anchorFor } from './sites.js';
import { OffNote } from './ui/off-note.js';

/** Time for the watcher's next scan (watch.js SCAN_DELAY_MS is 30 ms) to find a composer that has just mounted. */
const CONFIRM_MS = 250;

export class UnrecognisedBoxes {
  /**
   * @param {{editor: string, anchor?: string, skip?: string, paths?: string}} rule the site's `unrecognised` rule
   * @param {(element: Element) => boolean} known whether a session follows this editable element
   * @param {{text: string, dismiss: string}} words the note's words (off-note.js offWords('unrecognised'))
   */
  constructor(rule, known, words) {
    this.rule = rule;
    this.paths = rule.paths ? new RegExp(rule.paths) : null;
    this.known = known;
    this.words = words;
    this.note = null;
    this.timer = 0;
    this.onInput = (event) => this.seen(event.target);
  }

  start() {
    document.addEventListener('input', this.onInput, true);
  }

  stop() {
    document.removeEventListener('input', this.onInput, true);
    clearTimeout(this.timer);
    this.note?.remove();
    this.note = null;
  }

  /** An input event's target: a likely composer that no session follows gets the note, after the next scan. */
  seen(target) {
    if (this.note || !(target instanceof Element)) return;
    const box = target.closest(this.rule.editor);
    if (!box || this.known(box) || this.paths?.test(location.pathname)) return;
    if (this.rule.skip && box.closest(this.rule.skip)) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.note || !box.isConnected || this.known(box)) return;
      this.stop();
      // Once per page: the note stays until dismissed, and no other box gets one.
      this.note = new OffNote(anchorFor(this.rule, box), this.words, 'unrecognised');
    }, CONFIRM_MS);
  }
}
