//! Confidentiality (2.2.4, 2.2.5): disclosure outside under both approvals, a viewer's scope,
//! the public notice, and the class of every dossier field. The rules are the core's
//! (`wangge::confidentiality`); these calls only read C arguments and hand the answers over.

use crate::error::fallible;
use crate::error::{wg_error, wg_result};
use crate::input::{document, handle, out, short_text};
use crate::panic::clear;
use crate::policy::wg_policy;
use crate::string::give_string;
use std::ffi::c_char;
use wangge_core::api::{self, Answer};

/// Decides a request to give dossier data outside (2.2.5) under a policy: granted only with
/// dated, unexpired approvals of both the community's Party organisation and each relevant
/// functional department (which department is relevant, and how long an approval without an
/// end date lasts, are policy data).
///
/// A refusal is a *successful* answer: `WG_OK`, with `value.audit.decision` `"refused"` and
/// `value.audit.reasons` naming what is missing (an approval, an expired approval, one dated
/// after the request, one from the wrong body). Every decision carries its audit entry citing
/// 2.2.5; a grant also carries `value.copy`, a copy of the dossier holding only that
/// community's data, only the fields and records asked. A failure means the request or the
/// dossier could not be read (bad JSON, an unknown field path, record or community).
///
/// - `policy`: must not be NULL. Borrowed for the call only; other threads may use it at the
///   same time.
/// - `dossier_json`, `dossier_len`: the dossier, UTF-8, at most 64 MiB. Borrowed for the call.
/// - `request_json`, `request_len`: the request
///   `{"id":..,"requester":..,"purpose":..,"date":"YYYY-MM-DD","community":..,"fields":[dossier
///   paths such as "records.ledger_entries[].subject"],"records":[IDs, optional],
///   "approvals":[{"id":..,"body":{"kind":"party_organisation","community":..} or
///   {"kind":"functional_department","department":..},"approved_on":..,"valid_until":..}]}`,
///   UTF-8, at most 64 MiB. Borrowed for the call.
/// - `answer_out`: must not be NULL. On success receives
///   `{"status":"success","value":{"audit":{..,"decision":"granted"|"refused",..},..}}`, a
///   NUL-terminated string owned by the caller, to be freed with `wg_string_free`; NULL on
///   failure.
/// - `error_out`: NULL is fine. On failure receives every problem found (its `wg_error_json`
///   is the failure answer); NULL on success. Free with `wg_error_free`.
///
/// # Safety
///
/// `policy` is NULL or a live handle; `dossier_json` and `request_json` are NULL or readable
/// for their lengths; `answer_out` and `error_out` are NULL or valid for writing one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_policy_disclose(
    policy: *const wg_policy,
    dossier_json: *const c_char,
    dossier_len: usize,
    request_json: *const c_char,
    request_len: usize,
    answer_out: *mut *mut c_char,
    error_out: *mut *mut wg_error,
) -> wg_result {
    // SAFETY: the caller's contract, for every pointer below.
    unsafe {
        clear(answer_out);
        fallible(error_out, || {
            let answer_out = out(answer_out, "answer_out")?;
            let policy = handle(policy, "policy")?;
            let dossier = document(dossier_json, dossier_len, "dossier_json")?;
            let request = document(request_json, request_len, "request_json")?;
            let value = api::disclose_under(&policy.policy, dossier, request)?;
            give_string(answer_out, Answer::success(value).to_json());
            Ok(())
        })
    }
}

