//! Grid divisions (1.2): the filing of a change of division for the subdistrict's
//! grid-governance leading group. The rule is the core's (`wangge::division`).

use crate::error::fallible;
use crate::error::{wg_error, wg_result};
use crate::input::{document, out, short_text};
use crate::panic::clear;
use crate::string::give_string;
use std::ffi::c_char;
use wangge_core::api::{self, Answer};

/// The filing (1.2) of a community's grid division `to_division` for the subdistrict's
/// grid-governance leading group (街道网格化治理工作领导小组): what moved (area, from grid, to
/// grid, effective date) since division `from_division`, or, for a first division, where every
/// area was placed.
///
/// - `dossier_json`, `dossier_len`: the dossier, UTF-8, at most 64 MiB. Borrowed for the call.
/// - `community`: the community's ID, NUL-terminated, at most 1024 bytes. Borrowed for the call.
/// - `from_division`: the division replaced, NUL-terminated, at most 1024 bytes, older than
///   `to_division`; or NULL for the filing of a first division (every area listed as placed).
///   Borrowed for the call.
/// - `to_division`: must not be NULL. The division filed, NUL-terminated, at most 1024 bytes.
///   Borrowed for the call.
/// - `answer_out`: must not be NULL. On success receives
///   `{"status":"success","value":{"clause":"1.2","addressee":..,"moves":[..],..}}`, a
///   NUL-terminated string owned by the caller, to be freed with `wg_string_free`; NULL on
///   failure.
/// - `error_out`: NULL is fine. On failure (`WG_UNKNOWN_REFERENCE` for an unknown community or
///   division, `WG_INVALID_ORGANISATION` for a division of another community, ...) receives every problem found; NULL on success. Free with `wg_error_free`.
///
/// # Safety
///
/// `dossier_json` is NULL or readable for `dossier_len` bytes; `community`, `from_division`
/// and `to_division` are NULL or NUL-terminated; `answer_out` and `error_out` are NULL or valid
/// for writing one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_dossier_grid_filing(
    dossier_json: *const c_char,
    dossier_len: usize,
    community: *const c_char,
    from_division: *const c_char,
    to_division: *const c_char,
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
            let from = if from_division.is_null() {
                None
            } else {
                Some(short_text(from_division, "from_division")?)
            };
            let to = short_text(to_division, "to_division")?;
            let value = api::grid_filing_texts(dossier, community, from, to)?;
            give_string(answer_out, Answer::success(value).to_json());
            Ok(())
        })
    }
}
