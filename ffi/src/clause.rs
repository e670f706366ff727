//! Clauses of the measures: their text by ID.

use crate::error::fallible;
use crate::error::{wg_error, wg_result};
use crate::input::{out, short_text};
use crate::panic::clear;
use crate::string::give_string;
use std::ffi::c_char;
use wangge_core::api::{self, Answer};

/// The original Chinese text of a clause of the measures, by its ID (`"2.2.2"`; IDs as in
/// CLAUSES.md).
///
/// - `id`: NUL-terminated, at most 1024 bytes. Borrowed for the call only.
/// - `text_out`: must not be NULL. Receives the text, a NUL-terminated UTF-8 string owned by
///   the caller, to be freed with `wg_string_free`; NULL on failure.
/// - `error_out`: NULL is fine. On failure (`WG_UNKNOWN_CLAUSE` for an ID the measures do not
///   have) receives a new error owned by the caller, to be freed with `wg_error_free`.
///
/// # Safety
///
/// `id` is NULL or NUL-terminated; `text_out` and `error_out` are NULL or valid for writing one
/// pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_clause_text(
    id: *const c_char,
    text_out: *mut *mut c_char,
    error_out: *mut *mut wg_error,
) -> wg_result {
    // SAFETY: the caller's contract, for every pointer below.
    unsafe {
        clear(text_out);
        fallible(error_out, || {
            let text_out = out(text_out, "text_out")?;
            let clause = api::clause_text(short_text(id, "id")?)?;
            give_string(text_out, clause.text_zh.clone());
            Ok(())
        })
    }
}

/// A clause of the measures as the answer
/// `{"status":"success","value":{"id":..,"title_zh":..,"title_en":..,"text_zh":..}}`.
///
/// - `id`: NUL-terminated, at most 1024 bytes. Borrowed for the call only.
/// - `answer_out`: must not be NULL. Receives a NUL-terminated string owned by the caller, to
///   be freed with `wg_string_free`; NULL on failure.
/// - `error_out`: NULL is fine; as for `wg_clause_text`.
///
/// # Safety
///
/// `id` is NULL or NUL-terminated; `answer_out` and `error_out` are NULL or valid for writing
/// one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_clause_to_json(
    id: *const c_char,
    answer_out: *mut *mut c_char,
    error_out: *mut *mut wg_error,
) -> wg_result {
    // SAFETY: the caller's contract, for every pointer below.
    unsafe {
        clear(answer_out);
        fallible(error_out, || {
            let answer_out = out(answer_out, "answer_out")?;
            let value = api::clause_text(short_text(id, "id")?)?;
            give_string(answer_out, Answer::success(value).to_json());
            Ok(())
        })
    }
}
