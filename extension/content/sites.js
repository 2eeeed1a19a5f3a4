// Site adapters as data: which elements are composers on each site, whether they are replies, and where the
// overlay host goes. Selectors avoid the sites' hashed classes (sites-dom.md) and localized labels where possible.

/**
 * A composer rule: `editor` finds the editable element; `within` (optional) requires an ancestor matching
 * `closest` that contains `has`; `reply` says whether the composer writes a reply (true/false, or a list of
 * conditions, any of which makes it one); `anchor` is the ancestor after which the host is placed (default:
 * the editor itself). The first rule that matches an element wins.
 */
export const SITES = [
  {
    id: 'x',
    platform: 'x',
    hosts: ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com'],
    composers: [
      {
        name: 'post',
        editor:
          '[data-testid^="tweetTextarea_"][role="textbox"][contenteditable="true"], [data-testid^="tweetTextarea_"] textarea',
        anchor: '[data-testid$="RichTextInputContainer"], div[data-testid^="tweetTextarea_"]:not([contenteditable])',
        reply: [{ closest: '[role="dialog"]', has: 'article[data-testid="tweet"]' }, { path: /\/status\/\d+/ }],
      },
    ],
  },
  {
    id: 'facebook',
    platform: 'facebook',
    hosts: ['www.facebook.com', 'web.facebook.com', 'm.facebook.com'],
    composers: [
      {
        name: 'post',
        editor: 'form[method="POST" i] [data-lexical-editor="true"][role="textbox"][contenteditable="true"]',
        within: { closest: '[role="dialog"]' },
        reply: false,
      },
      {
        name: 'comment',
        editor: 'form[role="presentation"] [data-lexical-editor="true"][role="textbox"][contenteditable="true"]',
        reply: true,
      },
    ],
  },
  {
    id: 'instagram',
    platform: 'instagram',
    hosts: ['www.instagram.com'],
    composers: [
      {
        name: 'caption',
        editor: '[data-lexical-editor="true"][role="textbox"][contenteditable="true"], textarea',
        // The create-post dialog: it shows the picked media (a blob: image) or still holds the file input.
        within: {
          closest: '[role="dialog"]',
          has: 'img[src^="blob:"], input[type="file"], input[name="creation-location-input"]',
        },
        reply: false,
      },
      {
        name: 'comment',
        editor: 'form textarea, form [contenteditable="true"][role="textbox"]',
        // Below the comment form, not inside its row of emoji button, field and Post button.
        anchor: 'form',
        reply: true,
      },
    ],
  },
];

/** The adapter of a host name, or null on pages Stratège does not know. */
export function siteFor(hostname) {
  return SITES.find((site) => site.hosts.includes(hostname)) || null;
}

/** Every selector that can find an editor on the site, for a quick "anything here?" query. */
export function editorSelector(site) {
  return site.composers.map((rule) => rule.editor).join(', ');
}

/** The rule that makes `element` a composer of `site`, or null. */
export function ruleFor(site, element) {
  return site.composers.find((rule) => element.matches(rule.editor) && withinMatches(rule.within, element)) || null;
}

function withinMatches(within, element) {
  if (!within) return true;
  const container = element.closest(within.closest);
  return Boolean(container && (!within.has || container.querySelector(within.has)));
}

/** Whether the composer writes a reply, by the rule's conditions. */
export function isReply(rule, element, location) {
  if (typeof rule.reply === 'boolean') return rule.reply;
  return rule.reply.some((condition) =>
    condition.path
      ? condition.path.test(location.pathname)
      : Boolean(element.closest(condition.closest)?.querySelector(condition.has)),
  );
}

/** The element after which the composer's host goes: the rule's anchor ancestor, or the editor itself. */
export function anchorFor(rule, element) {
  return (rule.anchor && element.closest(rule.anchor)) || element;
}
