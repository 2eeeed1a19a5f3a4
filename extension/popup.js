// Popup: the day's schedule (rendered by the core: popup-schedule.js), then the quick settings, bound to the same
// store as the options page. `performance` marks when the schedule is drawn (bench/popup.mjs reads it).

import { bindSettingsForm, factText } from './settings-form.js';
import { localize } from './shared/i18n.js';
import { startSchedule } from './popup-schedule.js';

localize(document, factText);
const status = document.querySelector('[data-stratege="popup-status"]');
bindSettingsForm(document.querySelector('[data-stratege="quick-settings"]'), status);
startSchedule(document.querySelector('[data-stratege="schedule-root"]'), status).then(
  () => performance.mark('stratege-schedule-drawn'),
  (error) => {
    document.querySelector('[data-stratege="schedule-root"]').dataset.error = String(error?.message || error);
  },
);
