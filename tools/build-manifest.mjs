// Writes the extension's manifest: the template (manifest.json, which holds no host) with every content script's
// and web-accessible resource's `matches` filled from the site list (data/sites.json), so the hosts live once.
// The Firefox manifest is derived from the same Chrome manifest (firefoxManifest): no second hand-written manifest.
// Usage: node tools/build-manifest.mjs OUT [chrome|firefox] (the Makefile writes dist/chrome/manifest.json;
// tools/package.mjs writes dist/firefox/manifest.json).

import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(import.meta.dirname, '..');

/**
 * Firefox's add-on id (an email-like id is the documented form: extensionworkshop.com, "Extensions and the add-on
 * ID"); it must never change once published, or users lose their settings.
 */
export const GECKO_ID = 'stratege@stratege.app';
/**
 * The oldest Firefox the Firefox package runs on: 140, the first ESR that knows `data_collection_permissions`
 * (MDN, browser_specific_settings: desktop 140). MV3, module background scripts (112) and 'wasm-unsafe-eval' (102)
 * are older.
 */
export const GECKO_MIN_VERSION = '140.0';
/** Firefox for Android knows `data_collection_permissions` from 142 (MDN, browser_specific_settings). */
export const GECKO_ANDROID_MIN_VERSION = '142.0';

/**
 * Permissions Firefox does not know: `offscreen`, Chrome's offscreen document, through which the service worker
 * starts the review Worker (extension/review-lane.js); Firefox's event page starts it itself.
 */
export const CHROME_ONLY_PERMISSIONS = ['offscreen'];

/** The match pattern of every host of every site, in the site list's order. */
export function hostPatterns(siteData) {
  return siteData.sites.flatMap((site) => site.hosts.map((host) => `https://${host}/*`));
}

/** The manifest: the template with `matches` set on each content script and web-accessible resource entry. */
export function buildManifest(template, siteData) {
  const matches = hostPatterns(siteData);
  for (const key of ['content_scripts', 'web_accessible_resources']) {
    for (const entry of template[key]) {
      if ('matches' in entry)
        throw new Error(`manifest.json ${key}: the hosts come from data/sites.json, not the template`);
    }
  }
  return {
    ...template,
    content_scripts: template.content_scripts.map((entry) => ({ matches, ...entry })),
    web_accessible_resources: template.web_accessible_resources.map((entry) => ({ ...entry, matches })),
  };
}

/**
 * The Firefox manifest of a Chrome manifest. Firefox's MV3 background is an event page: the worker's module runs
 * as a background script (`scripts` + `type: "module"`; Firefox has no extension service worker by default).
 * Gecko settings: the add-on id, minimum versions, and the data collection declaration (nothing is collected:
 * `required: ["none"]`). Chrome-only keys go: `minimum_chrome_version`, and `use_dynamic_url` on web-accessible
 * resources (not in Firefox's manifest schema), and the `offscreen` permission (CHROME_ONLY_PERMISSIONS).
 */
export function firefoxManifest(chrome) {
  const { service_worker: worker, ...background } = chrome.background;
  if (!worker) throw new Error('the Chrome manifest has no background service worker');
  const { minimum_chrome_version: _chromeOnly, ...rest } = chrome;
  return {
    ...rest,
    permissions: chrome.permissions.filter((permission) => !CHROME_ONLY_PERMISSIONS.includes(permission)),
    background: { ...background, scripts: [worker] },
    web_accessible_resources: chrome.web_accessible_resources.map(({ use_dynamic_url: _dynamic, ...entry }) => entry),
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: GECKO_MIN_VERSION,
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: GECKO_ANDROID_MIN_VERSION },
    },
  };
}

/** The manifest built from the repository's template and site list, for 'chrome' or 'firefox'. */
export function projectManifest(browser = 'chrome') {
  const read = (file) => JSON.parse(readFileSync(resolve(root, file), 'utf8'));
  const chrome = buildManifest(read('manifest.json'), read('data/sites.json'));
  if (browser === 'chrome') return chrome;
  if (browser === 'firefox') return firefoxManifest(chrome);
  throw new Error(`no manifest for browser ${browser}: chrome or firefox`);
}

/** The manifest file's text. */
export const manifestText = (manifest) => `${JSON.stringify(manifest, null, 2)}\n`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [out, browser = 'chrome'] = process.argv.slice(2);
  if (!out) throw new Error('usage: node tools/build-manifest.mjs OUT [chrome|firefox]');
  writeFileSync(out, manifestText(projectManifest(browser)));
}
