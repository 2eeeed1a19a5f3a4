//! `stratege media` on real files written at test time: JPEG, PNG, WebP and animated GIF, a corrupt file, a file
//! that is not an image and a 50-megapixel image, through the binary and through `media::cli::run`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use image::codecs::gif::GifEncoder;
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::{Delay, Frame, ImageBuffer, ImageEncoder, Rgba, RgbaImage};
use stratege::media::cli::{run, MediaArgs};

/// A fresh directory for one test's files.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("stratege-media-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A flat green wall with a textured, skin-toned square where `inside(x, y)` holds.
fn scene(width: u32, height: u32, inside: impl Fn(u32, u32) -> bool) -> RgbaImage {
    ImageBuffer::from_fn(width, height, |x, y| match (inside(x, y), (x / 8 + y / 8) % 2) {
        (true, 0) => Rgba([230, 175, 140, 255]),
        (true, _) => Rgba([120, 70, 50, 255]),
        (false, _) => Rgba([90, 110, 100, 255]),
    })
}

fn stratege(args: &[&str], files: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stratege")).args(args).args(files).output().expect("the CLI starts")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// A 1080×1920 PNG whose subject is in the top eighth: Instagram's centred 4:5 cut removes it.
fn story(dir: &Path) -> PathBuf {
    let path = dir.join("story.png");
    scene(1080, 1920, |x, y| (400..700).contains(&x) && (40..240).contains(&y)).save(&path).unwrap();
    path
}

#[test]
fn an_instagram_story_shows_its_crop_what_is_lost_and_a_better_framing() {
    let dir = temp_dir("story");
    let path = story(&dir);
    let output = stratege(&["media", "--platform", "instagram"], &[&path]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(text.starts_with("Instagram post, 1 image(s)\n"), "{text}");
    assert!(text.contains("story.png: 1080×1920 PNG, "), "{text}");
    assert!(
        text.contains("Instagram feed (MED-HIGH, approximate): keeps 0,285,1080,1350, loses 30 % of the area"),
        "{text}"
    );
    assert!(text.contains("    top 15 % ("), "{text}");
    assert!(text.contains("suggestion: A better framing for the Instagram feed: 0,"), "{text}");
    assert!(text.contains("warning media-crop: Instagram feed (approximately) cuts the top 15 %"), "{text}");

    let output = stratege(&["media", "--platform=instagram", "--json"], &[&path]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["platform"], "instagram");
    assert_eq!(json["files"][0]["image"], 0);
    let feed = &json["images"][0]["surfaces"][0];
    assert_eq!(feed["rect"], "0,285,1080,1350");
    assert_eq!(json["images"][0]["detail_analysed"], true);
    let suggested = feed["suggestion"]["crop"]["y"].as_u64().unwrap();
    assert!(suggested <= 40, "{feed}");
    assert_eq!(json["problems"][0]["kind"], "media-crop");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_corrupt_file_and_a_text_file_get_a_clear_message_and_the_others_are_still_analysed() {
    let dir = temp_dir("corrupt");
    let good = dir.join("square.jpg");
    let rgb = image::DynamicImage::ImageRgba8(scene(800, 800, |x, y| x > 300 && x < 500 && y > 300 && y < 500));
    rgb.to_rgb8().save(&good).unwrap();
    let corrupt = dir.join("corrupt.jpg");
    let mut bytes = std::fs::read(&good).unwrap();
    bytes.truncate(40);
    bytes.extend_from_slice(&[0x00; 64]);
    std::fs::write(&corrupt, bytes).unwrap();
    let notes = dir.join("notes.txt");
    std::fs::write(&notes, "not an image at all").unwrap();

    let output = stratege(&["media", "--platform", "x"], &[&corrupt, &good, &notes]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(2), "{text}");
    assert!(text.contains("corrupt.jpg: cannot decode it: "), "{text}");
    assert!(text.contains("notes.txt: not an image Stratège can read (JPEG, PNG, WebP or GIF)"), "{text}");
    assert!(text.contains("square.jpg: 800×800 JPEG"), "{text}");
    assert!(text.contains("X timeline (UNCONFIRMED, approximate): keeps 0,0,800,800, nothing cut"), "{text}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn an_animated_gif_with_a_photo_is_an_error_on_x() {
    let dir = temp_dir("gif");
    let gif = dir.join("loop.gif");
    let mut encoder = GifEncoder::new(std::fs::File::create(&gif).unwrap());
    for shade in [40u8, 200] {
        let frame = ImageBuffer::from_pixel(64, 36, Rgba([shade, 80, 120, 255]));
        encoder.encode_frame(Frame::from_parts(frame, 0, 0, Delay::from_numer_denom_ms(100, 1))).unwrap();
    }
    drop(encoder);
    let photo = dir.join("photo.webp");
    scene(320, 180, |_, _| false).save(&photo).unwrap();

    let output = stratege(&["media", "--platform", "x", "--json"], &[&gif, &photo]);
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["images"][0]["format"], "gif");
    assert_eq!(json["images"][1]["format"], "webp");
    let count = json["problems"].as_array().unwrap().iter().find(|p| p["kind"] == "media-count").expect("count");
    assert_eq!(count["severity"], "error");
    assert!(count["message"].as_str().unwrap().contains("animated GIF must be the only media"));
    assert_eq!(json["images"][0]["surfaces"][0]["surface"], "grid-2");

    // A single still GIF is a photo like any other.
    let still = dir.join("still.gif");
    scene(100, 100, |_, _| false).save(&still).unwrap();
    let output = stratege(&["media", "--platform", "x", "--json"], &[&still, &photo]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_50_megapixel_image_is_measured_not_decoded() {
    let dir = temp_dir("huge");
    let path = dir.join("huge.png");
    let (w, h) = (10_000u32, 5_000u32);
    let pixels = vec![0u8; (w * h) as usize];
    let file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    PngEncoder::new_with_quality(file, CompressionType::Fast, FilterType::NoFilter)
        .write_image(&pixels, w, h, image::ExtendedColorType::L8)
        .unwrap();
    let args = MediaArgs { platform: "instagram".into(), link: false, json: false, files: vec![path] };
    let output = run(&args).unwrap();
    assert_eq!(output.status, 0, "{}", output.text);
    assert!(output.text.contains("huge.png: 10000×5000 PNG"), "{}", output.text);
    assert!(
        output
            .text
            .contains("note: 50.0 megapixels, more than Stratège decodes (40 at most): the crops come from its size"),
        "{}",
        output.text
    );
    assert!(output.text.contains("keeps 225,0,9550,5000"), "{}", output.text);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn bad_arguments_are_usage_errors() {
    let output = stratege(&["media", "--platform", "myspace", "a.png"], &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("unknown platform \"myspace\""));
    let output = stratege(&["media", "--platform", "x"], &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("<IMAGE>..."));
    let output = stratege(&["media", "--platform", "threads", "a.png"], &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no media rules for threads"));
}

#[test]
fn a_facebook_link_image_is_checked_as_a_link_preview() {
    let dir = temp_dir("link");
    let path = dir.join("og.png");
    scene(150, 150, |_, _| false).save(&path).unwrap();
    let output = stratege(&["media", "--platform", "facebook", "--link"], &[&path]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.starts_with("Facebook link image, 1 image(s)"), "{text}");
    assert!(text.contains("og.png: 150×150 PNG, ") && text.contains(" KB\n"), "{text}");
    assert!(text.contains("Facebook link preview (HIGH): keeps 0,35,150,79"), "{text}");
    assert!(text.contains("error media-size: Image 1 is 150×150; Facebook needs at least 200×200."), "{text}");
    std::fs::remove_dir_all(dir).unwrap();
}
