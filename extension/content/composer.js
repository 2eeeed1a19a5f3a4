// One composer being watched: follows every edit (typing, paste, cut, undo/redo, IME, text the site inserts),
// keeps the counter live (fast lane) and, a moment after typing pauses, asks for a full review (hashtag
// spelling, readability, duplicates, limits, tone) whose problems are drawn as marks with cards and fixes; when
// the site's submit is held (gate.js), it answers from its latest review and shows the review dialog.

import { editorKind, readText } from './editor-text.js';
import { TextMap } from './text-map.js';
import { predictedText } from './speculation.js';
import { Geometry } from './geometry.js';
import { replaceText } from './apply.js';
import { marksOf, shiftMarks, hashtagCard, toneCard, withChecks } from './review.js';
import { Host } from './ui/host.js';
import { msg } from '../shared/i18n.js';
import { Counter } from './ui/counter.js';
import { UncheckedNote } from './ui/unchecked.js';
import { Marks } from './ui/marks.js';
import { Card } from './ui/card.js';
import { ToneIndicator } from './ui/tone.js';
import { GateDialog } from './ui/gate.js';
import { BestTimeHint } from './ui/best-time.js';
import { appendOffNote, offWords } from './ui/off-note.js';
import { extensionAlive } from './lifecycle.js';
import { gateItems, submitButton } from './gate.js';

/** Form fields change without DOM mutations when the site sets their value: look at them this often. */
const FIELD_POLL_MS = 400;
const EDIT_EVENTS = ['input', 'compositionend', 'cut', 'paste', 'drop', 'focus'];
/** Counter checks of one composer under way at once (the latest text is always among them or next). */
const MAX_IN_FLIGHT = 2;
/** A review starts when typing pauses this long: spelling and tone need not follow every keystroke. */
const REVIEW_DELAY_MS = 150;
/**
 * A check that failed (the worker stopped three times under it, or did not answer) is tried again without
 * waiting for a keystroke: after a quarter second, then twice as long each time up to 10 s, while it keeps failing.
 */
const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 10_000;
/** After this many failed counts in a row (about 2 s of retries), the composer says Stratège is off on it. */
const FAILURES_BEFORE_NOTE = 3;

