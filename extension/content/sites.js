// Site adapters: which elements are composers on each site, whether they are replies, and where the overlay host
// goes. The sites, their hosts and their composer rules are data (data/sites.json, which also says what each rule
// field means); this module turns the data into adapters and answers questions about them.

import SITE_DATA from '../../data/sites.json' with { type: 'json' };

/** The site adapters, as data/sites.json lists them; a reply condition's `path` becomes a RegExp. */
export const SITES = SITE_DATA.sites.map((site) => ({
  ...site,
  composers: site.composers.map((rule) =>
    Array.isArray(rule.reply)
      ? { ...rule, reply: rule.reply.map((c) => (c.path ? { ...c, path: new RegExp(c.path) } : c)) }
      : rule,
  ),
}));

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
