// Popup: the day's schedule (rendered by the core: popup-schedule.js), then the quick settings, bound to the same
// store as the options page. `performance` marks when the schedule is drawn (bench/popup.mjs reads it).

import { bindSettingsForm } from './settings-form.js';
import { startSchedule } from './popup-schedule.js';

bindSettingsForm(document.querySelector('[data-stratege="quick-settings"]'));
startSchedule(document.querySelector('[data-stratege="schedule-root"]')).then(
  () => performance.mark('stratege-schedule-drawn'),
  (error) => {
    document.querySelector('[data-stratege="schedule-root"]').dataset.error = String(error?.message || error);
  },
);
