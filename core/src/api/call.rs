//! One typed call per operation at the boundary, and one generic entry point.
//!
//! A [`Call`] names an operation of [`crate::api`] and carries its arguments, every document
//! (policy, dossier, options, request, viewer) as its JSON **text**, so a document that cannot
//! be read fails with the same positions as through the operation's own `_json` function. The
//! shared case files of `tests/cases/` deserialise into it once their file names are replaced by
//! the files' texts, so the case runners of every binding (Rust, C, Python, JavaScript) carry no
//! table of calls of their own: they read the case, put each file's text in place of its name,
//! and hand the document to [`call_json`] (C: `wg_call`; WASM: `call` / `callJson`).
//!
//! ```
//! let doc = r#"{"call":"is_working_day","date":"2023-04-23"}"#;
//! assert_eq!(
//!     wangge::api::call_json(doc),
//!     wangge::api::is_working_day_json(None, "2023-04-23"),
//! );
//! ```

use super::*;
use serde::Deserialize;
use std::borrow::Cow;

/// An operation of the boundary with its arguments (documents as JSON text). Serialised as
/// `{"call": "<operation>", <argument>: …}`; the argument names are those of the operation's
/// `_json` function.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(tag = "call", rename_all = "snake_case", deny_unknown_fields)]
pub enum Call<'a> {
    /// [`evaluate_json`]: the compliance report.
    Evaluate {
        /// The policy document; the embedded default when absent.
        #[serde(default, borrow)]
        policy: Option<Cow<'a, str>>,
        /// The dossier.
        #[serde(borrow)]
        dossier: Cow<'a, str>,
        /// The options (`period`, `lang`, `class_at_most`).
        #[serde(default, borrow)]
        options: Option<Cow<'a, str>>,
    },
    /// [`assess_json`]: the annual assessment.
    Assess {
        /// The policy document; the embedded default when absent.
        #[serde(default, borrow)]
        policy: Option<Cow<'a, str>>,
        /// The dossier.
        #[serde(borrow)]
        dossier: Cow<'a, str>,
        /// The options.
        #[serde(default, borrow)]
        options: Option<Cow<'a, str>>,
    },
    /// [`attendance_json`]: the attendance report.
    Attendance {
        /// The policy document; the embedded default when absent.
        #[serde(default, borrow)]
        policy: Option<Cow<'a, str>>,
        /// The dossier.
        #[serde(borrow)]
        dossier: Cow<'a, str>,
        /// The options.
        #[serde(default, borrow)]
        options: Option<Cow<'a, str>>,
    },
    /// [`evidence_json`]: the evidence report.
    Evidence {
        /// The policy document; the embedded default when absent.
        #[serde(default, borrow)]
        policy: Option<Cow<'a, str>>,
        /// The dossier.
        #[serde(borrow)]
        dossier: Cow<'a, str>,
        /// The options.
        #[serde(default, borrow)]
        options: Option<Cow<'a, str>>,
    },
    /// [`check_policy_json`]: the linter's report.
    CheckPolicy {
        /// The policy document.
        #[serde(borrow)]
        policy: Cow<'a, str>,
    },
    /// [`grade_for_score_json`]: the grade of a score.
    GradeForScore {
        /// The policy document; the embedded default when absent.
        #[serde(default, borrow)]
        policy: Option<Cow<'a, str>>,
        /// The score, an exact decimal (`"87.5"`).
        #[serde(borrow)]
        score: Cow<'a, str>,
    },
    /// [`is_working_day_json`]: whether a date is a working day.
    IsWorkingDay {
        /// The policy document; the embedded default when absent.
        #[serde(default, borrow)]
        policy: Option<Cow<'a, str>>,
        /// `YYYY-MM-DD`.
        #[serde(borrow)]
        date: Cow<'a, str>,
    },
    /// [`clause_text_json`]: a clause's original text.
    ClauseText {
        /// The clause ID (`2.2.2`).
        #[serde(borrow)]
        id: Cow<'a, str>,
    },
    /// [`disclose_json`]: a disclosure request decided (2.2.5).
    Disclose {
        /// The policy document; the embedded default when absent.
        #[serde(default, borrow)]
        policy: Option<Cow<'a, str>>,
        /// The dossier.
        #[serde(borrow)]
        dossier: Cow<'a, str>,
        /// The disclosure request.
        #[serde(borrow)]
        request: Cow<'a, str>,
    },
    /// [`view_json`]: the dossier as a viewer may see it (2.2.5).
    View {
        /// The dossier.
        #[serde(borrow)]
        dossier: Cow<'a, str>,
        /// The viewer.
        #[serde(borrow)]
        viewer: Cow<'a, str>,
    },
    /// [`public_notice_json`]: a community's public notice (2.2.4).
    PublicNotice {
        /// The dossier.
        #[serde(borrow)]
        dossier: Cow<'a, str>,
        /// The community's ID.
        #[serde(borrow)]
        community: Cow<'a, str>,
        /// `YYYY-MM-DD`.
        #[serde(borrow)]
        date: Cow<'a, str>,
    },
    /// [`grid_filing_json`]: a division's filing (1.2).
    GridFiling {
        /// The dossier.
        #[serde(borrow)]
        dossier: Cow<'a, str>,
        /// The community's ID.
        #[serde(borrow)]
        community: Cow<'a, str>,
        /// The division compared with; the first when absent.
        #[serde(default, borrow)]
        from: Option<Cow<'a, str>>,
        /// The division filed.
        #[serde(borrow)]
        to: Cow<'a, str>,
    },
    /// [`diff_json`]: what changed from policy A (`policy`) to policy B (#18).
    Diff {
        /// Policy A; the embedded default when absent.
        #[serde(default, borrow)]
        policy: Option<Cow<'a, str>>,
        /// Policy B; the embedded default when absent.
        #[serde(default, borrow)]
        policy_b: Option<Cow<'a, str>>,
    },
    /// [`compare_json`]: a dossier graded under policies A and B (#18).
    Compare {
        /// Policy A; the embedded default when absent.
        #[serde(default, borrow)]
        policy: Option<Cow<'a, str>>,
        /// Policy B; the embedded default when absent.
        #[serde(default, borrow)]
        policy_b: Option<Cow<'a, str>>,
        /// The dossier.
        #[serde(borrow)]
        dossier: Cow<'a, str>,
        /// The options.
        #[serde(default, borrow)]
        options: Option<Cow<'a, str>>,
    },
    /// [`sweep_json`]: one numeric policy value over a list of values (#18).
    Sweep {
        /// The policy; the embedded default when absent.
        #[serde(default, borrow)]
        policy: Option<Cow<'a, str>>,
        /// The JSON path of the value in the policy document (`assessment.bands[0].min.value`).
        #[serde(borrow)]
        path: Cow<'a, str>,
        /// The values, a JSON array of decimals (`["88","90","92"]`).
        #[serde(borrow)]
        values: Cow<'a, str>,
        /// The dossier.
        #[serde(borrow)]
        dossier: Cow<'a, str>,
        /// The options.
        #[serde(default, borrow)]
        options: Option<Cow<'a, str>>,
    },
}

