//! Tests of the statistics grammar: what is read as a result, a mean, a sample size.

use super::{apa, cues, mean};
use crate::parse::claims::{Claim, Comparison, MeanClaim, StatisticClaim, TestKind};
use crate::span::Span;

fn results(text: &str) -> Vec<apa::Result> {
    apa::results(text, Span::new(0, text.len()))
}

/// (test, df, value as written, comparison, p as written or "ns")
fn one(text: &str) -> (TestKind, Vec<f64>, String, Comparison, String) {
    let found = results(text);
    assert_eq!(found.len(), 1, "in {text:?}: {found:#?}");
    let r = &found[0];
    let p = r.p.value.as_ref().map_or("ns".to_string(), |v| v.text.clone());
    (r.test, r.df.clone(), r.value.text.clone(), r.p.comparison, p)
}

#[test]
fn reads_each_test() {
    assert_eq!(
        one("t(28) = 2.20, p = .03"),
        (TestKind::T, vec![28.0], "2.20".into(), Comparison::Equal, ".03".into())
    );
    assert_eq!(
        one("F(2, 28) = 2.20, p = .15"),
        (TestKind::F, vec![2.0, 28.0], "2.20".into(), Comparison::Equal, ".15".into())
    );
    assert_eq!(one("r(28) = .22, p = .26").2, ".22");
    assert_eq!(one("chi2(28) = 22.20, p = .79").0, TestKind::Chi2);
    assert_eq!(one("χ²(1) = 4.10, p = .04").0, TestKind::Chi2);
    assert_eq!(one("χ2(1, N = 11,455) = 16.78, p <.001").3, Comparison::Less);
    assert_eq!(one("a chi-square(3) = 9.1, p = .03").0, TestKind::Chi2);
    assert_eq!(one(" z = 2.20, p = .04").0, TestKind::Z);
    assert_eq!(one("Z = -2.42, p = 0.016").2, "-2.42");
    assert_eq!(one("Q(28) = 22.20, p = .79").0, TestKind::Q);
    assert_eq!(one("Qbetween(2) = 2.20, p = .03").0, TestKind::Qb);
    assert_eq!(one("Q-within(4) = 2.20, p = .70").0, TestKind::Qw);
    assert_eq!(one("F(l, 76) = 23.95, p <.001").1, vec![1.0, 76.0]);
    assert_eq!(one("t(27.4) = 2.1, p = .04").1, vec![27.4]);
}

#[test]
fn reads_signs_separators_and_ns() {
    assert_eq!(one("t(28) = −2.20, p = .03").2, "-2.20");
    assert_eq!(one("t(28) = –2.20, p = .03").2, "-2.20");
    assert_eq!(one("t(28)=2.20,p=.03").4, ".03");
    assert_eq!(one("t(28) = 2.20; p = .03").4, ".03");
    assert_eq!(one("t(28) = 2.20, ns").3, Comparison::NotSignificant);
    assert_eq!(one("t(28) = 2.20, n.s.").3, Comparison::NotSignificant);
    assert_eq!(one("t(28) = 2.20, P < .05").3, Comparison::Less);
    assert_eq!(one("t(28) < 2.2, p < .02").3, Comparison::Less);
    assert_eq!(one("t(28) = 22.20, p = .000").4, ".000");
}

#[test]
fn refuses_what_statcheck_refuses() {
    for text in [
        "T(28) = 2.20, p = .03",
        "t(2,28) = 2.20, p = .03",
        "t(38) >= 2.25, p = .03",
        "r(16) = 26.05, p = .10",
        "at(28) = 2.20, p = .03",
        "t(28) = 2.20",
        "t(28) = 2,20, p = .03",
        "F(2, 28) = -2.20, p = .03",
        "t(28) = 2.20, p = 1.30",
        "t(28) = 2.20, pp = .03",
    ] {
        assert!(results(text).is_empty(), "{text:?} read as {:#?}", results(text));
    }
}

#[test]
fn results_may_wrap_onto_the_next_line_but_not_across_paragraphs() {
    assert_eq!(one("t(48) = 1.70, p =\n.048").4, ".048");
    assert_eq!(one("F(2, 81) =\n4.56, p = .013").2, "4.56");
    assert!(results("t(48) = 1.70,\n\np = .048").is_empty());
}

#[test]
fn spans_cover_the_statistic_and_the_p() {
    let text = "Men scored higher (t(28) = 2.20, p = .03).";
    let r = &results(text)[0];
    assert_eq!(r.statistic_span.slice(text), "t(28) = 2.20");
    assert_eq!(r.p.span.slice(text), "p = .03");
    assert_eq!(r.span.slice(text), "t(28) = 2.20, p = .03");
}

