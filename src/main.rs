fn main() {
    let rules = factlint::rules::RuleSet::builtin().expect("builtin");
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let checked = factlint::check_text(&text, &rules);
    for c in &checked.article.claims { eprintln!("{c:?}"); }
    for f in &checked.findings { eprintln!("{} {} | {:?}", f.rule, f.message, f.help); }
}
