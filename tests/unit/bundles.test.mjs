// The built bundles (`make build`, tools/bundle.mjs): the site list's adapters (how the content script finds a
// site's composers, attachments and unrecognised pages) are in the content script alone; the extension's pages and
// workers read a site's id, platform and hosts only.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const root = resolve(import.meta.dirname, '../..');
const DIST = join(root, 'dist/chrome');
const SITES = JSON.parse(readFileSync(join(root, 'data/sites.json'), 'utf8')).sites;
/** What of a site the bundles other than the content script keep (tools/bundle.mjs `SITE_FACTS`). */
const FACTS = ['id', 'platform', 'hosts'];

/** Every value of `value` as a string, however deep. */
const strings = (value) =>
  typeof value === 'object' && value !== null ? Object.values(value).flatMap(strings) : [String(value)];

/**
 * Pieces of the adapters' strings that a minifier writes as they are (between the quotes and backslashes it may
 * escape) and long enough to be theirs alone: CSS selectors, attribute values, class names.
 */
const adapterPieces = [
  ...new Set(
    SITES.flatMap((site) =>
      Object.entries(site)
        .filter(([key]) => !FACTS.includes(key))
        .flatMap(([, v]) => strings(v)),
    )
      .flatMap((s) => s.split(/["'`\\]/))
      .filter((piece) => piece.length >= 10),
  ),
];

test('the adapters are in the content script and in no other bundle', () => {
  assert.ok(existsSync(join(DIST, 'content.js')), 'dist/chrome is built (make build)');
  assert.ok(adapterPieces.length >= 5, `enough adapter pieces to look for: ${adapterPieces.length}`);
  const content = readFileSync(join(DIST, 'content.js'), 'utf8');
  for (const s of adapterPieces) assert.ok(content.includes(s), `content.js holds ${s}`);
  const others = readdirSync(DIST).filter((file) => file.endsWith('.js') && file !== 'content.js');
  assert.ok(others.length >= 4, `the pages' and workers' bundles: ${others.join(', ')}`);
  for (const file of others) {
    const bundle = readFileSync(join(DIST, file), 'utf8');
    const kept = adapterPieces.filter((s) => bundle.includes(s));
    assert.deepEqual(kept, [], `${file} holds adapter pieces`);
  }
});
