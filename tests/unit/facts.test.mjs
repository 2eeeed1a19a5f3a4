// Facts live once: the platform limits (data/platforms.json) and the site hosts (data/sites.json) appear in no
// other product source (the Rust core, the extension, the manifest template, the tools), and the built manifest's
// host lists are the site list's. Tests and benchmarks state expected values on purpose and are not scanned; the
// README's platform table is checked against the data by src/platform.rs.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { buildManifest, hostPatterns, projectManifest } from '../../tools/build-manifest.mjs';
import { SITES, siteFor, isReply } from '../../extension/content/sites.js';
import { DEFAULTS } from '../../extension/shared/settings.js';

const root = resolve(import.meta.dirname, '../..');
const read = (file) => readFileSync(join(root, file), 'utf8');
const PLATFORMS = JSON.parse(read('data/platforms.json')).platforms;
const SITE_DATA = JSON.parse(read('data/sites.json'));

/** Values that are not the fact they look like, with the reason. */
const NOT_FACTS = [
  {
    file: /^src\/hashtags\//,
    line: /FREQUENT_\w+_RANK|TRUSTED_WEB_WORDS/,
    why: 'word-list ranks and sizes, not limits',
  },
  {
    file: /^tools\/demo\.mjs$/,
    line: /h\.open\(/,
    why: "the demo opens the browser tests' fixture pages, served under the sites' host names",
  },
  {
    file: /^src\/twitter\//,
    line: /max_weighted_length: 280/,
    why: "twitter-text's own v3 configuration (maxWeightedTweetLength), which moves to data/twitter/ (issue 8)",
  },
  {
    file: /^src\/measure\.rs$/,
    line: /MASTODON_URL_WEIGHT: u32 = 23/,
    why: 'the definition of the unit graphemes-url23 (units are code; data/platforms.json names them)',
  },
];

/** The product sources: what ships in the extension or the CLI, and the tools that build it. */
function productFiles() {
  const under = (dir, extensions) =>
    readdirSync(join(root, dir), { recursive: true })
      .map((file) => join(dir, String(file)))
      .filter((file) => extensions.some((ext) => file.endsWith(ext)));
  return [
    ...under('src', ['.rs']),
    ...under('extension', ['.js', '.html', '.css']),
    ...under('tools', ['.mjs', '.js', '.py']),
    'manifest.json',
  ];
}

/** A file's code lines, [number, text], without comments and without Rust `#[cfg(test)]` items. */
function codeLines(file) {
  const text = read(file).replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' '));
  const lines = [];
  let skipping = false;
  let inBlockComment = false;
  text.split('\n').forEach((line, index) => {
    if (skipping) {
      // A test item ends at its closing brace at the margin (rustfmt), or is one line (`mod tests;`).
      if (line === '}' || (skipping === 'first' && line.endsWith(';'))) skipping = false;
      else if (!line.startsWith('#[')) skipping = 'body';
      return;
    }
    if (file.endsWith('.rs') && line === '#[cfg(test)]') {
      skipping = 'first';
      return;
    }
    const trimmed = line.trim();
    if (inBlockComment) {
      if (trimmed.includes('*/')) inBlockComment = false;
      return;
    }
    if (trimmed.startsWith('/*')) {
      inBlockComment = !trimmed.includes('*/');
      return;
    }
    if (trimmed.startsWith('//') || trimmed.startsWith('* ') || (file.endsWith('.py') && trimmed.startsWith('#')))
      return;
    lines.push([index + 1, line.replace(/(^|\s)\/\/.*$/, '')]);
  });
  return lines;
}

/** Every line of product code where `pattern` finds what `accept` takes (and NOT_FACTS does not), as "file:line: text". */
function findInProduct(pattern, accept = () => true) {
  const found = [];
  for (const file of productFiles()) {
    for (const [number, line] of codeLines(file)) {
      if (NOT_FACTS.some((allowed) => allowed.file.test(file) && allowed.line.test(line))) continue;
      if ([...line.matchAll(pattern)].some(accept)) found.push(`${file}:${number}: ${line.trim()}`);
    }
  }
  return found;
}

