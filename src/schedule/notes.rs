//! What can be wrong in an analytics export, as data: a file that cannot be used at all ([`FileProblem`]), a row
//! that is skipped ([`RowNote`]) and a date cell that cannot be read ([`DateProblem`]). Each carries the facts a
//! sentence needs (line, column, header, the cell as written); the CLI writes them in English (`Display`), the
//! extension's options page in the interface's language, one message per `kind`.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Why a date-time cell cannot be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateProblem {
    /// Words or numbers that make no date ("Lifetime").
    NotADate,
    /// A time of day that cannot be read ("25:00").
    BadTime,
    /// A date without a time of day: the hour is what the model needs.
    NoTime,
    /// An hour over 12, or 0, with am/pm.
    BadAmPm,
    /// A date that does not exist (30 February).
    NoSuchDate,
    /// A written UTC offset that takes the time out of the calendar's range.
    OutOfRange,
}

impl fmt::Display for DateProblem {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(match self {
            DateProblem::NotADate => "is not a date",
            DateProblem::BadTime => "has no valid time of day",
            DateProblem::NoTime => "has no time of day",
            DateProblem::BadAmPm => "has an invalid am/pm hour",
            DateProblem::NoSuchDate => "is not a valid date",
            DateProblem::OutOfRange => "is out of range",
        })
    }
}

/// Why one row of an export was skipped. `line` is the file's line (from 1) and `column` the column (from 1);
/// `header` is the column's name as the file writes it, lower case.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case", try_from = "StoredNote")]
pub enum RowNote {
    /// The CSV reader could not read the row (`detail` is its English error).
    Unreadable { line: u64, detail: String },
    /// The row stops before a column that is needed.
    Truncated { line: u64, column: usize, header: String, has: usize, of: usize },
    /// The publish-time cell cannot be read.
    Date { line: u64, column: usize, header: String, text: String, problem: DateProblem },
    /// A figure that is not a number.
    NotANumber { line: u64, column: usize, header: String, text: String },
}

impl fmt::Display for RowNote {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            RowNote::Unreadable { line, detail } => write!(f, "line {line}: {detail}"),
            RowNote::Truncated { line, column, header, has, of } => {
                write!(f, "line {line}, column {column} ({header}): missing; the row has {has} of {of} columns (truncated line?)")
            }
            RowNote::Date { line, column, header, text, problem } => {
                write!(f, "line {line}, column {column} ({header}): {text:?} {problem}")
            }
            RowNote::NotANumber { line, column, header, text } => {
                write!(f, "line {line}, column {column} ({header}): {text:?} is not a number")
            }
        }
    }
}

/// A `RowNote` as it is read back (the stored imports the extension passes in): every variant's fields, those a
/// variant has not left empty, then checked by `kind`. An internally tagged enum is read through serde's buffered
/// `Content`, which put about 27 KB of code in the wasm; this flat form is read directly.
#[derive(Deserialize)]
struct StoredNote {
    kind: NoteKind,
    line: u64,
    column: Option<usize>,
    header: Option<String>,
    detail: Option<String>,
    has: Option<usize>,
    of: Option<usize>,
    text: Option<String>,
    problem: Option<DateProblem>,
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
enum NoteKind {
    Unreadable,
    Truncated,
    Date,
    NotANumber,
}

impl TryFrom<StoredNote> for RowNote {
    type Error = String;

