//! The C entry points with raw bytes, as a C caller would pass them: any bytes (not only UTF-8)
//! as a policy, as a dossier and, cut at the first NUL, as a date and a clause ID.
//!
//! Besides "no crash", it checks the contract of every call: `WG_OK` exactly when an answer (or
//! handle) is handed out and no error is, every error readable through every accessor, and
//! everything handed out freed (LeakSanitizer would report a leak).
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::ffi::{CStr, c_char};
use std::ptr;
use wangge_ffi::clause::wg_clause_text;
use wangge_ffi::error::{
    wg_error, wg_error_code, wg_error_free, wg_error_json, wg_error_message, wg_error_problem_code,
    wg_error_problem_count, wg_error_problem_date, wg_error_problem_message, wg_error_problem_path,
    wg_error_problem_record, wg_result, wg_result_tag,
};
use wangge_ffi::policy::{
    wg_policy, wg_policy_check, wg_policy_default, wg_policy_evaluate, wg_policy_evaluate_report,
    wg_policy_free, wg_policy_from_json, wg_policy_is_working_day, wg_policy_to_json,
};
use wangge_ffi::report::{
    wg_person_totals, wg_report, wg_report_free, wg_report_is_complete, wg_report_person_count,
    wg_report_person_totals,
};
use wangge_ffi::string::wg_string_free;

/// Reads every accessor of an error, checks its code, and frees it.
fn drain_error(code: wg_result, error: *mut wg_error) {
    assert!(!error.is_null(), "failure {code:?} without an error");
    // SAFETY: `error` is a live error just handed out; every string is read before the free.
    unsafe {
        assert_eq!(wg_error_code(error), code);
        assert!(!wg_result_tag(code as u32).is_null());
        for s in [wg_error_message(error), wg_error_json(error)] {
            assert!(!s.is_null());
            let _ = CStr::from_ptr(s).to_str().expect("utf-8");
        }
        let n = wg_error_problem_count(error);
        for i in 0..=n {
            let _ = wg_error_problem_code(error, i);
            for s in [
                wg_error_problem_message(error, i),
                wg_error_problem_path(error, i),
                wg_error_problem_record(error, i),
                wg_error_problem_date(error, i),
            ] {
                if !s.is_null() {
                    let _ = CStr::from_ptr(s).to_str().expect("utf-8");
                }
            }
        }
        wg_error_free(error);
    }
}

/// Checks the success/failure contract of one call that hands out a string, and frees all.
fn settle_string(code: wg_result, answer: *mut c_char, error: *mut wg_error) {
    if code == wg_result::WG_OK {
        assert!(!answer.is_null() && error.is_null());
        // SAFETY: a live string handed out by the call.
        unsafe {
            let text = CStr::from_ptr(answer).to_str().expect("utf-8");
            assert!(text.starts_with(r#"{"status":"success""#), "{text}");
            wg_string_free(answer);
        }
    } else {
        assert!(answer.is_null());
        drain_error(code, error);
    }
}

fn evaluate(policy: *const wg_policy, data: &[u8]) {
    let ptr = data.as_ptr().cast::<c_char>();
    let mut answer: *mut c_char = ptr::null_mut();
    let mut error: *mut wg_error = ptr::null_mut();
    // SAFETY: `data` is readable for its length; the out pointers are valid.
    let code = unsafe {
        wg_policy_evaluate(
            policy,
            ptr,
            data.len(),
            ptr::null(),
            0,
            &mut answer,
            &mut error,
        )
    };
    settle_string(code, answer, error);

    let mut report: *mut wg_report = ptr::null_mut();
    let mut error: *mut wg_error = ptr::null_mut();
    // SAFETY: as above.
    let code = unsafe {
        wg_policy_evaluate_report(
            policy,
            ptr,
            data.len(),
            ptr::null(),
            0,
            &mut report,
            &mut error,
        )
    };
    if code == wg_result::WG_OK {
        assert!(!report.is_null() && error.is_null());
        // SAFETY: a live report, read then freed; one index past the end must fail cleanly.
        unsafe {
            let _ = wg_report_is_complete(report);
            let n = wg_report_person_count(report);
            for i in 0..=n {
                let mut totals = std::mem::MaybeUninit::<wg_person_totals>::zeroed();
                let mut error: *mut wg_error = ptr::null_mut();
                let code = wg_report_person_totals(report, i, totals.as_mut_ptr(), &mut error);
                assert_eq!(code == wg_result::WG_OK, i < n);
                if code != wg_result::WG_OK {
                    drain_error(code, error);
                }
            }
            wg_report_free(report);
        }
    } else {
        assert!(report.is_null());
        drain_error(code, error);
    }
}

fuzz_target!(|data: &[u8]| {
    let ptr = data.as_ptr().cast::<c_char>();

    // The bytes as a policy document.
    let mut answer: *mut c_char = ptr::null_mut();
    let mut error: *mut wg_error = ptr::null_mut();
    // SAFETY: `data` is readable for its length; the out pointers are valid.
    let code = unsafe { wg_policy_check(ptr, data.len(), &mut answer, &mut error) };
    settle_string(code, answer, error);

    let mut own: *mut wg_policy = ptr::null_mut();
    let mut error: *mut wg_error = ptr::null_mut();
    // SAFETY: as above.
    let code = unsafe { wg_policy_from_json(ptr, data.len(), &mut own, &mut error) };
    if code == wg_result::WG_OK {
        assert!(!own.is_null() && error.is_null());
        let mut answer: *mut c_char = ptr::null_mut();
        let mut error: *mut wg_error = ptr::null_mut();
        // SAFETY: a live handle.
        let code = unsafe { wg_policy_to_json(own, &mut answer, &mut error) };
        settle_string(code, answer, error);
    } else {
        assert!(own.is_null());
        drain_error(code, error);
    }

    // The bytes as a dossier, under the default policy.
    let mut default: *mut wg_policy = ptr::null_mut();
    // SAFETY: a valid out pointer; NULL error_out is allowed.
    let code = unsafe { wg_policy_default(&mut default, ptr::null_mut()) };
    assert_eq!(code, wg_result::WG_OK);
    evaluate(default, data);

    // The bytes up to the first NUL as a date and as a clause ID.
    let mut text: Vec<u8> = data
        .iter()
        .copied()
        .take_while(|&b| b != 0)
        .take(2048)
        .collect();
    text.push(0);
    let text_ptr = text.as_ptr().cast::<c_char>();
    let mut working = false;
    let mut error: *mut wg_error = ptr::null_mut();
    // SAFETY: a live handle, a NUL-terminated text, valid out pointers.
    let code = unsafe { wg_policy_is_working_day(default, text_ptr, &mut working, &mut error) };
    if code == wg_result::WG_OK {
        assert!(error.is_null());
    } else {
        drain_error(code, error);
    }
    let mut clause: *mut c_char = ptr::null_mut();
    let mut error: *mut wg_error = ptr::null_mut();
    // SAFETY: as above.
    let code = unsafe { wg_clause_text(text_ptr, &mut clause, &mut error) };
    if code == wg_result::WG_OK {
        assert!(!clause.is_null() && error.is_null());
        // SAFETY: a live string handed out by the call.
        unsafe { wg_string_free(clause) };
    } else {
        assert!(clause.is_null());
        drain_error(code, error);
    }

    // SAFETY: handles made above, not used afterwards; NULL is fine.
    unsafe {
        wg_policy_free(own);
        wg_policy_free(default);
    }
});
