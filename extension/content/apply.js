// Changes the composer's text the way its editor accepts it (sites-dom.md §4): focus, select the span through
// the DOM selection (Draft.js and Lexical follow it), then `execCommand('insertText')`, which reaches the
// editor as a trusted `beforeinput`/`textInput` and so enters its model and its undo history. A synthetic paste
// is the fallback when the command is refused. The editor's DOM is never written directly.

import { readText } from './editor-text.js';
import { TextMap } from './text-map.js';

/** How long a selection change may take to be announced; well above the one task it takes in practice. */
const SELECTION_EVENT_BOUND_MS = 400;

/**
 * Replaces the text between `start` and `end` with `value`, then puts the caret at `caret` (an offset into the
 * new text). Resolves to true when the editor's text is the expected one afterwards.
 */
export async function replaceText(editor, kind, { start, end, value, caret }) {
  const before = readText(editor, kind);
  const expected = before.slice(0, start) + value + before.slice(end);
  editor.focus({ preventScroll: true });
  await select(editor, kind, start, end);
  if (!document.execCommand('insertText', false, value)) {
    await select(editor, kind, start, end);
    if (kind === 'field') setFieldText(editor, start, end, value);
    else paste(editor, value);
  }
  // Put the caret back before a key typed next can land at the end of the replacement: a keystroke is a task,
  // and the editors finish their update in a microtask (React's and Lexical's commits); a frame is the fallback.
  await Promise.resolve();
  if (readText(editor, kind) !== expected) await settled();
  if (readText(editor, kind) !== expected) return false;
  await select(editor, kind, caret, caret);
  return true;
}

/**
 * Selects a span and lets the editor see the new selection: Draft.js and Lexical copy the DOM selection into their
 * model on `selectionchange`, and an edit made before that lands where the model's stale selection says.
 */
async function select(editor, kind, start, end) {
  if (kind === 'field') {
    editor.setSelectionRange(start, end);
    return;
  }
  const map = new TextMap(editor, kind);
  const selection = getSelection();
  if (selection.rangeCount && editor.contains(selection.anchorNode) && editor.contains(selection.focusNode)) {
    const from = map.offsetOf(selection.anchorNode, selection.anchorOffset);
    const to = map.offsetOf(selection.focusNode, selection.focusOffset);
    if (Math.min(from, to) === start && Math.max(from, to) === end) return; // the editor already has it
  }
  selection.removeAllRanges();
  selection.addRange(map.range(start, end));
  await selectionSeen();
}

/**
 * Waits for the `selectionchange` a new selection queues, then one more task so the editor's own listener has
 * run. The event always follows a real change; the bound only guards against a browser that drops it.
 */
function selectionSeen() {
  return new Promise((resolve) => {
    const done = () => {
      document.removeEventListener('selectionchange', done);
      clearTimeout(timer);
      setTimeout(resolve);
    };
    const timer = setTimeout(done, SELECTION_EVENT_BOUND_MS);
    document.addEventListener('selectionchange', done);
  });
}

/** Lets the editor finish the update the input started (React and Lexical re-render in a task or a frame). */
function settled() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
}

/** A form field that refused the command: set its value and tell the site (React reads the `input` event). */
function setFieldText(field, start, end, value) {
  field.setRangeText(value, start, end, 'end');
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: value }));
}

function paste(editor, value) {
  const data = new DataTransfer();
  data.setData('text/plain', value);
  editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
}
