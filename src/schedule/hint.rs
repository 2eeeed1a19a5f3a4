//! The best-time hint beside a composer (contracts.md `best-time`: `data-now` good | ok | poor, `data-next` the
//! start of the next good slot strictly after now) and the day's suggested slots for the popup and the CLI.
//!
//! A cell is good when its score is among the platform's [`GOOD_CELLS`] best and at least [`GOOD_MIN`]; poor
//! when among the [`POOR_CELLS`] worst and below [`POOR_MAX`]; ok otherwise. A slot is a run of consecutive good
//! wall-clock hours that exist that day in the user's zone (on a spring-forward day the skipped hour is not in
//! any slot; on a fall-back day a repeated hour starts at its first occurrence).

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::ZonedDateTime;
use serde::Serialize;

use super::model::Model;
use super::priors::priors;
use super::zones::{day_hours, days_between, hh_mm, iso_local};
use super::{platform_label, DAY_FULL_NAMES};

/// About the top seventh of the week's 168 hours (3 to 4 hours a day) can be good.
pub const GOOD_CELLS: usize = 24;
/// A good hour is at least 5 % above the platform's average hour.
pub const GOOD_MIN: f64 = 1.05;
/// The worst quarter of the week's hours can be poor...
pub const POOR_CELLS: usize = 42;
/// ...when at least 3 % below the average hour.
pub const POOR_MAX: f64 = 0.97;
/// How far ahead `next` is looked for.
const DAYS_AHEAD: i64 = 8;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Rating {
    Good,
    Ok,
    Poor,
}

impl Rating {
    pub fn id(self) -> &'static str {
        match self {
            Rating::Good => "good",
            Rating::Ok => "ok",
            Rating::Poor => "poor",
        }
    }
}

/// Where a figure comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    YourData,
    PublishedStudies,
}

impl Source {
    /// "from your data" / "from published studies".
    pub fn phrase(self) -> &'static str {
        match self {
            Source::YourData => "from your data",
            Source::PublishedStudies => "from published studies",
        }
    }
}

/// The thresholds of one model's good and poor cells.
#[derive(Clone, Copy, Debug)]
pub struct Thresholds {
    pub good: f64,
    pub poor: f64,
}

impl Thresholds {
    pub fn of(model: &Model) -> Thresholds {
        let mut scores: Vec<f64> = model.score.iter().flatten().copied().collect();
        crate::sort::sort_by(&mut scores, |a, b| b.total_cmp(a));
        Thresholds { good: scores[GOOD_CELLS - 1].max(GOOD_MIN), poor: scores[168 - POOR_CELLS].min(POOR_MAX) }
    }

    pub fn rate(&self, score: f64) -> Rating {
        if score >= self.good {
            Rating::Good
        } else if score <= self.poor && score < POOR_MAX {
            Rating::Poor
        } else {
            Rating::Ok
        }
    }
}

/// A suggested slot of one day.
#[derive(Clone, Debug, Serialize)]
pub struct Slot {
    pub platform: &'static str,
    /// `HH:MM` local (contracts.md `data-time`).
    pub time: String,
    /// `YYYY-MM-DDTHH:MM` local.
    pub start: String,
    /// `HH:MM` local, the end of the run (exclusive).
    pub end: String,
    pub kind: &'static str,
    /// Best hour of the slot against the platform's average hour, in percent.
    pub lift_percent: i32,
    pub source: Source,
    /// The studies disagree about the slot's first hour.
    pub disagree: bool,
    /// One line: why this slot.
    pub why: String,
    #[serde(skip)]
    pub start_zoned: ZonedDateTime,
}

fn cell(z: &ZonedDateTime) -> (usize, usize) {
    (z.weekday().to_monday_zero_offset() as usize, z.hour() as usize)
}

fn round5(percent: f64) -> i32 {
    ((percent / 5.0).round() * 5.0) as i32
}

