//! Date-times as analytics exports write them, in English and French: "2025-10-06 14:03", "2025-10-06T14:03:00Z",
//! "2025-10-06 14:03 +0000", "Mon Oct 06 2025 14:03:00 GMT+0200", "06/10/2025 14:03" (day first in French files),
//! "10/06/2025 2:03 PM" (month first in English files), "Oct 6, 2025 2:03 pm", "6 oct. 2025 14:03",
//! "lundi 6 octobre 2025 à 14 h 03". A written offset is kept so the caller can move the time to the user's zone;
//! without one, the time is the account's local time.

use jiff::civil::{Date, DateTime};
use jiff::tz::Offset;

use super::notes::DateProblem;

/// Which number comes first in "06/10/2025" when both are 12 or less.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateOrder {
    DayFirst,
    MonthFirst,
}

/// A parsed date-time: the wall-clock time as written and the offset, when one was written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Written {
    pub datetime: DateTime,
    pub offset: Option<Offset>,
}

const MONTHS: [(&str, i8); 35] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("sept", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("janvier", 1),
    ("janv", 1),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("fevr", 2),
    ("mars", 3),
    ("avril", 4),
    ("avr", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("juil", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    ("dec", 12),
];

/// Words that carry nothing here: weekday names, "at", "à", "le".
/// ("mar", French for Tuesday, is also English "Mar": it reads as a month, and a later month word wins.)
const IGNORED: [&str; 16] =
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun", "lun", "mer", "jeu", "ven", "sam", "dim", "at", "à", "le"];

fn month(word: &str) -> Option<i8> {
    let word = word.trim_end_matches('.');
    if word.len() < 3 {
        return None;
    }
    if let Some(&(_, m)) = MONTHS.iter().find(|(name, _)| *name == word) {
        return Some(m);
    }
    // English three-letter abbreviations and unambiguous prefixes ("oct", "sep", "janv").
    MONTHS.iter().find(|(name, _)| name.starts_with(word) && word.chars().count() >= 3).map(|&(_, m)| m)
}

fn is_weekday(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    IGNORED.contains(&w)
        || ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].contains(&w)
        || ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"].contains(&w)
}

/// Splits off a trailing written offset: "Z", "UTC", "GMT", "+0000", "+02:00", "GMT+0200", "UTC+2".
fn take_offset(text: &str) -> (String, Option<Offset>) {
    let mut text = text.trim().to_string();
    // "(Central European Summer Time)" after a JavaScript date.
    if let Some(open) = text.find(" (") {
        if text.ends_with(')') {
            text.truncate(open);
        }
    }
    let lower = text.to_lowercase();
    for zero in [" utc", " gmt", "z"] {
        let Some(head) = text.get(..text.len().saturating_sub(zero.len())) else { continue };
        if lower.ends_with(zero) && head.ends_with(|c: char| c.is_ascii_digit() || c == ' ') {
            return (head.trim_end().to_string(), Some(Offset::UTC));
        }
    }
    // A sign followed by digits at the end, optionally after "GMT"/"UTC".
    let bytes = text.as_bytes();
    let mut i = bytes.len();
    while i > 0 && (bytes[i - 1].is_ascii_digit() || bytes[i - 1] == b':') {
        i -= 1;
    }
    if i == 0 || i == bytes.len() || !(bytes[i - 1] == b'+' || bytes[i - 1] == b'-') {
        return (text, None);
    }
    let digits: String = text[i..].chars().filter(|c| c.is_ascii_digit()).collect();
    let before = text[..i - 1].trim_end();
    let lower_before = before.to_lowercase();
    let named = lower_before.ends_with("gmt") || lower_before.ends_with("utc");
    // "14:03 +0000" or "GMT+0200": an offset; "2025-10-06" alone must not lose its day.
    let spaced = text[..i - 1].ends_with(' ');
    if !(named || spaced || before.ends_with(|c: char| c.is_ascii_digit()) && text[i..].contains(':')) {
        return (text, None);
    }
    let (hours, minutes) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().unwrap_or(99), 0),
        4 => (digits[..2].parse::<i32>().unwrap_or(99), digits[2..].parse::<i32>().unwrap_or(99)),
        _ => return (text, None),
    };
    if hours > 18 || minutes > 59 {
        return (text, None);
    }
    let sign = if bytes[i - 1] == b'-' { -1 } else { 1 };
    let Ok(offset) = Offset::from_seconds(sign * (hours * 3600 + minutes * 60)) else {
        return (text, None);
    };
    let head = if named { before[..before.len() - 3].trim_end() } else { before };
    (head.to_string(), Some(offset))
}

