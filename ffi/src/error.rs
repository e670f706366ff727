//! Result codes and errors: [`wg_result`] and the owned [`wg_error`].

use crate::panic::{clear, infallible, unwind};
use crate::string::c_string;
use serde::Serialize;
use std::ffi::{CString, c_char};
use std::ptr;
use wangge_core::api::Answer;
use wangge_core::{Error, ErrorKind, Problem};

/// The result of a call: `WG_OK` (0) or why it failed.
///
/// Numbers are stable: a code is never renumbered nor reused. 1 to 9 are the C layer's own
/// (5 to 9 reserved); 10 and up are the core's error kinds, number for number
/// (`wangge::ErrorKind::code`), so a kind added to the core gets the next free number here too.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum wg_result {
    /// Success.
    WG_OK = 0,
    /// A pointer argument that must not be NULL was NULL.
    WG_NULL_PARAMETER = 1,
    /// A text argument was not valid UTF-8.
    WG_INVALID_UTF8 = 2,
    /// wangge panicked: a bug, please report it with the message. Nothing was written to the
    /// out-parameters and the library can still be used.
    WG_PANIC = 3,
    /// The core reported a kind of problem this build has no code for: a bug of this library
    /// (the message still says what was wrong).
    WG_INTERNAL = 4,
    /// The text is not well-formed JSON.
    WG_SYNTAX = 10,
    /// A value has the wrong type, a field is missing, or a field is not known.
    WG_SHAPE = 11,
    /// A date, a time or an interval is impossible (2023-02-29, `25:00`, end before start).
    WG_INVALID_TIME = 12,
    /// Two records of one person overlap (patrol sessions, leave).
    WG_OVERLAP = 13,
    /// Two items share an ID that must be unique.
    WG_DUPLICATE_ID = 14,
    /// A record names a person, grid, community or other item that does not exist.
    WG_UNKNOWN_REFERENCE = 15,
    /// A date lies in a year the working-day calendar does not know.
    WG_OUTSIDE_CALENDAR = 16,
    /// A policy value is out of range or inconsistent.
    WG_INVALID_POLICY = 17,
    /// A clause ID that the measures do not have.
    WG_UNKNOWN_CLAUSE = 18,
    /// The organisation breaks a rule of the measures.
    WG_INVALID_ORGANISATION = 19,
    /// A requested period is outside the dossier or the policy's force.
    WG_INVALID_PERIOD = 20,
    /// Input larger or deeper than the documented limits.
    WG_TOO_LARGE = 21,
    /// Steps of a record out of their order (a problem resolved before it was escalated).
    WG_OUT_OF_ORDER = 22,
    /// The last problem of a list cut at its limit (`WG_MAX_PROBLEMS`): how many more were
    /// found and left out.
    WG_MORE_PROBLEMS = 23,
}

impl wg_result {
    /// The code of a core error kind: the one of the same number (`wangge::ErrorKind::code`,
    /// the core's one table of kinds).
    pub(crate) fn of_kind(kind: ErrorKind) -> wg_result {
        let code = kind.code();
        wg_result::ALL
            .iter()
            .map(|(r, _)| *r)
            .find(|r| *r as u32 == code && code >= 10)
            .unwrap_or(wg_result::WG_INTERNAL)
    }

    /// Every code, in number order, with its snake_case tag.
    const ALL: [(wg_result, &'static std::ffi::CStr); 19] = [
        (wg_result::WG_OK, c"ok"),
        (wg_result::WG_NULL_PARAMETER, c"null_parameter"),
        (wg_result::WG_INVALID_UTF8, c"invalid_utf8"),
        (wg_result::WG_PANIC, c"panic"),
        (wg_result::WG_INTERNAL, c"internal"),
        (wg_result::WG_SYNTAX, c"syntax"),
        (wg_result::WG_SHAPE, c"shape"),
        (wg_result::WG_INVALID_TIME, c"invalid_time"),
        (wg_result::WG_OVERLAP, c"overlap"),
        (wg_result::WG_DUPLICATE_ID, c"duplicate_id"),
        (wg_result::WG_UNKNOWN_REFERENCE, c"unknown_reference"),
        (wg_result::WG_OUTSIDE_CALENDAR, c"outside_calendar"),
        (wg_result::WG_INVALID_POLICY, c"invalid_policy"),
        (wg_result::WG_UNKNOWN_CLAUSE, c"unknown_clause"),
        (wg_result::WG_INVALID_ORGANISATION, c"invalid_organisation"),
        (wg_result::WG_INVALID_PERIOD, c"invalid_period"),
        (wg_result::WG_TOO_LARGE, c"too_large"),
        (wg_result::WG_OUT_OF_ORDER, c"out_of_order"),
        (wg_result::WG_MORE_PROBLEMS, c"more_problems"),
    ];
}

/// The snake_case tag of a result code (`"ok"`, `"null_parameter"`, `"invalid_time"`, ...), the
/// same word the JSON answers carry as `kind`; `"unknown"` for a number that is no code.
///
/// Ownership: the returned string is static; never free it.
#[unsafe(no_mangle)]
pub extern "C" fn wg_result_tag(code: u32) -> *const c_char {
    infallible(c"unknown".as_ptr(), || {
        wg_result::ALL
            .iter()
            .find(|(r, _)| *r as u32 == code)
            .map_or(c"unknown".as_ptr(), |(_, tag)| tag.as_ptr())
    })
}

/// Why a call failed, before it is handed to C.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The core's error, every problem with its location.
    Core(Error),
    /// A failure of the C layer itself (NULL, UTF-8, panic).
    Binding {
        code: wg_result,
        tag: &'static str,
        message: String,
    },
}

