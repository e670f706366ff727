//! The annual assessment (4.1, 4.2, 5.1, 5.2) and the policy linter.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use proptest::prelude::*;
use serde_json::{Value, json};
use std::collections::BTreeSet;
use wangge::assessment::lint::{LintCode, check_policy};
use wangge::assessment::{Consequence, Grade, RuleKind, assess};
use wangge::decimal::Decimal;
use wangge::{Dossier, ErrorKind, Options, Policy, sample};

fn repo(rel: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn default_doc() -> Value {
    serde_json::from_str(&Policy::xincheng_2022().to_json()).unwrap()
}

fn policy(doc: &Value) -> Policy {
    Policy::from_json(&doc.to_string()).unwrap()
}

/// A scheme whose only component is a constant of `points`: every worker scores exactly that.
fn constant_scheme(points: &str) -> Value {
    let mut doc = default_doc();
    let a = &mut doc["assessment"];
    a["declared_weight_total"] = json!(points);
    a["components"] = json!([{ "id": "base", "clause": "4.1", "title_zh": "基础分", "title_en": "base",
        "weight": points, "measure": { "kind": "constant" } }]);
    a["exceptions"] = json!([]);
    doc
}

/// Two workers, one working day, one of them with a work record.
fn tiny_dossier() -> Value {
    json!({
        "period": { "from": "2023-04-18", "to": "2023-04-18" },
        "organisation": {
            "subdistrict": { "id": "xc", "name": "新城街道" },
            "communities": [{ "id": "c1", "name": "社区", "party_secretary": "l1",
                              "grids": [{ "id": "g1", "name": "一网格" }] }],
            "people": [
                { "id": "l1", "name": "书记", "community": "c1", "role": "grid_leader" },
                { "id": "w1", "name": "甲", "community": "c1", "role": "grid_worker" },
                { "id": "w2", "name": "乙", "community": "c1", "role": "grid_worker" }
            ],
            "assignments": [
                { "person": "w1", "grid": "g1", "from": "2023-01-01" },
                { "person": "w2", "grid": "g1", "from": "2023-01-01" }
            ]
        },
        "records": { "work_records": [
            { "id": "wr", "person": "w1", "date": "2023-04-18", "grid": "g1",
              "patrols": [{ "start": "08:00", "end": "10:00" }] }
        ] }
    })
}

/// The tiny dossier over the whole calendar year 2023: the period of 5.2's one-vote veto.
fn tiny_year() -> Value {
    let mut v = tiny_dossier();
    v["period"] = json!({ "from": "2023-01-01", "to": "2023-12-31" });
    v
}

fn dossier(v: &Value) -> Dossier {
    Dossier::from_json(&v.to_string()).unwrap()
}

#[test]
fn clause_4_1_a_score_of_exactly_90_is_excellent_and_89_99_is_not() {
    let d = dossier(&tiny_dossier());
    let a = assess(&policy(&constant_scheme("90")), &d, &Options::default()).unwrap();
    assert_eq!(a.worker("w1").unwrap().score, Decimal::from_int(90));
    assert_eq!(a.worker("w1").unwrap().grade, Grade::Excellent);
    let a = assess(&policy(&constant_scheme("89.99")), &d, &Options::default()).unwrap();
    assert_eq!(a.worker("w1").unwrap().grade, Grade::Competent);
    assert_eq!(a.worker("w1").unwrap().score.to_string(), "89.99");
    let gap = a.worker("w1").unwrap().margin.to_better.clone().unwrap();
    assert_eq!(
        (gap.grade, gap.points.to_string()),
        (Grade::Excellent, "0.01".to_owned())
    );
}

#[test]
fn clause_4_1_three_tenths_of_thirty_points_add_up_exactly() {
    // 0.1 + 0.2 = 0.3 in binary floats is 0.30000000000000004; the scheme must not care.
    let mut doc = constant_scheme("89.9");
    doc["assessment"]["adjustments"] = json!([
        { "id": "a", "clause": "2.2.2", "title_zh": "甲", "title_en": "a", "direction": "bonus",
          "fact": "presence-daily.met", "points_each": "0.1" },
        { "id": "b", "clause": "2.2.2", "title_zh": "乙", "title_en": "b", "direction": "bonus",
          "fact": "patrol-minutes-daily.met", "points_each": "0" }
    ]);
    let a = assess(
        &policy(&doc),
        &dossier(&tiny_dossier()),
        &Options::default(),
    )
    .unwrap();
    assert_eq!(a.worker("w1").unwrap().score.to_string(), "90");
    assert_eq!(a.worker("w1").unwrap().grade, Grade::Excellent);
}

#[test]
fn clause_5_1_excellent_brings_priority_and_5_2_incompetent_loses_every_award() {
    let a = assess(
        &Policy::xincheng_2022(),
        &sample::community_2023(),
        &Options::default(),
    )
    .unwrap();
    for w in &a.workers {
        match w.grade {
            Grade::Excellent => {
                assert_eq!(
                    w.consequences,
                    [
                        Consequence::PriorityForAwards,
                        Consequence::PriorityTwoCommitteeCandidate
                    ]
                );
                assert!(w.rules.iter().any(|r| r.clause == "5.1"));
            }
            Grade::Incompetent => {
                assert_eq!(w.consequences, [Consequence::NoAwardEligibility]);
                assert!(!w.award_eligible);
                assert!(w.rules.iter().any(|r| r.clause == "5.2"));
            }
            _ => assert!(w.award_eligible && w.consequences.is_empty()),
        }
    }
}

#[test]
fn clause_4_1_sample_community_is_graded_with_reasons_and_at_least_three_grades() {
    let a = assess(
        &Policy::xincheng_2022(),
        &sample::community_2023(),
        &Options::default(),
    )
    .unwrap();
    let grades: BTreeSet<Grade> = a.workers.iter().map(|w| w.grade).collect();
    assert!(grades.len() >= 3, "{grades:?}");
    let w4 = a.worker("w4").unwrap();
    // The careless worker's largest shortfall is the daily patrol of 2.2.2.
    assert_eq!(w4.margin.largest_shortfall.as_deref(), Some("patrol"));
    assert!(w4.margin.text.contains("2.2.2"), "{}", w4.margin.text);
    // The exception on missing work records fired and cites 2.2.6.
    assert!(
        w4.rules
            .iter()
            .any(|r| r.kind == RuleKind::Exception && r.clause == "2.2.6")
    );
    // Components less deductions add up to the score, kept within 0 and 100.
    for w in &a.workers {
        let sum = w
            .components
            .iter()
            .fold(Decimal::ZERO, |s, c| s.plus(c.points));
        let adjusted = w.adjustments.iter().fold(sum, |s, x| match x.direction {
            wangge::assessment::Direction::Bonus => s.plus(x.points),
            wangge::assessment::Direction::Deduction => s.minus(x.points),
        });
        let expected = adjusted
            .max(Decimal::ZERO)
            .min(Decimal::from_int(100))
            .round(2);
        assert_eq!(expected, w.score, "{}", w.person);
    }
    // The sample's notices of criticism (3.4) are deducted and bar 优秀.
    let criticised: Vec<_> = a
        .workers
        .iter()
        .filter(|w| w.adjustments.iter().any(|x| x.clause == "3.4"))
        .collect();
    assert!(!criticised.is_empty());
    assert!(criticised.iter().all(|w| w.grade != Grade::Excellent));
}

#[test]
fn clause_4_2_community_roll_up_counts_every_worker() {
    let a = assess(
        &Policy::xincheng_2022(),
        &sample::community_2023(),
        &Options::default(),
    )
    .unwrap();
    let c = &a.communities[0];
    let total: u32 = Grade::ALL.iter().map(|g| c.distribution.of(*g)).sum();
    assert_eq!(total, c.workers);
    assert_eq!(c.workers as usize, a.workers.len());
    let mean = a
        .workers
        .iter()
        .fold(Decimal::ZERO, |s, w| s.plus(w.score))
        .mul_ratio(1, a.workers.len() as i64)
        .round(2);
    assert_eq!(c.mean_score, Some(mean));
    // The community's own duties (2.2.3 meetings, 3.5 group study) are part of the roll-up.
    assert!(
        c.own_duties_by_obligation
            .iter()
            .any(|o| o.obligation == "weekly-meeting")
    );
    assert!(c.own_duties.missed >= 1);
    // 3.3: the sample community took attendance every month of 2023.
    assert_eq!(c.monthly_attendance_reports, 12);
}

#[test]
fn clause_4_2_the_secretarys_2_1_0_and_3_5_duties_are_in_the_roll_up_and_cost_no_worker() {
    // One month: no dispatch meeting, no notebook review, no group study.
    let mut d = tiny_dossier();
    d["period"] = json!({ "from": "2023-04-01", "to": "2023-04-30" });
    let bare = assess(&Policy::xincheng_2022(), &dossier(&d), &Options::default()).unwrap();
    let c = &bare.communities[0];
    let totals = |id: &str| {
        c.own_duties_by_obligation
            .iter()
            .find(|o| o.obligation == id)
            .unwrap_or_else(|| panic!("{id} is not in the roll-up"))
            .clone()
    };
    let dispatch = totals("dispatch-meeting-monthly");
    assert_eq!(
        (dispatch.clause.as_str(), dispatch.totals.missed),
        ("2.1.0", 1)
    );
    let review = totals("notebook-review-monthly");
    assert_eq!((review.clause.as_str(), review.totals.missed), ("3.5", 1));
    assert_eq!(totals("group-study-weekly").totals.met, 0);
    let own: u32 = c
        .own_duties_by_obligation
        .iter()
        .map(|o| o.totals.missed)
        .sum();
    assert_eq!(c.own_duties.missed, own);

    // The secretary convenes, reviews both notebooks, and the community holds every study:
    // the roll-up turns met, and no worker's score moves for the secretary's duties.
    let records = d["records"].as_object_mut().unwrap();
    records.insert(
        "meetings".into(),
        json!([{ "id": "dm", "kind": "dispatch", "community": "c1", "date": "2023-04-06", "chair": "l1" }]),
    );
    records.insert(
        "notebook_reviews".into(),
        json!([
            { "id": "nr1", "person": "w1", "reviewer": "l1", "date": "2023-04-28", "comment": "认真" },
            { "id": "nr2", "person": "w2", "reviewer": "l1", "date": "2023-04-28", "comment": "认真" }
        ]),
    );
    let kept = assess(&Policy::xincheng_2022(), &dossier(&d), &Options::default()).unwrap();
    let c = &kept.communities[0];
    for id in ["dispatch-meeting-monthly", "notebook-review-monthly"] {
        let o = c
            .own_duties_by_obligation
            .iter()
            .find(|o| o.obligation == id)
            .unwrap();
        assert_eq!((o.totals.met, o.totals.missed), (1, 0), "{id}");
    }
    for (a, b) in bare.workers.iter().zip(&kept.workers) {
        assert_eq!((a.score, a.grade), (b.score, b.grade), "{}", a.person);
    }
    // With no group study held, attendance is excused: the study component counts only the
    // self-study weeks.
    let study = bare.workers[0]
        .components
        .iter()
        .find(|c| c.id == "study")
        .unwrap();
    assert_eq!((study.earned, study.out_of), (0, 4));
}

#[test]
fn clause_5_2_a_veto_exception_gives_incompetent_and_no_eligibility() {
    let mut doc = constant_scheme("100");
    doc["assessment"]["exceptions"] = json!([{ "id": "veto", "clause": "5.2", "title_zh": "一票否决",
        "title_en": "veto", "when": { "fact": "work-record-daily.missed", "at_least": 1 },
        "then": { "kind": "exactly", "grade": "incompetent" } }]);
    let a = assess(&policy(&doc), &dossier(&tiny_year()), &Options::default()).unwrap();
    let w2 = a.worker("w2").unwrap();
    assert_eq!(
        (w2.score_grade, w2.grade),
        (Grade::Excellent, Grade::Incompetent)
    );
    assert!(!w2.award_eligible);
    let veto = w2
        .rules
        .iter()
        .find(|r| r.kind == wangge::assessment::RuleKind::Consequence)
        .unwrap();
    assert_eq!(veto.text, "5.2 一票否决，取消年度一切评先资格");
}

#[test]
fn clause_5_2_the_veto_takes_the_year_s_eligibility_only_on_an_annual_result() {
    // The same veto on a one-day period: the grade is 不称职, but the one-vote veto of 5.2
    // (取消年度一切评先资格) is the year's — a shorter period says it applies to the year.
    let mut doc = constant_scheme("100");
    doc["assessment"]["exceptions"] = json!([{ "id": "veto", "clause": "5.2", "title_zh": "一票否决",
        "title_en": "veto", "when": { "fact": "work-record-daily.missed", "at_least": 1 },
        "then": { "kind": "exactly", "grade": "incompetent" } }]);
    let a = assess(
        &policy(&doc),
        &dossier(&tiny_dossier()),
        &Options::default(),
    )
    .unwrap();
    let w2 = a.worker("w2").unwrap();
    assert_eq!(w2.grade, Grade::Incompetent);
    assert!(w2.award_eligible);
    let veto = w2
        .rules
        .iter()
        .find(|r| r.kind == wangge::assessment::RuleKind::Consequence)
        .unwrap();
    assert!(
        veto.text.starts_with("5.2 适用于年度考核结果"),
        "{}",
        veto.text
    );
    assert!(veto.text.contains("本期非全年"), "{}", veto.text);
    assert_eq!(a.worker("w1").unwrap().grade, Grade::Excellent);
}

#[test]
fn a_local_exception_says_it_is_a_local_choice_and_names_its_policy_value() {
    // The measures give no exception to the grade: an exception is 本地规定 unless its
    // basis says `measures`, and its reason names the value behind it.
    let mut doc = constant_scheme("100");
    doc["assessment"]["exceptions"] = json!([
        { "id": "no-record", "clause": "2.2.6", "title_zh": "未填写工作记录",
          "title_en": "no work record", "when": { "fact": "work-record-daily.missed", "at_least": 1 },
          "then": { "kind": "at_most", "grade": "competent" } }]);
    let a = assess(
        &policy(&doc),
        &dossier(&tiny_dossier()),
        &Options::default(),
    )
    .unwrap();
    let r = &a.worker("w2").unwrap().rules[0];
    assert_eq!(
        r.local_choice.as_deref(),
        Some("assessment.exceptions.no-record")
    );
    assert_eq!(
        r.text,
        "2.2.6 未填写工作记录（每日填写网格员工作记录表未达标1次）：最高为称职（本地规定：assessment.exceptions.no-record）"
    );
    doc["assessment"]["exceptions"][0]["basis"] = json!("measures");
    let a = assess(
        &policy(&doc),
        &dossier(&tiny_dossier()),
        &Options::default(),
    )
    .unwrap();
    let r = &a.worker("w2").unwrap().rules[0];
    assert_eq!(r.local_choice, None);
    assert!(!r.text.contains("本地规定"), "{}", r.text);
}

#[test]
fn clause_4_1_conflicting_exceptions_without_priority_are_an_error() {
    let mut doc = constant_scheme("80");
    let both = |id: &str, grade: &str, priority: Option<i32>| {
        let mut e = json!({ "id": id, "clause": "4.1", "title_zh": id, "title_en": id,
            "when": { "fact": "work-record-daily.missed", "at_least": 1 },
            "then": { "kind": "exactly", "grade": grade } });
        if let Some(p) = priority {
            e["priority"] = json!(p);
        }
        e
    };
    doc["assessment"]["exceptions"] =
        json!([both("a", "excellent", None), both("b", "incompetent", None)]);
    let err = assess(
        &policy(&doc),
        &dossier(&tiny_dossier()),
        &Options::default(),
    )
    .unwrap_err();
    assert_eq!(err.kind(), Some(ErrorKind::InvalidPolicy));
    assert!(err.to_string().contains("`a` and `b`"), "{err}");
    assert_eq!(err.problems()[0].record.as_deref(), Some("w2"));

    doc["assessment"]["exceptions"] = json!([
        both("a", "excellent", Some(1)),
        both("b", "incompetent", Some(2))
    ]);
    let a = assess(
        &policy(&doc),
        &dossier(&tiny_dossier()),
        &Options::default(),
    )
    .unwrap();
    let w2 = a.worker("w2").unwrap();
    assert_eq!(w2.grade, Grade::Incompetent);
    let loser = w2.rules.iter().find(|r| r.id == "a").unwrap();
    assert_eq!(loser.overridden_by.as_deref(), Some("b"));
}

#[test]
fn clause_4_1_quota_moves_the_lowest_excellent_down_and_says_so() {
    let mut doc = default_doc();
    doc["assessment"]["quota"] = json!({ "scope": "community", "max_share": "0.2",
        "note": "test: a fifth at most" });
    let a = assess(
        &policy(&doc),
        &sample::community_2023(),
        &Options::default(),
    )
    .unwrap();
    let excellent: Vec<_> = a
        .workers
        .iter()
        .filter(|w| w.grade == Grade::Excellent)
        .collect();
    // 6 workers × 0.2 = 1.2, rounded down: one 优秀.
    assert_eq!(excellent.len(), 1);
    let moved: Vec<_> = a
        .workers
        .iter()
        .filter(|w| w.rules.iter().any(|r| r.kind == RuleKind::Quota))
        .collect();
    assert!(!moved.is_empty());
    for m in &moved {
        assert_eq!(
            (m.score_grade, m.grade),
            (Grade::Excellent, Grade::Competent)
        );
        // Every worker kept excellent scored at least as much as every one moved down.
        assert!(excellent.iter().all(|e| e.score >= m.score));
        assert!(m.consequences.is_empty());
    }
}

#[test]
fn clause_4_1_linter_finds_every_defect_seeded_in_the_broken_fixture() {
    let broken = Policy::from_json(&repo("tests/fixtures/broken-scheme.policy.json")).unwrap();
    let report = check_policy(&broken);
    assert!(!report.ok);
    let codes: BTreeSet<LintCode> = report.findings.iter().map(|f| f.code).collect();
    for want in [
        LintCode::BandGap,
        LintCode::BandOverlap,
        LintCode::WeightsTotal,
        LintCode::UnreachableGrade,
        LintCode::ExceptionNeverFires,
        LintCode::ExceptionConflict,
        LintCode::NonMonotonic,
    ] {
        assert!(
            codes.contains(&want),
            "missing {want:?} in {:#?}",
            report.findings
        );
    }
    let gap = report
        .findings
        .iter()
        .find(|f| f.code == LintCode::BandGap && f.message.contains("60"))
        .unwrap();
    assert_eq!(
        gap.message,
        "no grade band holds scores from 60 (inclusive) to 70 (exclusive)"
    );
}

#[test]
fn the_default_and_the_points_policy_lint_clean() {
    assert!(check_policy(&Policy::xincheng_2022()).findings.is_empty());
    let points = Policy::from_json(&repo("examples/policies/points-monthly.policy.json")).unwrap();
    let report = check_policy(&points);
    assert!(report.findings.is_empty(), "{:#?}", report.findings);
}

#[test]
fn clause_4_1_the_points_based_monthly_policy_grades_the_sample_with_no_code_change() {
    let points = Policy::from_json(&repo("examples/policies/points-monthly.policy.json")).unwrap();
    let a = assess(&points, &sample::community_2023(), &Options::default()).unwrap();
    assert_eq!(a.workers.len(), 6);
    let w6 = a.worker("w6").unwrap();
    // w6 joined on 2023-03-15: January and February had nothing due and are left out.
    assert_eq!(w6.parts.len(), 12);
    assert!(w6.parts[0].score.is_none() && w6.parts[1].score.is_none());
    assert!(w6.parts[2].score.is_some());
    // The year's score is the mean of the months scored.
    let scored: Vec<Decimal> = w6.parts.iter().filter_map(|p| p.score).collect();
    let mean = scored
        .iter()
        .fold(Decimal::ZERO, |s, x| s.plus(*x))
        .mul_ratio(1, scored.len() as i64)
        .round(1);
    assert_eq!(w6.score, mean);
    let w4 = a.worker("w4").unwrap();
    assert!(
        w4.adjustments
            .iter()
            .any(|x| x.id == "short-patrol" && x.clause == "2.2.2")
    );
    assert!(w4.score < a.worker("w1").unwrap().score);
}

#[test]
fn a_policy_without_a_scheme_cannot_grade() {
    let mut doc = default_doc();
    doc.as_object_mut().unwrap().remove("assessment");
    let err = assess(
        &policy(&doc),
        &dossier(&tiny_dossier()),
        &Options::default(),
    )
    .unwrap_err();
    assert_eq!(err.problems()[0].path.as_deref(), Some("assessment"));
}

fn shuffled(mut v: Value, seed: u64) -> Value {
    let records = v["records"].as_object_mut().unwrap();
    for list in records.values_mut() {
        let items = list.as_array_mut().unwrap();
        let n = items.len();
        for i in (1..n).rev() {
            let j = (seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add((i as u64).wrapping_mul(1442695040888963407))
                >> 33) as usize
                % (i + 1);
            items.swap(i, j);
        }
    }
    v
}

fn sample_month_value() -> Value {
    static MONTH: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    MONTH.get_or_init(sample_month).clone()
}

fn sample_month() -> Value {
    let mut v: Value = serde_json::from_str(&sample::community_2023().to_json()).unwrap();
    v["period"] = json!({ "from": "2023-05-01", "to": "2023-05-31" });
    let records = v["records"].as_object_mut().unwrap();
    for list in records.values_mut() {
        let items = list.as_array_mut().unwrap();
        items.retain(|r| {
            let date = r
                .get("date")
                .or_else(|| r.get("from"))
                .and_then(Value::as_str)
                .unwrap_or("");
            date.starts_with("2023-05")
        });
    }
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// 4.1: a higher score never gives a lower grade.
    #[test]
    fn a_higher_score_never_gives_a_lower_grade(a in 0i64..=1_000_000, b in 0i64..=1_000_000) {
        let scheme = Policy::xincheng_2022().document().assessment.clone().unwrap();
        let (lo, hi) = (a.min(b), a.max(b));
        let g_lo = scheme.grade_for(Decimal::from_units(lo)).unwrap();
        let g_hi = scheme.grade_for(Decimal::from_units(hi)).unwrap();
        prop_assert!(g_hi.at_least_as_good_as(g_lo));
    }

    /// 5.2: a veto always gives 不称职 and no award eligibility, whatever the score.
    #[test]
    fn a_veto_always_gives_incompetent_and_no_eligibility(points in 0i64..=100) {
        let mut doc = constant_scheme(&points.to_string());
        doc["assessment"]["exceptions"] = json!([{ "id": "veto", "clause": "5.2", "title_zh": "否决",
            "title_en": "veto", "when": { "fact": "work-record-daily.missed", "at_least": 1 },
            "then": { "kind": "exactly", "grade": "incompetent" } }]);
        let a = assess(&policy(&doc), &dossier(&tiny_year()), &Options::default()).unwrap();
        let w2 = a.worker("w2").unwrap();
        prop_assert_eq!(w2.grade, Grade::Incompetent);
        prop_assert!(!w2.award_eligible);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(8))]

    /// The order of records never changes a result.
    #[test]
    fn the_order_of_records_never_changes_a_result(seed in any::<u64>()) {
        let base = sample_month_value();
        let a = assess(&Policy::xincheng_2022(), &dossier(&base), &Options::default()).unwrap();
        let b = assess(&Policy::xincheng_2022(), &dossier(&shuffled(base, seed)), &Options::default()).unwrap();
        prop_assert_eq!(wangge::to_json(&a), wangge::to_json(&b));
    }

    /// Adding compliant evidence (a full day's work where there was none) never lowers a score.
    #[test]
    fn adding_compliant_evidence_never_lowers_a_score(pick in any::<prop::sample::Index>()) {
        // Take one day's record out: that day becomes one without evidence. Then add a fully
        // compliant record for that day back, and compare.
        let mut base = sample_month_value();
        let records = base["records"]["work_records"].as_array_mut().unwrap();
        let removed = records.remove(pick.index(records.len()));
        let person = removed["person"].as_str().unwrap().to_owned();
        let mut better = base.clone();
        better["records"]["work_records"].as_array_mut().unwrap().push(json!({
            "id": "added", "person": person, "date": removed["date"], "grid": removed["grid"],
            "patrols": [{ "start": "08:00", "end": "10:30" }],
            "must_checks": ["environment_sanitation", "infrastructure", "safety_hazards", "public_areas", "suspicious_persons"],
            "must_dos": ["know_the_numbers", "gather_sentiment", "watch_opinion", "prevent_epidemics", "meet_needs"],
            "visits": [{ "group": "people_in_difficulty" }]
        }));
        let policy = Policy::xincheng_2022();
        let before = assess(&policy, &dossier(&base), &Options::default()).unwrap();
        let after = assess(&policy, &dossier(&better), &Options::default()).unwrap();
        let s0 = before.worker(&person).map(|w| w.score);
        let s1 = after.worker(&person).map(|w| w.score);
        prop_assert!(s1 >= s0, "{:?} -> {:?}", s0, s1);
    }
}

