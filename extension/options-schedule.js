// Options page, "Best times to post": the week × hour heatmap of each platform drawn by the core (the published
// studies, and beside them the model with the user's own posts), inserted as parsed SVG nodes; the import of
// analytics exports (X post analytics, Meta Business Suite CSV) read by the core, with what each file gave.

import init, { schedule_heatmap, schedule_import } from './pkg/stratege.js';
import { fileProblemText, noteText } from './import-notes.js';
import { msg, uiLanguage } from './shared/i18n.js';
import { addImports, clearImports, loadSchedule, onScheduleChanged } from './shared/schedule-store.js';
import { platformName, signed } from './shared/schedule-words.js';

/** The core's reasons for skipping a row (src/schedule/import.rs), by their message keys. */
const SKIP_REASONS = {
  'unreadable row': 'scheduleSkipUnreadable',
  'truncated row': 'scheduleSkipTruncated',
  'no usable date': 'scheduleSkipDate',
  'not a number': 'scheduleSkipNumber',
  'no engagement figures': 'scheduleSkipEngagement',
  'no reach or impressions yet': 'scheduleSkipReach',
  'already imported (same post id)': 'scheduleSkipDuplicate',
};

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
      errors.replaceChildren(
        ...answer.errors.map((e) => line(msg('scheduleImportError', e.file, fileProblemText(e.problem) ?? e.message))),
      );
      if (answer.imports.length) {
        await addImports(answer.imports).catch(() => errors.append(line(msg('storageFailed'))));
      }
    } catch (error) {
      errors.replaceChildren(line(String(error?.message || error)));
    }
  });
  section.querySelector('[data-stratege="schedule-clear-imports"]').addEventListener('click', () => {
    errors.replaceChildren();
    clearImports().catch(() => errors.append(line(msg('storageFailed'))));
  });
}

/**
 * The pages' CSP requires Trusted Types (manifest.json): the one markup this page parses is the core's heatmap SVG,
 * which holds no script nor reference (src/schedule/heatmap.rs, tested there), and only this policy may pass it.
 * Firefox has no Trusted Types: the string goes as it is.
 */
const heatmapPolicy = globalThis.trustedTypes?.createPolicy('stratege-heatmap', { createHTML: (svg) => svg }) ?? {
  createHTML: (svg) => svg,
};

/** The core's heatmap SVG for a platform, parsed and imported as nodes (styled by pages.css). */
function heatmap(platform, imports) {
  const figure = document.createElement('figure');
  figure.dataset.platform = platform;
  const markup = heatmapPolicy.createHTML(schedule_heatmap({ platform, imports }));
  const svg = new DOMParser().parseFromString(markup, 'image/svg+xml');
  const node = document.importNode(svg.documentElement, true);
  const posts = imports
    .filter((i) => i.platform === platform)
    .reduce((sum, i) => sum + i.observations.posts.flat().reduce((a, b) => a + b, 0), 0);
  localize(node, platform, posts);
  figure.append(node);
  return figure;
}

/** 2024-01-01 was a Monday. */
const A_MONDAY_UTC = Date.UTC(2024, 0, 1);

/**
 * The core draws the heatmap's words in English: they are put in the interface's language here, node by node (the
 * title, description, panel headings, day names and each cell's tooltip, whose figures are read from the core's).
 */
function localize(svg, platform, posts) {
  const name = platformName(platform);
  const days = [0, 1, 2, 3, 4, 5, 6].map((d) =>
    new Intl.DateTimeFormat(uiLanguage(), { weekday: 'short', timeZone: 'UTC' }).format(
      new Date(A_MONDAY_UTC + d * 86400000),
    ),
  );
  const panels = svg.querySelectorAll(':scope > g > g');
  svg.querySelector(':scope > title').textContent = msg('scheduleHeatmapTitle', name);
  svg.querySelector(':scope > desc').textContent =
    panels.length > 1 ? msg('scheduleHeatmapDescPersonal', name, posts) : msg('scheduleHeatmapDesc', name);
  svg.querySelectorAll(':scope > text').forEach((text, d) => {
    text.textContent = days[d];
  });
  panels.forEach((panel, i) => {
    panel.querySelector('text.h').textContent =
      i === 0 ? msg('scheduleHeatmapPrior', name) : msg('scheduleHeatmapPersonal', name, posts);
    panel.querySelectorAll('rect > title').forEach((title, cell) => {
      const percent = signed(Number(/([+-]?\d+) %/.exec(title.textContent)?.[1] ?? 0));
      const mine = /, (\d+) of your posts/.exec(title.textContent)?.[1];
      const day = days[Math.floor(cell / 24)];
      const hour = `${String(cell % 24).padStart(2, '0')}:00`;
      title.textContent =
        mine === undefined
          ? msg('scheduleHeatmapCell', day, hour, percent)
          : msg('scheduleHeatmapCellPosts', day, hour, percent, mine);
    });
  });
}

function line(text) {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

/** What one imported file gave: rows, rows used, date range, rows skipped and why, the first rows skipped (in the
 * interface's language; an import stored before the core gave its notes as data shows the core's English lines). */
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
    item.append(
      line(
        msg(
          'scheduleImportSkipped',
          skipped.map(([why, n]) => `${n} × ${SKIP_REASONS[why] ? msg(SKIP_REASONS[why]) : why}`).join(', '),
        ),
      ),
    );
  }
  const messages = document.createElement('ul');
  messages.append(
    ...i.messages.map((m, n) => {
      const li = document.createElement('li');
      li.textContent = noteText(i.notes?.[n]) ?? m;
      return li;
    }),
  );
  if (i.more_messages) messages.append(line(msg('scheduleImportMore', i.more_messages)));
  if (messages.childElementCount) item.append(messages);
  return item;
}
