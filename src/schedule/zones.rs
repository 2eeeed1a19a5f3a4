//! Time zones with jiff and its bundled tzdb (no system database needed, so the same code runs in wasm): the
//! user's zone by IANA name, wall-clock hours of a day that may have 23 or 25 hours, and local times that do
//! not exist (spring forward) or exist twice (fall back).

use jiff::civil::{Date, DateTime};
use jiff::tz::{AmbiguousOffset, TimeZone};
use jiff::{Timestamp, ZonedDateTime};

/// The time zone for an IANA name such as "Europe/Paris".
pub fn zone(name: &str) -> Result<TimeZone, String> {
    TimeZone::get(name.trim()).map_err(|_| format!("unknown time zone {name:?}: use an IANA name such as Europe/Paris"))
}

/// A date, `YYYY-MM-DD`. (Read by hand, like the formatting below: jiff's general parser and `strftime` would add
/// tens of kilobytes to the wasm for two fixed formats.)
pub fn parse_date(text: &str) -> Result<Date, String> {
    let invalid = || format!("invalid date {text:?}: use YYYY-MM-DD");
    let mut parts = text.trim().splitn(3, '-');
    let mut next = |len: usize| {
        parts
            .next()
            .filter(|p| p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<i16>().ok())
    };
    let (year, month, day) = (next(4), next(2), next(2));
    let (Some(year), Some(month), Some(day)) = (year, month, day) else { return Err(invalid()) };
    Date::new(year, month as i8, day as i8).map_err(|_| invalid())
}

/// A local date-time, `YYYY-MM-DDTHH:MM` (or with a space, or with seconds).
pub fn parse_local(text: &str) -> Result<DateTime, String> {
    let invalid = || format!("invalid local time {text:?}: use YYYY-MM-DDTHH:MM");
    let text = text.trim();
    let (date, time) = text.split_once(['T', ' ']).ok_or_else(invalid)?;
    let date = parse_date(date).map_err(|_| invalid())?;
    let numbers: Vec<i8> = time.split(':').map(|n| n.parse::<i8>()).collect::<Result<_, _>>().map_err(|_| invalid())?;
    let (hour, minute, second) = match numbers[..] {
        [h, m] => (h, m, 0),
        [h, m, s] => (h, m, s),
        _ => return Err(invalid()),
    };
    if !(0..24).contains(&hour) || !(0..60).contains(&minute) || !(0..60).contains(&second) {
        return Err(invalid());
    }
    Ok(date.at(hour, minute, second, 0))
}

/// What a local wall-clock time is in a zone.
#[derive(Clone, Debug, PartialEq)]
pub enum LocalTime {
    /// It happens once.
    Exact(ZonedDateTime),
    /// It does not exist (the clocks jump over it): `after` is the first instant after the jump, the wall time
    /// shifted forward by the length of the gap (02:30 in Paris on the spring-forward day → 03:30).
    Skipped { after: ZonedDateTime },
    /// It happens twice (the clocks go back): both instants, earlier first.
    Repeated { earlier: ZonedDateTime, later: ZonedDateTime },
}

impl LocalTime {
    /// The instant to use: the time itself, the first occurrence of a repeated time, the shifted time of a skipped
    /// one (RFC 5545 and Temporal's "compatible" choice).
    pub fn instant(&self) -> &ZonedDateTime {
        match self {
            LocalTime::Exact(z) | LocalTime::Skipped { after: z } => z,
            LocalTime::Repeated { earlier, .. } => earlier,
        }
    }
}

/// Resolves a wall-clock time in a zone, telling whether it is skipped or repeated there.
pub fn resolve(tz: &TimeZone, datetime: DateTime) -> Result<LocalTime, String> {
    let ambiguous = tz.to_ambiguous_zoned_datetime(datetime);
    let error = |_| format!("{} cannot be placed in the time zone", format_local(datetime));
    Ok(match ambiguous.offset() {
        AmbiguousOffset::Unambiguous { .. } => LocalTime::Exact(ambiguous.compatible().map_err(error)?),
        AmbiguousOffset::Gap { .. } => LocalTime::Skipped { after: ambiguous.compatible().map_err(error)? },
        AmbiguousOffset::Fold { .. } => {
            let later = ambiguous.clone().later().map_err(error)?;
            LocalTime::Repeated { earlier: ambiguous.earlier().map_err(error)?, later }
        }
    })
}

/// One wall-clock hour of a day in a zone.
#[derive(Clone, Debug, PartialEq)]
pub struct DayHour {
    /// The wall-clock hour, 0..23.
    pub hour: i8,
    /// When the hour starts: its first instant (after a gap inside the hour, the end of the gap; for a repeated
    /// hour, its first occurrence).
    pub start: ZonedDateTime,
    /// The hour happens twice this day (fall back); `start` is the first time.
    pub repeated: bool,
}

