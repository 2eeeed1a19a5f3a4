//! Imports the user's own analytics exports: X post analytics CSV (the older "tweet activity" export and the
//! newer "content" export) and Meta Business Suite Facebook and Instagram content CSVs, in English or French.
//!
//! Robust to what real files do: any column order, names that changed across versions or languages ("Publish
//! time" / "Heure de publication", "Reach" / "Couverture", "Likes" / "J'aime"…), a UTF-8 byte-order mark, `,`,
//! `;` or tab delimiters, quoted fields with newlines and quotes, decimal commas, English and French dates, written
//! UTC offsets. A malformed row gets a message naming the file, line and column, and the rest of the file is
//! still used. The file is streamed record by record and only the 7 × 24 sums are kept (and, across the files of
//! one run, an 8-byte hash per post id so that overlapping exports count a post once), so time is linear and
//! memory bounded by the number of posts, not the file's size.
//!
//! Per post: the engagements are likes (or reactions) + comments (or replies) + shares and reposts + saves (or
//! bookmarks), whichever the file has, or its total column ("Engagements", "Interactions") when it has none of
//! them; the exposure is the reach, else the impressions, else the views. The post counts as
//! `ln((engagements + 0.5) / (exposure + 1))` (a smoothed log engagement rate) in the cell of its weekday and
//! hour in the user's time zone. A time written without an offset is taken as the user's local time (Meta
//! exports use the account's time zone); a written offset ("+0000" in X's exports) is converted.