#[test]
fn the_same_input_gives_byte_identical_assessments() {
    let d = sample::community_2023();
    let a = wangge::to_json(&assess(&Policy::xincheng_2022(), &d, &Options::default()).unwrap());
    let b = wangge::to_json(&assess(&Policy::xincheng_2022(), &d, &Options::default()).unwrap());
    assert_eq!(a, b);
}

// ---- 迟到, 早退 and 无故缺勤 (3.3, 3.4, 3.6.1, 4.2) -------------------------------------------
// The dossier and policies are the shared ones of tests/cases/make-attendance-cases.py: every
// policy scores a constant 100 so that only attendance moves a score.

fn late_early_assess(policy_file: &str, lang: wangge::Lang) -> wangge::assessment::Assessment {
    let p = Policy::from_json(&repo(&format!("tests/cases/inputs/{policy_file}"))).unwrap();
    let d = Dossier::from_json(&repo(
        "tests/cases/inputs/attendance-late-early.dossier.json",
    ))
    .unwrap();
    assess(
        &p,
        &d,
        &Options {
            lang,
            ..Options::default()
        },
    )
    .unwrap()
}

fn texts(a: &wangge::assessment::Assessment, person: &str) -> Vec<String> {
    a.worker(person)
        .unwrap()
        .rules
        .iter()
        .map(|r| r.text.clone())
        .collect()
}

