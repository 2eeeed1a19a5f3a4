// Options page: the core's notes on an analytics import (src/schedule/notes.rs: a skipped row, a file that cannot
// be used), worded in the interface's language. Each `kind` (and each date problem) has its message; the facts
// (line, column, header, the cell as written) are its substitutions.

import { msg } from './shared/i18n.js';

/** Message keys of the date problems (`DateProblem`, kebab-case). */
const DATE_PROBLEMS = {
  'not-a-date': 'scheduleNoteNotADate',
  'bad-time': 'scheduleNoteBadTime',
  'no-time': 'scheduleNoteNoTime',
  'bad-am-pm': 'scheduleNoteBadAmPm',
  'no-such-date': 'scheduleNoteNoSuchDate',
  'out-of-range': 'scheduleNoteOutOfRange',
};

/** Message keys of the file problems (`FileProblem`). */
const FILE_PROBLEMS = {
  unreadable: 'scheduleFileUnreadable',
  utf16: 'scheduleFileUtf16',
  empty: 'scheduleFileEmpty',
  'unknown-platform': 'scheduleFileUnknownPlatform',
  'no-time-column': 'scheduleFileNoTimeColumn',
  'no-engagement-columns': 'scheduleFileNoEngagementColumns',
};

/** One skipped row, in words; `null` for a kind this version does not know (the caller shows the English line). */
export function noteText(note) {
  switch (note?.kind) {
    case 'unreadable':
      return msg('scheduleNoteUnreadable', note.line, note.detail);
    case 'truncated':
      return msg('scheduleNoteTruncated', note.line, note.column, note.header, note.has, note.of);
    case 'not-a-number':
      return msg('scheduleNoteNotANumber', note.line, note.column, note.header, note.text);
    case 'date':
      return DATE_PROBLEMS[note.problem]
        ? msg(DATE_PROBLEMS[note.problem], note.line, note.column, note.header, note.text)
        : null;
    default:
      return null;
  }
}

/** Why a file cannot be used, in words; `null` for a problem this version does not know. */
export function fileProblemText(problem) {
  const key = FILE_PROBLEMS[problem?.kind];
  return key ? msg(key, problem.detail ?? '') : null;
}