impl Failure {
    pub(crate) fn null(name: &str) -> Failure {
        Failure::Binding {
            code: wg_result::WG_NULL_PARAMETER,
            tag: "null_parameter",
            message: format!("`{name}` is NULL"),
        }
    }

    pub(crate) fn utf8(name: &str, err: &std::str::Utf8Error) -> Failure {
        Failure::Binding {
            code: wg_result::WG_INVALID_UTF8,
            tag: "invalid_utf8",
            message: format!(
                "`{name}` is not valid UTF-8 (at byte {})",
                err.valid_up_to()
            ),
        }
    }

    pub(crate) fn too_large(message: String) -> Failure {
        Failure::Core(Problem::new(ErrorKind::TooLarge, message).into())
    }

    pub(crate) fn panic(what: &str) -> Failure {
        Failure::Binding {
            code: wg_result::WG_PANIC,
            tag: "panic",
            message: format!("wangge panicked, a bug to report: {}", what.to_lowercase()),
        }
    }

    pub(crate) fn code(&self) -> wg_result {
        match self {
            Failure::Core(e) => e.kind().map_or(wg_result::WG_INTERNAL, wg_result::of_kind),
            Failure::Binding { code, .. } => *code,
        }
    }
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Core(e)
    }
}

/// One problem of a [`wg_error`], as C strings.
#[derive(Debug)]
struct ProblemText {
    code: wg_result,
    message: CString,
    path: Option<CString>,
    record: Option<CString>,
    date: Option<CString>,
}

/// Why a call failed: an opaque error owned by the caller, freed with `wg_error_free`.
///
/// It holds one or more problems (a document is checked whole, so every problem is reported at
/// once), each with a code, a message and where known the JSON path, record ID and date.
#[derive(Debug)]
pub struct wg_error {
    code: wg_result,
    message: CString,
    json: CString,
    problems: Vec<ProblemText>,
}

#[derive(Serialize)]
struct BindingProblem<'a> {
    kind: &'a str,
    message: &'a str,
    message_zh: &'a str,
}

#[derive(Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
enum BindingAnswer<'a> {
    Failure { errors: [BindingProblem<'a>; 1] },
}

impl wg_error {
    fn new(failure: Failure) -> wg_error {
        let code = failure.code();
        match failure {
            Failure::Core(e) => wg_error {
                code,
                message: c_string(e.to_string()),
                json: c_string(
                    Answer::<()>::Failure {
                        errors: e.problems().to_vec(),
                    }
                    .to_json(),
                ),
                problems: e
                    .problems()
                    .iter()
                    .map(|p| ProblemText {
                        code: wg_result::of_kind(p.kind),
                        message: c_string(p.message.clone()),
                        path: p.path.clone().map(c_string),
                        record: p.record.clone().map(c_string),
                        date: p.date.clone().map(c_string),
                    })
                    .collect(),
            },
            Failure::Binding { tag, message, .. } => {
                let answer = BindingAnswer::Failure {
                    errors: [BindingProblem {
                        kind: tag,
                        message: &message,
                        message_zh: "调用程序传入的参数有误，请联系系统维护人员",
                    }],
                };
                let json = serde_json::to_string(&answer).unwrap_or_default();
                wg_error {
                    code,
                    message: c_string(message.clone()),
                    json: c_string(json),
                    problems: vec![ProblemText {
                        code,
                        message: c_string(message),
                        path: None,
                        record: None,
                        date: None,
                    }],
                }
            }
        }
    }

    fn problem(&self, index: usize) -> Option<&ProblemText> {
        self.problems.get(index)
    }
}

/// Stores a new error for `failure` in `*error_out`, or drops it when `error_out` is NULL.
///
/// # Safety
///
/// `error_out` is NULL or valid for writing one pointer.
pub(crate) unsafe fn store_error(error_out: *mut *mut wg_error, failure: Failure) {
    if !error_out.is_null() {
        let error = Box::into_raw(Box::new(wg_error::new(failure)));
        // SAFETY: not NULL, and valid for writing by the caller's contract.
        unsafe { *error_out = error };
    }
}

/// Borrows `error` when it is not NULL.
///
/// # Safety
///
/// `error` is NULL or a live error of this library.
unsafe fn borrow<'a>(error: *const wg_error) -> Option<&'a wg_error> {
    // SAFETY: the caller's contract.
    unsafe { error.as_ref() }
}

fn opt_ptr(s: Option<&CString>) -> *const c_char {
    s.map_or(ptr::null(), |s| s.as_ptr())
}

/// The code of the error: the code of its first problem. `WG_NULL_PARAMETER` when `error` is
/// NULL.
///
/// # Safety
///
/// `error` is NULL or an error of this library not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_error_code(error: *const wg_error) -> wg_result {
    // SAFETY: the caller's contract.
    infallible(wg_result::WG_PANIC, || {
        unsafe { borrow(error) }.map_or(wg_result::WG_NULL_PARAMETER, |e| e.code)
    })
}

