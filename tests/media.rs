//! `media::analyse` end to end: every platform rule of data/media.json on sizes alone, and the saliency's
//! suggestion on generated images whose subject position is known.

use stratege::media::geometry::{Rect, Side};
use stratege::media::{analyse, Format, ImageInfo, MediaInput, MediaKind, MediaReport, Pixels, Purpose};
use stratege::platform::Platform;
use stratege::report::Severity;

fn image(width: u32, height: u32) -> ImageInfo {
    ImageInfo { width, height, bytes: 500_000, format: Format::Jpeg, animated: false, alt_missing: false, pixels: None }
}

/// An analysis-size RGBA image of a flat wall with a textured, skin-toned subject at `subject` (analysis pixels).
fn scene(width: u32, height: u32, subject: Rect) -> Pixels {
    let mut data = Vec::with_capacity((width * height * 4) as usize);
    for y in 0..height {
        for x in 0..width {
            let inside = x >= subject.x && x < subject.x + subject.w && y >= subject.y && y < subject.y + subject.h;
            let px = match (inside, (x / 3 + y / 3) % 2) {
                (true, 0) => [230, 175, 140, 255],
                (true, _) => [120, 70, 50, 255],
                (false, _) => [90, 110, 100, 255],
            };
            data.extend_from_slice(&px);
        }
    }
    Pixels { width, height, channels: 4, data }
}

fn post(platform: Platform, images: Vec<ImageInfo>) -> MediaReport {
    analyse(&MediaInput { platform, purpose: Purpose::Post, images }).expect("rules exist")
}

fn kinds(report: &MediaReport) -> Vec<(&'static str, Severity)> {
    report.problems.iter().map(|p| (p.kind.id(), p.severity)).collect()
}

fn contains(outer: Rect, inner: Rect) -> bool {
    inner.x >= outer.x
        && inner.y >= outer.y
        && inner.x + inner.w <= outer.x + outer.w
        && inner.y + inner.h <= outer.y + outer.h
}

#[test]
fn instagram_keeps_4_5_and_1_91_and_cuts_the_grid_to_3_4() {
    let report = post(Platform::Instagram, vec![image(1080, 1350)]);
    let surfaces = &report.images[0].surfaces;
    assert_eq!(surfaces.iter().map(|s| s.surface.as_str()).collect::<Vec<_>>(), ["feed", "grid"]);
    assert_eq!(surfaces[0].rect, "0,0,1080,1350");
    assert!(surfaces[0].strips.is_empty() && surfaces[0].summary.is_empty());
    // 1350 × 3/4 = 1012.5: the grid keeps the middle 1013 columns.
    assert_eq!(surfaces[1].rect, "33,0,1013,1350");
    assert_eq!(surfaces[1].strips.iter().map(|s| s.side).collect::<Vec<_>>(), [Side::Left, Side::Right]);
    assert!(surfaces[1].approximate);

    let wide = post(Platform::Instagram, vec![image(1080, 566)]);
    assert_eq!(wide.images[0].surfaces[0].rect, "0,0,1080,566");
}

#[test]
fn instagram_cuts_a_story_to_4_5_and_says_what_is_lost() {
    let report = post(Platform::Instagram, vec![image(1080, 1920)]);
    let feed = &report.images[0].surfaces[0];
    assert_eq!(feed.rect, "0,285,1080,1350");
    assert!((feed.area_lost - 570.0 / 1920.0).abs() < 1e-9);
    assert_eq!(feed.detail_lost, None);
    assert_eq!(
        feed.summary,
        "Instagram feed (approximately) cuts the top 15 % and the bottom 15 % of the image (30 % of its area)."
    );
    // The grid thumbnail is cut from the feed's rectangle.
    assert_eq!(report.images[0].surfaces[1].rect, "33,285,1013,1350");
    let crop = report.problems.iter().find(|p| p.kind == MediaKind::MediaCrop).unwrap();
    assert_eq!(crop.severity, Severity::Info);
    assert_eq!(crop.surface.as_deref(), Some("feed"));
}

#[test]
fn instagram_cuts_a_panorama_to_1_91_centred() {
    let report = post(Platform::Instagram, vec![image(2000, 500)]);
    assert_eq!(report.images[0].surfaces[0].crop, Rect { x: 522, y: 0, w: 955, h: 500 });
}

