//! The panic boundary: every exported function runs its body through [`catch`].
//!
//! A panic in wangge is a bug, but it must never unwind into a C caller (that is undefined
//! behaviour) nor abort the host process. [`catch`] turns it into a [`Failure`] with the
//! `WG_PANIC` code; [`fallible`] and [`infallible`] are the two shapes exported functions take.

use crate::error::{Failure, store_error, wg_error, wg_result};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Runs `body`, turning a panic into a [`Failure`]. The one panic boundary of the crate.
pub(crate) fn catch<T>(body: impl FnOnce() -> Result<T, Failure>) -> Result<T, Failure> {
    // AssertUnwindSafe: after a panic nothing the body touched is used again; handles are
    // immutable, and out-parameters are only written after the body succeeded.
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(outcome) => outcome,
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "no message".to_owned());
            Err(Failure::panic(&what))
        }
    }
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

/// The shape of an exported function that cannot fail (accessors, frees): runs `body` inside
/// the boundary and answers `fallback` if it panics.
pub(crate) fn infallible<T>(fallback: T, body: impl FnOnce() -> T) -> T {
    catch(|| Ok(body())).unwrap_or(fallback)
}

/// Sets `*out` to NULL when `out` is not NULL.
///
/// # Safety
///
/// `out` is NULL or valid for writing one pointer.
pub(crate) unsafe fn clear<T>(out: *mut *mut T) {
    if !out.is_null() {
        // SAFETY: not NULL, and valid for writing by the caller's contract.
        unsafe { *out = std::ptr::null_mut() };
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
        let message = unsafe { std::ffi::CStr::from_ptr(crate::error::wg_error_message(error)) };
        assert!(message.to_string_lossy().contains("index out of bounds"));
        unsafe { crate::error::wg_error_free(error) };
        assert_eq!(infallible(7, || panic!("boom")), 7);
    }
}