/// "14:03", "14:03:00", "2:03", "14h03", "14h", "14 h 03" (already joined), with am/pm applied by the caller.
fn parse_time(text: &str) -> Option<(i8, i8, i8)> {
    let text = text.trim();
    let parts: Vec<&str> = if text.contains(':') { text.split(':').collect() } else { text.split('h').collect() };
    if parts.is_empty() || parts.len() > 3 {
        return None;
    }
    let number = |s: &str, max: i32| -> Option<i8> {
        let s = s.split('.').next().unwrap_or(s); // "00.000" milliseconds
        if s.is_empty() {
            return Some(0);
        }
        let v: i32 = s.parse().ok()?;
        (0..=max).contains(&v).then_some(v as i8)
    };
    let hour = number(parts[0], 23).filter(|_| !parts[0].is_empty())?;
    let minute = parts.get(1).map_or(Some(0), |m| number(m, 59))?;
    let second = parts.get(2).map_or(Some(0), |s| number(s, 60).map(|v| v.min(59)))?;
    Some((hour, minute, second))
}

fn number_date(a: i32, b: i32, year: i32, order: DateOrder) -> Option<(i32, i8, i8)> {
    let year = if year < 100 { 2000 + year } else { year };
    let (day, month) = if a > 12 {
        (a, b)
    } else if b > 12 {
        (b, a)
    } else if order == DateOrder::DayFirst {
        (a, b)
    } else {
        (b, a)
    };
    Some((year, i8::try_from(month).ok()?, i8::try_from(day).ok()?))
}

