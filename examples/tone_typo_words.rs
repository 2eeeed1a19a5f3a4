//! Writes data/tone/typo_words_{en,fr}.txt: the words one typo away from a word of the tone lexicons, or glued to
//! one, which the analyser never reads so (src/tone/typos.rs), from the hashtag dictionaries of data/hashtags/.
//!
//!     cargo run --release --example tone_typo_words      (from the project's root; `make train-tone` runs it)

use stratege::lang::Lang;
use stratege::tone::embedded_typo_words_file;

fn main() -> std::io::Result<()> {
    for lang in Lang::ALL {
        let file = embedded_typo_words_file(lang);
        std::fs::write(format!("data/tone/typo_words_{}.txt", lang.id()), file)?;
    }
    Ok(())
}
