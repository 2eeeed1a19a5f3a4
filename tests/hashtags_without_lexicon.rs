//! Without a lexicon loaded (the extension before `load_lexicon`), hashtags are still found and checked for
//! duplicates, limits and cuts; their spelling (and readability, which needs their words) is said to be unchecked:
//! no false alarm.

use stratege::{check, Request};

#[test]
fn spelling_is_unchecked_and_everything_else_runs() {
    let request = Request {
        platform: "instagram".into(),
        text: "#SocialMeida #a #b #c #d #socialmeida #don't".into(),
        ..Request::default()
    };
    let r = check(&request).unwrap();
    assert!(r.hashtag_languages.is_empty());
    assert!(r.hashtags.iter().all(|h| !h.spelling_checked));
    let kinds: Vec<&str> = r.problems.iter().map(|p| p.kind).collect();
    assert_eq!(kinds, ["hashtag-duplicate", "hashtag-limit", "hashtag-limit", "hashtag-broken"]);
}
