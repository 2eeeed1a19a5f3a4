// Popup: the quick settings, bound to the same store as the options page.

import { bindSettingsForm } from './settings-form.js';

bindSettingsForm(document.querySelector('[data-stratege="quick-settings"]'));
