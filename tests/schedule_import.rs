//! Importing analytics exports (tests/data/analytics, shaped like the real X and Meta Business Suite files in
//! English and French): column names and order, BOM, delimiters, decimal commas, dates, time zones, broken rows
//! with file/line/column messages, and a 20 MB file streamed with bounded state.

use std::io::Read;
use std::path::PathBuf;

use jiff::tz::TimeZone;
use stratege::platform::Platform;
use stratege::schedule::import::{import_file, import_reader, Import, ImportOptions, SeenPosts, MAX_MESSAGES};
use stratege::schedule::notes::{DateProblem, FileProblem, RowNote};

fn sample(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/analytics").join(name)
}

fn import(name: &str, tz: &str) -> Import {
    import_file(&sample(name), None, &TimeZone::get(tz).unwrap(), &mut SeenPosts::default())
        .unwrap_or_else(|e| panic!("{e}"))
}

/// The one log rate in a cell (Monday = 0).
fn log_rate(import: &Import, day: usize, hour: usize) -> f64 {
    assert_eq!(import.observations.posts[day][hour], 1, "one post at day {day} hour {hour}");
    import.observations.sum_log_rate[day][hour]
}

fn rate(engagements: f64, exposure: f64) -> f64 {
    ((engagements + 0.5) / (exposure + 1.0)).ln()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn x_tweet_activity_export_in_utc_moves_to_the_users_zone() {
    let paris = import("x_tweet_activity_en.csv", "Europe/Paris");
    assert_eq!(paris.platform, Platform::X);
    assert_eq!((paris.rows, paris.used), (3, 3));
    // 07:03 UTC on Monday 6 October 2025 is 09:03 in Paris; likes 21 + replies 2 + retweets 3 of 1,250 impressions.
    assert!(close(log_rate(&paris, 0, 9), rate(26.0, 1250.0)));
    assert_eq!(paris.observations.posts[1][18], 1, "Tue 16:30 UTC = 18:30 Paris");
    assert_eq!(paris.observations.posts[5][20], 1, "Sat 18:00 UTC = 20:00 Paris");
    assert_eq!(paris.first.as_deref(), Some("2025-10-06T09:03"));
    assert_eq!(paris.last.as_deref(), Some("2025-10-11T20:00"));
    let new_york = import("x_tweet_activity_en.csv", "America/New_York");
    assert_eq!(new_york.observations.posts[0][3], 1, "07:03 UTC = 03:03 in New York");
    assert!(paris.messages.is_empty());
    assert_eq!(paris.unread_columns, 7);
}

#[test]
fn x_content_export_with_javascript_dates_and_reposts() {
    let x = import("x_content_en.csv", "Europe/Paris");
    assert_eq!((x.platform, x.used), (Platform::X, 2));
    // Likes 30 + replies 5 + reposts 4 + shares 1 + bookmarks 2, of 2,000 impressions, Monday 14:03 local.
    assert!(close(log_rate(&x, 0, 14), rate(42.0, 2000.0)));
    assert!(close(log_rate(&x, 1, 9), rate(15.0, 1500.0)));
}

#[test]
fn facebook_english_export_with_bom_multiline_text_and_an_unknown_column() {
    let fb = import("facebook_content_en.csv", "Europe/Paris");
    assert_eq!(fb.platform, Platform::Facebook);
    assert_eq!((fb.rows, fb.used), (3, 2));
    // "10/06/2025 14:03" is 6 October (month first in an English file); reach "1,200"; 50 + 10 + 6.
    assert!(close(log_rate(&fb, 0, 14), rate(66.0, 1200.0)));
    // "10/09/2025 2:03 PM": Thursday 14:03.
    assert!(close(log_rate(&fb, 3, 14), rate(20.0, 800.0)));
    // A post with no reach yet is left out, counted, without a line message.
    assert_eq!(fb.skipped.get("no reach or impressions yet"), Some(&1));
    assert!(fb.messages.is_empty(), "{:?}", fb.messages);
    assert!(!fb.counts_only);
}

#[test]
fn facebook_french_export_with_semicolons_spaces_and_day_first_dates() {
    let fb = import("facebook_content_fr.csv", "Europe/Paris");
    assert_eq!((fb.platform, fb.rows, fb.used), (Platform::Facebook, 2, 2));
    // "06/10/2025 14:03" is 6 October (day first); "1 250" is 1250; réactions 60 + commentaires 10 + partages 5.
    assert!(close(log_rate(&fb, 0, 14), rate(75.0, 1250.0)));
    // "13/10/2025 08:15" is Monday 13 October.
    assert!(close(log_rate(&fb, 0, 8), rate(40.0, 2000.0)));
}

#[test]
fn instagram_french_export_with_french_month_names() {
    let ig = import("instagram_content_fr.csv", "Europe/Paris");
    assert_eq!((ig.platform, ig.used), (Platform::Instagram, 2));
    // Couverture (reach) is preferred to Vues; j'aime 120 + commentaires 9 + partages 4 + enregistrements 7.
    assert!(close(log_rate(&ig, 0, 14), rate(140.0, 1800.0)));
    // "lundi 13 octobre 2025 à 7 h 05".
    assert!(close(log_rate(&ig, 0, 7), rate(89.0, 1500.0)));
}

#[test]
fn instagram_english_export_with_views_only() {
    let ig = import("instagram_content_en.csv", "America/New_York");
    assert_eq!((ig.platform, ig.used), (Platform::Instagram, 1));
    assert!(close(log_rate(&ig, 0, 14), rate(177.0, 4000.0)));
}

#[test]
fn broken_rows_get_file_line_column_messages_and_the_rest_is_used() {
    let x = import("x_broken.csv", "Europe/Paris");
    assert_eq!((x.rows, x.used), (6, 3), "{:?}", x.messages);
    let file = sample("x_broken.csv").display().to_string();
    assert_eq!(
        x.messages,
        vec![
            format!("{file}: line 3, column 4 (impressions): \"12x\" is not a number"),
            format!("{file}: line 4, column 3 (time): \"yesterday\" is not a date"),
            format!("{file}: line 8, column 8 (likes): missing; the row has 4 of 8 columns (truncated line?)"),
        ]
    );
    assert_eq!(x.skipped.values().sum::<u64>(), 3);
    // The same, as data the options page words in the user's language.
    assert_eq!(
        x.notes,
        vec![
            RowNote::NotANumber { line: 3, column: 4, header: "impressions".into(), text: "12x".into() },
            RowNote::Date {
                line: 4,
                column: 3,
                header: "time".into(),
                text: "yesterday".into(),
                problem: DateProblem::NotADate
            },
            RowNote::Truncated { line: 8, column: 8, header: "likes".into(), has: 4, of: 8 },
        ]
    );
    // The quoted text over two lines (lines 5-6) is one post: Tuesday 09:00 UTC = 11:00 in Paris.
    assert!(close(log_rate(&x, 1, 11), rate(11.0, 900.0)));
    assert_eq!(x.observations.posts[2][12], 1, "the row after it, line 7");
}

#[test]
fn what_cannot_be_used_at_all_is_one_error_naming_the_file() {
    let tz = TimeZone::get("UTC").unwrap();
    let options = |file| ImportOptions { file, platform: None, tz: &tz };
    let no_platform = import_reader(&b"when,likes\n2025-10-06 10:00,3\n"[..], &options("mystery.csv")).unwrap_err();
    assert_eq!(no_platform.problem, FileProblem::UnknownPlatform);
    assert!(no_platform.to_string().starts_with("mystery.csv: cannot tell which platform"), "{no_platform}");
    let utf16 = import_reader(&b"\xff\xfeP\x00"[..], &options("u16.csv")).unwrap_err();
    assert_eq!(utf16.problem, FileProblem::Utf16);
    assert!(utf16.to_string().contains("UTF-16"));
    // Told the platform, an unlabelled file is used.
    let told = import_reader(
        &b"Date,likes\n2025-10-06 10:00,3\n"[..],
        &ImportOptions { file: "mine.csv", platform: Some(Platform::Instagram), tz: &tz },
    )
    .unwrap();
    assert!(told.counts_only && told.used == 1);
}

/// A reader producing a large X export on the fly: `rows` rows, every 1000th with a bad number.
struct Generated {
    row: u64,
    rows: u64,
    pending: Vec<u8>,
    offset: usize,
}

impl Read for Generated {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if self.offset == self.pending.len() {
            if self.row > self.rows {
                return Ok(0);
            }
            self.pending.clear();
            self.offset = 0;
            if self.row == 0 {
                self.pending
                    .extend_from_slice(b"Tweet id,Tweet text,time,impressions,engagements,retweets,replies,likes\n");
            } else {
                let r = self.row;
                let impressions = if r.is_multiple_of(1000) { "n/a!".to_string() } else { (500 + r % 977).to_string() };
                let text = "A generated post with a link https://example.com/some/long/path and #hashtags, \"quoted\"";
                self.pending.extend_from_slice(
                    format!(
                        "{r},\"{}\",2025-{:02}-{:02} {:02}:{:02} +0000,{impressions},{},{},{},{}\n",
                        text.replace('"', "\"\""),
                        1 + r % 12,
                        1 + r % 28,
                        r % 24,
                        r % 60,
                        r % 50,
                        r % 5,
                        r % 7,
                        r % 30
                    )
                    .as_bytes(),
                );
            }
            self.row += 1;
        }
        let n = out.len().min(self.pending.len() - self.offset);
        out[..n].copy_from_slice(&self.pending[self.offset..self.offset + n]);
        self.offset += n;
        Ok(n)
    }
}