/// The error as one line of text, as the Rust error displays it: the first problem's message,
/// then `` at `PATH` `` and `` (record `ID`) `` where known, then `(and N more)`.
///
/// Ownership: the string belongs to `error` and lives until `wg_error_free(error)`. NULL when
/// `error` is NULL.
///
/// # Safety
///
/// `error` is NULL or an error of this library not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_error_message(error: *const wg_error) -> *const c_char {
    // SAFETY: the caller's contract.
    infallible(ptr::null(), || {
        unsafe { borrow(error) }.map_or(ptr::null(), |e| e.message.as_ptr())
    })
}

/// The error as a JSON failure answer, `{"status":"failure","errors":[{"kind":..,"message":..,
/// "path":..,"record":..,"date":..}]}`: byte for byte the answer the Rust and WebAssembly
/// bindings give for the same input.
///
/// Ownership: the string belongs to `error` and lives until `wg_error_free(error)`. NULL when
/// `error` is NULL.
///
/// # Safety
///
/// `error` is NULL or an error of this library not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_error_json(error: *const wg_error) -> *const c_char {
    // SAFETY: the caller's contract.
    infallible(ptr::null(), || {
        unsafe { borrow(error) }.map_or(ptr::null(), |e| e.json.as_ptr())
    })
}

/// How many problems the error holds (at least 1); 0 when `error` is NULL.
///
/// # Safety
///
/// `error` is NULL or an error of this library not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_error_problem_count(error: *const wg_error) -> usize {
    // SAFETY: the caller's contract.
    infallible(0, || {
        unsafe { borrow(error) }.map_or(0, |e| e.problems.len())
    })
}

/// The code of problem `index` (from 0); `WG_NULL_PARAMETER` when `error` is NULL or `index`
/// is out of range.
///
/// # Safety
///
/// `error` is NULL or an error of this library not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_error_problem_code(error: *const wg_error, index: usize) -> wg_result {
    infallible(wg_result::WG_PANIC, || {
        // SAFETY: the caller's contract.
        unsafe { borrow(error) }
            .and_then(|e| e.problem(index))
            .map_or(wg_result::WG_NULL_PARAMETER, |p| p.code)
    })
}

/// The message of problem `index` (from 0): lowercase, the offending value in backticks.
///
/// Ownership: the string belongs to `error` and lives until `wg_error_free(error)`. NULL when
/// `error` is NULL or `index` is out of range.
///
/// # Safety
///
/// `error` is NULL or an error of this library not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_error_problem_message(
    error: *const wg_error,
    index: usize,
) -> *const c_char {
    infallible(ptr::null(), || {
        // SAFETY: the caller's contract.
        let p = unsafe { borrow(error) }.and_then(|e| e.problem(index));
        p.map_or(ptr::null(), |p| p.message.as_ptr())
    })
}

/// The JSON path of problem `index` in the input document, such as
/// `records.work_records[3].patrols[0].end`.
///
/// Ownership: the string belongs to `error` and lives until `wg_error_free(error)`. NULL when
/// the problem has no path, `error` is NULL or `index` is out of range.
///
/// # Safety
///
/// `error` is NULL or an error of this library not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_error_problem_path(
    error: *const wg_error,
    index: usize,
) -> *const c_char {
    infallible(ptr::null(), || {
        // SAFETY: the caller's contract.
        let p = unsafe { borrow(error) }.and_then(|e| e.problem(index));
        opt_ptr(p.and_then(|p| p.path.as_ref()))
    })
}

