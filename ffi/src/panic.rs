//! The panic boundary: every exported function runs its body through [`unwind`].
//!
//! A panic in wangge is a bug, but it must never unwind into a C caller (that is undefined
//! behaviour) nor abort the host process. [`unwind`] turns it into its message; an infallible
//! exported function answers its fallback ([`infallible`]), a fallible one the `WG_PANIC` code
//! (`error::fallible`, which keeps the message in its error). This module knows nothing of the
//! errors it becomes, so every other module may use it.

use std::panic::{AssertUnwindSafe, catch_unwind};

/// Runs `body`, turning a panic into its message. The one panic boundary of the crate.
pub(crate) fn unwind<T>(body: impl FnOnce() -> T) -> Result<T, String> {
    // AssertUnwindSafe: after a panic nothing the body touched is used again; handles are
    // immutable, and out-parameters are only written after the body succeeded.
    catch_unwind(AssertUnwindSafe(body)).map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".to_owned())
    })
}

/// The shape of an exported function that cannot fail (accessors, frees): runs `body` inside
/// the boundary and answers `fallback` if it panics.
pub(crate) fn infallible<T>(fallback: T, body: impl FnOnce() -> T) -> T {
    unwind(body).unwrap_or(fallback)
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
    fn a_panic_becomes_the_fallback_or_its_message() {
        assert_eq!(infallible(7, || panic!("boom")), 7);
        #[allow(clippy::indexing_slicing, reason = "the panic under test")]
        let message = unwind(|| Vec::<u8>::new()[3]).err().unwrap_or_default();
        assert!(message.contains("index out of bounds"));
    }
}
