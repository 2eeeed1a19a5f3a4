// The options page's "My dictionary": the user's own words (brands, products, events) that hashtag spelling
// accepts, listed with a remove button, kept in the one settings store (cards add to it too).

import { loadSettings, saveSettings, addToDictionary, onSettingsChanged } from './shared/settings.js';
import { msg } from './shared/i18n.js';

export async function bindDictionaryForm(form) {
  const list = form.querySelector('.words');
  const status = form.querySelector('[role="status"]');
  /** Whether a change was saved; if not (storage full or unavailable), the form's status says so. */
  const saved = (change) =>
    change.then(
      () => {
        status.textContent = '';
        return true;
      },
      () => {
        status.textContent = msg('storageFailed');
        return false;
      },
    );
  const show = (settings) => {
    list.replaceChildren(
      ...settings.dictionary.map((word) => {
        const item = document.createElement('li');
        item.dataset.word = word;
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.textContent = msg('optionsDictionaryRemove');
        remove.setAttribute('aria-label', msg('optionsDictionaryRemoveWord', word));
        remove.addEventListener('click', async () => {
          const current = await loadSettings();
          await saved(saveSettings({ dictionary: current.dictionary.filter((w) => w !== word) }));
        });
        item.append(`${word} `, remove);
        return item;
      }),
    );
  };
  show(await loadSettings());
  onSettingsChanged(show);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const word = form.elements.word.value.trim().replace(/^[#＃]/, '');
    if (!word || /\s/.test(word)) return;
    if (await saved(addToDictionary(word))) form.elements.word.value = '';
  });
}
