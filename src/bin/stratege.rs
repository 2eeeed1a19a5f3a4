//! `stratege`: the command-line checker for content calendars and scripts (contracts.md §2).
//!
//!     stratege check --jsonl                      JSON lines in, one JSON report per line out
//!     stratege check --platform x [OPTIONS] [--json] [FILE|-]
//!     stratege platforms [--json]                 the table of limits, counting units and sources
//!
//! The options of `check` are the fields of a JSON request (`stratege::Options`): one type read by clap and serde.

use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};
use stratege::platform::RULES;
use stratege::report::{LengthState, Report, Severity, ToneLevel};
use stratege::{Checker, Options};

/// Check social-media posts before they go out.
#[derive(Parser)]
#[command(name = "stratege", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Checks a text, or JSON lines: length, hashtags and tone.
    ///
    /// Length in the platform's unit; hashtags (spelling in English and French, readability, duplicates, per-post
    /// limit, tags cut by punctuation); tone. The tone of replies is checked by default (relaxed); --tone sets how
    /// easily it warns, for posts too. Exit status 1 when the text has an error (over the limit, invalid
    /// character, too many hashtags on Instagram).
    Check(CheckArgs),
    /// Lists the platforms, their limits, counting units and sources.
    Platforms {
        /// As JSON.
        #[arg(long)]
        json: bool,
    },
    /// How each attached image will be cut on the platform's surfaces, with a better framing and size, count and
    /// format problems.
    ///
    /// Per image and surface (feed, grid, timeline…): the crop rectangle x,y,w,h in the image's pixels, what is
    /// lost, a better framing when one keeps clearly more of the detail (a suggestion: nothing is cropped). Exit
    /// status 1 when a problem is an error, 2 when a file cannot be read.
    #[cfg(not(target_arch = "wasm32"))]
    Media(stratege::media::cli::MediaArgs),
    /// The day's best times per platform, from published studies and your own analytics exports.
    Schedule(stratege::schedule::cli::ScheduleArgs),
    /// The week × hour heatmap (SVG): published studies and your data side by side.
    Heatmap(stratege::schedule::cli::HeatmapArgs),
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Reads JSON lines {"platform": "x"|"facebook"|"instagram", "text": "...", "reply": false, ...} (the options
    /// below, snake_case) on stdin and writes one JSON report per line on stdout, in order. A bad line gets
    /// {"error": ...}.
    #[arg(long)]
    jsonl: bool,
    /// Writes the report as JSON.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    options: Options,
    /// The text to check (one final newline is not counted); stdin when absent or "-".
    #[arg(value_name = "FILE|-")]
    file: Option<String>,
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Check(args) => run_check(args),
        Command::Platforms { json: true } => {
            println!("{}", serde_json::to_string_pretty(&stratege::platform::table_json()).expect("serializes"));
            ExitCode::SUCCESS
        }
        Command::Platforms { json: false } => {
            print_platforms();
            ExitCode::SUCCESS
        }
        #[cfg(not(target_arch = "wasm32"))]
        Command::Media(args) => match stratege::media::cli::run(&args) {
            Ok(out) => {
                print!("{}", out.text);
                ExitCode::from(out.status)
            }
            Err(why) => print_or_fail(Err(why)),
        },
        Command::Schedule(args) => print_or_fail(stratege::schedule::cli::schedule(&args)),
        Command::Heatmap(args) => print_or_fail(stratege::schedule::cli::heatmap(&args)),
    }
}

/// Prints a command's output, or its error with exit status 2 (what was asked cannot be done).
fn print_or_fail(answer: Result<String, String>) -> ExitCode {
    match answer {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("stratege: {why}");
            ExitCode::from(2)
        }
    }
}

fn run_check(args: CheckArgs) -> ExitCode {
    let mut checker = Checker::new();
    if args.jsonl {
        return match run_jsonl(&mut checker) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("stratege: cannot read stdin: {e}");
                ExitCode::from(2)
            }
        };
    }
    if args.options.platform.is_none() {
        let mut command = Cli::command();
        command.build(); // names the subcommand `stratege check` in its usage
        let check = command.find_subcommand_mut("check").expect("check is a subcommand");
        check.error(clap::error::ErrorKind::MissingRequiredArgument, "check needs --jsonl or --platform NAME").exit();
    }
    let text = match read_text(args.file.as_deref()) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("stratege: cannot read {}: {e}", args.file.as_deref().unwrap_or("stdin"));
            return ExitCode::from(2);
        }
    };
    load_lexicons_for(&mut checker, &text);
    let report = match checker.check(&text, &args.options) {
        Ok(report) => report,
        Err(why) => {
            eprintln!("stratege: {why}");
            return ExitCode::from(2);
        }
    };
    let mut out = io::stdout().lock();
    let written = if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&report).expect("a report always serializes"))
    } else {
        let colour = io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        write!(out, "{}", human(&report, &text, colour))
    };
    if written.is_err() {
        return ExitCode::from(2);
    }
    if report.problems.iter().any(|p| p.severity == Severity::Error) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// One report per input line, in order; the output is flushed per line so a pipe sees answers as they come.
