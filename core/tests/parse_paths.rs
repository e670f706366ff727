//! The JSON paths of parse failures, checked against `serde_path_to_error`.
//!
//! `wangge` parses documents with `serde_json` alone and, on failure, recovers the path from the
//! position `serde_json` reports (that keeps the WebAssembly module small). This test breaks the
//! shared case documents in many small ways (a byte removed or inserted, a value of the wrong
//! type, the text cut short) and checks that every failure names the path a path-tracking parse
//! of the same text names. (The message is `serde_json`'s either way.)
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use serde::de::DeserializeOwned;
use wangge::{Dossier, Policy, PolicyDocument};

/// What a path-tracking parse says of `text`: `None` when it parses.
fn tracked<T: DeserializeOwned>(text: &str) -> Option<(String, String)> {
    let mut de = serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Ok(_) => None,
        Err(e) => {
            let path = e.path().to_string();
            let message = e.into_inner().to_string();
            Some((if path == "." { String::new() } else { path }, message))
        }
    }
}

/// Small edits of `text` at pseudo-random places: a byte removed, a byte inserted, a value
/// replaced, the text cut short.
fn mutations(text: &str, count: usize) -> Vec<String> {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |n: usize| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        ((seed >> 33) as usize) % n.max(1)
    };
    let inserts = [
        "{", "}", "[", "]", "\"", ",", ":", "1", "x", "true", "\"a\":1,", "-", "{}",
    ];
    let mut out = Vec::new();
    while out.len() < count {
        let at = next(text.len());
        if !text.is_char_boundary(at) {
            continue;
        }
        let mut t = text.to_owned();
        match next(4) {
            0 => {
                let len = t[at..].chars().next().map_or(0, char::len_utf8);
                t.replace_range(at..at + len, "");
            }
            1 => t.insert_str(at, inserts[next(inserts.len())]),
            2 => {
                // Replace the next string value by a number, or a number by a string.
                if let Some(q) = t[at..].find(": \"").map(|q| q + at + 2) {
                    if let Some(close) = t[q + 1..].find('"') {
                        t.replace_range(q..q + close + 2, "7");
                    }
                } else {
                    continue;
                }
            }
            _ => t.truncate(at),
        }
        out.push(t);
    }
    out
}

fn check<T: DeserializeOwned>(
    name: &str,
    text: &str,
    parse: impl Fn(&str) -> Option<(String, String)>,
) {
    let mut compared = 0;
    let mut differing = Vec::new();
    for (n, t) in mutations(text, 1000).iter().enumerate() {
        if std::env::var("WANGGE_DUMP_MUTATION").ok() == Some(format!("{name}#{n}")) {
            std::fs::write("/tmp/mutation.json", t).unwrap();
        }
        let Some((path, message)) = tracked::<T>(t) else {
            continue;
        };
        compared += 1;
        match parse(t) {
            Some(got) if got.0 == path => {}
            got => differing.push(format!(
                "{name} #{n}: `{message}`: tracked `{path}`, got {got:?}"
            )),
        }
    }
    assert!(
        differing.is_empty(),
        "{} of {compared} differ:\n{}",
        differing.len(),
        differing.join("\n")
    );
    assert!(
        compared > 200,
        "{name}: only {compared} mutations failed to parse"
    );
}

fn first_problem(r: Result<(), wangge::Error>) -> Option<(String, String)> {
    r.err().map(|e| {
        let p = &e.problems()[0];
        (p.path.clone().unwrap_or_default(), p.message.clone())
    })
}

#[test]
fn dossier_parse_failures_name_the_tracked_path() {
    let text = include_str!("../../tests/cases/inputs/boundary.dossier.json");
    check::<Dossier>("dossier", text, |t| {
        first_problem(Dossier::from_json(t).map(|_| ()))
    });
}

#[test]
fn attendance_and_evidence_parse_failures_name_the_tracked_path() {
    for (name, text) in [
        (
            "attendance",
            include_str!("../../tests/cases/inputs/attendance-boundary.dossier.json"),
        ),
        (
            "evidence",
            include_str!("../../tests/cases/inputs/evidence-boundary.dossier.json"),
        ),
    ] {
        check::<Dossier>(name, text, |t| {
            first_problem(Dossier::from_json(t).map(|_| ()))
        });
    }
}

#[test]
fn policy_parse_failures_name_the_tracked_path() {
    for (name, text) in [
        (
            "default policy",
            include_str!("../data/xincheng-2022.policy.json"),
        ),
        (
            "broken policy",
            include_str!("../../tests/cases/inputs/broken.policy.json"),
        ),
    ] {
        check::<PolicyDocument>(name, text, |t| {
            first_problem(Policy::from_json(t).map(|_| ()))
        });
    }
}
