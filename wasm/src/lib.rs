//! # wangge-wasm
//!
//! WebAssembly bindings of [wangge] for browser portals and Node: a thin re-export of the
//! neutral call / answer boundary [`wangge::api`]. No rule of the measures lives here; every
//! function below converts its arguments to JSON text, calls one function of `wangge::api`, and
//! hands back that function's answer.
//!
//! Two forms of each call:
//!
//! - `evaluate`, `assess`, `checkPolicy`, ... return the answer as a JavaScript object, tagged
//!   `{status: "success", value}` or `{status: "failure", errors: [{kind, message, path?,
//!   record?, date?}]}`, so JavaScript never parses an error string;
//! - `evaluateJson`, `assessJson`, `checkPolicyJson`, ... return the exact answer text of the Rust API, byte for
//!   byte (the shared case files of `tests/cases/` are compared with these).
//!
//! Two packages: the default build (feature `full`) has every call; built without default
//! features it is the grading module for portals that only grade — `evaluate`, `assess`,
//! `gradeForScore`, `checkPolicy`, `isWorkingDay`, `clauseText`, `version` — without the calls
//! that answer whole documents (`view`, `disclose`, `publicNotice`, `gridFiling`,
//! `parsePolicy`, `defaultPolicy`, `dataClasses`) or other reports (`attendance`, `evidence`),
//! and so without their serialisers (`scripts/build-wasm.sh` builds both).
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

/// The texts of a dossier call's three documents, or the failure answer of the first one that
/// cannot be written as JSON.
fn dossier_texts(
    dossier: &JsValue,
    policy: Option<JsValue>,
    options: Option<JsValue>,
) -> Result<(String, Option<String>, Option<String>), String> {
    Ok((
        document_text(dossier, "dossier")?,
        optional_text(policy, "policy")?,
        optional_text(options, "options")?,
    ))
}