impl Call<'_> {
    /// The name of every operation, as in `"call"` (a test keeps it equal to the variants).
    pub const NAMES: [&'static str; 15] = [
        "evaluate",
        "assess",
        "attendance",
        "evidence",
        "check_policy",
        "grade_for_score",
        "is_working_day",
        "clause_text",
        "disclose",
        "view",
        "public_notice",
        "grid_filing",
        "diff",
        "compare",
        "sweep",
    ];

    /// The operation's name, as in `"call"`.
    pub fn name(&self) -> &'static str {
        match self {
            Call::Evaluate { .. } => "evaluate",
            Call::Assess { .. } => "assess",
            Call::Attendance { .. } => "attendance",
            Call::Evidence { .. } => "evidence",
            Call::CheckPolicy { .. } => "check_policy",
            Call::GradeForScore { .. } => "grade_for_score",
            Call::IsWorkingDay { .. } => "is_working_day",
            Call::ClauseText { .. } => "clause_text",
            Call::Disclose { .. } => "disclose",
            Call::View { .. } => "view",
            Call::PublicNotice { .. } => "public_notice",
            Call::GridFiling { .. } => "grid_filing",
            Call::Diff { .. } => "diff",
            Call::Compare { .. } => "compare",
            Call::Sweep { .. } => "sweep",
        }
    }

    /// Runs the call: its success answer text, or every problem found. The answer is byte for
    /// byte what the operation's `_json` function gives.
    pub fn run(&self) -> Result<String, Error> {
        match self {
            Call::Evaluate {
                policy,
                dossier,
                options,
            } => evaluate_answer_under(
                &policy_or_default(policy.as_deref())?,
                dossier,
                options.as_deref(),
            ),
            Call::Assess {
                policy,
                dossier,
                options,
            } => assess_answer_under(
                &policy_or_default(policy.as_deref())?,
                dossier,
                options.as_deref(),
            ),
            Call::Attendance {
                policy,
                dossier,
                options,
            } => attendance_answer_under(
                &policy_or_default(policy.as_deref())?,
                dossier,
                options.as_deref(),
            ),
            Call::Evidence {
                policy,
                dossier,
                options,
            } => evidence_answer_under(
                &policy_or_default(policy.as_deref())?,
                dossier,
                options.as_deref(),
            ),
            Call::CheckPolicy { policy } => success(
                Policy::from_json(policy).map(|p| crate::assessment::lint::check_policy(&p)),
            ),
            Call::GradeForScore { policy, score } => {
                success(grade_for_score(policy.as_deref(), score))
            }
            Call::IsWorkingDay { policy, date } => success(is_working_day(policy.as_deref(), date)),
            Call::ClauseText { id } => success(clause_text(id)),
            Call::Disclose {
                policy,
                dossier,
                request,
            } => success(disclose_under(
                &policy_or_default(policy.as_deref())?,
                dossier,
                request,
            )),
            Call::View { dossier, viewer } => success(view_texts(dossier, viewer)),
            Call::PublicNotice {
                dossier,
                community,
                date,
            } => success(public_notice_texts(dossier, community, date)),
            Call::GridFiling {
                dossier,
                community,
                from,
                to,
            } => success(grid_filing_texts(dossier, community, from.as_deref(), to)),
            Call::Diff { policy, policy_b } => success(Ok(diff_under(
                &policy_or_default(policy.as_deref())?,
                &policy_or_default(policy_b.as_deref())?,
            ))),
            Call::Compare {
                policy,
                policy_b,
                dossier,
                options,
            } => success(compare_under(
                &policy_or_default(policy.as_deref())?,
                &policy_or_default(policy_b.as_deref())?,
                dossier,
                options.as_deref(),
            )),
            Call::Sweep {
                policy,
                path,
                values,
                dossier,
                options,
            } => success(sweep_under(
                &policy_or_default(policy.as_deref())?,
                path,
                values,
                dossier,
                options.as_deref(),
            )),
        }
    }

    /// The call's answer text, success or failure.
    pub fn answer(&self) -> String {
        match self.run() {
            Ok(text) => text,
            Err(e) => failure(&e),
        }
    }
}