use std::collections::{BTreeMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::{BufRead, BufReader, Read};

use csv::{ByteRecord, ReaderBuilder};
use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use serde::Serialize;

use super::dates::{parse_datetime, DateOrder};
use super::notes::{DateProblem, FileProblem, ImportError, RowNote};
use super::numbers::{parse_number, Decimal};
use super::zones::format_local;
use super::Grid;
use crate::platform::Platform;

/// At most this many line-level messages are kept per file; the others are only counted.
pub const MAX_MESSAGES: usize = 20;

/// The per-cell sums the model needs (serialisable: the extension stores them per imported file).
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct Observations {
    /// Posts per cell.
    pub posts: [[u32; 24]; 7],
    /// Sum of the posts' log engagement rates per cell.
    pub sum_log_rate: Grid,
}

impl Default for Observations {
    fn default() -> Self {
        Observations { posts: [[0; 24]; 7], sum_log_rate: [[0.0; 24]; 7] }
    }
}

impl Observations {
    /// Counts one post.
    pub fn add(&mut self, day: usize, hour: usize, log_rate: f64) {
        self.posts[day][hour] += 1;
        self.sum_log_rate[day][hour] += log_rate;
    }

    /// Adds another file's sums (several exports of one platform).
    pub fn merge(&mut self, other: &Observations) {
        for d in 0..7 {
            for h in 0..24 {
                self.posts[d][h] += other.posts[d][h];
                self.sum_log_rate[d][h] += other.sum_log_rate[d][h];
            }
        }
    }

    /// All posts counted.
    pub fn total(&self) -> u32 {
        self.posts.iter().flatten().sum()
    }
}

/// What one file gave: for the user ("what was imported") and for the model.
#[derive(Clone, Debug, Serialize)]
pub struct Import {
    pub file: String,
    pub platform: Platform,
    /// Data rows read (header excluded).
    pub rows: u64,
    /// Rows counted in the model.
    pub used: u64,
    /// Rows left out, by reason.
    pub skipped: BTreeMap<String, u64>,
    /// First and last post, local time of the user (`YYYY-MM-DDTHH:MM`).
    pub first: Option<String>,
    pub last: Option<String>,
    /// Line-level messages in English ("posts.csv: line 14, column 5 (impressions): …"), at most
    /// [`MAX_MESSAGES`]: the CLI's lines; `notes` holds the same as data.
    pub messages: Vec<String>,
    /// Why the first skipped rows were skipped, as data (the same rows as `messages`).
    pub notes: Vec<RowNote>,
    /// Messages not kept.
    pub more_messages: u64,
    /// Columns the file has that Stratège does not read (as written).
    pub unread_columns: usize,
    /// Engagement counts were used because the file has no reach, impressions or views column.
    pub counts_only: bool,
    #[serde(skip)]
    pub observations: Observations,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Id,
    Time,
    Date,
    Reach,
    Impressions,
    Views,
    Total,
    Likes,
    Comments,
    Shares,
    Saves,
}

/// Column names as the exports write them (lower case, apostrophes straightened), English and French.
const COLUMNS: &[(&str, Field)] = &[
    ("tweet id", Field::Id),
    ("post id", Field::Id),
    ("identifiant de la publication", Field::Id),
    ("publish time", Field::Time),
    ("heure de publication", Field::Time),
    ("date de publication", Field::Time),
    ("publication time", Field::Time),
    ("published", Field::Time),
    ("time", Field::Time),
    ("created at", Field::Time),
    ("date", Field::Date),
    ("post date", Field::Date),
    ("reach", Field::Reach),
    ("couverture", Field::Reach),
    ("portée", Field::Reach),
    ("impressions", Field::Impressions),
    ("views", Field::Views),
    ("vues", Field::Views),
    ("engagements", Field::Total),
    ("engagement", Field::Total),
    ("interactions", Field::Total),
    ("reactions, comments and shares", Field::Total),
    ("réactions, commentaires et partages", Field::Total),
    ("likes", Field::Likes),
    ("j'aime", Field::Likes),
    ("mentions j'aime", Field::Likes),
    ("reactions", Field::Likes),
    ("réactions", Field::Likes),
    ("comments", Field::Comments),
    ("commentaires", Field::Comments),
    ("replies", Field::Comments),
    ("réponses", Field::Comments),
    ("shares", Field::Shares),
    ("partages", Field::Shares),
    ("retweets", Field::Shares),
    ("reposts", Field::Shares),
    ("republications", Field::Shares),
    ("saves", Field::Saves),
    ("enregistrements", Field::Saves),
    ("bookmarks", Field::Saves),
    ("signets", Field::Saves),
];

/// Header words that are only in French exports.
const FRENCH_HEADERS: &[&str] =
    &["heure de publication", "date de publication", "couverture", "j'aime", "commentaires", "partages"];

fn normalise_header(raw: &[u8]) -> String {
    let text = String::from_utf8_lossy(raw);
    let text = text.trim_start_matches('\u{feff}').trim().trim_matches('"').replace(['’', '`'], "'");
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The platform a header row belongs to, when it says.
fn platform_of(headers: &[String]) -> Option<Platform> {
    let has = |name: &str| headers.iter().any(|h| h == name);
    let starts = |prefix: &str| headers.iter().any(|h| h.starts_with(prefix));
    if starts("tweet") || has("post text") || has("post link") || has("reposts") || has("bookmarks") {
        Some(Platform::X)
    } else if has("page id") || has("page name") || has("identifiant de la page") || has("nom de la page") {
        Some(Platform::Facebook)
    } else if has("account username") || has("nom d'utilisateur du compte") || starts("instagram") {
        Some(Platform::Instagram)
    } else {
        None
    }
}

/// The delimiter of a header line: the most frequent of `,`, `;` and tab outside quotes.
fn delimiter(line: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in line {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// Options of one import.
pub struct ImportOptions<'a> {
    /// The name used in messages (the file's name as the user gave it).
    pub file: &'a str,
    /// The platform, when the user said; otherwise it is read from the columns.
    pub platform: Option<Platform>,
    /// The user's time zone: the weekday and hour of each post are taken there.
    pub tz: &'a TimeZone,
}

struct Collector<'a> {
    import: Import,
    file: &'a str,
}

impl Collector<'_> {
    fn skip(&mut self, reason: &str, note: Option<RowNote>) {
        *self.import.skipped.entry(reason.to_string()).or_insert(0) += 1;
        if let Some(note) = note {
            if self.import.messages.len() < MAX_MESSAGES {
                self.import.messages.push(format!("{}: {note}", self.file));
                self.import.notes.push(note);
            } else {
                self.import.more_messages += 1;
            }
        }
    }
}

/// The posts already counted (a hash of platform and post id), so that overlapping exports (the last 28 days
/// exported twice) count each post once. 8 bytes a post.
#[derive(Default)]
pub struct SeenPosts(HashSet<u64>);

impl SeenPosts {
    /// True the first time a post is offered.
    fn first_time(&mut self, platform: Platform, id: &[u8]) -> bool {
        let mut hasher = DefaultHasher::new();
        (platform.id(), id).hash(&mut hasher);
        self.0.insert(hasher.finish())
    }
}

/// Reads one export on its own. `Err` only when the file cannot be used at all (no header, no time column, unknown
/// platform); row-level problems are messages in the result.
pub fn import_reader<R: Read>(reader: R, options: &ImportOptions) -> Result<Import, ImportError> {
    import_reader_with(reader, options, &mut SeenPosts::default())
}

/// Reads one export of several: a post id already in `seen` is not counted again.
pub fn import_reader_with<R: Read>(
    reader: R,
    options: &ImportOptions,
    seen: &mut SeenPosts,
) -> Result<Import, ImportError> {
    let file = options.file;
    let refuse = |problem: FileProblem| ImportError { file: file.to_string(), problem };
    let unreadable = |e: &dyn std::fmt::Display| refuse(FileProblem::Unreadable { detail: e.to_string() });
    let mut reader = BufReader::with_capacity(64 * 1024, reader);
    let mut first_line = Vec::new();
    reader.read_until(b'\n', &mut first_line).map_err(|e| unreadable(&e))?;
    if first_line.starts_with(&[0xff, 0xfe]) || first_line.starts_with(&[0xfe, 0xff]) {
        return Err(refuse(FileProblem::Utf16));
    }
    if first_line.starts_with(b"\xef\xbb\xbf") {
        first_line.drain(..3);
    }
    if first_line.iter().all(u8::is_ascii_whitespace) {
        return Err(refuse(FileProblem::Empty));
    }
    let delimiter = delimiter(&first_line);
    let mut csv = ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(std::io::Cursor::new(first_line).chain(reader));
    let headers: Vec<String> = csv.byte_headers().map_err(|e| unreadable(&e))?.iter().map(normalise_header).collect();
    let platform =
        options.platform.or_else(|| platform_of(&headers)).ok_or_else(|| refuse(FileProblem::UnknownPlatform))?;
    let french = headers.iter().any(|h| FRENCH_HEADERS.contains(&h.as_str()));
    let decimal = if french || delimiter == b';' { Decimal::Comma } else { Decimal::Point };
    let order = if french { DateOrder::DayFirst } else { DateOrder::MonthFirst };

    // The first column for each field, in header order.
    let column = |field: Field| headers.iter().position(|h| COLUMNS.iter().any(|&(name, f)| f == field && h == name));
    let time = column(Field::Time).or_else(|| column(Field::Date)).ok_or_else(|| refuse(FileProblem::NoTimeColumn))?;
    let exposure = column(Field::Reach).or_else(|| column(Field::Impressions)).or_else(|| column(Field::Views));
    // Every comments, shares and saves column adds up (X's newer export has both "Shares" and "Reposts"); only the
    // first likes column counts (Facebook's "Reactions" already include likes).
    let is = |i: usize, field: Field| COLUMNS.iter().any(|&(name, f)| f == field && headers[i] == name);
    let parts: Vec<usize> = column(Field::Likes)
        .into_iter()
        .chain((0..headers.len()).filter(|&i| [Field::Comments, Field::Shares, Field::Saves].iter().any(|&f| is(i, f))))
        .collect();
    let total = column(Field::Total);
    if parts.is_empty() && total.is_none() {
        return Err(refuse(FileProblem::NoEngagementColumns));
    }
    let id = column(Field::Id);
    let read: Vec<usize> =
        [id, Some(time), exposure, total].into_iter().flatten().chain(parts.iter().copied()).collect();
    let unread_columns = headers.iter().enumerate().filter(|(i, h)| !h.is_empty() && !read.contains(i)).count();

    let mut c = Collector {
        import: Import {
            file: file.to_string(),
            platform,
            rows: 0,
            used: 0,
            skipped: BTreeMap::new(),
            first: None,
            last: None,
            messages: Vec::new(),
            notes: Vec::new(),
            more_messages: 0,
            unread_columns,
            counts_only: exposure.is_none(),
            observations: Observations::default(),
        },
        file,
    };
    let mut first: Option<DateTime> = None;
    let mut last: Option<DateTime> = None;
    let header_name = |i: usize| headers.get(i).map(String::as_str).unwrap_or("?").to_string();
    let mut record = ByteRecord::new();
    loop {
        match csv.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                c.import.rows += 1;
                c.skip("unreadable row", Some(RowNote::Unreadable { line, detail: e.to_string() }));
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    break;
                }
                continue;
            }
        }
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        c.import.rows += 1;
        let field = |i: usize| record.get(i).map(String::from_utf8_lossy);
        let needed = read.iter().copied().max().unwrap_or(0);
        if record.len() <= needed && field(needed).is_none() {
            let note = RowNote::Truncated {
                line,
                column: needed + 1,
                header: header_name(needed),
                has: record.len(),
                of: headers.len(),
            };
            c.skip("truncated row", Some(note));
            continue;
        }
        // When.
        let when_text = field(time).unwrap_or_default();
        let date_note = |problem| RowNote::Date {
            line,
            column: time + 1,
            header: header_name(time),
            text: when_text.to_string(),
            problem,
        };
        let written = match parse_datetime(&when_text, order) {
            Ok(w) => w,
            Err(problem) => {
                c.skip("no usable date", Some(date_note(problem)));
                continue;
            }
        };
        let local = match written.offset {
            Some(offset) => match offset.to_timestamp(written.datetime) {
                Ok(ts) => ts.to_zoned_datetime(options.tz.clone()).datetime(),
                Err(_) => {
                    c.skip("no usable date", Some(date_note(DateProblem::OutOfRange)));
                    continue;
                }
            },
            None => written.datetime,
        };
        // How much engagement.
        let mut number = |i: usize| -> Result<Option<f64>, RowNote> {
            let text = field(i).unwrap_or_default();
            parse_number(&text, decimal).map_err(|_| RowNote::NotANumber {
                line,
                column: i + 1,
                header: header_name(i),
                text: text.trim().to_string(),
            })
        };
        let mut engagements = None;
        let mut bad = None;
        for &i in &parts {
            match number(i) {
                Ok(Some(v)) => engagements = Some(engagements.unwrap_or(0.0) + v),
                Ok(None) => {}
                Err(m) => bad = Some(m),
            }
        }
        if engagements.is_none() {
            if let Some(i) = total {
                match number(i) {
                    Ok(v) => engagements = v,
                    Err(m) => bad = Some(m),
                }
            }
        }
        let exposure_value = match exposure.map(&mut number) {
            Some(Ok(v)) => v,
            Some(Err(m)) => {
                bad = Some(m);
                None
            }
            None => None,
        };
        if let Some(note) = bad {
            c.skip("not a number", Some(note));
            continue;
        }
        let Some(engagements) = engagements.filter(|v| *v >= 0.0) else {
            c.skip("no engagement figures", None);
            continue;
        };
        let log_rate = match (exposure, exposure_value) {
            (None, _) => (engagements + 1.0).ln(),
            (Some(_), Some(reach)) if reach > 0.0 => ((engagements + 0.5) / (reach + 1.0)).ln(),
            (Some(_), _) => {
                c.skip("no reach or impressions yet", None);
                continue;
            }
        };
        if let Some(post) = id.and_then(|i| record.get(i)).filter(|post| !post.trim_ascii().is_empty()) {
            if !seen.first_time(platform, post.trim_ascii()) {
                c.skip("already imported (same post id)", None);
                continue;
            }
        }
        let day = local.weekday().to_monday_zero_offset() as usize;
        c.import.observations.add(day, local.hour() as usize, log_rate);
        c.import.used += 1;
        first = Some(first.map_or(local, |f| f.min(local)));
        last = Some(last.map_or(local, |l| l.max(local)));
    }
    c.import.first = first.map(format_local);
    c.import.last = last.map(format_local);
    Ok(c.import)
}

