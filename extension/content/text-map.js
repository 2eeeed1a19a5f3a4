// Maps the composer's text, as `readText` builds it (one "\n" between lines), to DOM positions and back: where
// a report's UTF-16 offsets sit on screen, where the caret is, and which range an edit must select.
// A map is a snapshot of the editor's DOM: build one per drawing pass or edit, never keep it across edits.
// Form fields need no map: their offsets are the value's own.

import { lineBlocks, lineNodes } from './editor-text.js';

export class TextMap {
  /**
   * @param {Element} editor a contenteditable editor
   * @param {string} kind 'draft', 'lexical' or 'generic' (editor-text.js)
   */
  constructor(editor, kind) {
    this.editor = editor;
    this.lines = linesOf(editor, kind);
    // Every text piece in text order, for a binary search by offset.
    this.pieces = this.lines.flatMap((line) => line.pieces.filter((piece) => !piece.br));
  }

  /** The DOM position of a text offset: a text node and an offset in it, or a block start for an empty line. */
  positionAt(offset) {
    const { lines, pieces } = this;
    let lo = 0;
    let hi = pieces.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (pieces[mid].start <= offset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    // The last piece starting at or before the offset holds it unless the offset lies past its end (a newline,
    // a <br> or an empty line follows).
    const line = lines.find((l) => offset <= l.end) || lines[lines.length - 1];
    if (found >= 0) {
      const piece = pieces[found];
      if (offset <= piece.start + piece.node.data.length && line.block.contains(piece.node)) {
        return { node: piece.node, offset: offset - piece.start };
      }
    }
    const last = line.pieces.filter((p) => !p.br && p.start <= offset).pop();
    return last ? { node: last.node, offset: last.node.data.length } : { node: line.block, offset: 0 };
  }

  /** A DOM Range over the text between two offsets. */
  range(start, end) {
    const range = document.createRange();
    const from = this.positionAt(start);
    const to = this.positionAt(end);
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }

  /** The text offset of a DOM position inside the editor, or null when it is not in the editor's text. */
  offsetOf(node, nodeOffset) {
    if (!this.editor.contains(node)) return null;
    const line = this.lines.find((l) => l.block.contains(node));
    // Around the lines (the editor itself, a wrapper of blocks): the start or the end of the text.
    if (!line) return nodeOffset === 0 ? 0 : this.lines[this.lines.length - 1].end;
    if (node === line.block) return nodeOffset === 0 ? line.start : line.end;
    for (const piece of line.pieces) {
      if (piece.node === node) return piece.start + (piece.br ? 0 : nodeOffset);
    }
    // An element inside the line (a leaf span): count the text of the pieces before the position.
    const probe = document.createRange();
    probe.setStart(line.block, 0);
    probe.setEnd(node, nodeOffset);
    let before = line.start;
    for (const piece of line.pieces) {
      if (piece.br) continue;
      if (probe.comparePoint(piece.node, piece.node.data.length) !== 0) break;
      before = piece.start + piece.node.data.length;
    }
    return before;
  }
}

/**
 * The lines of a contenteditable editor (editor-text.js decides what they are): each has its block element and
 * its text pieces in order, where a piece is a text node or a `<br>` inside the line (Lexical's soft break), with
 * its offset into the whole text.
 */
function linesOf(editor, kind) {
  const out = [];
  let at = 0;
  for (const block of lineBlocks(editor, kind)) {
    const pieces = [];
    let length = 0;
    for (const node of lineNodes(block, kind)) {
      const text = node.nodeType === Node.TEXT_NODE;
      pieces.push(text ? { node, start: at + length } : { node, start: at + length, br: true });
      length += text ? node.data.length : 1;
    }
    out.push({ block, pieces, start: at, end: at + length });
    at += length + 1; // the "\n" between lines
  }
  return out;
}
