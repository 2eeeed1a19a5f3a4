// Binds a settings form (popup or options page) to the settings store: fields show the stored values and
// every change is saved at once. Field names: `premium`, `site-<id>`, `tone-<id>`, `tonePosts`, `language`,
// `instagramHashtagLimit`; a form may hold any of them.

import { loadSettings, saveSettings, onSettingsChanged, SENSITIVITIES, DEFAULTS } from './shared/settings.js';
import { platformFacts, siteDomain } from './shared/facts.js';

const SENSITIVITY_LABELS = {
  off: 'Off',
  relaxed: 'Relaxed: clear hostility only',
  strict: 'Strict: also sarcasm and curt replies',
};

export async function bindSettingsForm(form, status) {
  showFacts(form);
  const fields = form.elements;
  for (const select of form.querySelectorAll('select[name^="tone-"]')) {
    for (const value of SENSITIVITIES) select.add(new Option(SENSITIVITY_LABELS[value], value));
  }
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
  };
  show(await loadSettings());
  onSettingsChanged(show);
  form.addEventListener('change', async () => {
    const change = {};
    if (fields.premium) change.premium = fields.premium.checked;
    if (fields.tonePosts) change.tonePosts = fields.tonePosts.checked;
    if (fields.language) change.language = fields.language.value;
    if (fields.instagramHashtagLimit) {
      const limit = Number(fields.instagramHashtagLimit.value);
      change.instagramHashtagLimit =
        Number.isInteger(limit) && limit >= 1 && limit <= 30 ? limit : DEFAULTS.instagramHashtagLimit;
    }
    change.sites = collect(form, 'site-', (box) => box.checked);
    change.tone = collect(form, 'tone-', (select) => select.value);
    await saveSettings(change);
    if (status) status.textContent = 'Saved.';
  });
  form.addEventListener('submit', (event) => event.preventDefault());
}

const factNumber = new Intl.NumberFormat('en');

/**
 * Fills the form's hints from the data rather than restating them: `data-fact="PLATFORM.path"` becomes that fact of
 * data/platforms.json (`x.premium.max`, `instagram.hashtags.since`), `data-fact="site:ID"` the site's domain.
 */
function showFacts(form) {
  for (const element of form.querySelectorAll('[data-fact]')) {
    const name = element.dataset.fact;
    const value = name.startsWith('site:') ? siteDomain(name.slice('site:'.length)) : platformFact(name);
    if (value === undefined) throw new Error(`no fact ${name} in data/`);
    // Plain text in place of the placeholder, so that the sentence stays one run of text (labels are flex boxes).
    element.replaceWith(typeof value === 'number' ? factNumber.format(value) : String(value));
  }
}

function platformFact(name) {
  const [platform, ...path] = name.split('.');
  return path.reduce((facts, key) => facts?.[key], platformFacts(platform));
}

/** `{ id: value }` of the fields named `<prefix><id>`. */
function collect(form, prefix, value) {
  const out = {};
  for (const field of form.querySelectorAll(`[name^="${prefix}"]`)) out[field.name.slice(prefix.length)] = value(field);
  return out;
}
