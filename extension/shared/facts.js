// The facts the extension shares with the Rust core and the build: each platform's rules as data/platforms.json
// states them (limits, feed cut, hashtag limit, each with its source) and the sites of data/sites.json, imported as
// data (esbuild bundles them into each script).

import PLATFORM_DATA from '../../data/platforms.json' with { type: 'json' };
import SITE_DATA from '../../data/sites.json' with { type: 'json' };

/** A platform's rules by id (`x`, `facebook`, `instagram`…), or undefined for an unknown id. */
export function platformFacts(id) {
  return PLATFORM_DATA.platforms.find((platform) => platform.id === id);
}

/** The ids of the sites Stratège runs on, in the site list's order (`x`, `facebook`, `instagram`). */
export function siteIds() {
  return SITE_DATA.sites.map((site) => site.id);
}

/** The domain a site is known by, for labels: its first host without `www.` (`x.com`, `facebook.com`…). */
export function siteDomain(id) {
  const site = SITE_DATA.sites.find((s) => s.id === id);
  return site?.hosts[0].replace(/^www\./, '');
}

/**
 * A fact by name, for the pages' sentences: `PLATFORM.path` is that fact of data/platforms.json (`x.premium.max`,
 * `instagram.hashtags.since`), `site:ID` the site's domain. Throws for a name data/ does not hold.
 */
export function factValue(name) {
  let value;
  if (name.startsWith('site:')) value = siteDomain(name.slice('site:'.length));
  else {
    const [platform, ...path] = name.split('.');
    value = path.reduce((facts, key) => facts?.[key], platformFacts(platform));
  }
  if (value === undefined) throw new Error(`no fact ${name} in data/`);
  return value;
}
