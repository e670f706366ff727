//! JSON Schemas of every document and answer, generated from the types.
//!
//! The committed copies live in `schemas/` at the top of the repository; a test regenerates
//! them and fails when they differ (set `WANGGE_BLESS=1` to rewrite them).

use crate::api::Answer;
use schemars::{JsonSchema, generate::SchemaSettings};

/// The schema of `T` as a JSON value (draft 2020-12), as the committed files hold it.
pub fn value_of<T: JsonSchema>() -> serde_json::Value {
    crate::json::schema_value::<T>()
}

fn schema_of<T: JsonSchema>() -> String {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let schema = generator.into_root_schema_for::<T>();
    let mut text = crate::to_json_pretty(&schema);
    text.push('\n');
    text
}

/// Every schema as (file name, JSON text), in a fixed order: the documents, then the answers of
/// [`crate::api`] (`evaluate_json`, `check_policy_json` and `default_policy_json`,
/// `is_working_day_json`, `clause_text_json`, `disclose_json`, `view_json`,
/// `public_notice_json`, `grid_filing_json`, `data_classes_json`), so bindings can type both sides of the boundary.
pub fn all() -> Vec<(&'static str, String)> {
    vec![
        ("policy.schema.json", schema_of::<crate::PolicyDocument>()),
        ("dossier.schema.json", schema_of::<crate::Dossier>()),
        (
            "organisation.schema.json",
            schema_of::<crate::Organisation>(),
        ),
        ("records.schema.json", schema_of::<crate::Records>()),
        ("options.schema.json", schema_of::<crate::Options>()),
        ("report.schema.json", schema_of::<crate::Report>()),
        (
            "evidence-report.schema.json",
            schema_of::<crate::evidence::EvidenceReport>(),
        ),
        (
            "attendance-report.schema.json",
            schema_of::<crate::attendance::AttendanceReport>(),
        ),
        (
            "evaluate-answer.schema.json",
            schema_of::<Answer<crate::Report>>(),
        ),
        (
            "policy-answer.schema.json",
            schema_of::<Answer<crate::PolicyDocument>>(),
        ),
        (
            "check-policy-answer.schema.json",
            schema_of::<Answer<crate::assessment::lint::LintReport>>(),
        ),
        (
            "diff-answer.schema.json",
            schema_of::<Answer<crate::reform::PolicyDiff>>(),
        ),
        (
            "compare-answer.schema.json",
            schema_of::<Answer<crate::reform::Comparison>>(),
        ),
        (
            "sweep-answer.schema.json",
            schema_of::<Answer<crate::reform::Sweep>>(),
        ),
        (
            "assess-answer.schema.json",
            schema_of::<Answer<crate::assessment::Assessment>>(),
        ),
        (
            "grade-answer.schema.json",
            schema_of::<Answer<crate::assessment::Grade>>(),
        ),
        (
            "attendance-answer.schema.json",
            schema_of::<Answer<crate::attendance::AttendanceReport>>(),
        ),
        (
            "evidence-answer.schema.json",
            schema_of::<Answer<crate::evidence::EvidenceReport>>(),
        ),
        (
            "working-day-answer.schema.json",
            schema_of::<Answer<bool>>(),
        ),
        (
            "clause-answer.schema.json",
            schema_of::<Answer<crate::clause::Clause>>(),
        ),
        (
            "disclosure-request.schema.json",
            schema_of::<crate::confidentiality::DisclosureRequest>(),
        ),
        (
            "viewer.schema.json",
            schema_of::<crate::confidentiality::Viewer>(),
        ),
        (
            "disclose-answer.schema.json",
            schema_of::<Answer<crate::confidentiality::Disclosure>>(),
        ),
        (
            "view-answer.schema.json",
            schema_of::<Answer<crate::confidentiality::View>>(),
        ),
        (
            "public-notice-answer.schema.json",
            schema_of::<Answer<crate::confidentiality::PublicNotice>>(),
        ),
        (
            "grid-filing-answer.schema.json",
            schema_of::<Answer<crate::division::GridFiling>>(),
        ),
        (
            "data-classes-answer.schema.json",
            schema_of::<Answer<Vec<crate::confidentiality::FieldClass>>>(),
        ),
    ]
}
