//! Policy handles and the calls made under a policy: checking and linting, evaluation,
//! attendance (3.3, 3.4, 3.6), evidence (2.1.x, 2.2.2, 4.1), working days. The assessment of
//! 4.1 has its own module, `assessment`.

use crate::error::fallible;
use crate::error::{wg_error, wg_result};
use crate::input::{document, handle, optional_document, out, short_text};
use crate::panic::{clear, infallible};
use crate::report::wg_report;
use crate::string::give_string;
use std::ffi::c_char;
use wangge_core::api::{self, Answer};
use wangge_core::{Error, Policy};

/// A checked policy: the obligations of the measures as data, with the working-day calendar.
///
/// Opaque. Immutable once made: one handle may be used by any number of threads at the same
/// time without locking. Made by `wg_policy_default` or `wg_policy_from_json`, freed by
/// `wg_policy_free`.
#[derive(Debug)]
pub struct wg_policy {
    pub(crate) policy: Policy,
}

const _: fn() = || {
    fn shareable<T: Send + Sync>() {}
    shareable::<wg_policy>();
};

impl wg_policy {
    fn into_raw(policy: Policy) -> *mut wg_policy {
        Box::into_raw(Box::new(wg_policy { policy }))
    }
}

/// Makes a handle on the embedded default policy: the Xincheng 2022 measures, with every value
/// they leave open set to a documented local choice.
///
/// - `policy_out`: must not be NULL. Receives a new handle owned by the caller, to be freed
///   with `wg_policy_free`; NULL on failure.
/// - `error_out`: NULL is fine. Receives NULL on success, or on failure a new error owned by
///   the caller, to be freed with `wg_error_free`.
///
/// # Safety
///
/// `policy_out` and `error_out` are NULL or valid for writing one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_policy_default(
    policy_out: *mut *mut wg_policy,
    error_out: *mut *mut wg_error,
) -> wg_result {
    // SAFETY: the caller's contract, for every pointer below.
    unsafe {
        clear(policy_out);
        fallible(error_out, || {
            let policy_out = out(policy_out, "policy_out")?;
            *policy_out = wg_policy::into_raw(Policy::xincheng_2022());
            Ok(())
        })
    }
}

/// Makes a handle on a policy document given as JSON, after checking it whole.
///
/// - `json`, `json_len`: the document, UTF-8, `json_len` bytes (no NUL byte needed), at most
///   64 MiB. Borrowed for the call only.
/// - `policy_out`: must not be NULL. Receives a new handle owned by the caller, to be freed
///   with `wg_policy_free`; NULL on failure.
/// - `error_out`: NULL is fine. Receives NULL on success, or on failure a new error owned by
///   the caller (every problem of the document, with its JSON path), to be freed with
///   `wg_error_free`.
///
/// # Safety
///
/// `json` is NULL or readable for `json_len` bytes; `policy_out` and `error_out` are NULL or
/// valid for writing one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_policy_from_json(
    json: *const c_char,
    json_len: usize,
    policy_out: *mut *mut wg_policy,
    error_out: *mut *mut wg_error,
) -> wg_result {
    // SAFETY: the caller's contract, for every pointer below.
    unsafe {
        clear(policy_out);
        fallible(error_out, || {
            let policy_out = out(policy_out, "policy_out")?;
            let text = document(json, json_len, "json")?;
            *policy_out = wg_policy::into_raw(Policy::from_json(text)?);
            Ok(())
        })
    }
}

