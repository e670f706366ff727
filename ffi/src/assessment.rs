//! The annual assessment of 4.1 (grades with their reasons, consequences of 5.1 / 5.2, the
//! community roll-up of 4.2): as a JSON answer, as a typed handle for callers without a JSON
//! parser, the grade of a single score, and batches of communities (JSON Lines).

use crate::error::fallible;
use crate::error::{Failure, wg_error, wg_result};
use crate::input::{document, handle, optional_document, out, short_text};
use crate::panic::{clear, infallible};
use crate::policy::{dossier_call, wg_policy};
use crate::string::c_string;
use std::ffi::{CStr, CString, c_char, c_int, c_void};
use wangge_core::api;
use wangge_core::assessment::{Assessment, Grade, RuleFired, WorkerResult};
use wangge_core::{ErrorKind, Problem};

/// The four grades of 4.1, best first.
///
/// Numbers are stable and never renumbered; 0 is never a grade, so a zeroed variable is not
/// mistaken for one. `wg_grade_tag` gives the word the JSON answers use.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum wg_grade {
    /// 优秀 (`"excellent"`).
    WG_GRADE_EXCELLENT = 1,
    /// 称职 (`"competent"`).
    WG_GRADE_COMPETENT = 2,
    /// 基本称职 (`"basically_competent"`).
    WG_GRADE_BASICALLY_COMPETENT = 3,
    /// 不称职 (`"incompetent"`).
    WG_GRADE_INCOMPETENT = 4,
}

impl wg_grade {
    fn of(grade: Grade) -> wg_grade {
        match grade {
            Grade::Excellent => wg_grade::WG_GRADE_EXCELLENT,
            Grade::Competent => wg_grade::WG_GRADE_COMPETENT,
            Grade::BasicallyCompetent => wg_grade::WG_GRADE_BASICALLY_COMPETENT,
            Grade::Incompetent => wg_grade::WG_GRADE_INCOMPETENT,
        }
    }

    /// The core's grade of a number, if it is one.
    fn from_number(number: u32) -> Option<Grade> {
        Grade::ALL
            .into_iter()
            .find(|g| wg_grade::of(*g) as u32 == number)
    }
}

/// The word of a grade in the JSON answers: `"excellent"`, `"competent"`,
/// `"basically_competent"`, `"incompetent"`; `"unknown"` for a number that is no grade.
///
/// Ownership: the string is static; never free it.
#[unsafe(no_mangle)]
pub extern "C" fn wg_grade_tag(grade: u32) -> *const c_char {
    infallible(c"unknown".as_ptr(), || match wg_grade::from_number(grade) {
        Some(Grade::Excellent) => c"excellent".as_ptr(),
        Some(Grade::Competent) => c"competent".as_ptr(),
        Some(Grade::BasicallyCompetent) => c"basically_competent".as_ptr(),
        Some(Grade::Incompetent) => c"incompetent".as_ptr(),
        None => c"unknown".as_ptr(),
    })
}

/// The Chinese name of a grade as the measures write it (`"优秀"`, `"称职"`, `"基本称职"`,
/// `"不称职"`), UTF-8; NULL for a number that is no grade.
///
/// Ownership: the string is static; never free it.
#[unsafe(no_mangle)]
pub extern "C" fn wg_grade_label_zh(grade: u32) -> *const c_char {
    infallible(std::ptr::null(), || match wg_grade::from_number(grade) {
        Some(Grade::Excellent) => c"优秀".as_ptr(),
        Some(Grade::Competent) => c"称职".as_ptr(),
        Some(Grade::BasicallyCompetent) => c"基本称职".as_ptr(),
        Some(Grade::Incompetent) => c"不称职".as_ptr(),
        None => std::ptr::null(),
    })
}

