// The service worker's schedule side: answers the content scripts' best-time questions with the Rust core
// (`schedule_hint`, with the user's imports) in the user's time zone; keeps one chrome.alarms alarm per planned
// post with a reminder, and when it rings shows a notification whose click opens the platform's composer page,
// where the composer offers the planned draft (content/ui/plan-chip.js); and plans a post from a composer. Also brings stored data to the current
// schema at startup. Registered synchronously by worker.js.

import SITE_DATA from '../data/sites.json' with { type: 'json' };
import { schedule_hint } from './pkg/stratege.js';
import { msg } from './shared/i18n.js';
import { OFFERED_KEY, SCHEDULE_KEY, addPlan, loadSchedule } from './shared/schedule-store.js';
import { migrateStorage } from './shared/storage-schema.js';
import { platformName } from './shared/schedule-words.js';

/** Alarm and notification names of a plan's reminder. */
const PREFIX = 'stratege-plan:';
/** The page a platform's posts are composed on: the home page of its site in data/sites.json (none for LinkedIn). */
function composerUrl(platform) {
  const site = SITE_DATA.sites.find((s) => s.platform === platform);
  return site && `https://${site.hosts[0]}/`;
}

/** What the content scripts may ask: `{type: 'stratege:schedule', method, request}` → `{value}` or `{error}`. */
const METHODS = {
  async hint(request) {
    const { imports } = await loadSchedule();
    return schedule_hint({ ...request, imports });
  },
  /** "Plan for the next good slot" in a composer: `{platform, at, draft}`, with a reminder. */
  async plan({ platform, at, draft }) {
    return addPlan({ platform: String(platform), at: String(at), draft: String(draft ?? ''), reminder: true });
  },
};

/** A plan's local `YYYY-MM-DDTHH:MM` as an instant, in the browser's zone (the one it was planned in). */
function whenOf(plan) {
  const [date, time] = plan.at.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new Date(y, m - 1, d, hh, mm).getTime();
}

/** One alarm per future plan with a reminder; alarms of plans that are gone are cleared. */
async function syncAlarms(plans) {
  const wanted = new Map(plans.filter((p) => p.reminder).map((p) => [PREFIX + p.id, whenOf(p)]));
  for (const alarm of await chrome.alarms.getAll()) {
    if (alarm.name.startsWith(PREFIX) && alarm.scheduledTime !== wanted.get(alarm.name)) {
      await chrome.alarms.clear(alarm.name);
    }
  }
  const existing = new Set((await chrome.alarms.getAll()).map((a) => a.name));
  for (const [name, when] of wanted) {
    if (!existing.has(name) && when > Date.now()) await chrome.alarms.create(name, { when });
  }
}

/** A square icon drawn once (notifications need one; the extension ships no image). */
let icon = null;
function iconUrl() {
  icon ??= (async () => {
    const canvas = new OffscreenCanvas(96, 96);
    const g = canvas.getContext('2d');
    g.fillStyle = '#1d9bf0';
    g.fillRect(0, 0, 96, 96);
    g.fillStyle = '#fff';
    g.font = 'bold 64px sans-serif';
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    g.fillText('S', 48, 52);
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
    return `data:image/png;base64,${btoa(String.fromCharCode(...bytes))}`;
  })();
  return icon;
}

async function remind(alarm) {
  if (!alarm.name.startsWith(PREFIX)) return;
  const id = alarm.name.slice(PREFIX.length);
  const plan = (await loadSchedule()).plans.find((p) => p.id === id);
  if (!plan) return;
  await chrome.notifications.create(alarm.name, {
    type: 'basic',
    iconUrl: await iconUrl(),
    title: msg('notifyTitle', platformName(plan.platform), plan.at.slice(11)),
    // Only the fields both Chrome and Firefox know.
    message: `${plan.draft || msg('notifyNoDraft')}\n${msg('notifyClick')}`,
  });
}

/** The notification's click opens the composer page, where the composer offers the draft. */
async function open(notificationId) {
  if (!notificationId.startsWith(PREFIX)) return;
  const id = notificationId.slice(PREFIX.length);
  const plan = (await loadSchedule()).plans.find((p) => p.id === id);
  await chrome.notifications.clear(notificationId);
  if (!plan) return;
  const url = composerUrl(plan.platform);
  if (!url) return;
  await chrome.storage.local.set({ [OFFERED_KEY]: { platform: plan.platform, draft: plan.draft, id: plan.id } });
  await chrome.tabs.create({ url });
}

/** @param {Promise<unknown>} ready the core, compiled */
export function listenSchedule(ready) {
  chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    if (message?.type !== 'stratege:schedule' || !Object.hasOwn(METHODS, message.method)) return false;
    ready
      .then(() => METHODS[message.method](message.request || {}))
      .then(
        (value) => sendResponse({ value }),
        (error) => sendResponse({ error: String(error?.message || error) }),
      );
    return true;
  });
  chrome.alarms.onAlarm.addListener((alarm) => {
    remind(alarm).catch((error) => console.warn('Stratège reminder:', error));
  });
  chrome.notifications.onClicked.addListener((id) => {
    open(id).catch((error) => console.warn('Stratège reminder:', error));
  });
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[SCHEDULE_KEY]) syncAlarms(changes[SCHEDULE_KEY].newValue?.plans || []);
  });
  migrateStorage()
    .then(loadSchedule)
    .then(({ plans }) => syncAlarms(plans))
    .catch((error) => console.warn('Stratège storage:', error));
}
