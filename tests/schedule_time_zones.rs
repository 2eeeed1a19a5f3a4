//! The best-time hint across daylight-saving changes in Europe/Paris and America/New_York: `next` (contracts.md
//! `data-next`) is always strictly after now, never inside a skipped hour, and keeps its wall-clock time.

use jiff::civil::{date, DateTime};
use jiff::tz::TimeZone;
use jiff::ZonedDateTime;
use stratege::platform::Platform;
use stratege::schedule::hint::{day_slots, hint};
use stratege::schedule::model::Model;
use stratege::schedule::zones::{day_hours, resolve, zone_current_rule, LocalTime};

fn zoned(tz: &str, at: DateTime) -> ZonedDateTime {
    resolve(&TimeZone::get(tz).unwrap(), at).unwrap().instant().clone()
}

fn next_after(platform: Platform, now: &ZonedDateTime) -> ZonedDateTime {
    let model = Model::prior(platform).unwrap();
    let next = hint(&model, now).unwrap().next.expect("a good slot within the week");
    let local: DateTime = next.parse().unwrap();
    let next = resolve(now.time_zone(), local).unwrap();
    assert!(matches!(next, LocalTime::Exact(_)), "{next:?} is a plain local time");
    next.instant().clone()
}

#[test]
fn next_is_strictly_future_at_every_minute_around_midnight_and_the_change_days() {
    for tz in ["Europe/Paris", "America/New_York"] {
        for day in [
            date(2026, 3, 7),
            date(2026, 3, 8),
            date(2026, 3, 28),
            date(2026, 3, 29),
            date(2026, 10, 24),
            date(2026, 10, 25),
            date(2026, 10, 31),
            date(2026, 11, 1),
        ] {
            for (h, m) in [(0, 0), (1, 59), (2, 30), (3, 0), (9, 0), (12, 30), (23, 59)] {
                let now = zoned(tz, day.at(h, m, 0, 0));
                for platform in stratege::schedule::PLATFORMS {
                    let next = next_after(platform, &now);
                    assert!(next.timestamp() > now.timestamp(), "{tz} {now} {platform:?}: {next}");
                }
            }
        }
    }
}

#[test]
fn the_wasm_zone_rules_give_the_same_change_days() {
    // The WebAssembly build reads zones from their current POSIX rule (data/schedule/zones.tsv).
    for (name, spring, autumn, repeated) in [
        ("Europe/Paris", date(2026, 3, 29), date(2026, 10, 25), 2),
        ("America/New_York", date(2026, 3, 8), date(2026, 11, 1), 1),
    ] {
        let rule = zone_current_rule(name).unwrap();
        let full = TimeZone::get(name).unwrap();
        assert_eq!(day_hours(&rule, spring).unwrap(), day_hours(&full, spring).unwrap());
        assert_eq!(day_hours(&rule, spring).unwrap().len(), 23);
        let fall = day_hours(&rule, autumn).unwrap();
        assert_eq!(fall, day_hours(&full, autumn).unwrap());
        assert!(fall.iter().find(|h| h.hour == repeated).unwrap().repeated);
    }
}

#[test]
fn spring_forward_day_in_paris_has_23_hours_and_no_slot_in_the_gap() {
    let paris = TimeZone::get("Europe/Paris").unwrap();
    let hours = day_hours(&paris, date(2026, 3, 29)).unwrap();
    assert_eq!(
        hours.iter().map(|h| h.hour).collect::<Vec<_>>(),
        [0, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]
    );
    // 02:30 does not exist that day: it resolves to 03:30 summer time.
    match resolve(&paris, date(2026, 3, 29).at(2, 30, 0, 0)).unwrap() {
        LocalTime::Skipped { after } => assert_eq!(after.to_string(), "2026-03-29T03:30:00+02:00[Europe/Paris]"),
        other => panic!("{other:?}"),
    }
    for platform in stratege::schedule::PLATFORMS {
        let model = Model::prior(platform).unwrap();
        for slot in day_slots(&model, &paris, date(2026, 3, 29)).unwrap() {
            assert!(!slot.time.starts_with("02:"), "{platform:?} {slot:?}");
        }
    }
}

#[test]
fn in_the_repeated_hour_the_second_time_round_still_looks_ahead() {
    // 2026-11-01 01:30 happens twice in New York; the second one (EST) is the later instant.
    let ny = TimeZone::get("America/New_York").unwrap();
    let LocalTime::Repeated { earlier, later } = resolve(&ny, date(2026, 11, 1).at(1, 30, 0, 0)).unwrap() else {
        panic!("01:30 is repeated");
    };
    assert_eq!(later.timestamp().as_second() - earlier.timestamp().as_second(), 3600);
    for now in [earlier, later] {
        let next = next_after(Platform::Facebook, &now);
        assert!(next.timestamp() > now.timestamp());
    }
}

#[test]
fn a_slot_keeps_its_wall_clock_time_across_the_change() {
    // The Wednesday slots before and after the autumn change in Paris start at the same local time.
    let paris = TimeZone::get("Europe/Paris").unwrap();
    let model = Model::prior(Platform::Linkedin).unwrap();
    let before = day_slots(&model, &paris, date(2026, 10, 21)).unwrap();
    let after = day_slots(&model, &paris, date(2026, 10, 28)).unwrap();
    assert_eq!(before.iter().map(|s| &s.time).collect::<Vec<_>>(), after.iter().map(|s| &s.time).collect::<Vec<_>>());
    assert_ne!(before[0].start_zoned.offset(), after[0].start_zoned.offset());
}
