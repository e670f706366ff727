//! A language-neutral call / answer boundary: JSON text in, JSON text out.
//!
//! The C and WebAssembly bindings call these functions and nothing else that computes, so the
//! same input gives the same bytes in every binding. Every answer is tagged:
//!
//! ```json
//! {"status":"success","value":{...},"class":"internal"}
//! {"status":"failure","errors":[{"kind":"invalid_time","message":"...","path":"..."}]}
//! ```
//!
//! ```
//! let answer = wangge::api::is_working_day_json(None, "2023-04-23");
//! assert_eq!(answer, r#"{"status":"success","value":true,"class":"internal"}"#);
//! ```

use crate::assessment::{Assessment, Grade, assess, lint};
use crate::clause::{self, Clause};
use crate::compliance::{Options, Report, evaluate};
use crate::decimal::Decimal;
use crate::dossier::Dossier;
use crate::error::{Error, ErrorKind, Problem, parse_json};
use crate::evidence::{self, EvidenceReport};
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
        /// The highest data class of what `value` carries (2.2.4, 2.2.5), derived from the
        /// field classes: `confidential` when it holds any resident data, so a host knows
        /// before showing it. A failure carries no class: its errors are internal and never
        /// quote a value of a confidential field.
        class: crate::confidentiality::Class,
    },
    /// The call failed.
    Failure {
        /// Every problem, in the order found.
        errors: Vec<Problem>,
    },
}

impl<T: Serialize + JsonSchema> Answer<T> {
    /// A success holding `value`, with its data class.
    pub fn success(value: T) -> Answer<T> {
        let class = serde_json::to_value(&value)
            .map_or(crate::confidentiality::Class::Confidential, |v| {
                crate::confidentiality::answer_class::class_of_answer::<T>(&v)
            });
        Answer::Success { value, class }
    }