/// Checks a policy document whole and lints its assessment scheme, without making a handle:
/// the policy linter's report (grade bands with gaps or overlaps, weights that do not add up,
/// grades no score can reach, exceptions in conflict, scoring that is not monotonic).
///
/// A document that cannot be used at all (bad JSON, a wrong field, an impossible date, ...)
/// fails with every problem found. A usable document answers `WG_OK` with the linter's report,
/// whose `ok` is false when a finding has the severity `error`: read `findings` either way. The
/// normalised document of a policy is `wg_policy_to_json` of its handle.
///
/// - `json`, `json_len`: the document, UTF-8, `json_len` bytes, at most 64 MiB. Borrowed for
///   the call only.
/// - `answer_out`: must not be NULL. On success receives the answer
///   `{"status":"success","value":{"policy":..,"version":..,"ok":..,"findings":[{"severity":..,
///   "code":..,"message":..,"path":..}]}}`, a NUL-terminated string owned by the caller, to be
///   freed with `wg_string_free`; NULL on failure.
/// - `error_out`: NULL is fine. On failure receives every problem of the document (its
///   `wg_error_json` is the failure answer); NULL on success. Free with `wg_error_free`.
///
/// # Safety
///
/// `json` is NULL or readable for `json_len` bytes; `answer_out` and `error_out` are NULL or
/// valid for writing one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_policy_check(
    json: *const c_char,
    json_len: usize,
    answer_out: *mut *mut c_char,
    error_out: *mut *mut wg_error,
) -> wg_result {
    // SAFETY: the caller's contract, for every pointer below.
    unsafe {
        clear(answer_out);
        fallible(error_out, || {
            let answer_out = out(answer_out, "answer_out")?;
            let text = document(json, json_len, "json")?;
            let policy = Policy::from_json(text)?;
            give_string(answer_out, api::check_policy_under(&policy));
            Ok(())
        })
    }
}

/// The policy linter's report on a policy handle, as `wg_policy_check` answers it for the
/// handle's document (a handle's document is always usable, so only NULL pointers fail).
///
/// - `policy`: must not be NULL. Borrowed for the call only.
/// - `answer_out`: must not be NULL. Receives the answer, a NUL-terminated string owned by the
///   caller, to be freed with `wg_string_free`; NULL on failure.
/// - `error_out`: NULL is fine; as for every call.
///
/// # Safety
///
/// `policy` is NULL or a live handle; `answer_out` and `error_out` are NULL or valid for
/// writing one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_policy_lint(
    policy: *const wg_policy,
    answer_out: *mut *mut c_char,
    error_out: *mut *mut wg_error,
) -> wg_result {
    // SAFETY: the caller's contract, for every pointer below.
    unsafe {
        clear(answer_out);
        fallible(error_out, || {
            let answer_out = out(answer_out, "answer_out")?;
            let policy = handle(policy, "policy")?;
            give_string(answer_out, api::check_policy_under(&policy.policy));
            Ok(())
        })
    }
}

/// The document of a policy handle as the answer `{"status":"success","value":<document>}`.
///
/// - `policy`: must not be NULL. Borrowed for the call only.
/// - `answer_out`: must not be NULL. Receives a NUL-terminated string owned by the caller, to
///   be freed with `wg_string_free`; NULL on failure.
/// - `error_out`: NULL is fine; as for every call.
///
/// # Safety
///
/// `policy` is NULL or a live handle; `answer_out` and `error_out` are NULL or valid for
/// writing one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_policy_to_json(
    policy: *const wg_policy,
    answer_out: *mut *mut c_char,
    error_out: *mut *mut wg_error,
) -> wg_result {
    // SAFETY: the caller's contract, for every pointer below.
    unsafe {
        clear(answer_out);
        fallible(error_out, || {
            let answer_out = out(answer_out, "answer_out")?;
            let policy = handle(policy, "policy")?;
            let value = policy.policy.document();
            give_string(answer_out, Answer::success(value).to_json());
            Ok(())
        })
    }
}

/// Frees a policy handle. NULL is fine (nothing happens).
///
/// # Safety
///
/// `policy` is NULL or a handle of this library not yet freed, which no other thread is using;
/// it must not be used afterwards. Reports made under it stay valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_policy_free(policy: *mut wg_policy) {
    infallible((), || {
        if !policy.is_null() {
            // SAFETY: made by `Box::into_raw` here, freed once by the contract.
            drop(unsafe { Box::from_raw(policy) });
        }
    })
}

