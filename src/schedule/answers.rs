//! What the extension asks of the schedule and what it gets back, as plain structured values (the wasm exports of
//! `src/wasm/schedule.rs` only convert them): the best-time hint at an instant, one day's slots of several
//! platforms in time order, a platform's heatmap, and the import of analytics exports. Every answer carries the
//! facts a sentence needs (rating, times, lift, source, the studies named) rather than the sentence, so that the
//! extension words it in the user's language; `message`/`text` keep the core's English line.
//!
//! The user's imports are kept by the extension, one [`StoredImport`] per file, and given back with each request:
//! their sums are merged per platform here.

use std::collections::BTreeMap;

use jiff::tz::TimeZone;
use jiff::{Timestamp, ZonedDateTime};
use serde::{Deserialize, Serialize};

use super::hint::{day_slots, hint, why, Rating, Source};
use super::import::{import_reader_with, ImportOptions, Observations, SeenPosts};
use super::model::Model;
use super::notes::{FileProblem, RowNote};
use super::priors::priors;
use super::zones::{days_between, iso_local, parse_local, zone};
use super::{heatmap, schedule_platform, PLATFORMS};

/// One imported file as the extension stores it: what it gave (for the summary) and its per-cell sums.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct StoredImport {
    pub file: String,
    pub platform: String,
    pub rows: u64,
    pub used: u64,
    pub skipped: BTreeMap<String, u64>,
    pub first: Option<String>,
    pub last: Option<String>,
    pub messages: Vec<String>,
    /// `messages` as data, for the options page to word in the user's language (absent from imports stored before
    /// it existed: those show `messages`).
    #[serde(default)]
    pub notes: Vec<RowNote>,
    pub more_messages: u64,
    pub observations: Observations,
}

/// Why a cell scores as it does, as facts: the weekday (0 = Monday) and hour, the score against the average hour,
/// whether it comes from the user's data (and from how many posts), the user's share of the estimate in percent,
/// the studies naming the cell as good and as bad, and whether they disagree. `text` is the core's English line.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Why {
    pub platform: &'static str,
    pub day: usize,
    pub hour: usize,
    pub percent: i32,
    pub from_data: bool,
    pub posts: u32,
    pub data_share: i32,
    pub studies_for: Vec<String>,
    pub studies_against: Vec<String>,
    pub disagree: bool,
    pub text: String,
}

fn round5(percent: f64) -> i32 {
    ((percent / 5.0).round() * 5.0) as i32
}

/// The facts behind a cell's score.
pub fn why_of(model: &Model, day: usize, hour: usize) -> Why {
    let prior = priors().platform(model.platform);
    let names = |cells: Option<&Vec<Vec<Vec<usize>>>>| -> Vec<String> {
        cells.map_or_else(Vec::new, |c| priors().names(&c[day][hour]).into_iter().map(str::to_owned).collect())
    };
    Why {
        platform: model.platform.id(),
        day,
        hour,
        percent: round5((model.score[day][hour] - 1.0) * 100.0),
        from_data: model.from_data(day, hour),
        posts: model.posts[day][hour],
        data_share: (model.data_weight[day][hour] * 100.0).round() as i32,
        studies_for: names(prior.map(|p| &p.for_studies)),
        studies_against: names(prior.map(|p| &p.against_studies)),
        disagree: prior.is_some_and(|p| p.disagree[day][hour]),
        text: why(model, day, hour),
    }
}

/// The hint at an instant (contracts.md `best-time`).
#[derive(Clone, Debug, Serialize)]
pub struct HintAnswer {
    pub platform: &'static str,
    /// `data-now`.
    pub now: Rating,
    /// `data-next`: `YYYY-MM-DDTHH:MM` local, strictly after now; `None` when no good slot comes within a week.
    pub next: Option<String>,
    /// The next slot's `HH:MM`, its weekday (0 = Monday) and how many days after today it is (0 = today).
    pub next_time: Option<String>,
    pub next_day: Option<usize>,
    pub days_ahead: Option<i64>,
    /// The next slot against now, in percent (rounded to 5).
    pub lift_percent: i32,
    pub source: Source,
    /// Why now is good (when it is), else why the next slot is.
    pub why: Why,
    /// The core's English sentence.
    pub message: String,
}

/// A suggested slot of one day.
#[derive(Clone, Debug, Serialize)]
pub struct SlotAnswer {
    pub platform: &'static str,
    /// `HH:MM` local (contracts.md `data-time`).
    pub time: String,
    /// `YYYY-MM-DDTHH:MM` local.
    pub start: String,
    /// `HH:MM` local, exclusive.
    pub end: String,
    pub lift_percent: i32,
    pub source: Source,
    pub why: Why,
}

/// One day's suggested slots of several platforms, in time order.
#[derive(Clone, Debug, Serialize)]
pub struct DayAnswer {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Now, `YYYY-MM-DDTHH:MM` local.
    pub now: String,
    pub slots: Vec<SlotAnswer>,
}

