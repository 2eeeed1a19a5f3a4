use stratege::hashtags::lexicon::embedded;
use stratege::lang::Lang;
fn main() {
    let lex = embedded(Lang::Fr);
    for w in std::env::args().skip(1) {
        let id = lex.id(&w);
        let mut out = Vec::new();
        let chars: Vec<char> = w.chars().collect();
        lex.candidates(&chars, false, 2, &mut out);
        let c: Vec<String> = out.iter().take(12).map(|&(i, d)| format!("{}:{}:{}", lex.word(i), d, i)).collect();
        println!("{w}: id {:?} common {} word {} cands {:?}", id, lex.is_common_word(&w), lex.is_word(&w), c);
    }
}
