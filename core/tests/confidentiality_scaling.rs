//! The confidentiality calls grow in proportion to their input (issue 14): `view` with many
//! self-studies, `disclose` with many ledger entries, `public_notice` and `grid_filing` on many
//! areas. Each test times the call alone (the dossier is read beforehand) at n and 4n and fails
//! when 4x the input takes far more than 4x as long — quadratic work gives about 16x.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stderr
)]

use serde_json::{Value, json};
use std::time::{Duration, Instant};
use wangge::confidentiality::{Viewer, disclose, public_notice, view};
use wangge::{Date, Dossier, Policy};

fn sample() -> Value {
    serde_json::to_value(wangge::sample::confidentiality_2023()).unwrap()
}

/// The sample as a dossier, checked as `Dossier::from_json` checks it.
fn dossier(v: &Value) -> Dossier {
    Dossier::from_json(&v.to_string()).unwrap()
}

/// One timing at a time in this binary: the tests run on parallel threads, and a timing taken
/// while another test measures would be skewed by it.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Best of five runs, taken while no other test of this binary is timing.
fn best<T>(mut f: impl FnMut() -> T) -> Duration {
    let _one_at_a_time = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    (0..5)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .min()
        .unwrap()
}

fn assert_linear(what: &str, t1: Duration, t4: Duration) {
    let ratio = t4.as_secs_f64() / t1.as_secs_f64().max(1e-6);
    eprintln!("{what}: {t1:?} at n, {t4:?} at 4n: ratio {ratio:.1}");
    // Linear or n·log n gives about 4; quadratic about 16. Loose, for a busy machine.
    assert!(ratio < 10.0, "{what}: 4x input took {ratio:.1}x as long");
}

fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn with_self_studies(n: usize) -> Dossier {
    let mut v = sample();
    let studies: Vec<Value> = (0..n)
        .map(|i| json!({"id": format!("ss-{i}"), "person": if i % 2 == 0 { "w1" } else { "w4" }, "date": "2023-05-10"}))
        .collect();
    v["records"]["self_studies"] = Value::Array(studies);
    dossier(&v)
}

#[test]
fn clause_2_2_5_a_grid_leaders_view_of_many_self_studies_is_linear() {
    let leader = Viewer::Person {
        person: "l1".into(),
        from: date("2023-05-01"),
        to: Some(date("2023-05-31")),
    };
    let (one, four) = (with_self_studies(8_000), with_self_studies(32_000));
    let seen = view(&four, &leader).unwrap();
    assert_eq!(seen.dossier.records.self_studies.len(), 16_000); // c1's, not c2's
    assert_linear(
        "view, self-studies",
        best(|| view(&one, &leader).unwrap()),
        best(|| view(&four, &leader).unwrap()),
    );
}

fn with_ledger_entries(n: usize) -> Dossier {
    let mut v = sample();
    let entry = v["records"]["ledger_entries"][0].clone();
    let entries: Vec<Value> = (0..n)
        .map(|i| {
            let mut e = entry.clone();
            e["id"] = json!(format!("le-x{i}"));
            e
        })
        .collect();
    v["records"]["ledger_entries"] = Value::Array(entries);
    dossier(&v)
}

#[test]
fn clause_2_2_5_disclosing_many_ledger_entries_is_linear() {
    let approval = |id: &str, body: Value| {
        json!({"id": id, "body": body, "request": "req-n", "fields": ["records.ledger_entries"],
               "purpose": "核查", "approved_on": "2023-05-18"})
    };
    let request = serde_json::from_value(json!({
    "id": "req-n", "requester": {"kind": "other", "name": "区禁毒办"}, "purpose": "核查",
    "date": "2023-05-20", "community": "c1", "fields": ["records.ledger_entries"],
    "approvals": [
        approval("a1", json!({"kind": "party_organisation", "community": "c1"})),
        approval("a2", json!({"kind": "functional_department", "department": "public_security"})),
    ]}))
    .unwrap();
    let policy = Policy::xincheng_2022();
    let (one, four) = (with_ledger_entries(2_000), with_ledger_entries(8_000));
    let d = disclose(&policy, &four, &request).unwrap();
    assert_eq!(d.audit.records_disclosed, 8_000, "{:?}", d.audit.reasons);
    assert_linear(
        "disclose, ledger entries",
        best(|| disclose(&policy, &one, &request).unwrap()),
        best(|| disclose(&policy, &four, &request).unwrap()),
    );
}

/// Community c1 with `n` areas, divided between g1 and g2, then redivided from 2023-06-01
/// with every other area moved to g3.
fn with_areas(n: usize) -> Dossier {
    let mut v = sample();
    let c1 = &mut v["organisation"]["communities"][0];
    c1["areas"] = Value::Array(
        (0..n)
            .map(|i| json!({"id": format!("b{i}"), "name": format!("{i}号楼")}))
            .collect(),
    );
    let ids = |f: &dyn Fn(usize) -> bool| -> Value {
        Value::Array(
            (0..n)
                .filter(|i| f(*i))
                .map(|i| json!(format!("b{i}")))
                .collect(),
        )
    };
    let divisions = v["organisation"]["divisions"].as_array_mut().unwrap();
    divisions[0]["grids"] = json!([
        {"grid": "g1", "areas": ids(&|i| i < n / 2)},
        {"grid": "g2", "areas": ids(&|i| i >= n / 2)},
        {"grid": "g3", "areas": []},
    ]);
    divisions[1]["grids"] = json!([
        {"grid": "g1", "areas": ids(&|i| i < n / 2 && i % 2 == 0)},
        {"grid": "g2", "areas": ids(&|i| i >= n / 2 && i % 2 == 0)},
        {"grid": "g3", "areas": ids(&|i| i % 2 == 1)},
    ]);
    // Build the dossier without the checks of `from_json`: their cost on many areas is not
    // what is measured here.
    serde_json::from_value(v).unwrap()
}

#[test]
fn clause_2_2_4_the_public_notice_on_many_areas_is_linear() {
    let (one, four) = (with_areas(3_000), with_areas(12_000));
    let on = date("2023-07-01");
    let notice = public_notice(&four, "c1", on).unwrap();
    assert_eq!(notice.board.grids[2].areas.len(), 6_000);
    assert_linear(
        "public notice, areas",
        best(|| public_notice(&one, "c1", on).unwrap()),
        best(|| public_notice(&four, "c1", on).unwrap()),
    );
}

#[test]
fn clause_1_2_the_filing_of_many_areas_is_linear() {
    let (one, four) = (with_areas(3_000), with_areas(12_000));
    let filing = |d: &Dossier| {
        wangge::division::filing(&d.organisation, "c1", Some("div-2022"), "div-2023").unwrap()
    };
    assert_eq!(filing(&four).moves.len(), 6_000);
    assert_linear(
        "grid filing, areas",
        best(|| filing(&one)),
        best(|| filing(&four)),
    );
}