#[test]
fn clause_3_6_1_late_29_30_31_minutes_is_lateness_without_a_local_rule() {
    let a = late_early_assess("attendance-constant.policy.json", wangge::Lang::Zh);
    // wa: 29, 30 and 31 minutes late: three late arrivals at 0.5 each, no absence.
    let wa = a.worker("wa").unwrap();
    assert_eq!(wa.score, Decimal::parse("98.5").unwrap());
    assert_eq!(
        texts(&a, "wa")[0],
        "3.6.1 迟到、早退：3次，扣1.5分（本地规定：assessment.adjustments.late-or-early）"
    );
    // No reason line says 无故缺勤 or 旷工 of someone who was only late or left early.
    for p in ["wa", "wb", "wc", "wd"] {
        for t in texts(&a, p) {
            assert!(!t.contains("无故缺勤") && !t.contains("旷工"), "{p}: {t}");
        }
    }
}

#[test]
fn clause_3_3_late_30_and_31_minutes_count_as_absence_only_under_a_local_rule_29_does_not() {
    let a = late_early_assess("attendance-local-rule.policy.json", wangge::Lang::Zh);
    let wa = a.worker("wa").unwrap();
    // 29: late (0.5); 30 and 31: half a day each by the local rule (1 each).
    assert_eq!(wa.score, Decimal::parse("97.5").unwrap());
    let t = texts(&a, "wa");
    assert_eq!(
        t[0],
        "3.3 迟到、早退按本地规定计旷工（每半天）：2次，扣2分（本地规定：assessment.adjustments.late-as-absence）（2023-03-07 迟到30分钟，按本地规定计旷工半天；2023-03-08 迟到31分钟，按本地规定计旷工半天）"
    );
    assert_eq!(
        t[1],
        "3.6.1 迟到、早退：1次，扣0.5分（本地规定：assessment.adjustments.late-or-early）"
    );
    assert!(t.iter().all(|x| !x.contains("无故缺勤")), "{t:?}");
    let en = late_early_assess("attendance-local-rule.policy.json", wangge::Lang::En);
    assert!(
        texts(&en, "wa")[0]
            .contains("2023-03-08 31 minutes late, counted as half a day of absence by local rule")
    );
}

