//! A language is data: the German lexicon (`rules/lexicon/de.yml`) read for articles that say
//! they are German (HTML `lang`, Markdown front matter `lang:`, `language:` in the
//! configuration), and packs that extend the English one.

mod common;

use common::factlint;
use factlint::rules::RuleSet;

/// (rule, line, column) of every finding through the command line, and its human report.
fn check(name: &str) -> (Vec<(String, u64, u64)>, String) {
    let path = format!("fixtures/{name}");
    let (code, out, err) = factlint(&["check", &path, "--format", "jsonl"]);
    assert!(code < 2, "{err}");
    let (_, human, _) = factlint(&["check", &path, "--color", "never"]);
    (located(&out), human)
}

/// (rule, line, column) of each finding of a `--format jsonl` report.
fn located(jsonl: &str) -> Vec<(String, u64, u64)> {
    jsonl
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("json line");
            (
                v["rule"].as_str().unwrap_or("").to_string(),
                v["line"].as_u64().unwrap_or(0),
                v["column"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

/// A Markdown article in `language` holding `body`, read (no rules).
fn article(language: &str, body: &str) -> factlint::parse::Article {
    factlint::read_as(&format!("---\nlang: {language}\n---\n\n{body}\n"), factlint::source::Format::Markdown)
}

/// A German Markdown article holding `body`, read.
fn german(body: &str) -> factlint::parse::Article {
    article("de", body)
}

/// The figures read: each one's text and value.
fn figures(article: &factlint::parse::Article) -> Vec<(String, f64)> {
    article.quantities.iter().map(|q| (q.span.slice(&article.document.text).to_string(), q.value)).collect()
}

/// The rule ids fired on a German Markdown body.
fn german_findings(body: &str) -> Vec<String> {
    let rules = RuleSet::builtin().expect("the shipped pack is valid");
    let text = format!("---\nlang: de\n---\n\n{body}\n");
    let checked = factlint::check_as(&text, factlint::source::Format::Markdown, &rules);
    checked.findings.iter().map(|f| f.rule.clone()).collect()
}

#[test]
fn german_markdown_catches_the_inconsistent_change_and_nothing_else() {
    let (found, rendered) = check("de/arbeitsmarkt.md");
    // 37.000 → 22.000 is −40.5%, not "mehr als 60 Prozent". The other changes hold: 1,2 → 1,5
    // Mrd. Euro is +25%, 5,2 → 4,8 Prozent falls, 2.950 → 3.300 is "mehr als 10 Prozent".
    assert_eq!(found, vec![("change-mismatch".to_string(), 10, 17)]);
    // Computed figures are written in the article's marks, like the stated ones.
    assert!(rendered.contains("37.000 → 22.000 is −40,5% (−38,4% to −42,7% given rounding)"), "{rendered}");
    insta::assert_snapshot!("german_markdown", rendered);
}

#[test]
fn german_html_catches_the_wrong_direction_and_nothing_else() {
    let (found, rendered) = check("de/haushalt.html");
    // 212 → 190,8 Mio. Euro is a fall of 10%, said "gestiegen"; 840 → 882 Mio. Euro is +5%,
    // 2.410 → 2.230 Euro is −7.5%; "Seite 4 von 12" in the footer is not read.
    assert_eq!(found, vec![("change-direction".to_string(), 15, 1)]);
    insta::assert_snapshot!("german_html", rendered);
}

#[test]
fn german_figures_are_read_with_german_conventions() {
    let body = "Es waren 22.000 Menschen, 0,1 % mehr, für 1,5 Mrd. Euro und rund 3 Mio. Euro.";
    let read = german(body);
    assert_eq!(
        figures(&read),
        vec![
            ("22.000".to_string(), 22_000.0),
            ("0,1 %".to_string(), 0.1),
            ("1,5 Mrd. Euro".to_string(), 1.5e9),
            ("rund 3 Mio. Euro".to_string(), 3e6),
        ]
    );
    assert_eq!(read.quantities[2].currency, Some("EUR"));
    // Dates, times and addresses written with full stops are no amounts.
    let names = figures(&german(
        "Am 31.12. um 14.30 Uhr (rund 14.30 Uhr), am 3.5. und am 1.1.2024 fiel der Server \
         192.168.100.200 aus.",
    ));
    assert!(names.iter().all(|(text, _)| text == "2024"), "{names:?}");
    // Several groups are one number; a full stop before anything but three digits is a
    // decimal point written the English way ("3.5 Prozent" is not "3" and "5 Prozent");
    // versions, addresses and dates stay names.
    let grouped = german(
        "Es waren 1.234.567 Euro, 3.5 Prozent, 3.50 Euro und 1.5 Mrd. Euro; Version 2.0.1, IP \
         192.168.1.2 und am 01.02.2020 nichts.",
    );
    assert_eq!(
        figures(&grouped),
        vec![
            ("1.234.567 Euro".to_string(), 1_234_567.0),
            ("3.5 Prozent".to_string(), 3.5),
            ("3.50 Euro".to_string(), 3.5),
            ("1.5 Mrd. Euro".to_string(), 1.5e9),
        ]
    );
    assert_eq!(grouped.quantities[1].decimals, 1, "3.5 is read to its tenth");
    // The English decimal point with no unit of its own, after a currency sign or a qualifier,
    // in a range; three groups before a unit.
    let values: Vec<f64> = figures(&german(
        "Von €3.5 auf €4.5, um rund 0.5 auf 3 Prozent, von 6.1 auf 5.9 Prozent, bei 3.5-4.5 \
         Prozent, in 9.58 Sekunden, auf 1.234.567.890 Euro.",
    ))
    .into_iter()
    .map(|(_, value)| value)
    .collect();
    assert_eq!(values, vec![3.5, 4.5, 0.5, 3.0, 6.1, 5.9, 3.5, 9.58, 1_234_567_890.0]);
    // The same words in an English article are other numbers: 22.000 is twenty-two.
    assert_eq!(article("en", body).quantities[0].value, 22.0);
}

#[test]
fn german_readings_that_would_cry_wolf_stay_quiet() {
    let rules = RuleSet::builtin().expect("the shipped pack is valid");
    for (body, why) in [
        (
            "Die Schuldenquote sank von 120 Prozent im Jahr 2020 auf 95 Prozent im Jahr 2023.",
            "\"sank von 120 Prozent\" is a level, not a fall of 120%",
        ),
        (
            "Der Absatz stieg um 10 Prozent auf 550 Fahrzeuge dieser Art. Gegenüber dem Vorjahr mit 800 Elektroautos ist das wenig.",
            "\"Art.\" ends its sentence; 800 belongs to the next one",
        ),
        (
            "Die Hilfe ging an Millionen Menschen. Er schrieb an hundert Freunde.",
            "\"an\" is not \"an\" of English",
        ),
        ("Die Quote stieg um 2 Prozent auf 7 Prozent.", "\"um 2 Prozent auf 7 Prozent\" is by and to"),
    ] {
        let text = format!("---\nlang: de\n---\n\n{body}\n");
        let checked = factlint::check_as(&text, factlint::source::Format::Markdown, &rules);
        assert!(checked.findings.is_empty(), "{why}: {:?}", checked.findings);
    }
    assert!(german("Die Hilfe ging an Millionen Menschen.").quantities.is_empty());
    // "um … auf" still reads a change with its level: 5 → 7 Prozent is +40%, not +2%.
    let text = "---\nlang: de\n---\n\nDie Quote stieg um 2 Prozent von 5 Prozent auf 7 Prozent.\n";
    let checked = factlint::check_as(text, factlint::source::Format::Markdown, &rules);
    let found: Vec<&str> = checked.findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(found, vec!["percent-points"], "{:?}", checked.findings);
}

#[test]
fn german_number_words_joined_into_one_word_are_read() {
    let article = german(
        "Es waren zweiundzwanzig Menschen, rund dreihundertfünfzig Gäste, fünfundzwanzig Prozent, \
         zweitausendvierhundert, einhundert, hundertzwanzig, siebzehnhundert und zweiundzwanzig \
         Millionen Euro.",
    );
    let values: Vec<f64> = article.quantities.iter().map(|q| q.value).collect();
    assert_eq!(values, vec![22.0, 350.0, 25.0, 2400.0, 100.0, 120.0, 1700.0, 22e6]);
    assert_eq!(article.quantities[2].unit, factlint::parse::Unit::Percent);
    // Words that only begin like numbers, or hold them, are words.
    let read = figures(&german(
        "Achtung: Hunderte und Zehntausende feierten die Einhundertjahrfeier, einmal und elfmal, \
         in Dreikönig und Tausendundeiner Nacht.",
    ));
    assert!(read.is_empty(), "{read:?}");
    // A word made of number words over and over is no number.
    assert!(german(&format!("Es waren {} Menschen.", "achtzehn".repeat(12))).quantities.is_empty());
    // The figures of a change, in words.
    assert_eq!(
        german_findings("Die Zahl stieg von zweiundzwanzig auf fünfundzwanzig, ein Plus von 40 Prozent."),
        vec!["change-mismatch".to_string()]
    );
}

#[test]
fn german_number_words_with_umlauts_are_read() {
    let article = german("Die Quote stieg von zwölf Prozent auf dreißig Prozent, rund fünf Millionen.");
    let values: Vec<f64> = article.quantities.iter().map(|q| q.value).collect();
    assert_eq!(values, vec![12.0, 30.0, 5e6]);
}

#[test]
fn a_german_abbreviation_does_not_end_the_sentence() {
    let text = "<html lang=\"de-AT\"><body><p>Der Umsatz stieg von 1,2 Mrd. Euro auf 1,5 Mrd. Euro, ein Plus von 25 Prozent.</p></body></html>";
    let article = factlint::read_as(text, factlint::source::Format::Html);
    assert_eq!(article.lexicon.language, "de");
    let sentences: usize = article.document.paragraphs.iter().map(|p| p.sentences.len()).sum();
    assert_eq!(sentences, 1);
    let changes = article.claims.iter().filter(|c| matches!(c, factlint::parse::Claim::Change(_))).count();
    assert_eq!(changes, 1, "{:?}", article.claims);
}

#[test]
fn the_configuration_names_the_language_of_plain_text() {
    let (code, out, err) = factlint(&["check", "fixtures/de/config/meldung.txt", "--format", "jsonl"]);
    assert_eq!(code, 1, "{out}{err}");
    let findings: Vec<serde_json::Value> =
        out.lines().map(|l| serde_json::from_str(l).expect("json line")).collect();
    assert_eq!(findings.len(), 1, "{out}");
    assert_eq!(findings[0]["rule"], "change-mismatch");
    assert!(findings[0]["message"].as_str().unwrap_or("").contains("gut 8 Prozent"), "{out}");
    // Without the configuration the text is read as English and "9.800 auf 9.300" is no change.
    let (code, out, err) =
        factlint(&["check", "fixtures/de/config/meldung.txt", "--no-config", "--format", "jsonl"]);
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
}

#[test]
fn claims_reads_as_check_does() {
    let value_of_first = |args: &[&str]| {
        let (code, out, err) = factlint(args);
        assert_eq!(code, 0, "{err}");
        let json: serde_json::Value = serde_json::from_str(&out).expect("json");
        json["quantities"][0]["value"].as_f64()
    };
    // The configuration beside the file says German: "18.400" is eighteen thousand four hundred.
    assert_eq!(value_of_first(&["claims", "fixtures/de/config/meldung.txt"]), Some(18_400.0));
    assert_eq!(value_of_first(&["claims", "fixtures/de/config/meldung.txt", "--no-config"]), Some(18.4));
}

#[test]
fn a_language_without_a_lexicon_is_refused() {
    let dir = std::env::temp_dir().join(format!("factlint-lang-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join(".factlint.yml"), "language: fr\n").expect("config");
    std::fs::write(dir.join("a.txt"), "Sales rose 5%.\n").expect("article");
    let (code, _, err) = common::factlint_in(&dir, &["check", "a.txt"]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no lexicon for the language `fr`") && err.contains("en, de"), "{err}");
}

#[test]
fn a_pack_teaches_the_house_vocabulary() {
    let (code, out, err) = factlint(&["check", "fixtures/house-words.txt", "--format", "jsonl"]);
    assert_eq!((code, out.as_str()), (0, ""), "without the pack \"cratered\" is no change word: {err}");
    let (code, out, err) = factlint(&[
        "check",
        "fixtures/house-words.txt",
        "--rules",
        "fixtures/rule-packs/house-words",
        "--format",
        "jsonl",
    ]);
    assert_eq!(code, 1, "{out}{err}");
    let findings: Vec<serde_json::Value> =
        out.lines().map(|l| serde_json::from_str(l).expect("json line")).collect();
    assert_eq!(findings.len(), 1, "{out}");
    assert_eq!(findings[0]["rule"], "change-direction");
    assert_eq!(findings[0]["line"], 1);
}

#[test]
fn a_broken_lexicon_is_refused_with_a_pointer_into_it() {
    let (code, out, err) = factlint(&[
        "check",
        "fixtures/house-words.txt",
        "--rules",
        "fixtures/rule-packs/bad-lexicon",
        "--color",
        "never",
    ]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("unknown field `change-word`"), "{err}");
    assert!(err.contains("bad-lexicon/lexicon/en.yml:2:1"), "{err}");
}

#[test]
fn unusable_lexicon_values_are_named() {
    let file: factlint::parse::lexicon::LexiconFile = factlint::parse::lexicon::parse_file(
        "language: xx\nnumbers:\n  decimal-mark: \",\"\n  group-marks: [\",\"]\n",
        "xx.yml",
    )
    .expect("reads");
    assert!(file.problem().is_some_and(|p| p.contains("group-marks")), "{:?}", file.problem());
    let file: factlint::parse::lexicon::LexiconFile =
        factlint::parse::lexicon::parse_file("language: xx\nquantifiers:\n  most: [60, 40]\n", "xx.yml")
            .expect("reads");
    assert!(file.problem().is_some_and(|p| p.contains("most")), "{:?}", file.problem());
    let file: factlint::parse::lexicon::LexiconFile = factlint::parse::lexicon::parse_file(
        "language: en\ncurrencies:\n  before: { \"\": USD }\n",
        "xx.yml",
    )
    .expect("reads");
    assert!(file.problem().is_some_and(|p| p.contains("currencies.before")), "{:?}", file.problem());
}

#[test]
fn an_article_in_a_language_without_a_lexicon_is_left_unread_and_says_so() {
    // English words would take "10,5 %" for two figures; the article is not read at all, and
    // the one finding points at its tag. A warning: the default `fail-on` (error) passes.
    let (found, rendered) = check("fr/exportations.md");
    assert_eq!(found, vec![("unsupported-language".to_string(), 2, 7)]);
    assert!(rendered.contains("factlint reads en (English), de (Deutsch)"), "{rendered}");
    insta::assert_snapshot!("french_unread", rendered);
    let (code, _, err) = factlint(&["check", "fixtures/fr/exportations.md"]);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = factlint(&["claims", "fixtures/fr/exportations.md"]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(json["unread_language"], "fr");
    assert_eq!(json["quantities"].as_array().map(Vec::len), Some(0));

    // HTML: the finding points at the attribute; a tag that names no language, or English by
    // another code or name, reads English.
    let rules = RuleSet::builtin().expect("built-in rules");
    let html =
        |lang: &str| format!("<html lang=\"{lang}\"><body><p>Exports fell 120% last year.</p></body></html>");
    let checked = factlint::check_as(&html("pt-BR"), factlint::source::Format::Html, &rules);
    let rules_fired: Vec<&str> = checked.findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules_fired, vec!["unsupported-language"]);
    assert_eq!((checked.findings[0].span.start, checked.findings[0].span.end), (12, 17));
    for read_as_english in ["und", "x-house", "", "eng", "en-US", "English"] {
        let checked = factlint::check_as(&html(read_as_english), factlint::source::Format::Html, &rules);
        let rules_fired: Vec<&str> = checked.findings.iter().map(|f| f.rule.as_str()).collect();
        assert_eq!(rules_fired, vec!["impossible-value"], "lang={read_as_english:?}");
    }

    // Disabling the rule silences the note; the article is still not read.
    let mut quiet = rules.clone();
    quiet.get_mut("unsupported-language").expect("shipped rule").enabled = false;
    let checked = factlint::check_as(&html("pt-BR"), factlint::source::Format::Html, &quiet);
    assert!(checked.findings.is_empty() && checked.article.quantities.is_empty());
}

#[test]
fn a_pack_adds_a_language() {
    // With a French lexicon the same article is read: the impossible fall is caught, and the
    // fall "de 10,5 % à 8,2 %, soit une baisse de 2,3 points" holds.
    let (code, out, err) = factlint(&[
        "check",
        "fixtures/fr/exportations.md",
        "--rules",
        "fixtures/rule-packs/french",
        "--format",
        "jsonl",
    ]);
    assert_eq!(code, 1, "{out}{err}");
    assert_eq!(located(&out), vec![("impossible-value".to_string(), 10, 39)]);
}

#[test]
fn german_subjects_after_the_verb_keep_the_change_with_its_figures() {
    // A main clause puts its verb second: "Im Oktober stieg der Umsatz …".
    for (body, expected) in [
        (
            "Im Oktober stieg der Umsatz des Konzerns um 50 Prozent von 100 auf 120 Mio. Euro.",
            &["change-mismatch"][..],
        ),
        ("Im Oktober stieg der Umsatz des Konzerns um 20 Prozent von 100 auf 120 Mio. Euro.", &[]),
        ("Im Vorjahr stieg sie von 300 auf 200.", &["change-direction"]),
        (
            "Damit sank die Zahl der Arbeitslosen von 300 auf 200, ein Minus von 50 Prozent.",
            &["change-mismatch"],
        ),
        ("Damit sank die Zahl der Arbeitslosen von 300 auf 200, ein Minus von 33 Prozent.", &[]),
        // A comma or a word that is no part of a subject ends the search.
        ("Die Preise stiegen, den Umsatz von 300 auf 200 drückte das.", &[]),
        // A change word written as a noun is part of the subject, not its verb.
        ("Im März schwächte sich der Anstieg der Verbraucherpreise von 2,5 auf 2,2 Prozent ab.", &[]),
        ("Im Jahr 2023 sank das Wachstum der Wirtschaft von 3 auf 1 Prozent.", &[]),
        ("Im Jahr 2023 stieg das Wachstum der Wirtschaft von 3 auf 1 Prozent.", &["change-direction"]),
        ("Im Oktober schrumpfte das Plus der Firma von 100 auf 50 Millionen Euro.", &[]),
        ("Im Jahr 2023 stieg das Minus der Stadt von 100 auf 120 Millionen Euro.", &[]),
        ("Damit ist der Anstieg der Verbraucherpreise von 2,9 auf 2,5 Prozent gesunken.", &[]),
        ("Damit stieg der Anteil von 30 auf 20 Prozent.", &["change-direction"]),
        ("Im vergangenen Jahr sank das Wachstum von 3 auf 1 Prozent.", &[]),
        ("Zuletzt stieg der Rückgang von 3 auf 5 Prozent.", &[]),
        // A verb that opens the clause is a verb, capitalised or not.
        ("Steigt der Anteil von 5 auf 3 Prozent, droht ein Verlust.", &["change-direction"]),
        ("Im Oktober stiegen die Exporte in die USA von 300 auf 400.", &[]),
    ] {
        assert_eq!(german_findings(body), expected, "{body}");
    }
}

#[test]
fn german_ordinals_written_with_a_full_stop_are_positions() {
    let read = |body: &str| figures(&german(body)).into_iter().map(|(text, _)| text).collect::<Vec<_>>();
    assert!(read("Am 3. Oktober, im 3. Quartal und vom 5. auf den 2. Platz.").is_empty());
    assert_eq!(read("Am 3. Oktober stieg der Umsatz um 20 Prozent."), vec!["20 Prozent"]);
    // At the end of a sentence the figure is a figure; English has no ordinal full stop.
    assert_eq!(read("Die Quote lag bei 3. Die Zahl stieg."), vec!["3"]);
    let english = factlint::read_as("Section 3. on page 5.\n", factlint::source::Format::Text);
    assert_eq!(english.quantities.len(), 2);
    assert!(
        german_findings("Am 3. Oktober stieg der Umsatz um 50 Prozent von 100 auf 120 Euro.")
            .contains(&"change-mismatch".to_string())
    );
}