/// The dossier as a viewer may see it (2.2.5), filtered by the library. A person viewer
/// (`{"kind":"person","person":"w1","from":"YYYY-MM-DD","to":"YYYY-MM-DD"}`, `to` optional: the
/// one day `from`) sees by their role: a grid worker the records of the grids assigned to them
/// on those days and their own personal records, a grid leader their community; the
/// subdistrict (`{"kind":"subdistrict"}`) sees everything.
///
/// Asking beyond one's scope is not an error: the view is always filtered, and the answer
/// states the scope applied, `{"status":"success","value":{"scope":{..},"dossier":{..}}}`.
/// Show `value.dossier`, never the dossier given, to that viewer.
///
/// - `dossier_json`, `dossier_len`: the dossier, UTF-8, at most 64 MiB. Borrowed for the call.
/// - `viewer_json`, `viewer_len`: the viewer, UTF-8, at most 64 MiB. Borrowed for the call.
/// - `answer_out`: must not be NULL. On success receives the answer, a NUL-terminated string
///   owned by the caller, to be freed with `wg_string_free`; NULL on failure.
/// - `error_out`: NULL is fine. On failure (a viewer who is not in the dossier, bad JSON, ...)
///   receives every problem found; NULL on success. Free with `wg_error_free`.
///
/// # Safety
///
/// `dossier_json` and `viewer_json` are NULL or readable for their lengths; `answer_out` and
/// `error_out` are NULL or valid for writing one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_dossier_view(
    dossier_json: *const c_char,
    dossier_len: usize,
    viewer_json: *const c_char,
    viewer_len: usize,
    answer_out: *mut *mut c_char,
    error_out: *mut *mut wg_error,
) -> wg_result {
    // SAFETY: the caller's contract, for every pointer below.
    unsafe {
        clear(answer_out);
        fallible(error_out, || {
            let answer_out = out(answer_out, "answer_out")?;
            let dossier = document(dossier_json, dossier_len, "dossier_json")?;
            let viewer = document(viewer_json, viewer_len, "viewer_json")?;
            let value = api::view_texts(dossier, viewer)?;
            give_string(answer_out, Answer::success(value).to_json());
            Ok(())
        })
    }
}

/// The public notice board (2.2.4) of a community on a date, built from public fields only:
/// grid names, map references, the buildings of each grid under the division in force, and
/// each grid worker's and the grid leader's name, photo reference, phone, services and duties.
/// What the board lacks (a phone, a map) is listed apart as `gaps`, for the staff.
///
/// - `dossier_json`, `dossier_len`: the dossier, UTF-8, at most 64 MiB. Borrowed for the call.
/// - `community`: the community's ID, NUL-terminated, at most 1024 bytes. Borrowed for the call.
/// - `date`: `YYYY-MM-DD`, NUL-terminated, at most 1024 bytes. Borrowed for the call.
/// - `answer_out`: must not be NULL. On success receives
///   `{"status":"success","value":{"clause":"2.2.4","date":..,"board":{..},"gaps":[..]}}`, a
///   NUL-terminated string owned by the caller, to be freed with `wg_string_free`; NULL on
///   failure.
/// - `error_out`: NULL is fine. On failure (`WG_UNKNOWN_REFERENCE` for an unknown community,
///   `WG_INVALID_TIME` for an impossible date, ...) receives every problem found; NULL on
///   success. Free with `wg_error_free`.
///
/// # Safety
///
/// `dossier_json` is NULL or readable for `dossier_len` bytes; `community` and `date` are NULL
/// or NUL-terminated; `answer_out` and `error_out` are NULL or valid for writing one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_dossier_public_notice(
    dossier_json: *const c_char,
    dossier_len: usize,
    community: *const c_char,
    date: *const c_char,
    answer_out: *mut *mut c_char,
    error_out: *mut *mut wg_error,
) -> wg_result {
    // SAFETY: the caller's contract, for every pointer below.
    unsafe {
        clear(answer_out);
        fallible(error_out, || {
            let answer_out = out(answer_out, "answer_out")?;
            let dossier = document(dossier_json, dossier_len, "dossier_json")?;
            let community = short_text(community, "community")?;
            let date = short_text(date, "date")?;
            let value = api::public_notice_texts(dossier, community, date)?;
            give_string(answer_out, Answer::success(value).to_json());
            Ok(())
        })
    }
}

/// The class of every field of a dossier, as the answer
/// `{"status":"success","value":[{"path":"records.ledger_entries[].subject",
/// "class":"confidential"},..]}`: `public` (what 2.2.4 posts), `internal` or `confidential`
/// (2.2.5). Field paths are those a disclosure request names.
///
/// - `answer_out`: must not be NULL. Receives the answer, a NUL-terminated string owned by the
///   caller, to be freed with `wg_string_free`; NULL on failure.
/// - `error_out`: NULL is fine; only a NULL `answer_out` fails.
///
/// # Safety
///
/// `answer_out` and `error_out` are NULL or valid for writing one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_data_classes_to_json(
    answer_out: *mut *mut c_char,
    error_out: *mut *mut wg_error,
) -> wg_result {
    // SAFETY: the caller's contract, for every pointer below.
    unsafe {
        clear(answer_out);
        fallible(error_out, || {
            let answer_out = out(answer_out, "answer_out")?;
            give_string(answer_out, api::data_classes_json());
            Ok(())
        })
    }
}
