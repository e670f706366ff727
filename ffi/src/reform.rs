//! Two policies over the same records (#18): what changed between them, what the change does
//! to each worker's grade, and one value swept over a list. The rules are the core's
//! (`wangge::reform`); these calls only read C arguments and hand the answers over.

use crate::error::fallible;
use crate::error::{wg_error, wg_result};
use crate::input::{document, handle, optional_document, out, short_text};
use crate::panic::clear;
use crate::policy::wg_policy;
use crate::string::give_string;
use std::ffi::c_char;
use wangge_core::api::{self, Answer};

/// What changed from policy A to policy B: parameters (old → new, with their clause and note),
/// obligations added, removed, retired (with their dates) or changed, the scoring components,
/// bonus items and deductions, bands and exceptions — each citing its clause, in Chinese
/// (`text_zh`) and English (`text_en`).
///
/// - `policy_a`, `policy_b`: must not be NULL (A: the policy in force; B: the proposal).
///   Borrowed for the call only; other threads may use them at the same time.
/// - `answer_out`: must not be NULL. On success receives
///   `{"status":"success","value":{"a":..,"b":..,"scores_comparable":..,"changes":[..]},"class":..}`,
///   a NUL-terminated string owned by the caller, to be freed with `wg_string_free`.
/// - `error_out`: NULL is fine; on failure receives the problem. Free with `wg_error_free`.
///
/// # Safety
///
/// `policy_a` and `policy_b` are NULL or live handles; `answer_out` and `error_out` are NULL or
/// valid for writing one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_policy_diff(
    policy_a: *const wg_policy,
    policy_b: *const wg_policy,
    answer_out: *mut *mut c_char,
    error_out: *mut *mut wg_error,
) -> wg_result {
    // SAFETY: the caller's contract, for every pointer below.
    unsafe {
        clear(answer_out);
        fallible(error_out, || {
            let answer_out = out(answer_out, "answer_out")?;
            let a = handle(policy_a, "policy_a")?;
            let b = handle(policy_b, "policy_b")?;
            let value = wangge_core::reform::diff(&a.policy, &b.policy);
            give_string(answer_out, Answer::success(value).to_json());
            Ok(())
        })
    }
}

/// Grades a dossier under policy A and policy B and compares: every worker's score and grade
/// under each (exactly those of `wg_policy_assess`), the consequences of 5.1 and 5.2 under
/// each, for those whose grade changes the reasons that differ with their points, and per
/// community the grade distribution (4.2) under each with the numbers moving up and down;
/// largest change first. Policies of different scales compare by grade
/// (`value.scores_comparable` false, `value.note` says why).
///
/// - `policy_a`, `policy_b`: must not be NULL. Borrowed for the call only.
/// - `dossier_json`, `dossier_len`: the dossier, UTF-8, at most 64 MiB. Borrowed for the call.
/// - `options_json`, `options_len`: NULL for the defaults, or options as for
///   `wg_policy_assess`. Borrowed for the call.
/// - `answer_out`: must not be NULL. On success receives the answer, a NUL-terminated string
///   owned by the caller, to be freed with `wg_string_free`; NULL on failure.
/// - `error_out`: NULL is fine. On failure (the dossier errors of `wg_policy_assess`) receives
///   every problem found; NULL on success. Free with `wg_error_free`.
///
/// # Safety
///
/// `policy_a` and `policy_b` are NULL or live handles; `dossier_json` and `options_json` are
/// NULL or readable for their lengths; `answer_out` and `error_out` are NULL or valid for
/// writing one pointer.
#[unsafe(no_mangle)]
#[allow(
    clippy::too_many_arguments,
    reason = "a C signature: pointer and length pairs"
)]
pub unsafe extern "C" fn wg_policy_compare(
    policy_a: *const wg_policy,
    policy_b: *const wg_policy,
    dossier_json: *const c_char,
    dossier_len: usize,
    options_json: *const c_char,
    options_len: usize,
    answer_out: *mut *mut c_char,
    error_out: *mut *mut wg_error,
) -> wg_result {
    // SAFETY: the caller's contract, for every pointer below.
    unsafe {
        clear(answer_out);
        fallible(error_out, || {
            let answer_out = out(answer_out, "answer_out")?;
            let a = handle(policy_a, "policy_a")?;
            let b = handle(policy_b, "policy_b")?;
            let dossier = document(dossier_json, dossier_len, "dossier_json")?;
            let options = optional_document(options_json, options_len, "options_json")?;
            let value = api::compare_under(&a.policy, &b.policy, dossier, options)?;
            give_string(answer_out, Answer::success(value).to_json());
            Ok(())
        })
    }
}

/// Sets one numeric value of the policy, named by its JSON path in the policy document (such
/// as `assessment.bands[0].min.value`, the 优秀 cut-off, which moves the 称职 band's upper
/// bound with it), to each of a list of values and grades the dossier at each: the grade
/// distribution, per community and in all, and the workers whose grade differs from the
/// policy's own. At most 50 values (`wangge::limits::MAX_SWEEP_VALUES`).
///
/// - `policy`: must not be NULL. Borrowed for the call only.
/// - `path`: the JSON path, NUL-terminated, at most 1024 bytes. Borrowed for the call.
/// - `values_json`, `values_len`: a JSON array of decimals, `["90","92"]`. Borrowed.
/// - `dossier_json`, `dossier_len`, `options_json`, `options_len`: as `wg_policy_assess`.
/// - `answer_out`: must not be NULL. On success receives the answer, to be freed with
///   `wg_string_free`; NULL on failure.
/// - `error_out`: NULL is fine. On failure receives every problem: `WG_INVALID_POLICY` at the
///   path when it names no number or a value fails the linter (the finding quoted),
///   `WG_TOO_LARGE` at `values` for too many values, the dossier errors of `wg_policy_assess`.
///
/// # Safety
///
/// `policy` is NULL or a live handle; `path` is NULL or a NUL-terminated string;
/// `values_json`, `dossier_json` and `options_json` are NULL or readable for their lengths;
/// `answer_out` and `error_out` are NULL or valid for writing one pointer.
#[unsafe(no_mangle)]
#[allow(
    clippy::too_many_arguments,
    reason = "a C signature: pointer and length pairs"
)]
pub unsafe extern "C" fn wg_policy_sweep(
    policy: *const wg_policy,
    path: *const c_char,
    values_json: *const c_char,
    values_len: usize,
    dossier_json: *const c_char,
    dossier_len: usize,
    options_json: *const c_char,
    options_len: usize,
    answer_out: *mut *mut c_char,
    error_out: *mut *mut wg_error,
) -> wg_result {
    // SAFETY: the caller's contract, for every pointer below.
    unsafe {
        clear(answer_out);
        fallible(error_out, || {
            let answer_out = out(answer_out, "answer_out")?;
            let policy = handle(policy, "policy")?;
            let path = short_text(path, "path")?;
            let values = document(values_json, values_len, "values_json")?;
            let dossier = document(dossier_json, dossier_len, "dossier_json")?;
            let options = optional_document(options_json, options_len, "options_json")?;
            let value = api::sweep_under(&policy.policy, path, values, dossier, options)?;
            give_string(answer_out, Answer::success(value).to_json());
            Ok(())
        })
    }
}
