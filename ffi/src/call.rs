//! The generic entry point: one call of the boundary named in a call document.

use crate::error::fallible;
use crate::error::{wg_error, wg_result};
use crate::input::{document, out};
use crate::panic::clear;
use crate::string::give_string;
use std::ffi::c_char;
use wangge_core::api;

/// Runs the call a call document names, byte for byte as the typed function of that call:
/// `{"call":"assess","dossier":"<the dossier's JSON text>","options":"<options text>"}` (every
/// document as its JSON text; the calls and their arguments are those of `wangge::api::Call`,
/// listed in tests/cases/README.md). For hosts that pass calls through one function, and for
/// the shared case runners.
///
/// - `call_json`, `call_len`: the call document, UTF-8, at most 64 MiB. Borrowed for the call.
/// - `answer_out`: must not be NULL. On success receives the success answer
///   (`{"status":"success","value":..,"class":..}`), a NUL-terminated string owned by the
///   caller, to be freed with `wg_string_free`; NULL on failure.
/// - `error_out`: NULL is fine. On failure (a call document that cannot be read, or the call's
///   own failure) receives every problem found (its `wg_error_json` is the failure answer);
///   NULL on success. Free with `wg_error_free`.
///
/// # Safety
///
/// `call_json` is NULL or readable for `call_len` bytes; `answer_out` and `error_out` are NULL
/// or valid for writing one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_call(
    call_json: *const c_char,
    call_len: usize,
    answer_out: *mut *mut c_char,
    error_out: *mut *mut wg_error,
) -> wg_result {
    // SAFETY: the caller's contract, for every pointer below.
    unsafe {
        clear(answer_out);
        fallible(error_out, || {
            let answer_out = out(answer_out, "answer_out")?;
            let call = document(call_json, call_len, "call_json")?;
            give_string(answer_out, api::run_call(call)?);
            Ok(())
        })
    }
}