#[test]
fn a_square_first_slide_makes_the_whole_carousel_square() {
    let report = post(Platform::Instagram, vec![image(1080, 1080), image(1080, 1350), image(1920, 1080)]);
    assert_eq!(report.images[0].surfaces[0].rect, "0,0,1080,1080");
    assert_eq!(report.images[1].surfaces[0].rect, "0,135,1080,1080");
    assert_eq!(report.images[2].surfaces[0].rect, "420,0,1080,1080");
    // Only the first slide is the grid thumbnail.
    assert_eq!(report.images[1].surfaces.len(), 1);
    assert!(report.problems.iter().any(|p| p.message.starts_with("Image 2: Instagram feed")));
}

#[test]
fn instagram_counts_slides_and_warns_about_narrow_images() {
    let report = post(Platform::Instagram, (0..21).map(|_| image(1080, 1080)).collect());
    assert!(kinds(&report).contains(&("media-count", Severity::Error)));
    assert!(!kinds(&post(Platform::Instagram, (0..20).map(|_| image(1080, 1080)).collect()))
        .contains(&("media-count", Severity::Error)));
    let narrow = post(Platform::Instagram, vec![image(300, 300)]);
    let problem = narrow.problems.iter().find(|p| p.kind == MediaKind::MediaSize).unwrap();
    assert_eq!(problem.severity, Severity::Warning);
    assert!(
        problem.message.contains("300 px wide") && problem.message.contains("(approximate)"),
        "{}",
        problem.message
    );
    let heavy = post(Platform::Instagram, vec![ImageInfo { bytes: 9 * 1_048_576, ..image(1080, 1080) }]);
    let problem = heavy.problems.iter().find(|p| p.kind == MediaKind::MediaSize).unwrap();
    assert_eq!(problem.severity, Severity::Info);
    assert!(problem.message.contains("publishing API"), "{}", problem.message);
}

#[test]
fn x_uses_one_layout_per_image_count() {
    let single = post(Platform::X, vec![image(1080, 1920)]);
    let timeline = &single.images[0].surfaces[0];
    assert_eq!((timeline.surface.as_str(), timeline.rect.as_str()), ("timeline", "0,240,1080,1440"));
    assert!(timeline.approximate);
    assert_eq!(post(Platform::X, vec![image(1600, 900)]).images[0].surfaces[0].rect, "0,0,1600,900");

    let two = post(Platform::X, vec![image(1000, 1000), image(1000, 1000)]);
    assert!(two.images.iter().all(|im| im.surfaces.len() == 1 && im.surfaces[0].surface == "grid-2"));
    assert_eq!(two.images[0].surfaces[0].rect, "62,0,875,1000");
    let three = post(Platform::X, vec![image(700, 700), image(700, 700), image(700, 700)]);
    assert_eq!(three.images[0].surfaces[0].rect, "43,0,613,700");
    assert_eq!(three.images[1].surfaces[0].rect, "0,150,700,400");
    let four = post(Platform::X, (0..4).map(|_| image(1000, 1000)).collect());
    assert!(four.images.iter().all(|im| im.surfaces[0].rect == "0,250,1000,500"));
    // Unconfirmed figures never make a crop more than a note.
    assert!(four.problems.iter().all(|p| p.severity == Severity::Info));

    let five = post(Platform::X, (0..5).map(|_| image(1000, 1000)).collect());
    assert!(five.images.iter().all(|im| im.surfaces.is_empty()));
    assert_eq!(kinds(&five), [("media-count", Severity::Error)]);
}

#[test]
fn x_checks_gifs_sizes_and_formats() {
    let gif = |bytes| ImageInfo { format: Format::Gif, animated: true, bytes, ..image(480, 270) };
    let mixed = post(Platform::X, vec![gif(1_000_000), image(1000, 1000)]);
    assert!(kinds(&mixed).contains(&("media-count", Severity::Error)));
    assert!(kinds(&post(Platform::X, vec![gif(14 * 1_048_576)])).is_empty());
    assert_eq!(kinds(&post(Platform::X, vec![gif(16 * 1_048_576)])), [("media-size", Severity::Error)]);
    let heavy = post(Platform::X, vec![ImageInfo { bytes: 6 * 1_048_576, ..image(1600, 900) }]);
    let problem = &heavy.problems[0];
    assert_eq!((problem.kind, problem.severity), (MediaKind::MediaSize, Severity::Error));
    assert_eq!(problem.message, "Image 1 is 6 MB; X takes images up to 5 MB.");
    assert_eq!(problem.limit_bytes, Some(5 * 1_048_576), "the limit, for the extension to word");
    let animated = post(Platform::X, vec![gif(16 * 1_048_576)]);
    assert_eq!(animated.problems[0].limit_bytes, Some(15 * 1_048_576), "animated GIFs have their own");
    let small = post(Platform::Instagram, vec![image(200, 200)]);
    assert!(small.problems.iter().all(|p| p.limit_bytes.is_none()), "too small is no file size limit");
    let heic = post(Platform::X, vec![ImageInfo { format: Format::Heic, ..image(4032, 3024) }]);
    assert_eq!(kinds(&heic), [("media-format", Severity::Error), ("media-format", Severity::Warning)]);
    assert!(heic.problems[1].message.contains("can't preview this format (HEIC)"), "{}", heic.problems[1].message);
}

