//! # wangge-wasm
//!
//! WebAssembly bindings of [wangge](wangge) for browser portals and Node: a thin re-export of the
//! neutral call / answer boundary [`wangge::api`]. No rule of the measures lives here; every
//! function below converts its arguments to JSON text, calls one function of `wangge::api`, and
//! hands back that function's answer.
//!
//! Two forms of each call:
//!
//! - `evaluate`, `checkPolicy`, ... return the answer as a JavaScript object, tagged
//!   `{status: "success", value}` or `{status: "failure", errors: [{kind, message, path?,
//!   record?, date?}]}`, so JavaScript never parses an error string;
//! - `evaluateJson`, `checkPolicyJson`, ... return the exact answer text of the Rust API, byte for
//!   byte (the shared case files of `tests/cases/` are compared with these).
//!
//! Documents (dossier, policy, options) may be given as JSON text or as plain objects. The
//! TypeScript types of every document and answer are generated from the Rust types
//! (`wasm/types/wangge.d.ts`, from `schemas/`) and included in the package's `.d.ts`.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

use js_sys::JSON;
use wangge::api::{self, Answer};
use wangge::{ErrorKind, Problem};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("../types/wangge.d.ts");

/// A document argument as JSON text: a string is taken as is, an object is serialised with
/// `JSON.stringify`. `Err` holds the failure answer when it cannot be.
fn document_text(value: &JsValue, what: &str) -> Result<String, String> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    let failure = |message: String| {
        Answer::<()>::Failure {
            errors: vec![Problem::new(ErrorKind::Shape, message)],
        }
        .to_json()
    };
    if !value.is_object() {
        return Err(failure(format!(
            "the {what} must be JSON text or an object, not `{}`",
            value.js_typeof().as_string().unwrap_or_default()
        )));
    }
    match JSON::stringify(value) {
        Ok(text) => Ok(String::from(text)),
        Err(_) => Err(failure(format!(
            "the {what} object cannot be written as JSON (a cycle, or a BigInt)"
        ))),
    }
}

/// An optional document argument: `undefined` and `null` are `None`.
fn optional_text(value: Option<JsValue>, what: &str) -> Result<Option<String>, String> {
    match value {
        Some(v) if !v.is_undefined() && !v.is_null() => document_text(&v, what).map(Some),
        _ => Ok(None),
    }
}

/// The answer text as a JavaScript object. The text is always JSON written by `serde_json`, so
/// `JSON.parse` does not fail; if it ever did, its exception value is returned.
fn to_object(answer: String) -> JsValue {
    JSON::parse(&answer).unwrap_or_else(|exception| exception)
}

/// The evaluation of a dossier as answer text, byte for byte `wangge::api::evaluate_json`.
///
/// `dossier`: a `Dossier` object or its JSON text. `policy`: a `PolicyDocument` object or text;
/// the embedded default policy when absent. `options`: `{period?: {from, to}, lang?: "zh" |
/// "en"}` or its text.
#[wasm_bindgen(js_name = evaluateJson)]
pub fn evaluate_json(
    #[wasm_bindgen(unchecked_param_type = "Dossier | string")] dossier: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PolicyDocument | string | null")]
    policy: Option<JsValue>,
    #[wasm_bindgen(unchecked_optional_param_type = "Options | string | null")] options: Option<
        JsValue,
    >,
) -> String {
    let texts = document_text(&dossier, "dossier").and_then(|d| {
        Ok((
            d,
            optional_text(policy, "policy")?,
            optional_text(options, "options")?,
        ))
    });
    match texts {
        Ok((d, p, o)) => api::evaluate_json(p.as_deref(), &d, o.as_deref()),
        Err(failure) => failure,
    }
}