#[test]
fn clause_3_6_1_ten_early_leaves_cost_what_ten_late_arrivals_cost_and_nine_cost_less() {
    let a = late_early_assess("attendance-constant.policy.json", wangge::Lang::Zh);
    let score = |p: &str| a.worker(p).unwrap().score;
    assert_eq!(score("wb"), Decimal::parse("95.5").unwrap()); // 9 early leaves
    assert_eq!(score("wc"), Decimal::parse("95").unwrap()); // 10 early leaves
    assert_eq!(score("wd"), Decimal::parse("95").unwrap()); // 10 late arrivals
    assert_eq!(
        texts(&a, "wc")[0],
        "3.6.1 迟到、早退：10次，扣5分（本地规定：assessment.adjustments.late-or-early）"
    );
}

#[test]
fn clause_3_3_a_session_with_no_clock_in_is_absence_without_reason() {
    let a = late_early_assess("attendance-constant.policy.json", wangge::Lang::Zh);
    // wf: no clock event on 6 March (2 half-days), no afternoon on 7 March (1).
    assert_eq!(
        texts(&a, "wf")[0],
        "3.3 无故缺勤（旷工，每半天；无打卡且无请假的时段）：3次，扣3分（本地规定：assessment.adjustments.absence-without-reason）"
    );
}