fn claims(text: &str) -> Vec<Claim> {
    crate::read_text(text).claims
}

fn means(text: &str) -> Vec<MeanClaim> {
    claims(text).into_iter().filter_map(|c| if let Claim::Mean(m) = c { Some(m) } else { None }).collect()
}

fn statistics(text: &str) -> Vec<StatisticClaim> {
    claims(text)
        .into_iter()
        .filter_map(|c| if let Claim::Statistic(s) = c { Some(s) } else { None })
        .collect()
}

#[test]
fn statistics_are_claims_and_see_one_sided_tests() {
    let text = "\nWe used one-tailed tests. The effect held, t(28) = 2.20, p = .018.\n";
    let found = statistics(text);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].one_sided.map(|s| s.slice(text)), Some("one-tailed"));
    let plain = statistics("\nThe effect held, t(28) = 2.20, p = .018, in a non-directional test.\n");
    assert_eq!(plain[0].one_sided, None);
}

#[test]
fn means_with_samples_items_and_cues() {
    let text = "\nParticipants (N = 28) rated the film on a 1–7 scale (M = 5.19, SD = 1.20).\n";
    let m = &means(text)[0];
    assert_eq!(m.value.text, "5.19");
    assert_eq!(m.n.iter().map(|n| n.value).collect::<Vec<_>>(), vec![28]);
    assert_eq!(m.items, Some(1));
    assert_eq!(m.cue.map(|c| c.slice(text)), Some("rated"));

    let text = "\nThe 28 volunteers answered a 3-item scale. Their ratings averaged 5.19.\n";
    let m = &means(text)[0];
    assert_eq!((m.items, m.n[0].value), (Some(3), 28));
    assert_eq!(m.items_span.map(|s| s.slice(text)), Some("3-item"));

    let text = "\nTwenty-eight students rated the lecture 4.35 out of 7, on average.\n";
    let m = &means(text)[0];
    assert_eq!((m.value.text.as_str(), m.n[0].value), ("4.35", 28));
}

#[test]
fn percentages_of_people() {
    let text = "\nOf the 28 patients, 39.3% improved and 10.7% got worse.\n";
    let found = means(text);
    assert_eq!(found.len(), 2);
    assert!(found.iter().all(|m| m.percent && m.n[0].value == 28 && m.cue.is_some()));
    let text = "\nIn all, 54.3% of the 35 respondents said yes.\n";
    assert_eq!(means(text)[0].n[0].value, 35);
    // A qualified share is no exact count.
    assert!(means("\nAbout 54.3% of the 35 respondents said yes.\n").is_empty());
}

#[test]
fn what_rules_grim_out() {
    // Ages and times are not whole numbers per person.
    let m = &means("\nThe 28 participants rated the ads; their mean age was 34.57 years.\n")[0];
    assert_eq!(m.cue, None);
    // Several items of unknown number.
    let m = &means("\nThe 28 participants rated the items of a composite scale (M = 5.19).\n")[0];
    assert_eq!(m.items, None);
    // Sample sizes per group say nothing of a mean's n.
    let m = &means("\nParticipants (n = 14 per condition) rated the film (M = 5.19).\n")[0];
    assert!(m.n.is_empty());
    // A subgroup's mean, with only the whole sample's size in view.
    let m = &means("\nWe recruited 28 participants. Women rated the film higher (M = 5.19).\n")[0];
    assert!(m.n.is_empty());
    // Excluded people are no sample.
    let m = &means("\nFive participants were excluded. Ratings averaged 5.19.\n")[0];
    assert!(m.n.is_empty());
    // Names, indexes, magnitudes and ranges are no means or shares of people.
    assert!(means("\nThe Dow Jones industrial average fell 27.80 points.\n").is_empty());
    assert!(means("\nShares traded topped the daily average of 2.17 billion.\n").is_empty());
    assert!(means("\nCritics gave it an average rating of 6.19/10.\n").is_empty());
    assert!(means("\nDoctors prescribe antibiotics to 70 percent to 80 percent of patients.\n").is_empty());
    // Means inside a test result are not read twice.
    assert!(means("\nThe groups differed, t(28) = 2.20, p = .03.\n").is_empty());
}