/// Defines a call over a dossier, an optional policy and optional options: `$json` answers the
/// text of `wangge::api::$api` byte for byte, `$object` the same answer as a JavaScript object.
macro_rules! dossier_call {
    (
        $(#[$json_doc:meta])* json: $json:ident as $json_js:ident,
        $(#[$object_doc:meta])* object: $object:ident as $object_js:ident -> $answer:literal,
        api: $api:path
    ) => {
        $(#[$json_doc])*
        #[wasm_bindgen(js_name = $json_js)]
        pub fn $json(
            #[wasm_bindgen(unchecked_param_type = "Dossier | string")] dossier: JsValue,
            #[wasm_bindgen(unchecked_optional_param_type = "PolicyDocument | string | null")]
            policy: Option<JsValue>,
            #[wasm_bindgen(unchecked_optional_param_type = "Options | string | null")]
            options: Option<JsValue>,
        ) -> String {
            match dossier_texts(&dossier, policy, options) {
                Ok((d, p, o)) => $api(p.as_deref(), &d, o.as_deref()),
                Err(failure) => failure,
            }
        }

        $(#[$object_doc])*
        #[wasm_bindgen(js_name = $object_js, unchecked_return_type = $answer)]
        pub fn $object(
            #[wasm_bindgen(unchecked_param_type = "Dossier | string")] dossier: JsValue,
            #[wasm_bindgen(unchecked_optional_param_type = "PolicyDocument | string | null")]
            policy: Option<JsValue>,
            #[wasm_bindgen(unchecked_optional_param_type = "Options | string | null")]
            options: Option<JsValue>,
        ) -> JsValue {
            to_object($json(dossier, policy, options))
        }
    };
}

dossier_call! {
    /// The evaluation of a dossier as answer text, byte for byte `wangge::api::evaluate_json`.
    ///
    /// `dossier`: a `Dossier` object or its JSON text. `policy`: a `PolicyDocument` object or
    /// text; the embedded default policy when absent. `options`: `{period?: {from, to}, lang?:
    /// "zh" | "en", class_at_most?: "public" | "internal" | "confidential"}` or its text
    /// (`class_at_most` withholds every field above that class, docs/confidentiality.md).
    json: evaluate_json as evaluateJson,
    /// Evaluates a dossier under a policy: the compliance report of every grid leader, grid
    /// worker and community, each finding with its clause (see [`evaluate_json`] for the
    /// arguments).
    object: evaluate as evaluate -> "EvaluateAnswer",
    api: api::evaluate_json
}

dossier_call! {
    /// The annual assessment of a dossier as answer text, byte for byte
    /// `wangge::api::assess_json` (arguments as [`evaluate_json`]).
    json: assess_json as assessJson,
    /// Grades every grid worker of a dossier (4.1): score as an exact decimal string, grade
    /// `excellent` / `competent` / `basically_competent` / `incompetent` with `grade_zh`
    /// (优秀 / 称职 / 基本称职 / 不称职), the rules fired with their clauses, the consequences
    /// of 5.1 / 5.2, the margin to the next band, each community's grade distribution (4.2)
    /// and the original text of every clause cited.
    object: assess as assess -> "AssessAnswer",
    api: api::assess_json
}

#[cfg(feature = "full")]
dossier_call! {
    /// The attendance report of a dossier as answer text, byte for byte
    /// `wangge::api::attendance_json` (arguments as [`evaluate_json`]).
    json: attendance_json as attendanceJson,
    /// The attendance report (3.3, 3.4, 3.6) of a dossier: daily classes from the clock
    /// records, the monthly report, spot-check notices and conduct, for the options' period
    /// (the dossier's when absent).
    object: attendance as attendance -> "AttendanceAnswer",
    api: api::attendance_json
}

#[cfg(feature = "full")]
dossier_call! {
    /// The evidence report of a dossier as answer text, byte for byte
    /// `wangge::api::evidence_json` (arguments as [`evaluate_json`]; of the options only
    /// `period` is used).
    json: evidence_json as evidenceJson,
    /// The evidence report (2.1.2, 2.1.4–2.1.8, 2.2.2, 4.1) of a dossier: problems found and
    /// solved, urgent reports, proxy services and ledgers, for the options' period (the
    /// dossier's when absent).
    object: evidence as evidence -> "EvidenceAnswer",
    api: api::evidence_json
}

/// The grade of a score as answer text, byte for byte `wangge::api::grade_for_score_json`.
#[wasm_bindgen(js_name = gradeForScoreJson)]
pub fn grade_for_score_json(
    score: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "PolicyDocument | string | null")]
    policy: Option<JsValue>,
) -> String {
    match optional_text(policy, "policy") {
        Ok(p) => api::grade_for_score_json(p.as_deref(), score),
        Err(failure) => failure,
    }
}

/// The grade (4.1) of a score given as a decimal string (`"87.5"`) under a policy's bands (the
/// default policy when absent): `excellent`, `competent`, `basically_competent` or
/// `incompetent`; a `shape` failure when the score is not a decimal.
#[wasm_bindgen(js_name = gradeForScore, unchecked_return_type = "GradeAnswer")]
pub fn grade_for_score(
    score: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "PolicyDocument | string | null")]
    policy: Option<JsValue>,
) -> JsValue {
    to_object(grade_for_score_json(score, policy))
}

/// The policy linter's answer as text, byte for byte `wangge::api::check_policy_json`.
#[wasm_bindgen(js_name = checkPolicyJson)]
pub fn check_policy_json(
    #[wasm_bindgen(unchecked_param_type = "PolicyDocument | string")] policy: JsValue,
) -> String {
    match document_text(&policy, "policy") {
        Ok(text) => api::check_policy_json(&text),
        Err(failure) => failure,
    }
}

/// Checks a policy document (an object or its text) and lints its assessment scheme: success
/// holds the linter's report (band gaps and overlaps, weights, unreachable grades, exception
/// conflicts, non-monotonic scoring), failure every structural problem found.
#[wasm_bindgen(js_name = checkPolicy, unchecked_return_type = "CheckPolicyAnswer")]
pub fn check_policy(
    #[wasm_bindgen(unchecked_param_type = "PolicyDocument | string")] policy: JsValue,
) -> JsValue {
    to_object(check_policy_json(policy))
}

/// Parses policy JSON text (as read from a file) into a checked `PolicyDocument` object, ready
/// to show, edit and pass back to `evaluate` or `assess`; failure holds every structural
/// problem, as `checkPolicy` reports them.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = parsePolicy, unchecked_return_type = "PolicyAnswer")]
pub fn parse_policy(text: &str) -> JsValue {
    let document = wangge::Policy::from_json(text).map(|p| p.document().clone());
    to_object(Answer::from_result(document).to_json())
}

/// The embedded default policy (新城街道, 2022) as answer text.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = defaultPolicyJson)]
pub fn default_policy_json() -> String {
    api::default_policy_json()
}