/// The success answer text of a result, or its error.
fn success<T: Serialize + JsonSchema>(result: Result<T, Error>) -> Result<String, Error> {
    result.map(|value| Answer::success(value).to_json())
}

/// The failure answer text of an error.
pub(crate) fn failure(e: &Error) -> String {
    Answer::<()>::Failure {
        errors: e.problems().to_vec(),
    }
    .to_json()
}

/// Reads a call document (`{"call":"assess","dossier":"<dossier JSON text>",…}`): a call
/// document that cannot be read — not JSON, an unknown `call`, a missing or unknown argument —
/// is a `syntax` or `shape` failure naming the argument.
pub fn parse_call(call_json: &str) -> Result<Call<'_>, Error> {
    crate::limits::check_text(call_json)?;
    serde_json::from_str(call_json).map_err(|e| crate::json::json_problem(call_json, &e).into())
}

/// Runs a call document through [`Call::run`].
pub fn run_call(call_json: &str) -> Result<String, Error> {
    parse_call(call_json)?.run()
}

/// The answer text of a call document: the generic entry point every binding exposes.
pub fn call_json(call_json: &str) -> String {
    match run_call(call_json) {
        Ok(text) => text,
        Err(e) => failure(&e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_variants() {
        for name in Call::NAMES {
            // Each name is a call: read as one, or refused for a missing argument only.
            match parse_call(&format!(r#"{{"call":"{name}"}}"#)) {
                Ok(call) => assert_eq!(call.name(), name),
                Err(e) => {
                    let message = &e.problems()[0].message;
                    assert!(message.contains("missing field"), "{name}: {message}");
                }
            }
        }
        let e = parse_call(r#"{"call":"nothing"}"#).unwrap_err();
        let message = &e.problems()[0].message;
        for name in Call::NAMES {
            assert!(message.contains(&format!("`{name}`")), "{name}: {message}");
        }
        assert_eq!(
            message.matches('`').count(),
            2 * (Call::NAMES.len() + 1),
            "{message}"
        );
    }

    #[test]
    fn a_call_answers_as_its_own_function() {
        let call = Call::ClauseText { id: "2.2.2".into() };
        assert_eq!(call.name(), "clause_text");
        assert_eq!(call.answer(), clause_text_json("2.2.2"));
        assert_eq!(
            call_json(r#"{"call":"clause_text","id":"9.9"}"#),
            clause_text_json("9.9")
        );
        // A document that is not a call: a failure naming what is wrong.
        assert!(call_json("{").starts_with(r#"{"status":"failure""#));
        assert!(
            call_json(r#"{"call":"assess","dossier":"{}","extra":1}"#).contains("unknown field")
        );
    }
}
