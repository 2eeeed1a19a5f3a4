// Writes the extension's manifest: the template (manifest.json, which holds no host) with every content script's
// and web-accessible resource's `matches` filled from the site list (data/sites.json), so the hosts live once.
// Usage: node tools/build-manifest.mjs OUT (the Makefile writes dist/chrome/manifest.json).

import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(import.meta.dirname, '..');

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

/** The manifest built from the repository's template and site list. */
export function projectManifest() {
  const read = (file) => JSON.parse(readFileSync(resolve(root, file), 'utf8'));
  return buildManifest(read('manifest.json'), read('data/sites.json'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out) throw new Error('usage: node tools/build-manifest.mjs OUT');
  writeFileSync(out, `${JSON.stringify(projectManifest(), null, 2)}\n`);
}