/// One line on why a cell scores as it does.
pub fn why(model: &Model, day: usize, hour: usize) -> String {
    let label = platform_label(model.platform);
    let when = format!("{}s around {hour:02}:00", DAY_FULL_NAMES[day]);
    let percent = round5((model.score[day][hour] - 1.0) * 100.0);
    if model.from_data(day, hour) {
        let posts = model.posts[day][hour];
        return format!(
            "Your {label} posts: {when}, {percent:+} % against your average hour ({} there).",
            super::posts(posts)
        );
    }
    let all = priors();
    let Some(prior) = all.platform(model.platform) else {
        return String::new();
    };
    let pro = all.names(&prior.for_studies[day][hour]);
    let con = all.names(&prior.against_studies[day][hour]);
    let mut line = if pro.is_empty() {
        format!("No published study names {when} for {label}.")
    } else {
        format!("Named for {label} on {when} by {}.", pro.join("; "))
    };
    let weight = model.data_weight[day][hour];
    if weight > 0.0 {
        let share = (weight * 100.0).round() as i32;
        line.push_str(&format!(
            " Your own posts make {share} % of this estimate ({percent:+} % against the average hour)."
        ));
    }
    if prior.disagree[day][hour] {
        line.push_str(" Studies disagree");
        if !con.is_empty() {
            line.push_str(&format!(" ({} against)", con.join("; ")));
        }
        line.push('.');
    }
    line
}

/// The suggested slots of `date` in `tz` for one platform's model.
pub fn day_slots(model: &Model, tz: &TimeZone, date: Date) -> Result<Vec<Slot>, String> {
    let thresholds = Thresholds::of(model);
    let hours = day_hours(tz, date)?;
    let mut slots: Vec<Slot> = Vec::new();
    let mut open: Option<(usize, usize)> = None; // (index of first hour, index of last hour) in `hours`
    let close = |from: usize, to: usize, slots: &mut Vec<Slot>| {
        let first = &hours[from];
        let (day, hour) = cell(&first.start);
        let best = (from..=to).map(|i| model.score[day][hours[i].hour as usize]).fold(0.0, f64::max);
        let end = hours.get(to + 1).map_or("24:00".to_string(), |h| hh_mm(&h.start));
        slots.push(Slot {
            platform: model.platform.id(),
            time: hh_mm(&first.start),
            start: iso_local(&first.start),
            end,
            kind: "suggested",
            lift_percent: round5((best - 1.0) * 100.0),
            source: if model.from_data(day, hour) { Source::YourData } else { Source::PublishedStudies },
            disagree: priors().platform(model.platform).is_some_and(|p| p.disagree[day][hour]),
            why: why(model, day, hour),
            start_zoned: first.start.clone(),
        });
    };
    for (i, h) in hours.iter().enumerate() {
        let (day, hour) = cell(&h.start);
        let good = thresholds.rate(model.score[day][hour]) == Rating::Good;
        open = match (open, good) {
            (None, true) => Some((i, i)),
            (Some((from, _)), true) => Some((from, i)),
            (Some((from, to)), false) => {
                close(from, to, &mut slots);
                None
            }
            (None, false) => None,
        };
    }
    if let Some((from, to)) = open {
        close(from, to, &mut slots);
    }
    Ok(slots)
}

/// The hint for a composer.
#[derive(Clone, Debug, Serialize)]
pub struct Hint {
    pub platform: &'static str,
    /// `data-now`.
    pub now: Rating,
    /// `data-next`: `YYYY-MM-DDTHH:MM` local, the start of the next good slot strictly after now.
    pub next: Option<String>,
    /// The next slot's first hour against now's hour, in percent (rounded to 5).
    pub lift_percent: i32,
    pub source: Source,
    /// "Good time to post now" or "Better today at 18:00 (about +35 % engagement, from your data)".
    pub message: String,
    /// One line on why (for hover or focus).
    pub why: String,
    pub disagree: bool,
}

