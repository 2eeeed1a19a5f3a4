// Options page: every setting in one place (the settings form: sites, account, checks and their thresholds,
// language, tone), what holds a post (the review before posting), the user's dictionary, and the platform rules
// table read from the Rust core, in the interface's language. Each part is a <section> of options.html; later
// capabilities add theirs.

import init, { platforms, version } from './pkg/stratege.js';
import { bindSettingsForm, factNumber, factText } from './settings-form.js';
import { bindDictionaryForm } from './dictionary-form.js';
import { bindDataSection } from './options-data.js';
import { bindScheduleSection } from './options-schedule.js';
import { platformFacts } from './shared/facts.js';
import { localize, msg } from './shared/i18n.js';
import { GATE_ACTIONS, GATE_KINDS, loadSettings, onSettingsChanged, saveSettings } from './shared/settings.js';
import { unitName } from './shared/units.js';

localize(document, factText);
const form = document.querySelector('[data-stratege="settings"]');
bindSettingsForm(form, form.querySelector('.saved'));
bindDictionaryForm(document.querySelector('[data-stratege="dictionary"]'));
bindDataSection(document.querySelector('[data-stratege="data"]'));
bindScheduleSection(document.querySelector('[data-stratege="best-times"]'));

const GATE_KIND_LABELS = {
  length: () => msg('optionsGateLength'),
  'hashtag-spelling': () => msg('optionsGateSpelling'),
  'hashtag-broken': () => msg('optionsGateBroken'),
  'hashtag-duplicate': () => msg('optionsGateDuplicate'),
  'hashtag-limit': () => msg('optionsGateLimit'),
  tone: () => msg('optionsGateTone'),
  'invalid-char': () => msg('optionsGateInvalidChar'),
  'lone-surrogate': () => msg('optionsGateLoneSurrogate'),
  'media-crop': () => msg('mediaKind_media_crop'),
  'media-size': () => msg('mediaKind_media_size'),
  'media-count': () => msg('mediaKind_media_count'),
  'media-format': () => msg('mediaKind_media_format'),
  'media-alt': () => msg('mediaKind_media_alt'),
};
const GATE_ACTION_LABELS = {
  hold: () => msg('optionsGateHold'),
  note: () => msg('optionsGateNote'),
  ignore: () => msg('optionsGateIgnore'),
};
bindGateForm(document.querySelector('[data-stratege="gate-settings"]'));

/** One select per problem kind (`gate-<kind>`), saved at once; a change reaches open tabs through the storage. */
async function bindGateForm(gateForm) {
  const box = gateForm.querySelector('.gate-kinds');
  for (const kind of GATE_KINDS) {
    const label = document.createElement('label');
    const select = document.createElement('select');
    select.name = `gate-${kind}`;
    for (const action of GATE_ACTIONS) select.add(new Option(GATE_ACTION_LABELS[action](), action));
    label.append(`${GATE_KIND_LABELS[kind]()} `, select);
    box.append(label);
  }
  const show = (settings) => {
    for (const kind of GATE_KINDS) gateForm.elements[`gate-${kind}`].value = settings.gate[kind];
  };
  show(await loadSettings());
  onSettingsChanged(show);
  gateForm.addEventListener('change', () => {
    const gate = Object.fromEntries(GATE_KINDS.map((kind) => [kind, gateForm.elements[`gate-${kind}`].value]));
    const status = gateForm.querySelector('[role="status"]');
    saveSettings({ gate }).then(
      () => {
        status.textContent = '';
      },
      () => {
        // Storage full or unavailable: the selects go back to what is stored.
        status.textContent = msg('storageFailed');
        loadSettings().then(show, () => {});
      },
    );
  });
}

init({ module_or_path: new URL('./pkg/stratege_bg.wasm', import.meta.url) }).then(() => {
  document.querySelector('[data-stratege="version"]').textContent = version();
  const body = document.querySelector('[data-stratege="platforms"] tbody');
  const number = factNumber;
  for (const p of platforms()) {
    const row = document.createElement('tr');
    const premium = p.premium ? ` ${msg('optionsPremiumLimit', number.format(p.premium.max))}` : '';
    const unconfirmed = p.reply?.confidence === 'UNCONFIRMED' ? ` ${msg('optionsUnconfirmed')}` : '';
    const feed = p.preview ? `; ${msg('optionsFeedCut', p.preview.chars, p.preview.lines)}` : '';
    const cells = [
      [p.name],
      [number.format(p.post.max) + premium, 'num'],
      [p.reply ? number.format(p.reply.max) + unconfirmed : '—', 'num'],
      [unitName(platformFacts(p.id)?.unit, p.unit) + feed],
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