/// The embedded default policy (新城街道, 2022): a `PolicyDocument` in a success answer.
#[cfg(feature = "full")]
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

/// The decision on a disclosure request (2.2.5) as answer text, byte for byte
/// `wangge::api::disclose_json`.
///
/// `dossier`: a `Dossier` object or its JSON text. `request`: a `DisclosureRequest` object or
/// text (requester, purpose, date, community, fields as dossier paths, optional records, the
/// approvals obtained). `policy`: a `PolicyDocument` object or text; the embedded default policy
/// when absent (it names the relevant department of each kind of data).
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = discloseJson)]
pub fn disclose_json(
    #[wasm_bindgen(unchecked_param_type = "Dossier | string")] dossier: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DisclosureRequest | string")] request: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PolicyDocument | string | null")]
    policy: Option<JsValue>,
) -> String {
    let texts = (|| {
        Ok::<_, String>((
            document_text(&dossier, "dossier")?,
            document_text(&request, "request")?,
            optional_text(policy, "policy")?,
        ))
    })();
    match texts {
        Ok((d, r, p)) => api::disclose_json(p.as_deref(), &d, &r),
        Err(failure) => failure,
    }
}

/// Decides a request to give data outside (2.2.5): granted only with dated, unexpired approvals
/// of both the community Party organisation and each relevant functional department. A refusal
/// is a **success** answer whose `audit.decision` is `refused` and whose `audit.reasons` name
/// what is missing; a grant also holds the redacted copy (only the fields and records asked).
/// A failure means the dossier or request cannot be read (see [`disclose_json`]).
#[cfg(feature = "full")]
#[wasm_bindgen(unchecked_return_type = "DiscloseAnswer")]
pub fn disclose(
    #[wasm_bindgen(unchecked_param_type = "Dossier | string")] dossier: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DisclosureRequest | string")] request: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PolicyDocument | string | null")]
    policy: Option<JsValue>,
) -> JsValue {
    to_object(disclose_json(dossier, request, policy))
}

/// A dossier as a viewer may see it, as answer text, byte for byte `wangge::api::view_json`.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = viewJson)]
pub fn view_json(
    #[wasm_bindgen(unchecked_param_type = "Dossier | string")] dossier: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Viewer | string")] viewer: JsValue,
) -> String {
    let texts = document_text(&dossier, "dossier")
        .and_then(|d| document_text(&viewer, "viewer").map(|v| (d, v)));
    match texts {
        Ok((d, v)) => api::view_json(&d, &v),
        Err(failure) => failure,
    }
}

/// The dossier as a viewer may see it (access scope): a grid worker
/// (`{kind: "person", person: "w1", from: "2023-05-10"}`) the records of their grids and their
/// own, a grid leader their community, the subdistrict (`{kind: "subdistrict"}`) everything.
/// Asking beyond one's scope is not an error: the view is filtered and states the scope applied.
#[cfg(feature = "full")]
#[wasm_bindgen(unchecked_return_type = "ViewAnswer")]
pub fn view(
    #[wasm_bindgen(unchecked_param_type = "Dossier | string")] dossier: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Viewer | string")] viewer: JsValue,
) -> JsValue {
    to_object(view_json(dossier, viewer))
}

/// The public notice of a community as answer text, byte for byte
/// `wangge::api::public_notice_json`.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = publicNoticeJson)]
pub fn public_notice_json(
    #[wasm_bindgen(unchecked_param_type = "Dossier | string")] dossier: JsValue,
    community: &str,
    date: &str,
) -> String {
    match document_text(&dossier, "dossier") {
        Ok(d) => api::public_notice_json(&d, community, date),
        Err(failure) => failure,
    }
}

/// The public notice (2.2.4) of community `community` (an ID) on `date` (`YYYY-MM-DD`): grid
/// names, map references and buildings, and each worker's and the grid leader's name, photo
/// reference, phone, services and duties, built from public fields only; `gaps` lists what the
/// board lacks.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = publicNotice, unchecked_return_type = "PublicNoticeAnswer")]
pub fn public_notice(
    #[wasm_bindgen(unchecked_param_type = "Dossier | string")] dossier: JsValue,
    community: &str,
    date: &str,
) -> JsValue {
    to_object(public_notice_json(dossier, community, date))
}

