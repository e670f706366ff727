//! Runs the shared case files of `tests/cases/` through the Rust API and compares each answer,
//! byte for byte, with its `*.expected.json`. `WANGGE_BLESS=1` rewrites the expected files.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    call: String,
    policy: Option<String>,
    dossier: Option<String>,
    options: Option<String>,
    date: Option<String>,
    id: Option<String>,
    score: Option<String>,
    request: Option<String>,
    viewer: Option<String>,
    community: Option<String>,
    from: Option<String>,
    to: Option<String>,
    /// Policy B of `diff` and `compare` (`policy` is A); the default when absent.
    policy_b: Option<String>,
    /// The JSON path a `sweep` sets.
    path: Option<String>,
    /// The values of a `sweep`, as JSON text (`["90","92"]`).
    values: Option<String>,
}

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/cases")
}

fn read(rel: &str) -> String {
    let path = cases_dir().join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn answer(case: &Case) -> String {
    let policy = case.policy.as_deref().map(read);
    match case.call.as_str() {
        "evaluate" => {
            let dossier = read(case.dossier.as_deref().expect("dossier"));
            let options = case.options.as_deref().map(read);
            wangge::api::evaluate_json(policy.as_deref(), &dossier, options.as_deref())
        }
        "assess" => {
            let dossier = read(case.dossier.as_deref().expect("dossier"));
            let options = case.options.as_deref().map(read);
            wangge::api::assess_json(policy.as_deref(), &dossier, options.as_deref())
        }
        "grade_for_score" => wangge::api::grade_for_score_json(
            policy.as_deref(),
            case.score.as_deref().expect("score"),
        ),
        "evidence" => {
            let dossier = read(case.dossier.as_deref().expect("dossier"));
            let options = case.options.as_deref().map(read);
            wangge::api::evidence_json(policy.as_deref(), &dossier, options.as_deref())
        }
        "attendance" => {
            let dossier = read(case.dossier.as_deref().expect("dossier"));
            let options = case.options.as_deref().map(read);
            wangge::api::attendance_json(policy.as_deref(), &dossier, options.as_deref())
        }
        "check_policy" => wangge::api::check_policy_json(&policy.expect("policy")),
        "is_working_day" => {
            wangge::api::is_working_day_json(policy.as_deref(), case.date.as_deref().expect("date"))
        }
        "clause_text" => wangge::api::clause_text_json(case.id.as_deref().expect("id")),
        "disclose" => wangge::api::disclose_json(
            policy.as_deref(),
            &read(case.dossier.as_deref().expect("dossier")),
            &read(case.request.as_deref().expect("request")),
        ),
        "view" => wangge::api::view_json(
            &read(case.dossier.as_deref().expect("dossier")),
            &read(case.viewer.as_deref().expect("viewer")),
        ),
        "public_notice" => wangge::api::public_notice_json(
            &read(case.dossier.as_deref().expect("dossier")),
            case.community.as_deref().expect("community"),
            case.date.as_deref().expect("date"),
        ),
        "grid_filing" => wangge::api::grid_filing_json(
            &read(case.dossier.as_deref().expect("dossier")),
            case.community.as_deref().expect("community"),
            case.from.as_deref(),
            case.to.as_deref().expect("to"),
        ),
        "diff" => wangge::api::diff_json(
            policy.as_deref(),
            case.policy_b.as_deref().map(read).as_deref(),
        ),
        "compare" => wangge::api::compare_json(
            policy.as_deref(),
            case.policy_b.as_deref().map(read).as_deref(),
            &read(case.dossier.as_deref().expect("dossier")),
            case.options.as_deref().map(read).as_deref(),
        ),
        "sweep" => wangge::api::sweep_json(
            policy.as_deref(),
            case.path.as_deref().expect("path"),
            case.values.as_deref().expect("values"),
            &read(case.dossier.as_deref().expect("dossier")),
            case.options.as_deref().map(read).as_deref(),
        ),
        other => panic!("unknown call `{other}`"),
    }
}

#[test]
fn every_shared_case_gives_its_expected_answer() {
    let bless = std::env::var_os("WANGGE_BLESS").is_some();
    // For the cross-binding harness (scripts/conformance.py): every answer, as bytes.
    let answers_dir = std::env::var_os("WANGGE_ANSWERS_DIR").map(PathBuf::from);
    if let Some(dir) = &answers_dir {
        std::fs::create_dir_all(dir).unwrap();
    }
    let mut names: Vec<PathBuf> = std::fs::read_dir(cases_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".case.json"))
        .collect();
    names.sort();
    assert!(
        names.len() >= 20,
        "expected the shared cases, found {}",
        names.len()
    );
    let mut failures = Vec::new();
    for path in &names {
        let case: Case = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let got = answer(&case);
        let expected_path = PathBuf::from(
            path.to_string_lossy()
                .replace(".case.json", ".expected.json"),
        );
        if let Some(dir) = &answers_dir {
            let name = path
                .file_name()
                .unwrap()
                .to_string_lossy()
                .replace(".case.json", ".json");
            std::fs::write(dir.join(name), &got).unwrap();
        }
        if bless {
            std::fs::write(&expected_path, &got).unwrap();
            continue;
        }
        match std::fs::read_to_string(&expected_path) {
            Ok(want) if want == got => {}
            Ok(_) => failures.push(format!("{}: answer differs", path.display())),
            Err(_) => failures.push(format!("{}: no expected file", path.display())),
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn committed_sample_dossier_is_fresh() {
    let mut want = wangge::sample::community_2023().to_json();
    want.push('\n');
    assert!(
        read("inputs/sample-2023.dossier.json") == want,
        "tests/cases/inputs/sample-2023.dossier.json is stale: cargo run --bin annual -- --write-sample tests/cases/inputs/sample-2023.dossier.json"
    );
}

/// The bad-input catalogue (`bad-*.case.json`, written by `make-bad-cases.py`): at least 40
/// malformed documents, each refused with a typed problem.
#[test]
fn every_bad_input_is_refused_with_a_kind() {
    let mut count = 0;
    for entry in std::fs::read_dir(cases_dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !(name.starts_with("bad-") && name.ends_with(".expected.json")) {
            continue;
        }
        count += 1;
        let answer: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(answer["status"], "failure", "{name} is not a failure");
        let errors = answer["errors"].as_array().unwrap();
        assert!(!errors.is_empty(), "{name} names no problem");
        for e in errors {
            assert!(
                e["kind"].is_string() && e["message"].is_string(),
                "{name}: {e}"
            );
        }
    }
    assert!(
        count >= 40,
        "the catalogue holds {count} bad inputs, fewer than 40"
    );
}