/// The wall-clock hours that exist on `date` in `tz`, in order: 23 on a spring-forward day in Europe/Paris (no
/// 02:00), 24 with 02:00 marked `repeated` on the fall-back day.
pub fn day_hours(tz: &TimeZone, date: Date) -> Result<Vec<DayHour>, String> {
    let mut out = Vec::with_capacity(24);
    for hour in 0..24i8 {
        let local = resolve(tz, date.at(hour, 0, 0, 0))?;
        let repeated = matches!(local, LocalTime::Repeated { .. });
        let start = local.instant().clone();
        // A gap that swallows the whole hour moves its start into a later hour (or day): the hour does not exist.
        if start.date() != date || start.hour() != hour {
            continue;
        }
        out.push(DayHour { hour, start, repeated });
    }
    Ok(out)
}

/// Now in a zone, from the system clock (for the CLI; the extension passes its own now).
pub fn now_in(tz: &TimeZone) -> ZonedDateTime {
    Timestamp::now().to_zoned_datetime(tz.clone())
}

/// `YYYY-MM-DDTHH:MM`, the local date-time format of contracts.md (`data-next`).
pub fn iso_local(z: &ZonedDateTime) -> String {
    format_local(z.datetime())
}

/// `YYYY-MM-DDTHH:MM`.
pub fn format_local(d: DateTime) -> String {
    format!("{:04}-{:02}-{:02}T{:02}:{:02}", d.year(), d.month(), d.day(), d.hour(), d.minute())
}

/// `HH:MM` local (contracts.md `data-time`).
pub fn hh_mm(z: &ZonedDateTime) -> String {
    format!("{:02}:{:02}", z.hour(), z.minute())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn paris_spring_forward_skips_two_thirty() {
        let paris = zone("Europe/Paris").unwrap();
        let local = resolve(&paris, date(2026, 3, 29).at(2, 30, 0, 0)).unwrap();
        match local {
            LocalTime::Skipped { after } => assert_eq!(after.to_string(), "2026-03-29T03:30:00+02:00[Europe/Paris]"),
            other => panic!("{other:?}"),
        }
        let hours = day_hours(&paris, date(2026, 3, 29)).unwrap();
        assert_eq!(hours.len(), 23);
        assert!(hours.iter().all(|h| h.hour != 2));
    }

    #[test]
    fn paris_fall_back_repeats_two_oclock() {
        let paris = zone("Europe/Paris").unwrap();
        let hours = day_hours(&paris, date(2026, 10, 25)).unwrap();
        assert_eq!(hours.len(), 24);
        let two = hours.iter().find(|h| h.hour == 2).unwrap();
        assert!(two.repeated);
        assert_eq!(two.start.offset().seconds(), 7200, "first occurrence, still summer time");
        match resolve(&paris, date(2026, 10, 25).at(2, 30, 0, 0)).unwrap() {
            LocalTime::Repeated { earlier, later } => {
                assert_eq!(later.timestamp().as_second() - earlier.timestamp().as_second(), 3600)
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn new_york_change_days() {
        let ny = zone("America/New_York").unwrap();
        assert_eq!(day_hours(&ny, date(2026, 3, 8)).unwrap().len(), 23);
        let fall = day_hours(&ny, date(2026, 11, 1)).unwrap();
        assert!(fall.iter().find(|h| h.hour == 1).unwrap().repeated);
        // 09:00 keeps its wall-clock time across the change: 13:00 UTC in summer, 14:00 UTC in winter.
        let before = resolve(&ny, date(2026, 10, 31).at(9, 0, 0, 0)).unwrap();
        let after = resolve(&ny, date(2026, 11, 2).at(9, 0, 0, 0)).unwrap();
        assert_eq!(before.instant().timestamp().to_string(), "2026-10-31T13:00:00Z");
        assert_eq!(after.instant().timestamp().to_string(), "2026-11-02T14:00:00Z");
    }

    #[test]
    fn unknown_zone_and_date_are_messages() {
        assert!(zone("Mars/Olympus").unwrap_err().contains("Mars/Olympus"));
        assert!(parse_date("2026-13-01").is_err());
        assert_eq!(parse_date("2026-03-29").unwrap(), date(2026, 3, 29));
        assert!(parse_date("2026-3-29").is_err() && parse_date("2026-02-30").is_err());
        assert_eq!(parse_local("2026-03-29T02:30").unwrap(), date(2026, 3, 29).at(2, 30, 0, 0));
        assert_eq!(parse_local("2026-03-29 23:59:30").unwrap(), date(2026, 3, 29).at(23, 59, 30, 0));
        assert!(parse_local("2026-03-29T24:00").is_err() && parse_local("2026-03-29").is_err());
    }
}