/// The grid-division filing as answer text, byte for byte `wangge::api::grid_filing_json`.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = gridFilingJson)]
pub fn grid_filing_json(
    #[wasm_bindgen(unchecked_param_type = "Dossier | string")] dossier: JsValue,
    community: &str,
    from: Option<String>,
    to: &str,
) -> String {
    match document_text(&dossier, "dossier") {
        Ok(d) => api::grid_filing_json(&d, community, from.as_deref(), to),
        Err(failure) => failure,
    }
}

/// The filing (1.2) of community `community`'s division `to` for the subdistrict's
/// grid-governance leading group: what moved (area, from grid, to grid, effective date) since
/// division `from` (a division ID; `null` or `undefined` for the community's first division).
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = gridFiling, unchecked_return_type = "GridFilingAnswer")]
pub fn grid_filing(
    #[wasm_bindgen(unchecked_param_type = "Dossier | string")] dossier: JsValue,
    community: &str,
    from: Option<String>,
    to: &str,
) -> JsValue {
    to_object(grid_filing_json(dossier, community, from, to))
}

/// Every dossier field path with its class as answer text, byte for byte
/// `wangge::api::data_classes_json`.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = dataClassesJson)]
pub fn data_classes_json() -> String {
    api::data_classes_json()
}

/// Every field path of a dossier with its class: `public` (what 2.2.4 posts), `internal` or
/// `confidential` (ledgers and residents' personal data; 2.2.5).
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = dataClasses, unchecked_return_type = "DataClassesAnswer")]
pub fn data_classes() -> JsValue {
    to_object(api::data_classes_json())
}

/// The version of wangge this package was built from.
#[wasm_bindgen]
pub fn version() -> String {
    wangge::VERSION.to_owned()
}

/// Runs the call a call document names, as answer text, byte for byte `wangge::api::call_json`:
/// `{call: "assess", dossier: "<dossier JSON text>", options: "<options text>"}` — every
/// document as its JSON text, the calls and their arguments those of the typed functions above
/// (`callNames()` lists the calls). The document may be given as text or as an object. For
/// hosts that pass calls through one function, and for the shared case runners.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = callJson)]
pub fn call_json(
    #[wasm_bindgen(unchecked_param_type = "object | string")] call: JsValue,
) -> String {
    match document_text(&call, "call document") {
        Ok(text) => api::call_json(&text),
        Err(failure) => failure,
    }
}

/// Runs the call a call document names (see [`call_json`]): the answer as a JavaScript object.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = call)]
pub fn call(#[wasm_bindgen(unchecked_param_type = "object | string")] call: JsValue) -> JsValue {
    to_object(call_json(call))
}

/// The names of the calls a call document may name (`"evaluate"`, `"assess"`, …).
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = callNames)]
pub fn call_names() -> Vec<String> {
    api::Call::NAMES.iter().map(|n| (*n).to_owned()).collect()
}

// ------------------------------------------------------------ two policies (reform, #18)

/// What changed from policy A to policy B as answer text, byte for byte
/// `wangge::api::diff_json`. `policyA`, `policyB`: `PolicyDocument` objects or texts; the
/// embedded default policy when absent.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = diffJson)]
pub fn diff_json(
    #[wasm_bindgen(unchecked_optional_param_type = "PolicyDocument | string | null")]
    policy_a: Option<JsValue>,
    #[wasm_bindgen(unchecked_optional_param_type = "PolicyDocument | string | null")]
    policy_b: Option<JsValue>,
) -> String {
    let texts = (|| {
        Ok::<_, String>((
            optional_text(policy_a, "policy A")?,
            optional_text(policy_b, "policy B")?,
        ))
    })();
    match texts {
        Ok((a, b)) => api::diff_json(a.as_deref(), b.as_deref()),
        Err(failure) => failure,
    }
}

/// What changed from policy A to policy B — parameters, obligations added, removed or retired
/// (with their dates), components, bonus items and deductions, bands, exceptions — each change
/// citing its clause, with `text_zh` and `text_en` (arguments as [`diff_json`]).
#[cfg(feature = "full")]
#[wasm_bindgen(unchecked_return_type = "DiffAnswer")]
pub fn diff(
    #[wasm_bindgen(unchecked_optional_param_type = "PolicyDocument | string | null")]
    policy_a: Option<JsValue>,
    #[wasm_bindgen(unchecked_optional_param_type = "PolicyDocument | string | null")]
    policy_b: Option<JsValue>,
) -> JsValue {
    to_object(diff_json(policy_a, policy_b))
}