#[test]
fn a_20_mb_export_is_streamed_with_bounded_state() {
    // 160,000 rows of about 140 bytes: about 22 MB, written to a file and read back.
    let rows = 160_000;
    let path = std::env::temp_dir().join(format!("stratege-20mb-{}.csv", std::process::id()));
    let mut file = std::fs::File::create(&path).unwrap();
    std::io::copy(&mut Generated { row: 0, rows, pending: Vec::new(), offset: 0 }, &mut file).unwrap();
    drop(file);
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(size > 20_000_000, "{size} bytes");
    let result = import_file(&path, None, &TimeZone::get("Europe/Paris").unwrap(), &mut SeenPosts::default());
    std::fs::remove_file(&path).unwrap();
    let x = result.unwrap();
    assert_eq!(x.rows, rows);
    assert_eq!(x.used, rows - rows / 1000);
    assert_eq!(x.skipped.get("not a number"), Some(&(rows / 1000)));
    // Only the first messages are kept: the state does not grow with the file.
    assert_eq!(x.messages.len(), MAX_MESSAGES);
    assert_eq!(x.notes.len(), MAX_MESSAGES);
    assert_eq!(x.more_messages, rows / 1000 - MAX_MESSAGES as u64);
    assert!(
        x.messages[0].ends_with("line 1001, column 4 (impressions): \"n/a!\" is not a number"),
        "{}",
        x.messages[0]
    );
    assert_eq!(u64::from(x.observations.total()), x.used);
}

#[test]
fn overlapping_exports_count_each_post_once() {
    let tz = TimeZone::get("Europe/Paris").unwrap();
    let mut seen = SeenPosts::default();
    let first = import_file(&sample("x_tweet_activity_en.csv"), None, &tz, &mut seen).unwrap();
    let again = import_file(&sample("x_tweet_activity_en.csv"), None, &tz, &mut seen).unwrap();
    assert_eq!((first.used, again.used), (3, 0));
    assert_eq!(again.skipped.get("already imported (same post id)"), Some(&3));
    // Another platform's post with the same id is another post.
    let other = import_file(&sample("facebook_content_en.csv"), None, &tz, &mut seen).unwrap();
    assert_eq!(other.used, 2);
}
