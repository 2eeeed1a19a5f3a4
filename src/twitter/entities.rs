//! One entity scan per text, shared by every check (as twitter-text's `extractEntitiesWithIndices` serves both
//! counting and linking): the URLs, the X hashtags and the emoji sequences of a text, each found at most once, when
//! a check first asks for it (the Facebook counter needs none of them, the X counter only the URLs). Spans are byte
//! offsets into the text.
//!
//! Consumers: the X weighted length (URLs; it finds the emoji sequences within its own pass over the bytes, which
//! in wasm is faster than storing them), the Mastodon length (URLs), the Threads length (emoji), X hashtag
//! extraction (hashtags, which already skip URLs).

use std::cell::OnceCell;

use super::emoji::{extract_emoji, EmojiEntity};
use super::hashtags::{extract_hashtags_beside, HashtagEntity};
use super::urls::{extract_urls, UrlEntity};

/// The entities of one text, found lazily and kept.
pub struct Entities<'t> {
    text: &'t str,
    urls: OnceCell<Vec<UrlEntity>>,
    hashtags: OnceCell<Vec<HashtagEntity>>,
    emoji: OnceCell<Vec<EmojiEntity>>,
}

impl<'t> Entities<'t> {
    /// Nothing is scanned yet: each kind is found on first use.
    pub fn new(text: &'t str) -> Self {
        Entities { text, urls: OnceCell::new(), hashtags: OnceCell::new(), emoji: OnceCell::new() }
    }

    /// The text the entities belong to.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// URLs as twitter-text's `extractUrlsWithIndices` finds them (URLs without protocol included).
    pub fn urls(&self) -> &[UrlEntity] {
        self.urls.get_or_init(|| extract_urls(self.text))
    }

    /// Hashtags as twitter-text's `extractHashtagsWithIndices` finds them (none inside a URL).
    pub fn hashtags(&self) -> &[HashtagEntity] {
        self.hashtags.get_or_init(|| extract_hashtags_beside(self.text, || self.urls()))
    }

    /// Emoji sequences, left to right (see `emoji::extract_emoji`).
    pub fn emoji(&self) -> &[EmojiEntity] {
        self.emoji.get_or_init(|| extract_emoji(self.text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_is_scanned_once_and_only_when_asked() {
        let text = "#a x.com/#b 😀 #c";
        let entities = Entities::new(text);
        assert!(entities.urls.get().is_none() && entities.hashtags.get().is_none());
        let tags: Vec<&str> = entities.hashtags().iter().map(|h| &text[h.start..h.end]).collect();
        assert_eq!(tags, ["#a", "#c"], "the hashtag inside the URL is dropped");
        assert_eq!(entities.urls().len(), 1, "found for the hashtags and kept");
        assert!(entities.emoji.get().is_none());
        assert_eq!(entities.emoji().len(), 1);
    }
}
