// Options page: the settings form, what holds a post (the review before posting), the user's dictionary, and the
// platform rules table read from the Rust core.

import { msg } from './shared/i18n.js';
import init, { platforms, version } from './pkg/stratege.js';
import { bindSettingsForm } from './settings-form.js';
import { bindDictionaryForm } from './dictionary-form.js';
import { bindDataSection } from './options-data.js';
import { bindScheduleSection } from './options-schedule.js';
import { GATE_ACTIONS, GATE_KINDS, loadSettings, onSettingsChanged, saveSettings } from './shared/settings.js';

const form = document.querySelector('[data-stratege="settings"]');
bindSettingsForm(form, form.querySelector('.saved'));
bindDictionaryForm(document.querySelector('[data-stratege="dictionary"]'));
bindDataSection(document.querySelector('[data-stratege="data"]'));
bindScheduleSection(document.querySelector('[data-stratege="best-times"]'));

const GATE_KIND_LABELS = {
  length: 'Over the character limit',
  'hashtag-spelling': 'Misspelt hashtag',
  'hashtag-broken': 'Hashtag cut short by punctuation',
  'hashtag-duplicate': 'Repeated hashtag',
  'hashtag-limit': 'Too many hashtags',
  tone: 'Hostile reply',
  'invalid-char': 'Character the platform refuses',
  'lone-surrogate': 'Broken character',
  'media-crop': msg('mediaKind_media_crop'),
  'media-size': msg('mediaKind_media_size'),
  'media-count': msg('mediaKind_media_count'),
  'media-format': msg('mediaKind_media_format'),
  'media-alt': msg('mediaKind_media_alt'),
};
const GATE_ACTION_LABELS = { hold: 'Hold the post', note: 'List only', ignore: 'Ignore' };
bindGateForm(document.querySelector('[data-stratege="gate-settings"]'));

/** One select per problem kind (`gate-<kind>`), saved at once; a change reaches open tabs through the storage. */
async function bindGateForm(gateForm) {
  const box = gateForm.querySelector('.gate-kinds');
  for (const kind of GATE_KINDS) {
    const label = document.createElement('label');
    const select = document.createElement('select');
    select.name = `gate-${kind}`;
    for (const action of GATE_ACTIONS) select.add(new Option(GATE_ACTION_LABELS[action], action));
    label.append(`${GATE_KIND_LABELS[kind]} `, select);
    box.append(label);
  }
  const show = (settings) => {
    for (const kind of GATE_KINDS) gateForm.elements[`gate-${kind}`].value = settings.gate[kind];
  };
  show(await loadSettings());
  onSettingsChanged(show);
  gateForm.addEventListener('change', () => {
    const gate = Object.fromEntries(GATE_KINDS.map((kind) => [kind, gateForm.elements[`gate-${kind}`].value]));
    saveSettings({ gate });
  });
}

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