/// The hint at `now` (a zoned time: its zone is the user's) for one platform's model.
pub fn hint(model: &Model, now: &ZonedDateTime) -> Result<Hint, String> {
    let tz = now.time_zone().clone();
    let thresholds = Thresholds::of(model);
    let (day, hour) = cell(now);
    let now_score = model.score[day][hour];
    let rating = thresholds.rate(now_score);
    let mut next = None;
    let mut date = now.date();
    for _ in 0..DAYS_AHEAD {
        if let Some(slot) =
            day_slots(model, &tz, date)?.into_iter().find(|s| s.start_zoned.timestamp() > now.timestamp())
        {
            next = Some(slot);
            break;
        }
        date = date.tomorrow().map_err(|_| "date out of range".to_string())?;
    }
    let label = platform_label(model.platform);
    let Some(slot) = next else {
        let why = why(model, day, hour);
        return Ok(Hint {
            platform: model.platform.id(),
            now: rating,
            next: None,
            lift_percent: 0,
            source: if model.from_data(day, hour) { Source::YourData } else { Source::PublishedStudies },
            message: format!("No clearly better time for {label} this week"),
            why,
            disagree: false,
        });
    };
    let (next_day, next_hour) = cell(&slot.start_zoned);
    let lift = round5((model.score[next_day][next_hour] / now_score - 1.0) * 100.0);
    let days = days_between(now.date(), slot.start_zoned.date());
    let when = match days {
        0 => format!("today at {}", slot.time),
        1 => format!("tomorrow at {}", slot.time),
        _ => format!("on {} at {}", DAY_FULL_NAMES[next_day], slot.time),
    };
    let message = if rating == Rating::Good {
        "Good time to post now".to_string()
    } else if lift > 0 {
        format!("Better {when} (about +{lift} % engagement, {})", slot.source.phrase())
    } else {
        format!("Better {when} ({})", slot.source.phrase())
    };
    let (why, source, disagree) = if rating == Rating::Good {
        let source = if model.from_data(day, hour) { Source::YourData } else { Source::PublishedStudies };
        let disagree = priors().platform(model.platform).is_some_and(|p| p.disagree[day][hour]);
        (why(model, day, hour), source, disagree)
    } else {
        (slot.why.clone(), slot.source, slot.disagree)
    };
    Ok(Hint {
        platform: model.platform.id(),
        now: rating,
        next: Some(slot.start),
        lift_percent: lift,
        source,
        message,
        why,
        disagree,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::Platform;
    use crate::schedule::zones::zone;
    use jiff::civil::date;

    fn at(tz: &str, y: i16, m: i8, d: i8, h: i8, min: i8) -> ZonedDateTime {
        date(y, m, d).at(h, min, 0, 0).to_zoned_datetime(zone(tz).unwrap()).unwrap()
    }

    #[test]
    fn next_is_strictly_after_now_at_23_59_and_across_midnight() {
        let model = Model::prior(Platform::X).unwrap();
        // Tuesday 2026-10-06, 23:59 in Paris: the next good slot is on Wednesday morning.
        let now = at("Europe/Paris", 2026, 10, 6, 23, 59);
        let h = hint(&model, &now).unwrap();
        let next = h.next.unwrap();
        assert!(next.as_str() > "2026-10-06T23:59", "{next}");
        assert!(next.starts_with("2026-10-07T"), "{next}");
        // Exactly at a slot's start, `next` is a later slot, never now.
        let start = day_slots(&model, &now.time_zone().clone(), date(2026, 10, 7)).unwrap()[0].start_zoned.clone();
        let h = hint(&model, &start).unwrap();
        assert_eq!(h.now, Rating::Good);
        assert!(h.next.unwrap() > iso_local(&start));
    }

    #[test]
    fn saturday_evening_points_to_the_week() {
        let model = Model::prior(Platform::X).unwrap();
        let h = hint(&model, &at("America/New_York", 2026, 10, 10, 20, 0)).unwrap();
        assert_eq!(h.now, Rating::Poor);
        assert!(h.message.starts_with("Better on "), "{}", h.message);
        assert!(h.message.contains("from published studies"));
        assert!(h.lift_percent > 0);
        assert!(h.why.contains("Sprout Social"), "{}", h.why);
    }

    #[test]
    fn spring_forward_slots_never_start_in_the_gap() {
        // Instagram's prior has a 6:00 slot on Sundays (Later 2021); on 2026-03-29 Paris skips 02:00-03:00.
        let model = Model::prior(Platform::Instagram).unwrap();
        let paris = zone("Europe/Paris").unwrap();
        for slot in day_slots(&model, &paris, date(2026, 3, 29)).unwrap() {
            assert!(!slot.time.starts_with("02:"), "{slot:?}");
        }
        let ny = zone("America/New_York").unwrap();
        let slots = day_slots(&model, &ny, date(2026, 3, 8)).unwrap();
        assert!(slots.iter().all(|s| !s.time.starts_with("02:")));
    }

    #[test]
    fn slots_are_ordered_runs_of_good_hours() {
        let model = Model::prior(Platform::Facebook).unwrap();
        let slots = day_slots(&model, &zone("Europe/Paris").unwrap(), date(2026, 10, 7)).unwrap();
        assert!(!slots.is_empty());
        assert!(slots.windows(2).all(|w| w[0].start < w[1].start && w[0].end <= w[1].time));
        assert!(slots.iter().all(|s| s.kind == "suggested" && s.lift_percent >= 5));
    }
}
