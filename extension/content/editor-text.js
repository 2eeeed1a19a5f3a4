// Reads the text of a composer the way the site will post it: Draft.js blocks, Lexical paragraphs or a
// form field's value, with one "\n" between lines. Reading never touches the editor. The structure read here
// (which elements are lines, which nodes hold their text) is the one text-map.js maps to the screen.

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
  if (kind === 'field') return element.value;
  const lines = [];
  for (const block of lineBlocks(element, kind)) {
    // A line without a line break inside is all its text nodes in order: the browser joins them natively, ten
    // times faster than a walk in script over a pasted list of thousands of tags (one node each).
    if (kind !== 'draft' && block.getElementsByTagName('br').length === 0) {
      lines.push(block.textContent);
      continue;
    }
    let line = '';
    for (const node of lineNodes(block, kind)) line += node.nodeType === Node.TEXT_NODE ? node.data : '\n';
    lines.push(line);
  }
  return lines.join('\n');
}

/**
 * The elements that are the editor's lines: Draft.js `[data-block]`s; the top-level blocks of Lexical and other
 * contenteditables; the editor itself when it has no block.
 */
export function lineBlocks(editor, kind) {
  const blocks = kind === 'draft' ? [...editor.querySelectorAll('[data-block="true"]')] : [...editor.children];
  return blocks.length ? blocks : [editor];
}

/**
 * The nodes of a line's text, in order: text nodes, and `<br>` line breaks inside the line. Draft.js keeps text
 * in `[data-text="true"]` leaves (a `<br>` leaf is an empty line). Elsewhere a trailing `<br>` is the browser's
 * placeholder that keeps an empty or newline-ended line visible (Lexical renders empty paragraphs that way), not
 * text.
 */
export function lineNodes(block, kind) {
  const nodes = [];
  if (kind === 'draft') {
    for (const leaf of block.querySelectorAll('[data-text="true"]')) {
      if (leaf.tagName === 'BR') continue;
      const walker = document.createTreeWalker(leaf, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
    }
    return nodes;
  }
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE || node.tagName === 'BR') nodes.push(node);
  }
  if (nodes.length && nodes[nodes.length - 1].nodeType !== Node.TEXT_NODE) nodes.pop();
  return nodes;
}
