//! Two policies over the same records (#18): diff, compare, sweep — exact against `assess`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use proptest::prelude::*;
use std::path::Path;
use wangge::assessment::{Grade, assess};
use wangge::decimal::Decimal;
use wangge::reform::{ChangeKind, Movement, Section, compare, diff, policy_with, sweep};
use wangge::{Dossier, ErrorKind, Options, Policy, PolicyDocument, sample, strategies};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 12,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn example_policy(name: &str) -> Policy {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../examples/policies/{name}"));
    Policy::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn reform() -> Policy {
    example_policy("xincheng-2022-reform.policy.json")
}

fn d(text: &str) -> Decimal {
    Decimal::parse(text).unwrap()
}

/// The default with only the 优秀 cut-off moved to `cut` (4.1).
fn with_excellent_cut(cut: &str) -> Policy {
    let p = policy_with(
        &Policy::xincheng_2022(),
        "assessment.bands[0].min.value",
        d(cut),
    )
    .unwrap();
    policy_with(&p, "assessment.bands[1].max.value", d(cut)).unwrap()
}

/// The default with the 防疫情 tick serving 2.1.10 retired before 2023 and nothing else.
fn retiring_2_1_10() -> Policy {
    let mut doc: PolicyDocument = Policy::xincheng_2022().document().clone();
    for o in &mut doc.obligations {
        if o.serves.as_deref() == Some("2.1.10") {
            o.effective_to = wangge::Date::parse("2022-12-31").ok();
        }
    }
    Policy::from_document(doc).unwrap()
}

proptest! {
    #![proptest_config(config())]

    /// A policy compared with itself: no mover, identical distributions, every score unchanged.
    #[test]
    fn clause_4_1_a_policy_compared_with_itself_moves_no_one(dossier in strategies::dossier()) {
        let p = Policy::xincheng_2022();
        let c = compare(&p, &p, &dossier, &Options::default()).unwrap();
        prop_assert_eq!((c.up, c.down), (0, 0));
        prop_assert_eq!(c.distribution_a, c.distribution_b);
        for w in &c.workers {
            prop_assert_eq!(w.movement, Movement::Same);
            prop_assert_eq!(w.score_change, Some(Decimal::ZERO));
            prop_assert!(w.reasons.is_empty());
        }
        for community in &c.communities {
            prop_assert_eq!(community.distribution_a, community.distribution_b);
        }
    }

    /// Raising only the 优秀 cut-off from 90 to 92 moves exactly the workers graded 优秀 whose
    /// score lies between the two cut-offs (90 included, 92 not), each down to 称职.
    #[test]
    fn clause_4_1_raising_the_excellent_cut_off_moves_exactly_the_scores_between(dossier in strategies::dossier()) {
        check_cut_off_movers(&dossier);
    }

    /// Retiring the duty of 2.1.10 (the 防疫情 tick) never adds a duty missed: in every
    /// component, no worker has more duties counted or more missed than before.
    #[test]
    fn clause_2_1_10_retiring_the_epidemic_duty_adds_no_missed_duty(dossier in strategies::dossier()) {
        check_no_missed_duty_added(&dossier);
    }

    /// Under a deduction scheme (points-monthly: points off per duty missed) retiring the duty
    /// of 2.1.10 takes no points from anyone.
    #[test]
    fn clause_2_1_10_retiring_the_epidemic_duty_takes_no_points_under_deductions(dossier in strategies::dossier()) {
        let a = example_policy("points-monthly.policy.json");
        let mut doc = a.document().clone();
        for o in &mut doc.obligations {
            if o.clause == "2.1.10" || o.serves.as_deref() == Some("2.1.10") {
                o.effective_to = wangge::Date::parse("2022-12-31").ok();
            }
        }
        let b = Policy::from_document(doc).unwrap();
        let c = compare(&a, &b, &dossier, &Options::default()).unwrap();
        for w in &c.workers {
            prop_assert!(w.score_change.unwrap() >= Decimal::ZERO, "{} loses {:?}", w.person, w.score_change);
            prop_assert!(w.movement != Movement::Down);
        }
    }
}

fn check_no_missed_duty_added(dossier: &Dossier) {
    let a = assess(&Policy::xincheng_2022(), dossier, &Options::default()).unwrap();
    let b = assess(&retiring_2_1_10(), dossier, &Options::default()).unwrap();
    for wb in &b.workers {
        let wa = a.worker(&wb.person).unwrap();
        for (ca, cb) in wa.components.iter().zip(&wb.components) {
            assert!(cb.out_of <= ca.out_of, "{} {}", wb.person, cb.id);
            assert!(
                cb.out_of - cb.earned <= ca.out_of - ca.earned,
                "{} {}",
                wb.person,
                cb.id
            );
        }
        for (aa, ab) in wa.adjustments.iter().zip(&wb.adjustments) {
            assert!(ab.count <= aa.count, "{} {}", wb.person, ab.id);
        }
    }
}

fn check_cut_off_movers(dossier: &Dossier) {
    let a = Policy::xincheng_2022();
    let b = with_excellent_cut("92");
    let c = compare(&a, &b, dossier, &Options::default()).unwrap();
    let under_a = assess(&a, dossier, &Options::default()).unwrap();
    let expected: Vec<&str> = under_a
        .workers
        .iter()
        .filter(|w| w.grade == Grade::Excellent && w.score >= d("90") && w.score < d("92"))
        .map(|w| w.person.as_str())
        .collect();
    let mut movers: Vec<&str> = c
        .workers
        .iter()
        .filter(|w| w.movement != Movement::Same)
        .map(|w| w.person.as_str())
        .collect();
    movers.sort();
    let mut expected = expected;
    expected.sort();
    assert_eq!(movers, expected);
    for w in c.workers.iter().filter(|w| w.movement != Movement::Same) {
        assert_eq!(w.movement, Movement::Down);
        assert_eq!(w.grade_b, Some(Grade::Competent));
        assert_eq!(w.score_change, Some(Decimal::ZERO));
        // The reason that differs: the 5.1 consequences no longer follow.
        assert!(
            w.reasons.iter().any(|r| r.clause == "5.1"),
            "{:?}",
            w.reasons
        );
    }
    assert_eq!(c.down as usize, expected.len());
}

#[test]
fn clause_4_1_raising_the_excellent_cut_off_on_the_sample_moves_w2_and_w5() {
    let dossier = sample::community_2023();
    check_cut_off_movers(&dossier);
    let c = compare(
        &Policy::xincheng_2022(),
        &with_excellent_cut("92"),
        &dossier,
        &Options::default(),
    )
    .unwrap();
    let movers: Vec<&str> = c
        .workers
        .iter()
        .filter(|w| w.movement == Movement::Down)
        .map(|w| w.person.as_str())
        .collect();
    // w2 scores 91 and w5 90.12; w6 (91.06) is already 称职 by the criticism exception (3.4).
    assert_eq!(movers, ["w2", "w5"]);
    // Largest change first: the movers lead the list.
    assert_eq!(c.workers[0].person, "w2");
    assert_eq!(c.workers[1].person, "w5");
}

/// On the sample no one misses a duty more, yet w5 loses points: under Xincheng's scoring
/// the three fives (2.2.2) earn the share met of the duties due, and w5 kept the 防疫情 tick
/// better than the other checks — retiring a duty a worker kept lowers their share. The
/// comparison shows it; a drafter who wants no one to lose points must re-weigh the component.
#[test]
fn clause_2_1_10_retiring_the_epidemic_duty_lowers_only_the_share_of_those_who_kept_it() {
    let dossier = sample::community_2023();
    check_no_missed_duty_added(&dossier);
    let a = assess(&Policy::xincheng_2022(), &dossier, &Options::default()).unwrap();
    let b = assess(&retiring_2_1_10(), &dossier, &Options::default()).unwrap();
    for wb in &b.workers {
        let wa = a.worker(&wb.person).unwrap();
        if wb.score >= wa.score {
            continue;
        }
        // Every point lost is on the three fives, whose share of duties met fell.
        for (ca, cb) in wa.components.iter().zip(&wb.components) {
            if cb.id == "three-fives" {
                assert!(cb.lost > ca.lost, "{}", wb.person);
                assert!(
                    i128::from(cb.earned) * i128::from(ca.out_of)
                        < i128::from(ca.earned) * i128::from(cb.out_of),
                    "{}",
                    wb.person
                );
            } else {
                assert_eq!(cb.points, ca.points, "{} {}", wb.person, cb.id);
            }
        }
    }
    let c = compare(
        &Policy::xincheng_2022(),
        &retiring_2_1_10(),
        &dossier,
        &Options::default(),
    )
    .unwrap();
    let w5 = c.workers.iter().find(|w| w.person == "w5").unwrap();
    assert!(w5.score_change.unwrap() < Decimal::ZERO);
    // 90.12 − 1.16 = 88.96: below 90, w5 moves to 称职, and the reason says why.
    assert_eq!(w5.movement, Movement::Down);
    assert!(
        w5.reasons
            .iter()
            .any(|r| r.id == "three-fives" && r.clause == "2.2.2"),
        "{:?}",
        w5.reasons
    );
}

#[test]
fn a_workers_score_and_grade_under_b_are_those_of_assess_under_b() {
    let dossier = sample::community_2023();
    let (a, b) = (Policy::xincheng_2022(), reform());
    let c = compare(&a, &b, &dossier, &Options::default()).unwrap();
    let under_a = assess(&a, &dossier, &Options::default()).unwrap();
    let under_b = assess(&b, &dossier, &Options::default()).unwrap();
    assert_eq!(c.workers.len(), under_b.workers.len());
    for w in &c.workers {
        let wa = under_a.worker(&w.person).unwrap();
        let wb = under_b.worker(&w.person).unwrap();
        assert_eq!(w.score_a, Some(wa.score));
        assert_eq!(w.score_b, Some(wb.score));
        assert_eq!(w.grade_a, Some(wa.grade));
        assert_eq!(w.grade_b, Some(wb.grade));
        assert_eq!(w.consequences_a, wa.consequences);
        assert_eq!(w.consequences_b, wb.consequences);
    }
    for (cc, r) in c.communities.iter().zip(&under_b.communities) {
        assert_eq!(cc.distribution_b, r.distribution);
    }
}

#[test]
fn clause_2_1_10_the_reform_diff_retires_the_epidemic_duty_and_moves_the_cut_off() {
    let dd = diff(&Policy::xincheng_2022(), &reform());
    assert!(dd.scores_comparable);
    let retired = dd
        .changes
        .iter()
        .find(|c| c.kind == ChangeKind::Retired)
        .unwrap();
    assert_eq!(retired.section, Section::Obligation);
    assert_eq!(retired.id, "epidemic-must-do-daily");
    assert_eq!(retired.clause, "2.2.2");
    assert_eq!(retired.serves.as_deref(), Some("2.1.10"));
    assert_eq!(retired.effective_to, wangge::Date::parse("2022-12-31").ok());
    assert!(retired.text_zh.contains("废止") && retired.text_zh.contains("2.1.10"));
    let bands: Vec<_> = dd
        .changes
        .iter()
        .filter(|c| c.section == Section::Band)
        .collect();
    assert_eq!(bands.len(), 2);
    assert_eq!(bands[0].id, "excellent");
    assert_eq!(bands[0].clause, "4.1");
    assert_eq!(bands[0].fields[0].path, "assessment.bands[0].min.value");
    assert_eq!(bands[0].fields[0].old.as_deref(), Some("\"90\""));
    assert_eq!(bands[0].fields[0].new.as_deref(), Some("\"92\""));
    // Every change cites a clause of the measures.
    for c in &dd.changes {
        assert!(wangge::clause::get(&c.clause).is_some(), "{c:?}");
    }
}

#[test]
fn clause_4_1_a_diff_of_a_policy_with_itself_is_empty() {
    let p = example_policy("points-monthly.policy.json");
    assert!(diff(&p, &p).changes.is_empty());
}

#[test]
fn clause_4_1_policies_of_different_scales_compare_by_grade() {
    let mut doc = Policy::xincheng_2022().document().clone();
    let scheme = doc.assessment.as_mut().unwrap();
    scheme.scale = Decimal::from_int(120);
    scheme.declared_weight_total = Decimal::from_int(120);
    scheme.components[0].weight = Decimal::from_int(50);
    let b = Policy::from_document(doc).unwrap();
    let c = compare(
        &Policy::xincheng_2022(),
        &b,
        &sample::community_2023(),
        &Options::default(),
    )
    .unwrap();
    assert!(!c.scores_comparable);
    assert!(c.note.as_deref().unwrap().contains("得分不可比较"));
    assert!(c.workers.iter().all(|w| w.score_change.is_none()));
    assert!(!diff(&Policy::xincheng_2022(), &b).scores_comparable);
}

#[test]
fn clause_4_1_sweep_at_each_value_equals_a_separate_assess() {
    let dossier = sample::community_2023();
    let p = Policy::xincheng_2022();
    let path = "assessment.adjustments[0].points_each";
    let values = [d("0"), d("2"), d("5"), d("12.5")];
    let s = sweep(&p, path, &values, &dossier, &Options::default()).unwrap();
    assert_eq!(s.base_value, d("2"));
    assert_eq!(s.clause, "3.4");
    assert_eq!(s.steps.len(), values.len());
    let base = assess(&p, &dossier, &Options::default()).unwrap();
    for (step, v) in s.steps.iter().zip(values) {
        let at = assess(
            &policy_with(&p, path, v).unwrap(),
            &dossier,
            &Options::default(),
        )
        .unwrap();
        let mut total = wangge::assessment::Distribution::default();
        for (sc, r) in step.communities.iter().zip(&at.communities) {
            assert_eq!(sc.distribution, r.distribution);
            total.excellent += r.distribution.excellent;
            total.competent += r.distribution.competent;
            total.basically_competent += r.distribution.basically_competent;
            total.incompetent += r.distribution.incompetent;
        }
        assert_eq!(step.distribution, total);
        let movers: Vec<&str> = step.movers.iter().map(|m| m.person.as_str()).collect();
        let expected: Vec<&str> = at
            .workers
            .iter()
            .filter(|w| base.worker(&w.person).unwrap().grade != w.grade)
            .map(|w| w.person.as_str())
            .collect();
        let mut sorted = movers.clone();
        sorted.sort();
        let mut expected = expected;
        expected.sort();
        assert_eq!(sorted, expected, "at {v}");
    }
    // The value as given moves no one.
    assert!(s.steps[1].movers.is_empty());
}

#[test]
fn clause_4_1_sweeping_the_excellent_cut_off_moves_the_sample_in_steps() {
    let dossier = sample::community_2023();
    let p = Policy::xincheng_2022();
    let path = "assessment.bands[0].min.value";
    let s = sweep(
        &p,
        path,
        &[d("90"), d("90.13"), d("91.01"), d("92"), d("98")],
        &dossier,
        &Options::default(),
    )
    .unwrap();
    // The cut-off is one value: the 称职 band's upper bound moves with it.
    assert_eq!(s.linked_paths, ["assessment.bands[1].max.value"]);
    assert_eq!(s.clause, "4.1");
    let movers = |i: usize| -> Vec<&str> {
        s.steps[i]
            .movers
            .iter()
            .map(|m| m.person.as_str())
            .collect()
    };
    assert!(movers(0).is_empty());
    assert_eq!(movers(1), ["w5"]); // 90.12 < 90.13
    assert_eq!(movers(2), ["w2", "w5"]); // 91 < 91.01
    assert_eq!(movers(3), ["w2", "w5"]);
    assert_eq!(movers(4), ["w1", "w2", "w5"]); // 97.26 < 98
    assert_eq!(s.steps[4].distribution.excellent, 0);
}

#[test]
fn clause_4_1_a_sweep_value_the_linter_refuses_is_a_typed_error_quoting_it() {
    let dossier = sample::community_2023();
    // The 优秀 cut-off below the 称职 band's lower bound (75): the bands no longer fit.
    let e = sweep(
        &Policy::xincheng_2022(),
        "assessment.bands[0].min.value",
        &[d("90"), d("70")],
        &dossier,
        &Options::default(),
    )
    .unwrap_err();
    let p = &e.problems()[0];
    assert_eq!(p.kind, ErrorKind::InvalidPolicy);
    assert_eq!(p.path.as_deref(), Some("assessment.bands[0].min.value"));
    assert!(p.message.contains("fails the linter"), "{}", p.message);
    assert!(p.message.contains("assessment.bands"), "{}", p.message);
    // A whole-number value given a fraction.
    let e = sweep(
        &Policy::xincheng_2022(),
        "assessment.exceptions[0].when.at_least",
        &[d("6.5")],
        &dossier,
        &Options::default(),
    )
    .unwrap_err();
    assert!(e.problems()[0].message.contains("whole number"));
}

#[test]
fn a_sweep_path_naming_no_number_is_a_typed_error_at_the_path() {
    let dossier = sample::community_2023();
    let p = Policy::xincheng_2022();
    for path in [
        "assessment.bands[0].grade",
        "assessment.nothing",
        "assessment.bands[9].min.value",
        "",
        "obligations[0]",
    ] {
        let e = sweep(&p, path, &[d("1")], &dossier, &Options::default()).unwrap_err();
        let pr = &e.problems()[0];
        assert_eq!(pr.kind, ErrorKind::InvalidPolicy, "{path}");
        assert_eq!(pr.path.as_deref(), Some(path), "{path}");
        assert!(
            pr.message.contains("names no numeric value"),
            "{}",
            pr.message
        );
    }
    // Too many values: refused before any work.
    let many: Vec<Decimal> = (0..=wangge::limits::MAX_SWEEP_VALUES)
        .map(|i| Decimal::from_int(i32::try_from(i).unwrap()))
        .collect();
    let e = sweep(
        &p,
        "assessment.bands[0].min.value",
        &many,
        &dossier,
        &Options::default(),
    )
    .unwrap_err();
    assert_eq!(e.problems()[0].kind, ErrorKind::TooLarge);
}

#[test]
fn a_bad_dossier_is_refused_by_compare_as_by_assess() {
    let bad = r#"{"period":{"from":"2023-02-30","to":"2023-03-01"},"organisation":{}}"#;
    let c = wangge::api::compare_json(None, None, bad, None);
    let a = wangge::api::assess_json(None, bad, None);
    assert_eq!(c, a);
    let s = wangge::api::sweep_json(None, "assessment.bands[0].min.value", "[\"90\"]", bad, None);
    assert_eq!(s, a);
}

#[test]
fn the_case_inputs_are_the_example_policies() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for name in [
        "xincheng-2022-reform.policy.json",
        "points-monthly.policy.json",
    ] {
        let example = std::fs::read_to_string(root.join("examples/policies").join(name)).unwrap();
        let input = std::fs::read_to_string(root.join("tests/cases/inputs").join(name)).unwrap();
        assert_eq!(
            example, input,
            "copy examples/policies/{name} to tests/cases/inputs/"
        );
    }
}