#[test]
fn facebook_link_images_are_cut_to_1_91_and_checked_for_size() {
    let link = |images| analyse(&MediaInput { platform: Platform::Facebook, purpose: Purpose::Link, images }).unwrap();
    let report = link(vec![image(1200, 630)]);
    let preview = &report.images[0].surfaces[0];
    assert_eq!((preview.surface.as_str(), preview.rect.as_str()), ("link-preview", "0,1,1200,628"));
    assert!(!preview.approximate);
    assert!(report.problems.iter().all(|p| p.kind == MediaKind::MediaCrop));
    let small = link(vec![image(150, 150)]);
    assert!(kinds(&small).contains(&("media-size", Severity::Error)));
    assert!(kinds(&small).contains(&("media-size", Severity::Info)));

    let feed = post(Platform::Facebook, vec![image(1080, 1920)]);
    assert_eq!(feed.images[0].surfaces.len(), 1);
    assert_eq!(feed.images[0].surfaces[0].rect, "0,285,1080,1350");
    assert!(feed.images[0].surfaces[0].approximate);
}

#[test]
fn missing_alt_text_is_a_reminder_and_problems_convert_to_the_report_shape() {
    let report = post(Platform::Instagram, vec![ImageInfo { alt_missing: true, ..image(1080, 1080) }]);
    let problems = report.problems();
    assert_eq!(problems.len(), 2, "{problems:?}");
    let alt = problems.iter().find(|p| p.kind == MediaKind::MediaAlt).unwrap();
    assert_eq!((alt.severity, alt.start, alt.end), (Severity::Info, 0, 0));
    assert!(alt.message.contains("alt text"));
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["problems"][1]["kind"], "media-alt");
    assert_eq!(json["images"][0]["surfaces"][1]["rect"], "0,0,810,1080".replace("0,0,810", "135,0,810"));
}

#[test]
fn platforms_without_media_rules_are_refused() {
    let err = analyse(&MediaInput { platform: Platform::Threads, purpose: Purpose::Post, images: vec![] }).unwrap_err();
    assert!(err.contains("threads"), "{err}");
}

#[test]
fn the_suggestion_keeps_a_subject_the_platform_cuts_off() {
    // 1080×1920 photo, analysed at 288×512; the subject sits in the top 12 % (analysis rows 10..60).
    let subject = Rect { x: 100, y: 10, w: 90, h: 50 };
    let info = ImageInfo { pixels: Some(scene(288, 512, subject)), ..image(1080, 1920) };
    let report = post(Platform::Instagram, vec![info]);
    let feed = &report.images[0].surfaces[0];
    assert_eq!(feed.rect, "0,285,1080,1350");
    assert!(feed.detail_lost.unwrap() > 0.5, "{feed:?}");
    let top = feed.strips.iter().find(|s| s.side == Side::Top).unwrap();
    assert!(top.detail.unwrap() > 0.5);
    assert!(feed.summary.contains("the top strip holds much of the detail"), "{}", feed.summary);
    let suggestion = feed.suggestion.as_ref().expect("a better framing");
    let subject_in_source = Rect { x: 375, y: 38, w: 337, h: 187 };
    assert!(contains(suggestion.crop, subject_in_source), "{suggestion:?}");
    assert_eq!((suggestion.crop.w, suggestion.crop.h), (1080, 1350));
    assert!(suggestion.detail_kept > 0.9 && suggestion.detail_kept_by_platform < 0.5, "{suggestion:?}");
    assert!(suggestion.message.contains("(moved up)"), "{}", suggestion.message);
    let crop = report.problems.iter().find(|p| p.surface.as_deref() == Some("feed")).unwrap();
    assert_eq!(crop.severity, Severity::Warning);
    assert!(crop.message.contains("A better framing"), "{}", crop.message);
}

