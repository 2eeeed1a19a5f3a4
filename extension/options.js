// Options page: the settings form, the user's dictionary, and the platform rules table read from the Rust core.

import init, { platforms, version } from './pkg/stratege.js';
import { bindSettingsForm } from './settings-form.js';
import { bindDictionaryForm } from './dictionary-form.js';

const form = document.querySelector('[data-stratege="settings"]');
bindSettingsForm(form, form.querySelector('.saved'));
bindDictionaryForm(document.querySelector('[data-stratege="dictionary"]'));

init({ module_or_path: new URL('./pkg/stratege_bg.wasm', import.meta.url) }).then(() => {
  document.querySelector('[data-stratege="version"]').textContent = version();
  const body = document.querySelector('[data-stratege="platforms"] tbody');
  const number = new Intl.NumberFormat();
  for (const p of platforms()) {
    const row = document.createElement('tr');
    const premium = p.premium ? ` (Premium ${number.format(p.premium.max)})` : '';
    const cells = [
      [p.name],
      [number.format(p.post.max) + premium, 'num'],
      [
        p.reply ? `${number.format(p.reply.max)}${p.reply.confidence === 'UNCONFIRMED' ? ' (unconfirmed)' : ''}` : '—',
        'num',
      ],
      [p.unit + (p.preview ? `; feed shows ${p.preview.chars} characters / ${p.preview.lines} lines` : '')],
      [`${p.post.source} (${p.post.confidence})`],
    ];
    for (const [text, className] of cells) {
      const cell = document.createElement('td');
      cell.textContent = text;
      if (className) cell.className = className;
      row.append(cell);
    }
    body.append(row);
  }
});
