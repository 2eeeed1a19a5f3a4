//! The table of platform rules: length limits, counting units, feed cuts, hashtag limits and where each figure
//! comes from. The facts live in `data/platforms.json` (shared with the extension, which imports the same file);
//! this module reads it once, at first use, into [`RULES`].

use serde::{Deserialize, Serialize};
use std::ops::Deref;
use std::sync::LazyLock;

/// A platform Stratège knows. The extension runs on the first three; the CLI checks all of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    X,
    Facebook,
    Instagram,
    Threads,
    Bluesky,
    Mastodon,
    Linkedin,
}

/// How a platform measures the length of a post.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    /// twitter-text v3: NFC text, weight 1 or 2 per code point, every URL 23, every emoji sequence 2.
    Weighted,
    /// UTF-16 code units, what the sites' own web text fields count (JavaScript `length`).
    Utf16,
    /// Extended grapheme clusters (user-perceived characters).
    Graphemes,
    /// Grapheme clusters, every URL counted as 23 (Mastodon's `characters_reserved_per_url`).
    GraphemesUrl23,
    /// Unicode code points, each emoji counted as its UTF-8 byte length (Meta's Threads rule).
    CodePointsEmojiUtf8,
}

impl Unit {
    /// The unit's name in reports and the README.
    pub fn name(self) -> &'static str {
        match self {
            Unit::Weighted => "weighted characters (twitter-text v3)",
            Unit::Utf16 => "UTF-16 code units",
            Unit::Graphemes => "graphemes",
            Unit::GraphemesUrl23 => "graphemes, URLs 23",
            Unit::CodePointsEmojiUtf8 => "code points, emoji as UTF-8 bytes",
        }
    }
}

/// Where a feed cuts a long text behind "more".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub struct PreviewCut {
    /// Characters (UTF-16 code units) shown before "more".
    pub chars: usize,
    /// Lines shown before "more".
    pub lines: usize,
    pub source: &'static str,
    pub confidence: &'static str,
}

/// One limit of one surface (a post, a reply or comment) with its evidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub struct Limit {
    pub max: u32,
    pub source: &'static str,
    /// HIGH, MED-HIGH, MED, LOW or UNCONFIRMED, as platforms.md grades it.
    pub confidence: &'static str,
}

/// How many hashtags a post takes, or the platform advises.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub struct HashtagLimit {
    pub max: u32,
    /// The platform only advises the number (X's best practice); false when it enforces it (Instagram).
    pub advice: bool,
    /// Since when the limit holds, as the platform announced it.
    pub since: Option<&'static str>,
    pub source: &'static str,
    pub confidence: &'static str,
}

/// Everything Stratège needs to measure a text for one platform.
#[derive(Clone, Copy, Debug)]
pub struct Rules {
    pub platform: Platform,
    pub id: &'static str,
    /// Other ids accepted for the platform (`"twitter"` for X).
    pub aliases: &'static [&'static str],
    pub name: &'static str,
    pub unit: Unit,
    pub post: Limit,
    /// The limit of a reply or comment when it differs from a post's.
    pub reply: Option<Limit>,
    /// The long-post limit of a paid tier (X Premium), used when the user says they have it.
    pub premium: Option<Limit>,
    pub preview: Option<PreviewCut>,
    pub hashtags: Option<HashtagLimit>,
}

impl Rules {
    /// The limit that applies to a text, given whether it is a reply and whether the account is Premium.
    pub fn limit(&self, reply: bool, premium: bool) -> Limit {
        if premium {
            if let Some(limit) = self.premium {
                return limit;
            }
        }
        match (reply, self.reply) {
            (true, Some(limit)) => limit,
            _ => self.post,
        }
    }
}

/// The platform data, in the repository's `data/` folder.
const DATA: &str = include_str!("../data/platforms.json");

/// One platform's entry in `data/platforms.json`, before its id is checked against [`Platform`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    id: &'static str,
    #[serde(default)]
    aliases: Vec<&'static str>,
    name: &'static str,
    unit: Unit,
    post: Limit,
    reply: Option<Limit>,
    premium: Option<Limit>,
    preview: Option<PreviewCut>,
    hashtags: Option<HashtagLimit>,
}

#[derive(Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
struct Data {
    platforms: Vec<Entry>,
}

