// The interface's two languages stay complete: every key exists in English and in French with the same
// placeholders, every message is non-empty, and every key the extension's code asks for exists.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const read = (lang) => JSON.parse(readFileSync(join(root, 'extension/_locales', lang, 'messages.json'), 'utf8'));
const en = read('en');
const fr = read('fr');

/** The `$1`…`$9` substitutions and named placeholders a message uses, sorted. */
function placeholders(entry) {
  return [...new Set(entry.message.match(/\$\d|\$[A-Za-z_]+\$/g) ?? [])].sort();
}

test('every key exists in English and in French, with the same placeholders and a non-empty message', () => {
  assert.deepEqual(
    Object.keys(fr).filter((k) => !(k in en)),
    [],
    'keys only in French',
  );
  assert.deepEqual(
    Object.keys(en).filter((k) => !(k in fr)),
    [],
    'keys only in English',
  );
  for (const key of Object.keys(en)) {
    for (const [lang, table] of [
      ['en', en],
      ['fr', fr],
    ]) {
      assert.ok(table[key].message.trim(), `${lang}/${key} is empty`);
    }
    assert.deepEqual(placeholders(fr[key]), placeholders(en[key]), `${key}: the same placeholders in both languages`);
  }
});

/** Every file of the extension's own code. */
function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '_locales' ? [] : sources(path);
    return /\.(js|html)$/.test(name) ? [path] : [];
  });
}

test("every key the extension's code and pages ask for is in the locale files", () => {
  const missing = [];
  for (const file of [...sources(join(root, 'extension')), join(root, 'manifest.json')]) {
    const text = readFileSync(file, 'utf8');
    const keys = [
      ...[...text.matchAll(/\bmsg\(\s*'([A-Za-z0-9_]+)'/g)].map((m) => m[1]),
      ...[...text.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)].map((m) => m[1]),
      ...[...text.matchAll(/data-i18n(?:-[a-z]+)?="([A-Za-z0-9_]+)"/g)].map((m) => m[1]),
    ];
    for (const key of keys) if (!(key in en)) missing.push(`${file.slice(root.length)}: ${key}`);
  }
  assert.deepEqual(missing, []);
});
