//! `stratege schedule` and `stratege heatmap` as a user runs them: the day's slots per platform with their
//! source, the hint when the date is today, imports changing the source, the heatmap file, and usage errors.

use std::path::PathBuf;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stratege")).args(args).output().expect("the CLI starts")
}

fn sample(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/analytics").join(name).display().to_string()
}

fn json(output: &Output) -> serde_json::Value {
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("JSON")
}

#[test]
fn schedule_lists_each_platforms_slots_in_order_with_their_source() {
    let day = json(&run(&["schedule", "--date", "2026-10-07", "--tz", "Europe/Paris", "--json"]));
    assert_eq!(day["date"], "2026-10-07");
    assert_eq!(day["tz"], "Europe/Paris");
    let platforms: Vec<&str> =
        day["platforms"].as_array().unwrap().iter().map(|p| p["platform"].as_str().unwrap()).collect();
    assert_eq!(platforms, ["x", "facebook", "instagram", "linkedin"]);
    for p in day["platforms"].as_array().unwrap() {
        let slots = p["slots"].as_array().unwrap();
        assert!(!slots.is_empty(), "a Wednesday has good hours on {}", p["platform"]);
        let times: Vec<&str> = slots.iter().map(|s| s["time"].as_str().unwrap()).collect();
        assert!(times.windows(2).all(|w| w[0] < w[1]), "{times:?}");
        for s in slots {
            assert_eq!(s["kind"], "suggested");
            assert_eq!(s["source"], "published-studies");
            assert!(s["start"].as_str().unwrap().starts_with("2026-10-07T"));
            assert!(!s["why"].as_str().unwrap().is_empty());
        }
        assert!(p.get("hint").is_none(), "no hint for a day that is not today");
    }
}

#[test]
fn schedule_gives_the_hint_when_the_date_is_today() {
    let day = json(&run(&[
        "schedule",
        "--date",
        "2026-10-07",
        "--tz",
        "America/New_York",
        "--platform",
        "x",
        "--now",
        "2026-10-07T23:59",
        "--json",
    ]));
    let hint = &day["platforms"][0]["hint"];
    assert!(["good", "ok", "poor"].contains(&hint["now"].as_str().unwrap()));
    assert!(hint["next"].as_str().unwrap().starts_with("2026-10-08T"), "{hint}");
    assert!(hint["message"].as_str().unwrap().starts_with("Better tomorrow at "), "{hint}");
}

#[test]
fn imports_are_reported_and_feed_the_model() {
    let out = run(&[
        "schedule",
        "--date",
        "2026-10-05",
        "--tz",
        "Europe/Paris",
        "--platform",
        "facebook",
        "--import",
        &sample("facebook_content_fr.csv"),
        "--import",
        &sample("facebook_content_en.csv"),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with(
            "Best times on Monday 2026-10-05 (Europe/Paris)\nFacebook (your 4 posts + published studies)\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("facebook_content_fr.csv (Facebook): 2 rows, 2 used, 2025-10-06T14:03 to 2025-10-13T08:15"),
        "{text}"
    );
    assert!(text.contains("facebook_content_en.csv (Facebook): 3 rows, 2 used"), "{text}");
    assert!(text.contains("skipped: 1 no reach or impressions yet"), "{text}");
}

#[test]
fn heatmap_writes_an_svg_file() {
    let path = std::env::temp_dir().join(format!("stratege-heatmap-{}.svg", std::process::id()));
    let out = run(&[
        "heatmap",
        "--tz",
        "Europe/Paris",
        "--platform",
        "instagram",
        "--import",
        &sample("instagram_content_fr.csv"),
        "--svg",
        path.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let svg = std::fs::read_to_string(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert_eq!(svg.matches("<rect").count(), 2 * 168, "prior and personal side by side");
    assert!(svg.contains("Instagram: your data (2 posts)"));
    assert!(String::from_utf8(out.stdout).unwrap().starts_with("wrote "));
}

#[test]
fn usage_errors_name_the_problem() {
    let bad_zone = run(&["schedule", "--date", "2026-10-07", "--tz", "Europe/Atlantis"]);
    assert_eq!(bad_zone.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_zone.stderr).contains("unknown time zone \"Europe/Atlantis\""));
    let bad_platform = run(&["schedule", "--date", "2026-10-07", "--tz", "UTC", "--platform", "mastodon"]);
    assert!(String::from_utf8_lossy(&bad_platform.stderr).contains("unknown platform \"mastodon\" for best times"));
    let missing = run(&["schedule", "--tz", "UTC"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("--date <YYYY-MM-DD>"));
}
