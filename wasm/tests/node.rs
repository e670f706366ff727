//! wasm-bindgen tests of the bindings, run in Node:
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner cargo test -p wangge-wasm --target wasm32-unknown-unknown`.
//!
//! The shared case files are compared byte for byte by `wasm/js/cases.mjs` through the built
//! package; these tests check the JavaScript side of each call: tagged objects, structured
//! errors, documents given as text or as objects.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use js_sys::{Array, JSON, Reflect};
use wangge_wasm as w;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

const SAMPLE: &str = include_str!("../../tests/cases/inputs/sample-2023.dossier.json");
const MAY: &str = r#"{"period":{"from":"2023-05-01","to":"2023-05-31"}}"#;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn status(v: &JsValue) -> String {
    get(v, "status").as_string().unwrap()
}

#[wasm_bindgen_test]
fn evaluate_answers_the_same_bytes_as_the_rust_api() {
    let got = w::evaluate_json(
        JsValue::from_str(SAMPLE),
        None,
        Some(JsValue::from_str(MAY)),
    );
    assert_eq!(got, wangge::api::evaluate_json(None, SAMPLE, Some(MAY)));
}

#[wasm_bindgen_test]
fn evaluate_returns_a_tagged_object_with_every_person() {
    let answer = w::evaluate(
        JsValue::from_str(SAMPLE),
        None,
        Some(JsValue::from_str(MAY)),
    );
    assert_eq!(status(&answer), "success");
    let people = Array::from(&get(&get(&answer, "value"), "people"));
    assert!(people.length() >= 6);
    let clauses = get(&get(&answer, "value"), "clauses");
    let text = get(&get(&clauses, "2.2.2"), "text_zh").as_string().unwrap();
    assert!(text.contains("保证每天巡查两小时以上"));
}

#[wasm_bindgen_test]
fn documents_may_be_objects_as_well_as_text() {
    let dossier = JSON::parse(SAMPLE).unwrap();
    let options = JSON::parse(MAY).unwrap();
    let policy = get(&w::default_policy(), "value");
    let from_objects = w::evaluate_json(dossier, Some(policy), Some(options));
    assert_eq!(
        from_objects,
        wangge::api::evaluate_json(None, SAMPLE, Some(MAY))
    );
}

#[wasm_bindgen_test]
fn failures_are_structured_not_strings() {
    let answer = w::evaluate(JsValue::from_str("{\"period\":"), None, None);
    assert_eq!(status(&answer), "failure");
    let first = Array::from(&get(&answer, "errors")).get(0);
    assert_eq!(get(&first, "kind").as_string().unwrap(), "syntax");
    assert!(get(&first, "message").is_string());

    let answer = w::evaluate(JsValue::from_f64(3.0), None, None);
    let first = Array::from(&get(&answer, "errors")).get(0);
    assert_eq!(get(&first, "kind").as_string().unwrap(), "shape");
    assert!(
        get(&first, "message")
            .as_string()
            .unwrap()
            .contains("`number`")
    );
}

#[wasm_bindgen_test]
fn null_and_undefined_mean_the_default_policy() {
    let a = w::is_working_day_json("2023-04-23", Some(JsValue::NULL));
    let b = w::is_working_day_json("2023-04-23", Some(JsValue::UNDEFINED));
    let c = w::is_working_day_json("2023-04-23", None);
    assert_eq!(a, r#"{"status":"success","value":true,"class":"internal"}"#);
    assert_eq!(a, b);
    assert_eq!(a, c);
    assert_eq!(get(&w::is_working_day("2023-05-01", None), "value"), false);
}

#[wasm_bindgen_test]
fn policies_parse_and_check() {
    let text = w::default_policy_json();
    let value = get(&JSON::parse(&text).unwrap(), "value");
    let parsed = w::parse_policy(&String::from(JSON::stringify(&value).unwrap()));
    assert_eq!(status(&parsed), "success");
    // parsePolicy hands back the document, checkPolicy the linter's report on it.
    assert!(get(&get(&parsed, "value"), "obligations").is_array());
    let linted = w::check_policy(value);
    assert_eq!(status(&linted), "success");
    assert!(get(&get(&linted, "value"), "findings").is_array());
    let broken = w::check_policy(JsValue::from_str("{}"));
    assert_eq!(status(&broken), "failure");
    assert_eq!(
        w::check_policy_json(JsValue::from_str("{}")),
        wangge::api::check_policy_json("{}")
    );
}

#[wasm_bindgen_test]
fn clauses_and_version() {
    let clause = w::clause_text("2.2.2");
    assert_eq!(
        get(&get(&clause, "value"), "title_zh").as_string().unwrap(),
        "走访巡查制度"
    );
    let unknown = w::clause_text("7.7");
    let first = Array::from(&get(&unknown, "errors")).get(0);
    assert_eq!(get(&first, "kind").as_string().unwrap(), "unknown_clause");
    assert_eq!(w::version(), wangge::VERSION);
}

#[wasm_bindgen_test]
fn assess_grades_every_worker_with_reasons_and_clauses() {
    let answer = w::assess(JsValue::from_str(SAMPLE), None, None);
    assert_eq!(status(&answer), "success");
    let value = get(&answer, "value");
    let workers = Array::from(&get(&value, "workers"));
    assert!(workers.length() >= 1);
    let first = workers.get(0);
    let grade_zh = get(&first, "grade_zh").as_string().unwrap();
    assert!(["优秀", "称职", "基本称职", "不称职"].contains(&grade_zh.as_str()));
    assert!(
        get(&first, "score").is_string(),
        "scores are exact decimal strings"
    );
    assert!(get(&value, "clauses").is_object());
    assert_eq!(
        w::assess_json(JsValue::from_str(SAMPLE), None, None),
        wangge::api::assess_json(None, SAMPLE, None)
    );
}

#[wasm_bindgen_test]
fn grades_of_scores_at_the_band_edge() {
    assert_eq!(get(&w::grade_for_score("90", None), "value"), "excellent");
    assert_eq!(
        get(&w::grade_for_score("89.99", None), "value"),
        "competent"
    );
    let answer = w::grade_for_score("ninety", None);
    let first = Array::from(&get(&answer, "errors")).get(0);
    assert_eq!(get(&first, "kind").as_string().unwrap(), "shape");
}

#[wasm_bindgen_test]
fn attendance_and_evidence_answer_as_the_rust_api() {
    assert_eq!(
        w::attendance_json(
            JsValue::from_str(SAMPLE),
            None,
            Some(JsValue::from_str(MAY))
        ),
        wangge::api::attendance_json(None, SAMPLE, Some(MAY))
    );
    assert_eq!(
        w::evidence_json(
            JsValue::from_str(SAMPLE),
            None,
            Some(JsValue::from_str(MAY))
        ),
        wangge::api::evidence_json(None, SAMPLE, Some(MAY))
    );
    assert_eq!(
        status(&w::attendance(JsValue::from_str(SAMPLE), None, None)),
        "success"
    );
    assert_eq!(
        status(&w::evidence(JsValue::from_str(SAMPLE), None, None)),
        "success"
    );
}

const CONFIDENTIAL: &str =
    include_str!("../../tests/cases/inputs/confidentiality-2023.dossier.json");
const BOTH_APPROVALS: &str =
    include_str!("../../tests/cases/inputs/disclosure-both-approvals.request.json");

/// The request of `BOTH_APPROVALS` with only the community Party organisation's approval.
fn party_approval_only() -> JsValue {
    let request = JSON::parse(BOTH_APPROVALS).unwrap();
    let approvals = Array::from(&get(&request, "approvals"));
    approvals.pop();
    assert_eq!(approvals.length(), 1);
    Reflect::set(&request, &JsValue::from_str("approvals"), &approvals).unwrap();
    request
}

#[wasm_bindgen_test]
fn clause_2_2_5_one_approval_is_a_refusal_answered_as_success() {
    let answer = w::disclose(JsValue::from_str(CONFIDENTIAL), party_approval_only(), None);
    // A refusal is a decision, not an error: success, with the audit entry saying why.
    assert_eq!(status(&answer), "success");
    let value = get(&answer, "value");
    let audit = get(&value, "audit");
    assert_eq!(get(&audit, "decision").as_string().unwrap(), "refused");
    assert_eq!(get(&audit, "clause").as_string().unwrap(), "2.2.5");
    assert_eq!(get(&audit, "records_disclosed").as_f64().unwrap(), 0.0);
    let reasons = Array::from(&get(&audit, "reasons"));
    assert!(
        reasons
            .iter()
            .any(|r| get(&r, "kind").as_string().unwrap() == "missing_department_approval"),
        "the refusal names the missing department approval"
    );
    assert!(
        get(&value, "copy").is_undefined() || get(&value, "copy").is_null(),
        "nothing is handed out on a refusal"
    );
    let request = String::from(JSON::stringify(&party_approval_only()).unwrap());
    assert_eq!(
        w::disclose_json(
            JsValue::from_str(CONFIDENTIAL),
            JsValue::from_str(&request),
            None
        ),
        wangge::api::disclose_json(None, CONFIDENTIAL, &request)
    );
}

#[wasm_bindgen_test]
fn clause_2_2_5_both_approvals_grant_a_redacted_copy() {
    let answer = w::disclose(
        JSON::parse(CONFIDENTIAL).unwrap(),
        JSON::parse(BOTH_APPROVALS).unwrap(),
        Some(JsValue::NULL),
    );
    assert_eq!(status(&answer), "success");
    let value = get(&answer, "value");
    let audit = get(&value, "audit");
    assert_eq!(get(&audit, "decision").as_string().unwrap(), "granted");
    let party = Array::from(&get(&audit, "party_approvals"));
    assert_eq!(party.length(), 1);
    assert_eq!(party.get(0).as_string().unwrap(), "a1");
    assert_eq!(Array::from(&get(&audit, "reasons")).length(), 0);
    // The copy holds the one ledger entry asked, and no other part of the dossier.
    let copy = get(&value, "copy");
    let entries = Array::from(&get(&get(&copy, "records"), "ledger_entries"));
    assert_eq!(entries.length(), 1);
    assert_eq!(get(&entries.get(0), "id").as_string().unwrap(), "le-1");
    assert!(get(&copy, "organisation").is_undefined());
    assert_eq!(
        w::disclose_json(
            JsValue::from_str(CONFIDENTIAL),
            JsValue::from_str(BOTH_APPROVALS),
            None
        ),
        wangge::api::disclose_json(None, CONFIDENTIAL, BOTH_APPROVALS)
    );
}

#[wasm_bindgen_test]
fn clause_2_2_4_the_public_notice_holds_no_ledger_subject() {
    let text = w::public_notice_json(JsValue::from_str(CONFIDENTIAL), "c1", "2023-07-01");
    assert_eq!(
        text,
        wangge::api::public_notice_json(CONFIDENTIAL, "c1", "2023-07-01")
    );
    assert!(text.starts_with(r#"{"status":"success""#), "{text}");
    let dossier = JSON::parse(CONFIDENTIAL).unwrap();
    let entries = Array::from(&get(&get(&dossier, "records"), "ledger_entries"));
    assert!(entries.length() > 0);
    for entry in entries.iter() {
        let subject = get(&entry, "subject").as_string().unwrap();
        assert!(!text.contains(&subject), "{subject} is on the board");
    }
    let notice = w::public_notice(dossier, "c1", "2023-07-01");
    let board = get(&get(&notice, "value"), "board");
    assert_eq!(get(&board, "community").as_string().unwrap(), "幸福社区");
    let bad_date = w::public_notice(JsValue::from_str(CONFIDENTIAL), "c1", "2023-02-30");
    let first = Array::from(&get(&bad_date, "errors")).get(0);
    assert_eq!(get(&first, "kind").as_string().unwrap(), "invalid_time");
}

#[wasm_bindgen_test]
fn access_scope_filing_and_data_classes_answer_as_the_rust_api() {
    let viewer = r#"{"kind":"person","person":"w1","from":"2023-05-10"}"#;
    assert_eq!(
        w::view_json(
            JsValue::from_str(CONFIDENTIAL),
            JSON::parse(viewer).unwrap()
        ),
        wangge::api::view_json(CONFIDENTIAL, viewer)
    );
    assert_eq!(
        status(&w::view(
            JsValue::from_str(CONFIDENTIAL),
            JsValue::from_str(r#"{"kind":"subdistrict"}"#)
        )),
        "success"
    );
    assert_eq!(
        w::grid_filing_json(
            JsValue::from_str(CONFIDENTIAL),
            "c1",
            Some("div-2022".into()),
            "div-2023"
        ),
        wangge::api::grid_filing_json(CONFIDENTIAL, "c1", Some("div-2022"), "div-2023")
    );
    assert_eq!(
        w::grid_filing_json(JsValue::from_str(CONFIDENTIAL), "c1", None, "div-2023"),
        wangge::api::grid_filing_json(CONFIDENTIAL, "c1", None, "div-2023")
    );
    let classes = w::data_classes();
    assert_eq!(status(&classes), "success");
    let fields = Array::from(&get(&classes, "value"));
    assert!(fields.iter().any(|f| {
        get(&f, "path").as_string().unwrap() == "records.ledger_entries[].subject"
            && get(&f, "class").as_string().unwrap() == "confidential"
    }));
    assert_eq!(w::data_classes_json(), wangge::api::data_classes_json());
    // A request that is not an object is a structured failure, never a throw.
    let answer = w::disclose(
        JsValue::from_str(CONFIDENTIAL),
        JsValue::from_f64(1.0),
        None,
    );
    let first = Array::from(&get(&answer, "errors")).get(0);
    assert_eq!(get(&first, "kind").as_string().unwrap(), "shape");
}
