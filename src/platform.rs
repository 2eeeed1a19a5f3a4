//! The table of platform rules: length limits, counting units and where each figure comes from.
//! Every figure cites ../shared/reference/platforms.md (section A unless noted) with its confidence.

use serde::Serialize;

/// A platform Stratège knows. The extension runs on the first three; the CLI checks all of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PreviewCut {
    /// Characters (UTF-16 code units) shown before "more".
    pub chars: usize,
    /// Lines shown before "more".
    pub lines: usize,
}

/// One limit of one surface (a post, a reply or comment) with its evidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    pub max: u32,
    pub source: &'static str,
    /// HIGH, MED, LOW or UNCONFIRMED, as platforms.md grades it.
    pub confidence: &'static str,
}

/// Everything Stratège needs to measure a text for one platform.
#[derive(Clone, Copy, Debug)]
pub struct Rules {
    pub platform: Platform,
    pub id: &'static str,
    pub name: &'static str,
    pub unit: Unit,
    pub post: Limit,
    /// The limit of a reply or comment when it differs from a post's.
    pub reply: Option<Limit>,
    /// The long-post limit of a paid tier (X Premium), used when the user says they have it.
    pub premium: Option<Limit>,
    pub preview: Option<PreviewCut>,
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

const X_SOURCE: &str =
    "twitter-text config/v3.json maxWeightedTweetLength; docs.x.com Counting characters (2026-05-20)";

/// The rules of every platform, in the order of the README table.
pub const RULES: [Rules; 7] = [
    Rules {
        platform: Platform::X,
        id: "x",
        name: "X",
        unit: Unit::Weighted,
        post: Limit { max: 280, source: X_SOURCE, confidence: "HIGH" },
        reply: Some(Limit {
            max: 280,
            source: "docs.x.com Counting characters: replies share the post limit; auto-populated leading @mentions do not count",
            confidence: "MED",
        }),
        premium: Some(Limit {
            max: 25_000,
            source: "X feature switch longform_notetweets_max_weighted_character_length (2025); telecomlive.in 2023-06-28",
            confidence: "MED-HIGH",
        }),
        preview: None,
    },
    Rules {
        platform: Platform::Facebook,
        id: "facebook",
        name: "Facebook",
        unit: Unit::Utf16,
        post: Limit {
            max: 63_206,
            source: "Facebook (Vadim Lavrusik, Bob Baldwin) via Digital Trends 2011-12-01",
            confidence: "MED",
        },
        reply: Some(Limit {
            max: 8_000,
            source: "comment limit from third parties only (typecount.com, postonce.to, bulkpublish.com)",
            confidence: "UNCONFIRMED",
        }),
        premium: None,
        preview: None,
    },
    Rules {
        platform: Platform::Instagram,
        id: "instagram",
        name: "Instagram",
        unit: Unit::Utf16,
        post: Limit {
            max: 2_200,
            source: "Instagram Graph API POST /{ig-user-id}/media, caption: Maximum 2200 characters",
            confidence: "HIGH",
        },
        reply: Some(Limit {
            max: 2_200,
            source: "comment limit from third parties only (qainsta.com)",
            confidence: "UNCONFIRMED",
        }),
        premium: None,
        preview: Some(PreviewCut { chars: 125, lines: 3 }),
    },
    Rules {
        platform: Platform::Threads,
        id: "threads",
        name: "Threads",
        unit: Unit::CodePointsEmojiUtf8,
        post: Limit { max: 500, source: "Meta Threads Posts developer doc (updated 2026-04-14)", confidence: "HIGH" },
        reply: None,
        premium: None,
        preview: None,
    },
    Rules {
        platform: Platform::Bluesky,
        id: "bluesky",
        name: "Bluesky",
        unit: Unit::Graphemes,
        post: Limit {
            max: 300,
            source: "atproto lexicons/app/bsky/feed/post.json maxGraphemes (2026-06-03)",
            confidence: "HIGH",
        },
        reply: None,
        premium: None,
        preview: None,
    },
    Rules {
        platform: Platform::Mastodon,
        id: "mastodon",
        name: "Mastodon",
        unit: Unit::GraphemesUrl23,
        post: Limit {
            max: 500,
            source: "mastodon/documentation posting.md (2025-11-21): default, per instance",
            confidence: "HIGH",
        },
        reply: None,
        premium: None,
        preview: None,
    },
    Rules {
        platform: Platform::Linkedin,
        id: "linkedin",
        name: "LinkedIn",
        unit: Unit::Utf16,
        post: Limit { max: 3_000, source: "Ayrshare LinkedIn API doc; PostSyncer docs", confidence: "MED" },
        reply: None,
        premium: None,
        preview: None,
    },
];

impl Platform {
    /// The platform for an id such as `"x"` (also accepts `"twitter"`).
    pub fn from_id(id: &str) -> Option<Platform> {
        let id = id.trim().to_ascii_lowercase();
        let id = if id == "twitter" { "x" } else { id.as_str() };
        RULES.iter().find(|r| r.id == id).map(|r| r.platform)
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
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_platform_has_exactly_one_rule() {
        for rules in &RULES {
            assert_eq!(Platform::from_id(rules.id), Some(rules.platform));
            assert_eq!(RULES.iter().filter(|r| r.platform == rules.platform).count(), 1);
        }
        assert_eq!(Platform::from_id("Twitter"), Some(Platform::X));
        assert_eq!(Platform::from_id("myspace"), None);
    }

    #[test]
    fn limits_follow_reply_and_premium() {
        let x = Platform::X.rules();
        assert_eq!(x.limit(false, false).max, 280);
        assert_eq!(x.limit(true, false).max, 280);
        assert_eq!(x.limit(false, true).max, 25_000);
        assert_eq!(Platform::Facebook.rules().limit(true, true).max, 8_000);
        assert_eq!(Platform::Instagram.rules().limit(false, false).max, 2_200);
    }
}