export class ComposerSession {
  /**
   * @param {Element} editor the editable element
   * @param {Element} anchor where the host goes (after it)
   * @param {{path: string, check: Function, review: Function}} core
   * @param {object} options the request fields besides the text ({platform, reply, premium, tone, ...})
   * @param {{addWord: (word: string) => void, checks: () => object}} actions what a card can do beyond the
   *   composer, and the checks the user has on (settings.js CHECKS: a review shows only theirs)
   * @param {object} rule the composer rule of data/sites.json that found it (`submit`: how the site posts it)
   */
  constructor(editor, anchor, core, options, actions, rule) {
    this.editor = editor;
    this.rule = rule;
    this.kind = editorKind(editor);
    this.core = core;
    this.options = options;
    // The counter's request fields, one object while the settings stay: the core's counter compares it by identity.
    this.countOptions = { ...options, length_only: true };
    this.actions = actions;
    this.host = new Host(anchor);
    this.host.element.dataset.core = core.path;
    this.tone = new ToneIndicator(this.host, (element) => this.openTone(element));
    this.counter = new Counter(this.host);
    this.unchecked = new UncheckedNote(this.host);
    this.bestTime = new BestTimeHint(this.host, options.platform, {
      draft: () => readText(editor, this.kind),
      insert: (value) =>
        replaceText(editor, this.kind, {
          start: 0,
          end: readText(editor, this.kind).length,
          value,
          caret: value.length,
        }),
    });
    this.geometry = new Geometry(editor, this.kind, this.host.layer);
    this.marks = new Marks(this.host, this.geometry, (mark, element) => this.openMark(mark, element));
    this.card = new Card(this.host);
    this.gate = new GateDialog(this.host);
    this.dismissed = new Set(); // `${kind}|${text}` the user chose to ignore in this composer
    this.dismissedTone = null; // the tone level the user chose to ignore, until the tone gets worse

    // Counter lane.
    this.lastText = null; // the text and options of the newest check sent
    this.lastOptions = null;
    this.sent = 0;
    this.shown = 0;
    this.inFlight = 0;
    this.again = false;
    this.queued = false;
    // Review lane.
    this.report = null; // the newest review shown, with `text` the text it is about
    this.reportText = null; // the text and options that review checked (report.text follows later edits)
    this.reportOptions = null;
    this.markList = []; // its marks, shifted to follow edits made since
    this.reviewTimer = 0;
    this.reviewing = false;
    this.reviewedText = null;
    this.reviewedOptions = null;
    this.caret = null; // the last caret position inside the editor, as a DOM position
    this.counterRetry = RETRY_FIRST_MS; // the delay before a failed check is tried again, per lane
    this.reviewRetry = RETRY_FIRST_MS;
    this.counterFailures = 0; // failed counts in a row
    this.offNote = null; // "Stratège is off on this composer", while its counts fail
    this.offDismissed = false; // the user closed that note: not shown again until a count succeeds

    this.onEdit = () => this.schedule();
    for (const type of EDIT_EVENTS) editor.addEventListener(type, this.onEdit);
    this.observer = new MutationObserver(this.onEdit);
    this.observer.observe(editor, { childList: true, subtree: true, characterData: true });
    if (this.kind === 'field') this.poll = setInterval(this.onEdit, FIELD_POLL_MS);
    // Through the worker (a strict page CSP), a key's count is asked before the editor takes the key
    // (speculation.js): `{text, options, answer}` of the latest guess, used by `update` when the text matches.
    // Listened to on the document in the capture phase, before the editor's own handlers.
    this.speculation = null;
    this.onKeypress = (event) => this.speculate(event);
    if (core.path === 'worker') document.addEventListener('keypress', this.onKeypress, true);
    this.onSelection = () => {
      const selection = getSelection();
      if (this.kind !== 'field' && selection.focusNode && editor.contains(selection.focusNode)) {
        this.caret = { node: selection.focusNode, offset: selection.focusOffset };
      }
    };
    document.addEventListener('selectionchange', this.onSelection);
    // `selectionchange` comes a task late, and Draft.js empties the selection when the editor loses the focus:
    // read the caret on `blur` too, which fires before that (before React's `focusout` at the root).
    editor.addEventListener('blur', this.onSelection);
    // A click in a flagged word opens its card, as a click on its underline does.
    this.onClick = () => {
      if (!this.markList.length || this.card.isOpen) return;
      const offset = this.caretOffset();
      const mark = offset === null ? null : this.marks.at(offset);
      if (mark) this.openMark(mark, this.marks.elementOf(mark));
    };
    editor.addEventListener('click', this.onClick);
    this.schedule();
  }

