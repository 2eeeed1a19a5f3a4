// Binds a settings form (popup or options page) to the settings store: fields show the stored values and
// every change is saved at once. Field names: `premium`, `site-<id>`.

import { loadSettings, saveSettings, onSettingsChanged } from './shared/settings.js';

export async function bindSettingsForm(form, status) {
  const show = (settings) => {
    form.elements.premium.checked = settings.premium;
    for (const [id, on] of Object.entries(settings.sites)) {
      const box = form.elements[`site-${id}`];
      if (box) box.checked = on;
    }
  };
  show(await loadSettings());
  onSettingsChanged(show);
  form.addEventListener('change', async () => {
    const sites = {};
    for (const box of form.querySelectorAll('input[name^="site-"]')) sites[box.name.slice(5)] = box.checked;
    await saveSettings({ premium: form.elements.premium.checked, sites });
    if (status) status.textContent = 'Saved.';
  });
  form.addEventListener('submit', (event) => event.preventDefault());
}
