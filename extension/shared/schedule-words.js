// The schedule's sentences in the user's language, from the core's structured answers (src/schedule/answers.rs):
// the best-time hint ("Good time to post now", "Better today at 18:00 (about +35 % engagement, from published
// studies)"), its one-line why, weekday names and platform names. Shared by the composer hint, the popup and the
// options page.

import { msg, uiLanguage } from './i18n.js';

/** 2024-01-01 was a Monday: weekday `d` (0 = Monday) is that date plus `d` days. */
const A_MONDAY_UTC = Date.UTC(2024, 0, 1);
const DAY_MS = 86400000;

/** The core's platform ids with their display names (src/platform.rs). */
const PLATFORM_NAMES = { x: 'X', facebook: 'Facebook', instagram: 'Instagram', linkedin: 'LinkedIn' };

export function platformName(id) {
  return PLATFORM_NAMES[id] || id;
}

/** The weekday's name (0 = Monday) in the interface's language. */
export function weekdayName(day) {
  const format = new Intl.DateTimeFormat(uiLanguage(), { weekday: 'long', timeZone: 'UTC' });
  return format.format(new Date(A_MONDAY_UTC + day * DAY_MS));
}

/** "from your data" / "from published studies". */
export function sourcePhrase(source) {
  return source === 'your-data' ? msg('scheduleFromYourData') : msg('scheduleFromStudies');
}

/** A signed percentage, "+35" or "−10". */
export function signed(percent) {
  return percent > 0 ? `+${percent}` : percent < 0 ? `−${-percent}` : '0';
}

/** The hint's sentence for a `schedule_hint` answer. */
export function hintSentence(hint) {
  if (hint.now === 'good') return msg('scheduleGoodNow');
  if (!hint.next) return msg('scheduleNoBetter', platformName(hint.platform));
  const when =
    hint.days_ahead === 0
      ? msg('scheduleWhenToday', hint.next_time)
      : hint.days_ahead === 1
        ? msg('scheduleWhenTomorrow', hint.next_time)
        : msg('scheduleWhenDay', weekdayName(hint.next_day), hint.next_time);
  const source = sourcePhrase(hint.source);
  return hint.lift_percent > 0
    ? msg('scheduleBetterLift', when, hint.lift_percent, source)
    : msg('scheduleBetter', when, source);
}

/** One line on why a cell scores as it does (a `why` of the core's answers). */
export function whyLine(why) {
  const platform = platformName(why.platform);
  const day = weekdayName(why.day);
  const hour = `${String(why.hour).padStart(2, '0')}:00`;
  const percent = signed(why.percent);
  if (why.from_data) return msg('scheduleWhyYourData', platform, day, hour, percent, why.posts);
  const parts = [
    why.studies_for.length
      ? msg('scheduleWhyStudies', platform, day, hour, why.studies_for.join('; '))
      : msg('scheduleWhyNoStudy', platform, day, hour),
  ];
  if (why.data_share > 0) parts.push(msg('scheduleWhyShare', why.data_share, percent));
  if (why.disagree) {
    parts.push(
      why.studies_against.length
        ? msg('scheduleWhyDisagreeAgainst', why.studies_against.join('; '))
        : msg('scheduleWhyDisagree'),
    );
  }
  return parts.join(' ');
}