/// The rules of every platform, in the order of `data/platforms.json` (and of the README table).
pub struct Table(LazyLock<Vec<Rules>>);

impl Deref for Table {
    type Target = [Rules];

    fn deref(&self) -> &[Rules] {
        &self.0
    }
}

impl<'a> IntoIterator for &'a Table {
    type Item = &'a Rules;
    type IntoIter = std::slice::Iter<'a, Rules>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// The rules of every platform, read from `data/platforms.json` at first use.
pub static RULES: Table = Table(LazyLock::new(|| parse(DATA)));

/// Reads the platform data; a malformed file is a build mistake, caught by every test.
fn parse(json: &'static str) -> Vec<Rules> {
    let data: Data = serde_json::from_str(json).expect("data/platforms.json is well formed");
    data.platforms
        .into_iter()
        .map(|e| {
            let platform =
                Platform::deserialize(serde::de::value::BorrowedStrDeserializer::<serde_json::Error>::new(e.id))
                    .expect("every platform in data/platforms.json is a `Platform`");
            Rules {
                platform,
                id: e.id,
                aliases: Vec::leak(e.aliases),
                name: e.name,
                unit: e.unit,
                post: e.post,
                reply: e.reply,
                premium: e.premium,
                preview: e.preview,
                hashtags: e.hashtags,
            }
        })
        .collect()
}

impl Platform {
    /// The platform for an id such as `"x"`, or one of its aliases (`"twitter"`).
    pub fn from_id(id: &str) -> Option<Platform> {
        let id = id.trim().to_ascii_lowercase();
        RULES.iter().find(|r| r.id == id || r.aliases.contains(&id.as_str())).map(|r| r.platform)
    }

    /// This platform's rules.
    pub fn rules(self) -> &'static Rules {
        RULES.iter().find(|r| r.platform == self).expect("every platform has rules")
    }

    pub fn id(self) -> &'static str {
        self.rules().id
    }
}

