// The two packages' manifests, both generated from the template and the site list (tools/build-manifest.mjs):
// minimal permissions, the hosts of data/sites.json only, wasm allowed on extension pages, Chrome's service worker
// and Firefox's event page, Firefox's Gecko settings; and the zips tools/package.mjs writes (on a small stand-in
// build here; on the real one after `make package`) hold their manifest and every file it names.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import {
  CHROME_ONLY_PERMISSIONS,
  GECKO_ANDROID_MIN_VERSION,
  GECKO_MIN_VERSION,
  firefoxManifest,
  hostPatterns,
  manifestText,
  projectManifest,
} from '../../tools/build-manifest.mjs';
import { packageAll, referencedFiles } from '../../tools/package.mjs';

const root = resolve(import.meta.dirname, '../..');
const SITE_DATA = JSON.parse(readFileSync(join(root, 'data/sites.json'), 'utf8'));
const CHROME = projectManifest('chrome');
const FIREFOX = projectManifest('firefox');
/** Keys a Chrome MV3 manifest may not carry for Firefox, and the reverse. */
const CHROME_ONLY = ['minimum_chrome_version'];

const zipList = (zip) => execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('\n').filter(Boolean);
const zipManifest = (zip) => JSON.parse(execFileSync('unzip', ['-p', zip, 'manifest.json'], { encoding: 'utf8' }));

/** What both browsers must agree on, whatever the package. */
function assertCommonSanity(manifest) {
  assert.equal(manifest.manifest_version, 3);
  assert.deepEqual(
    manifest.permissions.filter((permission) => !CHROME_ONLY_PERMISSIONS.includes(permission)),
    ['storage', 'alarms', 'notifications'],
    'API permissions: storage (settings, imports, plans), alarms and notifications (reminders of planned posts)',
  );
  for (const key of ['host_permissions', 'optional_permissions', 'optional_host_permissions']) {
    assert.equal(key in manifest, false, `no ${key}: the content script's hosts are the only host access`);
  }
  const hosts = hostPatterns(SITE_DATA);
  assert.ok(
    hosts.every((pattern) => /^https:\/\/[a-z0-9.-]+\/\*$/.test(pattern)),
    'exact https hosts, no wildcard',
  );
  for (const entry of [...manifest.content_scripts, ...manifest.web_accessible_resources]) {
    assert.deepEqual(entry.matches, hosts);
  }
  const csp = manifest.content_security_policy.extension_pages;
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(csp, /'unsafe-eval'|'unsafe-inline'|https?:|\*/);
  // Strict: nothing is allowed unless named, no inline style, no other origin, markup only through Trusted Types.
  for (const directive of [
    "default-src 'none'",
    "style-src 'self'",
    // data: for the reminder's icon, drawn by the worker (the notifications API fetches it).
    "connect-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
  ]) {
    assert.ok(csp.split(/;\s*/).includes(directive), directive);
  }
  assert.match(manifest.version, /^\d+\.\d+\.\d+$/);
}

test('the Chrome manifest: a module service worker, storage and the sites only, wasm on extension pages', () => {
  assertCommonSanity(CHROME);
  assert.deepEqual(CHROME.background, { service_worker: 'worker.js', type: 'module' });
  assert.equal('browser_specific_settings' in CHROME, false, 'Chrome warns about unknown keys');
  assert.ok(Number(CHROME.minimum_chrome_version) >= 116);
  assert.deepEqual(CHROME.permissions.slice(3), ['offscreen'], "the review Worker's offscreen document");
  assert.deepEqual(referencedFiles(CHROME), [
    'content.js',
    'options.html',
    'pkg/stratege.js',
    'pkg/stratege_bg.wasm',
    'popup.html',
    'worker.js',
  ]);
});

test('the Firefox manifest: an event page running the worker module, Gecko id and versions, nothing collected', () => {
  assertCommonSanity(FIREFOX);
  assert.deepEqual(FIREFOX.background, { type: 'module', scripts: ['worker.js'] });
  const { gecko, gecko_android: android } = FIREFOX.browser_specific_settings;
  assert.match(gecko.id, /^[a-z0-9.-]+@[a-z0-9.-]+$/);
  assert.equal(gecko.strict_min_version, GECKO_MIN_VERSION);
  assert.ok(Number.parseFloat(GECKO_MIN_VERSION) >= 140, 'data_collection_permissions needs Firefox 140');
  assert.equal(android.strict_min_version, GECKO_ANDROID_MIN_VERSION);
  assert.deepEqual(gecko.data_collection_permissions, { required: ['none'] });
  for (const key of CHROME_ONLY) assert.equal(key in FIREFOX, false, key);
  assert.deepEqual(
    FIREFOX.permissions,
    ['storage', 'alarms', 'notifications'],
    'no offscreen: the event page starts the Worker',
  );
  for (const entry of FIREFOX.web_accessible_resources) assert.equal('use_dynamic_url' in entry, false);
  // Everything else is Chrome's manifest unchanged: one template, one site list.
  const same = (m) => {
    const { background, browser_specific_settings, web_accessible_resources, permissions, ...rest } = m;
    for (const key of CHROME_ONLY) delete rest[key];
    return {
      ...rest,
      permissions: permissions.filter((permission) => !CHROME_ONLY_PERMISSIONS.includes(permission)),
      war: web_accessible_resources.map((e) => ({ resources: e.resources, matches: e.matches })),
    };
  };
  assert.deepEqual(same(FIREFOX), same(CHROME));
  assert.deepEqual(referencedFiles(FIREFOX), referencedFiles(CHROME));
});

test('the Firefox manifest needs a Chrome service worker to run', () => {
  assert.throws(() => firefoxManifest({ ...CHROME, background: { scripts: ['worker.js'] } }), /no background service/);
});

test('make package zips both builds with their own manifest and every file it names', () => {
  const dist = mkdtempSync(join(tmpdir(), 'stratege-package-'));
  try {
    const chromeDir = join(dist, 'chrome');
    for (const file of [...referencedFiles(CHROME), 'lexicon/en.bin']) {
      mkdirSync(dirname(join(chromeDir, file)), { recursive: true });
      writeFileSync(join(chromeDir, file), `stand-in for ${file}\n`);
    }
    writeFileSync(join(chromeDir, 'manifest.json'), manifestText(CHROME));
    const zips = packageAll(dist);
    assert.deepEqual(zipManifest(zips.chrome), CHROME);
    assert.deepEqual(zipManifest(zips.firefox), FIREFOX);
    assert.deepEqual(JSON.parse(readFileSync(join(dist, 'firefox/manifest.json'), 'utf8')), FIREFOX);
    const files = (zip) => zipList(zip).filter((entry) => !entry.endsWith('/'));
    assert.deepEqual(files(zips.chrome).sort(), ['lexicon/en.bin', 'manifest.json', ...referencedFiles(CHROME)].sort());
    assert.deepEqual(files(zips.firefox).sort(), files(zips.chrome).sort());

    rmSync(join(chromeDir, 'worker.js'));
    assert.throws(() => packageAll(dist), /names missing files: worker\.js/);
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});

const builtZip = join(root, 'dist/stratege-chrome.zip');
test('the Chrome package from make package holds the project manifest and every file it names', {
  skip: !existsSync(builtZip) && 'make package first',
}, () => {
  assert.deepEqual(zipManifest(builtZip), CHROME);
  const entries = new Set(zipList(builtZip));
  for (const file of referencedFiles(CHROME)) assert.ok(entries.has(file), `${file} in the Chrome package`);
  assert.deepEqual(zipManifest(join(root, 'dist/stratege-firefox.zip')), FIREFOX);
});
