// Finds the composers of a page as the single-page app mounts, re-mounts and removes them: one document-level
// MutationObserver, scans batched on a short timer, edits inside known editors ignored. Also tells which
// composer an element (a key's target, a submit button) belongs to.

import { editorSelector, ruleFor } from './sites.js';

/** Mutations are many on these sites; one scan per burst is enough (a timer also runs in background tabs). */
const SCAN_DELAY_MS = 30;

export class ComposerWatcher {
  /**
   * @param {object} site the site adapter
   * @param {(editor: Element, rule: object) => object} open starts a session for a new composer
   */
  constructor(site, open) {
    this.site = site;
    this.open = open;
    this.selector = editorSelector(site);
    this.sessions = new Map(); // editor element → session
    this.timer = 0;
    this.observer = new MutationObserver((records) => {
      if (records.some((record) => this.matters(record))) this.requestScan();
    });
  }

  start() {
    this.observer.observe(document.documentElement, { childList: true, subtree: true });
    this.scan();
  }

  stop() {
    this.observer.disconnect();
    clearTimeout(this.timer);
    for (const session of this.sessions.values()) session.destroy();
    this.sessions.clear();
  }

  /** A mutation inside an editor we follow, or of our own hosts, cannot add or remove a composer. */
  matters(record) {
    const target = record.target;
    for (const editor of this.sessions.keys()) {
      if (editor.contains(target)) return false;
    }
    const nodes = [...record.addedNodes, ...record.removedNodes];
    return nodes.some((node) => node.nodeType === Node.ELEMENT_NODE && node.localName !== 'stratege-ui');
  }

  requestScan() {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = 0;
      this.scan();
    }, SCAN_DELAY_MS);
  }

  scan() {
    for (const [editor, session] of this.sessions) {
      if (!editor.isConnected) {
        session.destroy();
        this.sessions.delete(editor);
      } else {
        session.reattach();
      }
    }
    for (const editor of document.querySelectorAll(this.selector)) {
      if (this.sessions.has(editor)) continue;
      const rule = ruleFor(this.site, editor);
      if (rule) this.sessions.set(editor, this.open(editor, rule));
    }
  }

  forEach(fn) {
    this.sessions.forEach(fn);
  }

  /** The session whose editor is or holds `element`, or null. */
  sessionAt(element) {
    for (const [editor, session] of this.sessions) {
      if (editor.contains(element)) return session;
    }
    return null;
  }

  /** The session of the composer nearest `element`: the first of its ancestors that holds an editor decides. */
  sessionNear(element) {
    for (let node = element; node; node = node.parentElement) {
      for (const [editor, session] of this.sessions) {
        if (node.contains(editor)) return session;
      }
    }
    return null;
  }
}
