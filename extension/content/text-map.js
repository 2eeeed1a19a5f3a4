// Maps the composer's text, as `readText` builds it (one "\n" between lines), to DOM positions and back: where
// a report's UTF-16 offsets sit on screen, where the caret is, and which range an edit must select.
// Form fields need no map: their offsets are the value's own.

/**
 * The lines of a contenteditable editor: each has its block element and its text pieces in order, where a piece
 * is a text node or a `<br>` inside the line (Lexical's soft break), with its offset into the whole text.
 */
function lines(editor, kind) {
  const blocks =
    kind === 'draft' ? [...editor.querySelectorAll('[data-block="true"]')] : [...editor.children];
  if (!blocks.length) {
    const { pieces, length } = piecesOf(editor, kind, 0);
    return [{ block: editor, pieces, start: 0, end: length }];
  }
  const out = [];
  let at = 0;
  for (const block of blocks) {
    const { pieces, length } = piecesOf(block, kind, at);
    out.push({ block, pieces, start: at, end: at + length });
    at += length + 1; // the "\n" between lines
  }
  return out;
}

function piecesOf(block, kind, at) {
  const pieces = [];
  let length = 0;
  if (kind === 'draft') {
    for (const leaf of block.querySelectorAll('[data-text="true"]')) {
      if (leaf.tagName === 'BR') continue;
      for (const node of textNodes(leaf)) {
        pieces.push({ node, start: at + length });
        length += node.data.length;
      }
    }
    return { pieces, length };
  }
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  let trailingBr = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      pieces.push({ node, start: at + length });
      length += node.data.length;
      trailingBr = null;
    } else if (node.tagName === 'BR') {
      trailingBr = { node, start: at + length, br: true };
      pieces.push(trailingBr);
      length += 1;
    }
  }
  // A trailing <br> only keeps an empty or newline-ended line visible: it is not text (see editor-text.js).
  if (trailingBr) {
    pieces.pop();
    length -= 1;
  }
  return { pieces, length };
}

function textNodes(element) {
  const out = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) out.push(node);
  return out;
}

/** The DOM position of a text offset: a text node and an offset in it, or a block start for an empty line. */
export function positionAt(editor, kind, offset) {
  const all = lines(editor, kind);
  const line = all.find((l) => offset <= l.end) || all[all.length - 1];
  let best = null;
  for (const piece of line.pieces) {
    if (piece.br) {
      if (offset <= piece.start) break;
      continue;
    }
    const end = piece.start + piece.node.data.length;
    if (offset >= piece.start && offset <= end) {
      best = { node: piece.node, offset: offset - piece.start };
      // At a boundary between two text nodes, prefer the next one's start unless this is the line's last.
      if (offset < end) return best;
    }
  }
  return best || { node: line.block, offset: 0 };
}

/** A DOM Range over the text between two offsets. */
export function rangeOf(editor, kind, start, end) {
  const range = document.createRange();
  const from = positionAt(editor, kind, start);
  const to = positionAt(editor, kind, end);
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** The text offset of a DOM position inside the editor, or null when it is not in the editor's text. */
export function offsetOf(editor, kind, node, nodeOffset) {
  if (!editor.contains(node)) return null;
  const all = lines(editor, kind);
  const line = all.find((l) => l.block.contains(node));
  // Around the lines (the editor itself, a wrapper of blocks): the start or the end of the text.
  if (!line) return nodeOffset === 0 ? 0 : all[all.length - 1].end;
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