    fn try_from(n: StoredNote) -> Result<RowNote, String> {
        fn need<T>(value: Option<T>, field: &str) -> Result<T, String> {
            value.ok_or_else(|| format!("missing field `{field}`"))
        }
        let line = n.line;
        Ok(match n.kind {
            NoteKind::Unreadable => RowNote::Unreadable { line, detail: need(n.detail, "detail")? },
            NoteKind::Truncated => RowNote::Truncated {
                line,
                column: need(n.column, "column")?,
                header: need(n.header, "header")?,
                has: need(n.has, "has")?,
                of: need(n.of, "of")?,
            },
            NoteKind::Date => RowNote::Date {
                line,
                column: need(n.column, "column")?,
                header: need(n.header, "header")?,
                text: need(n.text, "text")?,
                problem: need(n.problem, "problem")?,
            },
            NoteKind::NotANumber => RowNote::NotANumber {
                line,
                column: need(n.column, "column")?,
                header: need(n.header, "header")?,
                text: need(n.text, "text")?,
            },
        })
    }
}

/// Why a whole file cannot be used.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum FileProblem {
    /// The file cannot be opened or read (`detail` is the system's English error).
    Unreadable {
        detail: String,
    },
    /// A UTF-16 file (what some spreadsheets save as "Unicode text").
    Utf16,
    Empty,
    /// Neither the request nor the columns say which platform the export is from.
    UnknownPlatform,
    NoTimeColumn,
    NoEngagementColumns,
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            FileProblem::Unreadable { detail } => f.write_str(detail),
            FileProblem::Utf16 => f.write_str("the file is UTF-16; export it again as CSV (UTF-8)"),
            FileProblem::Empty => f.write_str("empty file"),
            FileProblem::UnknownPlatform => f.write_str(
                "cannot tell which platform this export is from: say it with --platform (x, facebook, instagram)",
            ),
            FileProblem::NoTimeColumn => f.write_str(
                "no publish-time column (looked for \"Publish time\", \"Heure de publication\", \"time\", \"Date\")",
            ),
            FileProblem::NoEngagementColumns => {
                f.write_str("no engagement columns (likes, comments, shares or a total)")
            }
        }
    }
}

/// A file that cannot be used, with its name: `Display` is the CLI's line (`posts.csv: empty file`).
#[derive(Clone, Debug, PartialEq)]
pub struct ImportError {
    pub file: String,
    pub problem: FileProblem,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.problem)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_serialise_with_their_kind_and_facts() {
        let note = RowNote::Date {
            line: 3,
            column: 2,
            header: "publish time".into(),
            text: "Lifetime".into(),
            problem: DateProblem::NotADate,
        };
        assert_eq!(
            serde_json::to_value(&note).unwrap(),
            serde_json::json!({"kind": "date", "line": 3, "column": 2, "header": "publish time",
                "text": "Lifetime", "problem": "not-a-date"})
        );
        assert_eq!(note.to_string(), "line 3, column 2 (publish time): \"Lifetime\" is not a date");
        let error = ImportError { file: "a.csv".into(), problem: FileProblem::Utf16 };
        assert_eq!(serde_json::to_value(&error.problem).unwrap(), serde_json::json!({"kind": "utf16"}));
        assert!(error.to_string().starts_with("a.csv: the file is UTF-16"));
    }

    #[test]
    fn notes_read_back_as_written_and_a_missing_fact_is_refused() {
        let notes = vec![
            RowNote::Unreadable { line: 1, detail: "bad quote".into() },
            RowNote::Truncated { line: 2, column: 4, header: "likes".into(), has: 3, of: 5 },
            RowNote::Date {
                line: 3,
                column: 1,
                header: "date".into(),
                text: "25:00".into(),
                problem: DateProblem::BadTime,
            },
            RowNote::NotANumber { line: 4, column: 2, header: "reach".into(), text: "n/a".into() },
        ];
        let back: Vec<RowNote> = serde_json::from_str(&serde_json::to_string(&notes).unwrap()).unwrap();
        assert_eq!(back, notes);
        let refused = |json: &str| serde_json::from_str::<RowNote>(json).unwrap_err().to_string();
        assert!(refused(r#"{"kind": "date", "line": 3, "column": 1, "header": "date", "text": "x"}"#)
            .contains("missing field `problem`"));
        assert!(refused(r#"{"kind": "typo", "line": 3}"#).contains("unknown variant `typo`"));
        assert!(refused(r#"{"line": 3, "detail": "x"}"#).contains("missing field `kind`"));
    }
}
