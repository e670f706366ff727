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
use crate::error::{Error, ErrorKind, Problem};
use crate::evidence::{self, EvidenceReport};
use crate::json::parse_json;
use crate::policy::{Policy, PolicyDocument};
use crate::time::Date;
use schemars::JsonSchema;
use serde::Serialize;

mod call;
pub use call::{Call, call_json, parse_call, run_call};

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
        /// The fields withheld by the options' `class_at_most`, as schema paths
        /// (`ledgers[].must_visit_groups`); absent when nothing was withheld.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        withheld: Vec<String>,
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
        Answer::Success {
            value,
            class,
            withheld: Vec::new(),
        }
    }

    /// The success answer text of `value` with every field above `at_most` withheld (2.2.4,
    /// 2.2.5), the paths withheld listed and the class of what is left stated; the whole value,
    /// byte for byte [`Answer::success`], when `at_most` is `None` or nothing is above it. (An
    /// answer with fields withheld is built through a JSON value, so its object keys come in
    /// alphabetical order.)
    pub fn success_at_most(value: T, at_most: Option<crate::confidentiality::Class>) -> String {
        use crate::confidentiality::answer_class;
        let Some(max) = at_most else {
            return Answer::success(value).to_json();
        };
        // Serialising our own types does not fail; if it did, nothing is shown (`null`).
        let json = serde_json::to_value(&value).unwrap_or(serde_json::Value::Null);
        let (kept, withheld) = answer_class::withhold::<T>(&json, max);
        if withheld.is_empty() {
            return Answer::success(value).to_json();
        }
        Answer::Success {
            class: answer_class::class_within::<T>(&kept),
            value: kept,
            withheld: withheld.into_iter().collect(),
        }
        .to_json()
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

/// Parses options JSON (`{"period":{"from":..,"to":..},"lang":"zh","class_at_most":"internal"}`);
/// `None` gives defaults.
pub fn parse_options(options_json: Option<&str>) -> Result<Options, Error> {
    match options_json {
        Some(text) if !text.trim().is_empty() => crate::limits::check_text(text)
            .and_then(|()| parse_json(text))
            .map_err(|e| {
                use crate::people_message::{Document, in_document};
                in_document(e, text, Document::Options)
            }),
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
    let people = u64::try_from(dossier.organisation.people.len()).unwrap_or(u64::MAX);
    let days = u64::try_from(span.len_days().max(0)).unwrap_or(u64::MAX);
    crate::limits::check_person_days(people, days)
}

/// The dossier and options of a call over a dossier, each read once; an answer over the size
/// limit is refused before any work.
fn read_dossier_call(
    dossier_json: &str,
    options_json: Option<&str>,
) -> Result<(Dossier, Options), Error> {
    let dossier = Dossier::from_json(dossier_json)?;
    let options = parse_options(options_json)?;
    check_answer(&dossier, options.period)?;
    Ok((dossier, options))
}

/// The success answer text of a call over a dossier, with the options' `class_at_most`
/// applied.
fn dossier_answer<T: Serialize + JsonSchema>(
    policy: &Policy,
    dossier_json: &str,
    options_json: Option<&str>,
    run: impl FnOnce(&Policy, &Dossier, &Options) -> Result<T, Error>,
) -> Result<String, Error> {
    let (dossier, options) = read_dossier_call(dossier_json, options_json)?;
    let value = run(policy, &dossier, &options)?;
    Ok(Answer::success_at_most(value, options.class_at_most))
}

fn run_evidence(p: &Policy, d: &Dossier, o: &Options) -> Result<EvidenceReport, Error> {
    evidence::evaluate(p, d, o.period.unwrap_or(d.period))
}

fn run_attendance(
    p: &Policy,
    d: &Dossier,
    o: &Options,
) -> Result<crate::attendance::AttendanceReport, Error> {
    crate::attendance::evaluate(p, d, o.period.unwrap_or(d.period))
}

/// Defines, for one operation over a policy, a dossier and options: `$under`, the typed value
/// under a policy already checked (a binding's policy handle); `$answer_under`, its success
/// answer text with the options' `class_at_most` applied; and `$json`, the answer text of
/// [`Call`]'s variant `$variant` under the policy named (the default when `None`).
macro_rules! dossier_operation {
    (
        $(#[$doc:meta])*
        $variant:ident -> $value:ty, run: $run:path,
        under: $under:ident, answer_under: $answer_under:ident, json: $json:ident
    ) => {
        $(#[$doc])*
        ///
        /// Under a policy already checked (a binding's policy handle).
        pub fn $under(
            policy: &Policy,
            dossier_json: &str,
            options_json: Option<&str>,
        ) -> Result<$value, Error> {
            let (dossier, options) = read_dossier_call(dossier_json, options_json)?;
            $run(policy, &dossier, &options)
        }

        #[doc = concat!("[`", stringify!($under), "`]'s success answer text, with the options' `class_at_most` applied.")]
        pub fn $answer_under(
            policy: &Policy,
            dossier_json: &str,
            options_json: Option<&str>,
        ) -> Result<String, Error> {
            dossier_answer(policy, dossier_json, options_json, $run)
        }

        #[doc = concat!("[`", stringify!($under), "`] as a JSON answer, under the policy named by `policy_json` (the default when `None`): [`Call::", stringify!($variant), "`].")]
        pub fn $json(
            policy_json: Option<&str>,
            dossier_json: &str,
            options_json: Option<&str>,
        ) -> String {
            Call::$variant {
                policy: policy_json.map(Into::into),
                dossier: dossier_json.into(),
                options: options_json.map(Into::into),
            }
            .answer()
        }
    };
}

dossier_operation! {
    /// Evaluates a dossier: the compliance report of every grid leader, grid worker and
    /// community, each finding with its clause.
    Evaluate -> Report, run: evaluate,
    under: evaluate_under, answer_under: evaluate_answer_under, json: evaluate_json
}

dossier_operation! {
    /// The evidence report (problems found and solved, urgent reports, proxy services, ledgers:
    /// 2.1.2, 2.1.4–2.1.8, 2.2.2, 4.1) of a dossier for the options' period (the dossier's when
    /// absent; `lang` is not used).
    Evidence -> EvidenceReport, run: run_evidence,
    under: evidence_under, answer_under: evidence_answer_under, json: evidence_json
}

dossier_operation! {
    /// The attendance report (3.3, 3.4, 3.6) of a dossier for the options' period (the
    /// dossier's when absent).
    Attendance -> crate::attendance::AttendanceReport, run: run_attendance,
    under: attendance_under, answer_under: attendance_answer_under, json: attendance_json
}

dossier_operation! {
    /// Grades every grid worker of a dossier (4.1), with the reasons, consequences (5.1, 5.2)
    /// and the community roll-up (4.2).
    Assess -> Assessment, run: assess,
    under: assess_under, answer_under: assess_answer_under, json: assess_json
}

/// Checks a policy document and lints its assessment scheme: the answer holds the linter's
/// report (band gaps and overlaps, weights, unreachable grades, exception conflicts,
/// non-monotonic scoring), or every structural problem as a failure.
pub fn check_policy_json(policy_json: &str) -> String {
    Call::CheckPolicy {
        policy: policy_json.into(),
    }
    .answer()
}

/// The linter's answer for a policy already checked (a binding's policy handle).
pub fn check_policy_under(policy: &Policy) -> String {
    Answer::<lint::LintReport>::success(lint::check_policy(policy)).to_json()
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
    Call::GradeForScore {
        policy: policy_json.map(Into::into),
        score: score.into(),
    }
    .answer()
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
    Call::IsWorkingDay {
        policy: policy_json.map(Into::into),
        date: date.into(),
    }
    .answer()
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
    Call::ClauseText { id: id.into() }.answer()
}

/// Decides a disclosure request (2.2.5) under a policy already checked (a binding's policy
/// handle): the audit entry, and the redacted copy when granted.
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

/// [`disclose_under`] as a JSON answer, under the policy named (the default when `None`): a refusal is a success whose audit entry says
/// `refused`; a failure is a request or dossier that cannot be read.
pub fn disclose_json(policy_json: Option<&str>, dossier_json: &str, request_json: &str) -> String {
    Call::Disclose {
        policy: policy_json.map(Into::into),
        dossier: dossier_json.into(),
        request: request_json.into(),
    }
    .answer()
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
    Call::View {
        dossier: dossier_json.into(),
        viewer: viewer_json.into(),
    }
    .answer()
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
    Call::PublicNotice {
        dossier: dossier_json.into(),
        community: community.into(),
        date: date.into(),
    }
    .answer()
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
    Call::GridFiling {
        dossier: dossier_json.into(),
        community: community.into(),
        from: from.map(Into::into),
        to: to.into(),
    }
    .answer()
}

/// Every field path of a dossier with its class (public, internal, confidential; 2.2.4, 2.2.5).
pub fn data_classes_json() -> String {
    Answer::<Vec<crate::confidentiality::FieldClass>>::success(
        crate::confidentiality::classes::dossier_fields().to_vec(),
    )
    .to_json()
}

// ------------------------------------------------------------------ reform (#18): two policies

/// What changed from policy A to policy B, each change citing its clause, in Chinese and
/// English ([`crate::reform::diff`]).
pub fn diff_under(a: &Policy, b: &Policy) -> crate::reform::PolicyDiff {
    crate::reform::diff(a, b)
}

/// [`diff_under`] as a JSON answer, under the policies named (each the default when `None`):
/// [`Call::Diff`].
pub fn diff_json(policy_a_json: Option<&str>, policy_b_json: Option<&str>) -> String {
    Call::Diff {
        policy: policy_a_json.map(Into::into),
        policy_b: policy_b_json.map(Into::into),
    }
    .answer()
}

/// Grades a dossier under policies A and B, already checked (a binding's policy handles), and
/// compares ([`crate::reform::compare`]).
pub fn compare_under(
    a: &Policy,
    b: &Policy,
    dossier_json: &str,
    options_json: Option<&str>,
) -> Result<crate::reform::Comparison, Error> {
    let (dossier, options) = read_dossier_call(dossier_json, options_json)?;
    crate::reform::compare(a, b, &dossier, &options)
}

/// [`compare_under`] as a JSON answer, under the policies named (each the default when `None`):
/// [`Call::Compare`].
pub fn compare_json(
    policy_a_json: Option<&str>,
    policy_b_json: Option<&str>,
    dossier_json: &str,
    options_json: Option<&str>,
) -> String {
    Call::Compare {
        policy: policy_a_json.map(Into::into),
        policy_b: policy_b_json.map(Into::into),
        dossier: dossier_json.into(),
        options: options_json.map(Into::into),
    }
    .answer()
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

/// Sweeps one numeric value of a policy already checked (a binding's policy handle), named by
/// its JSON path, over `values_json` ([`crate::reform::sweep`]).
pub fn sweep_under(
    policy: &Policy,
    path: &str,
    values_json: &str,
    dossier_json: &str,
    options_json: Option<&str>,
) -> Result<crate::reform::Sweep, Error> {
    let values = parse_sweep_values(values_json)?;
    let (dossier, options) = read_dossier_call(dossier_json, options_json)?;
    crate::reform::sweep(policy, path, &values, &dossier, &options)
}

/// [`sweep_under`] as a JSON answer, under the policy named (the default when `None`):
/// [`Call::Sweep`].
pub fn sweep_json(
    policy_json: Option<&str>,
    path: &str,
    values_json: &str,
    dossier_json: &str,
    options_json: Option<&str>,
) -> String {
    Call::Sweep {
        policy: policy_json.map(Into::into),
        path: path.into(),
        values: values_json.into(),
        dossier: dossier_json.into(),
        options: options_json.map(Into::into),
    }
    .answer()
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
            evaluate_under(&Policy::xincheng_2022(), &dossier, Some(options))
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