#[test]
fn clause_3_4_a_contradicted_notice_counts_by_default_and_its_line_says_so() {
    let a = late_early_assess("attendance-constant.policy.json", wangge::Lang::Zh);
    let we = a.worker("we").unwrap();
    assert_eq!(we.score, Decimal::parse("98").unwrap());
    assert_eq!(we.grade, Grade::Competent);
    let t = texts(&a, "we");
    assert!(t.len() >= 2);
    for line in &t[..2] {
        assert!(line.contains("与打卡记录不符，待核实"), "{line}");
    }
    let en = late_early_assess("attendance-constant.policy.json", wangge::Lang::En);
    assert!(texts(&en, "we")[0].contains("contradicted by the clock records, to be verified"));
}

#[test]
fn clause_3_4_a_contradicted_notice_does_not_count_when_the_policy_says_so() {
    let a = late_early_assess(
        "attendance-notice-not-counted.policy.json",
        wangge::Lang::Zh,
    );
    let we = a.worker("we").unwrap();
    assert_eq!(we.score, Decimal::parse("100").unwrap());
    assert_eq!(we.grade, Grade::Excellent);
    assert!(we.rules.iter().all(|r| r.clause != "3.4"));
}

#[test]
fn clause_4_2_a_month_without_clock_data_is_not_collected_not_reported() {
    let a = late_early_assess("attendance-constant.policy.json", wangge::Lang::Zh);
    let c = &a.communities[0];
    // March has clock records, April none.
    assert_eq!(c.monthly_attendance_reports, 1);
    assert_eq!(c.attendance_not_collected, ["2023-04"]);
}