fn run_jsonl(checker: &mut Checker) -> io::Result<()> {
    let stdin = io::stdin().lock();
    let mut out = io::BufWriter::new(io::stdout().lock());
    for line in stdin.split(b'\n') {
        let line = line?;
        let line = line.strip_suffix(b"\r").unwrap_or(&line);
        let answer = match std::str::from_utf8(line) {
            Ok(text) if text.trim().is_empty() => r#"{"error":"empty line"}"#.to_owned(),
            Ok(text) => {
                load_lexicons_for(checker, text);
                checker.answer_json(text)
            }
            Err(e) => serde_json::json!({ "error": format!("line is not valid UTF-8: {e}") }).to_string(),
        };
        if writeln!(out, "{answer}").and_then(|()| out.flush()).is_err() {
            break; // the reader went away (e.g. `| head`): nothing left to do
        }
    }
    Ok(())
}

/// Builds the compiled-in hashtag lexicons the first time a text may hold a hashtag (a fraction of a second).
#[cfg(not(target_arch = "wasm32"))]
fn load_lexicons_for(checker: &mut Checker, text: &str) {
    if checker.languages().is_empty() && text.contains(['#', '＃']) {
        checker.load_embedded_lexicons();
    }
}

/// A wasm32 build of the CLI (made only by `cargo test --target wasm32-unknown-unknown`) has no lexicons compiled
/// in: hashtags are checked without spelling there.
#[cfg(target_arch = "wasm32")]
fn load_lexicons_for(_checker: &mut Checker, _text: &str) {}

fn read_text(file: Option<&str>) -> io::Result<String> {
    let mut bytes = Vec::new();
    match file {
        None | Some("-") => {
            io::stdin().read_to_end(&mut bytes)?;
        }
        Some(path) => bytes = std::fs::read(path)?,
    }
    let mut text = String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    if text.ends_with('\n') {
        text.pop();
        if text.ends_with('\r') {
            text.pop();
        }
    }
    Ok(text)
}

/// ANSI styling that disappears when colour is off.
struct Paint(bool);

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    }
}

fn human(report: &Report, text: &str, colour: bool) -> String {
    let paint = Paint(colour);
    let rules = report.platform.rules();
    let length = &report.length;
    let state = match length.state {
        LengthState::Ok => paint.wrap("32", "ok"),
        LengthState::Near => paint.wrap("33", "near the limit"),
        LengthState::Over => paint.wrap("31;1", &format!("over by {}", length.count - length.limit)),
    };
    let mut s = format!(
        "{}  {}/{} {}  {}\n",
        paint.wrap("1", rules.name),
        length.count,
        length.limit,
        length.unit.name(),
        state
    );
    if !report.hashtags.is_empty() {
        let tags: Vec<String> = report
            .hashtags
            .iter()
            .map(|h| match h.words.len() {
                0 | 1 => h.tag.clone(),
                _ => format!("{} ({})", h.tag, h.words.join(" ")),
            })
            .collect();
        let languages: Vec<&str> = report.hashtag_languages.iter().map(|l| l.id()).collect();
        let spelling = if languages.is_empty() {
            "spelling not checked".to_owned()
        } else {
            format!("spelling checked in {}", languages.join(", "))
        };
        s += &format!("  hashtags: {}  {}\n", tags.join(", "), paint.wrap("2", &format!("[{spelling}]")));
    }
    let tone = &report.tone;
    if tone.checked {
        let level = match tone.level {
            ToneLevel::Ok => paint.wrap("32", "ok"),
            ToneLevel::Caution => paint.wrap("33;1", "caution"),
            ToneLevel::Hostile => paint.wrap("31;1", "hostile"),
        };
        let lang = tone.lang.map_or("language unknown", |l| l.id());
        let partial = if tone.partial { ", beginning only" } else { "" };
        s += &format!("  tone   {level} (score {:.2}, {lang}{partial})\n", tone.score);
        for r in &tone.reasons {
            s += &format!(
                "    {} at {}\u{2013}{}: {}\n",
                r.kind,
                r.start,
                r.end,
                paint.wrap("1", &format!("{:?}", r.text))
            );
            s += &format!("      {}\n", paint.wrap("2", &r.tip));
        }
    }
    let units: Vec<u16> = text.encode_utf16().collect();
    for p in &report.problems {
        let label = match p.severity {
            Severity::Error => paint.wrap("31;1", "error  "),
            Severity::Warning => paint.wrap("33;1", "warning"),
            Severity::Info => paint.wrap("36", "info   "),
        };
        s += &format!("  {label} {}: {}\n", p.kind.id(), p.message);
        if let Some(suggestion) = &p.suggestion {
            s += &format!("          fix: {}\n", paint.wrap("32", suggestion));
        }
        if p.end > p.start {
            let excerpt = String::from_utf16_lossy(&units[p.start..p.end.min(p.start + 60)]);
            let more = if p.end > p.start + 60 { "…" } else { "" };
            s += &format!("          at {}–{}: {}\n", p.start, p.end, paint.wrap("2", &format!("{excerpt:?}{more}")));
        }
    }
    s
}

fn print_platforms() {
    println!("{:<10} {:>7} {:>8}  {:<40} confidence", "platform", "limit", "reply", "unit");
    for r in &RULES {
        let reply = r.reply.map_or("-".to_owned(), |l| l.max.to_string());
        let premium = r.premium.map_or(String::new(), |l| format!(" (Premium {})", l.max));
        println!("{:<10} {:>7} {:>8}  {:<40} {}{}", r.id, r.post.max, reply, r.unit.name(), r.post.confidence, premium);
    }
    println!();
    for line in stratege::media::rules::table_lines() {
        println!("{line}");
    }
}
