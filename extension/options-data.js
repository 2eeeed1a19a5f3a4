// Options page, "Your data": export the settings, dictionary, imported analytics and planned posts as one JSON
// file, import such a file (it replaces what is stored), and delete all of Stratège's data on this device.

import { msg } from './shared/i18n.js';
import { deleteAllData, exportData, importData } from './shared/storage-schema.js';

/** @param {Element} section the `[data-stratege="data"]` section of options.html */
export function bindDataSection(section) {
  for (const el of section.querySelectorAll('[data-i18n]')) el.textContent = msg(el.dataset.i18n);
  const status = section.querySelector('[data-stratege="data-status"]');
  const say = (text) => {
    status.textContent = text;
  };
  const exportButton = section.querySelector('[data-stratege="data-export"]');
  exportButton.addEventListener('click', async () => {
    const data = await exportData();
    const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `stratege-data-${data.exported.slice(0, 10)}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href));
    say(msg('scheduleDataExported'));
  });

  const file = section.querySelector('[data-stratege="data-import"]');
  file.addEventListener('change', async () => {
    const chosen = file.files[0];
    if (!chosen) return;
    try {
      await importData(JSON.parse(await chosen.text()));
      say(msg('scheduleDataImported', chosen.name));
    } catch (error) {
      say(msg('scheduleDataImportFailed', chosen.name, error.message));
    } finally {
      file.value = '';
    }
  });

  const remove = section.querySelector('[data-stratege="data-delete"]');
  const confirm = section.querySelector('[data-stratege="data-delete-confirm"]');
  remove.addEventListener('click', () => {
    confirm.hidden = false;
    confirm.focus();
  });
  confirm.addEventListener('click', async () => {
    confirm.hidden = true;
    await deleteAllData();
    say(msg('scheduleDataDeleted'));
  });
}