#[test]
fn clause_4_1_no_problem_found_earns_none_of_the_problem_points_and_says_why() {
    // w1 found nothing; then w1 found one problem and solved it on the spot.
    let none = dossier(&tiny_dossier());
    let mut one = tiny_dossier();
    one["records"]["problems"] = json!([{ "id": "pb", "person": "w1", "grid": "g1",
        "date": "2023-04-18", "found_at": "09:00", "category": "dispute", "text": "邻里纠纷",
        "steps": [{ "step": "solved_on_spot", "date": "2023-04-18", "time": "09:30",
                    "actor": "w1" }] }]);
    let one = dossier(&one);
    let p = Policy::xincheng_2022();
    for (lang, words) in [(None, "本期未发现问题"), (Some("en"), "no problem found")] {
        let mut options = Options::default();
        if let Some(l) = lang {
            options = serde_json::from_value(json!({ "lang": l })).unwrap();
        }
        let a = assess(&p, &none, &options).unwrap();
        let w = a.worker("w1").unwrap();
        let c = w
            .components
            .iter()
            .find(|c| c.id == "problems-solved")
            .unwrap();
        assert_eq!((c.points, c.earned, c.out_of), (Decimal::ZERO, 0, 0));
        let line = w.rules.iter().find(|r| r.id == "problems-solved").unwrap();
        assert_eq!(line.clause, "4.1");
        assert!(line.text.contains(words), "{}", line.text);
        assert!(line.text.contains("when_nothing_due"), "{}", line.text);
        let b = assess(&p, &one, &options).unwrap();
        let wb = b.worker("w1").unwrap();
        let cb = wb
            .components
            .iter()
            .find(|c| c.id == "problems-solved")
            .unwrap();
        assert_eq!(
            (cb.points, cb.earned, cb.out_of),
            (Decimal::from_int(20), 1, 1)
        );
        assert!(wb.rules.iter().all(|r| r.id != "problems-solved"));
        assert!(
            wb.score > w.score,
            "finding and solving beats finding nothing"
        );
    }
    // The value is the policy's, with its note.
    let doc = default_doc();
    let c = &doc["assessment"]["components"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "problems-solved")
        .unwrap()
        .clone();
    assert_eq!(c["measure"]["when_nothing_due"], "0");
    assert!(c["note"].as_str().unwrap().starts_with("local choice"));
}

