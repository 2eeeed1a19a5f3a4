// Binds a settings form (popup or options page) to the settings store: fields show the stored values and
// every change is saved at once. Field names: `premium`, `site-<id>`, `tone-<id>`, `check-<kind>`, `tonePosts`,
// `language`, `instagramHashtagLimit`; a form may hold any of them, and saves only those it holds.

import {
  loadSettings,
  saveSettings,
  onSettingsChanged,
  HASHTAG_LIMIT_RANGE,
  LANGUAGES,
  SENSITIVITIES,
} from './shared/settings.js';
import { factValue } from './shared/facts.js';
import { msg, uiLanguage } from './shared/i18n.js';

const SENSITIVITY_LABELS = {
  off: () => msg('optionsToneOff'),
  relaxed: () => msg('optionsToneRelaxed'),
  strict: () => msg('optionsToneStrict'),
};

const LANGUAGE_LABELS = {
  auto: () => msg('optionsLanguageAuto'),
  en: () => msg('optionsLanguageEn'),
  fr: () => msg('optionsLanguageFr'),
};

export async function bindSettingsForm(form, status) {
  showFacts(form);
  const fields = form.elements;
  for (const select of form.querySelectorAll('select[name^="tone-"]')) {
    for (const value of SENSITIVITIES) select.add(new Option(SENSITIVITY_LABELS[value](), value));
  }
  for (const value of LANGUAGES) fields.language?.add(new Option(LANGUAGE_LABELS[value](), value));
  if (fields.instagramHashtagLimit)
    [fields.instagramHashtagLimit.min, fields.instagramHashtagLimit.max] = HASHTAG_LIMIT_RANGE;
  const show = (settings) => {
    if (fields.premium) fields.premium.checked = settings.premium;
    if (fields.tonePosts) fields.tonePosts.checked = settings.tonePosts;
    if (fields.language) fields.language.value = settings.language;
    if (fields.instagramHashtagLimit) fields.instagramHashtagLimit.value = String(settings.instagramHashtagLimit);
    for (const [id, on] of Object.entries(settings.sites)) {
      if (fields[`site-${id}`]) fields[`site-${id}`].checked = on;
    }
    for (const [id, level] of Object.entries(settings.tone)) {
      if (fields[`tone-${id}`]) fields[`tone-${id}`].value = level;
    }
    for (const [kind, on] of Object.entries(settings.checks)) {
      if (fields[`check-${kind}`]) fields[`check-${kind}`].checked = on;
    }
  };
  show(await loadSettings());
  onSettingsChanged(show);
  form.addEventListener('change', async () => {
    const current = await loadSettings();
    const change = {};
    if (fields.premium) change.premium = fields.premium.checked;
    if (fields.tonePosts) change.tonePosts = fields.tonePosts.checked;
    if (fields.language) change.language = fields.language.value;
    if (fields.instagramHashtagLimit) {
      // A number outside HASHTAG_LIMIT_RANGE gets the default (settings.js withDefaults).
      change.instagramHashtagLimit = Number(fields.instagramHashtagLimit.value);
    }
    change.sites = { ...current.sites, ...collect(form, 'site-', (box) => box.checked) };
    change.tone = { ...current.tone, ...collect(form, 'tone-', (select) => select.value) };
    change.checks = { ...current.checks, ...collect(form, 'check-', (box) => box.checked) };
    try {
      await saveSettings(change);
      if (status) status.textContent = msg('optionsSaved');
    } catch {
      // The browser's storage for Stratège is full or unavailable: the fields go back to what is stored.
      if (status) status.textContent = msg('storageFailed');
      loadSettings().then(show, () => {});
    }
  });
  form.addEventListener('submit', (event) => event.preventDefault());
}

/** Numbers as the interface's language writes them (25,000 or 25 000). */
export const factNumber = new Intl.NumberFormat(uiLanguage());

/** A fact of data/ (facts.js `factValue`) as text for a sentence. */
export function factText(name) {
  const value = factValue(name);
  return typeof value === 'number' ? factNumber.format(value) : String(value);
}

/** Fills `data-fact="NAME"` placeholders with the fact they name, rather than restating it. */
function showFacts(form) {
  for (const element of form.querySelectorAll('[data-fact]')) {
    // Plain text in place of the placeholder, so that the sentence stays one run of text (labels are flex boxes).
    element.replaceWith(factText(element.dataset.fact));
  }
}

/** `{ id: value }` of the fields named `<prefix><id>`. */
function collect(form, prefix, value) {
  const out = {};
  for (const field of form.querySelectorAll(`[name^="${prefix}"]`)) out[field.name.slice(prefix.length)] = value(field);
  return out;
}
