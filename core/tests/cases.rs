//! Runs the shared case files of `tests/cases/` through the Rust API and compares each answer,
//! byte for byte, with its `*.expected.json`. `WANGGE_BLESS=1` rewrites the expected files.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use serde_json::Value;
use std::path::{Path, PathBuf};

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/cases")
}

fn read(rel: &str) -> String {
    let path = cases_dir().join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The call document of a case: every argument naming a file (`….json`, relative to
/// tests/cases/) replaced by the file's text. No table of calls: the core's `api::Call` reads it.
fn call_document(case: &str) -> String {
    let mut doc: serde_json::Map<String, Value> = serde_json::from_str(case).unwrap();
    for (key, value) in doc.iter_mut() {
        if let Value::String(text) = value
            && key != "call"
            && text.ends_with(".json")
        {
            *value = Value::String(read(text));
        }
    }
    Value::Object(doc).to_string()
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
        let case = std::fs::read_to_string(path).unwrap();
        let got = wangge::api::call_json(&call_document(&case));
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
