// The counter's head start when the core is in the service worker (a strict page CSP): at the `keypress` of a
// printable key, before the editor has taken it, the text the key will make is predicted (the character replacing
// the selection) and its count is asked at once, so that the round trip to the worker runs while the editor
// handles the key. The prediction is only a guess: the composer uses its answer when the text it then reads is
// exactly the predicted one, and otherwise asks for the text as it is (an IME, an autocorrection, a key the
// editor refuses). Nothing here touches the editor.

import { readText } from './editor-text.js';
import { TextMap } from './text-map.js';

/**
 * Longest text predicted (UTF-16 units): mapping the selection walks the editor's lines, work that a pasted list
 * of thousands of tags would add to every keystroke. Longer texts are counted as they are, without a head start.
 */
const MAX_PREDICTED_UNITS = 10_000;

/**
 * The text `editor` will hold once it takes `event` (a `keypress`), or null when that is not sure enough to guess:
 * not a single printable character, a modifier held, a composition, a key the page refused, no selection in the
 * editor, a text too long.
 * @param {KeyboardEvent} event
 * @param {Element} editor
 * @param {string} kind editor-text.js's kind of the editor
 * @param {string | null} lastText the text last read, to leave long texts unread
 * @param {boolean} current whether the editor has not changed since `lastText` was read (it is not read again)
 */
export function predictedText(event, editor, kind, lastText, current) {
  const { key } = event;
  if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return null;
  // One character (a surrogate pair is one): named keys ("Enter", "Tab") and dead keys are longer.
  if (typeof key !== 'string' || key.length === 0 || key.length > 2 || [...key].length !== 1) return null;
  if (
    (lastText?.length ?? 0) > MAX_PREDICTED_UNITS ||
    !(event.target instanceof Node) ||
    !editor.contains(event.target)
  ) {
    return null;
  }
  const text = current && lastText !== null ? lastText : readText(editor, kind);
  if (text.length > MAX_PREDICTED_UNITS) return null;
  const range = selectedRange(editor, kind);
  if (!range) return null;
  return text.slice(0, range.start) + key + text.slice(range.end);
}

/** The selection in the editor as text offsets `{start, end}`, or null when it is not (wholly) in its text. */
function selectedRange(editor, kind) {
  if (kind === 'field') {
    const { selectionStart, selectionEnd } = editor;
    return selectionStart === null ? null : { start: selectionStart, end: selectionEnd };
  }
  const selection = getSelection();
  if (selection?.rangeCount !== 1) return null;
  const { startContainer, startOffset, endContainer, endOffset } = selection.getRangeAt(0);
  const map = new TextMap(editor, kind);
  const start = map.offsetOf(startContainer, startOffset);
  const end = map.offsetOf(endContainer, endOffset);
  return start === null || end === null || end < start ? null : { start, end };
}