/// Reads one export from a file; `seen` carries the post ids of the files read before.
pub fn import_file(
    path: &std::path::Path,
    platform: Option<Platform>,
    tz: &TimeZone,
    seen: &mut SeenPosts,
) -> Result<Import, ImportError> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path)
        .map_err(|e| ImportError { file: name.clone(), problem: FileProblem::Unreadable { detail: e.to_string() } })?;
    import_reader_with(file, &ImportOptions { file: &name, platform, tz }, seen)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Import {
        let tz = TimeZone::get("Europe/Paris").unwrap();
        import_reader(text.as_bytes(), &ImportOptions { file: "t.csv", platform: None, tz: &tz }).unwrap()
    }

    #[test]
    fn delimiters() {
        assert_eq!(delimiter(b"a;b;\"c,d\";e\n"), b';');
        assert_eq!(delimiter(b"a,b,c\n"), b',');
        assert_eq!(delimiter(b"a\tb\tc\n"), b'\t');
    }

    #[test]
    fn x_export_with_utc_offsets_lands_in_local_hours() {
        let import = run("Tweet id,Tweet text,time,impressions,engagements,retweets,replies,likes\n\
             1,hello,2025-10-06 07:03 +0000,1000,20,2,1,10\n");
        assert_eq!(import.platform, Platform::X);
        assert_eq!(import.used, 1);
        // 07:03 UTC is 09:03 in Paris (summer time): Monday, hour 9.
        assert_eq!(import.observations.posts[0][9], 1);
        let expected = ((13.0f64 + 0.5) / 1001.0).ln();
        assert!((import.observations.sum_log_rate[0][9] - expected).abs() < 1e-12);
    }

    #[test]
    fn meta_lifetime_date_column_is_not_the_publish_time() {
        let import = run("Post ID,Page ID,Page name,Publish time,Date,Reach,Reactions,Comments,Shares\n\
             9,1,Shop,10/06/2025 14:03,Lifetime,500,10,2,1\n");
        assert_eq!(import.platform, Platform::Facebook);
        assert_eq!(import.used, 1);
        assert_eq!(import.observations.posts[0][14], 1);
    }

    #[test]
    fn a_file_without_time_column_is_refused() {
        let tz = TimeZone::get("UTC").unwrap();
        let err = import_reader(
            &b"Post ID,Page ID,Reach,Likes\n1,2,3,4\n"[..],
            &ImportOptions { file: "a.csv", platform: None, tz: &tz },
        )
        .unwrap_err();
        assert_eq!(err.problem, FileProblem::NoTimeColumn);
        assert!(err.to_string().starts_with("a.csv: no publish-time column"), "{err}");
    }
}