/// The comparison of a dossier under two policies as answer text, byte for byte
/// `wangge::api::compare_json`. `dossier`: a `Dossier` or its text; `policyA`, `policyB`:
/// `PolicyDocument`s or texts (the embedded default when absent); `options` as for `assess`.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = compareJson)]
pub fn compare_json(
    #[wasm_bindgen(unchecked_param_type = "Dossier | string")] dossier: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PolicyDocument | string | null")]
    policy_a: Option<JsValue>,
    #[wasm_bindgen(unchecked_optional_param_type = "PolicyDocument | string | null")]
    policy_b: Option<JsValue>,
    #[wasm_bindgen(unchecked_optional_param_type = "Options | string | null")] options: Option<
        JsValue,
    >,
) -> String {
    let texts = (|| {
        Ok::<_, String>((
            document_text(&dossier, "dossier")?,
            optional_text(policy_a, "policy A")?,
            optional_text(policy_b, "policy B")?,
            optional_text(options, "options")?,
        ))
    })();
    match texts {
        Ok((d, a, b, o)) => api::compare_json(a.as_deref(), b.as_deref(), &d, o.as_deref()),
        Err(failure) => failure,
    }
}

/// Grades a dossier under policy A and policy B and compares: every worker's score and grade
/// under each (exactly `assess`'s), the consequences of 5.1 / 5.2 under each, the reasons that
/// differ for those whose grade changes, and each community's distribution (4.2) under each,
/// largest change first (arguments as [`compare_json`]).
#[cfg(feature = "full")]
#[wasm_bindgen(unchecked_return_type = "CompareAnswer")]
pub fn compare(
    #[wasm_bindgen(unchecked_param_type = "Dossier | string")] dossier: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PolicyDocument | string | null")]
    policy_a: Option<JsValue>,
    #[wasm_bindgen(unchecked_optional_param_type = "PolicyDocument | string | null")]
    policy_b: Option<JsValue>,
    #[wasm_bindgen(unchecked_optional_param_type = "Options | string | null")] options: Option<
        JsValue,
    >,
) -> JsValue {
    to_object(compare_json(dossier, policy_a, policy_b, options))
}

/// A sweep of one policy value as answer text, byte for byte `wangge::api::sweep_json`.
/// `path`: the value's JSON path in the policy (`assessment.bands[0].min.value`); `values`: an
/// array of decimal strings (`["90","92"]`) or its text; `policy`, `options` as for `assess`.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = sweepJson)]
pub fn sweep_json(
    #[wasm_bindgen(unchecked_param_type = "Dossier | string")] dossier: JsValue,
    path: &str,
    #[wasm_bindgen(unchecked_param_type = "(string | number)[] | string")] values: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PolicyDocument | string | null")]
    policy: Option<JsValue>,
    #[wasm_bindgen(unchecked_optional_param_type = "Options | string | null")] options: Option<
        JsValue,
    >,
) -> String {
    let texts = (|| {
        Ok::<_, String>((
            document_text(&dossier, "dossier")?,
            document_text(&values, "values")?,
            optional_text(policy, "policy")?,
            optional_text(options, "options")?,
        ))
    })();
    match texts {
        Ok((d, v, p, o)) => api::sweep_json(p.as_deref(), path, &v, &d, o.as_deref()),
        Err(failure) => failure,
    }
}

/// Sets one numeric policy value (by its JSON path; a grade band's bound moves with the
/// neighbouring band's) to each of a list of values, at most 50, and grades the dossier at
/// each: the distribution and the workers whose grade differs from the policy's own
/// (arguments as [`sweep_json`]).
#[cfg(feature = "full")]
#[wasm_bindgen(unchecked_return_type = "SweepAnswer")]
pub fn sweep(
    #[wasm_bindgen(unchecked_param_type = "Dossier | string")] dossier: JsValue,
    path: &str,
    #[wasm_bindgen(unchecked_param_type = "(string | number)[] | string")] values: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PolicyDocument | string | null")]
    policy: Option<JsValue>,
    #[wasm_bindgen(unchecked_optional_param_type = "Options | string | null")] options: Option<
        JsValue,
    >,
) -> JsValue {
    to_object(sweep_json(dossier, path, values, policy, options))
}