/// What an import of several files gave: each file's result, and the files that could not be used at all.
#[derive(Clone, Debug, Serialize)]
pub struct ImportAnswer {
    pub imports: Vec<StoredImport>,
    pub errors: Vec<FileError>,
}

#[derive(Clone, Debug, Serialize)]
pub struct FileError {
    pub file: String,
    /// The core's English line.
    pub message: String,
    pub problem: FileProblem,
}

/// A file given to [`import`]: its name and its text.
#[derive(Clone, Debug, Deserialize)]
pub struct FileText {
    pub name: String,
    pub text: String,
}

/// The user's zone and "now" as the extension knows them: an IANA name and milliseconds since the epoch.
pub fn now_at(tz: &str, epoch_ms: f64) -> Result<ZonedDateTime, String> {
    let tz = zone(tz)?;
    let t = Timestamp::from_millisecond(epoch_ms as i64).map_err(|_| format!("invalid time {epoch_ms}"))?;
    Ok(t.to_zoned_datetime(tz))
}

/// The personal model of a platform from the stored imports (the prior when there are none).
pub fn model_for(platform: &str, imports: &[StoredImport]) -> Result<Model, String> {
    let platform = schedule_platform(platform)?;
    let mut data = Observations::default();
    for import in imports.iter().filter(|i| schedule_platform(&i.platform).ok() == Some(platform)) {
        data.merge(&import.observations);
    }
    Model::personal(platform, &data).ok_or_else(|| format!("no best-time prior for {}", platform.id()))
}

fn cell_of(z: &ZonedDateTime) -> (usize, usize) {
    (z.weekday().to_monday_zero_offset() as usize, z.hour() as usize)
}

/// The hint for `platform` at `now`.
pub fn hint_at(platform: &str, now: &ZonedDateTime, imports: &[StoredImport]) -> Result<HintAnswer, String> {
    let model = model_for(platform, imports)?;
    let h = hint(&model, now)?;
    let next_local = h.next.as_deref().map(parse_local).transpose()?;
    let (day, hour) = match (h.now, next_local) {
        (Rating::Good, _) | (_, None) => cell_of(now),
        (_, Some(next)) => (next.date().weekday().to_monday_zero_offset() as usize, next.hour() as usize),
    };
    Ok(HintAnswer {
        platform: h.platform,
        now: h.now,
        next_time: next_local.map(|n| format!("{:02}:{:02}", n.hour(), n.minute())),
        next_day: next_local.map(|n| n.date().weekday().to_monday_zero_offset() as usize),
        days_ahead: next_local.map(|n| days_between(now.date(), n.date())),
        next: h.next,
        lift_percent: h.lift_percent,
        source: h.source,
        why: why_of(&model, day, hour),
        message: h.message,
    })
}

/// The suggested slots of the day `offset_days` after today (in the user's zone) for `platforms` (all four when
/// empty), merged in time order (ties by platform order).
pub fn day_at(
    platforms: &[String],
    now: &ZonedDateTime,
    offset_days: i32,
    imports: &[StoredImport],
) -> Result<DayAnswer, String> {
    let tz: TimeZone = now.time_zone().clone();
    // `try_days`, and no jiff error formatted (`zones::days_between` says why).
    let out_of_range = |_| format!("no calendar date {offset_days} days from {}", now.date());
    let span = jiff::Span::new().try_days(offset_days).map_err(out_of_range)?;
    let date = now.date().checked_add(span).map_err(out_of_range)?;
    let ids: Vec<String> =
        if platforms.is_empty() { PLATFORMS.iter().map(|p| p.id().to_owned()).collect() } else { platforms.to_vec() };
    let mut slots = Vec::new();
    for id in &ids {
        let model = model_for(id, imports)?;
        for slot in day_slots(&model, &tz, date)? {
            let (day, hour) = cell_of(&slot.start_zoned);
            slots.push(SlotAnswer {
                platform: slot.platform,
                time: slot.time,
                start: slot.start,
                end: slot.end,
                lift_percent: slot.lift_percent,
                source: slot.source,
                why: why_of(&model, day, hour),
            });
        }
    }
    let order = |id: &str| PLATFORMS.iter().position(|p| p.id() == id);
    crate::sort::sort_by(&mut slots, |a, b| a.start.cmp(&b.start).then(order(a.platform).cmp(&order(b.platform))));
    Ok(DayAnswer { date: date.to_string(), now: iso_local(now), slots })
}

/// The heatmap SVG of a platform for the options page: the prior, and beside it the personal model when the imports
/// hold its posts.
pub fn heatmap_of(platform: &str, imports: &[StoredImport]) -> Result<String, String> {
    let personal = model_for(platform, imports)?;
    let prior = Model::prior(personal.platform).ok_or_else(|| format!("no best-time prior for {platform}"))?;
    let has_data = personal.posts.iter().flatten().any(|&n| n > 0);
    Ok(heatmap::svg(&prior, has_data.then_some(&personal), heatmap::Styling::InPage))
}