  /** New request fields (settings changed): check again. */
  setOptions(options) {
    this.options = options;
    this.countOptions = { ...options, length_only: true };
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
   * Counter lane: sends the latest text to the core. Up to MAX_IN_FLIGHT checks may be under way; an answer
   * older than the one shown is dropped, so the counter never goes back in time.
   */
  async update() {
    if (this.destroyed) return;
    if (this.inFlight >= MAX_IN_FLIGHT) {
      this.again = true;
      return;
    }
    const text = readText(this.editor, this.kind);
    if (text === this.lastText && this.options === this.lastOptions) return;
    if (text !== this.lastText) this.followEdit(text);
    this.lastText = text;
    this.lastOptions = this.options;
    this.scheduleReview();
    const seq = ++this.sent;
    this.inFlight++;
    const guess = this.speculation;
    this.speculation = null;
    try {
      const report = await (guess?.text === text && guess.options === this.options
        ? guess.answer
        : this.core.check(text, this.countOptions));
      if (this.destroyed || seq < this.shown) return;
      this.shown = seq;
      this.counter.show(report);
      this.counterAnswered();
    } catch (error) {
      if (this.destroyed || seq < this.shown) return;
      this.shown = seq;
      this.lastText = null; // check this text again, at the next edit or the retry
      this.counter.clear();
      this.host.element.dataset.error = String(error?.message);
      if (++this.counterFailures >= FAILURES_BEFORE_NOTE) this.showOff();
      this.counterRetry = this.retryLater(this.counterRetry, () => this.schedule());
    } finally {
      this.inFlight--;
      if (this.again && !this.destroyed) {
        this.again = false;
        this.schedule();
      }
    }
  }

  /** A printable key is coming (`keypress`): asks for the count of the text it will make (speculation.js). */
  speculate(event) {
    if (this.destroyed || this.inFlight >= MAX_IN_FLIGHT) return;
    // With no edit waiting for `update` (a mutation's check is queued at once), the text last checked is the text.
    const text = predictedText(event, this.editor, this.kind, this.lastText, !this.queued && !this.again);
    if (text === null) return;
    const answer = this.core.check(text, this.countOptions);
    answer.catch(() => {}); // a guess nobody uses may fail unheard; `update` handles the failure of one it uses
    this.speculation = { text, options: this.options, answer };
  }

  /**
   * The counter shows an answer from the core: a failure shown before is over (its retry, still pending, finds
   * nothing new to check or checks again harmlessly), and failures in a row start again from zero.
   */
  counterAnswered() {
    this.counterRetry = RETRY_FIRST_MS;
    delete this.host.element.dataset.error;
    this.counterFailures = 0;
    this.offDismissed = false;
    this.offNote?.remove();
    this.offNote = null;
  }

  /**
   * A word could not be added to the user's dictionary (the browser's storage for Stratège is full or
   * unavailable): a note says so; the word's mark stays dismissed on this page.
   */
  showUnsaved(word) {
    if (this.destroyed) return;
    this.unsavedNote?.remove();
    const words = { text: msg('noteWordNotSaved', word), dismiss: msg('offDismiss') };
    this.unsavedNote = appendOffNote(
      this.host,
      words,
      'storage',
      () => {
        this.unsavedNote?.remove();
        this.unsavedNote = null;
      },
      'storage-note',
    );
  }

  /** The counts keep failing: a note says Stratège is off on this composer (its checks still retry behind it). */
  showOff() {
    if (this.offNote || this.offDismissed) return;
    this.offNote = appendOffNote(this.host, offWords('failed'), 'failed', () => {
      this.offDismissed = true;
      this.offNote?.remove();
      this.offNote = null;
    });
  }

  /**
   * Runs `again` after `delay` ms, unless the extension is gone (reloaded or updated: this content script is
   * retired); answers the next delay.
   */
  retryLater(delay, again) {
    if (!extensionAlive()) return delay;
    setTimeout(() => {
      if (!this.destroyed) again();
    }, delay);
    return Math.min(delay * 2, RETRY_MAX_MS);
  }

  /** The text changed: marks before and after the edit move with their text; marks it touched go. */
  followEdit(text) {
    this.card.close();
    if (!this.report) return;
    if (this.markList.length) {
      this.markList = shiftMarks(this.markList, this.report.text, text);
      this.marks.show(this.markList);
    }
    this.report = { ...this.report, text };
  }

  scheduleReview() {
    clearTimeout(this.reviewTimer);
    this.reviewTimer = setTimeout(() => this.review(), REVIEW_DELAY_MS);
  }

  /** Review lane: one review at a time, of the latest text; a review of an outdated text is not shown. */
  async review() {
    if (this.destroyed) return;
    if (this.reviewing) {
      this.scheduleReview();
      return;
    }
    const text = readText(this.editor, this.kind);
    if (text === this.reviewedText && this.options === this.reviewedOptions) return;
    this.reviewing = true;
    const options = this.options;
    try {
      const report = await this.core.review(text, options);
      if (this.destroyed) return;
      this.reviewedText = text;
      this.reviewedOptions = options;
      if (readText(this.editor, this.kind) !== text) {
        this.scheduleReview();
        return;
      }
      this.showReview(withChecks({ ...report, text }, this.actions.checks()), options);
      this.reviewRetry = RETRY_FIRST_MS;
      // A review whose time was up before every tag was judged: the next one goes on from the verdicts kept.
      if (report.hashtags.some((tag) => tag.not_checked === 'time-budget')) {
        this.reviewedText = null;
        this.scheduleReview();
      }
    } catch (error) {
      if (this.destroyed) return;
      this.host.element.dataset.reviewError = String(error?.message);
      this.reviewRetry = this.retryLater(this.reviewRetry, () => this.scheduleReview());
    } finally {
      this.reviewing = false;
    }
  }

  showReview(report, options) {
    delete this.host.element.dataset.reviewError;
    this.reportText = report.text;
    this.reportOptions = options;
    // For automation: the length of the text the marks and tone shown are about.
    this.host.element.dataset.reviewed = String(report.text.length);
    this.report = report;
    this.counter.show(report);
    // A review of the current text sets the counter too: a count that failed before it is no longer shown.
    if (report.text === readText(this.editor, this.kind)) this.counterAnswered();
    this.unchecked.show(report);
    this.tone.show(this.toneShown(report.tone));
    this.markList = marksOf(report, report.text).filter((mark) => !this.dismissed.has(dismissKey(mark)));
    this.marks.show(this.markList);
  }

  /** The tone as shown: a verdict the user dismissed stays hidden until it gets worse. */
  toneShown(tone) {
    if (this.dismissedTone && tone.level === this.dismissedTone) return { ...tone, level: 'ok' };
    if (this.dismissedTone && tone.level === 'ok') this.dismissedTone = null;
    return tone;
  }

  /** Where the caret is now, or was last in this editor, as an offset into its text (null when unknown). */
  caretOffset() {
    if (this.kind === 'field') return this.editor.selectionEnd;
    const selection = getSelection();
    const position =
      selection.focusNode && this.editor.contains(selection.focusNode)
        ? { node: selection.focusNode, offset: selection.focusOffset }
        : this.caret;
    if (!position?.node.isConnected) return null;
    return new TextMap(this.editor, this.kind).offsetOf(position.node, position.offset);
  }

  openMark(mark, element) {
    const caret = this.caretOffset();
    const near = this.geometry.rects(mark.start, mark.end)[0] || element?.getBoundingClientRect();
    if (!near) return;
    const spec =
      mark.kind === 'tone'
        ? toneCard(this.report.tone, [mark.reason])
        : hashtagCard(mark, {
            apply: (value) => this.apply(mark, value, caret),
            addWord: (word) => {
              this.dismiss(mark);
              Promise.resolve()
                .then(() => this.actions.addWord(word))
                .catch(() => this.showUnsaved(word));
            },
          });
    spec.actions.push({ label: msg('cardIgnore'), stratege: 'dismiss', run: () => this.dismiss(mark) });
    this.openCard(spec, near, element);
  }

  openTone(element) {
    const tone = this.report?.tone;
    if (!tone?.checked || tone.level === 'ok') return;
    const spec = toneCard(tone, tone.reasons);
    spec.actions.push({
      label: msg('cardIgnore'),
      stratege: 'dismiss',
      run: () => {
        this.dismissedTone = tone.level;
        this.tone.show(this.toneShown(tone));
      },
    });
    this.openCard(spec, element.getBoundingClientRect(), element);
  }

  /** What an overlay must never cover: the counter row and the site's Post button (viewport rects). */
  keepClear() {
    const avoid = [this.host.bar.getBoundingClientRect()];
    const button = this.findSubmitButton();
    if (button) avoid.push(button.getBoundingClientRect());
    return avoid;
  }

  openCard(spec, near, opener) {
    const byKeyboard = opener && this.host.root.activeElement === opener;
    const card = this.card.open({
      ...spec,
      near,
      avoid: this.keepClear(),
      onClose: (returnFocus) => {
        if (returnFocus) this.editor.focus({ preventScroll: true });
      },
    });
    if (byKeyboard) card.querySelector('button')?.focus();
  }

  /**
   * Replaces a flagged span through the editor's own input path, then puts the caret back where it was,
   * shifted by the change in length (right after the replacement when it was inside the replaced text).
   */
  async apply(mark, value, caret) {
    const text = readText(this.editor, this.kind);
    if (text.slice(mark.start, mark.end) !== mark.text) return; // the text moved on since the card opened
    const delta = value.length - (mark.end - mark.start);
    let at = mark.start + value.length;
    if (caret !== null && caret <= mark.start) at = caret;
    else if (caret !== null && caret >= mark.end) at = caret + delta;
    const done = await replaceText(this.editor, this.kind, { start: mark.start, end: mark.end, value, caret: at });
    if (!done) this.host.element.dataset.applyError = `the editor did not take “${value}”`;
  }

  dismiss(mark) {
    this.dismissed.add(dismissKey(mark));
    this.markList = this.markList.filter((m) => dismissKey(m) !== dismissKey(mark));
    this.marks.show(this.markList);
  }

  /**
   * The review before posting, from the latest review: 'clean' (let the post go), 'hold' with the problems to
   * show, or 'stale' when that review is not about the text and options of now. Synchronous: no delay for a
   * clean post.
   */
  gateVerdict(actions) {
    const text = readText(this.editor, this.kind);
    if (!text.trim() && !this.media?.problems().length) return { state: 'clean' };
    if (!this.report || this.reportText !== text || this.reportOptions !== this.options) return { state: 'stale' };
    return this.verdictOf(this.report, text, actions);
  }

  /** Reviews the text of now, within `budget` ms (rejects past it), shows that review and answers as gateVerdict. */
  async recheck(actions, budget) {
    const text = readText(this.editor, this.kind);
    const options = this.options;
    let timer = 0;
    const late = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('the review did not come back in time')), budget);
    });
    try {
      const report = await Promise.race([this.core.review(text, options), late]);
      if (this.destroyed || readText(this.editor, this.kind) !== text) throw new Error('the text changed');
      this.reviewedText = text;
      this.reviewedOptions = options;
      this.showReview(withChecks({ ...report, text }, this.actions.checks()), options);
      return this.verdictOf(this.report, text, actions);
    } finally {
      clearTimeout(timer);
    }
  }

  verdictOf(report, text, actions) {
    // Problems of the attached images (media/check.js, set by main.js) join the text's.
    const problems = [...(report.problems || []), ...(this.media?.problems() || [])];
    const items = gateItems({ ...report, problems }, text, actions, (item) => this.isDismissed(item));
    return items.some((item) => item.hold) ? { state: 'hold', items } : { state: 'clean' };
  }

  /** Problems the user chose to ignore in this composer ("Ignore" on a card) are not open any more. */
  isDismissed(item) {
    if (item.kind === 'tone') return this.dismissedTone === item.level;
    return (
      item.kind.startsWith('hashtag-') &&
      [...this.dismissed].some((key) => key.startsWith('hashtag-') && key.endsWith(`|${item.text}`))
    );
  }

  /** Shows the review dialog for a held submission; `replay` lets the site's own submit run once. */
  openGate(items, replay) {
    this.card.close();
    this.gate.open({
      items,
      report: this.report,
      near: this.editor.getBoundingClientRect(),
      avoid: this.keepClear(),
      actions: {
        review: () => {
          this.gate.close();
          this.placeCaret(items[0].start);
        },
        postAnyway: () => {
          this.gate.close();
          replay();
        },
        fix: (item, value) => this.apply(item, value, this.caretOffset()),
      },
    });
  }

  /** The composer's submit button: the first one found from the editor outwards. */
  findSubmitButton() {
    const submit = this.rule?.submit;
    if (!submit?.buttons) return null;
    for (let node = this.editor.parentElement; node; node = node.parentElement) {
      for (const candidate of node.querySelectorAll(submit.buttons)) {
        if (submitButton(submit, candidate) === candidate) return candidate;
      }
    }
    return null;
  }

  /** Focuses the editor with the caret at `offset` of its text; the editor follows the DOM selection. */
  placeCaret(offset) {
    this.editor.focus({ preventScroll: true });
    if (this.kind === 'field') {
      this.editor.setSelectionRange(offset, offset);
      return;
    }
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(new TextMap(this.editor, this.kind).range(offset, offset));
  }

  /** Keeps the host in place after the site re-rendered around the composer. */
  reattach() {
    this.host.attach();
    this.marks.requestDraw();
  }

  destroy() {
    this.destroyed = true;
    this.observer.disconnect();
    clearInterval(this.poll);
    clearTimeout(this.reviewTimer);
    for (const type of EDIT_EVENTS) this.editor.removeEventListener(type, this.onEdit);
    this.editor.removeEventListener('click', this.onClick);
    document.removeEventListener('selectionchange', this.onSelection);
    document.removeEventListener('keypress', this.onKeypress, true);
    this.editor.removeEventListener('blur', this.onSelection);
    this.card.close();
    this.gate.close();
    this.media?.destroy();
    this.bestTime.destroy();
    this.marks.destroy();
    this.geometry.destroy();
    this.host.remove();
  }
}

function dismissKey(mark) {
  return `${mark.kind}|${mark.text}`;
}