/// Texts for the tests of the first passes: the science fixtures, the shapes the readers know
/// and near misses, each also varied at random (a character dropped, a sign or letter put in,
/// a letter's case changed), so that a pass that skipped a sentence it should read would show.
fn varied_texts() -> Vec<String> {
    let mut texts: Vec<String> = [
        include_str!("../../../fixtures/science/news-story.txt"),
        include_str!("../../../fixtures/science/one-sided-results.txt"),
        include_str!("../../../fixtures/science/results-section.txt"),
        "Participants (N = 28) rated the film on a 1–7 scale (M = 5.19, SD = 1.20). Mean: 4.21.",
        "The 28 volunteers answered a 3-item scale. Their ratings AVERAGED 5.19. M :5.24 overall.",
        "Twenty-eight students rated the lecture 4.35 out of 7, on average.",
        "Of the 28 patients, 39.3% improved and 10.7% got worse. OF all 35 girls, 54.3 % said yes.",
        "In all, 54.3% of the 35 respondents said yes; 20 PERCENT OF 40 users and 12 per cent\nof\n\
         the 25 adults agreed, about 54.3% of the 35 respondents did not.",
        "We used one-tailed tests. The effect held, t(28) = 2.20, p = .018, F(2, 28)=2.2; p<.001.",
        "A ONE SIDED test, a 1-tailed one, a uni-directional one and a Directional hypothesis.",
        "The test was one sided: t(28) = 2.20, p = .03.",
        "All tests were 1-Tailed, t(28) = 2.20, p = .03.",
        "A directional test, t(28) = 2.20, p = .03.",
        "Scores were higher, t(28) > 2.2, p > .05.",
        "Scores were lower, z < 1.9, ns.",
        "Some 20 percent of the 40 users agreed. Some 12 per cent\nof 25 adults did.",
        "About 45% OF MEN, 30 percent of the 12 Women and 20 per cent of\u{a0}customers agreed.",
        "Ratings rose by 20% (M: 5.24), and by 5 percent (M\u{a0}= 5.31).",
        "χ²(1, N = 90) = 4.1, ns; r(16) = .26, n.s.; z = 2.20, p = .04; Qb(2) = 2.2, P ≤ .03.",
        "Shares rose 12% to 5.19 on the index > 40, and the mean = 3 of 7 (non-directional).",
    ]
    .iter()
    .map(|t| format!("\n{t}\n"))
    .collect();
    let mut next = splitmix(0x5eed);
    let inserts: Vec<char> = " =<>%:MmpPtFrzχ().,;\n-−0123456789ofOFvV".chars().collect();
    let originals = texts.len();
    for round in 0..240 {
        let mut chars: Vec<char> = texts[round % originals].chars().collect();
        for _ in 0..1 + next(6) {
            let at = next(chars.len());
            match next(3) {
                0 => {
                    chars.remove(at);
                }
                1 => chars.insert(at, inserts[next(inserts.len())]),
                _ => {
                    let c = chars[at];
                    chars[at] =
                        if c.is_ascii_lowercase() { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() };
                }
            }
        }
        texts.push(chars.into_iter().collect());
    }
    texts
}

#[test]
fn first_passes_skip_only_what_holds_nothing() {
    let (mut results_read, mut means_read, mut sided) = (0, 0, 0);
    for text in varied_texts() {
        let article = crate::read_text(&text);
        let text = &article.document.text;
        let one_sided = cues::one_sided_in(text);
        assert_eq!(cues::one_sided(text), one_sided, "in {text:?}");
        sided += usize::from(one_sided.is_some());
        for paragraph in &article.document.paragraphs {
            for &sentence in &paragraph.sentences {
                let all = apa::results_before(text, sentence, sentence.end);
                assert_eq!(apa::results(text, sentence), all, "in {:?}", sentence.slice(text));
                let taken: Vec<Span> = all.iter().map(|r| r.span).collect();
                // The words without which no sentence is read for means, as ever.
                let lower = sentence.slice(text).to_ascii_lowercase();
                let cued = ["mean", "average", "m =", "m=", "%", "percent", "per cent"]
                    .iter()
                    .any(|w| lower.contains(w));
                let every =
                    if cued { mean::read_means(text, paragraph, sentence, &taken) } else { Vec::new() };
                assert_eq!(
                    mean::means(text, paragraph, sentence, &taken),
                    every,
                    "in {:?}",
                    sentence.slice(text)
                );
                results_read += all.len();
                means_read += every.len();
            }
        }
    }
    // The texts exercise every reader.
    assert!(results_read > 100 && means_read > 100 && sided > 20, "{results_read} {means_read} {sided}");
}

/// A number below `n` at each call, from SplitMix64 seeded with `seed`: the same variations
/// every run.
pub(super) fn splitmix(seed: u64) -> impl FnMut(usize) -> usize {
    let mut state = seed;
    move |n: usize| {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) % n as u64) as usize
    }
}