/// The table as JSON, for the options page and `stratege platforms --json`.
pub fn table_json() -> serde_json::Value {
    let limit = |l: Option<Limit>| {
        l.map(|l| serde_json::json!({ "max": l.max, "source": l.source, "confidence": l.confidence }))
    };
    RULES
        .iter()
        .map(|r| {
            serde_json::json!({
                "id": r.id,
                "name": r.name,
                "unit": r.unit.name(),
                "post": limit(Some(r.post)),
                "reply": limit(r.reply),
                "premium": limit(r.premium),
                "preview": r.preview.map(|p| serde_json::json!({ "chars": p.chars, "lines": p.lines })),
                "media": Platform::from_id(r.id).and_then(crate::media::rules::platform_json),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every variant, in a list the compiler keeps complete.
    fn all() -> [Platform; 7] {
        let all = [
            Platform::X,
            Platform::Facebook,
            Platform::Instagram,
            Platform::Threads,
            Platform::Bluesky,
            Platform::Mastodon,
            Platform::Linkedin,
        ];
        for p in all {
            match p {
                Platform::X
                | Platform::Facebook
                | Platform::Instagram
                | Platform::Threads
                | Platform::Bluesky
                | Platform::Mastodon
                | Platform::Linkedin => {}
            }
        }
        all
    }

    #[test]
    fn every_platform_has_exactly_one_rule() {
        assert_eq!(RULES.len(), all().len());
        for platform in all() {
            assert_eq!(RULES.iter().filter(|r| r.platform == platform).count(), 1, "{platform:?}");
            assert_eq!(Platform::from_id(platform.id()), Some(platform));
            assert_eq!(serde_json::to_value(platform).unwrap(), platform.id());
        }
        assert_eq!(Platform::from_id("Twitter"), Some(Platform::X));
        assert_eq!(Platform::from_id(" X "), Some(Platform::X));
        assert_eq!(Platform::from_id("myspace"), None);
    }

    #[test]
    fn limits_follow_reply_and_premium() {
        let x = Platform::X.rules();
        assert_eq!(x.limit(false, false), x.post);
        assert_eq!(x.limit(true, false), x.reply.unwrap());
        assert_eq!(x.limit(false, true), x.premium.unwrap());
        assert_eq!(x.limit(true, true), x.premium.unwrap());
        let facebook = Platform::Facebook.rules();
        assert_eq!(facebook.limit(true, true), facebook.reply.unwrap(), "Premium is X's only");
        assert_eq!(facebook.limit(false, true), facebook.post);
        let threads = Platform::Threads.rules();
        assert_eq!(threads.limit(true, false), threads.post, "no reply limit: the post's");
    }

    #[test]
    fn every_fact_cites_a_graded_source() {
        const GRADES: [&str; 5] = ["HIGH", "MED-HIGH", "MED", "LOW", "UNCONFIRMED"];
        for r in &RULES {
            let cited = [r.post, r.reply.unwrap_or(r.post), r.premium.unwrap_or(r.post)]
                .map(|l| (l.source, l.confidence))
                .into_iter()
                .chain(r.preview.map(|p| (p.source, p.confidence)))
                .chain(r.hashtags.map(|h| (h.source, h.confidence)));
            for (source, confidence) in cited {
                assert!(source.len() > 10, "{}: {source:?}", r.id);
                assert!(GRADES.contains(&confidence), "{}: {confidence:?}", r.id);
            }
            assert!(r.post.max > 0 && r.reply.is_none_or(|l| l.max > 0), "{}", r.id);
        }
    }

    #[test]
    fn a_mistyped_key_is_an_error_not_a_missing_fact() {
        let typo = r#"{"platforms": [{"id": "x", "name": "X", "unit": "weighted",
            "post": {"max": 1, "source": "s", "confidence": "HIGH"}, "premuim": null}]}"#;
        assert!(serde_json::from_str::<Data>(typo).is_err());
        let unknown = r#"{"platforms": [{"id": "myspace", "name": "MySpace", "unit": "utf16",
            "post": {"max": 1, "source": "s", "confidence": "HIGH"}}]}"#;
        assert!(std::panic::catch_unwind(|| parse(unknown)).is_err());
    }

    /// The README's "How each platform counts" table, as the data says it.
    fn readme_table() -> String {
        let number = |n: u32| {
            let digits = n.to_string();
            let mut out = String::new();
            for (i, d) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i).is_multiple_of(3) {
                    out.push(',');
                }
                out.push(d);
            }
            out
        };
        let cited = |what: &str, source: &str, confidence: &str| format!("{what}{source} ({confidence})");
        let mut table = String::from(
            "| Platform | Post limit | Reply / comment | Unit | Hashtags per post | Sources (confidence) |\n\
             |---|---:|---:|---|---|---|\n",
        );
        for r in &RULES {
            let mut sources = vec![cited("", r.post.source, r.post.confidence)];
            let reply = r.reply.map_or("—".to_owned(), |l| {
                sources.push(cited("reply: ", l.source, l.confidence));
                let unconfirmed = if l.confidence == "UNCONFIRMED" { " (unconfirmed)" } else { "" };
                format!("{}{unconfirmed}", number(l.max))
            });
            let mut post = number(r.post.max);
            if let Some(p) = r.premium {
                post += &format!("; {} with Premium", number(p.max));
                sources.push(cited("Premium: ", p.source, p.confidence));
            }
            if let Some(p) = r.preview {
                post += &format!("; feed shows {} characters / {} lines", p.chars, p.lines);
                sources.push(cited("feed cut: ", p.source, p.confidence));
            }
            let hashtags = r.hashtags.map_or("—".to_owned(), |h| {
                sources.push(cited("hashtags: ", h.source, h.confidence));
                let since = h.since.map_or(String::new(), |s| format!(" since {s}"));
                format!("{}{}{since}", if h.advice { "advised: " } else { "at most " }, h.max)
            });
            table += &format!(
                "| {} | {post} | {reply} | {} | {hashtags} | {} |\n",
                r.name,
                r.unit.name(),
                sources.join("; ")
            );
        }
        table
    }

    #[test]
    fn the_readme_table_is_the_data() {
        let readme = include_str!("../README.md");
        let begin = "<!-- platforms: generated from data/platforms.json, checked by src/platform.rs -->\n";
        let start = readme.find(begin).expect("the README marks its platform table") + begin.len();
        let end = start + readme[start..].find("<!-- /platforms -->").expect("the table's end marker");
        let expected = readme_table();
        assert!(readme[start..end] == expected, "README.md's platform table should read:\n{expected}");
    }
}