/// The grade a score earns under a policy's grade bands (4.1), before any exception or quota.
///
/// - `policy`: must not be NULL. Borrowed for the call only.
/// - `score`: the score as exact decimal text (`"90"`, `"89.99"`, `"-3.5"`), NUL-terminated, at
///   most 1024 bytes; never a binary float, so a band edge is never missed by rounding.
///   Borrowed for the call only.
/// - `grade_out`: must not be NULL. Receives the grade on success; untouched on failure.
/// - `error_out`: NULL is fine. On failure (`WG_SHAPE` for text that is not a decimal number,
///   `WG_INVALID_POLICY` for a policy without an assessment scheme or with no band holding the
///   score) receives a new error owned by the caller, to be freed with `wg_error_free`; NULL on
///   success.
///
/// # Safety
///
/// `policy` is NULL or a live handle; `score` is NULL or NUL-terminated; `grade_out` is NULL or
/// valid for writing a `wg_grade`; `error_out` is NULL or valid for writing one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_policy_grade_for_score(
    policy: *const wg_policy,
    score: *const c_char,
    grade_out: *mut wg_grade,
    error_out: *mut *mut wg_error,
) -> wg_result {
    // SAFETY: the caller's contract, for every pointer below.
    unsafe {
        fallible(error_out, || {
            let grade_out = out(grade_out, "grade_out")?;
            let policy = handle(policy, "policy")?;
            let score = short_text(score, "score")?;
            *grade_out = wg_grade::of(api::grade_for_score_under(&policy.policy, score)?);
            Ok(())
        })
    }
}

/// Assesses every grid worker of a dossier under a policy, as a JSON answer: each worker's
/// score, grade (4.1) with every rule that fired and its clause, the consequences of 5.1 / 5.2,
/// the margin to the neighbouring grades, and each community's roll-up (4.2). Byte for byte
/// what the Rust and WebAssembly bindings answer.
///
/// - `policy`: must not be NULL. Borrowed for the call only; other threads may use it at the
///   same time.
/// - `dossier_json`, `dossier_len`: the dossier, UTF-8, at most 64 MiB. Borrowed for the call.
/// - `options_json`, `options_len`: NULL for the defaults (the dossier's period, Chinese
///   labels), or options as for `wg_policy_evaluate` (`lang` sets the language of the reasons).
///   Borrowed for the call.
/// - `answer_out`: must not be NULL. On success receives
///   `{"status":"success","value":<assessment>}`, a NUL-terminated string owned by the caller,
///   to be freed with `wg_string_free`; NULL on failure.
/// - `error_out`: NULL is fine. On failure receives every problem found (its `wg_error_json`
///   is the failure answer; `WG_INVALID_POLICY` for a policy without an assessment scheme);
///   NULL on success. Free with `wg_error_free`.
///
/// # Safety
///
/// `policy` is NULL or a live handle; `dossier_json` and `options_json` are NULL or readable
/// for their lengths; `answer_out` and `error_out` are NULL or valid for writing one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_policy_assess(
    policy: *const wg_policy,
    dossier_json: *const c_char,
    dossier_len: usize,
    options_json: *const c_char,
    options_len: usize,
    answer_out: *mut *mut c_char,
    error_out: *mut *mut wg_error,
) -> wg_result {
    // SAFETY: the caller's contract.
    unsafe {
        dossier_call(
            policy,
            (dossier_json, dossier_len),
            (options_json, options_len),
            answer_out,
            error_out,
            api::assess_answer_under,
        )
    }
}

/// An assessment read field by field, for callers that do not parse JSON. Made by
/// `wg_assessment_new`, freed by `wg_assessment_free`.
///
/// Opaque and immutable: one assessment may be read by any number of threads at the same time.
#[derive(Debug)]
pub struct wg_assessment {
    complete: bool,
    workers: Vec<WorkerText>,
}

#[derive(Debug)]
struct WorkerText {
    person: CString,
    name: CString,
    community: CString,
    score: CString,
    score_grade: wg_grade,
    grade: wg_grade,
    award_eligible: bool,
    reasons: Vec<ReasonText>,
}

#[derive(Debug)]
struct ReasonText {
    kind: CString,
    id: CString,
    clause: CString,
    text: CString,
    evidence_count: i64,
    overridden_by: Option<CString>,
}

const _: fn() = || {
    fn shareable<T: Send + Sync>() {}
    shareable::<wg_assessment>();
};

/// The snake_case word serde gives a unit variant (`RuleKind::Component` → `component`).
fn tag_of<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

impl ReasonText {
    fn of(rule: RuleFired) -> ReasonText {
        ReasonText {
            kind: c_string(tag_of(&rule.kind)),
            id: c_string(rule.id),
            clause: c_string(rule.clause),
            text: c_string(rule.text),
            evidence_count: rule.evidence_count,
            overridden_by: rule.overridden_by.map(c_string),
        }
    }
}

impl WorkerText {
    fn of(w: WorkerResult) -> WorkerText {
        WorkerText {
            person: c_string(w.person),
            name: c_string(w.name),
            community: c_string(w.community),
            score: c_string(w.score.to_string()),
            score_grade: wg_grade::of(w.score_grade),
            grade: wg_grade::of(w.grade),
            award_eligible: w.award_eligible,
            reasons: w.rules.into_iter().map(ReasonText::of).collect(),
        }
    }
}

