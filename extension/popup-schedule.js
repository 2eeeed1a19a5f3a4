// The popup's schedule: compiles the core and lets it render today's plan (src/wasm/popup.rs) with the words of
// the interface's language; stores the posts planned from the quick-add form (schedule-store.js), whose reminders
// the service worker sets. Nothing here needs the network.

import init, { SchedulePopup } from './pkg/stratege.js';
import { msg } from './shared/i18n.js';
import { addPlan, loadSchedule, onScheduleChanged, removePlan } from './shared/schedule-store.js';
import { whyLine } from './shared/schedule-words.js';

/** The words the Rust popup shows, by its `Words` field names. */
function words() {
  return {
    heading: msg('popupScheduleHeading'),
    today: msg('popupToday'),
    tomorrow: msg('popupTomorrow'),
    now: msg('popupNow'),
    empty: msg('popupEmptyDay'),
    planned: msg('popupPlanned'),
    reminder_on: msg('popupReminderOn'),
    remove: msg('popupRemovePlan'),
    add_heading: msg('popupAddHeading'),
    platform: msg('popupPlatform'),
    time: msg('popupTime'),
    draft: msg('popupDraft'),
    reminder: msg('popupReminder'),
    add: msg('popupAdd'),
    from_your_data: msg('scheduleFromYourData'),
    from_studies: msg('scheduleFromStudies'),
  };
}

/**
 * Renders the schedule into `root`; resolves to the popup once it is drawn. A plan that cannot be stored (the
 * browser's storage for Stratège is full or unavailable) is said in `status` and not shown as planned.
 */
export async function startSchedule(root, status) {
  const stored = (change) =>
    change.then(
      () => {
        status.textContent = '';
      },
      () => {
        status.textContent = msg('storageFailed');
      },
    );
  const [, { imports, plans }] = await Promise.all([
    init({ module_or_path: './pkg/stratege_bg.wasm' }),
    loadSchedule(),
  ]);
  const popup = new SchedulePopup(root, {
    tz: Intl.DateTimeFormat().resolvedOptions().timeZone,
    imports,
    plans,
    words: words(),
    why: whyLine,
    on_add: (plan) => {
      stored(addPlan(plan));
    },
    on_remove: (id) => {
      stored(removePlan(id));
    },
  });
  onScheduleChanged((schedule) => popup.set_plans(schedule.plans || []));
  return popup;
}
