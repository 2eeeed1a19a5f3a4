// The schedule's own data in chrome.storage.local, beside the settings: the analytics exports the user imported
// (one entry per file: its summary and per-cell sums, as the core's `schedule_import` answered them) and the posts
// they planned (platform, local time, draft, reminder).

export const SCHEDULE_KEY = 'schedule';
/** The planned draft a reminder's click offers in the platform's composer: `{platform, draft, id}`. */
export const OFFERED_KEY = 'offeredDraft';

const EMPTY = Object.freeze({ imports: Object.freeze([]), plans: Object.freeze([]) });

/** `{imports, plans}`, empty lists when nothing is stored. */
export async function loadSchedule() {
  const stored = (await chrome.storage.local.get(SCHEDULE_KEY))[SCHEDULE_KEY];
  return {
    imports: Array.isArray(stored?.imports) ? stored.imports : [...EMPTY.imports],
    plans: Array.isArray(stored?.plans) ? stored.plans : [...EMPTY.plans],
  };
}

async function save(change) {
  const next = { ...(await loadSchedule()), ...change };
  await chrome.storage.local.set({ [SCHEDULE_KEY]: next });
  return next;
}

/** Adds imported files; a file imported again under the same name and platform replaces the earlier one. */
export async function addImports(imports) {
  const { imports: current } = await loadSchedule();
  const key = (i) => `${i.platform}|${i.file}`;
  const replaced = new Set(imports.map(key));
  return save({ imports: [...current.filter((i) => !replaced.has(key(i))), ...imports] });
}

export async function clearImports() {
  return save({ imports: [] });
}

/**
 * Plans a post: `{platform, at: 'YYYY-MM-DDTHH:MM' local, draft, reminder: boolean}`; answers the plan with its
 * `id` and `when` (milliseconds since the epoch, for the reminder's alarm).
 */
export async function addPlan(plan) {
  const { plans } = await loadSchedule();
  const stored = { id: `plan-${Date.now().toString(36)}-${plans.length}`, ...plan };
  await save({ plans: [...plans, stored] });
  return stored;
}

export async function removePlan(id) {
  const { plans } = await loadSchedule();
  return save({ plans: plans.filter((p) => p.id !== id) });
}

/** Calls `listener({imports, plans})` whenever the schedule's data changes. */
export function onScheduleChanged(listener) {
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[SCHEDULE_KEY]) listener(changes[SCHEDULE_KEY].newValue || EMPTY);
  });
}
