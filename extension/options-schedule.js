// Options page, "Best times to post": the week × hour heatmap of each platform drawn by the core (the published
// studies, and beside them the model with the user's own posts), inserted as parsed SVG nodes; the import of
// analytics exports (X post analytics, Meta Business Suite CSV) read by the core, with what each file gave.

import init, { schedule_heatmap, schedule_import } from './pkg/stratege.js';
import { msg } from './shared/i18n.js';
import { addImports, clearImports, loadSchedule, onScheduleChanged } from './shared/schedule-store.js';
import { platformName } from './shared/schedule-words.js';

/** The platforms with best-time priors (src/schedule/mod.rs `PLATFORMS`). */
const PLATFORMS = ['x', 'facebook', 'instagram', 'linkedin'];

/** @param {Element} section the `[data-stratege="best-times"]` section of options.html */
export async function bindScheduleSection(section) {
  for (const el of section.querySelectorAll('[data-i18n]')) el.textContent = msg(el.dataset.i18n);
  const maps = section.querySelector('[data-stratege="heatmaps"]');
  const summary = section.querySelector('[data-stratege="import-summary"]');
  await init({ module_or_path: './pkg/stratege_bg.wasm' });
  const show = ({ imports }) => {
    maps.replaceChildren(...PLATFORMS.map((platform) => heatmap(platform, imports)));
    summary.replaceChildren(...imports.map(describeImport));
  };
  show(await loadSchedule());
  onScheduleChanged(show);

  const input = section.querySelector('[data-stratege="schedule-import"]');
  const errors = section.querySelector('[data-stratege="import-errors"]');
  input.addEventListener('change', async () => {
    const files = await Promise.all([...input.files].map(async (f) => ({ name: f.name, text: await f.text() })));
    input.value = '';
    if (!files.length) return;
    try {
      const answer = schedule_import({ files, tz: Intl.DateTimeFormat().resolvedOptions().timeZone });
      errors.replaceChildren(...answer.errors.map((e) => line(msg('scheduleImportError', e.file, e.message))));
      if (answer.imports.length) await addImports(answer.imports);
    } catch (error) {
      errors.replaceChildren(line(String(error?.message || error)));
    }
  });
  section.querySelector('[data-stratege="schedule-clear-imports"]').addEventListener('click', () => {
    errors.replaceChildren();
    clearImports();
  });
}

/** The core's heatmap SVG for a platform, parsed and imported as nodes. */
function heatmap(platform, imports) {
  const figure = document.createElement('figure');
  figure.dataset.platform = platform;
  const svg = new DOMParser().parseFromString(schedule_heatmap({ platform, imports }), 'image/svg+xml');
  const node = document.importNode(svg.documentElement, true);
  // Scaled down to the page's width rather than cut.
  figure.style.margin = '8px 0 16px';
  node.style.maxWidth = '100%';
  node.style.height = 'auto';
  figure.append(node);
  return figure;
}

function line(text) {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

/** What one imported file gave: rows, rows used, date range, rows skipped and why, the first messages. */
function describeImport(i) {
  const item = document.createElement('div');
  item.dataset.stratege = 'import';
  item.dataset.file = i.file;
  item.dataset.used = String(i.used);
  item.append(
    line(msg('scheduleImportSummary', i.file, platformName(i.platform), i.rows, i.used, i.first || '–', i.last || '–')),
  );
  const skipped = Object.entries(i.skipped);
  if (skipped.length) {
    item.append(line(msg('scheduleImportSkipped', skipped.map(([why, n]) => `${n} × ${why}`).join(', '))));
  }
  const messages = document.createElement('ul');
  messages.append(
    ...i.messages.map((m) => {
      const li = document.createElement('li');
      li.textContent = m;
      return li;
    }),
  );
  if (i.more_messages) messages.append(line(msg('scheduleImportMore', i.more_messages)));
  if (messages.childElementCount) item.append(messages);
  return item;
}