    /// The answer of a result.
    pub fn from_result(result: Result<T, Error>) -> Answer<T> {
        match result {
            Ok(value) => Answer::success(value),
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

/// Refuses as `too_large`, before any work, a call whose answer would exceed the size limit
/// ([`crate::limits::MAX_PERSON_DAYS`]): the period asked (the dossier's when absent), within
/// the dossier's, times its people.
fn check_answer(dossier: &Dossier, period: Option<crate::time::DateRange>) -> Result<(), Error> {
    let asked = period.unwrap_or(dossier.period);
    let span = asked
        .intersect(&dossier.period)
        .unwrap_or(crate::time::DateRange::new(asked.from, asked.from));
    crate::limits::check_answer(dossier, &span)
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
    check_answer(&dossier, options.period)?;
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

/// The evidence report (problems found and solved, urgent reports, proxy services, ledgers:
/// 2.1.2, 2.1.4–2.1.8, 2.2.2, 4.1) of a dossier under a policy (the default when `None`), for
/// the options' period (the dossier's when absent; `lang` is not used).
pub fn evidence_texts(
    policy_json: Option<&str>,
    dossier_json: &str,
    options_json: Option<&str>,
) -> Result<EvidenceReport, Error> {
    let policy = policy_or_default(policy_json)?;
    evidence_under(&policy, dossier_json, options_json)
}

/// [`evidence_texts`] under a policy already checked (a binding's policy handle).
pub fn evidence_under(
    policy: &Policy,
    dossier_json: &str,
    options_json: Option<&str>,
) -> Result<EvidenceReport, Error> {
    let dossier = Dossier::from_json(dossier_json)?;
    let options = parse_options(options_json)?;
    check_answer(&dossier, options.period)?;
    evidence::evaluate(policy, &dossier, options.period.unwrap_or(dossier.period))
}

/// [`evidence_texts`] as a JSON answer holding the evidence report.
pub fn evidence_json(
    policy_json: Option<&str>,
    dossier_json: &str,
    options_json: Option<&str>,
) -> String {
    Answer::from_result(evidence_texts(policy_json, dossier_json, options_json)).to_json()
}

/// The attendance report (3.3, 3.4, 3.6) of a dossier under a policy (the default when
/// `None`), for the options' period (the dossier's when absent).
pub fn attendance_texts(
    policy_json: Option<&str>,
    dossier_json: &str,
    options_json: Option<&str>,
) -> Result<crate::attendance::AttendanceReport, Error> {
    let policy = policy_or_default(policy_json)?;
    attendance_under(&policy, dossier_json, options_json)
}

/// [`attendance_texts`] under a policy already checked (a binding's policy handle).
pub fn attendance_under(
    policy: &Policy,
    dossier_json: &str,
    options_json: Option<&str>,
) -> Result<crate::attendance::AttendanceReport, Error> {
    let dossier = Dossier::from_json(dossier_json)?;
    let options = parse_options(options_json)?;
    check_answer(&dossier, options.period)?;
    crate::attendance::evaluate(policy, &dossier, options.period.unwrap_or(dossier.period))
}

/// [`attendance_texts`] as a JSON answer holding the attendance report.
pub fn attendance_json(
    policy_json: Option<&str>,
    dossier_json: &str,
    options_json: Option<&str>,
) -> String {
    Answer::from_result(attendance_texts(policy_json, dossier_json, options_json)).to_json()
}

/// Checks a policy document and lints its assessment scheme: the answer holds the linter's
/// report (band gaps and overlaps, weights, unreachable grades, exception conflicts,
/// non-monotonic scoring), or every structural problem as a failure.
pub fn check_policy_json(policy_json: &str) -> String {
    Answer::from_result(Policy::from_json(policy_json).map(|p| lint::check_policy(&p))).to_json()
}

/// The linter's answer for a policy already checked (a binding's policy handle).
pub fn check_policy_under(policy: &Policy) -> String {
    Answer::<lint::LintReport>::success(lint::check_policy(policy)).to_json()
}

/// Grades every grid worker of a dossier under a policy (the default when `None`).
pub fn assess_texts(
    policy_json: Option<&str>,
    dossier_json: &str,
    options_json: Option<&str>,
) -> Result<Assessment, Error> {
    let policy = policy_or_default(policy_json)?;
    assess_under(&policy, dossier_json, options_json)
}

/// [`assess_texts`] under a policy already checked (a binding's policy handle).
pub fn assess_under(
    policy: &Policy,
    dossier_json: &str,
    options_json: Option<&str>,
) -> Result<Assessment, Error> {
    let dossier = Dossier::from_json(dossier_json)?;
    let options = parse_options(options_json)?;
    check_answer(&dossier, options.period)?;
    assess(policy, &dossier, &options)
}

/// [`assess_texts`] as a JSON answer holding the assessment.
pub fn assess_json(
    policy_json: Option<&str>,
    dossier_json: &str,
    options_json: Option<&str>,
) -> String {
    Answer::from_result(assess_texts(policy_json, dossier_json, options_json)).to_json()
}

/// The grade of a score (`"87.5"`) under a policy's bands (the default policy when `None`).
pub fn grade_for_score(policy_json: Option<&str>, score: &str) -> Result<Grade, Error> {
    grade_for_score_under(&policy_or_default(policy_json)?, score)
}

/// [`grade_for_score`] under a policy already checked (a binding's policy handle).
pub fn grade_for_score_under(policy: &Policy, score: &str) -> Result<Grade, Error> {
    let score = Decimal::parse(score).map_err(|m| Problem::new(ErrorKind::Shape, m))?;
    let scheme = policy.document().assessment.as_ref().ok_or_else(|| {
        Problem::new(
            ErrorKind::InvalidPolicy,
            "the policy has no assessment scheme",
        )
        .at("assessment")
    })?;
    scheme.grade_for(score).ok_or_else(|| {
        Problem::new(
            ErrorKind::InvalidPolicy,
            format!("no grade band holds the score `{score}`"),
        )
        .at("assessment.bands")
        .into()
    })
}

/// [`grade_for_score`] as a JSON answer (`"excellent"`, …).
pub fn grade_for_score_json(policy_json: Option<&str>, score: &str) -> String {
    Answer::from_result(grade_for_score(policy_json, score)).to_json()
}

/// The embedded default policy document as a JSON answer.
pub fn default_policy_json() -> String {
    Answer::<PolicyDocument>::success(Policy::xincheng_2022().document().clone()).to_json()
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

/// Decides a disclosure request (2.2.5) under a policy (the default when `None`): the audit
/// entry, and the redacted copy when granted.
pub fn disclose_texts(
    policy_json: Option<&str>,
    dossier_json: &str,
    request_json: &str,
) -> Result<crate::confidentiality::Disclosure, Error> {
    let policy = policy_or_default(policy_json)?;
    disclose_under(&policy, dossier_json, request_json)
}

/// [`disclose_texts`] under a policy already checked (a binding's policy handle).
pub fn disclose_under(
    policy: &Policy,
    dossier_json: &str,
    request_json: &str,
) -> Result<crate::confidentiality::Disclosure, Error> {
    let dossier = Dossier::from_json(dossier_json)?;
    crate::limits::check_text(request_json)?;
    let request = parse_json(request_json)?;
    crate::confidentiality::disclose(policy, &dossier, &request)
}

/// [`disclose_texts`] as a JSON answer: a refusal is a success whose audit entry says
/// `refused`; a failure is a request or dossier that cannot be read.
pub fn disclose_json(policy_json: Option<&str>, dossier_json: &str, request_json: &str) -> String {
    Answer::from_result(disclose_texts(policy_json, dossier_json, request_json)).to_json()
}

/// The dossier as a viewer may see it (`{"kind":"person","person":"w1","from":"2023-05-10"}` or
/// `{"kind":"subdistrict"}`), with the scope applied (2.2.5).
pub fn view_texts(
    dossier_json: &str,
    viewer_json: &str,
) -> Result<crate::confidentiality::View, Error> {
    let dossier = Dossier::from_json(dossier_json)?;
    crate::limits::check_text(viewer_json)?;
    let viewer = parse_json(viewer_json)?;
    crate::confidentiality::view(&dossier, &viewer)
}

/// [`view_texts`] as a JSON answer.
pub fn view_json(dossier_json: &str, viewer_json: &str) -> String {
    Answer::from_result(view_texts(dossier_json, viewer_json)).to_json()
}

/// The public notice (2.2.4) of a community on a date (`YYYY-MM-DD`).
pub fn public_notice_texts(
    dossier_json: &str,
    community: &str,
    date: &str,
) -> Result<crate::confidentiality::PublicNotice, Error> {
    let dossier = Dossier::from_json(dossier_json)?;
    let date = Date::parse(date).map_err(|m| Problem::new(ErrorKind::InvalidTime, m).at("date"))?;
    crate::confidentiality::public_notice(&dossier, community, date)
}

/// [`public_notice_texts`] as a JSON answer.
pub fn public_notice_json(dossier_json: &str, community: &str, date: &str) -> String {
    Answer::from_result(public_notice_texts(dossier_json, community, date)).to_json()
}

/// The filing (1.2) of a community's division `to` for the subdistrict's grid-governance
/// leading group, compared with division `from` (the first division when `None`).
pub fn grid_filing_texts(
    dossier_json: &str,
    community: &str,
    from: Option<&str>,
    to: &str,
) -> Result<crate::division::GridFiling, Error> {
    let dossier = Dossier::from_json(dossier_json)?;
    crate::division::filing(&dossier.organisation, community, from, to)
}

/// [`grid_filing_texts`] as a JSON answer.
pub fn grid_filing_json(
    dossier_json: &str,
    community: &str,
    from: Option<&str>,
    to: &str,
) -> String {
    Answer::from_result(grid_filing_texts(dossier_json, community, from, to)).to_json()
}

/// Every field path of a dossier with its class (public, internal, confidential; 2.2.4, 2.2.5).
pub fn data_classes_json() -> String {
    Answer::<Vec<crate::confidentiality::FieldClass>>::success(
        crate::confidentiality::classes::dossier_fields().to_vec(),
    )
    .to_json()
}

// ------------------------------------------------------------------ reform (#18): two policies

/// What changed from policy A to policy B (each the default when `None`), each change citing its
/// clause, in Chinese and English ([`crate::reform::diff`]).
pub fn diff_texts(
    policy_a_json: Option<&str>,
    policy_b_json: Option<&str>,
) -> Result<crate::reform::PolicyDiff, Error> {
    let a = policy_or_default(policy_a_json)?;
    let b = policy_or_default(policy_b_json)?;
    Ok(crate::reform::diff(&a, &b))
}

/// [`diff_texts`] as a JSON answer holding the diff.
pub fn diff_json(policy_a_json: Option<&str>, policy_b_json: Option<&str>) -> String {
    Answer::from_result(diff_texts(policy_a_json, policy_b_json)).to_json()
}

/// Grades a dossier under policies A and B (each the default when `None`) and compares
/// ([`crate::reform::compare`]).
pub fn compare_texts(
    policy_a_json: Option<&str>,
    policy_b_json: Option<&str>,
    dossier_json: &str,
    options_json: Option<&str>,
) -> Result<crate::reform::Comparison, Error> {
    let a = policy_or_default(policy_a_json)?;
    let b = policy_or_default(policy_b_json)?;
    compare_under(&a, &b, dossier_json, options_json)
}

/// [`compare_texts`] under two policies already checked (a binding's policy handles).
pub fn compare_under(
    a: &Policy,
    b: &Policy,
    dossier_json: &str,
    options_json: Option<&str>,
) -> Result<crate::reform::Comparison, Error> {
    let dossier = Dossier::from_json(dossier_json)?;
    let options = parse_options(options_json)?;
    check_answer(&dossier, options.period)?;
    crate::reform::compare(a, b, &dossier, &options)
}

/// [`compare_texts`] as a JSON answer holding the comparison.
pub fn compare_json(
    policy_a_json: Option<&str>,
    policy_b_json: Option<&str>,
    dossier_json: &str,
    options_json: Option<&str>,
) -> String {
    Answer::from_result(compare_texts(
        policy_a_json,
        policy_b_json,
        dossier_json,
        options_json,
    ))
    .to_json()
}

/// Parses the values of a sweep: a JSON array of decimals as strings (`["90","92"]`) or
/// integers.
pub fn parse_sweep_values(values_json: &str) -> Result<Vec<Decimal>, Error> {
    crate::limits::check_text(values_json)?;
    parse_json::<Vec<Decimal>>(values_json).map_err(|e| {
        Error::from_problems(
            e.problems()
                .iter()
                .map(|p| {
                    let mut p = p.clone();
                    p.path = Some(match &p.path {
                        Some(x) if !x.is_empty() => format!("values{x}"),
                        _ => "values".into(),
                    });
                    p
                })
                .collect(),
        )
    })
}

/// Sweeps one numeric value of a policy (the default when `None`), named by its JSON path, over
/// `values_json` ([`crate::reform::sweep`]).
pub fn sweep_texts(
    policy_json: Option<&str>,
    path: &str,
    values_json: &str,
    dossier_json: &str,
    options_json: Option<&str>,
) -> Result<crate::reform::Sweep, Error> {
    let policy = policy_or_default(policy_json)?;
    sweep_under(&policy, path, values_json, dossier_json, options_json)
}

/// [`sweep_texts`] under a policy already checked (a binding's policy handle).
pub fn sweep_under(
    policy: &Policy,
    path: &str,
    values_json: &str,
    dossier_json: &str,
    options_json: Option<&str>,
) -> Result<crate::reform::Sweep, Error> {
    let values = parse_sweep_values(values_json)?;
    let dossier = Dossier::from_json(dossier_json)?;
    let options = parse_options(options_json)?;
    check_answer(&dossier, options.period)?;
    crate::reform::sweep(policy, path, &values, &dossier, &options)
}

/// [`sweep_texts`] as a JSON answer holding the sweep.
pub fn sweep_json(
    policy_json: Option<&str>,
    path: &str,
    values_json: &str,
    dossier_json: &str,
    options_json: Option<&str>,
) -> String {
    Answer::from_result(sweep_texts(
        policy_json,
        path,
        values_json,
        dossier_json,
        options_json,
    ))
    .to_json()
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
    fn clause_4_1_grade_for_a_score_at_the_band_edge() {
        assert_eq!(
            grade_for_score_json(None, "90"),
            r#"{"status":"success","value":"excellent","class":"internal"}"#
        );
        assert_eq!(
            grade_for_score_json(None, "89.99"),
            r#"{"status":"success","value":"competent","class":"internal"}"#
        );
        assert!(grade_for_score_json(None, "ninety").contains("shape"));
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
            r#"{"status":"success","value":true,"class":"internal"}"#
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