impl wg_assessment {
    fn into_raw(assessment: Assessment) -> *mut wg_assessment {
        Box::into_raw(Box::new(wg_assessment {
            complete: assessment.complete,
            workers: assessment.workers.into_iter().map(WorkerText::of).collect(),
        }))
    }

    fn worker(&self, index: usize) -> Result<&WorkerText, Failure> {
        self.workers.get(index).ok_or_else(|| {
            out_of_range(format!(
                "worker index `{index}` is out of range: the assessment has {} workers",
                self.workers.len()
            ))
        })
    }
}

fn out_of_range(message: String) -> Failure {
    Failure::Core(Problem::new(ErrorKind::Shape, message).into())
}

/// One grid worker's result in an assessment.
///
/// The strings belong to the assessment and live until `wg_assessment_free`.
#[repr(C)]
#[derive(Debug)]
pub struct wg_worker_result {
    /// Person ID, as in the dossier.
    pub person: *const c_char,
    /// Name.
    pub name: *const c_char,
    /// Community ID.
    pub community: *const c_char,
    /// The score as exact decimal text, rounded as the policy's scheme says (`"89.99"`, `"90"`).
    pub score: *const c_char,
    /// The grade of the score by the bands alone.
    pub score_grade: wg_grade,
    /// The final grade, after labelled exceptions and the quota.
    pub grade: wg_grade,
    /// False under the one-vote veto of 5.2 (no award eligibility for the year).
    pub award_eligible: bool,
    /// How many reasons (rules that fired) `wg_assessment_reason` can read, most important
    /// first.
    pub reason_count: usize,
}

/// One reason of a worker's grade: a rule that fired, with its clause and evidence.
///
/// The strings belong to the assessment and live until `wg_assessment_free`.
#[repr(C)]
#[derive(Debug)]
pub struct wg_reason {
    /// Kind of rule: `"component"` (a component lost points), `"adjustment"` (a bonus or
    /// deduction), `"exception"` (a labelled exception), `"quota"` or `"consequence"` (5.1,
    /// 5.2).
    pub kind: *const c_char,
    /// Rule ID: the component, adjustment or exception ID of the policy; `"quota"`; `"5.1"` /
    /// `"5.2"`.
    pub id: *const c_char,
    /// Clause of the measures (`"2.2.2"`), as in CLAUSES.md.
    pub clause: *const c_char,
    /// The reason in words, in the language of the options (`lang`).
    pub text: *const c_char,
    /// How many facts or records the rule rests on.
    pub evidence_count: i64,
    /// For an exception outranked by a higher-priority one: that one's ID; otherwise NULL.
    pub overridden_by: *const c_char,
}

/// Assesses a dossier under a policy, as `wg_policy_assess`, into an assessment handle read
/// with the `wg_assessment_*` accessors. The community roll-up and the margins are only in the
/// JSON answer.
///
/// - `policy`, `dossier_json`, `options_json`: as for `wg_policy_assess`.
/// - `assessment_out`: must not be NULL. Receives a new assessment owned by the caller, to be
///   freed with `wg_assessment_free`; NULL on failure.
/// - `error_out`: NULL is fine; as for `wg_policy_assess`.
///
/// # Safety
///
/// As `wg_policy_assess`, with `assessment_out` NULL or valid for writing one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_assessment_new(
    policy: *const wg_policy,
    dossier_json: *const c_char,
    dossier_len: usize,
    options_json: *const c_char,
    options_len: usize,
    assessment_out: *mut *mut wg_assessment,
    error_out: *mut *mut wg_error,
) -> wg_result {
    // SAFETY: the caller's contract, for every pointer below.
    unsafe {
        clear(assessment_out);
        fallible(error_out, || {
            let assessment_out = out(assessment_out, "assessment_out")?;
            let policy = handle(policy, "policy")?;
            let dossier = document(dossier_json, dossier_len, "dossier_json")?;
            let options = optional_document(options_json, options_len, "options_json")?;
            let assessment = api::assess_under(&policy.policy, dossier, options)?;
            *assessment_out = wg_assessment::into_raw(assessment);
            Ok(())
        })
    }
}

