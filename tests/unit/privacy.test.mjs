// What the extension's code may not do, checked on its source: write HTML from strings (user text would become
// markup: Trusted-Types-clean code builds nodes), evaluate strings as code, or open any channel to the network.
// The one fetch allowed reads the extension's own files (its dictionaries), by a URL relative to the script.
// The browser tests prove the same at run time: each launch records every request that leaves the fixture
// hosts, from pages, frames and workers, and asserts there is none.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(js|mjs|html)$/.test(name) ? [path] : [];
  });
}

const FORBIDDEN = [
  [
    /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|createContextualFragment/,
    'HTML written from a string',
  ],
  [/\beval\s*\(|new\s+Function\s*\(|setTimeout\s*\(\s*['"`]/, 'a string run as code'],
  [/XMLHttpRequest|WebSocket|sendBeacon|EventSource|RTCPeerConnection|navigator\.connect/, 'a network channel'],
  [/\bfetch\s*\((?!\s*new URL\(.*import\.meta\.url\))/, 'a fetch of anything but the extension’s own files'],
  [/\bimport\s*\(\s*['"`]https?:/, 'code loaded from the network'],
];

test("the extension's code writes no HTML from strings, runs no string as code and opens no network channel", () => {
  const found = [];
  for (const file of sources(join(root, 'extension'))) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (/^\s*(\/\/|\*)/.test(line)) return; // comments may name what is forbidden
      for (const [pattern, what] of FORBIDDEN) {
        if (pattern.test(line)) found.push(`${file.slice(root.length)}:${i + 1}: ${what}: ${line.trim()}`);
      }
    });
  }
  assert.deepEqual(found, []);
});

test('the manifest asks for no host permission and no network-related permission', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  assert.deepEqual(manifest.host_permissions ?? [], []);
  for (const permission of manifest.permissions ?? []) {
    assert.ok(
      !['webRequest', 'webRequestBlocking', 'declarativeNetRequest', 'proxy', '<all_urls>'].includes(permission),
      permission,
    );
  }
});
