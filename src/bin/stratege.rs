//! `stratege`: the command-line checker for content calendars and scripts (contracts.md §2).
//!
//!     stratege check --jsonl                      JSON lines in, one JSON report per line out
//!     stratege check --platform x [--reply] [--premium] [--lang en|fr] [--tone off|relaxed|strict] [--json] [FILE|-]
//!     stratege platforms [--json]                 the table of limits, counting units and sources

use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::process::ExitCode;

use stratege::platform::RULES;
use stratege::report::{LengthState, Report, Severity, ToneLevel};
use stratege::{check, check_json, Request};

const USAGE: &str = "\
stratege: check social-media posts before they go out

Usage:
  stratege check --jsonl
      Reads JSON lines {\"platform\": \"x\"|\"facebook\"|\"instagram\", \"text\": \"...\", \"reply\": false}
      on stdin and writes one JSON report per line on stdout, in order. A bad line gets {\"error\": ...}.
  stratege check --platform NAME [--reply] [--premium] [--lang en|fr] [--tone off|relaxed|strict] [--json] [FILE|-]
      Checks one text, read from FILE or stdin (one final newline is not counted): length, hashtags (spelling in
      English and French, readability, duplicates, per-post limit, tags cut by punctuation) and tone. The tone of
      replies is checked by default (relaxed); --tone sets how easily it warns, for posts too.
      Exit status 1 when the text has an error (over the limit, invalid character, too many hashtags on Instagram).
  stratege platforms [--json]
      Lists the platforms, their limits, counting units and sources.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => run_check(&args[1..]),
        Some("media") => run_media(&args[1..]),
        Some("platforms") if args.get(1).map(String::as_str) == Some("--json") => {
            println!("{}", serde_json::to_string_pretty(&stratege::platform::table_json()).expect("serializes"));
            ExitCode::SUCCESS
        }
        Some("platforms") => {
            print_platforms();
            ExitCode::SUCCESS
        }
        Some("--version" | "-V") => {
            println!("stratege {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Some("--help" | "-h" | "help") => {
            print!("{USAGE}{}", stratege::media::cli::USAGE);
            ExitCode::SUCCESS
        }
        _ => usage_error("expected a command: check, media or platforms"),
    }
}

/// `stratege media`: the logic is `stratege::media::cli`.
fn run_media(args: &[String]) -> ExitCode {
    use stratege::media::cli;
    let parsed = match cli::parse_args(args) {
        Ok(parsed) => parsed,
        Err(why) => return usage_error(&why),
    };
    match cli::run(&parsed) {
        Ok(output) => {
            print!("{}", output.text);
            ExitCode::from(output.status)
        }
        Err(why) => usage_error(&why),
    }
}

fn usage_error(why: &str) -> ExitCode {
    eprintln!("stratege: {why}\n\n{USAGE}{}", stratege::media::cli::USAGE);
    ExitCode::from(2)
}

/// Options of `stratege check`.
#[derive(Default)]
struct CheckArgs {
    jsonl: bool,
    json: bool,
    request: Request,
    file: Option<String>,
}

fn parse_check_args(args: &[String]) -> Result<CheckArgs, String> {
    let mut parsed = CheckArgs::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--jsonl" => parsed.jsonl = true,
            "--json" => parsed.json = true,
            "--reply" => parsed.request.reply = true,
            "--premium" => parsed.request.premium = true,
            "--platform" => parsed.request.platform = value("--platform")?,
            "--lang" => parsed.request.lang = Some(value("--lang")?),
            "--tone" => parsed.request.tone = Some(value("--tone")?),
            s if s.starts_with("--platform=") => parsed.request.platform = s["--platform=".len()..].to_owned(),
            s if s.starts_with("--lang=") => parsed.request.lang = Some(s["--lang=".len()..].to_owned()),
            s if s.starts_with("--tone=") => parsed.request.tone = Some(s["--tone=".len()..].to_owned()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            file if parsed.file.is_none() => parsed.file = Some(file.to_owned()),
            extra => return Err(format!("unexpected argument {extra}")),
        }
    }
    if !parsed.jsonl && parsed.request.platform.is_empty() {
        return Err("check needs --jsonl or --platform NAME".into());
    }
    Ok(parsed)
}

fn run_check(args: &[String]) -> ExitCode {
    let parsed = match parse_check_args(args) {
        Ok(parsed) => parsed,
        Err(why) => return usage_error(&why),
    };
    if parsed.jsonl {
        return match run_jsonl() {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("stratege: cannot read stdin: {e}");
                ExitCode::from(2)
            }
        };
    }
    let mut request = parsed.request;
    request.text = match read_text(parsed.file.as_deref()) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("stratege: cannot read {}: {e}", parsed.file.as_deref().unwrap_or("stdin"));
            return ExitCode::from(2);
        }
    };
    load_lexicons_for(&request.text);
    let report = match check(&request) {
        Ok(report) => report,
        Err(why) => return usage_error(&why),
    };
    let mut out = io::stdout().lock();
    let written = if parsed.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&report).expect("a report always serializes"))
    } else {
        let colour = io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        write!(out, "{}", human(&report, &request.text, colour))
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
fn run_jsonl() -> io::Result<()> {
    let stdin = io::stdin().lock();
    let mut out = io::BufWriter::new(io::stdout().lock());
    for line in stdin.split(b'\n') {
        let line = line?;
        let line = line.strip_suffix(b"\r").unwrap_or(&line);
        let answer = match std::str::from_utf8(line) {
            Ok(text) if text.trim().is_empty() => r#"{"error":"empty line"}"#.to_owned(),
            Ok(text) => {
                load_lexicons_for(text);
                check_json(text)
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
fn load_lexicons_for(text: &str) {
    if text.contains(['#', '＃']) {
        stratege::hashtags::lexicon::install_embedded();
    }
}

/// A wasm32 build of the CLI (made only by `cargo test --target wasm32-unknown-unknown`) has no lexicons compiled
/// in: hashtags are checked without spelling there.
#[cfg(target_arch = "wasm32")]
fn load_lexicons_for(_text: &str) {}

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
    let mut s =
        format!("{}  {}/{} {}  {}\n", paint.wrap("1", rules.name), length.count, length.limit, length.unit, state);
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
        s += &format!("  {label} {}: {}\n", p.kind, p.message);
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
}