/// How many grid workers (in organisation order) the assessment grades; 0 when `assessment` is
/// NULL.
///
/// # Safety
///
/// `assessment` is NULL or a live assessment.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_assessment_worker_count(assessment: *const wg_assessment) -> usize {
    // SAFETY: the caller's contract.
    infallible(0, || {
        unsafe { assessment.as_ref() }.map_or(0, |a| a.workers.len())
    })
}

/// Whether every record of the dossier was used (no record set aside with a warning); false
/// when `assessment` is NULL. The JSON answer lists the warnings.
///
/// # Safety
///
/// `assessment` is NULL or a live assessment.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_assessment_is_complete(assessment: *const wg_assessment) -> bool {
    // SAFETY: the caller's contract.
    infallible(false, || {
        unsafe { assessment.as_ref() }.is_some_and(|a| a.complete)
    })
}

/// The result of worker `index` (from 0) of an assessment.
///
/// - `assessment`: must not be NULL. Borrowed for the call only.
/// - `worker_out`: must not be NULL. Filled on success; its strings belong to the assessment
///   and live until `wg_assessment_free(assessment)`. Untouched on failure.
/// - `error_out`: NULL is fine. On failure (`WG_NULL_PARAMETER`, or `WG_SHAPE` for an `index`
///   out of range) receives a new error owned by the caller, to be freed with `wg_error_free`.
///
/// # Safety
///
/// `assessment` is NULL or a live assessment; `worker_out` is NULL or valid for writing a
/// `wg_worker_result`; `error_out` is NULL or valid for writing one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_assessment_worker(
    assessment: *const wg_assessment,
    index: usize,
    worker_out: *mut wg_worker_result,
    error_out: *mut *mut wg_error,
) -> wg_result {
    // SAFETY: the caller's contract, for every pointer below.
    unsafe {
        fallible(error_out, || {
            let worker_out = out(worker_out, "worker_out")?;
            let w = handle(assessment, "assessment")?.worker(index)?;
            *worker_out = wg_worker_result {
                person: w.person.as_ptr(),
                name: w.name.as_ptr(),
                community: w.community.as_ptr(),
                score: w.score.as_ptr(),
                score_grade: w.score_grade,
                grade: w.grade,
                award_eligible: w.award_eligible,
                reason_count: w.reasons.len(),
            };
            Ok(())
        })
    }
}

/// Reason `reason` (from 0, most important first) of worker `worker` of an assessment.
///
/// - `assessment`: must not be NULL. Borrowed for the call only.
/// - `reason_out`: must not be NULL. Filled on success; its strings belong to the assessment
///   and live until `wg_assessment_free(assessment)`. Untouched on failure.
/// - `error_out`: NULL is fine. On failure (`WG_NULL_PARAMETER`, or `WG_SHAPE` for an index out
///   of range) receives a new error owned by the caller, to be freed with `wg_error_free`.
///
/// # Safety
///
/// `assessment` is NULL or a live assessment; `reason_out` is NULL or valid for writing a
/// `wg_reason`; `error_out` is NULL or valid for writing one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_assessment_reason(
    assessment: *const wg_assessment,
    worker: usize,
    reason: usize,
    reason_out: *mut wg_reason,
    error_out: *mut *mut wg_error,
) -> wg_result {
    // SAFETY: the caller's contract, for every pointer below.
    unsafe {
        fallible(error_out, || {
            let reason_out = out(reason_out, "reason_out")?;
            let w = handle(assessment, "assessment")?.worker(worker)?;
            let r = w.reasons.get(reason).ok_or_else(|| {
                out_of_range(format!(
                    "reason index `{reason}` is out of range: worker `{}` has {} reasons",
                    w.person.to_string_lossy(),
                    w.reasons.len()
                ))
            })?;
            *reason_out = wg_reason {
                kind: r.kind.as_ptr(),
                id: r.id.as_ptr(),
                clause: r.clause.as_ptr(),
                text: r.text.as_ptr(),
                evidence_count: r.evidence_count,
                overridden_by: r
                    .overridden_by
                    .as_deref()
                    .map_or(std::ptr::null(), CStr::as_ptr),
            };
            Ok(())
        })
    }
}

/// Frees an assessment and every string borrowed from it. NULL is fine (nothing happens).
///
/// # Safety
///
/// `assessment` is NULL or an assessment of this library not yet freed, which no other thread
/// is using; it must not be used afterwards.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_assessment_free(assessment: *mut wg_assessment) {
    infallible((), || {
        if !assessment.is_null() {
            // SAFETY: made by `Box::into_raw` here, freed once by the contract.
            drop(unsafe { Box::from_raw(assessment) });
        }
    })
}

