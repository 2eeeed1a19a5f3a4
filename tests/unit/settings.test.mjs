// The settings store's merge of stored values over the defaults (no chrome.* needed for it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULTS, GATE_KINDS, SETTINGS_VERSION, withDefaults } from '../../extension/shared/settings.js';

test('a new key always has its default; stored values win one level deep', () => {
  const s = withDefaults({ premium: true, tone: { x: 'strict' } });
  assert.equal(s.premium, true);
  assert.deepEqual(s.tone, { x: 'strict', facebook: 'relaxed', instagram: 'relaxed' });
  assert.deepEqual(s.sites, { ...DEFAULTS.sites });
  assert.equal(s.instagramHashtagLimit, 5);
  assert.equal(s.language, 'auto');
});

test('the dictionary stays a list (stored or default) and is never shared with the defaults', () => {
  assert.deepEqual(withDefaults({ dictionary: ['Stratège', 'COP29'] }).dictionary, ['Stratège', 'COP29']);
  const empty = withDefaults(undefined).dictionary;
  assert.ok(Array.isArray(empty) && empty.length === 0);
  empty.push('x');
  assert.deepEqual(DEFAULTS.dictionary, []);
  assert.deepEqual(withDefaults({ dictionary: 'oops' }).dictionary, []);
});

test('settings of version 1 (no `gate`) get the review before posting on for every kind, and the new version', () => {
  const s = withDefaults({ premium: true });
  assert.equal(s.version, SETTINGS_VERSION);
  assert.deepEqual(Object.keys(s.gate), GATE_KINDS);
  assert.ok(Object.values(s.gate).every((action) => action === 'hold'));
  assert.equal(withDefaults({ gate: { tone: 'ignore' } }).gate.tone, 'ignore');
  assert.equal(withDefaults({ gate: { tone: 'ignore' } }).gate.length, 'hold');
});