/// Evaluates a dossier under a policy: the compliance report of every grid leader, grid worker
/// and community, each finding with its clause (see [`evaluate_json`] for the arguments).
#[wasm_bindgen(unchecked_return_type = "EvaluateAnswer")]
pub fn evaluate(
    #[wasm_bindgen(unchecked_param_type = "Dossier | string")] dossier: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PolicyDocument | string | null")]
    policy: Option<JsValue>,
    #[wasm_bindgen(unchecked_optional_param_type = "Options | string | null")] options: Option<
        JsValue,
    >,
) -> JsValue {
    to_object(evaluate_json(dossier, policy, options))
}

// `assess` (grades 优秀 / 称职 / 基本称职 / 不称职 and scores) comes with the assessment issue:
// add `assessJson` / `assess` here the same way, over `wangge::api::assess_json`.

/// Checks a policy document as answer text, byte for byte `wangge::api::check_policy_json`.
#[wasm_bindgen(js_name = checkPolicyJson)]
pub fn check_policy_json(
    #[wasm_bindgen(unchecked_param_type = "PolicyDocument | string")] policy: JsValue,
) -> String {
    match document_text(&policy, "policy") {
        Ok(text) => api::check_policy_json(&text),
        Err(failure) => failure,
    }
}

/// Checks a policy document (an object or its text): success holds the normalised document,
/// failure every problem found.
#[wasm_bindgen(js_name = checkPolicy, unchecked_return_type = "PolicyAnswer")]
pub fn check_policy(
    #[wasm_bindgen(unchecked_param_type = "PolicyDocument | string")] policy: JsValue,
) -> JsValue {
    to_object(check_policy_json(policy))
}

/// Parses policy JSON text (as read from a file) into a checked `PolicyDocument` object, ready
/// to show, edit and pass back to `evaluate`. The same check as `checkPolicy`, for text only.
#[wasm_bindgen(js_name = parsePolicy, unchecked_return_type = "PolicyAnswer")]
pub fn parse_policy(text: &str) -> JsValue {
    to_object(api::check_policy_json(text))
}

/// The embedded default policy (新城街道, 2022) as answer text.
#[wasm_bindgen(js_name = defaultPolicyJson)]
pub fn default_policy_json() -> String {
    api::default_policy_json()
}

/// The embedded default policy (新城街道, 2022): a `PolicyDocument` in a success answer.
#[wasm_bindgen(js_name = defaultPolicy, unchecked_return_type = "PolicyAnswer")]
pub fn default_policy() -> JsValue {
    to_object(api::default_policy_json())
}

/// Whether `date` (`YYYY-MM-DD`) is a working day, as answer text.
#[wasm_bindgen(js_name = isWorkingDayJson)]
pub fn is_working_day_json(
    date: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "PolicyDocument | string | null")]
    policy: Option<JsValue>,
) -> String {
    match optional_text(policy, "policy") {
        Ok(p) => api::is_working_day_json(p.as_deref(), date),
        Err(failure) => failure,
    }
}

/// Whether `date` (`YYYY-MM-DD`) is a working day under a policy's calendar (the default
/// policy when absent): make-up Sundays count, public holidays do not.
#[wasm_bindgen(js_name = isWorkingDay, unchecked_return_type = "WorkingDayAnswer")]
pub fn is_working_day(
    date: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "PolicyDocument | string | null")]
    policy: Option<JsValue>,
) -> JsValue {
    to_object(is_working_day_json(date, policy))
}

/// A clause of the measures by ID (such as `2.2.2`), as answer text.
#[wasm_bindgen(js_name = clauseTextJson)]
pub fn clause_text_json(id: &str) -> String {
    api::clause_text_json(id)
}

/// A clause of the measures by ID (such as `2.2.2`): its headings and original text, or an
/// `unknown_clause` failure.
#[wasm_bindgen(js_name = clauseText, unchecked_return_type = "ClauseAnswer")]
pub fn clause_text(id: &str) -> JsValue {
    to_object(api::clause_text_json(id))
}

/// The version of wangge this package was built from.
#[wasm_bindgen]
pub fn version() -> String {
    wangge::VERSION.to_owned()
}
