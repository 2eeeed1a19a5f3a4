// Reads the text of a composer the way the site will post it: Draft.js blocks, Lexical paragraphs or a
// form field's value, with one "\n" between lines. Reading never touches the editor.

/** The kind of editor an element is: 'field' (textarea/input), 'draft', 'lexical' or 'generic'. */
export function editorKind(element) {
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement) return 'field';
  if (element.classList.contains('public-DraftEditor-content') || element.querySelector('[data-block="true"]')) {
    return 'draft';
  }
  if (element.getAttribute('data-lexical-editor') === 'true') return 'lexical';
  return 'generic';
}

export function readText(element, kind = editorKind(element)) {
  switch (kind) {
    case 'field':
      return element.value;
    case 'draft':
      return readDraft(element);
    case 'lexical':
      return readBlocks(element);
    default:
      return readBlocks(element);
  }
}

/** Draft.js: one `[data-block]` per line, text in `[data-text="true"]` leaves (a `<br>` leaf is an empty line). */
function readDraft(element) {
  const lines = [];
  for (const block of element.querySelectorAll('[data-block="true"]')) {
    let line = '';
    for (const leaf of block.querySelectorAll('[data-text="true"]')) {
      if (leaf.tagName !== 'BR') line += leaf.textContent;
    }
    lines.push(line);
  }
  return lines.join('\n');
}

/**
 * Lexical and other contenteditables: each top-level block is a line; inside it, text nodes and `<br>` line
 * breaks in order. A block holding only a `<br>` is an empty line (Lexical renders empty paragraphs that way).
 */
function readBlocks(element) {
  const lines = [];
  for (const block of element.children) {
    lines.push(blockText(block));
  }
  return lines.length ? lines.join('\n') : element.textContent;
}

function blockText(block) {
  let text = '';
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  let lastBr = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      text += node.data;
    } else if (node.tagName === 'BR') {
      text += '\n';
      lastBr = text.length;
    }
  }
  // A trailing <br> is the browser's placeholder that keeps an empty or newline-ended line visible.
  return lastBr === text.length ? text.slice(0, -1) : text;
}
