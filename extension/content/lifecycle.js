// The content script's life beside its extension's. A content script outlives its extension when the extension is
// updated, reloaded or removed while the page stays open: its `chrome.runtime` is gone (no worker, no settings, no
// words). It then retires: every session, the review before posting and the attachment tracker stop, their hosts
// go, and a note says Stratège is off on the composer until the page is reloaded; the editor and the site's Post
// button are never touched. A new instance (the page reloaded, or Firefox injecting the new version into open
// tabs) first removes what an earlier one left, so there are never two counters.

/** The extension this script belongs to is still there (an updated or removed extension leaves no id). */
export function extensionAlive() {
  try {
    return Boolean(globalThis.chrome?.runtime?.id);
  } catch {
    return false;
  }
}

/** Removes the `<stratege-ui>` hosts an earlier instance of this content script left in the page. */
export function clearLeftovers() {
  for (const host of document.querySelectorAll('stratege-ui')) host.remove();
}

/** What the user does that may need the extension: the moments to notice it is gone. */
const USER_EVENTS = ['keydown', 'pointerdown', 'focusin', 'paste', 'drop'];

/**
 * Calls `retire` once, as soon as the user acts on the page (capture phase, before the site and before Stratège's
 * own handlers) after the extension went, or when `noticeGone` is called (a closed port found it first).
 * @returns {{noticeGone: () => void}}
 */
export function watchExtension(retire) {
  let retired = false;
  const check = () => {
    if (retired || extensionAlive()) return;
    retired = true;
    for (const type of USER_EVENTS) window.removeEventListener(type, check, true);
    retire();
  };
  for (const type of USER_EVENTS) window.addEventListener(type, check, true);
  return { noticeGone: check };
}