#[test]
fn clause_2_1_4_and_2_1_7_late_reports_are_two_deductions_each_citing_its_clause() {
    let mut v = tiny_dossier();
    // A fire hazard reported 31 minutes after finding (2.1.4), a wage-arrears risk 1441 minutes
    // after (2.1.8): each costs its own deduction.
    v["records"]["problems"] = json!([
        { "id": "fire", "person": "w1", "grid": "g1", "date": "2023-04-18", "found_at": "09:00",
          "category": "fire_safety", "text": "楼道堆物",
          "reports": [{ "channel": "community", "date": "2023-04-18", "time": "09:31" },
                      { "channel": "grid_group", "date": "2023-04-18", "time": "09:31" }] },
        { "id": "wage", "person": "w1", "grid": "g1", "date": "2023-04-17", "found_at": "09:00",
          "category": "wage_arrears_risk", "text": "欠薪",
          "reports": [{ "channel": "community", "date": "2023-04-18", "time": "09:01" },
                      { "channel": "grid_group", "date": "2023-04-18", "time": "09:00" }] }
    ]);
    v["period"]["from"] = json!("2023-04-17");
    let a = assess(&Policy::xincheng_2022(), &dossier(&v), &Options::default()).unwrap();
    let w = a.worker("w1").unwrap();
    let got: Vec<_> = w
        .adjustments
        .iter()
        .map(|a| (a.id.as_str(), a.clause.as_str(), a.count))
        .collect();
    assert!(
        got.contains(&("urgent-reports-late", "2.1.4", 1)),
        "{got:?}"
    );
    assert!(
        got.contains(&("prompt-reports-late", "2.1.7", 1)),
        "{got:?}"
    );
    let line = w
        .rules
        .iter()
        .find(|r| r.id == "prompt-reports-late")
        .unwrap();
    assert!(line.text.contains("本地规定"), "{}", line.text);
}

