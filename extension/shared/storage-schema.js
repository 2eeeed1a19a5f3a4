// The versioned layout of everything Stratège keeps in chrome.storage.local, its migrations, and the one-file
// export, import and deletion of the user's data (settings with the dictionary, imported analytics, planned posts).
//
// Versions: 1, the settings alone; 2, the settings' `gate` (the review before posting: settings.js fills it);
// 3, the schedule's data under `schedule` ({imports, plans}: schedule-store.js). The version is stored under
// `schemaVersion`; storage without it predates version 3 and is read as the version its settings said then (1 or
// 2). The settings' own `version` (settings.js) counts their defaults' keys and has moved on separately since.

import { SETTINGS_VERSION, withDefaults } from './settings.js';
import { SCHEDULE_KEY } from './schedule-store.js';

export const SCHEMA_VERSION = 3;
const VERSION_KEY = 'schemaVersion';
const SETTINGS_KEY = 'settings';
/** The export file's `format`: a file without it is not Stratège's. */
export const EXPORT_FORMAT = 'stratege-data';

/** Each migration takes the stored items of the version before and answers those of its version. */
const MIGRATIONS = {
  2: (items) => ({ ...items, [SETTINGS_KEY]: { ...withDefaults(items[SETTINGS_KEY]), version: SETTINGS_VERSION } }),
  3: (items) => ({
    ...items,
    [SCHEDULE_KEY]: {
      imports: Array.isArray(items[SCHEDULE_KEY]?.imports) ? items[SCHEDULE_KEY].imports : [],
      plans: Array.isArray(items[SCHEDULE_KEY]?.plans) ? items[SCHEDULE_KEY].plans : [],
    },
  }),
};

/** The version stored items are in. */
export function versionOf(items) {
  if (Number.isInteger(items?.[VERSION_KEY])) return items[VERSION_KEY];
  const settings = items?.[SETTINGS_KEY]?.version;
  return Number.isInteger(settings) ? Math.min(Math.max(settings, 1), 2) : 1;
}

/**
 * Stored items brought to SCHEMA_VERSION, one migration after another (pure: no chrome.* needed). Items of a newer
 * version than this build knows are refused rather than read wrongly.
 */
export function migrate(items) {
  const from = versionOf(items);
  if (from > SCHEMA_VERSION) throw new Error(`data of version ${from}, newer than this Stratège (${SCHEMA_VERSION})`);
  let out = { ...items };
  for (let version = from + 1; version <= SCHEMA_VERSION; version++) out = MIGRATIONS[version](out);
  return { ...out, [VERSION_KEY]: SCHEMA_VERSION };
}

/** Migrates what chrome.storage.local holds, if it is older than this build (the worker does it at startup). */
export async function migrateStorage() {
  const items = await chrome.storage.local.get([VERSION_KEY, SETTINGS_KEY, SCHEDULE_KEY]);
  if (versionOf(items) === SCHEMA_VERSION && items[VERSION_KEY] === SCHEMA_VERSION) return;
  await chrome.storage.local.set(migrate(items));
}

/** The user's data as one JSON-ready object: settings (with the dictionary), imports and plans. */
export async function exportData() {
  const items = migrate(await chrome.storage.local.get([VERSION_KEY, SETTINGS_KEY, SCHEDULE_KEY]));
  return {
    format: EXPORT_FORMAT,
    [VERSION_KEY]: SCHEMA_VERSION,
    exported: new Date().toISOString(),
    [SETTINGS_KEY]: withDefaults(items[SETTINGS_KEY]),
    [SCHEDULE_KEY]: items[SCHEDULE_KEY],
  };
}

/** The stored items an export file gives (migrated from its version), or an error saying why it is refused. */
export function itemsOfExport(data) {
  if (data?.format !== EXPORT_FORMAT) throw new Error('not a Stratège data file');
  const { [SETTINGS_KEY]: settings, [SCHEDULE_KEY]: schedule } = migrate({
    [VERSION_KEY]: data[VERSION_KEY],
    [SETTINGS_KEY]: data[SETTINGS_KEY],
    [SCHEDULE_KEY]: data[SCHEDULE_KEY],
  });
  return { [VERSION_KEY]: SCHEMA_VERSION, [SETTINGS_KEY]: withDefaults(settings), [SCHEDULE_KEY]: schedule };
}

/** Replaces the user's data with an export file's. */
export async function importData(data) {
  await chrome.storage.local.set(itemsOfExport(data));
}

/** Deletes everything Stratège stored, and its reminders and notifications. */
export async function deleteAllData() {
  await chrome.storage.local.clear();
  await chrome.alarms?.clearAll();
  const shown = (await chrome.notifications?.getAll()) || {};
  await Promise.all(Object.keys(shown).map((id) => chrome.notifications.clear(id)));
}