/// Evaluates a dossier (organisation and records) under a policy: the compliance report as a
/// JSON answer, byte for byte what the Rust and WebAssembly bindings answer.
///
/// - `policy`: must not be NULL. Borrowed for the call only; other threads may use it at the
///   same time.
/// - `dossier_json`, `dossier_len`: the dossier, UTF-8, at most 64 MiB. Borrowed for the call.
/// - `options_json`, `options_len`: NULL for the defaults (the dossier's period, Chinese
///   labels), or `{"period":{"from":"YYYY-MM-DD","to":"YYYY-MM-DD"},"lang":"zh"|"en",
///   "class_at_most":"internal"}`, every field optional (`class_at_most` withholds every field
///   above that class and lists them in `withheld`). Borrowed for the call.
/// - `answer_out`: must not be NULL. On success receives
///   `{"status":"success","value":<report>}`, a NUL-terminated string owned by the caller, to
///   be freed with `wg_string_free`; NULL on failure.
/// - `error_out`: NULL is fine. On failure receives every problem found (its `wg_error_json`
///   is the failure answer); NULL on success. Free with `wg_error_free`.
///
/// # Safety
///
/// `policy` is NULL or a live handle; `dossier_json` and `options_json` are NULL or readable
/// for their lengths; `answer_out` and `error_out` are NULL or valid for writing one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_policy_evaluate(
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
            api::evaluate_answer_under,
        )
    }
}

/// The shape of every call taking a policy, a dossier and options and answering JSON: reads
/// the arguments, runs `call` under the handle's policy, and hands the success answer over.
///
/// # Safety
///
/// As `wg_policy_evaluate`.
pub(crate) unsafe fn dossier_call(
    policy: *const wg_policy,
    (dossier_json, dossier_len): (*const c_char, usize),
    (options_json, options_len): (*const c_char, usize),
    answer_out: *mut *mut c_char,
    error_out: *mut *mut wg_error,
    call: fn(&Policy, &str, Option<&str>) -> Result<String, Error>,
) -> wg_result {
    // SAFETY: the caller's contract, for every pointer below.
    unsafe {
        clear(answer_out);
        fallible(error_out, || {
            let answer_out = out(answer_out, "answer_out")?;
            let policy = handle(policy, "policy")?;
            let dossier = document(dossier_json, dossier_len, "dossier_json")?;
            let options = optional_document(options_json, options_len, "options_json")?;
            let answer = call(&policy.policy, dossier, options)?;
            give_string(answer_out, answer);
            Ok(())
        })
    }
}

/// The attendance report (3.3, 3.4, 3.6) of a dossier under a policy, as a JSON answer: daily
/// classes from the community's hours, the monthly report, spot-check notices and conduct.
/// Byte for byte what the Rust and WebAssembly bindings answer.
///
/// - `policy`: must not be NULL. Borrowed for the call only; other threads may use it at the
///   same time.
/// - `dossier_json`, `dossier_len`: the dossier, UTF-8, at most 64 MiB. Borrowed for the call.
/// - `options_json`, `options_len`: NULL for the defaults (the dossier's period), or options
///   as for `wg_policy_evaluate`. Borrowed for the call.
/// - `answer_out`: must not be NULL. On success receives
///   `{"status":"success","value":<attendance report>}`, a NUL-terminated string owned by the
///   caller, to be freed with `wg_string_free`; NULL on failure.
/// - `error_out`: NULL is fine. On failure receives every problem found (its `wg_error_json`
///   is the failure answer); NULL on success. Free with `wg_error_free`.
///
/// # Safety
///
/// As `wg_policy_evaluate`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_policy_attendance(
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
            api::attendance_answer_under,
        )
    }
}