/// Parses one date-time cell. `Err` says what is wrong (no time of day, not a date).
pub fn parse_datetime(text: &str, order: DateOrder) -> Result<Written, DateProblem> {
    let (rest, offset) = take_offset(text);
    let lower = rest.to_lowercase().replace(['\u{a0}', '\u{202f}'], " ");
    // am/pm, also "a.m." and "p.m."; French "14 h 03" joins into "14h03".
    let mut pm = None;
    let mut words: Vec<String> = Vec::new();
    for raw in lower.replace(',', " ").replace(" h ", "h").split_whitespace() {
        match raw {
            "am" | "a.m." => pm = Some(false),
            "pm" | "p.m." => pm = Some(true),
            w if w.ends_with("am") && w.len() > 2 && w.as_bytes()[w.len() - 3].is_ascii_digit() => {
                pm = Some(false);
                words.push(w[..w.len() - 2].to_string());
            }
            w if w.ends_with("pm") && w.len() > 2 && w.as_bytes()[w.len() - 3].is_ascii_digit() => {
                pm = Some(true);
                words.push(w[..w.len() - 2].to_string());
            }
            w => words.push(w.to_string()),
        }
    }
    // ISO "2025-10-06T14:03:00".
    if let Some(first) = words.first().cloned() {
        if let Some((d, t)) = first.split_once('t').filter(|(d, _)| d.len() == 10 && d.as_bytes()[4] == b'-') {
            words.splice(0..1, [d.to_string(), t.to_string()]);
        }
    }
    let mut date: Option<(i32, i8, i8)> = None;
    let mut time: Option<(i8, i8, i8)> = None;
    let mut loose: Vec<i32> = Vec::new();
    let mut month_word: Option<i8> = None;
    for word in &words {
        let w = word.as_str();
        if is_weekday(w) {
            continue;
        }
        if let Some(m) = month(w) {
            month_word = Some(m);
            continue;
        }
        let separators = w.matches(['-', '/', '.']).count();
        if date.is_none() && separators == 2 && w.chars().all(|c| c.is_ascii_digit() || "-/.".contains(c)) {
            let nums: Vec<i32> = w.split(['-', '/', '.']).filter_map(|n| n.parse().ok()).collect();
            if nums.len() != 3 {
                return Err(DateProblem::NotADate);
            }
            date = if w.split(['-', '/', '.']).next().is_some_and(|n| n.len() == 4) {
                Some((nums[0], i8::try_from(nums[1]).unwrap_or(0), i8::try_from(nums[2]).unwrap_or(0)))
            } else {
                number_date(nums[0], nums[1], nums[2], order)
            };
            continue;
        }
        if time.is_none() && (w.contains(':') || (w.contains('h') && w.starts_with(|c: char| c.is_ascii_digit()))) {
            time = Some(parse_time(w).ok_or(DateProblem::BadTime)?);
            continue;
        }
        if let Ok(n) = w.trim_end_matches('.').parse::<i32>() {
            loose.push(n);
            continue;
        }
        return Err(DateProblem::NotADate);
    }
    if date.is_none() {
        if let Some(m) = month_word {
            let year = loose.iter().copied().find(|&n| n >= 1000);
            let day = loose.iter().copied().find(|&n| (1..=31).contains(&n));
            if let (Some(year), Some(day)) = (year, day) {
                date = Some((year, m, day as i8));
            }
        }
    }
    let Some((year, month, day)) = date else {
        return Err(DateProblem::NotADate);
    };
    let Some((mut hour, minute, second)) = time else {
        return Err(DateProblem::NoTime);
    };
    match pm {
        Some(true) if (1..12).contains(&hour) => hour += 12,
        Some(false) if hour == 12 => hour = 0,
        Some(_) if hour > 12 || hour == 0 => return Err(DateProblem::BadAmPm),
        _ => {}
    }
    let date = i16::try_from(year).ok().and_then(|y| Date::new(y, month, day).ok()).ok_or(DateProblem::NoSuchDate)?;
    Ok(Written { datetime: date.at(hour, minute, second, 0), offset })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn at(text: &str, order: DateOrder) -> (String, Option<i32>) {
        let w = parse_datetime(text, order).unwrap_or_else(|e| panic!("{text:?} {e}"));
        (w.datetime.strftime("%Y-%m-%d %H:%M").to_string(), w.offset.map(|o| o.seconds()))
    }

    #[test]
    fn the_formats_of_the_exports() {
        let expect = ("2025-10-06 14:03".to_string(), None);
        for (text, order) in [
            ("2025-10-06 14:03", DateOrder::MonthFirst),
            ("2025-10-06T14:03:00", DateOrder::MonthFirst),
            ("Mon Oct 06 2025 14:03:00", DateOrder::MonthFirst),
            ("06/10/2025 14:03", DateOrder::DayFirst),
            ("10/06/2025 2:03 PM", DateOrder::MonthFirst),
            ("10/06/2025 2:03pm", DateOrder::MonthFirst),
            ("6 oct. 2025 14:03", DateOrder::DayFirst),
            ("lundi 6 octobre 2025 à 14 h 03", DateOrder::DayFirst),
            ("Oct 6, 2025 2:03 p.m.", DateOrder::MonthFirst),
            ("06.10.2025 14:03", DateOrder::DayFirst),
        ] {
            assert_eq!(at(text, order), expect, "{text}");
        }
    }

    #[test]
    fn offsets_are_kept() {
        assert_eq!(at("2025-10-06 14:03 +0000", DateOrder::MonthFirst).1, Some(0));
        assert_eq!(at("2025-10-06T14:03:00Z", DateOrder::MonthFirst).1, Some(0));
        assert_eq!(at("2025-10-06T14:03:00+02:00", DateOrder::MonthFirst).1, Some(7200));
        assert_eq!(
            at("Mon Oct 06 2025 14:03:00 GMT+0200 (Central European Summer Time)", DateOrder::MonthFirst),
            ("2025-10-06 14:03".to_string(), Some(7200))
        );
        assert_eq!(at("2025-10-06 09:03 GMT-0500", DateOrder::MonthFirst).1, Some(-18000));
    }

    #[test]
    fn a_day_above_twelve_decides_the_order() {
        assert_eq!(at("13/10/2025 09:00", DateOrder::MonthFirst).0, "2025-10-13 09:00");
        assert_eq!(at("10/13/2025 09:00", DateOrder::DayFirst).0, "2025-10-13 09:00");
        assert_eq!(at("12/01/2025 12:30 AM", DateOrder::MonthFirst).0, "2025-12-01 00:30");
    }

    #[test]
    fn what_is_not_a_date_time_says_why() {
        assert!(parse_datetime("Lifetime", DateOrder::MonthFirst).unwrap_err() == DateProblem::NotADate);
        assert!(parse_datetime("Mon, Oct 06, 2025", DateOrder::MonthFirst).unwrap_err() == DateProblem::NoTime);
        assert!(parse_datetime("2025-02-30 10:00", DateOrder::MonthFirst).is_err());
        assert!(parse_datetime("2025-10-06 25:00", DateOrder::MonthFirst).is_err());
        assert_eq!(
            parse_datetime("2025-10-06 00:00", DateOrder::MonthFirst).unwrap().datetime,
            date(2025, 10, 6).at(0, 0, 0, 0)
        );
    }
}
