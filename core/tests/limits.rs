//! The input limits (`wangge::limits`) on inputs too big to commit as case files, generated
//! here: a dossier of a million records, a document over 64 MiB, and a check that the work done
//! grows in proportion to the input.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stderr
)]

use serde_json::{Value, json};
use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};
use wangge::limits::{MAX_DOCUMENT_BYTES, MAX_RECORDS};

fn repo(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(rel)).unwrap()
}

fn first_error(answer: &str) -> Value {
    let v: Value = serde_json::from_str(answer).unwrap();
    assert_eq!(
        v["status"],
        "failure",
        "{}",
        &answer[..answer.len().min(500)]
    );
    v["errors"][0].clone()
}

/// The boundary dossier's text with `n` self-study records of `w1` appended, the last with the
/// ID of the first when `duplicate_last`.
fn with_self_studies(n: usize, duplicate_last: bool) -> String {
    let base = repo("tests/cases/inputs/boundary.dossier.json");
    let mut studies = String::with_capacity(n * 56);
    for i in 0..n {
        let id = if duplicate_last && i + 1 == n { 0 } else { i };
        if i > 0 {
            studies.push(',');
        }
        write!(
            studies,
            r#"{{"id":"ss-{id}","person":"w1","date":"2023-04-17"}}"#
        )
        .unwrap();
    }
    let at = base.find(r#""records": {"#).unwrap() + r#""records": {"#.len();
    format!(
        "{}\"self_studies\":[{studies}],{}",
        &base[..at],
        &base[at..]
    )
}

#[test]
fn a_million_records_are_read_and_a_duplicate_id_among_them_is_named() {
    let text = with_self_studies(1_000_000, true);
    assert!(text.len() < MAX_DOCUMENT_BYTES, "{} bytes", text.len());
    let answer = wangge::api::evaluate_json(None, &text, None);
    let e = first_error(&answer);
    assert_eq!(e["kind"], "duplicate_id", "{e}");
    assert_eq!(e["path"], "records.self_studies[999999].id");
    assert_eq!(e["record"], "ss-0");
}

#[test]
fn a_document_over_64_mib_is_too_large_before_it_is_read() {
    let mut text = String::with_capacity(MAX_DOCUMENT_BYTES + 2);
    text.push('{');
    text.extend(std::iter::repeat_n(' ', MAX_DOCUMENT_BYTES));
    text.push('}');
    for answer in [
        wangge::api::evaluate_json(None, &text, None),
        wangge::api::check_policy_json(&text),
        wangge::api::evaluate_json(
            None,
            &repo("tests/cases/inputs/boundary.dossier.json"),
            Some(&text),
        ),
    ] {
        let e = first_error(&answer);
        assert_eq!(e["kind"], "too_large", "{e}");
        assert!(
            e["message"].as_str().unwrap().contains("67108866 bytes"),
            "{e}"
        );
    }
    // The record limit cannot be reached through JSON: the smallest record takes more than
    // 64 MiB / 2,000,000 bytes (see `wangge::limits`).
    let smallest = r#"{"id":"","person":"","date":"2023-01-01"},"#;
    assert!(smallest.len() * MAX_RECORDS > MAX_DOCUMENT_BYTES);
}

/// March 2023 of the sample community, `copies` times over: every community, grid, person and
/// record copied under new IDs, so copy `k` is an independent community of the same size.
fn communities(copies: usize) -> String {
    let year: Value =
        serde_json::from_str(&repo("fuzz/seeds/dossier/sample-march-2023.json")).unwrap();
    let mut ids = std::collections::BTreeSet::new();
    let org = &year["organisation"];
    for c in org["communities"].as_array().unwrap() {
        ids.insert(c["id"].as_str().unwrap().to_owned());
        for g in c["grids"].as_array().unwrap() {
            ids.insert(g["id"].as_str().unwrap().to_owned());
        }
    }
    for p in org["people"].as_array().unwrap() {
        ids.insert(p["id"].as_str().unwrap().to_owned());
    }
    for list in year["records"].as_object().unwrap().values() {
        for r in list.as_array().unwrap() {
            ids.insert(r["id"].as_str().unwrap().to_owned());
        }
    }
    fn rename(v: &Value, k: usize, ids: &std::collections::BTreeSet<String>) -> Value {
        match v {
            Value::String(s) if ids.contains(s) => Value::String(format!("k{k}-{s}")),
            Value::Array(a) => Value::Array(a.iter().map(|x| rename(x, k, ids)).collect()),
            Value::Object(o) => Value::Object(
                o.iter()
                    .map(|(key, x)| (key.clone(), rename(x, k, ids)))
                    .collect(),
            ),
            other => other.clone(),
        }
    }
    let mut out = json!({
        "period": year["period"],
        "organisation": {
            "subdistrict": org["subdistrict"],
            "communities": [], "people": [], "assignments": []
        },
        "records": {}
    });
    for k in 0..copies {
        let copy = rename(&year, k, &ids);
        for field in ["communities", "people", "assignments"] {
            let list = copy["organisation"][field].as_array().unwrap().clone();
            out["organisation"][field]
                .as_array_mut()
                .unwrap()
                .extend(list);
        }
        for (kind, list) in copy["records"].as_object().unwrap() {
            let entry = out["records"]
                .as_object_mut()
                .unwrap()
                .entry(kind.clone())
                .or_insert_with(|| json!([]));
            entry
                .as_array_mut()
                .unwrap()
                .extend(list.as_array().unwrap().clone());
        }
    }
    out.to_string()
}

/// Best of three runs of every call on a dossier.
fn time_all_calls(dossier: &str) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            for answer in [
                wangge::api::evaluate_json(None, dossier, None),
                wangge::api::assess_json(None, dossier, None),
                wangge::api::attendance_json(None, dossier, None),
                wangge::api::evidence_json(None, dossier, None),
            ] {
                assert!(
                    answer.starts_with(r#"{"status":"success""#),
                    "{answer:.300}"
                );
            }
            start.elapsed()
        })
        .min()
        .unwrap()
}

#[test]
fn four_times_the_communities_take_far_less_than_sixteen_times_as_long() {
    let one = communities(2);
    let four = communities(8);
    assert!(four.len() > 3 * one.len());
    let t1 = time_all_calls(&one);
    let t4 = time_all_calls(&four);
    let ratio = t4.as_secs_f64() / t1.as_secs_f64();
    eprintln!(
        "linear-time check: {} bytes in {t1:?}, {} bytes in {t4:?}: ratio {ratio:.1} for 4x input",
        one.len(),
        four.len()
    );
    // Linear work gives about 4; quadratic work would give about 16. The bound is loose so a
    // busy machine does not fail it.
    assert!(ratio < 12.0, "4x input took {ratio:.1}x as long");
}
