//! The `stratege` command line as scripts use it (contracts.md §2): JSON lines in order, errors per line,
//! exit statuses, human-readable and JSON output of one text.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_stratege"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    // A usage error exits before reading stdin: a broken pipe then is expected, not a failure.
    if let Err(e) = child.stdin.take().unwrap().write_all(stdin.as_bytes()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    child.wait_with_output().unwrap()
}

fn lines(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("every output line is JSON"))
        .collect()
}

#[test]
fn jsonl_answers_one_line_per_input_line_in_order_and_survives_bad_lines() {
    let input = concat!(
        r#"{"platform": "x", "text": "Hello https://example.com 😀"}"#,
        "\n",
        "this is not json\n",
        r#"{"platform": "myspace", "text": "hi"}"#,
        "\n",
        "\n",
        r#"{"platform": "facebook", "text": "a comment", "reply": true}"#,
        "\n",
        r#"{"platform": "instagram", "text": "caption", "lang": "fr", "id": 42}"#,
        "\n",
    );
    let output = run(&["check", "--jsonl"], input);
    assert!(output.status.success());
    let reports = lines(&output);
    assert_eq!(reports.len(), 6);
    assert_eq!(reports[0]["length"]["count"], 6 + 23 + 1 + 2);
    assert!(reports[1]["error"].as_str().unwrap().contains("not valid JSON"));
    assert!(reports[2]["error"].as_str().unwrap().contains("unknown platform"));
    assert!(reports[3]["error"].is_string());
    assert_eq!(reports[4]["length"]["limit"], 8_000);
    assert_eq!(reports[5]["platform"], "instagram");
}

#[test]
fn jsonl_reports_have_the_contract_shape() {
    let output = run(&["check", "--jsonl"], "{\"platform\":\"x\",\"text\":\"Tips for #SocialMedia\"}\n");
    let report = &lines(&output)[0];
    for key in ["platform", "length", "hashtags", "tone", "problems"] {
        assert!(report.get(key).is_some(), "missing {key}");
    }
    for key in ["count", "limit", "over"] {
        assert!(report["length"].get(key).is_some(), "missing length.{key}");
    }
    for key in ["level", "score", "reasons"] {
        assert!(report["tone"].get(key).is_some(), "missing tone.{key}");
    }
}

#[test]
fn jsonl_takes_invalid_utf8_and_crlf_lines() {
    let mut input = b"{\"platform\":\"x\",\"text\":\"ok\"}\r\n".to_vec();
    input.extend_from_slice(b"{\"platform\":\"x\",\"text\":\"\xff\"}\n");
    let mut child = Command::new(env!("CARGO_BIN_EXE_stratege"))
        .args(["check", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let output = child.wait_with_output().unwrap();
    let reports = lines(&output);
    assert_eq!(reports[0]["length"]["count"], 2);
    assert!(reports[1]["error"].as_str().unwrap().contains("UTF-8"));
}

#[test]
fn one_text_json_and_exit_status() {
    let ok = run(&["check", "--platform", "x", "--json"], "short post\n");
    assert!(ok.status.success());
    let report: serde_json::Value = serde_json::from_slice(&ok.stdout).unwrap();
    assert_eq!(report["length"]["count"], 10, "the final newline is not counted");

    let over = run(&["check", "--platform", "x"], &"a".repeat(300));
    assert_eq!(over.status.code(), Some(1));
    let text = String::from_utf8(over.stdout).unwrap();
    assert!(text.contains("300/280"), "{text}");
    assert!(text.contains("over by 20"), "{text}");
    assert!(!text.contains('\x1b'), "no colour when stdout is not a terminal");

    let premium = run(&["check", "--platform", "x", "--premium", "--json"], &"a".repeat(300));
    assert!(premium.status.success());
}

#[test]
fn tone_of_a_reply_in_json_and_readable_output() {
    let json = run(&["check", "--platform", "x", "--reply", "--json"], "Learn to read, you idiot!!!");
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["tone"]["checked"], true);
    assert_eq!(report["tone"]["level"], "hostile");
    let kinds: Vec<&str> =
        report["tone"]["reasons"].as_array().unwrap().iter().map(|r| r["kind"].as_str().unwrap()).collect();
    assert!(kinds.contains(&"contempt") && kinds.contains(&"insult") && kinds.contains(&"punctuation"), "{kinds:?}");

    let human = run(&["check", "--platform", "x", "--tone", "strict", "--lang", "fr"], "Merci pour rien");
    let text = String::from_utf8(human.stdout).unwrap();
    assert!(text.contains("tone   caution") || text.contains("tone   hostile"), "{text}");
    assert!(text.contains("sarcasm at 0\u{2013}15: \"Merci pour rien\""), "{text}");
    assert!(text.contains("L\u{2019}ironie"), "the tip is in French: {text}");

    let post = run(&["check", "--platform", "x"], "Learn to read, you idiot!!!");
    assert!(!String::from_utf8(post.stdout).unwrap().contains("tone"), "new posts: tone off by default");
    assert_eq!(run(&["check", "--platform", "x", "--tone", "loud"], "hi").status.code(), Some(2));
}

#[test]
fn usage_errors_exit_2_with_a_message() {
    for args in [&["check"][..], &["check", "--platform"], &["frobnicate"], &["check", "--platform", "x", "--bogus"]] {
        let output = run(args, "");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(!output.stderr.is_empty());
    }
    let unknown = run(&["check", "--platform", "myspace"], "hi");
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8(unknown.stderr).unwrap().contains("unknown platform"));
}

