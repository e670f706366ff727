//! Bounds on work and memory for every call (issue 14, item 6): error lists cut at
//! `MAX_PROBLEMS`, answers refused as `too_large` before they are built, and the paths that
//! were quadratic (overlapping assignments, division validation) doubling-tested. Every attack
//! input is generated here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stderr
)]

use serde_json::{Value, json};
use std::time::{Duration, Instant};
use wangge::limits::{BYTES_PER_PERSON_DAY, MAX_PERSON_DAYS, MAX_PROBLEMS};

/// A community `c1` with one grid, `n` grid workers (each assigned to `g1` from `from`, or all
/// `n` assignments naming `w0` when `same_person`), no records, over `from`..`to`.
fn workers(n: usize, from: &str, to: &str, same_person: bool) -> String {
    let mut people = vec![json!({"id":"l1","name":"网格长","community":"c1","role":"grid_leader"})];
    let mut assignments = Vec::new();
    for i in 0..n {
        people.push(json!({"id":format!("w{i}"),"name":format!("网格员{i}"),"community":"c1","role":"grid_worker"}));
        let who = if same_person {
            "w0".to_owned()
        } else {
            format!("w{i}")
        };
        assignments.push(json!({"person":who,"grid":"g1","from":from}));
    }
    json!({
        "period": {"from": from, "to": to},
        "organisation": {
            "subdistrict": {"id":"xc","name":"新城街道"},
            "communities": [{"id":"c1","name":"社区","party_secretary":"l1",
                "grids":[{"id":"g1","name":"一网格"}]}],
            "people": people,
            "assignments": assignments
        },
        "records": {}
    })
    .to_string()
}

fn parse(answer: &str) -> Value {
    serde_json::from_str(answer).unwrap()
}

/// One timing at a time in this binary: the tests run on parallel threads, and a timing taken
/// while another test measures would be skewed by it.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Best of three runs of `f`, taken while no other test of this binary is timing.
fn best_of_three(mut f: impl FnMut()) -> Duration {
    let _one_at_a_time = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    (0..3)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .unwrap()
}

/// Asserts that `t4` (four times the input of `t1`) took far less than sixteen times as long.
fn assert_linear(what: &str, t1: Duration, t4: Duration) {
    let ratio = t4.as_secs_f64() / t1.as_secs_f64().max(1e-6);
    eprintln!("{what}: {t1:?} then {t4:?} for 4x input: ratio {ratio:.1}");
    // Linear work gives about 4, n·log n a little more; quadratic work gives about 16. The
    // bound is loose so that a busy machine does not fail it.
    assert!(ratio < 12.0, "{what}: 4x input took {ratio:.1}x as long");
}