/// Called by `wg_policy_assess_lines` with each line's answer.
///
/// - `user_data`: the pointer given to `wg_policy_assess_lines`, untouched.
/// - `line`: the line number in this call's text, from 1.
/// - `answer`, `answer_len`: the line's tagged answer (`{"status":"success",...}` or
///   `{"status":"failure","errors":[...]}`), NUL-terminated UTF-8, borrowed for the duration of
///   the call only: copy what you keep.
///
/// Return 0 to go on, anything else to stop after this line.
pub type wg_line_callback = Option<
    unsafe extern "C" fn(
        user_data: *mut c_void,
        line: usize,
        answer: *const c_char,
        answer_len: usize,
    ) -> c_int,
>;

/// Assesses a batch of communities, one dossier per line (JSON Lines), calling `callback` with
/// each line's answer in order. Only one community's records are held at a time; a bad line
/// gets a failure answer and the batch goes on. To stream a city, read the file in chunks of
/// whole lines and call this once per chunk.
///
/// - `policy`: must not be NULL. Borrowed for the call only; other threads may use it at the
///   same time.
/// - `lines`, `lines_len`: the dossiers, UTF-8, one per line (`\n`; a trailing `\r` is
///   ignored), at most 64 MiB per call. Borrowed for the call.
/// - `options_json`, `options_len`: NULL for the defaults, or options as for
///   `wg_policy_assess`, applied to every line. Borrowed for the call.
/// - `callback`: must not be NULL. Called once per line, in order, on the calling thread.
/// - `user_data`: passed to `callback` untouched; NULL is fine.
/// - `lines_out`: NULL is fine; otherwise receives the number of lines answered.
/// - `error_out`: NULL is fine. On failure of the call itself (NULL arguments, bad UTF-8,
///   oversized text, bad options) receives an error owned by the caller, to be freed with
///   `wg_error_free`; a bad line is not a failure of the call.
///
/// # Safety
///
/// `policy` is NULL or a live handle; `lines` and `options_json` are NULL or readable for their
/// lengths; `lines_out` and `error_out` are NULL or valid for writing; `callback` is safe to
/// call with `user_data`.
#[unsafe(no_mangle)]
#[allow(
    clippy::too_many_arguments,
    reason = "a C signature: pointer and length pairs"
)]
pub unsafe extern "C" fn wg_policy_assess_lines(
    policy: *const wg_policy,
    lines: *const c_char,
    lines_len: usize,
    options_json: *const c_char,
    options_len: usize,
    callback: wg_line_callback,
    user_data: *mut c_void,
    lines_out: *mut usize,
    error_out: *mut *mut wg_error,
) -> wg_result {
    // SAFETY: the caller's contract, for every pointer below.
    unsafe {
        fallible(error_out, || {
            let policy = handle(policy, "policy")?;
            let text = document(lines, lines_len, "lines")?;
            let options = optional_document(options_json, options_len, "options_json")?;
            let Some(callback) = callback else {
                return Err(Failure::null("callback"));
            };
            if options.is_some() {
                // Bad options fail the call once, not every line.
                api::parse_options(options)?;
            }
            let body = text.strip_suffix('\n').unwrap_or(text);
            let mut answered = 0usize;
            let rows = body.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
            for a in wangge_core::batch::assess_lines(&policy.policy, rows, options) {
                let answer = c_string(a.answer);
                answered = a.line;
                let stop = callback(user_data, a.line, answer.as_ptr(), answer.as_bytes().len());
                if stop != 0 {
                    break;
                }
            }
            if !lines_out.is_null() {
                *lines_out = answered;
            }
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tags are serde's words for the core's grades, and the labels the core's.
    #[test]
    fn grade_numbers_tags_and_labels_are_the_cores() {
        for (number, grade) in (1..=4).zip(Grade::ALL) {
            assert_eq!(wg_grade::of(grade) as u32, number);
            let tag = unsafe { CStr::from_ptr(wg_grade_tag(number)) };
            assert_eq!(tag.to_str().unwrap(), tag_of(&grade));
            let zh = unsafe { CStr::from_ptr(wg_grade_label_zh(number)) };
            assert_eq!(zh.to_str().unwrap(), grade.label_zh());
        }
        let unknown = unsafe { CStr::from_ptr(wg_grade_tag(0)) };
        assert_eq!(unknown.to_str().unwrap(), "unknown");
        assert!(wg_grade_label_zh(5).is_null());
    }
}