#[test]
fn platforms_lists_the_table() {
    let output = run(&["platforms"], "");
    let text = String::from_utf8(output.stdout).unwrap();
    for id in ["x", "facebook", "instagram", "threads", "bluesky", "mastodon", "linkedin"] {
        assert!(text.lines().any(|l| l.starts_with(id)), "{id} missing");
    }
    let json = run(&["platforms", "--json"], "");
    let table: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(table[0]["post"]["max"], 280);
}

#[test]
fn hashtags_and_their_problems_are_in_both_outputs() {
    let text = "Tips for #SocialMeida and #socialmediatips";
    let json = run(&["check", "--platform", "instagram", "--lang", "en", "--json"], text);
    assert!(json.status.success());
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["lang"], "en");
    assert_eq!(report["hashtags"][0]["tag"], "#SocialMeida");
    assert_eq!(report["hashtags"][0]["problems"][0]["kind"], "spelling");
    assert_eq!(report["hashtags"][0]["problems"][0]["suggestion"], "#SocialMedia");
    assert_eq!(report["hashtags"][1]["words"], serde_json::json!(["social", "media", "tips"]));
    let kinds: Vec<&str> = report["problems"].as_array().unwrap().iter().map(|p| p["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["hashtag-spelling", "hashtag-readability"]);

    let human = run(&["check", "--platform", "instagram", "--lang", "en"], text);
    let out = String::from_utf8(human.stdout).unwrap();
    assert!(out.contains("hashtags: #SocialMeida (social media), #socialmediatips (social media tips)"), "{out}");
    assert!(out.contains("hashtag-spelling") && out.contains("fix: #SocialMedia"), "{out}");

    let batch = run(&["check", "--jsonl"], "{\"platform\":\"x\",\"text\":\"#custmerservice\",\"lang\":\"en\"}\n");
    assert_eq!(lines(&batch)[0]["hashtags"][0]["problems"][0]["suggestion"], "#customerservice");
}

#[test]
fn every_field_of_a_json_request_is_a_flag_too() {
    let json = |args: &[&str], text: &str| -> serde_json::Value {
        let output = run(&[&["check", "--json"], args].concat(), text);
        serde_json::from_slice(&output.stdout).unwrap_or_else(|_| panic!("{args:?}: {output:?}"))
    };
    let six = "#one #two #three #four #five #six";
    let limits = |r: &serde_json::Value| {
        r["problems"].as_array().unwrap().iter().filter(|p| p["kind"] == "hashtag-limit").count()
    };
    assert_eq!(limits(&json(&["--platform", "facebook"], six)), 0);
    assert_eq!(limits(&json(&["--platform", "facebook", "--hashtag-limit", "4"], six)), 2);
    let counter = json(&["--platform", "x", "--length-only", "--reply"], "You idiot #SocialMeida");
    assert_eq!((counter["hashtags"].as_array().unwrap().len(), &counter["tone"]["checked"]), (0, &false.into()));
    let mine = json(&["--platform", "x", "--lang", "en", "--dictionary", "#Markting"], "#Markting");
    assert_eq!(mine["hashtags"][0]["problems"], serde_json::json!([]));
    let typed = json(&["--platform", "x", "--reply", "--auto-mentions", "false"], "@ana_builds thanks!");
    assert_eq!(typed["length"]["count"], 19);
    let filled = json(&["--platform", "x", "--reply"], "@ana_builds thanks!");
    assert_eq!(filled["length"]["count"], 7);
}
