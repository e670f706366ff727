//! Report handles: a compliance report read field by field, for callers that do not parse JSON.

use crate::error::fallible;
use crate::error::{wg_error, wg_result};
use crate::input::{handle, out};
use crate::panic::infallible;
use crate::string::c_string;
use std::ffi::{CString, c_char};
use wangge_core::Report;

/// A compliance report, made by `wg_policy_evaluate_report`, freed by `wg_report_free`.
///
/// Opaque and immutable: one report may be read by any number of threads at the same time.
#[derive(Debug)]
pub struct wg_report {
    complete: bool,
    people: Vec<PersonText>,
}

#[derive(Debug)]
struct PersonText {
    person: CString,
    name: CString,
    community: CString,
    role: CString,
    met: u32,
    missed: u32,
    excused: u32,
}

const _: fn() = || {
    fn shareable<T: Send + Sync>() {}
    shareable::<wg_report>();
};

impl wg_report {
    pub(crate) fn into_raw(report: Report) -> *mut wg_report {
        let people = report
            .people
            .into_iter()
            .map(|p| PersonText {
                role: c_string(
                    serde_json::to_value(p.role)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default(),
                ),
                person: c_string(p.person),
                name: c_string(p.name),
                community: c_string(p.community),
                met: p.totals.met,
                missed: p.totals.missed,
                excused: p.totals.excused,
            })
            .collect();
        Box::into_raw(Box::new(wg_report {
            complete: report.complete,
            people,
        }))
    }
}

/// The outcome counts of one person of a report, over every obligation that binds them.
///
/// The strings belong to the report and live until `wg_report_free`.
#[repr(C)]
#[derive(Debug)]
pub struct wg_person_totals {
    /// Person ID, as in the dossier.
    pub person: *const c_char,
    /// Name.
    pub name: *const c_char,
    /// Community ID.
    pub community: *const c_char,
    /// Role: `"grid_leader"` or `"grid_worker"`.
    pub role: *const c_char,
    /// Instances of a duty met.
    pub met: u32,
    /// Instances of a duty missed.
    pub missed: u32,
    /// Instances excused (leave, not in post).
    pub excused: u32,
}

/// How many people (grid leaders and grid workers, in organisation order) the report covers;
/// 0 when `report` is NULL.
///
/// # Safety
///
/// `report` is NULL or a live report.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_report_person_count(report: *const wg_report) -> usize {
    // SAFETY: the caller's contract.
    infallible(0, || {
        unsafe { report.as_ref() }.map_or(0, |r| r.people.len())
    })
}

/// Whether every record of the dossier was used (no record set aside with a warning); false
/// when `report` is NULL. The JSON report lists the warnings.
///
/// # Safety
///
/// `report` is NULL or a live report.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_report_is_complete(report: *const wg_report) -> bool {
    // SAFETY: the caller's contract.
    infallible(false, || {
        unsafe { report.as_ref() }.is_some_and(|r| r.complete)
    })
}

/// The totals of person `index` (from 0) of a report.
///
/// - `report`: must not be NULL. Borrowed for the call only.
/// - `totals_out`: must not be NULL. Filled on success; its strings belong to the report and
///   live until `wg_report_free(report)`. Untouched on failure.
/// - `error_out`: NULL is fine. On failure (`WG_NULL_PARAMETER`, or `WG_SHAPE` for an `index`
///   out of range) receives a new error owned by the caller, to be freed with `wg_error_free`.
///
/// # Safety
///
/// `report` is NULL or a live report; `totals_out` is NULL or valid for writing a
/// `wg_person_totals`; `error_out` is NULL or valid for writing one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_report_person_totals(
    report: *const wg_report,
    index: usize,
    totals_out: *mut wg_person_totals,
    error_out: *mut *mut wg_error,
) -> wg_result {
    // SAFETY: the caller's contract, for every pointer below.
    unsafe {
        fallible(error_out, || {
            let totals_out = out(totals_out, "totals_out")?;
            let report = handle(report, "report")?;
            let p = report.people.get(index).ok_or_else(|| {
                crate::error::Failure::Core(
                    wangge_core::Problem::new(
                        wangge_core::ErrorKind::Shape,
                        format!(
                            "person index `{index}` is out of range: the report has {} people",
                            report.people.len()
                        ),
                    )
                    .into(),
                )
            })?;
            *totals_out = wg_person_totals {
                person: p.person.as_ptr(),
                name: p.name.as_ptr(),
                community: p.community.as_ptr(),
                role: p.role.as_ptr(),
                met: p.met,
                missed: p.missed,
                excused: p.excused,
            };
            Ok(())
        })
    }
}

/// Frees a report and every string borrowed from it. NULL is fine (nothing happens).
///
/// # Safety
///
/// `report` is NULL or a report of this library not yet freed, which no other thread is using;
/// it must not be used afterwards.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_report_free(report: *mut wg_report) {
    infallible((), || {
        if !report.is_null() {
            // SAFETY: made by `Box::into_raw` here, freed once by the contract.
            drop(unsafe { Box::from_raw(report) });
        }
    })
}