/// The evidence report (problems found and solved, urgent reports, proxy services, ledgers:
/// 2.1.2, 2.1.4–2.1.8, 2.2.2, 4.1) of a dossier under a policy, as a JSON answer. Byte for byte
/// what the Rust and WebAssembly bindings answer.
///
/// - `policy`, `dossier_json`: as for `wg_policy_attendance`.
/// - `options_json`, `options_len`: NULL for the dossier's period, or options as for
///   `wg_policy_evaluate`; only `period` is used (the report has no labels to translate).
/// - `answer_out`: must not be NULL. On success receives
///   `{"status":"success","value":<evidence report>}`, a NUL-terminated string owned by the
///   caller, to be freed with `wg_string_free`; NULL on failure.
/// - `error_out`: NULL is fine. On failure (for example `WG_OUT_OF_ORDER` for a problem
///   resolved before it was escalated) receives every problem found; NULL on success. Free with
///   `wg_error_free`.
///
/// # Safety
///
/// As `wg_policy_evaluate`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_policy_evidence(
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
            api::evidence_answer_under,
        )
    }
}

/// Evaluates a dossier under a policy, as `wg_policy_evaluate`, into a report handle read with
/// the `wg_report_*` accessors, for callers that do not parse JSON.
///
/// - `policy`, `dossier_json`, `options_json`: as for `wg_policy_evaluate`.
/// - `report_out`: must not be NULL. Receives a new report owned by the caller, to be freed with
///   `wg_report_free`; NULL on failure.
/// - `error_out`: NULL is fine; as for `wg_policy_evaluate`.
///
/// # Safety
///
/// As `wg_policy_evaluate`, with `report_out` NULL or valid for writing one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_policy_evaluate_report(
    policy: *const wg_policy,
    dossier_json: *const c_char,
    dossier_len: usize,
    options_json: *const c_char,
    options_len: usize,
    report_out: *mut *mut wg_report,
    error_out: *mut *mut wg_error,
) -> wg_result {
    // SAFETY: the caller's contract, for every pointer below.
    unsafe {
        clear(report_out);
        fallible(error_out, || {
            let report_out = out(report_out, "report_out")?;
            let policy = handle(policy, "policy")?;
            let dossier = document(dossier_json, dossier_len, "dossier_json")?;
            let options = optional_document(options_json, options_len, "options_json")?;
            let report = api::evaluate_under(&policy.policy, dossier, options)?;
            *report_out = wg_report::into_raw(report);
            Ok(())
        })
    }
}

/// Whether a date is a working day under the policy's calendar (weekends, public holidays and
/// make-up working days).
///
/// - `policy`: must not be NULL. Borrowed for the call only.
/// - `date`: `YYYY-MM-DD`, NUL-terminated, at most 1024 bytes. Borrowed for the call only.
/// - `working_day_out`: must not be NULL. Receives the answer on success; untouched on failure.
/// - `error_out`: NULL is fine. On failure (`WG_INVALID_TIME` for an impossible date,
///   `WG_OUTSIDE_CALENDAR` for a year the calendar does not know) receives a new error owned by
///   the caller, to be freed with `wg_error_free`; NULL on success.
///
/// # Safety
///
/// `policy` is NULL or a live handle; `date` is NULL or NUL-terminated; `working_day_out` is
/// NULL or valid for writing a `bool`; `error_out` is NULL or valid for writing one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_policy_is_working_day(
    policy: *const wg_policy,
    date: *const c_char,
    working_day_out: *mut bool,
    error_out: *mut *mut wg_error,
) -> wg_result {
    // SAFETY: the caller's contract, for every pointer below.
    unsafe {
        fallible(error_out, || {
            let working_day_out = out(working_day_out, "working_day_out")?;
            let policy = handle(policy, "policy")?;
            let date = short_text(date, "date")?;
            *working_day_out = api::is_working_day_under(&policy.policy, date)?;
            Ok(())
        })
    }
}