/// The ID of the record or item problem `index` concerns.
///
/// Ownership: the string belongs to `error` and lives until `wg_error_free(error)`. NULL when
/// the problem names no record, `error` is NULL or `index` is out of range.
///
/// # Safety
///
/// `error` is NULL or an error of this library not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_error_problem_record(
    error: *const wg_error,
    index: usize,
) -> *const c_char {
    infallible(ptr::null(), || {
        // SAFETY: the caller's contract.
        let p = unsafe { borrow(error) }.and_then(|e| e.problem(index));
        opt_ptr(p.and_then(|p| p.record.as_ref()))
    })
}

/// The date (`YYYY-MM-DD`) problem `index` concerns.
///
/// Ownership: the string belongs to `error` and lives until `wg_error_free(error)`. NULL when
/// the problem names no date, `error` is NULL or `index` is out of range.
///
/// # Safety
///
/// `error` is NULL or an error of this library not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_error_problem_date(
    error: *const wg_error,
    index: usize,
) -> *const c_char {
    infallible(ptr::null(), || {
        // SAFETY: the caller's contract.
        let p = unsafe { borrow(error) }.and_then(|e| e.problem(index));
        opt_ptr(p.and_then(|p| p.date.as_ref()))
    })
}

/// Frees an error and every string borrowed from it. NULL is fine (nothing happens).
///
/// # Safety
///
/// `error` is NULL or an error of this library not yet freed; it must not be used afterwards.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_error_free(error: *mut wg_error) {
    infallible((), || {
        if !error.is_null() {
            // SAFETY: made by `Box::into_raw` in `store_error`, freed once by the contract.
            drop(unsafe { Box::from_raw(error) });
        }
    })
}

/// Runs `body` inside the panic boundary, a panic becoming a [`Failure`] with the `WG_PANIC`
/// code.
fn catch<T>(body: impl FnOnce() -> Result<T, Failure>) -> Result<T, Failure> {
    unwind(body).unwrap_or_else(|what| Err(Failure::panic(&what)))
}

/// The shape of a fallible exported function: clears `*error_out`, runs `body` inside the
/// boundary, and on failure stores a new [`wg_error`] in `*error_out` and returns its code.
///
/// # Safety
///
/// `error_out` is NULL or valid for writing one pointer.
pub(crate) unsafe fn fallible(
    error_out: *mut *mut wg_error,
    body: impl FnOnce() -> Result<(), Failure>,
) -> wg_result {
    // SAFETY: the caller's contract.
    unsafe { clear(error_out) };
    match catch(body) {
        Ok(()) => wg_result::WG_OK,
        Err(failure) => {
            let code = failure.code();
            // SAFETY: the caller's contract.
            unsafe { store_error(error_out, failure) };
            code
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_the_panic_code_with_its_message() {
        let mut error: *mut wg_error = std::ptr::null_mut();
        let code = unsafe {
            fallible(&mut error, || {
                let v: Vec<u8> = Vec::new();
                #[allow(clippy::indexing_slicing, reason = "the panic under test")]
                let _ = v[3];
                Ok(())
            })
        };
        assert_eq!(code, wg_result::WG_PANIC);
        assert!(!error.is_null());
        let message = unsafe { std::ffi::CStr::from_ptr(wg_error_message(error)) };
        assert!(message.to_string_lossy().contains("index out of bounds"));
        unsafe { wg_error_free(error) };
    }

    /// Every kind the core has (read from its JSON Schema, so a new kind is noticed) has its own
    /// code here, with the core's number and tag.
    #[test]
    fn every_core_kind_has_its_code_and_tag() {
        let kinds = ErrorKind::ALL;
        for &kind in kinds {
            let code = wg_result::of_kind(kind);
            assert_eq!(code as u32, kind.code(), "{kind:?}");
            let tag = unsafe { std::ffi::CStr::from_ptr(wg_result_tag(code as u32)) };
            assert_eq!(tag.to_str().unwrap(), kind.tag());
        }
        let schema = serde_json::to_value(schemars::schema_for!(ErrorKind)).unwrap();
        let mut tags = Vec::new();
        collect_tags(&schema, &mut tags);
        tags.sort();
        tags.dedup();
        assert_eq!(
            tags.len(),
            kinds.len(),
            "core kinds {tags:?}: add the new ones here"
        );
    }

    fn collect_tags(value: &serde_json::Value, tags: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, v) in map {
                    match (key.as_str(), v) {
                        ("const", serde_json::Value::String(s)) => tags.push(s.clone()),
                        ("enum", serde_json::Value::Array(items)) => {
                            tags.extend(items.iter().filter_map(|i| i.as_str().map(str::to_owned)))
                        }
                        _ => collect_tags(v, tags),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|i| collect_tags(i, tags)),
            _ => {}
        }
    }
}