#[test]
fn the_estimate_behind_the_answer_limit_holds_for_evaluate_in_both_languages() {
    // Workers with no records miss every obligation every day: the largest answer per day.
    let d = workers(20, "2023-01-01", "2023-12-31", false);
    let person_days = 21 * 365;
    for options in [None, Some(r#"{"lang":"en"}"#)] {
        for answer in [
            wangge::api::evaluate_json(None, &d, options),
            wangge::api::assess_json(None, &d, options),
            wangge::api::attendance_json(None, &d, options),
            wangge::api::evidence_json(None, &d, options),
        ] {
            assert!(
                answer.starts_with(r#"{"status":"success""#),
                "{answer:.300}"
            );
            let per_day = answer.len() as u64 / person_days;
            assert!(
                per_day <= BYTES_PER_PERSON_DAY,
                "{per_day} bytes per person-day"
            );
        }
    }
}

#[test]
fn an_answer_over_the_person_day_limit_is_too_large_before_it_is_built() {
    // The attack: 1,000 workers with no records over 2022–2026 asked ~2 GB of answer.
    let d = workers(1_000, "2022-01-01", "2026-12-31", false);
    let start = Instant::now();
    for answer in [
        wangge::api::evaluate_json(None, &d, None),
        wangge::api::assess_json(None, &d, None),
        wangge::api::attendance_json(None, &d, None),
        wangge::api::evidence_json(None, &d, None),
    ] {
        let v = parse(&answer);
        assert_eq!(v["status"], "failure", "{answer:.300}");
        assert_eq!(v["errors"][0]["kind"], "too_large", "{answer}");
        assert_eq!(v["errors"][0]["path"], "period", "{answer}");
        assert!(answer.len() < 1_000, "{answer}");
    }
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
    // At the limit exactly, accepted; one person-day more, refused (options narrow the period).
    let people = 1_001u64; // the grid leader and 1,000 workers
    let days = MAX_PERSON_DAYS / people;
    let to = wangge::Date::parse("2022-01-01")
        .unwrap()
        .add_days(days as i64 - 1)
        .unwrap();
    let within = format!(r#"{{"period":{{"from":"2022-01-01","to":"{to}"}}}}"#);
    let over = format!(
        r#"{{"period":{{"from":"2022-01-01","to":"{}"}}}}"#,
        to.add_days(1).unwrap()
    );
    let small = workers(1_000, "2022-01-01", "2026-12-31", false);
    let v = parse(&wangge::api::evidence_json(None, &small, Some(&within)));
    assert_eq!(v["status"], "success", "{v:.300}");
    let v = parse(&wangge::api::evidence_json(None, &small, Some(&over)));
    assert_eq!(v["errors"][0]["kind"], "too_large");
}

#[test]
fn identical_assignments_give_a_list_of_problems_cut_at_the_limit() {
    // The attack: 4,000 identical assignments (216 KB) gave 7,998,000 problems (1.08 GB).
    let d = workers(4_000, "2023-01-01", "2023-01-31", true);
    let start = Instant::now();
    let answer = wangge::api::evaluate_json(None, &d, None);
    eprintln!(
        "4,000 identical assignments: {} bytes in {:?}",
        answer.len(),
        start.elapsed()
    );
    let v = parse(&answer);
    let errors = v["errors"].as_array().unwrap();
    assert_eq!(errors.len(), MAX_PROBLEMS + 1);
    assert_eq!(errors[0]["kind"], "overlap");
    assert_eq!(errors[0]["path"], "organisation.assignments[1]");
    let last = &errors[MAX_PROBLEMS];
    assert_eq!(last["kind"], "more_problems", "{last}");
    // 3,999 overlaps: 1,000 listed, 2,999 counted.
    assert!(
        last["message"]
            .as_str()
            .unwrap()
            .starts_with("and 2999 more problems"),
        "{last}"
    );
    // Each problem also says it in Chinese for people (`message_zh`, about 100 bytes more).
    assert!(answer.len() < 450_000, "{} bytes", answer.len());
    // One fewer than the limit is listed whole.
    let d = workers(MAX_PROBLEMS, "2023-01-01", "2023-01-31", true);
    let v = parse(&wangge::api::evaluate_json(None, &d, None));
    let errors = v["errors"].as_array().unwrap();
    assert_eq!(errors.len(), MAX_PROBLEMS - 1);
    assert!(errors.iter().all(|e| e["kind"] == "overlap"));
}

#[test]
fn people_with_one_assignment_each_are_checked_in_n_log_n() {
    // Was a pairwise loop over all assignments: 0.38 → 29.4 s for 8x the people.
    let one = workers(5_000, "2023-01-01", "2023-01-01", false);
    let four = workers(20_000, "2023-01-01", "2023-01-01", false);
    let t1 = best_of_three(|| assert!(wangge::Dossier::from_json(&one).is_ok()));
    let t4 = best_of_three(|| assert!(wangge::Dossier::from_json(&four).is_ok()));
    assert_linear("people with one assignment each", t1, t4);
}

/// A community with `n` areas, all in grid `g1` of one division, `empty` more divisions that
/// place none of them.
fn areas(n: usize, empty: usize) -> Value {
    let mut d: Value =
        serde_json::from_str(&workers(1, "2023-01-01", "2023-01-01", false)).unwrap();
    let ids: Vec<String> = (0..n).map(|i| format!("b{i}")).collect();
    d["organisation"]["communities"][0]["areas"] =
        ids.iter().map(|id| json!({"id":id,"name":id})).collect();
    let mut divisions = vec![
        json!({"id":"div-0","community":"c1","effective_from":"2020-01-01",
        "grids":[{"grid":"g1","areas":ids}]}),
    ];
    for k in 0..empty {
        let from = wangge::Date::parse("2021-01-01")
            .unwrap()
            .add_days(k as i64)
            .unwrap();
        divisions.push(json!({"id":format!("div-e{k}"),"community":"c1",
            "effective_from":from.to_string(),"grids":[{"grid":"g1","areas":[]}]}));
    }
    d["organisation"]["divisions"] = Value::Array(divisions);
    d
}

#[test]
fn clause_1_2_a_division_of_many_areas_is_checked_in_n_log_n() {
    // Was `Division::grid_of` per area in validation: 10k → 80k areas took 0.34 → 25.8 s, and
    // every call paid it.
    let one = areas(5_000, 0).to_string();
    let four = areas(20_000, 0).to_string();
    let t1 = best_of_three(|| assert!(wangge::Dossier::from_json(&one).is_ok()));
    let t4 = best_of_three(|| assert!(wangge::Dossier::from_json(&four).is_ok()));
    assert_linear("a division of n areas", t1, t4);
    let view = wangge::api::view_json(&four, r#"{"kind":"subdistrict"}"#);
    assert!(view.starts_with(r#"{"status":"success""#), "{view:.300}");
}

#[test]
fn clause_1_2_empty_divisions_report_a_bounded_list_and_too_many_are_too_large() {
    // Divisions placing none of a community's areas: each lists 20 areas and counts the rest.
    let d = areas(100, 3);
    let answer = wangge::api::evaluate_json(None, &d.to_string(), None);
    let v = parse(&answer);
    let errors = v["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 3 * (20 + 1), "{answer:.2000}");
    assert!(
        errors[20]["message"]
            .as_str()
            .unwrap()
            .starts_with("and 80 more areas"),
        "{}",
        errors[20]
    );
    assert_eq!(errors[20]["kind"], "invalid_organisation");
    // 1,000 divisions of a community of 5,000 areas: 5,000,000 placements to check.
    let d = areas(5_000, 999);
    let answer = wangge::api::evaluate_json(None, &d.to_string(), None);
    let e = &parse(&answer)["errors"][0];
    assert_eq!(e["kind"], "too_large", "{e}");
    assert_eq!(e["path"], "organisation.divisions", "{e}");
}

#[test]
fn people_with_one_assignment_each_are_evaluated_in_n_log_n() {
    // `Index::grids_on` scanned every assignment for each person and day.
    let one = workers(1_000, "2023-01-02", "2023-01-02", false);
    let four = workers(4_000, "2023-01-02", "2023-01-02", false);
    let run = |d: &str| {
        let a = wangge::api::evaluate_json(None, d, None);
        assert!(a.starts_with(r#"{"status":"success""#), "{a:.300}");
    };
    let t1 = best_of_three(|| run(&one));
    let t4 = best_of_three(|| run(&four));
    assert_linear("evaluate, people with one assignment each", t1, t4);
}