test('no platform limit or feed cut is written outside data/platforms.json', () => {
  const facts = new Set();
  for (const p of PLATFORMS) {
    for (const limit of [p.post, p.reply, p.premium]) if (limit) facts.add(limit.max);
    if (p.preview) facts.add(p.preview.chars);
  }
  // Below 100, numbers are too common in code to be told apart by value: they are checked by name below.
  const distinctive = [...facts].filter((n) => n >= 100);
  assert.ok(distinctive.length >= 8, `the data's limits: ${distinctive}`);
  const number = /(?<![\w.{+#-])(\d{1,3}(?:[,_]\d{3})+|\d+)(?![\w])/g;
  const found = findInProduct(number, (match) => distinctive.includes(Number(match[1].replace(/[,_]/g, ''))));
  assert.deepEqual(found, [], 'read these from data/platforms.json');
});

test('no hashtag limit or feed cut is a named constant outside data/platforms.json', () => {
  const subjects = [
    'hashtag',
    'advised',
    'preview',
    'feed_?cut',
    ...PLATFORMS.map((p) => p.id).filter((id) => id.length > 1),
  ];
  const named = new RegExp(`\\b\\w*(${subjects.join('|')})\\w*\\s*(?::\\s*[\\w&']+\\s*)?[:=]\\s*\\d+`, 'gi');
  assert.deepEqual(findInProduct(named), [], 'read these from data/platforms.json');
  // What the extension uses is the data's value.
  const instagram = PLATFORMS.find((p) => p.id === 'instagram');
  assert.equal(DEFAULTS.instagramHashtagLimit, instagram.hashtags.max);
});

test('no site host is written outside data/sites.json', () => {
  const hosts = SITE_DATA.sites.flatMap((site) => site.hosts);
  const escaped = hosts.map((host) => host.replaceAll('.', '\\.')).join('|');
  const host = new RegExp(`(?<![\\w.-])(${escaped})(?![\\w-]|\\.\\w)`, 'g');
  assert.deepEqual(findInProduct(host), [], 'read these from data/sites.json');
});

test('the scan sees what it looks for', () => {
  // The scan's own parts, on this repository: product files exist, comments and Rust tests are left out.
  const files = productFiles();
  assert.ok(files.includes('src/platform.rs') && files.includes('extension/content/sites.js'), String(files));
  const platform = codeLines('src/platform.rs').map(([, line]) => line);
  assert.ok(platform.some((line) => line.includes('include_str!("../data/platforms.json")')));
  assert.ok(!platform.some((line) => line.includes('fn the_readme_table_is_the_data')), 'Rust tests are skipped');
  assert.ok(!platform.some((line) => line.includes('//!')), 'comments are skipped');
});

test('the sites read from data/sites.json keep their adapters', () => {
  assert.deepEqual(
    SITES.map((site) => [site.id, site.platform, site.hosts]),
    SITE_DATA.sites.map((site) => [site.id, site.platform, site.hosts]),
  );
  for (const site of SITE_DATA.sites) for (const host of site.hosts) assert.equal(siteFor(host)?.id, site.id, host);
  assert.equal(siteFor('example.com'), null);
  // X's reply condition on the page path is a RegExp again.
  const rule = siteFor('x.com').composers[0];
  const outside = { closest: () => null };
  assert.equal(isReply(rule, outside, { pathname: '/ana_builds/status/1859912345678901234' }), true);
  assert.equal(isReply(rule, outside, { pathname: '/home' }), false);
});

test('the manifest takes its host lists from the site list', () => {
  const template = JSON.parse(read('manifest.json'));
  const manifest = buildManifest(template, SITE_DATA);
  const patterns = hostPatterns(SITE_DATA);
  assert.equal(patterns.length, SITE_DATA.sites.flatMap((site) => site.hosts).length);
  for (const entry of [...manifest.content_scripts, ...manifest.web_accessible_resources]) {
    assert.deepEqual(entry.matches, patterns);
  }
  assert.deepEqual(manifest.content_scripts[0].js, ['content.js']);
  const restated = { ...template, content_scripts: [{ ...template.content_scripts[0], matches: patterns }] };
  assert.throws(() => buildManifest(restated, SITE_DATA), /hosts come from data\/sites\.json/);
});

const built = join(root, 'dist/chrome/manifest.json');
test('the built manifest is the template with the site list', {
  skip: !existsSync(built) && 'make build first',
}, () => {
  assert.deepEqual(JSON.parse(readFileSync(built, 'utf8')), projectManifest(), relative(root, built));
});

test('the languages the extension loads are those with a lexicon in data/hashtags and a packed file in the build', async () => {
  const { LEXICON_LANGUAGES } = await import('../../extension/shared/languages.js');
  const folders = readdirSync(join(root, 'data/hashtags'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  assert.deepEqual([...LEXICON_LANGUAGES].sort(), folders);
  const packed = [...read('Makefile').matchAll(/\$\(DIST\)\/lexicon\/(\w+)\.bin/g)].map((match) => match[1]);
  assert.deepEqual([...new Set(packed)].sort(), folders);
});