/// #16: the assessment keeps compliance counts only (`Detail::Totals`) and grades exactly as
/// from the full day-by-day report (4.1), on the sample community under the default scheme and
/// under a scheme scored by monthly parts.
#[test]
fn clause_4_1_grades_from_counts_equal_grades_from_every_finding_on_the_sample() {
    use wangge::assessment::assess_with;
    use wangge::compliance::Detail;
    let dossier = sample::community_2023();
    let monthly = Policy::from_json(&repo("examples/policies/points-monthly.policy.json")).unwrap();
    for policy in [Policy::xincheng_2022(), monthly] {
        let full = assess_with(&policy, &dossier, &Options::default(), Detail::Findings).unwrap();
        let summary = assess_with(&policy, &dossier, &Options::default(), Detail::Totals).unwrap();
        assert!(!full.workers.is_empty());
        assert_eq!(full, summary);
        assert_eq!(
            summary,
            assess(&policy, &dossier, &Options::default()).unwrap()
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// #16: the same on generated dossiers (4.1).
    #[test]
    fn clause_4_1_grades_from_counts_equal_grades_from_every_finding(
        dossier in wangge::strategies::dossier()
    ) {
        use wangge::assessment::assess_with;
        use wangge::compliance::Detail;
        let policy = Policy::xincheng_2022();
        let full = assess_with(&policy, &dossier, &Options::default(), Detail::Findings);
        let summary = assess_with(&policy, &dossier, &Options::default(), Detail::Totals);
        prop_assert!(full.is_ok(), "{:?}", full.as_ref().err());
        prop_assert_eq!(full, summary);
    }
}
