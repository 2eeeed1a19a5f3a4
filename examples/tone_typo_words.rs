//! Writes data/tone/typo_words_{en,fr}.txt: the words one typo away from a word of the tone lexicons, which the
//! analyser never reads as that word (src/tone/typos.rs), from the hashtag dictionaries of data/hashtags/.
//!
//!     cargo run --release --example tone_typo_words      (from the project's root; `make train-tone` runs it)

use stratege::lang::Lang;
use stratege::tone::typo_words_file;

fn main() -> std::io::Result<()> {
    let read = |path: &str| std::fs::read_to_string(path);
    let en = read("data/hashtags/en/words.txt")?;
    let fr = read("data/hashtags/fr/words.txt")? + &read("data/hashtags/fr/names.txt")?;
    std::fs::write("data/tone/typo_words_en.txt", typo_words_file(Lang::En, &en))?;
    std::fs::write("data/tone/typo_words_fr.txt", typo_words_file(Lang::Fr, &fr))?;
    Ok(())
}
