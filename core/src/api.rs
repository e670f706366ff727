//! A language-neutral call / answer boundary: JSON text in, JSON text out.
//!
//! The C and WebAssembly bindings call these functions and nothing else that computes, so the
//! same input gives the same bytes in every binding. Every answer is tagged:
//!
//! ```json
//! {"status":"success","value":{...}}
//! {"status":"failure","errors":[{"kind":"invalid_time","message":"...","path":"..."}]}
//! ```
//!
//! ```
//! let answer = wangge::api::is_working_day_json(None, "2023-04-23");
//! assert_eq!(answer, r#"{"status":"success","value":true}"#);
//! ```

use crate::clause::{self, Clause};
use crate::compliance::{Options, Report, evaluate};
use crate::dossier::Dossier;
use crate::error::{Error, ErrorKind, Problem, parse_json};
use crate::policy::{Policy, PolicyDocument};
use crate::time::Date;
use schemars::JsonSchema;
use serde::Serialize;

/// An answer: success with a value, or failure with every problem found.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Answer<T> {
    /// The call succeeded.
    Success {
        /// The result.
        value: T,
    },
    /// The call failed.
    Failure {
        /// Every problem, in the order found.
        errors: Vec<Problem>,
    },
}

impl<T: Serialize> Answer<T> {
    /// The answer of a result.
    pub fn from_result(result: Result<T, Error>) -> Answer<T> {
        match result {
            Ok(value) => Answer::Success { value },
            Err(e) => Answer::Failure {
                errors: e.problems().to_vec(),
            },
        }
    }

    /// The answer as compact JSON.
    pub fn to_json(&self) -> String {
        crate::to_json(self)
    }
}

/// The policy named by `policy_json`, or the embedded default when `None`.
pub fn policy_or_default(policy_json: Option<&str>) -> Result<Policy, Error> {
    match policy_json {
        Some(text) => Policy::from_json(text),
        None => Ok(Policy::xincheng_2022()),
    }
}

/// Parses options JSON (`{"period":{"from":..,"to":..},"lang":"zh"}`); `None` gives defaults.
pub fn parse_options(options_json: Option<&str>) -> Result<Options, Error> {
    match options_json {
        Some(text) if !text.trim().is_empty() => {
            crate::limits::check_text(text)?;
            parse_json(text)
        }
        _ => Ok(Options::default()),
    }
}

/// Evaluates a dossier under a policy (the default when `None`).
pub fn evaluate_texts(
    policy_json: Option<&str>,
    dossier_json: &str,
    options_json: Option<&str>,
) -> Result<Report, Error> {
    let policy = policy_or_default(policy_json)?;
    evaluate_under(&policy, dossier_json, options_json)
}

/// Evaluates a dossier under a policy already checked (a binding's policy handle).
pub fn evaluate_under(
    policy: &Policy,
    dossier_json: &str,
    options_json: Option<&str>,
) -> Result<Report, Error> {
    let dossier = Dossier::from_json(dossier_json)?;
    let options = parse_options(options_json)?;
    evaluate(policy, &dossier, &options)
}

/// [`evaluate_texts`] as a JSON answer holding the compliance report.
pub fn evaluate_json(
    policy_json: Option<&str>,
    dossier_json: &str,
    options_json: Option<&str>,
) -> String {
    Answer::from_result(evaluate_texts(policy_json, dossier_json, options_json)).to_json()
}

/// Checks a policy document: the answer holds the normalised document, or every problem.
pub fn check_policy_json(policy_json: &str) -> String {
    Answer::from_result(Policy::from_json(policy_json).map(|p| p.document().clone())).to_json()
}

/// The embedded default policy document as a JSON answer.
pub fn default_policy_json() -> String {
    Answer::<PolicyDocument>::Success {
        value: Policy::xincheng_2022().document().clone(),
    }
    .to_json()
}

/// Whether `date` (`YYYY-MM-DD`) is a working day under a policy (the default when `None`).
pub fn is_working_day(policy_json: Option<&str>, date: &str) -> Result<bool, Error> {
    let policy = policy_or_default(policy_json)?;
    is_working_day_under(&policy, date)
}

/// Whether `date` (`YYYY-MM-DD`) is a working day under a policy already checked.
pub fn is_working_day_under(policy: &Policy, date: &str) -> Result<bool, Error> {
    let date = Date::parse(date).map_err(|m| Problem::new(ErrorKind::InvalidTime, m))?;
    policy.calendar().is_working_day(date)
}

/// [`is_working_day`] as a JSON answer.
pub fn is_working_day_json(policy_json: Option<&str>, date: &str) -> String {
    Answer::from_result(is_working_day(policy_json, date)).to_json()
}

/// The clause with this ID, or an `unknown_clause` error.
pub fn clause_text(id: &str) -> Result<&'static Clause, Error> {
    clause::get(id).ok_or_else(|| {
        Problem::new(
            ErrorKind::UnknownClause,
            format!("`{id}` is not a clause of the measures"),
        )
        .into()
    })
}

/// [`clause_text`] as a JSON answer.
pub fn clause_text_json(id: &str) -> String {
    Answer::from_result(clause_text(id)).to_json()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_are_tagged_with_every_problem() {
        let answer = evaluate_json(None, "{\"period\":", None);
        assert!(
            answer.starts_with(r#"{"status":"failure","errors":[{"kind":"syntax""#),
            "{answer}"
        );
    }

    #[test]
    fn clause_2_2_2_text_is_answered() {
        let answer = clause_text_json("2.2.2");
        assert!(answer.contains("保证每天巡查两小时以上"));
        assert!(clause_text_json("7.7").contains("unknown_clause"));
    }

    #[test]
    fn working_day_of_a_make_up_sunday() {
        assert_eq!(
            is_working_day_json(None, "2023-04-23"),
            r#"{"status":"success","value":true}"#
        );
        assert!(is_working_day_json(None, "2023-02-29").contains("invalid_time"));
        assert!(is_working_day_json(None, "2031-01-02").contains("outside_calendar"));
    }

    #[test]
    fn calls_under_a_checked_policy_answer_as_calls_with_its_text() {
        let policy = Policy::xincheng_2022();
        let dossier = crate::sample::community_2023().to_json();
        let options = r#"{"period":{"from":"2023-05-01","to":"2023-05-31"}}"#;
        assert_eq!(
            evaluate_under(&policy, &dossier, Some(options)),
            evaluate_texts(None, &dossier, Some(options))
        );
        assert_eq!(
            is_working_day_under(&policy, "2023-04-23"),
            is_working_day(None, "2023-04-23")
        );
        assert_eq!(
            is_working_day_under(&policy, "2023-02-29"),
            is_working_day(None, "2023-02-29")
        );
    }
}
