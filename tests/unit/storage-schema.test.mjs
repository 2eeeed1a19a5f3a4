// The versioned storage layout (extension/shared/storage-schema.js): migrations from every older version, refusal
// of newer data, and the export file's round trip (no chrome.* needed for these).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SCHEMA_VERSION, itemsOfExport, migrate, versionOf } from '../../extension/shared/storage-schema.js';
import { GATE_KINDS } from '../../extension/shared/settings.js';

test('version 1 (settings alone) gets the gate and an empty schedule', () => {
  const items = { settings: { premium: true, dictionary: ['Stratège'] } };
  assert.equal(versionOf(items), 1);
  const out = migrate(items);
  assert.equal(out.schemaVersion, SCHEMA_VERSION);
  assert.equal(out.settings.premium, true);
  assert.deepEqual(out.settings.dictionary, ['Stratège']);
  assert.deepEqual(Object.keys(out.settings.gate), GATE_KINDS);
  assert.deepEqual(out.schedule, { imports: [], plans: [] });
});

test('version 2 keeps its gate choices and gets the schedule; version 3 is left as it is', () => {
  const v2 = { settings: { version: 2, gate: { tone: 'ignore' } } };
  assert.equal(versionOf(v2), 2);
  const out = migrate(v2);
  assert.equal(out.settings.gate.tone, 'ignore');
  assert.deepEqual(out.schedule, { imports: [], plans: [] });
  const plans = [{ id: 'p1', platform: 'x', at: '2026-12-02T18:00', draft: 'Hi', reminder: true }];
  const v3 = { schemaVersion: 3, settings: out.settings, schedule: { imports: [], plans } };
  assert.deepEqual(migrate(v3).schedule.plans, plans);
  assert.throws(() => migrate({ schemaVersion: SCHEMA_VERSION + 1 }), /newer than this Stratège/);
});

test('an export file gives back the stored items; a file that is not ours is refused', () => {
  const file = {
    format: 'stratege-data',
    schemaVersion: 3,
    exported: '2026-12-02T12:00:00.000Z',
    settings: { premium: true, dictionary: ['COP29'] },
    schedule: { imports: [{ file: 'a.csv', platform: 'x' }], plans: [] },
  };
  const items = itemsOfExport(file);
  assert.equal(items.settings.premium, true);
  assert.deepEqual(items.settings.dictionary, ['COP29']);
  assert.deepEqual(items.schedule.imports, [{ file: 'a.csv', platform: 'x' }]);
  assert.throws(() => itemsOfExport({ settings: {} }), /not a Stratège data file/);
});

test('settings saved with their own newer version (3: checks) before the schema existed still get the schedule', () => {
  const items = { settings: { version: 3, checks: { 'hashtag-spelling': false } } };
  assert.equal(versionOf(items), 2);
  const out = migrate(items);
  assert.equal(out.settings.checks['hashtag-spelling'], false);
  assert.deepEqual(out.schedule, { imports: [], plans: [] });
});