#[test]
fn the_suggestion_follows_the_subject_across_a_panorama_and_stays_away_when_centred() {
    // 2000×500 panorama analysed at 512×128, the subject near the left edge.
    let left = ImageInfo { pixels: Some(scene(512, 128, Rect { x: 20, y: 30, w: 60, h: 60 })), ..image(2000, 500) };
    let report = post(Platform::Instagram, vec![left]);
    let suggestion = report.images[0].surfaces[0].suggestion.as_ref().expect("a better framing");
    assert!(contains(suggestion.crop, Rect { x: 78, y: 117, w: 235, h: 235 }), "{suggestion:?}");

    let centred = ImageInfo { pixels: Some(scene(512, 128, Rect { x: 226, y: 30, w: 60, h: 60 })), ..image(2000, 500) };
    let report = post(Platform::Instagram, vec![centred]);
    let feed = &report.images[0].surfaces[0];
    assert!(feed.suggestion.is_none(), "{feed:?}");
    assert!(feed.detail_lost.unwrap() < 0.05);
}

#[test]
fn a_bad_analysis_buffer_is_reported_and_the_geometry_still_given() {
    let bad = Pixels { width: 10, height: 10, channels: 4, data: vec![0; 12] };
    let report = post(Platform::Instagram, vec![ImageInfo { pixels: Some(bad), ..image(1080, 1920) }]);
    assert!(!report.images[0].detail_analysed);
    assert_eq!(report.images[0].surfaces[0].rect, "0,285,1080,1350");
    assert!(report.problems.iter().any(|p| p.message.contains("not analysed")));
}

/// An analysis-size RGBA poster: a textured picture inside a plain white frame `t` pixels thick.
fn framed(width: u32, height: u32, t: u32) -> Pixels {
    let mut data = Vec::with_capacity((width * height * 4) as usize);
    for y in 0..height {
        for x in 0..width {
            let inside = x >= t && y >= t && x + t < width && y + t < height;
            let v = if inside { ((x * 7 + y * 13) % 180) as u8 } else { 248 };
            data.extend_from_slice(&[v, v / 2 + 40, 250 - v, 255]);
        }
    }
    Pixels { width, height, channels: 4, data }
}

#[test]
fn a_designers_frame_cut_off_by_the_feed_is_a_warning() {
    // 1080×1920 poster with a 60-px frame, analysed at 288×512 (frame 16 px).
    let poster = ImageInfo { pixels: Some(framed(288, 512, 16)), ..image(1080, 1920) };
    let report = post(Platform::Instagram, vec![poster]);
    let feed = &report.images[0].surfaces[0];
    assert_eq!(feed.border_cut, [Side::Top, Side::Bottom]);
    assert!(feed.summary.ends_with("; the border at the top and bottom is cut off."), "{}", feed.summary);
    let problem = report.problems.iter().find(|p| p.surface.as_deref() == Some("feed")).unwrap();
    assert_eq!(problem.severity, Severity::Warning);

    // A square framed image is whole in the feed; the 3:4 grid cuts 12.5 % on each side: more than a 5 % frame
    // (cut off), less than a 19 % one (narrowed).
    let thin = post(Platform::Instagram, vec![ImageInfo { pixels: Some(framed(256, 256, 14)), ..image(1080, 1080) }]);
    assert!(thin.images[0].surfaces[0].border_cut.is_empty());
    assert!(thin.images[0].surfaces[1].summary.ends_with("; the border at the left and right is cut off."));
    let wide = post(Platform::Instagram, vec![ImageInfo { pixels: Some(framed(256, 256, 48)), ..image(1080, 1080) }]);
    let grid = &wide.images[0].surfaces[1];
    assert_eq!(grid.border_cut, [Side::Left, Side::Right]);
    assert!(grid.summary.ends_with("; the border at the left and right is narrowed."), "{}", grid.summary);

    // The same picture without a frame: no border to speak of.
    let plain = post(Platform::Instagram, vec![ImageInfo { pixels: Some(framed(288, 512, 0)), ..image(1080, 1920) }]);
    assert!(plain.images[0].surfaces[0].border_cut.is_empty());
    assert!(!plain.images[0].surfaces[0].summary.contains("border"));
}