/// Reads analytics exports in the user's zone; a post id already counted in an earlier file of the same call is
/// not counted again. A file that cannot be used at all is an error of its own; the others still count.
pub fn import(files: &[FileText], tz: &str, platform: Option<&str>) -> Result<ImportAnswer, String> {
    let tz = zone(tz)?;
    let platform = platform.map(schedule_platform).transpose()?;
    let mut seen = SeenPosts::default();
    let mut answer = ImportAnswer { imports: Vec::new(), errors: Vec::new() };
    for file in files {
        let options = ImportOptions { file: &file.name, platform, tz: &tz };
        match import_reader_with(file.text.as_bytes(), &options, &mut seen) {
            Ok(i) => answer.imports.push(StoredImport {
                file: i.file,
                platform: i.platform.id().to_owned(),
                rows: i.rows,
                used: i.used,
                skipped: i.skipped,
                first: i.first,
                last: i.last,
                messages: i.messages,
                notes: i.notes,
                more_messages: i.more_messages,
                observations: i.observations,
            }),
            Err(e) => answer.errors.push(FileError {
                file: file.name.clone(),
                message: e.problem.to_string(),
                problem: e.problem,
            }),
        }
    }
    Ok(answer)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2026-10-06 is a Tuesday; 21:59 UTC is 23:59 in Paris (summer time).
    const TUESDAY_2359_PARIS_MS: f64 = 1_791_323_940_000.0;

    #[test]
    fn hint_next_is_strictly_after_now_with_its_facts() {
        let now = now_at("Europe/Paris", TUESDAY_2359_PARIS_MS).unwrap();
        assert_eq!(iso_local(&now), "2026-10-06T23:59");
        let h = hint_at("x", &now, &[]).unwrap();
        let next = h.next.clone().unwrap();
        assert!(next.as_str() > "2026-10-06T23:59" && next.starts_with("2026-10-07T"), "{next}");
        assert_eq!(h.days_ahead, Some(1));
        assert_eq!(h.next_day, Some(2));
        assert_eq!(Some(&next[11..]), h.next_time.as_deref());
        assert_eq!(h.why.day, 2, "the why is about the next slot");
        assert!(!h.why.studies_for.is_empty());
        assert_eq!(h.source, Source::PublishedStudies);
    }

    #[test]
    fn day_lists_every_platform_in_time_order() {
        let now = now_at("Europe/Paris", TUESDAY_2359_PARIS_MS).unwrap();
        let day = day_at(&[], &now, 1, &[]).unwrap();
        assert_eq!(day.date, "2026-10-07");
        assert!(day.slots.windows(2).all(|w| w[0].start <= w[1].start));
        for id in ["x", "facebook", "instagram", "linkedin"] {
            assert!(day.slots.iter().any(|s| s.platform == id), "{id}");
        }
        let only = day_at(&["instagram".into()], &now, 0, &[]).unwrap();
        assert!(only.slots.iter().all(|s| s.platform == "instagram" && s.start.starts_with("2026-10-06")));
        assert!(day_at(&["tiktok".into()], &now, 0, &[]).is_err());
    }

    #[test]
    fn imports_move_the_model_and_bad_files_are_named() {
        let mut csv = String::from("Tweet id,time,impressions,engagements\n");
        for week in 0..8 {
            for d in 0..7 {
                let day = 5 + week * 7 + d;
                let (month, dom) = if day > 31 { (11, day - 31) } else { (10, day) };
                csv.push_str(&format!("{week}{d}1,2025-{month:02}-{dom:02} 19:10 +0000,1000,90\n"));
                csv.push_str(&format!("{week}{d}2,2025-{month:02}-{dom:02} 07:10 +0000,1000,5\n"));
            }
        }
        let files = vec![
            FileText { name: "x.csv".into(), text: csv },
            FileText { name: "empty.csv".into(), text: "a,b\n1,2\n".into() },
        ];
        let answer = import(&files, "UTC", None).unwrap();
        assert_eq!(answer.errors.len(), 1);
        assert_eq!(answer.errors[0].file, "empty.csv");
        let stored = &answer.imports;
        assert_eq!((stored[0].platform.as_str(), stored[0].used), ("x", 112));
        let prior = model_for("x", &[]).unwrap();
        let personal = model_for("x", stored).unwrap();
        assert!(personal.score[2][19] / personal.score[2][7] > 2.0 * prior.score[2][19] / prior.score[2][7]);
        assert!(why_of(&personal, 2, 19).from_data);
        assert!(heatmap_of("x", stored).unwrap().contains("your data (112 posts)"));
        assert!(!heatmap_of("x", &[]).unwrap().contains("your data"));
        // The stored form survives a JSON round trip (chrome.storage holds it).
        let back: Vec<StoredImport> = serde_json::from_str(&serde_json::to_string(stored).unwrap()).unwrap();
        assert_eq!(model_for("x", &back).unwrap(), personal);
    }
}
