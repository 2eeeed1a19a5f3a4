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

test('corrupt stored settings give working ones: each wrong value takes its default, unknown keys go', () => {
  for (const stored of ['garbage', 42, null, [], [1, 2], true])
    assert.deepEqual(withDefaults(stored), withDefaults({}));
  const s = withDefaults({
    premium: 'yes',
    sites: { x: 'on', facebook: false, nowhere: true },
    tone: { x: 'furious', instagram: 'strict' },
    tonePosts: 1,
    language: 42,
    instagramHashtagLimit: '5; drop table',
    dictionary: ['ok', 7, null, '', 'x'.repeat(101), { word: 'no' }],
    checks: 'all',
    gate: { tone: 'explode', length: 'note' },
    injected: '<img src=x onerror=alert(1)>',
  });
  assert.equal(s.premium, false);
  assert.deepEqual(s.sites, { ...DEFAULTS.sites, facebook: false });
  assert.deepEqual(s.tone, { ...DEFAULTS.tone, instagram: 'strict' });
  assert.equal(s.tonePosts, false);
  assert.equal(s.language, 'auto');
  assert.equal(s.instagramHashtagLimit, DEFAULTS.instagramHashtagLimit);
  assert.deepEqual(s.dictionary, ['ok']);
  assert.deepEqual(s.checks, { ...DEFAULTS.checks });
  assert.equal(s.gate.tone, 'hold');
  assert.equal(s.gate.length, 'note');
  assert.equal('injected' in s, false);
  assert.deepEqual(Object.keys(s).sort(), Object.keys(DEFAULTS).sort());
});

test('limits out of range take the default; the dictionary is bounded', () => {
  for (const limit of [0, 31, 2.5, Number.NaN, -1]) {
    assert.equal(withDefaults({ instagramHashtagLimit: limit }).instagramHashtagLimit, DEFAULTS.instagramHashtagLimit);
  }
  assert.equal(withDefaults({ instagramHashtagLimit: 30 }).instagramHashtagLimit, 30);
  const many = Array.from({ length: 6000 }, (_, i) => `word${i}`);
  assert.equal(withDefaults({ dictionary: many }).dictionary.length, 5000);
});
