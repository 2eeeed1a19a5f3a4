// Changes the composer's text the way its editor accepts it (sites-dom.md §4): focus, select the span through
// the DOM selection (Draft.js and Lexical follow it), then `execCommand('insertText')`, which reaches the
// editor as a trusted `beforeinput`/`textInput` and so enters its model and its undo history. A synthetic paste
// is the fallback when the command is refused. The editor's DOM is never written directly.

import { readText } from './editor-text.js';
import { TextMap } from './text-map.js';

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
  await settled();
  const after = readText(editor, kind);
  if (after !== expected) return false;
  await select(editor, kind, caret, caret);
  return true;
}

/** Selects a span and lets the editor see the new selection (Draft.js and Lexical read it on selectionchange). */
async function select(editor, kind, start, end) {
  if (kind === 'field') {
    editor.setSelectionRange(start, end);
    return;
  }
  const selection = getSelection();
  selection.removeAllRanges();
  selection.addRange(new TextMap(editor, kind).range(start, end));
  await selectionSeen();
}

/** Waits for the `selectionchange` a new selection queues (editors update their model from it). */
function selectionSeen() {
  return new Promise((resolve) => {
    const done = () => {
      document.removeEventListener('selectionchange', done);
      clearTimeout(timer);
      setTimeout(resolve);
    };
    const timer = setTimeout(done, 50);
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
